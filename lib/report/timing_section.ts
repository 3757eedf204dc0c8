/**
 * Report section 3, "Timing" (paper Table 3, Fig. 4, Fig. 9), and the time half of section 4
 * (degree ablation, Table 2). Seconds per 1,000-step training episode, the paper's unit: with
 * Spinning Up's schedule (a block of `updateEvery` updates every `updateEvery` steps) an episode
 * of 1,000 steps holds 1,000 environment steps, 1,000 exploratory actions and 1,000 updates, so
 * episode seconds = 1,000 × (step + act + update) with each term measured on the task's own
 * sizes (hidden 16×16, batch 100, P = 1, the default backend and update path). Algorithms whose
 * update needs n_w Hessian-vector products or a dense n_w × n_w solve (sddpg, sddpg-bd, std3)
 * are timed over a few updates only and labelled as estimates.
 * @module
 */
import { createAgent } from "../agent.ts";
import { ALGORITHMS, DEFAULTS } from "../config.ts";
import { Rng } from "../rng.ts";
import { makeEnv } from "../../physics/mod.ts";
import { linePlot } from "./svg.ts";
import type { ReportFile } from "./toy_section.ts";
import { csv, type Verdict, verdictCell } from "./stats.ts";

/** Algorithms with dense second-order updates (seconds per update on the 16×16 networks). */
export const DENSE = new Set(["sddpg", "sddpg-bd", "std3"]);

/** One measured cell. */
export interface TimingRow {
  task: string;
  algo: string;
  /** FS degree o (block-diagonal algorithms); undefined for the default. */
  degree?: number;
  /** Milliseconds per update, environment step and action. */
  updateMs: number;
  stepMs: number;
  actMs: number;
  /** Updates timed. */
  updates: number;
  implementation: string;
  /** Seconds per 1,000-step episode. */
  episodeSeconds: number;
  estimated: boolean;
}

/** The paper's Table 3 (seconds per episode); null where our copy of the table is garbled. */
export const PAPER_TABLE3: Record<string, Record<string, number | null>> = {
  HalfCheetah: {
    fsddpg: 13.70,
    "fsddpg-cg": 29.27,
    "sddpg-cg": 44.58,
    "sddpg-bd": 2000,
    sddpg: 2000,
  },
  InvertedDoublePendulum: {
    fsddpg: null,
    "fsddpg-cg": 28.45,
    "sddpg-cg": 43.58,
    "sddpg-bd": 446,
    sddpg: 1780,
  },
  InvertedPendulum: {
    fsddpg: 15.25,
    "fsddpg-cg": 30.96,
    "sddpg-cg": 43.69,
    "sddpg-bd": 339,
    sddpg: 1268,
  },
};

/** Settings of the timing measurements. */
export interface TimingOptions {
  tasks: string[];
  /** Updates timed per algorithm (after 2 warm-up updates). */
  updates: number;
  /** Updates timed per dense algorithm (no warm-up). */
  denseUpdates: number;
  /** Tasks on which the dense algorithms are timed. */
  denseTasks: string[];
  envSteps: number;
  /** Degrees of FSDDPG to time in addition (degree ablation) on `degreeTasks`. */
  degrees?: number[];
  degreeTasks?: string[];
  log?: (line: string) => void;
}

