import { assert, assertEquals } from "./assert.ts";
import { resumeRun, train } from "../lib/train/loop.ts";
import {
  EMBEDDED_DEFAULT,
  ENVS,
  resolveTrainConfig,
  trainingDefaults,
} from "../lib/train/config.ts";
import { findCheckpoint, readTrainerState } from "../lib/train/checkpoint.ts";
import { type EvalRow, openRun, type RunConfig } from "../lib/store/run_store.ts";
import { type AdapterInfo, isSoftwareAdapter } from "../lib/train/adapter.ts";
import { loadAgent } from "../lib/agent.ts";
import { useBackend, webgpuAvailable } from "../lib/backend.ts";
import { listEnvs } from "../physics/registry.ts";
import { decodeRollout } from "../physics/rollout.ts";

const SMALL = {
  env: "InvertedPendulum",
  algo: "td3" as const,
  backend: "wasm" as const,
  startSteps: 200,
  updateAfter: 200,
  evalEpisodes: 2,
  recordEvery: 0,
};

Deno.test("train config: the env list matches physics", () => {
  assertEquals([...ENVS], listEnvs());
  const c = resolveTrainConfig({});
  assertEquals([c.env, c.algo, c.seeds, c.steps], ["InvertedPendulum", "fstd3", [0], 25000]);
});

Deno.test("train: a short fixed-seed InvertedPendulum run learns", async () => {
  const out = await Deno.makeTempDir();
  // observed (wasm, seed 0, deterministic): first evaluation (step 0) 7.5, at 8000 steps 96; the
  // same settings reach 1000 at 17500 steps
  const result = await train({
    ...SMALL,
    algo: "fstd3",
    out,
    steps: 8000,
    startSteps: 1000,
    updateAfter: 1000,
    lrActor: 3e-3,
    lrCritic: 3e-3,
    evalEvery: 4000,
    checkpointEvery: 0,
  });
  assertEquals(result.status, "finished");
  const run = await openRun(result.dir);
  const evals = run.metrics.filter((r): r is EvalRow => r.type === "eval");
  assertEquals(evals.map((e) => e.step), [0, 4000, 8000]);
  const first = evals[0].returnMean, last = evals[evals.length - 1].returnMean;
  assert(last >= 50 && last >= 5 * first, `first ${first}, last ${last}`);
  assertEquals(run.status.status, "finished");
  assertEquals(run.status.stepsDone, 8000);
  // what ran the updates is recorded next to what was asked for
  assertEquals(run.config.runtime, { backend: "wasm", implementation: "fused" });
  assert(run.metrics.some((r) => r.type === "episode"));
  assert(run.metrics.some((r) => r.type === "update" && r.cosine !== null));
  assert(
    run.rollouts.includes("step-000000") && run.rollouts.includes("best"),
    run.rollouts.join(),
  );
  const rollout = decodeRollout(
    await Deno.readTextFile(`${result.dir}/rollouts/step-000000.json`),
  );
  assertEquals(rollout.env, "InvertedPendulum");
  assertEquals(run.checkpoints, ["best", "last"]);
  await Deno.remove(out, { recursive: true });
});

// webgpu where an adapter exists: the fused kernel is deterministic (no atomics), so a resumed run
// (fresh replay mirror, state uploaded from the checkpoint) must match bit for bit too
const resumeBackends = (await webgpuAvailable())
  ? ["wasm", "cpu", "webgpu"] as const
  : ["wasm", "cpu"] as const;
for (const backend of resumeBackends) {
  Deno.test(`train: an interrupted run resumes bit for bit with the replay buffer saved (${backend})`, async () => {
    const out = await Deno.makeTempDir();
    const config = {
      ...SMALL,
      backend,
      seeds: [3, 4],
      out,
      steps: backend === "cpu" ? 600 : 900,
      evalEvery: 300,
      checkpointEvery: 0,
      checkpointReplay: true,
    };
    const notices: string[] = [];
    const whole = await train({ ...config, name: "whole" }, { log: (l) => notices.push(l) });
    const controller = new AbortController();
    const part = await train({ ...config, name: "part" }, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.stepsDone >= 437) controller.abort();
      },
      progressInterval: 0,
    });
    assertEquals(part.status, "interrupted");
    assert(part.stepsDone >= 437 && part.stepsDone < config.steps, `${part.stepsDone}`);
    assertEquals((await openRun(part.dir)).status.status, "interrupted");
    const resumed = await resumeRun(part.dir);
    assertEquals(resumed.status, "finished");
    assertEquals(resumed.stepsDone, config.steps);

    const a = await Deno.readFile(`${whole.dir}/checkpoints/last/tensors.bin`);
    const b = await Deno.readFile(`${part.dir}/checkpoints/last/tensors.bin`);
    assertEquals(a.length, b.length);
    assert(a.every((x, i) => x === b[i]), "weights, targets and Adam state differ");
    const strip = (rows: { type: string }[]) =>
      rows.filter((r) => r.type !== "update").map((r) => ({ ...r, time: 0 }));
    const rowsA = strip((await openRun(whole.dir)).metrics);
    const rowsB = strip((await openRun(part.dir)).metrics);
    assertEquals(rowsB, rowsA);
    assertEquals(resumed.lastEval, whole.lastEval);
    if (backend === "webgpu") {
      // the adapter is recorded; a software one (llvmpipe, …) is also announced
      const stored = (await openRun(whole.dir)).config.runtime as
        & NonNullable<RunConfig["runtime"]>
        & { adapter?: AdapterInfo };
      const { adapter, ...runtime } = stored;
      assertEquals(runtime, { backend: "webgpu", implementation: "fused-webgpu" });
      if (!adapter || typeof adapter.description !== "string") {
        throw new Error(`no adapter recorded: ${JSON.stringify(stored)}`);
      }
      assertEquals(notices.length, adapter.software ? 1 : 0, notices.join("\n"));
      if (adapter.software) assert(notices[0].includes(adapter.description), notices[0]);
      await useBackend("cpu");
    }
    await Deno.remove(out, { recursive: true });
  });
}

