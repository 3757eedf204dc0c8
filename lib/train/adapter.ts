/**
 * Which WebGPU adapter a `--backend webgpu` run gets. A software adapter (Mesa's llvmpipe or
 * lavapipe, SwiftShader, WARP: the CPU pretending to be a GPU) runs training several times
 * slower than `--backend wasm`, so the run says so and config.json records the adapter.
 * @module
 */

/** The adapter as config.json records it (`runtime.adapter`). */
export interface AdapterInfo {
  /** The driver's description (`llvmpipe (LLVM 15.0.6, 256 bits)`), else vendor and device. */
  description: string;
  /** Whether it is a software (CPU) adapter. */
  software: boolean;
}

const SOFTWARE = /llvmpipe|lavapipe|softpipe|swiftshader|\bwarp\b|microsoft basic render|software/i;

/** Whether an adapter's info describes a software adapter. */
export function isSoftwareAdapter(
  info: { isFallbackAdapter?: boolean; description?: string; vendor?: string; device?: string },
): boolean {
  if (info.isFallbackAdapter) return true;
  return SOFTWARE.test(`${info.description ?? ""} ${info.vendor ?? ""} ${info.device ?? ""}`);
}

/** The WebGPU adapter this process gets, or null where there is none. */
export async function webgpuAdapterInfo(): Promise<AdapterInfo | null> {
  const gpu = (globalThis.navigator as { gpu?: { requestAdapter(): Promise<unknown> } })?.gpu;
  if (!gpu) return null;
  let adapter: { info?: Record<string, unknown>; isFallbackAdapter?: boolean } | null;
  try {
    adapter = (await gpu.requestAdapter()) as typeof adapter;
  } catch {
    return null;
  }
  if (!adapter) return null;
  const info = (adapter.info ?? {}) as {
    isFallbackAdapter?: boolean;
    description?: string;
    vendor?: string;
    device?: string;
  };
  const description = info.description ||
    [info.vendor, info.device].filter((x) => x && x !== "0").join(" ") || "unknown adapter";
  return {
    description,
    software: isSoftwareAdapter({
      ...info,
      isFallbackAdapter: info.isFallbackAdapter ?? adapter.isFallbackAdapter,
    }),
  };
}

/** The notice for a run on a software adapter. */
export function softwareAdapterNotice(adapter: AdapterInfo): string {
  return `notice: --backend webgpu runs on a software adapter (${adapter.description}): the CPU ` +
    "emulates the GPU, several times slower than --backend wasm; config.json records the adapter";
}
