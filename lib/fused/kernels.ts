/**
 * Kernels of the fused update path: batched MLP forward and backward passes over one population
 * member's flat parameter vector (weight order: per layer kernel `[in, out]` row-major, then
 * bias), with float64 workspaces and no allocation. The batched products go to the WebAssembly
 * SIMD kernels of lib/fused/simd.ts when the workspaces live in their memory, else run here in
 * plain TypeScript (register-blocked loops); with `f32` set on a workspace they run as the f32x4
 * `rows32` kernels (float32 sums; lib/fused/simd.ts), the hidden activations and the hidden
 * deltas kept float32 between them (`H32`, `E32`: the same values, float32 sums being exact in
 * float32, with one load per activation). Hidden layers use ReLU with relu'(0) = 0; a hidden
 * activation is exactly 0 where its pre-activation is ≤ 0, so the activation itself is the mask.
 * @module
 */
import { allocF32Via, allocF64, inSimdMemory, simdKernels } from "./simd.ts";
import type { NetLayout } from "./layout.ts";
import { outerAccumulate, rowsTimesT, transpose } from "./kernels_ts.ts";

export { outerAccumulate, rowsTimesT, transpose };

/** Workspaces of one network's batched pass: `H[l]` is layer l's input `[B, n_l]`, `E[l]` its output delta. */
export interface NetWork {
  /** Inputs of each layer: H[0] the network input, H[l] = relu(z_l). */
  readonly H: Float64Array[];
  /** Pre-activation of the last layer `[B, n_L]`. */
  readonly out: Float64Array;
  /** ∂/∂(output of layer l) per sample, `[B, n_{l+1}]`. */
  readonly E: Float64Array[];
  /** Transposed kernels `[out, in]` of each layer (scratch, TypeScript kernels). */
  readonly wt: Float32Array[];
  /** Kernel `[in, out]` then bias of each layer in float64 (scratch, SIMD kernels). */
  readonly wf: Float64Array[];
  /** Transposed kernels `[out, in]` in float64 (scratch, SIMD kernels). */
  readonly wtb: Float64Array[];
  /** Transposes `[n, B]` of an activation and a delta (scratch, the widest layer). */
  readonly ht: Float64Array;
  readonly et: Float64Array;
  /**
   * Whether the SIMD passes run in float32 (`rows32`): the caller sets it per pass (the `mixed`
   * precision of lib/fused/updater.ts); false keeps float64.
   */
  f32: boolean;
  /**
   * The member's whole parameter vector in float32 (one copy per forward pass, where the state
   * is not in the kernels' memory), transposed kernels, a delta `[B, n]` (rows32).
   */
  readonly w32: Float32Array;
  readonly wtb32: Float32Array[];
  readonly et32: Float32Array;
  /** Float32 hidden activations `H32[l]` (1 ≤ l < L) and deltas `E32[l]` (l < L − 1) of f32 passes. */
  readonly H32: Float32Array[];
  readonly E32: Float32Array[];
  /** Whether the last forward pass left its hidden activations in `H32` (not `H`). */
  h32: boolean;
}

/**
 * dst[dOff + i·dstride + k] = src[sOff + i·width + k] for k < width, i < rows: a member's
 * float32 minibatch rows into a pass's float64 input. The SIMD kernel `widen` where both live in
 * its memory (the batch staged there by lib/fused/updater.ts), else a loop; the same values.
 */
export function rowsInto(
  src: Float32Array,
  sOff: number,
  width: number,
  rows: number,
  dst: Float64Array,
  dOff: number,
  dstride: number,
): void {
  const K = inSimdMemory(src) && inSimdMemory(dst) ? simdKernels() : null;
  if (K) {
    K.widen(src.byteOffset + 4 * sOff, width, dst.byteOffset + 8 * dOff, dstride, width, rows);
    return;
  }
  for (let i = 0; i < rows; i++) {
    for (let k = 0; k < width; k++) dst[dOff + i * dstride + k] = src[sOff + i * width + k];
  }
}

/**
 * dst[i] = tanh(src[i]) for i < n: Math.tanh, or with `float32` (a pass of the `mixed` precision)
 * the SIMD kernel `tanh32` (within 2.7e-7 of tanh, about a fifth of Math.tanh's cost) where
 * both arrays live in its memory.
 */
export function tanhInto(src: Float64Array, dst: Float64Array, n: number, float32: boolean): void {
  const K = float32 && inSimdMemory(src) && inSimdMemory(dst) ? simdKernels() : null;
  if (K) K.tanh32(src.byteOffset, dst.byteOffset, n);
  else for (let i = 0; i < n; i++) dst[i] = Math.tanh(src[i]);
}

