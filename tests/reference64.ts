// Independent float64 reference: MLP forward passes in plain JavaScript, finite-difference
// derivatives, and dense linear algebra. Shares no code with lib/.

export interface Net64 {
  sizes: number[];
  params: Float64Array; // flat, weight order: W1 (row-major in×out), b1, W2, b2, …
}

export function forward64(net: Net64, x: number[], tanhScale?: { mid: number[]; half: number[] }) {
  let h = x.slice();
  let offset = 0;
  const L = net.sizes.length - 1;
  for (let l = 0; l < L; l++) {
    const fi = net.sizes[l], fo = net.sizes[l + 1];
    const z = new Array(fo).fill(0);
    for (let j = 0; j < fo; j++) z[j] = net.params[offset + fi * fo + j];
    for (let i = 0; i < fi; i++) {
      for (let j = 0; j < fo; j++) z[j] += h[i] * net.params[offset + i * fo + j];
    }
    offset += fi * fo + fo;
    h = l + 1 < L ? z.map((v) => Math.max(0, v)) : z;
  }
  if (tanhScale) h = h.map((v, j) => tanhScale.mid[j] + tanhScale.half[j] * Math.tanh(v));
  return h;
}

/** Central-difference gradient of f at p. */
export function fdGradient(
  f: (p: Float64Array) => number,
  p: Float64Array,
  h = 1e-5,
): Float64Array {
  const g = new Float64Array(p.length);
  for (let i = 0; i < p.length; i++) {
    const q = Float64Array.from(p);
    q[i] = p[i] + h;
    const up = f(q);
    q[i] = p[i] - h;
    g[i] = (up - f(q)) / (2 * h);
  }
  return g;
}

/** Gaussian elimination with partial pivoting, float64. */
export function solve64(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) piv = r;
    [m[c], m[piv]] = [m[piv], m[c]];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r][c] / m[c][c];
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  return m.map((row, i) => row[n] / row[i]);
}

export function matVec(a: number[][], x: number[]): number[] {
  return a.map((row) => row.reduce((s, v, j) => s + v * x[j], 0));
}

export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

export function norm(a: ArrayLike<number>): number {
  return Math.sqrt(dot(a, a));
}
