/**
 * The one place that names npm packages for the learning code. Specifiers are fully
 * qualified and pinned so that `mod.ts` works when imported by URL, without our deno.json.
 * `@tensorflow/tfjs` brings the core, every gradient and the CPU backend.
 * @module
 */
export * as tf from "npm:@tensorflow/tfjs@4.22.0";
import "npm:@tensorflow/tfjs-backend-wasm@4.22.0";

/** Versions recorded in run configs and reports. */
export const VERSIONS = { tfjs: "4.22.0", mujoco: "3.14.0" } as const;