/** Allocates the workspaces of `net` for batches up to `B`. */
export function netWork(
  net: NetLayout,
  B: number,
  alloc: (n: number) => Float64Array = allocF64,
): NetWork {
  const H: Float64Array[] = [], E: Float64Array[] = [], wt: Float32Array[] = [];
  const wf: Float64Array[] = [], wtb: Float64Array[] = [];
  const wtb32: Float32Array[] = [];
  const H32: Float32Array[] = [], E32: Float32Array[] = [];
  for (let l = 0; l < net.layers; l++) {
    const nin = net.sizes[l], nout = net.sizes[l + 1];
    H32.push(allocF32Via(alloc, l > 0 ? B * nin : 0));
    E32.push(allocF32Via(alloc, l + 1 < net.layers ? B * nout : 0));
    H.push(alloc(B * nin));
    E.push(alloc(B * nout));
    wt.push(new Float32Array(nin * nout));
    wf.push(alloc(nin * nout + nout));
    wtb.push(alloc(nin * nout));
    wtb32.push(allocF32Via(alloc, nin * nout));
  }
  const widest = Math.max(...net.sizes);
  return {
    H,
    E,
    wt,
    wf,
    wtb,
    f32: false,
    h32: false,
    H32,
    E32,
    w32: allocF32Via(alloc, net.n),
    wtb32,
    et32: allocF32Via(alloc, B * widest),
    out: alloc(B * net.sizes[net.layers]),
    ht: alloc(B * widest),
    et: alloc(B * widest),
  };
}

let ones: Float64Array | null = null;

/** A row of B ones in the SIMD memory (shared by all agents, grown on demand), or null. */
function onesOf(B: number): Float64Array | null {
  if (ones === null || ones.length < B) {
    const fresh = allocF64(B);
    if (!inSimdMemory(fresh)) return null;
    ones = fresh.fill(1);
  }
  return ones;
}

/**
 * g += Σ_i h[i]⊗e[i] (kernel part at kOff, bias sums at bOff) from row-major `[B, ·]` arrays;
 * a float32 `e` takes the float32 kernels (rows32; rows32xs for a float32 `h`).
 */
function outerRows(
  K: NonNullable<ReturnType<typeof simdKernels>>,
  h: Float64Array | Float32Array,
  e: Float64Array | Float32Array,
  nin: number,
  nout: number,
  B: number,
  g: Float64Array,
  kOff: number,
  bOff: number,
): void {
  const one = onesOf(B);
  // the row of ones is float64: a float32 h changes only the kernel of the product proper
  const rows = e instanceof Float32Array ? K.rows32 : K.rows;
  const rowsH = h instanceof Float32Array && e instanceof Float32Array ? K.rows32xs : rows;
  if (one === null) {
    for (let i = 0; i < B; i++) {
      const r = i * nout;
      for (let j = 0; j < nout; j++) g[bOff + j] += e[r + j];
    }
  } else {
    // the bias sums as one more product row: a row of ones times E
    rows(
      one.byteOffset,
      B,
      e.byteOffset,
      nout,
      0,
      g.byteOffset + 8 * bOff,
      nout,
      nout,
      1,
      0,
      0,
      B,
      1,
      1,
    );
  }
  rowsH(
    h.byteOffset,
    B,
    e.byteOffset,
    nout,
    0,
    g.byteOffset + 8 * kOff,
    nout,
    nout,
    nin,
    0,
    0,
    1,
    nin,
    1,
  );
}