Deno.test("train config: trainingDefaults gives the paper's settings for a named task, the demo's without one", () => {
  const paper = trainingDefaults("Hopper"), demo = trainingDefaults(undefined);
  assertEquals([paper.env, paper.steps, paper.lrActor, paper.startSteps], [
    "Hopper",
    1e6,
    1e-3,
    1e4,
  ]);
  assertEquals([demo.env, demo.steps, demo.lrActor, demo.startSteps], [
    EMBEDDED_DEFAULT.env,
    EMBEDDED_DEFAULT.steps,
    EMBEDDED_DEFAULT.lrActor,
    EMBEDDED_DEFAULT.startSteps,
  ]);
  // resolveTrainConfig fills in exactly these
  const { name: _n, ...resolved } = resolveTrainConfig({ env: "Hopper" });
  assertEquals(resolved, paper);
});

Deno.test("train: a WebGPU software adapter is recognised by its flag or its driver's name", () => {
  assert(isSoftwareAdapter({ isFallbackAdapter: true }));
  assert(isSoftwareAdapter({ description: "llvmpipe (LLVM 15.0.6, 256 bits)" }));
  assert(isSoftwareAdapter({ description: "SwiftShader Device (Subzero)" }));
  assert(!isSoftwareAdapter({ description: "NVIDIA H200", vendor: "nvidia" }));
  assert(!isSoftwareAdapter({}));
});

Deno.test("train: a population of two seeds equals two single-seed runs", async () => {
  const out = await Deno.makeTempDir();
  const config = { ...SMALL, out, steps: 500, evalEvery: 250, checkpointEvery: 0 };
  const both = await train({ ...config, seeds: [5, 6], name: "both" });
  const rows = async (dir: string) =>
    (await openRun(dir)).metrics.filter((r) => r.type !== "update")
      .map((r) => ({ ...r, time: 0 }));
  const all = await rows(both.dir);
  for (const [member, seed] of [[0, 5], [1, 6]]) {
    const single = await train({ ...config, seeds: [seed], name: `single-${seed}` });
    const own = all.filter((r) => r.member === member).map((r) => ({ ...r, member: 0 }));
    assertEquals(own, await rows(single.dir));
  }
  await Deno.remove(out, { recursive: true });
});

Deno.test("train: resume without the replay buffer continues to the end", async () => {
  const out = await Deno.makeTempDir();
  const first = await train({
    ...SMALL,
    out,
    steps: 500,
    evalEvery: 250,
    checkpointEvery: 250,
    checkpointReplay: false,
    name: "r",
  });
  const state = await readTrainerState(`${first.dir}/checkpoints/last`);
  assertEquals(state.stepsDone, 500);
  assertEquals(state.replay.saved, false);
  const extended = await resumeRun(first.dir, { steps: 800 });
  assertEquals(extended.status, "finished");
  assertEquals(extended.stepsDone, 800);
  const run = await openRun(first.dir);
  assertEquals(run.config.steps, 800);
  assertEquals(run.status.stepsTotal, 800);
  const evalSteps = run.metrics.filter((r) => r.type === "eval" && r.member === 0)
    .map((r) => r.step);
  assertEquals(evalSteps, [0, 250, 500, 750, 800]);
  await Deno.remove(out, { recursive: true });
});

