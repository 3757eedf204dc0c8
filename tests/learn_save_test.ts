// "Save to runs" and the checkpoint download of the /learn page: a short run trained with the
// page's loop (lib/learn/trainer.ts) is posted to POST /api/learn/save and becomes an ordinary
// run (listed by /api/runs, its checkpoint loads and resumes); the server refuses oversized,
// malformed and path-bearing payloads with one line naming the field, writing nothing; the
// downloaded tar unpacks to a folder loadAgent reads.
import { assert, assertEquals } from "./assert.ts";
import { createApp } from "../lib/ui/app.ts";
import { LearnSession, resolveLearnConfig } from "../lib/learn/trainer.ts";
import { type PageRun, savePayload, tarArchive } from "../lib/learn/client.ts";
import type { CheckpointMessage } from "../lib/learn/protocol.ts";
import type { MetricRow } from "../lib/store/run_store.ts";
import { storedFields } from "../lib/train/config.ts";
import { loadAgent } from "../lib/agent.ts";
import { resumeRun } from "../lib/train/loop.ts";
import { SAVE_LIMITS } from "../lib/learn/save_run.ts";

/** A finished page run of InvertedPendulum (600 steps), as the page holds it. */
async function pageRun(): Promise<PageRun> {
  const config = resolveLearnConfig({
    env: "InvertedPendulum",
    algo: "fstd3",
    seeds: "0,1",
    steps: 600,
    startSteps: 200,
    updateAfter: 200,
    evalEvery: 300,
    evalEpisodes: 1,
    checkpointEvery: 0,
    recordEvery: 300,
  });
  const session = await LearnSession.create(config);
  const rows: MetricRow[] = [];
  const rollouts = new Map<string, string>();
  const checkpoints = new Map<"last" | "best", CheckpointMessage>();
  try {
    const status = await session.run({
      rows: (r) => rows.push(...r),
      rollout: (label, text) => rollouts.set(label, text),
      checkpoint: (name, files) =>
        checkpoints.set(name, {
          type: "checkpoint",
          name,
          step: session.stepsDone,
          agentJson: String(files["agent.json"]),
          trainerJson: String(files["trainer.json"]),
          tensors: files["tensors.bin"] as Uint8Array,
        }),
    });
    return {
      config: storedFields(config),
      runtime: { backend: session.agent.backend, implementation: session.agent.implementation },
      finished: status === "finished",
      stepsDone: session.stepsDone,
      bestEval: session.bestEval,
      wallTime: session.wallTime,
      rows,
      rollouts,
      checkpoints,
    };
  } finally {
    session.dispose();
  }
}

const run = await pageRun();

