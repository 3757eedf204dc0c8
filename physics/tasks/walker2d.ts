/**
 * Walker2d-v5 (docs/environments.md §5): walk forward on two legs in the plane.
 *
 * - Observation (17): qpos[1:9], clip(qvel, ±10); 18 with
 *   `excludeCurrentPositionsFromObservation` false.
 * - Reward: `reward_forward` = forwardRewardWeight · Δqpos[0] / dt; `reward_ctrl`
 *   = −ctrlCostWeight · Σ a²; `reward_survive` = healthyReward while healthy, else 0.
 *   Info also: `x_position`, `x_velocity`, `z_distance_from_origin` = qpos[1] − 1.25.
 * - Healthy (strict): qpos[1] inside `healthyZRange` and qpos[2] inside `healthyAngleRange`
 *   (NaN fails both). Terminated = not healthy, when `terminateWhenUnhealthy`.
 * - Reset: qpos0 + U(±resetNoiseScale), qvel U(±resetNoiseScale).
 * - Options (defaults): `forwardRewardWeight` 1, `ctrlCostWeight` 1e-3, `healthyReward` 1,
 *   `terminateWhenUnhealthy` true, `healthyZRange` [0.8, 2], `healthyAngleRange` [−1, 1],
 *   `resetNoiseScale` 5e-3, `excludeCurrentPositionsFromObservation` true.
 * @module
 */
import { sumSquares, type TaskSpec, uniformNoise } from "../env.ts";
import { observePositionsVelocities } from "./util.ts";

/** The Walker2d task. */
export const walker2d: TaskSpec = {
  name: "Walker2d",
  modelFile: "walker2d.xml",
  frameSkip: 4,
  maxEpisodeSteps: 1000,
  defaults: {
    forwardRewardWeight: 1.0,
    ctrlCostWeight: 1e-3,
    healthyReward: 1.0,
    terminateWhenUnhealthy: true,
    healthyZRange: [0.8, 2.0],
    healthyAngleRange: [-1.0, 1.0],
    resetNoiseScale: 5e-3,
    excludeCurrentPositionsFromObservation: true,
  },
  nonNegative: ["resetNoiseScale"],
  build(sim, options, dt) {
    const forwardWeight = options.forwardRewardWeight as number;
    const ctrlWeight = options.ctrlCostWeight as number;
    const healthyReward = options.healthyReward as number;
    const terminate = options.terminateWhenUnhealthy as boolean;
    const [zLo, zHi] = options.healthyZRange as [number, number];
    const [aLo, aHi] = options.healthyAngleRange as [number, number];
    const noise = options.resetNoiseScale as number;
    const skip = options.excludeCurrentPositionsFromObservation ? 1 : 0;
    const z0 = (sim.model.qpos0 as Float64Array)[1];
    let xBefore = 0;
    return {
      observationSize: sim.nq - skip + sim.nv,
      observe: (v, out) => observePositionsVelocities(v.qpos, v.qvel, skip, out, 10),
      beforeStep(v) {
        xBefore = v.qpos[0];
      },
      afterStep(v, action) {
        const x_velocity = (v.qpos[0] - xBefore) / dt;
        const z = v.qpos[1], angle = v.qpos[2];
        const healthy = z > zLo && z < zHi && angle > aLo && angle < aHi;
        const reward_forward = forwardWeight * x_velocity;
        const reward_ctrl = -ctrlWeight * sumSquares(action);
        const reward_survive = healthy ? healthyReward : 0;
        return {
          reward: reward_forward + reward_ctrl + reward_survive,
          terminated: terminate && !healthy,
          info: {
            x_position: v.qpos[0],
            z_distance_from_origin: z - z0,
            x_velocity,
            reward_forward,
            reward_ctrl,
            reward_survive,
          },
        };
      },
      resetNoise(v, rng) {
        for (let i = 0; i < v.qpos.length; i++) v.qpos[i] += uniformNoise(rng, noise);
        for (let i = 0; i < v.qvel.length; i++) v.qvel[i] += uniformNoise(rng, noise);
      },
      resetInfo: (v) => ({ x_position: v.qpos[0], z_distance_from_origin: v.qpos[1] - z0 }),
    };
  },
};
