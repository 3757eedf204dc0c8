// Physical sanity of the models: things fall, run and reach the way the tasks promise.
import { assert } from "./assert.ts";
import { makeEnv } from "../physics/mod.ts";

function stepsUntilTerminated(
  env: { step(a: Float32Array): { terminated: boolean }; actionSize: number },
  limit: number,
): number {
  for (let n = 1; n <= limit; n++) {
    if (env.step(new Float32Array(env.actionSize)).terminated) return n;
  }
  return Infinity;
}

Deno.test("InvertedPendulum falls within a second without control", async () => {
  const env = await makeEnv("InvertedPendulum", { seed: 0 });
  env.reset();
  for (const tilt of [0.01, -0.01]) {
    env.setState([0, tilt], [0, 0]); // at rest, tilted by the reset noise scale
    const steps = stepsUntilTerminated(env, 100);
    assert(steps * env.dt <= 1, `tilt ${tilt}: fell after ${steps * env.dt} s`);
  }
  // Exactly upright it still falls, because the pole's tip is 1 mm off-axis (§7.2).
  env.reset();
  env.setState([0, 0], [0, 0]);
  assert(stepsUntilTerminated(env, 100) * env.dt <= 1.5);
  // And from the task's own resets, within two seconds.
  for (let seed = 0; seed < 8; seed++) {
    env.reset({ seed });
    assert(stepsUntilTerminated(env, 100) * env.dt <= 2, `seed ${seed}`);
  }
  env.close();
});

Deno.test("InvertedPendulum is balanced by a simple PD controller for the whole episode", async () => {
  const env = await makeEnv("InvertedPendulum", { seed: 1, maxEpisodeSteps: 250 });
  let { observation: o } = env.reset();
  let steps = 0;
  for (;;) {
    // Push the cart under the pole: u = kθ·θ + kω·ω + kx·x + kv·v (a hand-tuned LQR-like law).
    const u = 10 * o[1] + 2 * o[3] + 0.5 * o[0] + 1 * o[2];
    const r = env.step(new Float32Array([Math.max(-3, Math.min(3, u))]));
    o = r.observation;
    steps++;
    assert(!r.terminated, `fell at step ${steps}`);
    if (r.truncated) break;
  }
  assert(steps === 250);
  env.close();
});

Deno.test("Humanoid under zero control falls and terminates within 1.5 s", async () => {
  for (const seed of [0, 1, 2]) {
    const env = await makeEnv("Humanoid", { seed });
    env.reset();
    const z0 = env.state().qpos[2];
    const steps = stepsUntilTerminated(env, 100);
    assert(steps * env.dt <= 1.5, `seed ${seed}: ${steps} steps`);
    assert(env.state().qpos[2] < Math.min(z0, 1.0));
    env.close();
  }
});

Deno.test("Hopper and Walker2d under zero control fall and terminate; Ant does not", async () => {
  for (const name of ["Hopper", "Walker2d"]) {
    const env = await makeEnv(name, { seed: 0 });
    env.reset();
    assert(stepsUntilTerminated(env, 1000) < 1000, `${name} stood for 1000 steps`);
    env.close();
  }
  const ant = await makeEnv("Ant", { seed: 0 });
  ant.reset();
  assert(stepsUntilTerminated(ant, 200) === Infinity, "Ant at rest stays healthy");
  ant.close();
});

Deno.test("HalfCheetah moves under a fixed periodic control and barely moves without one", async () => {
  for (const seed of [1, 2, 3]) {
    const gait = await makeEnv("HalfCheetah", { seed });
    const still = await makeEnv("HalfCheetah", { seed });
    gait.reset();
    still.reset();
    for (let t = 0; t < 200; t++) {
      const phase = 2 * Math.PI * 2 * t * gait.dt; // 2 Hz
      gait.step(new Float32Array(6).map((_, j) => Math.sin(phase + j * Math.PI / 3)));
      still.step(new Float32Array(6));
    }
    const moved = Math.abs(gait.state().qpos[0]), drift = Math.abs(still.state().qpos[0]);
    assert(moved > 0.4 && moved > 4 * drift, `seed ${seed}: moved ${moved}, drift ${drift}`);
    gait.close();
    still.close();
  }
});

Deno.test("Swimmer moves under a travelling wave of its two joints", async () => {
  const env = await makeEnv("Swimmer", { seed: 0 });
  env.reset();
  let forward = 0;
  for (let t = 0; t < 300; t++) {
    const phase = 2 * Math.PI * 0.5 * t * env.dt;
    forward += env.step(new Float32Array([Math.sin(phase), Math.sin(phase - Math.PI / 2)])).info
      .reward_forward as number;
  }
  assert(Math.abs(env.state().qpos[0]) > 0.1, `x ${env.state().qpos[0]}`);
  assert(Number.isFinite(forward));
  env.close();
});

Deno.test("Reacher's fingertip reaches the target under a proportional controller", async () => {
  const L1 = 0.1, L2 = 0.11; // body1 sits 0.1 from body0; the fingertip 0.11 from body1 (§9.2)
  const wrap = (x: number) => Math.atan2(Math.sin(x), Math.cos(x));
  for (const seed of [0, 1, 2, 3]) {
    const env = await makeEnv("Reacher", { seed });
    let { observation: o } = env.reset();
    const start = Math.hypot(o[8], o[9]);
    let best = start;
    for (let t = 0; t < 50; t++) {
      // Joint targets from the two-link inverse kinematics, then a PD law on each joint.
      const s = env.state();
      const [tx, ty] = [s.qpos[2], s.qpos[3]];
      const r = Math.hypot(tx, ty);
      const q1 = Math.acos(Math.max(-1, Math.min(1, (r * r - L1 * L1 - L2 * L2) / (2 * L1 * L2))));
      const q0 = Math.atan2(ty, tx) - Math.atan2(L2 * Math.sin(q1), L1 + L2 * Math.cos(q1));
      const u = [10 * wrap(q0 - s.qpos[0]) - s.qvel[0], 10 * (q1 - s.qpos[1]) - s.qvel[1]];
      const step = env.step(new Float32Array(u.map((x) => Math.max(-1, Math.min(1, x)))));
      o = step.observation;
      best = Math.min(best, Math.hypot(o[8], o[9]));
    }
    const final = Math.hypot(o[8], o[9]);
    // Touching: the fingertip (r 0.01) and target (r 0.009) spheres overlap below 0.019.
    assert(
      best < 0.012 && final < 0.019,
      `seed ${seed}: start ${start}, best ${best}, final ${final}`,
    );
    env.close();
  }
});
