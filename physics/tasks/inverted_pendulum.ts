/**
 * InvertedPendulum-v5 (docs/environments.md §7): keep a pole upright on a cart.
 *
 * - Observation (4): cart position qpos[0], pole angle qpos[1], qvel[0], qvel[1].
 * - Reward: `reward_survive` = 1 on every step that does not terminate, else 0.
 * - Terminated: any observation value non-finite, or |qpos[1]| > 0.2 (strict).
 * - Reset: qpos0 + U(±resetNoiseScale), qvel U(±resetNoiseScale).
 * - Options (defaults): `resetNoiseScale` 0.01.
 * @module
 */
import { type TaskSpec, uniformNoise } from "../env.ts";

/** The InvertedPendulum task. */
export const invertedPendulum: TaskSpec = {
  name: "InvertedPendulum",
  modelFile: "inverted_pendulum.xml",
  frameSkip: 2,
  maxEpisodeSteps: 1000,
  defaults: { resetNoiseScale: 0.01 },
  nonNegative: ["resetNoiseScale"],
  build(sim, options) {
    const noise = options.resetNoiseScale as number;
    return {
      observationSize: sim.nq + sim.nv,
      observe(v, out) {
        out.set(v.qpos, 0);
        out.set(v.qvel, sim.nq);
      },
      beforeStep() {},
      afterStep(v, _action, obs) {
        let finite = true;
        for (let i = 0; i < obs.length; i++) if (!Number.isFinite(obs[i])) finite = false;
        const terminated = !finite || Math.abs(v.qpos[1]) > 0.2;
        const reward = terminated ? 0 : 1;
        return { reward, terminated, info: { reward_survive: reward } };
      },
      resetNoise(v, rng) {
        for (let i = 0; i < v.qpos.length; i++) v.qpos[i] += uniformNoise(rng, noise);
        for (let i = 0; i < v.qvel.length; i++) v.qvel[i] += uniformNoise(rng, noise);
      },
      resetInfo: () => ({}),
    };
  },
};
