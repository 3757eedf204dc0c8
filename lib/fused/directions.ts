/**
 * The actor's ascent direction on the host, one function per algorithm family, with the same
 * names as the tfjs reference's (lib/directions.ts; docs/algorithms.md maps the twelve
 * algorithms to them). Each works on one member after `policyPass` (actor forward, critic Q₁ at
 * (s, π(s)), ∂Q/∂Q = 1 seeded) and leaves ∂J/∂θ in `work.actorGrad`, the correction in
 * `work.correction`, the direction in `work.direction` and ∂J/∂w in `work.gw` (zero for the
 * gradient family). Float64 throughout; per-sample quantities are never formed where a closed
 * form avoids them (the diagonal of k2 is Σ_i (H⊗E)², G_w x is Σ_l H_l[i]ᵀ X_l E_l[i], and CG
 * runs in the span of the per-sample gradients through their Gram matrix).
 * @module
 */
import type { UpdateSettings } from "../update/contract.ts";
import { backwardBatch, forwardBatch, rowsInto, tanhInto } from "./kernels.ts";
import type { NetLayout } from "./layout.ts";
import { perSampleDot, perSampleGram, perSampleRows } from "./per_sample.ts";
import { inSimdMemory, simdKernels } from "./simd.ts";
import { criticHvp } from "./stackelberg.ts";
import type { Workspace } from "./workspace.ts";
import { blockSolve, dampedCg, dotN, hessianSolve, sampleSpaceCg } from "../linalg.ts";

/** One member's actor step: the networks, their state arrays `[P, n]`, and the workspaces. */
export interface MemberPass {
  readonly s: UpdateSettings;
  readonly actorNet: NetLayout;
  readonly criticNet: NetLayout;
  /** Trained actor parameters, `[P, n_θ]`. */
  readonly actor: Float32Array;
  /** Trained critic Q₁ parameters, `[P, n_w]` (the TD3 family steers the actor by Q₁). */
  readonly critic: Float32Array;
  /** The action scale's midpoint and half-range (float32 values, as the reference holds them). */
  readonly mid: Float64Array;
  readonly half: Float64Array;
  readonly work: Workspace;
  /** The member. */
  p: number;
}

/**
 * J = mean_i Q_w(s_i, π_θ(s_i)) for member `m.p` on its rows of `obs` (`[·, B, obs]`, the member's
 * block at index `row`, by default `m.p`): the actor's and the
 * critic's forward passes (tanh of the actor kept in `work.tanh`), the critic's output delta
 * seeded with ∂Q/∂Q = 1 for the backward passes of the families.
 */
export function policyPass(m: MemberPass, obs: Float32Array, row = m.p): number {
  const { s, actorNet: an, criticNet: cn, work } = m;
  const O = s.observationSize, A = s.actionSize, C = O + A, B = work.B;
  const aw = work.actor, cw = work.critic, base = row * B * O;
  const cin = cw.H[0];
  rowsInto(obs, base, O, B, aw.H[0], 0, O);
  forwardBatch(an, m.actor, m.p * an.n, aw, B);
  const mid = m.mid, half = m.half, th = work.tanh;
  tanhInto(aw.out, th, B * A, aw.f32);
  rowsInto(obs, base, O, B, cin, 0, C);
  for (let i = 0; i < B; i++) {
    for (let j = 0; j < A; j++) {
      cin[i * C + O + j] = mid[j] + half[j] * th[i * A + j];
    }
  }
  forwardBatch(cn, m.critic, m.p * cn.n, cw, B);
  let objective = 0;
  for (let i = 0; i < B; i++) objective += cw.out[i];
  objective /= B;
  const ceL = cw.E[cn.layers - 1];
  for (let i = 0; i < B; i++) ceL[i] = 1;
  return objective;
}

/**
 * DDPG, TD3, DDPG-TTSU (the deterministic policy gradient of the paper's eq. (4), §3):
 * d = ∂J/∂θ = (1/B) Σ_i J_π(s_i)ᵀ ∂_a Q_w(s_i, a)|_{a = π(s_i)}.
 */
export function gradientDirection(m: MemberPass): void {
  const { criticNet: cn, work } = m;
  backwardBatch(cn, m.critic, m.p * cn.n, work.critic, work.B, work.back.dqda);
  actorDelta(m);
  work.actorGrad.fill(0);
  backwardBatch(m.actorNet, m.actor, m.p * m.actorNet.n, work.actor, work.B, work.back.actor);
  finish(m, null, 0, 0);
}

