/**
 * InvertedDoublePendulum-v5 (docs/environments.md §8): balance two poles in series on a cart.
 *
 * - Observation (9): qpos[0], sin(qpos[1:3]), cos(qpos[1:3]), clip(qvel, ±10),
 *   clip(qfrc_constraint[0], ±10).
 * - Reward: `reward_survive` (healthyReward unless terminated), `distance_penalty`
 *   = −(0.01 x² + (z − 2)²) and `velocity_penalty` = −(1e-3 qvel[1]² + 5e-3 qvel[2]²), where
 *   (x, z) is the stale `site_xpos` of site "tip".
 * - Terminated: z ≤ 1.
 * - Reset: qpos0 + U(±resetNoiseScale); qvel = resetNoiseScale · N(0, 1).
 * - Options (defaults): `healthyReward` 10, `resetNoiseScale` 0.1.
 * @module
 */
import { clip, type TaskSpec, uniformNoise } from "../env.ts";
import { siteId } from "./util.ts";

/** The InvertedDoublePendulum task. */
export const invertedDoublePendulum: TaskSpec = {
  name: "InvertedDoublePendulum",
  modelFile: "inverted_double_pendulum.xml",
  frameSkip: 5,
  maxEpisodeSteps: 1000,
  defaults: { healthyReward: 10.0, resetNoiseScale: 0.1 },
  nonNegative: ["resetNoiseScale"],
  build(sim, options) {
    const healthyReward = options.healthyReward as number;
    const noise = options.resetNoiseScale as number;
    const tip = siteId(sim, "tip");
    return {
      observationSize: 9,
      observe(v, out) {
        out[0] = v.qpos[0];
        out[1] = Math.sin(v.qpos[1]);
        out[2] = Math.sin(v.qpos[2]);
        out[3] = Math.cos(v.qpos[1]);
        out[4] = Math.cos(v.qpos[2]);
        for (let i = 0; i < 3; i++) out[5 + i] = clip(v.qvel[i], -10, 10);
        out[8] = clip(v.qfrc_constraint[0], -10, 10);
      },
      beforeStep() {},
      afterStep(v) {
        const x = v.site_xpos[3 * tip];
        const z = v.site_xpos[3 * tip + 2];
        const terminated = !(z > 1);
        const distance_penalty = -(0.01 * x * x + (z - 2) * (z - 2));
        const v1 = v.qvel[1], v2 = v.qvel[2];
        const velocity_penalty = -(1e-3 * v1 * v1 + 5e-3 * v2 * v2);
        const reward_survive = terminated ? 0 : healthyReward;
        const reward = reward_survive + distance_penalty + velocity_penalty;
        return { reward, terminated, info: { reward_survive, distance_penalty, velocity_penalty } };
      },
      resetNoise(v, rng) {
        for (let i = 0; i < v.qpos.length; i++) v.qpos[i] += uniformNoise(rng, noise);
        for (let i = 0; i < v.qvel.length; i++) v.qvel[i] += noise * rng.normal();
      },
      resetInfo: () => ({}),
    };
  },
};
