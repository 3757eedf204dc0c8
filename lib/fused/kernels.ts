/**
 * Plain-TypeScript kernels of the fused update path: batched MLP forward and backward passes over
 * one population member's flat parameter vector (weight order: per layer kernel `[in, out]`
 * row-major, then bias), with float64 workspaces and no allocation. Hidden layers use ReLU with
 * relu'(0) = 0; a hidden activation is exactly 0 where its pre-activation is ≤ 0, so the
 * activation itself is the mask.
 * @module
 */

/** Offsets of each layer's kernel and bias inside one member's flat parameter vector. */
export interface NetLayout {
  /** Widths from input to output. */
  readonly sizes: readonly number[];
  /** Number of layers (sizes.length − 1). */
  readonly layers: number;
  /** Kernel offset of each layer. */
  readonly kOff: readonly number[];
  /** Bias offset of each layer. */
  readonly bOff: readonly number[];
  /** Parameters of one member. */
  readonly n: number;
}

/** The layout of an MLP with widths `sizes`. */
export function netLayout(sizes: readonly number[]): NetLayout {
  const kOff: number[] = [], bOff: number[] = [];
  let n = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    kOff.push(n);
    n += sizes[l] * sizes[l + 1];
    bOff.push(n);
    n += sizes[l + 1];
  }
  return { sizes: [...sizes], layers: sizes.length - 1, kOff, bOff, n };
}

/** Workspaces of one network's batched pass: `H[l]` is layer l's input `[B, n_l]`, `E[l]` its output delta. */
export interface NetWork {
  /** Inputs of each layer: H[0] the network input, H[l] = relu(z_l). */
  readonly H: Float64Array[];
  /** Pre-activation of the last layer `[B, n_L]`. */
  readonly out: Float64Array;
  /** ∂/∂(output of layer l) per sample, `[B, n_{l+1}]`. */
  readonly E: Float64Array[];
}

