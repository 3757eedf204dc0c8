/**
 * The host's linear algebra, float64 and free of tfjs (the fused path and its workers use it;
 * the tfjs reference has its own in lib/solvers.ts): the solves of (k2 + εI) x = ∂J/∂w and
 * (∂²L/∂w² + εI) x = ∂J/∂w (docs/algorithms.md) —
 * - block: block-diagonal k2 from row products, each block by Cholesky (FS*, SDDPG-BD's blocks
 *   by LU as the Hessian may be indefinite);
 * - CG: damped conjugate gradient with a caller's matrix-vector product, or in the span of the
 *   per-sample rows through their Gram matrix (FS*-CG per-sample);
 * - dense: LU with partial pivoting (SDDPG, STD3: the whole Hessian).
 * @module
 */
import { inSimdMemory, simdKernels } from "./fused/simd.ts";

/**
 * x = (K + εI)⁻¹ rhs with K block-diagonal, blocks of o consecutive entries of
 * (2/m) RᵀR for the rows R `[m, n]` (the last block shorter: zero padding decouples); `k`
 * is scratch of ⌈n/o⌉·o², `d` of o·n.
 */
export function blockSolve(
  rows: Float64Array,
  m: number,
  n: number,
  o: number,
  rhs: Float64Array,
  eps: number,
  x: Float64Array,
  k: Float64Array,
  b: Float64Array,
  d: Float64Array,
): void {
  const scale = 2 / m;
  if (o === 1) {
    for (let j = 0; j < n; j++) {
      let d = 0;
      for (let i = 0; i < m; i++) d += rows[i * n + j] * rows[i * n + j];
      x[j] = rhs[j] / (d * scale + eps);
    }
    return;
  }
  // The blocks' Grams from the lagged products D_δ[j] = Σ_i R[i, j]·R[i, j − δ] (δ < o):
  // plain streaming loops over whole rows, branch-free, instead of o×o accumulations per block.
  const oo = o * o, nb = Math.ceil(n / o);
  d.fill(0, 0, o * n);
  const K = inSimdMemory(rows) && inSimdMemory(d) ? simdKernels() : null;
  if (K !== null) {
    for (let lag = 0; lag < o; lag++) K.lag(rows.byteOffset, n, m, lag, d.byteOffset + 8 * lag * n);
  } else {
    for (let i = 0; i < m; i++) {
      const r = i * n;
      for (let lag = 0; lag < o; lag++) {
        const dl = lag * n, rl = r - lag;
        for (let j = lag; j < n; j++) d[dl + j] += rows[r + j] * rows[rl + j];
      }
    }
  }
  for (let blk = 0; blk < nb; blk++) {
    const start = blk * o, size = Math.min(o, n - start), kb = blk * oo;
    for (let a = 0; a < size; a++) {
      for (let c = 0; c <= a; c++) k[kb + a * size + c] = d[(a - c) * n + start + a];
    }
  }
  for (let blk = 0; blk < nb; blk++) {
    const start = blk * o, size = Math.min(o, n - start), kb = blk * oo;
    for (let a = 0; a < size; a++) {
      for (let c = 0; c < a; c++) {
        k[kb + a * size + c] *= scale;
        k[kb + c * size + a] = k[kb + a * size + c];
      }
      k[kb + a * size + a] = k[kb + a * size + a] * scale + eps;
      b[a] = rhs[start + a];
    }
    choleskySolve(k, kb, b, size);
    for (let a = 0; a < size; a++) x[start + a] = b[a];
  }
}

/**
 * Solves `K x = b` for SPD `K` (o×o, row-major at `k[off…]`, overwritten by its Cholesky
 * factor) in place in `b`.
 */