/** Measures every algorithm on every task (and the FSDDPG degrees). */
export async function measureTiming(options: TimingOptions): Promise<TimingRow[]> {
  const log = options.log ?? (() => {});
  const rows: TimingRow[] = [];
  const tasks = [...new Set([...options.tasks, ...(options.degreeTasks ?? [])])];
  for (const task of tasks) {
    const env = await makeEnv(task, { seed: 0 });
    const O = env.observationSize, A = env.actionSize;
    const rng = new Rng(11);
    // environment steps with uniformly random actions
    const action = new Float32Array(A);
    env.reset({ seed: 1 });
    const observations: Float32Array[] = [];
    const t0 = performance.now();
    for (let i = 0; i < options.envSteps; i++) {
      for (let j = 0; j < A; j++) {
        action[j] = env.actionLow[j] + (env.actionHigh[j] - env.actionLow[j]) * rng.uniform();
      }
      const s = env.step(action);
      if (observations.length < 2 * DEFAULTS.batchSize) observations.push(s.observation.slice());
      if (s.terminated || s.truncated) env.reset();
    }
    const stepMs = (performance.now() - t0) / options.envSteps;
    while (observations.length < 2 * DEFAULTS.batchSize) {
      observations.push(Float32Array.from({ length: O }, () => rng.normal()));
    }
    const B = DEFAULTS.batchSize;
    const batches = [0, 1].map((k) => ({
      observations: Float32Array.from(
        observations.slice(k * B, (k + 1) * B).flatMap((o) => [...o]),
      ),
      actions: Float32Array.from({ length: B * A }, () => 2 * rng.uniform() - 1),
      rewards: Float32Array.from({ length: B }, () => rng.normal()),
      nextObservations: Float32Array.from(
        observations.slice((1 - k) * B, (2 - k) * B).flatMap((o) => [...o]),
      ),
      dones: new Float32Array(B),
    }));
    {
      // warm the JIT and the wasm kernels so the first algorithm timed does not pay for it
      const warm = await createAgent("ddpg", {
        observationSize: O,
        actionSize: A,
        backend: "wasm",
      });
      for (let i = 0; i < 20; i++) await warm.update(batches[i % 2]);
      warm.dispose();
    }
    const cells: { algo: string; degree?: number }[] = [];
    if (options.tasks.includes(task)) {
      for (const algo of ALGORITHMS) {
        if (DENSE.has(algo) && !options.denseTasks.includes(task)) continue;
        cells.push({ algo });
      }
    }
    if (options.degreeTasks?.includes(task)) {
      for (const o of options.degrees ?? []) {
        if (o === 1 && options.tasks.includes(task)) continue; // the default fsddpg cell
        cells.push({ algo: "fsddpg", degree: o });
      }
    }
    for (const { algo, degree } of cells) {
      const dense = DENSE.has(algo);
      const agent = await createAgent(algo, {
        observationSize: O,
        actionSize: A,
        actionLow: env.actionLow,
        actionHigh: env.actionHigh,
        seed: 0,
        backend: "wasm",
        ...(degree !== undefined ? { degree } : {}),
      });
      const n = dense ? options.denseUpdates : options.updates;
      if (!dense) { for (let i = 0; i < 2; i++) await agent.update(batches[i % 2]); }
      const u0 = performance.now();
      for (let i = 0; i < n; i++) await agent.update(batches[i % 2]);
      const updateMs = (performance.now() - u0) / n;
      const one = observations[0];
      const a0 = performance.now();
      const acts = 50;
      for (let i = 0; i < acts; i++) agent.act(one, { explore: true });
      const actMs = (performance.now() - a0) / acts;
      const row: TimingRow = {
        task,
        algo,
        ...(degree !== undefined ? { degree } : {}),
        updateMs,
        stepMs,
        actMs,
        updates: n,
        implementation: agent.implementation,
        episodeSeconds: updateMs + stepMs + actMs,
        estimated: dense,
      };
      agent.dispose();
      rows.push(row);
      log(
        `  timing ${task} ${algo}${degree !== undefined ? ` o=${degree}` : ""}: ${
          row.episodeSeconds.toFixed(2)
        } s/episode (${updateMs.toFixed(2)} ms/update over ${n})`,
      );
    }
    env.close();
  }
  return rows;
}

function fmtSeconds(s: number): string {
  return s >= 100 ? s.toFixed(0) : s >= 10 ? s.toFixed(1) : s.toFixed(2);
}

/** A claim of the paper about time, checked on our measurements. */
export interface TimingClaim {
  claim: string;
  verdict: Verdict;
  detail: string;
}

