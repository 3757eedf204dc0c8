/**
 * HalfCheetah-v5 (docs/environments.md §3): run forward in the plane.
 *
 * - Observation (17): qpos[1:9], qvel[0:9]; 18 with `excludeCurrentPositionsFromObservation`
 *   false. Nothing is clipped.
 * - Reward: `reward_forward` = forwardRewardWeight · Δqpos[0] / dt; `reward_ctrl`
 *   = −ctrlCostWeight · Σ a². Info also: `x_position`, `x_velocity`. Reset info: `x_position`.
 * - Never terminates (truncated at maxEpisodeSteps).
 * - Reset: qpos0 + U(±resetNoiseScale); qvel = resetNoiseScale · N(0, 1).
 * - Options (defaults): `forwardRewardWeight` 1, `ctrlCostWeight` 0.1, `resetNoiseScale` 0.1,
 *   `excludeCurrentPositionsFromObservation` true.
 * @module
 */
import { sumSquares, type TaskSpec, uniformNoise } from "../env.ts";
import { observePositionsVelocities } from "./util.ts";

/** The HalfCheetah task. */
export const halfCheetah: TaskSpec = {
  name: "HalfCheetah",
  modelFile: "half_cheetah.xml",
  frameSkip: 5,
  maxEpisodeSteps: 1000,
  defaults: {
    forwardRewardWeight: 1.0,
    ctrlCostWeight: 0.1,
    resetNoiseScale: 0.1,
    excludeCurrentPositionsFromObservation: true,
  },
  nonNegative: ["resetNoiseScale"],
  build(sim, options, dt) {
    const forwardWeight = options.forwardRewardWeight as number;
    const ctrlWeight = options.ctrlCostWeight as number;
    const noise = options.resetNoiseScale as number;
    const skip = options.excludeCurrentPositionsFromObservation ? 1 : 0;
    let xBefore = 0;
    return {
      observationSize: sim.nq - skip + sim.nv,
      observe: (v, out) => observePositionsVelocities(v.qpos, v.qvel, skip, out),
      beforeStep(v) {
        xBefore = v.qpos[0];
      },
      afterStep(v, action) {
        const x_velocity = (v.qpos[0] - xBefore) / dt;
        const reward_forward = forwardWeight * x_velocity;
        const reward_ctrl = -ctrlWeight * sumSquares(action);
        return {
          reward: reward_forward + reward_ctrl,
          terminated: false,
          info: { x_position: v.qpos[0], x_velocity, reward_forward, reward_ctrl },
        };
      },
      resetNoise(v, rng) {
        for (let i = 0; i < v.qpos.length; i++) v.qpos[i] += uniformNoise(rng, noise);
        for (let i = 0; i < v.qvel.length; i++) v.qvel[i] += noise * rng.normal();
      },
      resetInfo: (v) => ({ x_position: v.qpos[0] }),
    };
  },
};
