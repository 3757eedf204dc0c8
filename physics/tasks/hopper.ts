/**
 * Hopper-v5 (docs/environments.md §4): hop forward on one leg without falling.
 *
 * - Observation (11): qpos[1:6], clip(qvel, ±10); 12 with
 *   `excludeCurrentPositionsFromObservation` false.
 * - Reward: `reward_forward` = forwardRewardWeight · Δqpos[0] / dt; `reward_ctrl`
 *   = −ctrlCostWeight · Σ a²; `reward_survive` = healthyReward while healthy, else 0.
 *   Info also: `x_position`, `x_velocity`, `z_distance_from_origin` = qpos[1] − 1.25.
 * - Healthy (all strict): every value of qpos[2:] and the unclipped qvel inside
 *   `healthyStateRange`; qpos[1] inside `healthyZRange`; qpos[2] inside `healthyAngleRange`.
 *   Terminated = not healthy, when `terminateWhenUnhealthy`.
 * - Reset: qpos0 + U(±resetNoiseScale), qvel U(±resetNoiseScale).
 * - Options (defaults): `forwardRewardWeight` 1, `ctrlCostWeight` 1e-3, `healthyReward` 1,
 *   `terminateWhenUnhealthy` true, `healthyStateRange` [−100, 100], `healthyZRange` [0.7, ∞],
 *   `healthyAngleRange` [−0.2, 0.2], `resetNoiseScale` 5e-3,
 *   `excludeCurrentPositionsFromObservation` true.
 * @module
 */
import { sumSquares, type TaskSpec, uniformNoise } from "../env.ts";
import { observePositionsVelocities } from "./util.ts";

/** The Hopper task. */
export const hopper: TaskSpec = {
  name: "Hopper",
  modelFile: "hopper.xml",
  frameSkip: 4,
  maxEpisodeSteps: 1000,
  defaults: {
    forwardRewardWeight: 1.0,
    ctrlCostWeight: 1e-3,
    healthyReward: 1.0,
    terminateWhenUnhealthy: true,
    healthyStateRange: [-100.0, 100.0],
    healthyZRange: [0.7, Infinity],
    healthyAngleRange: [-0.2, 0.2],
    resetNoiseScale: 5e-3,
    excludeCurrentPositionsFromObservation: true,
  },
  nonNegative: ["resetNoiseScale"],
  build(sim, options, dt) {
    const forwardWeight = options.forwardRewardWeight as number;
    const ctrlWeight = options.ctrlCostWeight as number;
    const healthyReward = options.healthyReward as number;
    const terminate = options.terminateWhenUnhealthy as boolean;
    const [sLo, sHi] = options.healthyStateRange as [number, number];
    const [zLo, zHi] = options.healthyZRange as [number, number];
    const [aLo, aHi] = options.healthyAngleRange as [number, number];
    const noise = options.resetNoiseScale as number;
    const skip = options.excludeCurrentPositionsFromObservation ? 1 : 0;
    const z0 = (sim.model.qpos0 as Float64Array)[1];
    let xBefore = 0;
    const isHealthy = (qpos: Float64Array, qvel: Float64Array): boolean => {
      for (let i = 2; i < qpos.length; i++) if (!(qpos[i] > sLo && qpos[i] < sHi)) return false;
      for (let i = 0; i < qvel.length; i++) if (!(qvel[i] > sLo && qvel[i] < sHi)) return false;
      return qpos[1] > zLo && qpos[1] < zHi && qpos[2] > aLo && qpos[2] < aHi;
    };
    return {
      observationSize: sim.nq - skip + sim.nv,
      observe: (v, out) => observePositionsVelocities(v.qpos, v.qvel, skip, out, 10),
      beforeStep(v) {
        xBefore = v.qpos[0];
      },
      afterStep(v, action) {
        const x_velocity = (v.qpos[0] - xBefore) / dt;
        const healthy = isHealthy(v.qpos, v.qvel);
        const reward_forward = forwardWeight * x_velocity;
        const reward_ctrl = -ctrlWeight * sumSquares(action);
        const reward_survive = healthy ? healthyReward : 0;
        return {
          reward: reward_forward + reward_ctrl + reward_survive,
          terminated: terminate && !healthy,
          info: {
            x_position: v.qpos[0],
            z_distance_from_origin: v.qpos[1] - z0,
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
