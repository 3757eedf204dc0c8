/**
 * stackrl physics: the paper's MuJoCo task suite (Ant, HalfCheetah, Hopper, Humanoid,
 * InvertedDoublePendulum, InvertedPendulum, Reacher, Swimmer, Walker2d) on MuJoCo WebAssembly
 * (`@mujoco/mujoco` 3.14.0, single-threaded), with Gymnasium v5's observations, rewards,
 * terminations, resets and options, on our own MJCF models (`physics/models/`).
 *
 * @example
 * ```ts
 * import { listEnvs, makeEnv } from "./mod.ts";
 * console.log(listEnvs().length); // 9
 * const env = await makeEnv("Hopper", { seed: 0 });
 * let { observation } = env.reset();
 * const step = env.step(new Float32Array(env.actionSize));
 * console.log(observation.length, step.info.reward_survive); // 11 1
 * env.close();
 * ```
 * @module
 */
export { envDefaults, listEnvs, makeEnv } from "./envs.ts";
export { makeVecEnv } from "./vec_env.ts";
export type { VecEnv, VecEnvOptions, VecResetResult, VecStepResult } from "./vec_env.ts";
export { decodeRollout, encodeRollout, recordRollout } from "./rollout.ts";
export type { Policy, Rollout, RolloutEpisode, RolloutOptions } from "./rollout.ts";
export type {
  CommonEnvOptions,
  Env,
  EnvOptions,
  EnvState,
  Info,
  InfoValue,
  ResetResult,
  StepResult,
} from "./types.ts";
export { ModelCompileError, wasmHeapBytes } from "./mujoco.ts";
