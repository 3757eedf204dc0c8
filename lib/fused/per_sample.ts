/**
 * Per-sample quantities of a critic's batched pass without forming what a closed form avoids:
 * products G_w x with the per-sample gradient matrix, its rows (block solves with o > 1) and its
 * Gram matrix G_w G_wᵀ (CG in sample space), from the workspaces of lib/fused/kernels.ts.
 * @module
 */
import { type NetWork, transpose } from "./kernels.ts";
import type { NetLayout } from "./layout.ts";
import { inSimdMemory, simdKernels } from "./simd.ts";

/**
 * Per-sample products G_w x: `out[i] = Σ_l Σ_{k,j} H_l[i,k] E_l[i,j] x[k,j] + Σ_j E_l[i,j] x_b[j]`
 * (row i of the per-sample gradient matrix times x), from a forward/backward pass's workspaces.
 */
export function perSampleDot(
  net: NetLayout,
  work: NetWork,
  B: number,
  x: Float64Array,
  out: Float64Array,
): void {
  const L = net.layers, sizes = net.sizes;
  out.fill(0, 0, B);
  const K = inSimdMemory(x) && inSimdMemory(work.et) && inSimdMemory(work.out)
    ? simdKernels()
    : null;
  if (K !== null) {
    // per layer U = H_l X_l + x_b (the rows kernel with x as weights), then c_i += U[i]·E_l[i]
    const u = work.et;
    for (let l = 0; l < L; l++) {
      const nin = sizes[l], nout = sizes[l + 1], el = work.E[l];
      const xp = x.byteOffset;
      K.rows(
        work.H[l].byteOffset,
        nin,
        xp + 8 * net.kOff[l],
        nout,
        xp + 8 * net.bOff[l],
        u.byteOffset,
        nout,
        nout,
        B,
        0,
        0,
        nin,
        1,
        0,
      );
      for (let i = 0; i < B; i++) {
        let s = 0;
        const r = i * nout;
        for (let j = 0; j < nout; j++) s += u[r + j] * el[r + j];
        out[i] += s;
      }
    }
    return;
  }
  for (let l = 0; l < L; l++) {
    const nin = sizes[l], nout = sizes[l + 1];
    const kOff = net.kOff[l], bOff = net.bOff[l];
    const src = work.H[l], el = work.E[l];
    for (let i = 0; i < B; i++) {
      const ei = i * nout, si = i * nin;
      let s = 0;
      for (let j = 0; j < nout; j++) s += el[ei + j] * x[bOff + j];
      for (let k = 0; k < nin; k++) {
        const h = src[si + k];
        if (h === 0) continue;
        const xk = kOff + k * nout;
        let t = 0;
        for (let j = 0; j < nout; j++) t += el[ei + j] * x[xk + j];
        s += h * t;
      }
      out[i] += s;
    }
  }
}

/** Writes the per-sample gradient rows `[B, n]` (row i = H⊗E per layer, then E for the bias). */
export function perSampleRows(net: NetLayout, work: NetWork, B: number, rows: Float64Array): void {
  const L = net.layers, sizes = net.sizes, n = net.n;
  for (let i = 0; i < B; i++) {
    const r = i * n;
    for (let l = 0; l < L; l++) {
      const nin = sizes[l], nout = sizes[l + 1];
      const kOff = r + net.kOff[l], bOff = r + net.bOff[l];
      const src = work.H[l], el = work.E[l];
      const ei = i * nout, si = i * nin;
      for (let k = 0; k < nin; k++) {
        const h = src[si + k], rk = kOff + k * nout;
        if (h === 0) rows.fill(0, rk, rk + nout);
        else for (let j = 0; j < nout; j++) rows[rk + j] = h * el[ei + j];
      }
      for (let j = 0; j < nout; j++) rows[bOff + j] = el[ei + j];
    }
  }
}

/**
 * The per-sample Gram matrix M = G Gᵀ `[B, B]` of a network's per-sample gradient rows, without
 * forming them: G_i·G_j = Σ_l (H_l[i]·H_l[j] + 1)(E_l[i]·E_l[j]). `s`, `t` are scratch of B·B.
 */
