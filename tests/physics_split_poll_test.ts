// A split batch whose sides poll before they sleep (`spinMs`, physics/vec_share.ts) returns what
// the one-thread batch returns, bit for bit; its timing counters (`splitStats`) count every step
// and each worker's time; a bad `spinMs` is one line naming it.
import { assert, assertEquals, assertRejectsMatching } from "./assert.ts";
import { makeVecEnv } from "../physics/mod.ts";
import { makeParallelVecEnv, splitStats } from "../physics/parallel_vec_env.ts";
import { Rng } from "../lib/rng.ts";

Deno.test("a polling split batch equals makeVecEnv on Hopper over 150 steps, and counts its steps", async () => {
  const one = await makeVecEnv("Hopper", { count: 4, seed: 3 });
  const two = await makeParallelVecEnv("Hopper", { count: 4, seed: 3, threads: 3, spinMs: 0.5 });
  try {
    assertEquals(splitStats(one), null);
    assertEquals(two.reset(), one.reset());
    const rng = new Rng(5);
    let ended = 0;
    for (let t = 0; t < 150; t++) {
      const actions = new Float32Array(4 * one.actionSize).map(() => 2 * rng.uniform() - 1);
      const x = one.step(actions), y = two.step(actions);
      assertEquals(y, x, `step ${t}`);
      for (let i = 0; i < 4; i++) ended += x.terminated[i] | x.truncated[i];
    }
    // random actions topple a Hopper within a few dozen steps: resets ran on every side
    assert(ended >= 4, `only ${ended} episodes ended`);
    const stats = splitStats(two)!;
    assertEquals(stats.steps, 150);
    assertEquals(stats.workers.length, 2);
    assert(stats.workers.every((ms) => ms > 0), `worker times ${stats.workers}`);
    assert(stats.local > 0 && stats.step >= stats.local + stats.wait, JSON.stringify(stats));
  } finally {
    one.close();
    two.close();
  }
});

Deno.test("makeParallelVecEnv: a negative spinMs is one line naming it", async () => {
  await assertRejectsMatching(
    () => makeParallelVecEnv("Hopper", { count: 2, seed: 0, threads: 2, spinMs: -1 }),
    /^spinMs: got -1; allowed/,
  );
});
