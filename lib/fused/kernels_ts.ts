/**
 * The plain TypeScript kernels of the fused path (register-blocked loops), used where the
 * WebAssembly SIMD kernels of lib/fused/simd.ts are unavailable or switched off
 * (lib/fused/kernels.ts chooses).
 * @module
 */

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