/**
 * FSDDPG, FSTD3, FSDDPG-CG, FSTD3-CG with k1, k2 from per-sample gradients (paper §4.1,
 * eq. (7); the block-diagonal inverse of §4.2, CG as in §4.3): g_w,i = ∂Q(s_i, π(s_i))/∂w,
 * g_θ,i = ∂Q(s_i, π_θ(s_i))/∂θ,
 * k1 = (2/B) Σ_i g_θ,i g_w,iᵀ, k2 = (2/B) Σ_i g_w,i g_w,iᵀ, and
 * d = ∂J/∂θ − k1 (k2 + εI)⁻¹ ∂J/∂w,
 * the inverse block-diagonal with blocks of o (Cholesky) or by CG in the span of the g_w,i.
 * The correction −(2/B) G_θᵀ c with c_i = g_w,i·x is one weighted actor backward pass.
 */
export function fastPerSampleDirection(m: MemberPass): void {
  const { s, criticNet: cn, work } = m;
  const B = work.B, nw = cn.n, gw = work.gw, x = work.x, cvec = work.c;
  const solver = s.traits.actor.kind === "fast" ? s.traits.actor.solver : "block";
  const o = Math.min(s.degree, nw);
  criticWeightGradient(m, solver === "block" && o === 1);
  actorDelta(m);
  if (solver === "cg") {
    perSampleGram(cn, work.critic, B, work.gram!, work.gramS!, work.gramT!);
    sampleSpaceCg(work.gram!, B, s.epsilon, s.cgIterations, work.cg, cvec);
  } else if (o === 1) {
    // k2's diagonal Σ_i g_w,i² came out of the backward pass
    const scale = 2 / B, eps = s.epsilon, diag = work.diag;
    for (let j = 0; j < nw; j++) x[j] = gw[j] / (diag[j] * scale + eps);
    perSampleDot(cn, work.critic, B, x, cvec);
  } else {
    const rows = work.rows!;
    perSampleRows(cn, work.critic, B, rows);
    blockSolve(rows, B, nw, o, gw, s.epsilon, x, work.block, work.blockRhs, work.lagD);
    const K = inSimdMemory(rows) && inSimdMemory(cvec) ? simdKernels() : null;
    if (K !== null) K.dots(rows.byteOffset, nw, x.byteOffset, cvec.byteOffset, B);
    else {
      for (let i = 0; i < B; i++) {
        let t = 0;
        const r = i * nw;
        for (let j = 0; j < nw; j++) t += rows[r + j] * x[j];
        cvec[i] = t;
      }
    }
  }
  work.actorGrad.fill(0);
  work.actorWeighted.fill(0);
  const an = m.actorNet;
  backwardBatch(an, m.actor, m.p * an.n, work.actor, B, work.back.actorWeighted);
  finish(m, work.actorWeighted, -2 / B, 0);
}

/**
 * FSDDPG, FSTD3 and their CG forms as the paper's source listing computes them (Appendix I;
 * docs/algorithms.md "Equations vs. the paper's listing"):
 * the gradients of the batch-mean Q, one "sample" ḡ_w = ∂J/∂w, ḡ_θ = ∂J/∂θ, so k1 = 2 ḡ_θ ḡ_wᵀ,
 * k2 = 2 ḡ_w ḡ_wᵀ, and the term is added where eq. (7) subtracts it:
 * d = ∂J/∂θ + k1 (k2 + εI)⁻¹ ∂J/∂w = (1 + 2 ḡ_w·x) ∂J/∂θ.
 */
export function fastListingDirection(m: MemberPass): void {
  const { s, criticNet: cn, work } = m;
  const nw = cn.n, gw = work.gw, x = work.x;
  const solver = s.traits.actor.kind === "fast" ? s.traits.actor.solver : "block";
  criticWeightGradient(m, false);
  actorDelta(m);
  if (solver === "cg") {
    // k2 = 2·ḡḡᵀ: the product is 2ḡ(ḡ·v)
    const rankOne = (v: Float64Array, out: Float64Array) => {
      const t = dotN(gw, v, nw);
      for (let j = 0; j < nw; j++) out[j] = 2 * (gw[j] * t);
    };
    const [r, p, ap] = work.cg;
    dampedCg(rankOne, gw, s.epsilon, s.cgIterations, x, [r, p, ap]);
  } else {
    const o = Math.min(s.degree, nw);
    blockSolve(gw, 1, nw, o, gw, s.epsilon, x, work.block, work.blockRhs, work.lagD);
  }
  let t = 0;
  for (let j = 0; j < nw; j++) t += gw[j] * x[j];
  const listingScale = 2 * t;
  work.actorGrad.fill(0);
  backwardBatch(m.actorNet, m.actor, m.p * m.actorNet.n, work.actor, work.B, work.back.actor);
  finish(m, null, 0, listingScale);
}