/** Forward pass of B rows whose inputs are in `work.H[0]`; the last pre-activation goes to `work.out`. */
export function forwardBatch(
  net: NetLayout,
  w: Float32Array,
  wOff: number,
  work: NetWork,
  B: number,
): void {
  const L = net.layers, sizes = net.sizes, H = work.H;
  const K = inSimdMemory(work.out) ? simdKernels() : null;
  work.h32 = K !== null && work.f32 && L > 1;
  // float32 passes read the member's parameters as they are stored: in place where they live in
  // the kernels' memory, else from one copy for the whole pass
  let w32Base = 0;
  if (K !== null && work.f32) {
    if (inSimdMemory(w)) w32Base = w.byteOffset + 4 * wOff;
    else {
      work.w32.set(w.subarray(wOff, wOff + net.n));
      w32Base = work.w32.byteOffset;
    }
  }
  for (let l = 0; l < L; l++) {
    const nin = sizes[l], nout = sizes[l + 1];
    const kOff = wOff + net.kOff[l], bOff = wOff + net.bOff[l];
    if (K !== null && work.f32) {
      // hidden activations stay float32 (H32); the first input and the output are float64
      const dst = l + 1 < L ? work.H32[l + 1] : work.out;
      const rows = l > 0 ? (l + 1 < L ? K.rows32s : K.rows32xs) : l + 1 < L ? K.rows32os : K.rows32;
      rows(
        (l > 0 ? work.H32[l] : H[l]).byteOffset,
        nin,
        w32Base + 4 * net.kOff[l],
        nout,
        w32Base + 4 * net.bOff[l],
        dst.byteOffset,
        nout,
        nout,
        B,
        0,
        l + 1 < L ? 1 : 0,
        nin,
        1,
        0,
      );
      continue;
    }
    if (K !== null) {
      // kernel then bias are consecutive in weight order: one float64 copy
      const wf = work.wf[l], n = nin * nout + nout;
      for (let t = 0; t < n; t++) wf[t] = w[kOff + t];
      const dst = l + 1 < L ? H[l + 1] : work.out;
      const p = wf.byteOffset;
      K.rows(
        H[l].byteOffset,
        nin,
        p,
        nout,
        p + 8 * nin * nout,
        dst.byteOffset,
        nout,
        nout,
        B,
        0,
        l + 1 < L ? 1 : 0,
        nin,
        1,
        0,
      );
      continue;
    }
    const wt = work.wt[l];
    for (let k = 0; k < nin; k++) {
      const r = kOff + k * nout;
      for (let j = 0; j < nout; j++) wt[j * nin + k] = w[r + j];
    }
    const dst = l + 1 < L ? H[l + 1] : work.out;
    rowsTimesT(H[l], nin, wt, 0, w, bOff, dst, nout, B);
    if (l + 1 < L) {
      const n = B * nout;
      for (let t = 0; t < n; t++) if (!(dst[t] > 0)) dst[t] = 0;
    }
  }
}

/** What `backwardBatch` accumulates besides the deltas. */
export interface BackwardOptions {
  /** += Σ_i H⊗E (the summed gradient), in weight order. */
  grad?: Float64Array | null;
  /** += Σ_i (H⊗E)² (the diagonal of the per-sample Gram), in weight order. */
  diag?: Float64Array | null;
  /** += Σ_i c_i·H⊗E with per-sample weights `weights`. */
  weighted?: Float64Array | null;
  weights?: Float64Array | null;
  /** ∂/∂input columns [inStart, n_0) per sample, `[B, n_0 − inStart]`. */
  inputGrad?: Float64Array | null;
  inStart?: number;
}

/**
 * Back-propagates the per-sample output deltas in `work.E[L−1]` through the network (after a
 * `forwardBatch` on the same rows and weights), filling every `work.E[l]` and accumulating what
 * `opts` asks.
 */
