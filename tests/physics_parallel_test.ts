// A vectorised environment split across threads (physics/parallel_vec_env.ts) returns what the
// one-thread batch (physics/vec_env.ts) returns for the same seeds, step for step and bit for
// bit, through automatic resets (its own seeds and seeds the caller draws) and episode replays.
import { assert, assertEquals, assertRejectsMatching } from "./assert.ts";
import { makeEnv, makeVecEnv } from "../physics/mod.ts";
import { makeParallelVecEnv, splitVecEnvOf, startVecWorkers } from "../physics/parallel_vec_env.ts";
import { type VecEnv, vecEnvOf, type VecStepResult } from "../physics/vec_env.ts";
import type { Env } from "../physics/types.ts";
import { Rng } from "../lib/rng.ts";

/** Steps both batches with the same random actions; returns how many episodes ended. */
function compare(a: VecEnv, b: VecEnv, steps: number, seed: number): number {
  const rng = new Rng(seed);
  const n = a.count, na = a.actionSize;
  let ended = 0;
  for (let t = 0; t < steps; t++) {
    const actions = new Float32Array(n * na).map(() => 2 * rng.uniform() - 1);
    const x: VecStepResult = a.step(actions), y: VecStepResult = b.step(actions);
    assertEquals(y.observations, x.observations, `observations at step ${t}`);
    assertEquals(y.rewards, x.rewards, `rewards at step ${t}`);
    assertEquals(y.terminated, x.terminated, `terminated at step ${t}`);
    assertEquals(y.truncated, x.truncated, `truncated at step ${t}`);
    assertEquals(y.infos, x.infos, `infos at step ${t}`);
    for (let i = 0; i < n; i++) {
      assertEquals(b.episode(i), a.episode(i));
      ended += x.terminated[i] | x.truncated[i];
    }
  }
  return ended;
}

Deno.test("makeParallelVecEnv equals makeVecEnv on Hopper over 300 steps with resets", async () => {
  const one = await makeVecEnv("Hopper", { count: 5, seed: 11 });
  const two = await makeParallelVecEnv("Hopper", { count: 5, seed: 11, threads: 2 });
  try {
    assertEquals(two.count, 5);
    assertEquals(two.reset(), one.reset());
    const ended = compare(one, two, 300, 1);
    // random actions topple a Hopper within a few dozen steps: the auto-reset path ran
    assert(ended >= 10, `only ${ended} episodes ended`);
    assertEquals(two.reset({ seed: 99 }), one.reset({ seed: 99 }));
    compare(one, two, 20, 2);
  } finally {
    one.close();
    two.close();
  }
});

Deno.test("a split batch with caller-drawn reset seeds and replays equals vecEnvOf on Walker2d", async () => {
  const count = 4, seeds = [5, 6, 7, 8];
  const drawn = (log: number[][]) => {
    const rngs = seeds.map((s) => new Rng(s));
    return (i: number) => {
      const seed = rngs[i].nextUint32();
      log.push([i, seed]);
      return seed;
    };
  };
  const plain: Env[] = await Promise.all(seeds.map((seed) => makeEnv("Walker2d", { seed })));
  const logA: number[][] = [], logB: number[][] = [];
  const one = vecEnvOf(plain, { resetSeed: drawn(logA) });
  const workers = await startVecWorkers("Walker2d", undefined, seeds, 3);
  const local: Env[] = [];
  for (let i = 0; i < workers.localCount; i++) {
    local.push(await makeEnv("Walker2d", { seed: seeds[i] }));
  }
  const two = splitVecEnvOf(local, workers, { resetSeed: drawn(logB) });
  try {
    assertEquals(workers.shares.length, 2);
    for (let i = 0; i < count; i++) {
      assertEquals(two.replayInstance(i, 100 + i), one.replayInstance(i, 100 + i));
    }
    const ended = compare(one, two, 250, 3);
    assert(ended >= 4, `only ${ended} episodes ended`);
    // the seeds were drawn in the same order (instance order within a step)
    assertEquals(logB, logA);
    // a replay of an episode in progress, on a worker's instance and on the calling thread's
    const rng = new Rng(4);
    const actions = new Float32Array(30 * 6).map(() => 0.3 * (2 * rng.uniform() - 1));
    for (const i of [0, 3]) {
      assertEquals(two.replayInstance(i, 7, actions), one.replayInstance(i, 7, actions));
      assertEquals(two.episode(i), one.episode(i));
    }
    compare(one, two, 20, 5);
  } finally {
    one.close();
    two.close();
  }
});

Deno.test("makeParallelVecEnv: a bad option is one line from the worker, before anything runs", async () => {
  await assertRejectsMatching(
    () => makeParallelVecEnv("Hopper", { count: 2, threads: 2, frameSkip: 0 }),
    /Hopper\.frameSkip: got 0/,
  );
  await assertRejectsMatching(
    () => makeParallelVecEnv("Hopper", { count: 2, threads: 0 }),
    /^threads: got 0; allowed/,
  );
});