/** Allocates the workspaces of `net` for batches up to `B`. */
export function netWork(net: NetLayout, B: number): NetWork {
  const H: Float64Array[] = [], E: Float64Array[] = [];
  for (let l = 0; l < net.layers; l++) {
    H.push(new Float64Array(B * net.sizes[l]));
    E.push(new Float64Array(B * net.sizes[l + 1]));
  }
  return { H, E, out: new Float64Array(B * net.sizes[net.layers]) };
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
  for (let l = 0; l < L; l++) {
    const nin = sizes[l], nout = sizes[l + 1];
    const kOff = wOff + net.kOff[l], bOff = wOff + net.bOff[l];
    const src = H[l];
    const dst = l + 1 < L ? H[l + 1] : work.out;
    const relu = l + 1 < L;
    for (let i = 0; i < B; i++) {
      const di = i * nout, si = i * nin;
      for (let j = 0; j < nout; j++) dst[di + j] = w[bOff + j];
      for (let k = 0; k < nin; k++) {
        const h = src[si + k];
        if (h === 0) continue;
        const wk = kOff + k * nout;
        for (let j = 0; j < nout; j++) dst[di + j] += h * w[wk + j];
      }
      if (relu) {
        for (let j = 0; j < nout; j++) if (!(dst[di + j] > 0)) dst[di + j] = 0;
      }
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
 * `forwardBatch` on the same rows), filling every `work.E[l]` and accumulating what `opts` asks.
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
  // 0: deltas only; 1: grad; 2: grad + diag; 3: grad + weighted
  const mode = grad === null ? 0 : diag !== null ? 2 : weighted !== null ? 3 : 1;
  for (let l = L - 1; l >= 0; l--) {
    const nin = sizes[l], nout = sizes[l + 1];
    const kOff = net.kOff[l], bOff = net.bOff[l], wk0 = wOff + kOff;
    const src = H[l], el = E[l];
    const ein = l > 0 ? E[l - 1] : null;
    const nInGrad = nin - inStart;
    for (let i = 0; i < B; i++) {
      const ei = i * nout, si = i * nin;
      const c = mode === 3 ? weights![i] : 0;
      if (mode !== 0) {
        for (let j = 0; j < nout; j++) {
          const e = el[ei + j];
          grad![bOff + j] += e;
          if (mode === 2) diag![bOff + j] += e * e;
          else if (mode === 3) weighted![bOff + j] += c * e;
        }
      }
      for (let k = 0; k < nin; k++) {
        const h = src[si + k];
        const back = ein !== null ? h !== 0 : inputGrad !== null && k >= inStart;
        const wk = wk0 + k * nout, gk = kOff + k * nout;
        let acc = 0;
        if (h !== 0 && mode !== 0) {
          if (mode === 1) {
            if (back) {
              for (let j = 0; j < nout; j++) {
                const e = el[ei + j];
                grad![gk + j] += h * e;
                acc += e * w[wk + j];
              }
            } else {
              for (let j = 0; j < nout; j++) grad![gk + j] += h * el[ei + j];
            }
          } else if (mode === 2) {
            const h2 = h * h;
            for (let j = 0; j < nout; j++) {
              const e = el[ei + j];
              grad![gk + j] += h * e;
              diag![gk + j] += h2 * e * e;
              acc += e * w[wk + j];
            }
          } else {
            const ch = c * h;
            for (let j = 0; j < nout; j++) {
              const e = el[ei + j];
              grad![gk + j] += h * e;
              weighted![gk + j] += ch * e;
              acc += e * w[wk + j];
            }
          }
        } else if (back) {
          for (let j = 0; j < nout; j++) acc += el[ei + j] * w[wk + j];
        }
        if (ein !== null) ein[si + k] = back ? acc : 0;
        else if (back) inputGrad![i * nInGrad + k - inStart] = acc;
      }
    }
  }
}

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
 * forming them: G_i·G_j = Σ_l (H_l[i]·H_l[j] + 1)(E_l[i]·E_l[j]). `ht`, `et` are scratch of at
 * least B·max width; `s`, `t` scratch of B·B.
 */
export function perSampleGram(
  net: NetLayout,
  work: NetWork,
  B: number,
  m: Float64Array,
  ht: Float64Array,
  s: Float64Array,
  t: Float64Array,
): void {
  m.fill(0, 0, B * B);
  for (let l = 0; l < net.layers; l++) {
    const nin = net.sizes[l], nout = net.sizes[l + 1];
    upperGram(work.H[l], nin, B, ht, s);
    upperGram(work.E[l], nout, B, ht, t);
    for (let i = 0; i < B; i++) {
      const r = i * B;
      for (let j = i; j < B; j++) m[r + j] += (s[r + j] + 1) * t[r + j];
    }
  }
  for (let i = 0; i < B; i++) {
    for (let j = 0; j < i; j++) m[i * B + j] = m[j * B + i];
  }
}

/** out[i, j ≥ i] = X[i]·X[j] for X `[B, n]` (the upper triangle), via the transpose in `xt`. */
function upperGram(
  x: Float64Array,
  n: number,
  B: number,
  xt: Float64Array,
  out: Float64Array,
): void {
  for (let i = 0; i < B; i++) {
    for (let k = 0; k < n; k++) xt[k * B + i] = x[i * n + k];
  }
  out.fill(0, 0, B * B);
  for (let i = 0; i < B; i++) {
    const r = i * B;
    for (let k = 0; k < n; k++) {
      const v = x[i * n + k];
      if (v === 0) continue;
      const c = k * B;
      for (let j = i; j < B; j++) out[r + j] += v * xt[c + j];
    }
  }
}

/** Solves `K x = b` for SPD `K` (o×o, row-major, overwritten by its Cholesky factor) in place in `b`. */
export function choleskySolve(k: Float64Array, b: Float64Array, o: number): void {
  for (let j = 0; j < o; j++) {
    let d = k[j * o + j];
    for (let p = 0; p < j; p++) d -= k[j * o + p] * k[j * o + p];
    d = Math.sqrt(d);
    k[j * o + j] = d;
    for (let i = j + 1; i < o; i++) {
      let s = k[i * o + j];
      for (let p = 0; p < j; p++) s -= k[i * o + p] * k[j * o + p];
      k[i * o + j] = s / d;
    }
  }
  for (let i = 0; i < o; i++) {
    let s = b[i];
    for (let p = 0; p < i; p++) s -= k[i * o + p] * b[p];
    b[i] = s / k[i * o + i];
  }
  for (let i = o - 1; i >= 0; i--) {
    let s = b[i];
    for (let p = i + 1; p < o; p++) s -= k[p * o + i] * b[p];
    b[i] = s / k[i * o + i];
  }
}