export function choleskySolve(k: Float64Array, off: number, b: Float64Array, o: number): void {
  for (let j = 0; j < o; j++) {
    let d = k[off + j * o + j];
    for (let p = 0; p < j; p++) d -= k[off + j * o + p] * k[off + j * o + p];
    d = Math.sqrt(d);
    k[off + j * o + j] = d;
    for (let i = j + 1; i < o; i++) {
      let s = k[off + i * o + j];
      for (let p = 0; p < j; p++) s -= k[off + i * o + p] * k[off + j * o + p];
      k[off + i * o + j] = s / d;
    }
  }
  for (let i = 0; i < o; i++) {
    let s = b[i];
    for (let p = 0; p < i; p++) s -= k[off + i * o + p] * b[p];
    b[i] = s / k[off + i * o + i];
  }
  for (let i = o - 1; i >= 0; i--) {
    let s = b[i];
    for (let p = i + 1; p < o; p++) s -= k[off + p * o + i] * b[p];
    b[i] = s / k[off + i * o + i];
  }
}

/**
 * Conjugate gradient on (M + εI) x = b for `iterations` steps from x = 0, the reference's
 * iteration (lib/solvers.ts) in float64; `multiply(v, out)` writes M v (∂²L/∂w² v for SD-CG,
 * the listing's rank-one k2 v for FS-CG).
 */
export function dampedCg(
  multiply: (v: Float64Array, out: Float64Array) => void,
  b: Float64Array,
  epsilon: number,
  iterations: number,
  x: Float64Array,
  scratch: [Float64Array, Float64Array, Float64Array],
): void {
  const n = b.length, [r, p, ap] = scratch;
  x.fill(0);
  r.set(b);
  p.set(b);
  let rr = 0;
  for (let j = 0; j < n; j++) rr += r[j] * r[j];
  for (let it = 0; it < iterations; it++) {
    multiply(p, ap);
    let pap = 0;
    for (let j = 0; j < n; j++) {
      ap[j] += epsilon * p[j];
      pap += p[j] * ap[j];
    }
    const alpha = pap === 0 ? 0 : rr / pap;
    let next = 0;
    for (let j = 0; j < n; j++) {
      x[j] += alpha * p[j];
      r[j] -= alpha * ap[j];
      next += r[j] * r[j];
    }
    const beta = rr === 0 ? 0 : next / rr;
    for (let j = 0; j < n; j++) p[j] = r[j] + beta * p[j];
    rr = next;
  }
}

/**
 * x = (∂²L/∂w² + εI)⁻¹ b, or the same with only the diagonal blocks of size `block` of the
 * Hessian (SDDPG-BD; `block` ≥ n is the exact solve): the Hessian is built from n products with
 * unit vectors, then each block is solved by LU with partial pivoting (it may be indefinite).
 */
export function hessianSolve(
  multiply: (v: Float64Array, out: Float64Array) => void,
  b: Float64Array,
  epsilon: number,
  block: number,
  x: Float64Array,
  hessian: Float64Array,
  unit: Float64Array,
  column: Float64Array,
): void {
  const n = b.length;
  unit.fill(0);
  for (let j = 0; j < n; j++) {
    unit[j] = 1;
    multiply(unit, column);
    unit[j] = 0;
    for (let i = 0; i < n; i++) hessian[i * n + j] = column[i];
  }
  for (let start = 0; start < n; start += block) {
    const size = Math.min(block, n - start);
    const sub = new Float64Array(size * size), rhs = b.subarray(start, start + size);
    for (let i = 0; i < size; i++) {
      for (let k = 0; k < size; k++) {
        sub[i * size + k] = hessian[(start + i) * n + start + k] + (i === k ? epsilon : 0);
      }
    }
    x.set(solveDense(sub, rhs, size), start);
  }
}

/**
 * CG on (k2 + εI) x = ∂J/∂w with k2 = (2/B) G_wᵀG_w, run in the span of the per-sample rows:
 * x = G_wᵀξ, so every product and inner product goes through the Gram matrix M = G_w G_wᵀ
 * (`m`, `[B, B]`) and ∂J/∂w = G_wᵀ(1/B). Writes G_w x = Mξ to `out` (`[B]`); `scratch` is
 * seven arrays of B. Same iterates as the reference's CG in exact arithmetic.
 */
