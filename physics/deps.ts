/**
 * The one place that names npm packages for the physics layer. Specifiers are fully qualified
 * and pinned so that `physics/mod.ts` works when imported by URL, without our deno.json.
 * `@mujoco/mujoco` at its root is the single-threaded WebAssembly build.
 * @module
 */
export { default as loadMujocoModule } from "npm:@mujoco/mujoco@3.14.0";
export type { MainModule, MjData, MjModel } from "npm:@mujoco/mujoco@3.14.0";

/** The MuJoCo version the physics layer is pinned to (recorded in rollouts and reports). */
export const MUJOCO_VERSION = "3.14.0";