Deno.test("train: a checkpoint write interrupted between temp file and rename leaves the previous one loadable", async () => {
  const out = await Deno.makeTempDir();
  const result = await train({
    ...SMALL,
    out,
    steps: 400,
    evalEvery: 0,
    checkpointEvery: 200,
    name: "c",
  });
  const checkpoints = `${result.dir}/checkpoints`;
  const before = await Deno.readFile(`${checkpoints}/last/tensors.bin`);
  // a crash after the new directory was written to its temporary name but before the renames:
  await Deno.mkdir(`${checkpoints}/last.tmp-deadbeef`);
  await Deno.writeTextFile(`${checkpoints}/last.tmp-deadbeef/agent.json`, '{"format":');
  assertEquals(await findCheckpoint(checkpoints, "last"), `${checkpoints}/last`);
  // a crash between moving the old directory aside and renaming the new one in:
  await Deno.rename(`${checkpoints}/last`, `${checkpoints}/last.old-deadbeef`);
  const found = await findCheckpoint(checkpoints, "last");
  assertEquals(found, `${checkpoints}/last.old-deadbeef`);
  const agent = await loadAgent(found!);
  assertEquals(agent.config.algo, "td3");
  agent.dispose();
  const resumed = await resumeRun(result.dir, { steps: 500 });
  assertEquals(resumed.stepsDone, 500);
  const names: string[] = [];
  for await (const e of Deno.readDir(checkpoints)) names.push(e.name);
  // the recovered checkpoint became last again, and last.prev once the next one was written
  assertEquals(names.filter((n) => n !== "best").sort(), ["last", "last.prev"]);
  assertEquals((await readTrainerState(`${checkpoints}/last.prev`)).stepsDone, 400);
  assert(before.length > 0);
  await Deno.remove(out, { recursive: true });
});

Deno.test("train: a bad config throws before anything is written", async () => {
  const out = await Deno.makeTempDir();
  const bad: [Record<string, unknown>, string][] = [
    [{ algo: "fstd4" }, 'did you mean "fstd3"'],
    [{ lrActr: 1 }, 'did you mean "lrActor"'],
    [{ steps: 0 }, "steps: got 0"],
    [{ seeds: [0, 2] }, "consecutive"],
    [{ algo: "ddpg", policyDelay: 3 }, "does not apply to ddpg"],
    [{ hidden: [16, 0] }, "hidden"],
    [{ implementation: "fast" }, 'implementation: got "fast"'],
    [{ threads: 0 }, "threads: got 0"],
    [
      { env: "HalfCheetah", steps: 10 ** 9, replayCapacity: 2 ** 31 - 1, seeds: "0-63" },
      "replayCapacity",
    ],
  ];
  for (const [input, message] of bad) {
    let error: Error | undefined;
    try {
      await train({ ...input, out: `${out}/runs` });
    } catch (e) {
      error = e as Error;
    }
    assert(error?.message.includes(message), `${JSON.stringify(input)}: ${error?.message}`);
    assert(error?.message.includes("allowed"), error?.message);
  }
  const names = [];
  for await (const e of Deno.readDir(out)) names.push(e.name);
  assertEquals(names, []);
  await Deno.remove(out, { recursive: true });
});

Deno.test("train: --implementation and --threads reach the agent and are recorded", async () => {
  const out = await Deno.makeTempDir();
  const base = { ...SMALL, out, steps: 300, evalEvery: 0, checkpointEvery: 0 };
  const ref = await train({ ...base, implementation: "reference", name: "ref" });
  const refRun = await openRun(ref.dir);
  assertEquals(refRun.config.runtime, { backend: "wasm", implementation: "reference" });
  assertEquals([refRun.config.implementation, refRun.config.threads], ["reference", 1]);
  // two threads split the population of two seeds; the result equals one thread's
  const one = await train({ ...base, seeds: [0, 1], name: "one" });
  const two = await train({ ...base, seeds: [0, 1], threads: 2, name: "two" });
  assertEquals((await openRun(two.dir)).config.threads, 2);
  const a = await Deno.readFile(`${one.dir}/checkpoints/last/tensors.bin`);
  const b = await Deno.readFile(`${two.dir}/checkpoints/last/tensors.bin`);
  assert(a.length === b.length && a.every((x, i) => x === b[i]), "threads changed the result");
  await Deno.remove(out, { recursive: true });
});

Deno.test("train: ddpg-ttsu makes criticSteps critic updates per actor update, as many actor updates as ddpg", async () => {
  const out = await Deno.makeTempDir();
  try {
    const steps = async (algo: "ddpg" | "ddpg-ttsu") => {
      const result = await train({
        ...SMALL,
        algo,
        out,
        steps: 400,
        evalEvery: 0,
        checkpointEvery: 0,
      });
      const dir = await findCheckpoint(`${result.dir}/checkpoints`, "last");
      const meta = JSON.parse(await Deno.readTextFile(`${dir}/agent.json`));
      return { actor: meta.actorSteps as number, critic: meta.criticSteps as number };
    };
    const ddpg = await steps("ddpg"), ttsu = await steps("ddpg-ttsu");
    assert(ddpg.actor > 0);
    assertEquals(ddpg.critic, ddpg.actor);
    assertEquals(ttsu.actor, ddpg.actor);
    assertEquals(ttsu.critic, 10 * ttsu.actor);
  } finally {
    await Deno.remove(out, { recursive: true });
  }
});
