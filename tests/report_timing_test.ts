// lib/report/timing_section.ts: what measureTiming measures (cells, repeats, the FS* form that
// ran, DDPG-TTSU's updates per environment step) with tiny counts, and buildTimingSection's
// verdicts on synthetic rows with known answers. No assertion depends on how fast anything ran.
import {
  buildTimingSection,
  measureTiming,
  TIMING_METHODS,
  type TimingClaim,
  type TimingRow,
} from "../lib/report/timing_section.ts";
import { type Method, methodKey, methodLabel, PAPER_EPSILON } from "../lib/report/plan.ts";
import { DEFAULTS } from "../lib/config.ts";
import { assert, assertAlmostEquals, assertEquals } from "./assert.ts";

const FS: Method = { algo: "fsddpg", k1k2: "per-sample", epsilon: PAPER_EPSILON };
const FS_CG: Method = { algo: "fsddpg-cg", k1k2: "per-sample", epsilon: PAPER_EPSILON };

Deno.test("measureTiming() times every method per environment step, repeated, as it ran", async () => {
  const rows = await measureTiming({
    tasks: ["InvertedPendulum"],
    updates: 10, // 5 repeats × 2 environment steps
    denseUpdates: 1,
    denseTasks: ["InvertedPendulum"],
    envSteps: 0, // the replay is still filled with two batches' worth
  });
  assertEquals(rows.map((r) => r.key), TIMING_METHODS.map(methodKey));
  for (const r of rows) {
    assertEquals(r.label, methodLabel(r.method));
    assertEquals(r.implementation, "fused"); // the default path on the wasm backend
    if (r.estimated) {
      assert(r.algo === "sddpg" || r.algo === "sddpg-bd", r.key);
      assertEquals(r.repeats.length, 1); // min(3, denseUpdates = 1)
    } else {
      assert(r.repeats.length >= 5, `${r.key}: ${r.repeats.length} repeats`);
      assertEquals(r.repeats.map((x) => x.envSteps), [2, 2, 2, 2, 2]);
    }
    assertEquals(r.envSteps, r.repeats.reduce((a, x) => a + x.envSteps, 0));
    assertEquals(r.updates, r.envSteps * r.updatesPerEnvStep);
    assert(r.episodeSecondsMin <= r.episodeSeconds && r.episodeSeconds <= r.episodeSecondsMax);
  }
  // the per-sample FS cells ran per-sample (the agent's own config), the listing cell the listing
  const byKey = (m: Method) => rows.find((r) => r.key === methodKey(m))!;
  assertEquals(byKey(FS).k1k2, "per-sample");
  assertEquals(byKey(FS_CG).k1k2, "per-sample");
  assertEquals(byKey({ algo: "fsddpg", k1k2: "listing" }).k1k2, "listing");
  assertEquals(byKey({ algo: "ddpg" }).k1k2, undefined);
  // DDPG-TTSU pays criticSteps updates per environment step, DDPG one: in every repeat the
  // time per environment step is step + act + k × (time per update)
  const ttsu = byKey({ algo: "ddpg-ttsu" }), ddpg = byKey({ algo: "ddpg" });
  assertEquals(ttsu.updatesPerEnvStep, DEFAULTS.criticSteps);
  assertEquals(ddpg.updatesPerEnvStep, 1);
  for (const [row, k] of [[ttsu, DEFAULTS.criticSteps], [ddpg, 1]] as const) {
    for (const x of row.repeats) {
      assertEquals(x.updates, k * x.envSteps);
      assertAlmostEquals(x.envStepMs, x.stepMs + x.actMs + k * x.updateMs, 1e-9 * x.envStepMs);
    }
  }
});

/** A synthetic row whose repeats take `perStep` ms per environment step. */
function row(task: string, method: Method, perStep: number[], estimated = false): TimingRow {
  const sorted = [...perStep].sort((a, b) => a - b);
  return {
    task,
    algo: method.algo,
    method,
    key: methodKey(method),
    label: methodLabel(method),
    ...(method.k1k2 ? { k1k2: method.k1k2 } : {}),
    updatesPerEnvStep: method.algo === "ddpg-ttsu" ? 10 : 1,
    updateMs: sorted[sorted.length >> 1],
    stepMs: 0,
    actMs: 0,
    updates: perStep.length,
    envSteps: perStep.length,
    repeats: perStep.map((t) => ({
      envSteps: 1,
      updates: 1,
      stepMs: 0,
      actMs: 0,
      updateMs: t,
      envStepMs: t,
    })),
    clock: "cpu",
    implementation: "fused",
    episodeSeconds: sorted[sorted.length >> 1],
    episodeSecondsMin: sorted[0],
    episodeSecondsMax: sorted[sorted.length - 1],
    estimated,
  };
}

function claims(rows: TimingRow[], tasks = ["InvertedPendulum"]): TimingClaim[] {
  return buildTimingSection(rows, { tasks, evidence: "test", updates: 5, denseUpdates: 1 }).claims;
}
const FS_VS_CG = 0, SD_CG = 1, EXACT = 2, TTSU_DDPG = 3;