function timingClaims(rows: TimingRow[], timingTasks: string[]): TimingClaim[] {
  const get = (task: string, algo: string) =>
    rows.find((r) => r.task === task && r.algo === algo && r.degree === undefined);
  const claims: TimingClaim[] = [];
  const pairwise = (claim: string, faster: string, slower: string[], factor = 1) => {
    const holds: string[] = [], fails: string[] = [];
    for (const task of timingTasks) {
      const f = get(task, faster);
      for (const s of slower) {
        const g = get(task, s);
        if (!f || !g) continue;
        const ratio = g.episodeSeconds / f.episodeSeconds;
        (ratio > factor ? holds : fails).push(`${task} ${s}/${faster} ${ratio.toFixed(2)}×`);
      }
    }
    claims.push({
      claim,
      verdict: holds.length + fails.length === 0
        ? "not tested"
        : fails.length
        ? "does not hold"
        : "holds",
      detail: [
        holds.length ? `holds: ${holds.join("; ")}` : "",
        fails.length ? `fails: ${fails.join("; ")}` : "",
      ].filter(Boolean).join(". ") || "no task timed both",
    });
  };
  pairwise(
    "FSDDPG is faster per episode than FSDDPG-CG (Table 3: 13.70 vs 29.27 s, about 2×)",
    "fsddpg",
    ["fsddpg-cg"],
  );
  pairwise(
    "FSDDPG is faster per episode than SDDPG-CG (Table 3: 13.70 vs 44.58 s)",
    "fsddpg",
    ["sddpg-cg"],
  );
  pairwise(
    "DDPG-TTSU and SDDPG-CG need more time per episode than FSDDPG (§6.2, Fig. 4)",
    "fsddpg",
    ["ddpg-ttsu", "sddpg-cg"],
  );
  pairwise(
    "Exact SDDPG and SDDPG-BD are at least 10× slower than FSDDPG (Table 3: 22× to ≥ 146×)",
    "fsddpg",
    ["sddpg", "sddpg-bd"],
    10,
  );
  return claims;
}

