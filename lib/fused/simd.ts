/**
 * WebAssembly SIMD (f64x2) versions of the fused path's hot kernels (batched products, and the
 * row products of the block-diagonal solve), the f32x4 batched product `rows32` that the
 * `mixed` precision uses (with relaxed-SIMD fused multiply-add where `WebAssembly.validate`
 * accepts it, else multiply then add), and the allocator
 * that places the float64 workspaces they touch in one shared WebAssembly memory (a shared
 * memory grows without detaching existing views). Where WebAssembly SIMD or shared memory is
 * missing, or the memory cannot grow, workspaces are ordinary Float64Arrays and the plain
 * TypeScript kernels run instead; both give the same results up to summation order.
 * The modules' bytes are embedded (lib/fused/simd_wasm.ts), built from lib/fused/simd.wat and
 * lib/fused/simd_fma.wat.
 * @module
 */
import { RELAXED_PROBE_BASE64, SIMD_FMA_WASM_BASE64, SIMD_WASM_BASE64 } from "./simd_wasm.ts";

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
  /**
   * `rows` with `m` and `bias` float32 and the sums in float32 (x, out and gate stay float64;
   * each x is rounded to float32 as it is read, each sum widened before `acc` adds the old out).
   */
  rows32: SimdKernels["rows"];
  /** `rows32` with x float32 in memory (read as it is). */
  rows32xs: SimdKernels["rows32"];
  /** `rows32` with out and gate float32 in memory (each sum stored as it is). */
  rows32os: SimdKernels["rows32"];
  /** `rows32` with x, out and gate float32 in memory. */
  rows32s: SimdKernels["rows32"];
  /**
   * out[i] ≈ tanh(x[i]) for i < n (x and out float64) to float32 accuracy: a rational form,
   * within 2.7e-7 of tanh (tools/gen_simd_f32.ts); for the `mixed` precision's passes.
   */
  tanh32(x: number, out: number, n: number): void;
  /**
   * Adam on n float32 parameters `w` and moments `m`, `v` along scale·g (g float64): in float64,
   * in lib/fused/optimizer.ts's order, each result rounded to float32 once (the same bits).
   */
  adam(
    w: number,
    m: number,
    v: number,
    g: number,
    n: number,
    scale: number,
    beta1: number,
    beta2: number,
    b1: number,
    b2: number,
    a: number,
    c2: number,
    eps: number,
  ): void;
  /** t = t·keep + s·tau over n float32 values, in float64 (polyak averaging). */
  blend(t: number, s: number, n: number, keep: number, tau: number): void;
  /**
   * dst[i·dstride + k] = src[i·sstride + k] for k < width, i < rows: float32 rows widened to
   * float64 (strides in elements).
   */
  widen(
    src: number,
    sstride: number,
    dst: number,
    dstride: number,
    width: number,
    rows: number,
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
/** Whether rows32 fuses its multiply-adds (relaxed SIMD validated and loaded). */
let fused = false;

try {
  const bytes = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const mem = new WebAssembly.Memory({ initial: 16, maximum: MAX_PAGES, shared: true });
  memory = mem;
  const load = (b64: string) =>
    new WebAssembly.Instance(new WebAssembly.Module(bytes(b64)), { env: { memory: mem } }).exports;
  const exports = { ...load(SIMD_WASM_BASE64) };
  if (WebAssembly.validate(bytes(RELAXED_PROBE_BASE64))) {
    try {
      const f = load(SIMD_FMA_WASM_BASE64);
      for (const name of ["rows32", "rows32xs", "rows32os", "rows32s"]) exports[name] = f[name];
      fused = true;
    } catch {
      // the plain multiply-then-add rows32 stays
    }
  }
  kernels = exports as unknown as SimdKernels;
} catch {
  memory = null;
  kernels = null;
}

/** Whether `rows32` uses relaxed-SIMD fused multiply-add on this runtime. */
export function simdFma(): boolean {
  return kernels !== null && fused;
}

/**
 * Arithmetic of the fused host update's batched products (lib/fused/updater.ts): `f64` keeps
 * every pass in float64; `mixed` runs the forward and backward passes whose conditioning allows
 * it in float32 (`rows32`) and keeps float64 for the per-sample Gram, CG and SD* solves.
 */
export type Precision = "f64" | "mixed";

/** The precisions, for messages. */
export const PRECISIONS: readonly Precision[] = ["f64", "mixed"];

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

/**
 * The buffers of the views `allocF64` made in the kernels' memory: one per size the memory had
 * (growing a shared memory gives `memory.buffer` a new object but leaves older views valid).
 * Identity, not `instanceof SharedArrayBuffer`: other shared buffers (the worker pool's state)
 * are not the kernels' memory, and a page that is not cross-origin isolated has no such global.
 */
const kernelBuffers = new WeakSet<ArrayBufferLike>();

/** Whether `a` lives in the kernels' memory (so that its byteOffset is a pointer). */
export function inSimdMemory(a: Float64Array | Float32Array): boolean {
  return memory !== null && kernelBuffers.has(a.buffer);
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

/**
 * Bytes the kernels' memory can still hand out before it reaches its maximum (0 without it):
 * callers placing large, long-lived arrays there leave room for the workspaces.
 */
export function simdBytesLeft(): number {
  return memory === null ? 0 : MAX_PAGES * PAGE - next;
}

/** A zeroed Float64Array of length n, in the kernels' memory where possible. */
export function allocF64(n: number): Float64Array {
  if (memory === null || n === 0) return new Float64Array(n);
  const reused = free.get(n)?.pop();
  if (reused) return reused.fill(0);
  const bytes = (n * 8 + 15) & ~15;
  // 16 bytes stay mapped past every view: rows32 reads a whole quad at a row's last columns
  if (next + bytes + 16 > memory.buffer.byteLength) {
    const pages = Math.ceil((next + bytes + 16 - memory.buffer.byteLength) / PAGE);
    try {
      memory.grow(pages);
    } catch {
      return new Float64Array(n); // out of reserved memory: the TypeScript kernels take over
    }
  }
  const view = new Float64Array(memory.buffer, next, n);
  kernelBuffers.add(view.buffer);
  next += bytes;
  return view;
}

/**
 * A zeroed Float32Array of length n over a view from `alloc` (so that it is released with it):
 * in the kernels' memory where `alloc` places it there.
 */
export function allocF32Via(alloc: (n: number) => Float64Array, n: number): Float32Array {
  const a = alloc(Math.ceil(n / 2));
  return new Float32Array(a.buffer, a.byteOffset, n);
}
