// recordRollout: frames are the env's own states at the render times, rewards per frame sum to
// the return, and the JSON encoding round-trips exactly.
import {
  assert,
  assertAlmostEquals,
  assertEquals,
  assertRejectsMatching,
  assertThrowsMatching,
} from "./assert.ts";
import { decodeRollout, encodeRollout, makeEnv, recordRollout } from "../physics/mod.ts";

Deno.test("recordRollout frames equal the states of the same seeded run (one frame per step)", async () => {
  const env = await makeEnv("InvertedPendulum", { seed: 0 });
  const rollout = await recordRollout(env, () => new Float32Array(1), {
    episodes: 2,
    fps: 25,
    seed: 3,
  });
  env.close();
  assertEquals([rollout.format, rollout.env, rollout.model, rollout.nq, rollout.fps], [
    "stackrl-rollout/1",
    "InvertedPendulum",
    "inverted_pendulum.xml",
    2,
    25,
  ]);
  assertEquals(rollout.episodes.length, 2);
  // Replay the first episode independently: same seed, same (zero) actions.
  const check = await makeEnv("InvertedPendulum", { seed: 0 });
  check.reset({ seed: 3 });
  const ep = rollout.episodes[0];
  assertEquals(ep.frames, ep.length + 1); // dt = 0.04 s = 1/25 s: one frame per step, plus the reset state
  assertEquals(Array.from(ep.qpos.subarray(0, 2)), Array.from(check.state().qpos));
  for (let k = 1; k < ep.frames; k++) {
    const r = check.step(new Float32Array(1));
    const s = check.state();
    assertEquals(Array.from(ep.qpos.subarray(2 * k, 2 * k + 2)), Array.from(s.qpos), `frame ${k}`);
    assertEquals(ep.time[k], s.time);
    assertEquals(ep.reward[k], r.reward);
  }
  assert(ep.terminated);
  check.close();
});

Deno.test("recordRollout samples at the render rate and per-frame rewards sum to the return", async () => {
  const env = await makeEnv("HalfCheetah", { seed: 1, maxEpisodeSteps: 20 });
  const policy = (o: Float32Array) => new Float32Array(6).map((_, j) => Math.tanh(o[j]));
  const rollout = await recordRollout(env, policy, { fps: 10 });
  const ep = rollout.episodes[0];
  // dt 0.05 s, 20 steps = 1 s; at 10 fps: frames at 0, 0.1, …, 1.0.
  assertEquals(ep.frames, 11);
  ep.time.forEach((t, k) => assertAlmostEquals(t, k / 10, 1e-12));
  assertAlmostEquals(ep.reward.reduce((a, b) => a + b, 0), ep.return, 1e-9);
  assertEquals([ep.length, ep.terminated], [20, false]);

  // A rate that does not divide the step rate: each frame is the first state at or after k/fps,
  // and the episode's last state is always the last frame.
  const hopper = await makeEnv("Hopper", { seed: 2, maxEpisodeSteps: 45 });
  const r2 = await recordRollout(hopper, () => new Float32Array(3), { fps: 30 });
  const e2 = r2.episodes[0];
  for (let k = 0; k < e2.frames - 1; k++) {
    assert(
      e2.time[k] >= k / 30 - 1e-9 && e2.time[k] < k / 30 + hopper.dt,
      `frame ${k} at ${e2.time[k]}`,
    );
  }
  assertAlmostEquals(e2.time[e2.frames - 1], e2.length * hopper.dt, 1e-12);
  assertAlmostEquals(e2.reward.reduce((a, b) => a + b, 0), e2.return, 1e-9);
  env.close();
  hopper.close();
});

Deno.test("encodeRollout/decodeRollout round-trip exactly through the documented JSON", async () => {
  const env = await makeEnv("Reacher", { seed: 5 });
  const rollout = await recordRollout(env, (o) => Promise.resolve(new Float32Array([o[8], o[9]])), {
    episodes: 2,
    fps: 50,
  });
  env.close();
  const text = encodeRollout(rollout);
  const raw = JSON.parse(text);
  assertEquals(Object.keys(raw).sort(), [
    "dt",
    "env",
    "episodes",
    "format",
    "fps",
    "model",
    "mujoco",
    "nq",
  ]);
  assertEquals(raw.episodes[0].qpos.length, raw.episodes[0].frames * 4);
  assertEquals(decodeRollout(text), rollout);
  assertThrowsMatching(() => decodeRollout('{"format":"other"}'), /^rollout\.format: got "other"/);
  const broken = { ...raw, episodes: [{ ...raw.episodes[0], qpos: [1, 2] }] };
  assertThrowsMatching(
    () => decodeRollout(JSON.stringify(broken)),
    /^rollout\.episodes\[0\]\.qpos: got \[1,2\]/,
  );
});

Deno.test("recordRollout validates its options", async () => {
  const env = await makeEnv("Swimmer", { seed: 0 });
  await assertRejectsMatching(
    () => recordRollout(env, () => new Float32Array(2), { fps: 0 }),
    /^fps: got 0/,
  );
  await assertRejectsMatching(
    () => recordRollout(env, () => new Float32Array(2), { episodes: 1.5 }),
    /^episodes: got 1\.5/,
  );
  await assertRejectsMatching(
    () => recordRollout(env, () => new Float32Array(2), { fsp: 3 } as never),
    /did you mean "fps"/,
  );
  await assertRejectsMatching(
    () => recordRollout(env, () => new Float32Array(3)),
    /^action: got Float32Array\(3\)/,
  );
  env.close();
});
