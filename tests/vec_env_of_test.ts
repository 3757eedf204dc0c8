// vecEnvOf: a batch of instances the caller made (the training loop's population), with seeded
// automatic resets and the replay of one instance's episode in progress (a resume).
import { assert, assertEquals, assertThrowsMatching } from "./assert.ts";
import { makeEnv } from "../physics/mod.ts";
import { vecEnvOf } from "../physics/vec_env.ts";

Deno.test("vecEnvOf: a finished instance restarts with the seed resetSeed gives, and its episode's return and length are kept", async () => {
  const envs = await Promise.all(
    [0, 1].map((i) => makeEnv("HalfCheetah", { seed: i, maxEpisodeSteps: 3 })),
  );
  const reference = await makeEnv("HalfCheetah", { seed: 0, maxEpisodeSteps: 3 });
  const seeds: [number, number][] = [];
  const vec = vecEnvOf(envs, { resetSeed: (i) => (seeds.push([i, 100 + i]), 100 + i) });
  try {
    assertEquals([vec.name, vec.count, vec.observationSize, vec.actionSize], [
      "HalfCheetah",
      2,
      17,
      6,
    ]);
    vec.replayInstance(0, 7);
    vec.replayInstance(1, 8);
    reference.reset({ seed: 7 });
    const actions = new Float32Array(12).fill(0.3);
    let expected = 0;
    for (let t = 0; t < 3; t++) {
      const out = vec.step(actions);
      expected += reference.step(actions.subarray(0, 6)).reward;
      if (t < 2) assertEquals(vec.episode(0), { return: expected, length: t + 1 });
      else {
        assertEquals(out.infos[0].episode, { return: expected, length: 3 });
        assertEquals(vec.episode(0), { return: 0, length: 0 });
        // the new episode is the one reset({ seed: 100 }) starts
        const next = reference.reset({ seed: 100 });
        assertEquals(Array.from(out.observations.subarray(0, 17)), Array.from(next.observation));
      }
    }
    assertEquals(seeds, [[0, 100], [1, 101]]);
  } finally {
    vec.close();
    reference.close();
  }
});

Deno.test("vecEnvOf: replayInstance brings one instance back to its episode in progress, and says when it ended early", async () => {
  const env = await makeEnv("Hopper", { seed: 0, maxEpisodeSteps: 5 });
  const vec = vecEnvOf([env]);
  try {
    const actions = new Float32Array(3 * 3).map((_, k) => Math.sin(k));
    vec.replayInstance(0, 42);
    let last: Float32Array = new Float32Array(0);
    for (let t = 0; t < 3; t++) last = vec.step(actions.subarray(3 * t, 3 * t + 3)).observations;
    const episode = vec.episode(0);
    const again = vecEnvOf([env]).replayInstance(0, 42, actions);
    assertEquals([again.steps, again.ended], [3, false]);
    assertEquals(Array.from(again.observation), Array.from(last));
    assertEquals(vec.replayInstance(0, 42, actions).steps, 3);
    assertEquals(vec.episode(0), episode); // the same return, summed in the same order
    assertEquals(episode.length, 3);
    // more actions than the episode's limit: it stops where the episode ends
    const long = vec.replayInstance(0, 42, new Float32Array(3 * 8));
    assertEquals([long.steps, long.ended], [5, true]);
    assertThrowsMatching(() => vec.replayInstance(1, 0), /^instance: got 1/);
  } finally {
    vec.close();
  }
});

Deno.test("vecEnvOf refuses an empty batch and instances of different sizes", async () => {
  assertThrowsMatching(() => vecEnvOf([]), /^envs: got \[\]; allowed: a non-empty array/);
  const a = await makeEnv("Hopper", { seed: 0 }), b = await makeEnv("Reacher", { seed: 0 });
  try {
    assertThrowsMatching(
      () => vecEnvOf([a, b]),
      /^envs\[1\]: got "observation\/action sizes 10\/2"/,
    );
    assert(vecEnvOf([a]).maxEpisodeSteps === a.maxEpisodeSteps);
  } finally {
    a.close();
    b.close();
  }
});
