/**
 * Which update implementation an agent gets (docs/design.md): the tfjs reference when asked for,
 * else the fused path — on the WebGPU device where its kernel covers the settings, else on the
 * host with up to `threads` threads.
 * @module
 */
import type { Implementation } from "../config.ts";
import { gpuSupports } from "../fused/wgsl_layout.ts";
import type { Updater, UpdateSettings } from "./contract.ts";
import { HostUpdater } from "./host.ts";
import { ReferenceUpdater } from "./reference.ts";
import { WebGpuUpdater } from "./webgpu.ts";

/**
 * An updater for `settings` (with the agent's `implementation` and `threads`) on the tfjs
 * `backend` in use, whose trained weights start at `initial` (tfjs layout).
 */
export function createUpdater(
  settings: UpdateSettings & { implementation: Implementation; threads: number },
  backend: string,
  initial: readonly Float32Array[],
): Updater {
  if (settings.implementation === "reference") return new ReferenceUpdater(settings, initial);
  if (backend === "webgpu" && gpuSupports(settings)) return new WebGpuUpdater(settings, initial);
  return new HostUpdater(settings, initial, Math.min(settings.threads, settings.population));
}
