// makeVecEnv: flat batches, instance i equals a single env seeded seed + i, same-step
// auto-reset keeping the final observation, and validation of the batch.
import { assert, assertEquals, assertRejectsMatching, assertThrowsMatching } from "./assert.ts";
import { makeEnv, makeVecEnv } from "../physics/mod.ts";

Deno.test("makeVecEnv: shapes, and instance i equals makeEnv with seed + i", async () => {
  const count = 3, seed = 40;
  const vec = await makeVecEnv("Hopper", { count, seed });
  const singles = await Promise.all([0, 1, 2].map((i) => makeEnv("Hopper", { seed: seed + i })));
  try {
    assertEquals([vec.count, vec.observationSize, vec.actionSize, vec.maxEpisodeSteps], [
      3,
      11,
      3,
      1000,
    ]);
    const { observations, infos } = vec.reset();
    assertEquals([observations.length, infos.length], [33, 3]);
    singles.forEach((env, i) => {
      const r = env.reset();
      assertEquals(
        Array.from(observations.subarray(11 * i, 11 * (i + 1))),
        Array.from(r.observation),
      );
      assertEquals(infos[i], r.info);
    });
    for (let t = 0; t < 10; t++) {
      const actions = new Float32Array(count * 3).map((_, k) => Math.sin(t + k));
      const out = vec.step(actions);
      assert(out.rewards instanceof Float32Array && out.observations instanceof Float32Array);
      singles.forEach((env, i) => {
        const r = env.step(actions.slice(3 * i, 3 * i + 3));
        assertEquals(
          Array.from(out.observations.subarray(11 * i, 11 * (i + 1))),
          Array.from(r.observation),
        );
        assertEquals(out.rewards[i], Math.fround(r.reward));
        assertEquals([out.terminated[i], out.truncated[i]], [
          Number(r.terminated),
          Number(r.truncated),
        ]);
      });
    }
  } finally {
    vec.close();
    vec.close(); // idempotent
    singles.forEach((env) => env.close());
  }
});

Deno.test("makeVecEnv auto-resets finished instances and keeps the final observation in info", async () => {
  const vec = await makeVecEnv("HalfCheetah", { count: 2, seed: 1, maxEpisodeSteps: 4 });
  const reference = await makeEnv("HalfCheetah", { seed: 1, maxEpisodeSteps: 4 });
  vec.reset();
  reference.reset();
  const actions = new Float32Array(12).fill(0.5);
  let expectedReturn = 0;
  for (let t = 0; t < 3; t++) {
    const out = vec.step(actions);
    expectedReturn += reference.step(actions.subarray(0, 6)).reward;
    assertEquals([out.truncated[0], out.truncated[1], "final_observation" in out.infos[0]], [
      0,
      0,
      false,
    ]);
  }
  const out = vec.step(actions);
  const final = reference.step(actions.subarray(0, 6));
  expectedReturn += final.reward;
  assertEquals([final.truncated, out.truncated[0], out.truncated[1]], [true, 1, 1]);
  const info = out.infos[0];
  assertEquals(Array.from(info.final_observation as Float32Array), Array.from(final.observation));
  assertEquals(info.final_info, final.info);
  assertEquals(info.episode, { return: expectedReturn, length: 4 });
  // The row now holds the first observation of the next episode (the reference env's next
  // reset continues the same noise stream), and the info carries that reset's keys.
  const next = reference.reset();
  assertEquals(Array.from(out.observations.subarray(0, 17)), Array.from(next.observation));
  assertEquals(info.x_position, next.info.x_position);
  vec.close();
  reference.close();
});

Deno.test("makeVecEnv rejects bad batches before touching any instance", async () => {
  const vec = await makeVecEnv("Reacher", { count: 2, seed: 0 });
  assertThrowsMatching(() => vec.step(new Float32Array(4)), /call reset\(\) first/);
  vec.reset();
  const before = vec.envs.map((e) => e.state());
  assertThrowsMatching(
    () => vec.step(new Float32Array(3)),
    /^actions: got Float32Array\(3\); allowed: a Float32Array of length 4 \(count 2 × actionSize 2\)$/,
  );
  assertThrowsMatching(
    () => vec.step(new Float32Array([0, 0, 0, NaN])),
    /^actions\[3\] \(instance 1, action 1\): got NaN; allowed: a finite number$/,
  );
  assertEquals(vec.envs.map((e) => e.state()), before);
  vec.close();
  await assertRejectsMatching(
    () => makeVecEnv("Reacher", { count: 0 }),
    /^count: got 0; allowed: an integer >= 1 and <= 128$/,
  );
  await assertRejectsMatching(
    () => makeVecEnv("Reacher", { count: 2, bogus: 1 }),
    /Reacher\.bogus/,
  );
  await assertRejectsMatching(() => makeVecEnv("Nope", { count: 2 }), /^env: got "Nope"/);
});
