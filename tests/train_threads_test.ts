// Training on two threads (a task's environments split across a worker by
// physics/parallel_vec_env.ts, the updates across lib/fused/pool.ts) gives one thread's run bit
// for bit, a resume on two threads included (its episodes in progress replay in the worker).
import { assert, assertEquals } from "./assert.ts";
import { resumeRun, train } from "../lib/train/loop.ts";
import { autoThreads, resolveTrainConfig } from "../lib/train/config.ts";
import { openRun } from "../lib/store/run_store.ts";

const HOPPER = {
  env: "Hopper",
  algo: "td3" as const,
  backend: "wasm" as const,
  hidden: [16, 16],
  seeds: [0, 1, 2],
  steps: 600,
  startSteps: 200,
  updateAfter: 200,
  evalEvery: 300,
  evalEpisodes: 1,
  recordEvery: 0,
  checkpointEvery: 0,
  checkpointReplay: true,
};

Deno.test("train: a threads: 2 Hopper run equals a threads: 1 run, and so does its resume", async () => {
  const out = await Deno.makeTempDir();
  const one = await train({ ...HOPPER, out, threads: 1, name: "one" });
  // the two-thread run steps its environments in a worker (counted as it is made)
  const spawned: string[] = [];
  const Real = globalThis.Worker;
  globalThis.Worker = class extends Real {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      spawned.push(String(url));
    }
  };
  let two;
  try {
    two = await train({ ...HOPPER, out, threads: 2, name: "two" });
  } finally {
    globalThis.Worker = Real;
  }
  assertEquals(spawned.filter((u) => u.endsWith("/physics/vec_worker.ts")).length, 1);
  const controller = new AbortController();
  const part = await train({ ...HOPPER, out, threads: 2, name: "part" }, {
    signal: controller.signal,
    onProgress: (p) => {
      if (p.stepsDone >= 333) controller.abort();
    },
    progressInterval: 0,
  });
  assertEquals(part.status, "interrupted");
  const resumed = await resumeRun(part.dir, { threads: 2 });
  assertEquals(resumed.stepsDone, HOPPER.steps);
  const tensors = (dir: string) => Deno.readFile(`${dir}/checkpoints/last/tensors.bin`);
  const strip = (rows: { type: string }[]) =>
    rows.filter((r) => r.type !== "update").map((r) => ({ ...r, time: 0 }));
  const a = await tensors(one.dir);
  const rowsA = strip((await openRun(one.dir)).metrics);
  assert(rowsA.some((r) => r.type === "episode"), "no episode ended: resets were not exercised");
  for (const run of [two, resumed]) {
    const b = await tensors(run.dir);
    assert(a.length === b.length && a.every((x, i) => x === b[i]), `${run.id}: weights differ`);
    assertEquals(strip((await openRun(run.dir)).metrics), rowsA);
    assertEquals(run.lastEval, one.lastEval);
  }
  await Deno.remove(out, { recursive: true });
});

Deno.test("train config: threads auto takes the cores where a population can use them", () => {
  const cores = navigator.hardwareConcurrency;
  assertEquals(autoThreads(1, 8), 1);
  assertEquals(autoThreads(8, 1), 1);
  assertEquals(autoThreads(8, 2), 2);
  assertEquals(autoThreads(3, 16), 3);
  const config = resolveTrainConfig({ env: "Hopper", seeds: "0-7", threads: "auto" });
  assertEquals(config.threads, autoThreads(8, cores));
  assertEquals(resolveTrainConfig({ env: "Hopper", threads: "auto" }).threads, 1);
});