Deno.test("buildTimingSection() verdicts: holds only when every repeat pair agrees", () => {
  const fs = [10, 11, 10, 12, 10];
  // fsddpg-cg / fsddpg per pair: 2, 2, 2.1, 2.08, 2: above 1 in every pair
  let c = claims([
    row("InvertedPendulum", FS, fs),
    row("InvertedPendulum", FS_CG, [20, 22, 21, 25, 20]),
  ]);
  assertEquals(c[FS_VS_CG].verdict, "holds");
  assert(
    c[FS_VS_CG].detail.includes("2.00× [2.00–2.10] over 5 paired repeats"),
    c[FS_VS_CG].detail,
  );
  // reversed in every pair: 0.5 … 0.6
  c = claims([row("InvertedPendulum", FS, fs), row("InvertedPendulum", FS_CG, [5, 6, 6, 6, 5])]);
  assertEquals(c[FS_VS_CG].verdict, "does not hold");
  // medians say fsddpg-cg is slower (12 vs 10), but pair 2 is reversed (9 / 11): inconclusive
  c = claims([
    row("InvertedPendulum", FS, fs),
    row("InvertedPendulum", FS_CG, [12, 9, 12, 13, 12]),
  ]);
  assertEquals(c[FS_VS_CG].verdict, "inconclusive");
  // nothing to compare
  assertEquals(claims([row("InvertedPendulum", FS, fs)])[FS_VS_CG].verdict, "not tested");
});

Deno.test("buildTimingSection() verdicts: unpaired dense cells, factors, several tasks", () => {
  const fs = [10, 11, 10, 12, 10];
  // exact SD: 1 repeat against 5: range against range, 300 / 12 = 25 > 10 and 500 / 12 > 10
  let c = claims([
    row("InvertedPendulum", FS, fs),
    row("InvertedPendulum", { algo: "sddpg" }, [500], true),
    row("InvertedPendulum", { algo: "sddpg-bd" }, [300], true),
  ]);
  assertEquals(c[EXACT].verdict, "holds");
  assert(c[EXACT].detail.includes("repeats (range against range)"), c[EXACT].detail);
  // 115 / 12 < 10 < 115 / 10: the 10× claim is inconclusive; 90 / 10 < 10: it does not hold
  c = claims([
    row("InvertedPendulum", FS, fs),
    row("InvertedPendulum", { algo: "sddpg" }, [115], true),
  ]);
  assertEquals(c[EXACT].verdict, "inconclusive");
  c = claims([
    row("InvertedPendulum", FS, fs),
    row("InvertedPendulum", { algo: "sddpg" }, [90], true),
  ]);
  assertEquals(c[EXACT].verdict, "does not hold");
  // SDDPG-CG against both FS forms: holds against FSDDPG, not against FSDDPG-CG → does not hold
  c = claims([
    row("InvertedPendulum", FS, fs),
    row("InvertedPendulum", FS_CG, [40, 40, 40, 40, 40]),
    row("InvertedPendulum", { algo: "sddpg-cg" }, [30, 30, 30, 30, 30]),
  ]);
  assertEquals(c[SD_CG].verdict, "does not hold");
  // TTSU over DDPG on two tasks (Fig. 4 claims cover every task timed): holds on one,
  // inconclusive on the other → inconclusive
  const tasks = ["Reacher", "Ant"];
  c = claims([
    row("Reacher", { algo: "ddpg" }, [1, 1, 1, 1, 1]),
    row("Reacher", { algo: "ddpg-ttsu" }, [5, 5, 5, 5, 5]),
    row("Ant", { algo: "ddpg" }, [1, 1, 1, 1, 1]),
    row("Ant", { algo: "ddpg-ttsu" }, [5, 5, 0.5, 5, 5]),
  ], tasks);
  assertEquals(c[TTSU_DDPG].verdict, "inconclusive");
});

Deno.test("buildTimingSection() sets Table 3 beside the per-sample rows and labels every row", () => {
  const listing: Method = { algo: "fsddpg", k1k2: "listing" };
  const { markdown, files } = buildTimingSection([
    row("InvertedPendulum", { algo: "ddpg" }, [1, 1, 1, 1, 1]),
    row("InvertedPendulum", FS, [2, 2, 2, 2, 2]),
    row("InvertedPendulum", listing, [1.5, 1.5, 1.5, 1.5, 1.5]),
    row("InvertedPendulum", FS_CG, [4, 4, 4, 4, 4]),
  ], { tasks: ["InvertedPendulum"], evidence: "test", updates: 5, denseUpdates: 1 });
  const line = (label: string) => markdown.split("\n").find((l) => l.startsWith(`| ${label} |`))!;
  // paper: FSDDPG 15.25 s, FSDDPG-CG 30.96 s (× 2.03); ours 2 s and 4 s per episode
  assert(line(methodLabel(FS)).includes("| 15.25 | 1.00 |"), line(methodLabel(FS)));
  assert(line(methodLabel(FS_CG)).includes("| 30.96 | 2.03 |"), line(methodLabel(FS_CG)));
  assert(line(methodLabel(listing)).endsWith("| – | – |"), line(methodLabel(listing)));
  assert(line(methodLabel(FS)).includes("| 2.00 [2.00–2.00] | 5 × 1 | 2.00 | 1.00 |"));
  assert(files.some((f) => f.path === "timing/timing.csv"));
});
