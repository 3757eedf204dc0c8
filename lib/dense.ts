/**
 * Dense float64 linear algebra on the host, free of tfjs (the fused path and its workers use it).
 * @module
 */

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
