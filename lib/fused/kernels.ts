/**
 * Kernels of the fused update path: batched MLP forward and backward passes over one population
 * member's flat parameter vector (weight order: per layer kernel `[in, out]` row-major, then
 * bias), with float64 workspaces and no allocation. The batched products go to the WebAssembly
 * SIMD kernels of lib/fused/simd.ts when the workspaces live in their memory, else run here in
 * plain TypeScript (register-blocked loops). Hidden layers use ReLU with relu'(0) = 0; a hidden
 * activation is exactly 0 where its pre-activation is ≤ 0, so the activation itself is the mask.
 * @module
 */
import { allocF64, inSimdMemory, simdKernels } from "./simd.ts";
import type { NetLayout } from "./layout.ts";

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
}

/** Allocates the workspaces of `net` for batches up to `B`. */
export function netWork(
  net: NetLayout,
  B: number,
  alloc: (n: number) => Float64Array = allocF64,
): NetWork {
  const H: Float64Array[] = [], E: Float64Array[] = [], wt: Float32Array[] = [];
  const wf: Float64Array[] = [], wtb: Float64Array[] = [];
  for (let l = 0; l < net.layers; l++) {
    const nin = net.sizes[l], nout = net.sizes[l + 1];
    H.push(alloc(B * nin));
    E.push(alloc(B * nout));
    wt.push(new Float32Array(nin * nout));
    wf.push(alloc(nin * nout + nout));
    wtb.push(alloc(nin * nout));
  }
  const widest = Math.max(...net.sizes);
  return {
    H,
    E,
    wt,
    wf,
    wtb,
    out: alloc(B * net.sizes[net.layers]),
    ht: alloc(B * widest),
    et: alloc(B * widest),
  };
}

/**
 * out[i, j] = bias[j] + Σ_k x[i, k]·m[mOff + j·nin + k] for i < B, j < nout (`x` `[B, nin]`,
 * `m` row j holding the weights into output j); four rows of x at a time.
 */
export function rowsTimesT(
  x: Float64Array,
  nin: number,
  m: Float32Array,
  mOff: number,
  bias: Float32Array | null,
  bOff: number,
  out: Float64Array,
  nout: number,
  B: number,
  gate: Float64Array | null = null,
): void {
  if (nin === 1) {
    // an outer product (back-propagating a scalar output): no reduction to block
    for (let i = 0; i < B; i++) {
      const xi = x[i], oi = i * nout;
      for (let j = 0; j < nout; j++) {
        put(out, oi + j, (bias === null ? 0 : bias[bOff + j]) + xi * m[mOff + j], gate);
      }
    }
    return;
  }
  let i = 0;
  // 4 rows × 2 outputs per pass: 6 loads per 8 multiply-adds (measured fastest in V8)
  for (; i + 4 <= B; i += 4) {
    const s0 = i * nin, s1 = s0 + nin, s2 = s1 + nin, s3 = s2 + nin;
    const o0 = i * nout, o1 = o0 + nout, o2 = o1 + nout, o3 = o2 + nout;
    let j = 0;
    for (; j + 2 <= nout; j += 2) {
      const b = bias === null ? 0 : bias[bOff + j], c = bias === null ? 0 : bias[bOff + j + 1];
      let a0 = b, a1 = b, a2 = b, a3 = b, c0 = c, c1 = c, c2 = c, c3 = c;
      const mj = mOff + j * nin, mk = mj + nin;
      for (let k = 0; k < nin; k++) {
        const w = m[mj + k], u = m[mk + k];
        const x0 = x[s0 + k], x1 = x[s1 + k], x2 = x[s2 + k], x3 = x[s3 + k];
        a0 += x0 * w;
        a1 += x1 * w;
        a2 += x2 * w;
        a3 += x3 * w;
        c0 += x0 * u;
        c1 += x1 * u;
        c2 += x2 * u;
        c3 += x3 * u;
      }
      put(out, o0 + j, a0, gate);
      put(out, o1 + j, a1, gate);
      put(out, o2 + j, a2, gate);
      put(out, o3 + j, a3, gate);
      put(out, o0 + j + 1, c0, gate);
      put(out, o1 + j + 1, c1, gate);
      put(out, o2 + j + 1, c2, gate);
      put(out, o3 + j + 1, c3, gate);
    }
    for (; j < nout; j++) {
      const b = bias === null ? 0 : bias[bOff + j];
      let a0 = b, a1 = b, a2 = b, a3 = b;
      const mj = mOff + j * nin;
      for (let k = 0; k < nin; k++) {
        const w = m[mj + k];
        a0 += x[s0 + k] * w;
        a1 += x[s1 + k] * w;
        a2 += x[s2 + k] * w;
        a3 += x[s3 + k] * w;
      }
      put(out, o0 + j, a0, gate);
      put(out, o1 + j, a1, gate);
      put(out, o2 + j, a2, gate);
      put(out, o3 + j, a3, gate);
    }
  }
  for (; i < B; i++) {
    const si = i * nin, oi = i * nout;
    for (let j = 0; j < nout; j++) {
      let a = bias === null ? 0 : bias[bOff + j];
      const mj = mOff + j * nin;
      for (let k = 0; k < nin; k++) a += x[si + k] * m[mj + k];
      put(out, oi + j, a, gate);
    }
  }
}

/** out[t] = a, or 0 where the gate (a ReLU layer's activations) is 0. */
function put(out: Float64Array, t: number, a: number, gate: Float64Array | null): void {
  out[t] = gate === null || gate[t] !== 0 ? a : 0;
}