export function sampleSpaceCg(
  m: Float64Array,
  B: number,
  epsilon: number,
  iterations: number,
  scratch: readonly Float64Array[],
  out: Float64Array,
): void {
  const [rho, pi, mRho, mPi, aPi, maPi, mXi] = scratch;
  const scale = 2 / B;
  for (let i = 0; i < B; i++) {
    rho[i] = 1 / B;
    pi[i] = 1 / B;
    mXi[i] = 0;
  }
  matVec(m, rho, mRho, B);
  let rr = dotN(rho, mRho, B);
  for (let i = 0; i < B; i++) mPi[i] = mRho[i];
  for (let it = 0; it < iterations; it++) {
    for (let i = 0; i < B; i++) aPi[i] = scale * mPi[i] + epsilon * pi[i];
    const alpha = divNoNan(rr, dotN(mPi, aPi, B));
    matVec(m, aPi, maPi, B);
    for (let i = 0; i < B; i++) {
      mXi[i] += alpha * mPi[i];
      rho[i] -= alpha * aPi[i];
      mRho[i] -= alpha * maPi[i];
    }
    const rrNext = dotN(rho, mRho, B);
    const beta = divNoNan(rrNext, rr);
    for (let i = 0; i < B; i++) {
      pi[i] = rho[i] + beta * pi[i];
      mPi[i] = mRho[i] + beta * mPi[i];
    }
    rr = rrNext;
  }
  for (let i = 0; i < B; i++) out[i] = mXi[i];
}

/** Solves a dense system in float64 by LU with partial pivoting (the matrix may be indefinite). */
export function solveDense(matrix: Float64Array, rhs: Float64Array, n: number): Float64Array {
  const a = Float64Array.from(matrix), b = Float64Array.from(rhs);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) {
      if (Math.abs(a[r * n + c]) > Math.abs(a[pivot * n + c])) pivot = r;
    }
    if (pivot !== c) {
      for (let k = 0; k < n; k++) {
        [a[c * n + k], a[pivot * n + k]] = [a[pivot * n + k], a[c * n + k]];
      }
      [b[c], b[pivot]] = [b[pivot], b[c]];
    }
    const d = a[c * n + c];
    if (d === 0) throw new Error("solveDense: singular matrix (increase epsilon)");
    for (let r = c + 1; r < n; r++) {
      const f = a[r * n + c] / d;
      if (f === 0) continue;
      for (let k = c; k < n; k++) a[r * n + k] -= f * a[c * n + k];
      b[r] -= f * b[c];
    }
  }
  const x = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let s = b[r];
    for (let k = r + 1; k < n; k++) s -= a[r * n + k] * x[k];
    x[r] = s / a[r * n + r];
  }
  return x;
}

/** a / b, and 0 where b = 0 (a converged CG step). */
export function divNoNan(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

/** Σ_{i<n} a[i]·b[i]. */
export function dotN(a: Float64Array, b: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i] * b[i];
  return s;
}

/** out = M v for a symmetric M `[n, n]`. */
export function matVec(m: Float64Array, v: Float64Array, out: Float64Array, n: number): void {
  const K = inSimdMemory(m) && inSimdMemory(v) && inSimdMemory(out) ? simdKernels() : null;
  if (K !== null) {
    // one row vᵀ times M (= (M v)ᵀ as M is symmetric), vectorised over M's columns
    K.rows(v.byteOffset, n, m.byteOffset, n, 0, out.byteOffset, n, n, 1, 0, 0, n, 1, 0);
    return;
  }
  for (let i = 0; i < n; i++) {
    let s = 0;
    const r = i * n;
    for (let j = 0; j < n; j++) s += m[r + j] * v[j];
    out[i] = s;
  }
}
