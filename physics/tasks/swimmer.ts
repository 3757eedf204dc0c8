/**
 * Swimmer-v5 (docs/environments.md §10): swim forward through a viscous medium.
 *
 * - Observation (8): qpos[2:5], qvel[0:5]; 10 with `excludeCurrentPositionsFromObservation`
 *   false. Nothing is clipped.
 * - Reward: `reward_forward` = forwardRewardWeight · Δqpos[0] / dt; `reward_ctrl`
 *   = −ctrlCostWeight · Σ a². Info also: `x_position`, `y_position`, `distance_from_origin`,
 *   `x_velocity`, `y_velocity`. Reset info: the three position keys.
 * - Never terminates.
 * - Reset: qpos0 + U(±resetNoiseScale), qvel U(±resetNoiseScale).
 * - Options (defaults): `forwardRewardWeight` 1, `ctrlCostWeight` 1e-4, `resetNoiseScale` 0.1,
 *   `excludeCurrentPositionsFromObservation` true.
 * @module
 */
import { sumSquares, type TaskSpec, uniformNoise } from "../env.ts";
import { observePositionsVelocities } from "./util.ts";

/** The Swimmer task. */
export const swimmer: TaskSpec = {
  name: "Swimmer",
  modelFile: "swimmer.xml",
  frameSkip: 4,
  maxEpisodeSteps: 1000,
  defaults: {
    forwardRewardWeight: 1.0,
    ctrlCostWeight: 1e-4,
    resetNoiseScale: 0.1,
    excludeCurrentPositionsFromObservation: true,
  },
  nonNegative: ["resetNoiseScale"],
  build(sim, options, dt) {
    const forwardWeight = options.forwardRewardWeight as number;
    const ctrlWeight = options.ctrlCostWeight as number;
    const noise = options.resetNoiseScale as number;
    const skip = options.excludeCurrentPositionsFromObservation ? 2 : 0;
    let xBefore = 0, yBefore = 0;
    const positions = (qpos: Float64Array) => ({
      x_position: qpos[0],
      y_position: qpos[1],
      distance_from_origin: Math.hypot(qpos[0], qpos[1]),
    });
    return {
      observationSize: sim.nq - skip + sim.nv,
      observe: (v, out) => observePositionsVelocities(v.qpos, v.qvel, skip, out),
      beforeStep(v) {
        xBefore = v.qpos[0];
        yBefore = v.qpos[1];
      },
      afterStep(v, action) {
        const x_velocity = (v.qpos[0] - xBefore) / dt;
        const y_velocity = (v.qpos[1] - yBefore) / dt;
        const reward_forward = forwardWeight * x_velocity;
        const reward_ctrl = -ctrlWeight * sumSquares(action);
        return {
          reward: reward_forward + reward_ctrl,
          terminated: false,
          info: { ...positions(v.qpos), x_velocity, y_velocity, reward_forward, reward_ctrl },
        };
      },
      resetNoise(v, rng) {
        for (let i = 0; i < v.qpos.length; i++) v.qpos[i] += uniformNoise(rng, noise);
        for (let i = 0; i < v.qvel.length; i++) v.qvel[i] += uniformNoise(rng, noise);
      },
      resetInfo: (v) => positions(v.qpos),
    };
  },
};
