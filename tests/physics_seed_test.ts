// Seeding: the same seed gives identical trajectories under the same actions; different seeds
// give different initial states, within each task's documented reset noise (docs/environments.md
// §1.4 and each task's "Reset" line).
import { assert, assertAlmostEquals, assertEquals, assertNotEquals } from "./assert.ts";
import { listEnvs, makeEnv } from "../physics/mod.ts";

async function trajectory(name: string, seed: number, steps = 15): Promise<number[][]> {
  const env = await makeEnv(name, { seed });
  const out = [Array.from(env.reset().observation)];
  for (let t = 0; t < steps; t++) {
    const a = new Float32Array(env.actionSize).map((_, j) =>
      env.actionHigh[j] * Math.sin(t + 2 * j)
    );
    const r = env.step(a);
    out.push([...r.observation, r.reward, Number(r.terminated)]);
    if (r.terminated) break;
  }
  env.close();
  return out;
}

for (const name of listEnvs()) {
  Deno.test(`${name}: same seed → identical trajectory; different seed → different start`, async () => {
    const a = await trajectory(name, 11);
    const b = await trajectory(name, 11);
    assertEquals(a, b);
    const c = await trajectory(name, 12, 0);
    assertNotEquals(a[0], c[0]);
  });
}

Deno.test("reset({ seed }) restarts the noise stream; reset() continues it", async () => {
  const env = await makeEnv("Hopper", { seed: 5 });
  const first = env.reset().observation;
  const second = env.reset().observation;
  assertNotEquals(Array.from(first), Array.from(second));
  const again = env.reset({ seed: 5 }).observation;
  assertEquals(Array.from(again), Array.from(first));
  env.close();
});

// [task, qpos noise, qvel noise]: "U" uniform in ±scale, "N" scale·N(0, 1).
const NOISE: [string, "U", "U" | "N", number][] = [
  ["Ant", "U", "N", 0.1],
  ["HalfCheetah", "U", "N", 0.1],
  ["InvertedDoublePendulum", "U", "N", 0.1],
  ["Hopper", "U", "U", 5e-3],
  ["Walker2d", "U", "U", 5e-3],
  ["Humanoid", "U", "U", 1e-2],
  ["InvertedPendulum", "U", "U", 0.01],
  ["Swimmer", "U", "U", 0.1],
];

for (const [name, , velKind, scale] of NOISE) {
  Deno.test(`${name}: reset noise stays within the documented scale ${scale}`, async () => {
    const still = await makeEnv(name, { seed: 0, resetNoiseScale: 0 });
    still.reset();
    const q0 = still.state();
    still.close();
    assert(q0.qvel.every((x) => x === 0));
    const env = await makeEnv(name, { seed: 1 });
    for (let k = 0; k < 20; k++) {
      env.reset();
      const s = env.state();
      s.qpos.forEach((x, i) => assert(Math.abs(x - q0.qpos[i]) <= scale, `${name} qpos[${i}]`));
      s.qvel.forEach((x, i) =>
        assert(Math.abs(x) <= (velKind === "U" ? scale : 6 * scale), `${name} qvel[${i}] ${x}`)
      );
    }
    env.close();
  });
}

Deno.test("HalfCheetah reset noise has the documented distributions (U(±0.1) qpos, 0.1·N(0,1) qvel)", async () => {
  const env = await makeEnv("HalfCheetah", { seed: 2 });
  const pos: number[] = [], vel: number[] = [];
  for (let k = 0; k < 400; k++) {
    env.reset();
    const s = env.state();
    pos.push(...s.qpos);
    vel.push(...s.qvel);
  }
  env.close();
  const meanSq = (xs: number[]) => xs.reduce((a, x) => a + x * x, 0) / xs.length;
  // Uniform on ±0.1 has variance 0.01 / 3; 0.1·N(0, 1) has variance 0.01.
  assertAlmostEquals(meanSq(pos), 0.01 / 3, 0.1 * 0.01 / 3);
  assertAlmostEquals(meanSq(vel), 0.01, 0.1 * 0.01);
  assert(Math.max(...pos.map(Math.abs)) <= 0.1);
  assert(Math.max(...vel.map(Math.abs)) > 0.2, "normal tails reach beyond 2σ");
});

Deno.test("Reacher reset: arm ±0.1, goal inside the 0.2 disc, arm velocity ±0.005, target still", async () => {
  const env = await makeEnv("Reacher", { seed: 3 });
  const goals: number[][] = [];
  for (let k = 0; k < 50; k++) {
    const { observation } = env.reset();
    const s = env.state();
    assert(Math.abs(s.qpos[0]) <= 0.1 && Math.abs(s.qpos[1]) <= 0.1);
    assert(Math.hypot(s.qpos[2], s.qpos[3]) < 0.2);
    assert(Math.abs(s.qvel[0]) <= 0.005 && Math.abs(s.qvel[1]) <= 0.005);
    assertEquals([s.qvel[2], s.qvel[3]], [0, 0]);
    assertEquals([observation[4], observation[5]], [
      Math.fround(s.qpos[2]),
      Math.fround(s.qpos[3]),
    ]);
    goals.push([s.qpos[2], s.qpos[3]]);
  }
  // The target does not move during an episode.
  env.reset({ seed: 9 });
  const before = env.state().qpos.slice(2);
  for (let t = 0; t < 10; t++) env.step(new Float32Array([1, -1]));
  assertEquals(env.state().qpos.slice(2), before);
  env.close();
  assert(new Set(goals.map((g) => g.join())).size === goals.length, "goals differ between resets");
});

Deno.test("resetNoiseScale 0 resets exactly to qpos0 (quaternion untouched)", async () => {
  const env = await makeEnv("Ant", { seed: 0, resetNoiseScale: 0 });
  env.reset();
  assertEquals(Array.from(env.state().qpos), [0, 0, 0.75, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  env.close();
});
