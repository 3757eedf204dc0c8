// Termination rules (docs/environments.md §2.8, §4.5, §5.5, §6.7, §7.3, §8.3): states built to lie
// outside the healthy range terminate, states inside do not, the survival reward is 0 on the
// terminating step (v5), and the boundary is strict or closed exactly as documented.
import { assertEquals } from "./assert.ts";
import { makeEnv } from "../physics/mod.ts";

async function terminatedAfter(
  name: string,
  qpos: number[],
  qvel: number[],
  options: Record<string, unknown> = {},
) {
  const env = await makeEnv(name, { seed: 0, ...options });
  try {
    env.reset();
    env.setState(qpos, qvel);
    const r = env.step(new Float32Array(env.actionSize));
    return { terminated: r.terminated, survive: r.info.reward_survive, state: env.state() };
  } finally {
    env.close();
  }
}

const zeros = (n: number) => new Array(n).fill(0);

Deno.test("Hopper terminates below z 0.7, beyond |angle| 0.2 and for |qvel| ≥ 100; not at rest", async () => {
  const rest = [0, 1.25, 0, 0, 0, 0];
  assertEquals((await terminatedAfter("Hopper", rest, zeros(6))).terminated, false);
  assertEquals((await terminatedAfter("Hopper", rest, zeros(6))).survive, 1);
  const low = await terminatedAfter("Hopper", [0, 0.5, 0, 0, 0, 0], zeros(6));
  assertEquals([low.terminated, low.survive], [true, 0]);
  assertEquals(
    (await terminatedAfter("Hopper", [0, 1.25, 0.3, 0, 0, 0], zeros(6))).terminated,
    true,
  );
  assertEquals(
    (await terminatedAfter("Hopper", [0, 1.25, -0.3, 0, 0, 0], zeros(6))).terminated,
    true,
  );
  assertEquals(
    (await terminatedAfter("Hopper", [0, 1.25, 0.1, 0, 0, 0], zeros(6))).terminated,
    false,
  );
  // The state range applies to the unclipped qvel (x velocity 150, airborne so it stays > 100).
  assertEquals(
    (await terminatedAfter("Hopper", [0, 1.5, 0, 0, 0, 0], [150, 0, 0, 0, 0, 0])).terminated,
    true,
  );
  assertEquals(
    (await terminatedAfter("Hopper", [0, 1.5, 0, 0, 0, 0], [50, 0, 0, 0, 0, 0])).terminated,
    false,
  );
});

Deno.test("Hopper's z range is strict and Ant's is closed: boundary exactly at the reached height", async () => {
  // Measure the height after one step from rest, then put the range's end exactly there.
  const hopperRest = [0, 1.25, 0, 0, 0, 0];
  const z = (await terminatedAfter("Hopper", hopperRest, zeros(6))).state.qpos[1];
  assertEquals(
    (await terminatedAfter("Hopper", hopperRest, zeros(6), { healthyZRange: [z, Infinity] }))
      .terminated,
    true,
  );
  assertEquals(
    (await terminatedAfter("Hopper", hopperRest, zeros(6), {
      healthyZRange: [z - 1e-12, Infinity],
    })).terminated,
    false,
  );
  const antRest = [0, 0, 0.75, 1, 0, 0, 0, ...zeros(8)];
  const za = (await terminatedAfter("Ant", antRest, zeros(14))).state.qpos[2];
  assertEquals(
    (await terminatedAfter("Ant", antRest, zeros(14), { healthyZRange: [za, 1] })).terminated,
    false,
  );
  assertEquals(
    (await terminatedAfter("Ant", antRest, zeros(14), { healthyZRange: [0.2, za] })).terminated,
    false,
  );
  assertEquals(
    (await terminatedAfter("Ant", antRest, zeros(14), { healthyZRange: [za + 1e-12, 1] }))
      .terminated,
    true,
  );
});

Deno.test("terminateWhenUnhealthy false: no termination, and no survival reward while unhealthy", async () => {
  const r = await terminatedAfter("Hopper", [0, 0.5, 0, 0, 0, 0], zeros(6), {
    terminateWhenUnhealthy: false,
  });
  assertEquals([r.terminated, r.survive], [false, 0]);
});

