/**
 * stackrl: deterministic actor-critic reinforcement learning with Stackelberg (leader–follower)
 * updates (the critic leads, the actor follows), on TensorFlow.js and MuJoCo WebAssembly.
 *
 * @example
 * ```ts
 * import { createAgent } from "./mod.ts";
 * const agent = await createAgent("fstd3", { observationSize: 3, actionSize: 1, population: 2 });
 * const actions = agent.act(new Float32Array(2 * 3), { explore: true }); // 2 members × 1 action
 * ```
 * @module
 */
export {
  actorDirection,
  Agent,
  createAgent,
  loadAgent,
  memberRng,
  type NamedWeights,
  STREAMS,
  type UpdateInfo,
} from "./lib/agent.ts";
export {
  type AgentConfig,
  type AgentOptions,
  type Algorithm,
  ALGORITHMS,
  DEFAULTS,
  type Hyperparameters,
} from "./lib/config.ts";
export { type Batch, ReplayBuffer, replayBytes } from "./lib/replay.ts";
export {
  type BackendName,
  BACKENDS,
  currentBackend,
  useBackend,
  webgpuAvailable,
} from "./lib/backend.ts";
export { Rng } from "./lib/rng.ts";
export { ValidationError } from "./lib/errors.ts";
