/**
 * stackrl physics: the paper's MuJoCo task suite on MuJoCo WebAssembly (`@mujoco/mujoco` 3.14.0,
 * single-threaded), with Gymnasium v5's observations, rewards, terminations, resets and options,
 * on our own MJCF models (`physics/models/`, written from docs/environments.md).
 *
 * | task | obs | act (bounds) | frame_skip · timestep | max steps | terminates |
 * | --- | --- | --- | --- | --- | --- |
 * | Ant | 105 | 8 (±1) | 5 · 0.01 | 1000 | z outside [0.2, 1] |
 * | HalfCheetah | 17 | 6 (±1) | 5 · 0.01 | 1000 | never |
 * | Hopper | 11 | 3 (±1) | 4 · 0.002 | 1000 | unhealthy (z, angle, state range) |
 * | Humanoid | 348 | 17 (±0.4) | 5 · 0.003 | 1000 | z outside (1, 2) |
 * | InvertedDoublePendulum | 9 | 1 (±1) | 5 · 0.01 | 1000 | tip z ≤ 1 |
 * | InvertedPendulum | 4 | 1 (±3) | 2 · 0.02 | 1000 | \|angle\| > 0.2 |
 * | Reacher | 10 | 2 (±1) | 2 · 0.01 | 50 | never |
 * | Swimmer | 8 | 2 (±1) | 4 · 0.01 | 1000 | never |
 * | Walker2d | 17 | 6 (±1) | 4 · 0.002 | 1000 | z outside (0.8, 2) or \|angle\| ≥ 1 |
 *
 * Task options are Gymnasium's keyword arguments in camelCase (`reset_noise_scale` →
 * `resetNoiseScale`, `healthy_z_range` → `healthyZRange`, …) with the same defaults
 * ({@link envDefaults}); unknown options are errors. `info` keeps Gymnasium's names
 * (`reward_forward`, `reward_ctrl`, `x_velocity`, …). Observations are float32 copies; a step
 * that makes the simulation unstable ends the episode with `info.unstable` naming the reason.
 *
 * @example
 * ```ts
 * import { listEnvs, makeEnv } from "./mod.ts";
 * console.log(listEnvs().length); // 9
 * const env = await makeEnv("Hopper", { seed: 0 });
 * const { observation } = env.reset();
 * const step = env.step(new Float32Array(env.actionSize));
 * console.log(observation.length, step.info.reward_survive); // 11 1
 * env.close();
 * ```
 * @module
 */
export { envDefaults, listEnvs, makeEnv } from "./registry.ts";
export { makeVecEnv } from "./vec_env.ts";
export type { VecEnv, VecEnvOptions, VecResetResult, VecStepResult } from "./vec_env.ts";
export { decodeRollout, encodeRollout, recordRollout } from "./rollout.ts";
export type { Policy, Rollout, RolloutEpisode, RolloutOptions } from "./rollout.ts";
export type {
  CommonEnvOptions,
  Env,
  EnvFactory,
  EnvLike,
  EnvOptions,
  EnvState,
  Info,
  InfoValue,
  ResetResult,
  StepResult,
} from "./types.ts";
export { ModelCompileError, wasmHeapBytes } from "./mujoco.ts";