async function post(
  app: ReturnType<typeof createApp>,
  body: unknown,
  headers: Record<string, string> = { "content-type": "application/json" },
): Promise<{ status: number; body: Record<string, string> }> {
  const res = await app.request("/api/learn/save", {
    method: "POST",
    headers,
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

async function entries(dir: string): Promise<string[]> {
  return (await Array.fromAsync(Deno.readDir(dir))).map((e) => e.name).sort();
}

Deno.test("learn save: a page run becomes an ordinary run that lists, loads and resumes", async () => {
  const root = await Deno.makeTempDir({ prefix: "stackrl-learn-save-" });
  try {
    const app = createApp({ runsDir: root });
    const saved = await post(app, savePayload(run, "browser-run"));
    assertEquals(saved.status, 201, JSON.stringify(saved.body));
    assertEquals(saved.body, { id: "browser-run", url: "/runs/browser-run" });
    const listed = (await (await app.request("/api/runs")).json()).runs;
    const summary = listed.find((r: { id: string }) => r.id === "browser-run");
    assert(summary, "listed by /api/runs");
    const detail = await (await app.request("/api/runs/browser-run")).json();
    assertEquals(detail.status.status, "finished");
    assertEquals(detail.status.bestEval, run.bestEval);
    assertEquals(detail.counts.eval, 2 * 3);
    assertEquals(detail.config.runtime.implementation, "fused (browser)");
    const labels = detail.rollouts.map((r: string | { label: string }) =>
      typeof r === "string" ? r : r.label
    ).sort();
    const posted = [...run.rollouts.keys()].filter((l) => l !== "latest").sort();
    assert(posted.includes("step-000300"), `rollouts ${posted}`);
    assertEquals(labels, posted);
    const page = await app.request("/runs/browser-run");
    assertEquals(page.status, 200);
    await page.body?.cancel();
    // the checkpoint is the format loadAgent reads, with the page's weights
    const agent = await loadAgent(`${root}/browser-run/checkpoints/last`);
    const obs = new Float32Array(2 * agent.config.observationSize).fill(0.1);
    const again = await loadAgent(`${root}/browser-run/checkpoints/last`);
    assertEquals(agent.act(obs), again.act(obs));
    agent.dispose();
    again.dispose();
    // a second save under the same name is refused
    const twice = await post(app, savePayload(run, "browser-run"));
    assertEquals(twice.status, 409);
    // a run the page stopped resumes like any interrupted run
    const stopped = { ...run, finished: false };
    assertEquals((await post(app, savePayload(stopped, "stopped-run"))).status, 201);
    const resumed = await resumeRun(`${root}/stopped-run`, { steps: 700 });
    assertEquals(resumed.status, "finished");
    assertEquals(resumed.stepsDone, 700);
    assertEquals(await entries(root), ["browser-run", "stopped-run"]);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("learn save: bad payloads are refused with the field named, and nothing is written", async () => {
  const root = await Deno.makeTempDir({ prefix: "stackrl-learn-save-" });
  try {
    const app = createApp({ runsDir: root });
    const good = savePayload(run) as Record<string, unknown>;
    const config = good.config as Record<string, unknown>;
    const last = (good.checkpoints as Record<string, Record<string, string>>).last;
    const cases: [string, unknown, string][] = [
      ["a path as name", { ...good, name: "../escape" }, "name: got"],
      ["an out folder", { ...good, config: { ...config, out: "/tmp" } }, "config.out: got"],
      ["an unknown task", { ...good, config: { ...config, env: "Nope" } }, "env"],
      ["an unknown key", { ...good, extra: 1 }, "extra: got"],
      ["another format", { ...good, format: "x" }, "format: got"],
      ["a path as rollout label", {
        ...good,
        rollouts: { "../../x": "{}" },
      }, "rollouts: got"],
      ["a broken rollout", { ...good, rollouts: { best: "{" } }, "rollouts.best: got"],
      ["a row past the budget", {
        ...good,
        metrics: [{ ...run.rows[0], step: 10_000 }],
      }, "metrics[0].step: got"],
      ["a row of another member", {
        ...good,
        metrics: [{ ...run.rows[0], member: 5 }],
      }, "metrics[0].member: got"],
      ["short tensors", {
        ...good,
        checkpoints: { last: { ...last, tensors: last.tensors.slice(0, 8) } },
      }, "checkpoints.last.tensors: got"],
      ["a third checkpoint", {
        ...good,
        checkpoints: { other: last },
      }, "checkpoints: got"],
    ];
    for (const [what, body, field] of cases) {
      const r = await post(app, body);
      assertEquals(r.status, 400, `${what}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
      assert(r.body.error.startsWith(field), `${what}: ${r.body.error}`);
      assert(!r.body.error.includes("\n    at "), `${what}: no stack trace`);
    }
    assertEquals((await post(app, "{")).status, 400);
    assertEquals((await post(app, good, { "content-type": "text/plain" })).status, 415);
    const big = await post(app, "x", {
      "content-type": "application/json",
      "content-length": String(SAVE_LIMITS.bodyBytes + 1),
    });
    assertEquals(big.status, 413);
    assertEquals(await entries(root), [], "nothing written");
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("learn download: the checkpoint tar unpacks to a folder loadAgent reads", async () => {
  const dir = await Deno.makeTempDir({ prefix: "stackrl-learn-tar-" });
  try {
    const c = run.checkpoints.get("last")!;
    const files = {
      "agent.json": c.agentJson,
      "tensors.bin": c.tensors,
      "trainer.json": c.trainerJson,
    };
    await Deno.writeFile(`${dir}/a.tar`, tarArchive("agent-last", files));
    const out = await new Deno.Command("tar", { args: ["-xf", "a.tar"], cwd: dir }).output();
    assert(out.success, new TextDecoder().decode(out.stderr));
    assertEquals(await Deno.readFile(`${dir}/agent-last/tensors.bin`), c.tensors);
    const agent = await loadAgent(`${dir}/agent-last`);
    assertEquals(agent.algo, "fstd3");
    assertEquals(agent.population, 2);
    agent.dispose();
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