/** Section 3's Markdown, figure and CSV. */
export function buildTimingSection(
  rows: TimingRow[],
  options: { tasks: string[]; evidence: string; updates: number; denseUpdates: number },
): { markdown: string; files: ReportFile[]; claims: TimingClaim[] } {
  const md: string[] = [
    "## 3. Timing (paper Table 3, Fig. 4, Fig. 9)",
    "",
    "Seconds per 1,000-step training episode = 1,000 × (environment step + exploratory action + " +
    "update), each measured on the task's own sizes (hidden 16×16, batch 100, one agent, wasm " +
    "backend, the default update path: fused host loops for DDPG/TD3/FS*, the tfjs reference for " +
    `SD*). Updates timed: ${options.updates} per algorithm after 2 warm-up updates; ` +
    `**exact SD algorithms (sddpg, sddpg-bd, std3): estimated from ${options.denseUpdates} ` +
    "update(s), no warm-up** (marked *est.*), and only on the tasks listed. The paper ran PyTorch " +
    "on an Intel Xeon E5-2680 CPU; absolute seconds are not comparable across machines and " +
    "frameworks, ratios measured side by side in one run are, so each algorithm's ratio to DDPG " +
    "(ours) and to FSDDPG (ours and the paper's Table 3, which has no DDPG column) is shown. " +
    "One update is what `agent.update` does: for td3/fstd3/std3 the actor steps every 2nd update " +
    "(policy delay), for ddpg-ttsu every 10th (criticSteps), so a ddpg-ttsu episode holds 1,000 " +
    "critic and 100 actor steps.",
    "",
  ];
  const tasks = options.tasks.filter((t) => rows.some((r) => r.task === t));
  const files: ReportFile[] = [];
  for (const task of tasks) {
    const mine = rows.filter((r) => r.task === task && r.degree === undefined);
    const ddpg = mine.find((r) => r.algo === "ddpg");
    const fs = mine.find((r) => r.algo === "fsddpg");
    const paper = PAPER_TABLE3[task] ?? {};
    const paperFs = paper.fsddpg ?? null;
    md.push(`### ${task}`, "");
    md.push(
      "| algorithm | path | s / episode (ours) | × DDPG (ours) | × FSDDPG (ours) | s / episode (paper) | × FSDDPG (paper) |",
      "| --- | --- | --- | --- | --- | --- | --- |",
    );
    for (const r of mine) {
      const p = paper[r.algo];
      const pText = p === undefined
        ? "–"
        : p === null
        ? "garbled in our copy"
        : `${p >= 2000 && task === "HalfCheetah" ? "≥ " : ""}${p}`;
      md.push(
        `| ${r.algo} | ${r.implementation} | ${fmtSeconds(r.episodeSeconds)}${
          r.estimated ? ` *est. (${r.updates} update${r.updates > 1 ? "s" : ""})*` : ""
        } | ${ddpg ? (r.episodeSeconds / ddpg.episodeSeconds).toFixed(2) : "–"} | ${
          fs ? (r.episodeSeconds / fs.episodeSeconds).toFixed(2) : "–"
        } | ${pText} | ${p && paperFs ? (p / paperFs).toFixed(2) : "–"} |`,
      );
    }
    const missing = ["sddpg", "sddpg-bd", "std3"].filter((a) => !mine.some((r) => r.algo === a));
    if (missing.length) md.push("", `Not timed on ${task} at this budget: ${missing.join(", ")}.`);
    md.push("");
  }
  // figure: ratio to DDPG per algorithm (x: algorithm index), one series per task
  const algos = [...new Set(rows.filter((r) => r.degree === undefined).map((r) => r.algo))];
  const series = tasks.map((task) => {
    const ddpg = rows.find((r) => r.task === task && r.algo === "ddpg" && r.degree === undefined);
    const xs: number[] = [], ys: number[] = [];
    algos.forEach((a, i) => {
      const r = rows.find((r) => r.task === task && r.algo === a && r.degree === undefined);
      if (r && ddpg) {
        xs.push(i);
        ys.push(r.episodeSeconds / ddpg.episodeSeconds);
      }
    });
    return { label: task, x: xs, y: ys };
  }).filter((s) => s.x.length >= 2);
  if (series.length) {
    files.push({
      path: "timing/ratio_to_ddpg.svg",
      content: linePlot(series, {
        title: "Seconds per episode / DDPG's (log scale)",
        xLabel: `algorithm: ${algos.map((a, i) => `${i} ${a}`).join(", ")}`,
        yLabel: "× DDPG",
        logY: true,
        width: 760,
      }),
    });
    md.push("![time per episode, ratio to DDPG](timing/ratio_to_ddpg.svg)", "");
  }
  const claims = timingClaims(rows, tasks);
  md.push("### Verdicts on the paper's timing claims", "");
  md.push("| claim | verdict | evidence | where |", "| --- | --- | --- | --- |");
  for (const c of claims) {
    md.push(`| ${c.claim} | ${verdictCell(c.verdict)} | ${options.evidence} | ${c.detail} |`);
  }
  md.push("");
  files.push({
    path: "timing/timing.csv",
    content: csv(
      [
        "task",
        "algo",
        "degree",
        "implementation",
        "update_ms",
        "step_ms",
        "act_ms",
        "updates_timed",
        "episode_seconds",
        "estimated",
      ],
      rows.map((r) => [
        r.task,
        r.algo,
        r.degree ?? "",
        r.implementation,
        r.updateMs,
        r.stepMs,
        r.actMs,
        r.updates,
        r.episodeSeconds,
        r.estimated,
      ]),
    ),
  });
  return { markdown: md.join("\n"), files, claims };
}
