/**
 * WebAssembly SIMD (f64x2) versions of the fused path's hot kernels (batched products, and the
 * row products of the block-diagonal solve), and the allocator
 * that places the float64 workspaces they touch in one shared WebAssembly memory (a shared
 * memory grows without detaching existing views). Where WebAssembly SIMD or shared memory is
 * missing, or the memory cannot grow, workspaces are ordinary Float64Arrays and the plain
 * TypeScript kernels run instead; both give the same results up to summation order.
 * The module's bytes are embedded (lib/fused/simd_wasm.ts), built from lib/fused/simd.wat.
 * @module
 */
import { SIMD_WASM_BASE64 } from "./simd_wasm.ts";

/** The kernels, all pointers in bytes into `memory`. */
export interface SimdKernels {
  /**
   * out[i·ostride + j] = act([out +] bias[j] + Σ_{k<nin} x[i·rstride + k·kstride]·m[k·mstride + j])
   * for i < B rows; bias 0 = none; the old out is added when acc ≠ 0; act: ReLU if relu ≠ 0,
   * then 0 where gate[i·ostride + j] = 0 (gate 0 = none).
   */
  rows(
    x: number,
    nin: number,
    m: number,
    mstride: number,
    bias: number,
    out: number,
    nout: number,
    ostride: number,
    B: number,
    gate: number,
    relu: number,
    rstride: number,
    kstride: number,
    acc: number,
  ): void;
  /** d[j] += Σ_{i<m} r[i·n + j]·r[i·n + j − lag] for lag ≤ j < n. */
  lag(r: number, n: number, m: number, lag: number, d: number): void;
  /** out[i] = Σ_{k<n} x[i·n + k]·v[k] for i < m. */
  dots(x: number, n: number, v: number, out: number, m: number): void;
}

const PAGE = 65536, MAX_PAGES = 16384; // 1 GiB at most

let memory: WebAssembly.Memory | null = null;
let kernels: SimdKernels | null = null;
let next = 64; // byte 0 stays unused so that a null pointer is 0
let enabled = true;

try {
  const bytes = Uint8Array.from(atob(SIMD_WASM_BASE64), (c) => c.charCodeAt(0));
  memory = new WebAssembly.Memory({ initial: 16, maximum: MAX_PAGES, shared: true });
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } });
  kernels = instance.exports as unknown as SimdKernels;
} catch {
  memory = null;
  kernels = null;
}

/** The SIMD kernels, or null where unavailable or switched off. */
export function simdKernels(): SimdKernels | null {
  return enabled ? kernels : null;
}

/** Switches the SIMD kernels off (false) or back on, e.g. to compare both; returns the old state. */
export function useSimd(on: boolean): boolean {
  const old = enabled;
  enabled = on;
  return old;
}

/** Whether `a` lives in the kernels' memory (so that its byteOffset is a pointer). */
export function inSimdMemory(a: Float64Array): boolean {
  return memory !== null && a.buffer instanceof SharedArrayBuffer;
}

/** Released views by length, reused before the memory grows (agents of one shape recycle). */
const free = new Map<number, Float64Array[]>();

/** Returns views from `allocF64` for reuse (plain arrays are left to the garbage collector). */
export function freeF64(arrays: readonly Float64Array[]): void {
  for (const a of arrays) {
    if (!inSimdMemory(a) || a.length === 0) continue;
    const list = free.get(a.length);
    if (list) list.push(a);
    else free.set(a.length, [a]);
  }
}

/** A zeroed Float64Array of length n, in the kernels' memory where possible. */
export function allocF64(n: number): Float64Array {
  if (memory === null || n === 0) return new Float64Array(n);
  const reused = free.get(n)?.pop();
  if (reused) return reused.fill(0);
  const bytes = (n * 8 + 15) & ~15;
  if (next + bytes > memory.buffer.byteLength) {
    const pages = Math.ceil((next + bytes - memory.buffer.byteLength) / PAGE);
    try {
      memory.grow(pages);
    } catch {
      return new Float64Array(n); // out of reserved memory: the TypeScript kernels take over
    }
  }
  const view = new Float64Array(memory.buffer, next, n);
  next += bytes;
  return view;
}