Deno.test("Walker2d terminates outside 0.8 < z < 2 and |angle| < 1", async () => {
  const q = (z: number, angle: number) => [0, z, angle, 0, 0, 0, 0, 0, 0];
  assertEquals((await terminatedAfter("Walker2d", q(1.25, 0), zeros(9))).terminated, false);
  assertEquals((await terminatedAfter("Walker2d", q(0.6, 0), zeros(9))).terminated, true);
  assertEquals((await terminatedAfter("Walker2d", q(2.5, 0), zeros(9))).terminated, true);
  assertEquals((await terminatedAfter("Walker2d", q(1.25, 1.2), zeros(9))).terminated, true);
  assertEquals((await terminatedAfter("Walker2d", q(1.25, -1.2), zeros(9))).terminated, true);
  assertEquals((await terminatedAfter("Walker2d", q(1.25, 0.8), zeros(9))).terminated, false);
});

Deno.test("Ant terminates outside 0.2 ≤ z ≤ 1; Humanoid outside 1 < z < 2", async () => {
  const ant = (z: number) => [0, 0, z, 1, 0, 0, 0, ...zeros(8)];
  assertEquals((await terminatedAfter("Ant", ant(0.75), zeros(14))).terminated, false);
  assertEquals((await terminatedAfter("Ant", ant(1.3), zeros(14))).terminated, true);
  // Below 0.25 the torso sphere would be inside the floor and thrown up, so test the lower end
  // by raising it: at rest (z ≈ 0.75) with the range [0.8, 1].
  const antLow = await terminatedAfter("Ant", ant(0.75), zeros(14), { healthyZRange: [0.8, 1] });
  assertEquals([antLow.terminated, antLow.survive], [true, 0]);
  const hum = (z: number) => [0, 0, z, 1, 0, 0, 0, ...zeros(17)];
  assertEquals((await terminatedAfter("Humanoid", hum(1.4), zeros(23))).terminated, false);
  assertEquals((await terminatedAfter("Humanoid", hum(0.9), zeros(23))).terminated, true);
  const humHigh = await terminatedAfter("Humanoid", hum(2.3), zeros(23));
  assertEquals([humHigh.terminated, humHigh.survive], [true, 0]);
});

Deno.test("InvertedPendulum terminates when |angle| > 0.2 (reward 0), not at 0.1 (reward 1)", async () => {
  const inside = await terminatedAfter("InvertedPendulum", [0, 0.1], [0, 0]);
  assertEquals([inside.terminated, inside.survive], [false, 1]);
  const outside = await terminatedAfter("InvertedPendulum", [0, 0.25], [0, 0]);
  assertEquals([outside.terminated, outside.survive], [true, 0]);
  assertEquals((await terminatedAfter("InvertedPendulum", [0, -0.25], [0, 0])).terminated, true);
});

Deno.test("InvertedDoublePendulum terminates when the tip is at or below z = 1", async () => {
  const up = await terminatedAfter("InvertedDoublePendulum", [0, 0, 0], [0, 0, 0]);
  assertEquals([up.terminated, up.survive], [false, 10]);
  // First pole at 60° from vertical: tip height 1.2·cos 60° = 0.6.
  const down = await terminatedAfter("InvertedDoublePendulum", [0, Math.PI / 3, 0], [0, 0, 0]);
  assertEquals([down.terminated, down.survive], [true, 0]);
  // 30°: tip at 1.2·cos 30° = 1.04 > 1 (and it falls by less than 4 cm in one 0.05 s step).
  assertEquals(
    (await terminatedAfter("InvertedDoublePendulum", [0, Math.PI / 6, 0], [0, 0, 0])).terminated,
    false,
  );
});

Deno.test("HalfCheetah, Swimmer and Reacher never terminate, even upside down", async () => {
  assertEquals(
    (await terminatedAfter("HalfCheetah", [0, 0, Math.PI, 0, 0, 0, 0, 0, 0], zeros(9))).terminated,
    false,
  );
  assertEquals((await terminatedAfter("Swimmer", [0, 0, 3, 1, -1], zeros(5))).terminated, false);
  assertEquals((await terminatedAfter("Reacher", [3, 2, 0.1, 0.1], zeros(4))).terminated, false);
});
