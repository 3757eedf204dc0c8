/**
 * Reacher-v5 (docs/environments.md §9): move a two-link arm's fingertip to a random target.
 *
 * - Observation (10): cos(qpos[0:2]), sin(qpos[0:2]), qpos[2:4] (target x, y), qvel[0:2],
 *   (xpos[fingertip] − xpos[target])[0:2] (stale body origins, §1.2).
 * - Reward: `reward_dist` = −rewardDistWeight · ‖xpos[fingertip] − xpos[target]‖ (after the
 *   step); `reward_ctrl` = −rewardControlWeight · Σ a².
 * - Never terminates; episodes last 50 steps.
 * - Reset, in this draw order: qpos = qpos0 + U(±0.1) on 4 values; goal = U(±0.2)² redrawn until
 *   ‖goal‖ < 0.2; qpos[2:4] = goal; qvel = U(±0.005) on 4 values, then qvel[2:4] = 0.
 * - Options (defaults): `rewardDistWeight` 1, `rewardControlWeight` 1.
 * @module
 */
import { sumSquares, type TaskSpec, uniformNoise } from "../env.ts";
import { bodyId, requireSizes } from "./util.ts";

/** The Reacher task. */
export const reacher: TaskSpec = {
  name: "Reacher",
  modelFile: "reacher.xml",
  frameSkip: 2,
  maxEpisodeSteps: 50,
  defaults: { rewardDistWeight: 1.0, rewardControlWeight: 1.0 },
  build(sim, options) {
    requireSizes(sim, "Reacher", { nq: 4, nv: 4 });
    const distWeight = options.rewardDistWeight as number;
    const ctrlWeight = options.rewardControlWeight as number;
    const fingertip = bodyId(sim, "fingertip");
    const target = bodyId(sim, "target");
    const diff = (xpos: Float64Array, k: number) => xpos[3 * fingertip + k] - xpos[3 * target + k];
    return {
      observationSize: 10,
      observe(v, out) {
        out[0] = Math.cos(v.qpos[0]);
        out[1] = Math.cos(v.qpos[1]);
        out[2] = Math.sin(v.qpos[0]);
        out[3] = Math.sin(v.qpos[1]);
        out[4] = v.qpos[2];
        out[5] = v.qpos[3];
        out[6] = v.qvel[0];
        out[7] = v.qvel[1];
        out[8] = diff(v.xpos, 0);
        out[9] = diff(v.xpos, 1);
      },
      beforeStep() {},
      afterStep(v, action) {
        const dist = Math.hypot(diff(v.xpos, 0), diff(v.xpos, 1), diff(v.xpos, 2));
        const reward_dist = -distWeight * dist;
        const reward_ctrl = -ctrlWeight * sumSquares(action);
        return {
          reward: reward_dist + reward_ctrl,
          terminated: false,
          info: { reward_dist, reward_ctrl },
        };
      },
      resetNoise(v, rng) {
        for (let i = 0; i < 4; i++) v.qpos[i] += uniformNoise(rng, 0.1);
        let gx: number, gy: number;
        do {
          gx = uniformNoise(rng, 0.2);
          gy = uniformNoise(rng, 0.2);
        } while (Math.hypot(gx, gy) >= 0.2);
        v.qpos[2] = gx;
        v.qpos[3] = gy;
        for (let i = 0; i < 4; i++) v.qvel[i] += uniformNoise(rng, 0.005);
        v.qvel[2] = 0;
        v.qvel[3] = 0;
      },
      resetInfo: () => ({}),
    };
  },
};