/**
 * SDDPG, SDDPG-CG, SDDPG-BD, STD3, STD3-CG (paper §3, eqs. (1)–(4), with the exact second
 * derivatives of §4.1, Proposition 1, eqs. (5)–(6)): with L = mean_i (Q_w(s_i, π_θ(s_i)) − y_i)², y_i the update's TD targets
 * (in `work.y`),
 * d = ∂J/∂θ − (∂²L/∂θ∂w)(∂²L/∂w² + εI)⁻¹ ∂J/∂w,
 * by CG on closed-form Hessian-vector products (-CG), or a dense (SDDPG, STD3) or block-diagonal
 * (SDDPG-BD) solve of the Hessian they build column by column (lib/fused/stackelberg.ts).
 */
export function stackelbergDirection(m: MemberPass): void {
  const { s, criticNet: cn, work } = m;
  const B = work.B, A = s.actionSize, nw = cn.n, sd = work.sd!, gw = work.gw;
  const cw = work.critic;
  // residuals δ_i = Q(s_i, π(s_i)) − y_i
  for (let i = 0; i < B; i++) sd.delta[i] = cw.out[i] - work.y[i];
  criticWeightGradient(m, false);
  actorDelta(m);
  const hvp = (v: Float64Array, out: Float64Array) =>
    criticHvp(cn, m.critic, m.p * nw, cw, B, sd.delta, v, sd.tangent, out);
  const solver = s.traits.actor.kind === "stackelberg" ? s.traits.actor.solver : "cg";
  if (solver === "cg") dampedCg(hvp, gw, s.epsilon, s.cgIterations, sd.x, sd.scratch);
  else {
    const block = solver === "exact" ? nw : Math.min(s.degree, nw);
    const [unit, column] = sd.scratch;
    hessianSolve(hvp, gw, s.epsilon, block, sd.x, sd.hessian!, unit, column);
  }
  hvp(sd.x, sd.hvp);
  const an = m.actorNet, aw = work.actor;
  work.actorGrad.fill(0);
  backwardBatch(an, m.actor, m.p * an.n, aw, B, work.back.actor);
  // ∂²L/∂θ∂w x = J_πᵀ (2/B)[(g_w·x) ∂_aQ + δ ∂_a(g_w·x)] per sample, one more actor pass
  const { qdot, inputDot } = sd.tangent;
  const aeL = aw.E[an.layers - 1], dqda = work.dqda, th = work.tanh, half = m.half;
  for (let i = 0; i < B; i++) {
    const s1 = (2 / B) * qdot[i], s2 = (2 / B) * sd.delta[i];
    for (let j = 0; j < A; j++) {
      const t = th[i * A + j], k = i * A + j;
      aeL[k] = (s1 * dqda[k] + s2 * inputDot[k]) * half[j] * (1 - t * t);
    }
  }
  work.actorWeighted.fill(0);
  backwardBatch(an, m.actor, m.p * an.n, aw, B, work.back.actorMixed);
  finish(m, work.actorWeighted, -1, 0);
}

/** ∂J/∂w = (1/B) Σ_i g_w,i into `work.gw` and ∂Q/∂a into `work.dqda` (k2's diagonal too). */
function criticWeightGradient(m: MemberPass, withDiagonal: boolean): void {
  const { criticNet: cn, work } = m;
  const gw = work.gw, nw = cn.n;
  gw.fill(0);
  if (withDiagonal) work.diag.fill(0);
  const back = withDiagonal ? work.back.fsDiag : work.back.fs;
  backwardBatch(cn, m.critic, m.p * nw, work.critic, work.B, back);
  for (let j = 0; j < nw; j++) gw[j] /= work.B;
}

/** The actor's output delta ∂Q/∂a · half · (1 − tanh²). */
function actorDelta(m: MemberPass): void {
  const { work } = m, A = m.s.actionSize, B = work.B;
  const aeL = work.actor.E[m.actorNet.layers - 1], dqda = work.dqda, th = work.tanh;
  const half = m.half;
  for (let i = 0; i < B; i++) {
    for (let j = 0; j < A; j++) {
      const t = th[i * A + j];
      aeL[i * A + j] = dqda[i * A + j] * half[j] * (1 - t * t);
    }
  }
}

/**
 * ∂J/∂θ = Σ/B, the correction c_j = scale·weighted[j] (a weighted actor pass) or gScale·∂J/∂θ_j,
 * and d = ∂J/∂θ + c.
 */
function finish(
  m: MemberPass,
  weighted: Float64Array | null,
  scale: number,
  gScale: number,
): void {
  const { work } = m, nt = m.actorNet.n, B = work.B;
  const grad = work.actorGrad, corr = work.correction, dir = work.direction;
  for (let j = 0; j < nt; j++) {
    const g = grad[j] / B;
    const c = weighted !== null ? weighted[j] * scale : gScale * g;
    grad[j] = g;
    corr[j] = c;
    dir[j] = g + c;
  }
}