export function perSampleGram(
  net: NetLayout,
  work: NetWork,
  B: number,
  m: Float64Array,
  s: Float64Array,
  t: Float64Array,
): void {
  m.fill(0, 0, B * B);
  const K = inSimdMemory(s) && inSimdMemory(t) && inSimdMemory(work.ht) ? simdKernels() : null;
  for (let l = 0; l < net.layers; l++) {
    const nin = net.sizes[l], nout = net.sizes[l + 1];
    if (K !== null) {
      upperGramSimd(K, work.H[l], nin, B, s, work.ht);
      upperGramSimd(K, work.E[l], nout, B, t, work.ht);
    } else {
      upperGram(work.H[l], nin, B, s);
      upperGram(work.E[l], nout, B, t);
    }
    for (let i = 0; i < B; i++) {
      const r = i * B;
      for (let j = i; j < B; j++) m[r + j] += (s[r + j] + 1) * t[r + j];
    }
  }
  for (let i = 0; i < B; i++) {
    for (let j = 0; j < i; j++) m[i * B + j] = m[j * B + i];
  }
}

/**
 * out[i, j] = X[i]·X[j] for X `[B, n]`, at least for every j ≥ i (the upper triangle; a few
 * entries below it are written too). Four rows × two columns per pass.
 */
function upperGram(x: Float64Array, n: number, B: number, out: Float64Array): void {
  let i = 0;
  for (; i + 4 <= B; i += 4) {
    const s0 = i * n, s1 = s0 + n, s2 = s1 + n, s3 = s2 + n;
    const o0 = i * B, o1 = o0 + B, o2 = o1 + B, o3 = o2 + B;
    let j = i;
    for (; j + 2 <= B; j += 2) {
      const t0 = j * n, t1 = t0 + n;
      let a0 = 0, a1 = 0, a2 = 0, a3 = 0, c0 = 0, c1 = 0, c2 = 0, c3 = 0;
      for (let k = 0; k < n; k++) {
        const w = x[t0 + k], u = x[t1 + k];
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
      out[o0 + j] = a0;
      out[o1 + j] = a1;
      out[o2 + j] = a2;
      out[o3 + j] = a3;
      out[o0 + j + 1] = c0;
      out[o1 + j + 1] = c1;
      out[o2 + j + 1] = c2;
      out[o3 + j + 1] = c3;
    }
    for (; j < B; j++) {
      const t0 = j * n;
      let a0 = 0, a1 = 0, a2 = 0, a3 = 0;
      for (let k = 0; k < n; k++) {
        const w = x[t0 + k];
        a0 += x[s0 + k] * w;
        a1 += x[s1 + k] * w;
        a2 += x[s2 + k] * w;
        a3 += x[s3 + k] * w;
      }
      out[o0 + j] = a0;
      out[o1 + j] = a1;
      out[o2 + j] = a2;
      out[o3 + j] = a3;
    }
  }
  for (; i < B; i++) {
    for (let j = i; j < B; j++) {
      let a = 0;
      for (let k = 0; k < n; k++) a += x[i * n + k] * x[j * n + k];
      out[i * B + j] = a;
    }
  }
}

/** `upperGram` on the SIMD kernel: blocks of four rows against the transpose in `xt`. */
function upperGramSimd(
  K: NonNullable<ReturnType<typeof simdKernels>>,
  x: Float64Array,
  n: number,
  B: number,
  out: Float64Array,
  xt: Float64Array,
): void {
  transpose(x, n, B, xt);
  for (let i = 0; i < B; i += 4) {
    K.rows(
      x.byteOffset + 8 * i * n,
      n,
      xt.byteOffset + 8 * i,
      B,
      0,
      out.byteOffset + 8 * (i * B + i),
      B - i,
      B,
      Math.min(4, B - i),
      0,
      0,
      n,
      1,
      0,
    );
  }
}
