/**
 * Closed-form second derivatives of the Stackelberg baselines (SDDPG-CG, STD3-CG) for the fused
 * host path: the Hessian-vector products of L(θ, w) = mean_i (Q_w(s_i, π_θ(s_i)) − y_i)²
 * without automatic differentiation, residual terms included (the paper's Proposition 1;
 * docs/algorithms.md).
 *
 * For a ReLU critic, Q is piecewise multilinear in its weights, so ∂²Q/∂w² v is one tangent
 * (R-operator) pass: forward, ż_{l+1} = V_lᵀh_l + c_l + W_lᵀḣ_l with ḣ masked as h is; then
 * backward, ė_{l−1} = mask_l ⊙ (V_l e_l + W_l ė_l) from ė = 0 at the linear output. With the
 * per-sample quantities of the ordinary backward pass (h_l, e_l) and δ_i = Q_i − y_i:
 *
 * - ∂²L/∂w² v = (2/B) Σ_i [ g_w,i (g_w,i·v) + δ_i (ḣ_l ⊗ e_l + h_l ⊗ ė_l per layer, ė_l for biases) ]
 * - ∂²L/∂θ∂w x = (2/B) Σ_i J_π,iᵀ [ (g_w,i·x) ∂_aQ_i + δ_i ∂_a(g_w,i·x) ], the last factor being
 *   the tangent pass's input delta on the action columns; one actor backward pass applies J_πᵀ.
 *
 * `stackelbergDirection` (lib/fused/directions.ts) uses them: SDDPG-CG/STD3-CG solve with CG on
 * these products (`dampedCg`); SDDPG, STD3 and SDDPG-BD build ∂²L/∂w² column by column from n_w
 * of them (as the reference does, and as costly as the paper reports) and solve it, or its
 * diagonal blocks, densely in float64 (`hessianSolve`; both in lib/linalg.ts).
 *
 * Plain float64 loops over the network's batched activations (`NetWork`, row-major `[B, n]`).
 * @module
 */
import type { NetWork } from "./kernels.ts";
import type { NetLayout } from "./layout.ts";

/** Scratch of the tangent passes, allocated once per batch size. */
export interface TangentWork {
  /** ḣ_l per layer input `[B, n_l]` (ḣ_0 = 0: inputs do not depend on w). */
  readonly HD: Float64Array[];
  /** ė_l per layer output `[B, n_{l+1}]`. */
  readonly ED: Float64Array[];
  /** g_w,i · v per sample. */
  readonly qdot: Float64Array;
  /** ∂_a(g_w,i · v) per sample `[B, A]`. */
  readonly inputDot: Float64Array;
}

/** Scratch for `net` at batch size B with `actions` input columns at the end of the input. */
export function tangentWork(net: NetLayout, B: number, actions: number): TangentWork {
  const s = net.sizes;
  return {
    HD: s.slice(0, -1).map((n) => new Float64Array(B * n)),
    ED: s.slice(1).map((n) => new Float64Array(B * n)),
    qdot: new Float64Array(B),
    inputDot: new Float64Array(B * actions),
  };
}

/**
 * out = ∂²L/∂w² v (residual terms included), after the critic's forward pass and its backward
 * pass seeded with ∂Q/∂Q = 1 (`work.H`, `work.E`) on the same rows. Leaves g_w,i·v in
 * `t.qdot` and ∂_a(g_w,i·v) in `t.inputDot` (the action columns are the last `A` inputs).
 */
export function criticHvp(
  net: NetLayout,
  w: Float32Array,
  wOff: number,
  work: NetWork,
  B: number,
  delta: Float64Array,
  v: Float64Array,
  t: TangentWork,
  out: Float64Array,
): void {
  const L = net.layers, sizes = net.sizes, H = work.H, E = work.E;
  const A = t.inputDot.length / B, n0 = sizes[0];
  out.fill(0, 0, net.n);
  t.HD[0].fill(0);
  for (let i = 0; i < B; i++) {
    // forward tangent
    for (let l = 0; l < L; l++) {
      const nin = sizes[l], nout = sizes[l + 1];
      const k0 = net.kOff[l], b0 = net.bOff[l];
      const h = H[l], hd = t.HD[l], hi = i * nin;
      const last = l + 1 === L;
      for (let j = 0; j < nout; j++) {
        let z = v[b0 + j];
        for (let k = 0; k < nin; k++) {
          z += h[hi + k] * v[k0 + k * nout + j] + hd[hi + k] * w[wOff + k0 + k * nout + j];
        }
        if (last) t.qdot[i] = z; // the output is one unit, linear
        else t.HD[l + 1][i * nout + j] = H[l + 1][i * nout + j] > 0 ? z : 0;
      }
    }
    // backward tangent: ė at the linear output is 0
    t.ED[L - 1].fill(0, i * sizes[L], (i + 1) * sizes[L]);
    for (let l = L - 1; l >= 1; l--) {
      const nin = sizes[l], nout = sizes[l + 1], k0 = net.kOff[l];
      const e = E[l], ed = t.ED[l], eo = i * nout;
      for (let k = 0; k < nin; k++) {
        let s = 0;
        for (let j = 0; j < nout; j++) {
          s += v[k0 + k * nout + j] * e[eo + j] + w[wOff + k0 + k * nout + j] * ed[eo + j];
        }
        t.ED[l - 1][i * nin + k] = H[l][i * nin + k] > 0 ? s : 0;
      }
    }
    // ∂_a of g_w·v: the tangent of the input delta on the action columns (no mask at the input)
    {
      const nout = sizes[1], k0 = net.kOff[0], e = E[0], ed = t.ED[0], eo = i * nout;
      for (let a = 0; a < A; a++) {
        const k = n0 - A + a;
        let s = 0;
        for (let j = 0; j < nout; j++) {
          s += v[k0 + k * nout + j] * e[eo + j] + w[wOff + k0 + k * nout + j] * ed[eo + j];
        }
        t.inputDot[i * A + a] = s;
      }
    }
    // accumulate (2/B)[g_w,i (g_w,i·v) + δ_i R{g_w,i}]
    const s1 = (2 / B) * t.qdot[i], s2 = (2 / B) * delta[i];
    for (let l = 0; l < L; l++) {
      const nin = sizes[l], nout = sizes[l + 1], k0 = net.kOff[l], b0 = net.bOff[l];
      const h = H[l], hd = t.HD[l], e = E[l], ed = t.ED[l], hi = i * nin, eo = i * nout;
      for (let k = 0; k < nin; k++) {
        const a1 = s1 * h[hi + k] + s2 * hd[hi + k], a2 = s2 * h[hi + k];
        const row = k0 + k * nout;
        for (let j = 0; j < nout; j++) out[row + j] += a1 * e[eo + j] + a2 * ed[eo + j];
      }
      for (let j = 0; j < nout; j++) out[b0 + j] += s1 * e[eo + j] + s2 * ed[eo + j];
    }
  }
}
