/**
 * Chooses and starts the tfjs backend: `auto | wasm | cpu | webgpu`.
 *
 * `auto` takes WebGPU when an adapter exists that is not a fallback (software) adapter, else
 * WASM. The WASM binaries load from the installed npm package (never the network). The WebGPU
 * backend module is imported only when asked for, because importing it raises its priority.
 * @module
 */
import { tf } from "./deps.ts";
import { checkChoice } from "./errors.ts";
import { installSecondOrderGradients } from "./gradients.ts";

/** Backend names users type. */
export const BACKENDS = ["auto", "wasm", "cpu", "webgpu"] as const;
/** A backend name, `auto` included. */
export type BackendName = typeof BACKENDS[number];

let quieted = false;

/** Starts `name` (resolving `auto`) and returns the backend actually in use. */
export async function useBackend(name: BackendName = "auto"): Promise<"wasm" | "cpu" | "webgpu"> {
  checkChoice("backend", name, BACKENDS);
  if (!quieted) {
    tf.enableProdMode();
    installSecondOrderGradients();
    quieted = true;
  }
  let target: "wasm" | "cpu" | "webgpu";
  if (name === "auto") {
    target = (await hardwareAdapterExists()) ? "webgpu" : "wasm";
  } else {
    target = name;
  }
  if (tf.getBackend() === target) return target;
  if (target === "webgpu") {
    if (!(await webgpuAdapter())) {
      throw new Error('backend: got "webgpu" but this runtime has no WebGPU adapter');
    }
    await import("npm:@tensorflow/tfjs-backend-webgpu@4.22.0");
  }
  const ok = await quietly(() => tf.setBackend(target));
  if (!ok) throw new Error(`backend: could not initialise "${target}"`);
  await tf.ready();
  return target;
}

/** The active backend's name. */
export function currentBackend(): string {
  return tf.getBackend();
}

interface AdapterLike {
  isFallbackAdapter?: boolean;
  info?: { isFallbackAdapter?: boolean };
}

async function webgpuAdapter(): Promise<AdapterLike | null> {
  const gpu = (globalThis.navigator as { gpu?: { requestAdapter(): Promise<unknown> } })?.gpu;
  if (!gpu) return null;
  try {
    return (await gpu.requestAdapter()) as AdapterLike | null;
  } catch {
    return null;
  }
}

/** Whether a WebGPU adapter exists at all (software adapters included). */
export async function webgpuAvailable(): Promise<boolean> {
  return (await webgpuAdapter()) !== null;
}

async function hardwareAdapterExists(): Promise<boolean> {
  const adapter = await webgpuAdapter();
  if (!adapter) return false;
  return !(adapter.info?.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false);
}

async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  const { log, warn, info } = console;
  console.log = console.warn = console.info = () => {};
  try {
    return await fn();
  } finally {
    Object.assign(console, { log, warn, info });
  }
}