/** xt `[n, B]` = transpose of x `[B, n]`. */
export function transpose(x: Float64Array, n: number, B: number, xt: Float64Array): void {
  for (let i = 0; i < B; i++) {
    const r = i * n;
    for (let k = 0; k < n; k++) xt[k * B + i] = x[r + k];
  }
}

/**
 * g[kOff + k·nout + j] += Σ_i ht[k, i]·et[j, i] and g[bOff + j] += Σ_i et[j, i]: the batch sum
 * of per-sample outer products, from transposed activations `[nin, B]` and deltas `[nout, B]`.
 */
export function outerAccumulate(
  ht: Float64Array,
  et: Float64Array,
  nin: number,
  nout: number,
  B: number,
  g: Float64Array,
  kOff: number,
  bOff: number,
): void {
  for (let j = 0; j < nout; j++) {
    let s = 0;
    const ej = j * B;
    for (let i = 0; i < B; i++) s += et[ej + i];
    g[bOff + j] += s;
  }
  let k = 0;
  // 2 inputs × 4 outputs per pass: 6 loads per 8 multiply-adds
  for (; k + 2 <= nin; k += 2) {
    const hk = k * B, hl = hk + B, gk = kOff + k * nout, gl = gk + nout;
    let j = 0;
    for (; j + 4 <= nout; j += 4) {
      const e0 = j * B, e1 = e0 + B, e2 = e1 + B, e3 = e2 + B;
      let a0 = 0, a1 = 0, a2 = 0, a3 = 0, b0 = 0, b1 = 0, b2 = 0, b3 = 0;
      for (let i = 0; i < B; i++) {
        const h = ht[hk + i], u = ht[hl + i];
        const f0 = et[e0 + i], f1 = et[e1 + i], f2 = et[e2 + i], f3 = et[e3 + i];
        a0 += h * f0;
        a1 += h * f1;
        a2 += h * f2;
        a3 += h * f3;
        b0 += u * f0;
        b1 += u * f1;
        b2 += u * f2;
        b3 += u * f3;
      }
      g[gk + j] += a0;
      g[gk + j + 1] += a1;
      g[gk + j + 2] += a2;
      g[gk + j + 3] += a3;
      g[gl + j] += b0;
      g[gl + j + 1] += b1;
      g[gl + j + 2] += b2;
      g[gl + j + 3] += b3;
    }
    for (; j < nout; j++) {
      const ej = j * B;
      let a = 0, b = 0;
      for (let i = 0; i < B; i++) {
        const f = et[ej + i];
        a += ht[hk + i] * f;
        b += ht[hl + i] * f;
      }
      g[gk + j] += a;
      g[gl + j] += b;
    }
  }
  for (; k < nin; k++) {
    const hk = k * B, gk = kOff + k * nout;
    for (let j = 0; j < nout; j++) {
      const ej = j * B;
      let a = 0;
      for (let i = 0; i < B; i++) a += ht[hk + i] * et[ej + i];
      g[gk + j] += a;
    }
  }
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

/** g += Σ_i h[i]⊗e[i] (kernel part at kOff, bias sums at bOff) from row-major `[B, ·]` arrays. */
function outerRows(
  K: NonNullable<ReturnType<typeof simdKernels>>,
  h: Float64Array,
  e: Float64Array,
  nin: number,
  nout: number,
  B: number,
  g: Float64Array,
  kOff: number,
  bOff: number,
): void {
  const one = onesOf(B);
  if (one === null) {
    for (let i = 0; i < B; i++) {
      const r = i * nout;
      for (let j = 0; j < nout; j++) g[bOff + j] += e[r + j];
    }
  } else {
    // the bias sums as one more product row: a row of ones times E
    K.rows(
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
  K.rows(
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
  for (let l = 0; l < L; l++) {
    const nin = sizes[l], nout = sizes[l + 1];
    const kOff = wOff + net.kOff[l], bOff = wOff + net.bOff[l];
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
  for (let l = L - 1; l >= 0; l--) {
    const nin = sizes[l], nout = sizes[l + 1];
    const kOff = net.kOff[l], bOff = net.bOff[l];
    const el = E[l];
    if (grad !== null && K !== null) {
      // Σ_i H[i]⊗E[i] straight from the row-major activations: rows of the product are the
      // input units (row stride 1), the reduction runs over samples (stride nin)
      const n = B * nin, m = B * nout, hl = H[l];
      outerRows(K, hl, el, nin, nout, B, grad, kOff, bOff);
      if (weighted !== null) {
        for (let i = 0; i < B; i++) {
          const c = weights![i], r = i * nout;
          for (let j = 0; j < nout; j++) et[r + j] = el[r + j] * c;
        }
        outerRows(K, hl, et, nin, nout, B, weighted, kOff, bOff);
      }
      if (diag !== null) {
        for (let t = 0; t < n; t++) ht[t] = hl[t] * hl[t];
        for (let t = 0; t < m; t++) et[t] = el[t] * el[t];
        outerRows(K, ht, et, nin, nout, B, diag, kOff, bOff);
      }
    } else if (grad !== null) {
      transpose(H[l], nin, B, ht);
      transpose(el, nout, B, et);
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
      rowsTimesT(el, nout, w, wOff + kOff, null, 0, ein, nin, B, src);
    } else if (inputGrad !== null) {
      rowsTimesT(el, nout, w, wOff + kOff + inStart * nout, null, 0, inputGrad, nin - inStart, B);
    }
  }
}