export function backwardBatch(
  net: NetLayout,
  w: Float32Array,
  wOff: number,
  work: NetWork,
  B: number,
  opts: BackwardOptions,
): void {
  const grad = opts.grad ?? null, diag = opts.diag ?? null;
  const weighted = opts.weighted ?? null, weights = opts.weights ?? null;
  const inputGrad = opts.inputGrad ?? null, inStart = opts.inStart ?? 0;
  const L = net.layers, sizes = net.sizes, H = work.H, E = work.E;
  const ht = work.ht, et = work.et;
  const K = inSimdMemory(work.out) && (grad === null || inSimdMemory(grad)) &&
      (diag === null || inSimdMemory(diag)) && (weighted === null || inSimdMemory(weighted)) &&
      (inputGrad === null || inSimdMemory(inputGrad))
    ? simdKernels()
    : null;
  const f32 = K !== null && work.f32;
  // the hidden activations where this pass reads them (the forward pass ran f32 or not)
  if (work.h32 && !f32) { for (let l = 1; l < L; l++) H[l].set(work.H32[l]); }
  if (!work.h32 && f32) { for (let l = 1; l < L; l++) work.H32[l].set(H[l]); }
  for (let l = L - 1; l >= 0; l--) {
    const nin = sizes[l], nout = sizes[l + 1];
    const kOff = net.kOff[l], bOff = net.bOff[l];
    // float32 passes: hidden deltas and activations live in E32 and H32
    const el: Float64Array | Float32Array = f32 && l + 1 < L ? work.E32[l] : E[l];
    const hl: Float64Array | Float32Array = f32 && l > 0 ? work.H32[l] : H[l];
    if (grad !== null && K !== null) {
      // Σ_i H[i]⊗E[i] straight from the row-major activations: rows of the product are the
      // input units (row stride 1), the reduction runs over samples (stride nin)
      const n = B * nin, m = B * nout;
      // float32: the deltas are the float32 operand (rows32 reads its matrix in float32)
      const e = f32 ? work.et32 : et;
      if (f32 && el instanceof Float64Array) { for (let t = 0; t < m; t++) e[t] = el[t]; }
      outerRows(
        K,
        hl,
        f32 ? (el instanceof Float32Array ? el : e) : el,
        nin,
        nout,
        B,
        grad,
        kOff,
        bOff,
      );
      if (weighted !== null) {
        for (let i = 0; i < B; i++) {
          const c = weights![i], r = i * nout;
          for (let j = 0; j < nout; j++) e[r + j] = el[r + j] * c;
        }
        outerRows(K, hl, e, nin, nout, B, weighted, kOff, bOff);
      }
      if (diag !== null) {
        for (let t = 0; t < n; t++) ht[t] = hl[t] * hl[t];
        for (let t = 0; t < m; t++) e[t] = el[t] * el[t];
        outerRows(K, ht, e, nin, nout, B, diag, kOff, bOff);
      }
    } else if (grad !== null) {
      transpose(H[l], nin, B, ht);
      transpose(E[l], nout, B, et);
      outerAccumulate(ht, et, nin, nout, B, grad, kOff, bOff);
      if (weighted !== null) {
        for (let j = 0; j < nout; j++) {
          for (let i = 0; i < B; i++) et[j * B + i] *= weights![i];
        }
        outerAccumulate(ht, et, nin, nout, B, weighted, kOff, bOff);
      }
      if (diag !== null) {
        for (let t = 0; t < nin * B; t++) ht[t] *= ht[t];
        for (let t = 0; t < nout * B; t++) et[t] *= et[t];
        outerAccumulate(ht, et, nin, nout, B, diag, kOff, bOff);
      }
    }
    if (f32 && (l > 0 || inputGrad !== null)) {
      // row j of the transposed kernel holds the weights into output j (float32, as stored)
      const wtb = work.wtb32[l], k0 = wOff + kOff;
      for (let k = 0; k < nin; k++) {
        const r = k0 + k * nout;
        for (let j = 0; j < nout; j++) wtb[j * nin + k] = w[r + j];
      }
      const last = l === 0, n = last ? nin - inStart : nin;
      const dst = last ? inputGrad! : work.E32[l - 1];
      const x32 = el instanceof Float32Array;
      const rows = last ? (x32 ? K!.rows32xs : K!.rows32) : x32 ? K!.rows32s : K!.rows32os;
      rows(
        el.byteOffset,
        nout,
        wtb.byteOffset + (last ? 4 * inStart : 0),
        nin,
        0,
        dst.byteOffset,
        n,
        n,
        B,
        last ? 0 : work.H32[l].byteOffset,
        0,
        nout,
        1,
        0,
      );
      continue;
    }
    if (K !== null && (l > 0 || inputGrad !== null)) {
      // row j of the transposed kernel holds the weights into output j
      const wtb = work.wtb[l], k0 = wOff + kOff;
      for (let k = 0; k < nin; k++) {
        const r = k0 + k * nout;
        for (let j = 0; j < nout; j++) wtb[j * nin + k] = w[r + j];
      }
      if (l > 0) {
        const ein = E[l - 1];
        K.rows(
          el.byteOffset,
          nout,
          wtb.byteOffset,
          nin,
          0,
          ein.byteOffset,
          nin,
          nin,
          B,
          H[l].byteOffset,
          0,
          nout,
          1,
          0,
        );
      } else {
        const n = nin - inStart;
        K.rows(
          el.byteOffset,
          nout,
          wtb.byteOffset + 8 * inStart,
          nin,
          0,
          inputGrad!.byteOffset,
          n,
          n,
          B,
          0,
          0,
          nout,
          1,
          0,
        );
      }
      continue;
    }
    // ∂/∂input: row k of the kernel `[in, out]` holds the weights out of input k
    if (l > 0) {
      const ein = E[l - 1], src = H[l];
      rowsTimesT(E[l], nout, w, wOff + kOff, null, 0, ein, nin, B, src);
    } else if (inputGrad !== null) {
      rowsTimesT(E[l], nout, w, wOff + kOff + inStart * nout, null, 0, inputGrad, nin - inStart, B);
    }
  }
}
