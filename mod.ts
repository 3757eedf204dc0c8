/**
 * stackrl: deterministic actor-critic reinforcement learning with Stackelberg (leader–follower)
 * updates, on MuJoCo compiled to WebAssembly and TensorFlow.js.
 *
 * @example
 * ```ts
 * import { createAgent } from "./mod.ts";
 * const agent = await createAgent("fstd3", { observationSize: 3, actionSize: 1 });
 * const action = agent.act(new Float32Array(3), { explore: false });
 * ```
 * @module
 */
export {
  type BackendName,
  BACKENDS,
  currentBackend,
  useBackend,
  webgpuAvailable,
} from "./lib/backend.ts";
export { Rng } from "./lib/rng.ts";
export { ValidationError } from "./lib/errors.ts";
