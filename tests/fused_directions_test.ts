// The fused host path's actor directions (lib/fused/directions.ts) against dense float64
// computations that share no code with lib/: k1, k2 and the solves of the FS* families, and the
// closed-form Hessian-vector products of the SD* family against second differences of L.
import { Rng } from "../mod.ts";
import { traits } from "../lib/config.ts";
import { FusedUpdater } from "../lib/fused/updater.ts";
import { initialParameters } from "../lib/nets.ts";
import { assert, relativeError } from "./assert.ts";
import { fdGradient, forward64, matVec, solve64 } from "./reference64.ts";
// ---- FS directions of the fused path against dense float64 computations ----

const o2 = 3, a2 = 2, hidden2 = [5, 4];
const actorSizes = [o2, ...hidden2, a2], criticSizes = [o2 + a2, ...hidden2, 1];
const scale2 = { mid: [0.25, 0], half: [1.5, 1] };

function smallUpdater(algo: string, solve: Record<string, unknown>, seed: number) {
  const settings = {
    traits: traits(algo as "fsddpg"),
    population: 1,
    observationSize: o2,
    actionSize: a2,
    hidden: hidden2,
    actionLow: [-1.25, -1],
    actionHigh: [1.75, 1],
    lrActor: 1e-3,
    lrCritic: 1e-3,
    polyak: 5e-3,
    gamma: 0.99,
    epsilon: 1e-3,
    cgIterations: 5,
    degree: 1,
    k1k2: "per-sample" as "per-sample" | "listing",
    targetNoise: 0.2,
    targetNoiseClip: 0.5,
    ...solve,
  };
  const updater = new FusedUpdater(settings);
  const rngs = [new Rng(seed)];
  updater.setTrained([
    ...initialParameters(actorSizes, rngs),
    ...Array.from({ length: updater.criticCount }, () => initialParameters(criticSizes, rngs))
      .flat(),
  ]);
  return { updater, settings };
}

/** Per-sample rows of ∂Q/∂w and ∂Q/∂θ by float64 central differences of plain-JS networks. */
function denseRows(theta: Float64Array, w: Float64Array, states: number[][]) {
  const q = (t: Float64Array, c: Float64Array, x: number[]) =>
    forward64({ sizes: criticSizes, params: c }, [
      ...x,
      ...forward64({ sizes: actorSizes, params: t }, x, scale2),
    ])[0];
  return {
    gw: states.map((x) => Array.from(fdGradient((c) => q(theta, c, x), w, 1e-6))),
    gt: states.map((x) => Array.from(fdGradient((t) => q(t, w, x), theta, 1e-6))),
  };
}

/** d = ∂J/∂θ + sign·(2/m) Rθᵀ Rw (Kblock + εI)⁻¹ ∂J/∂w in float64 (m rows), dense. */
function denseFs(
  gw: number[][],
  gt: number[][],
  epsilon: number,
  block: number,
  listing: boolean,
  cg?: number,
) {
  const B = gw.length, nw = gw[0].length, nt = gt[0].length;
  const mean = (rows: number[][], n: number) =>
    Array.from({ length: n }, (_, j) => rows.reduce((s, r) => s + r[j], 0) / B);
  const dJdW = mean(gw, nw), dJdTheta = mean(gt, nt);
  const rw = listing ? [dJdW] : gw, rt = listing ? [dJdTheta] : gt, m = rw.length;
  const k2 = Array.from(
    { length: nw },
    (_, a) =>
      Array.from(
        { length: nw },
        (_, b) =>
          Math.floor(a / block) === Math.floor(b / block) || cg !== undefined
            ? (2 / m) * rw.reduce((s, r) => s + r[a] * r[b], 0) + (a === b ? epsilon : 0)
            : 0,
      ),
  );
  let x: number[];
  if (cg === undefined) x = solve64(k2, dJdW);
  else {
    x = new Array(nw).fill(0);
    let r = dJdW.slice(), p = dJdW.slice(), rr = r.reduce((s, v) => s + v * v, 0);
    for (let it = 0; it < cg; it++) {
      const ap = matVec(k2, p), alpha = rr / p.reduce((s, v, j) => s + v * ap[j], 0);
      x = x.map((v, j) => v + alpha * p[j]);
      r = r.map((v, j) => v - alpha * ap[j]);
      const next = r.reduce((s, v) => s + v * v, 0);
      p = r.map((v, j) => v + (next / rr) * p[j]);
      rr = next;
    }
  }
  const k1 = Array.from(
    { length: nt },
    (_, a) =>
      Array.from(
        { length: nw },
        (_, b) => (2 / m) * rt.reduce((s, r, i) => s + r[a] * rw[i][b], 0),
      ),
  );
  const corr = matVec(k1, x);
  return dJdTheta.map((g, j) => g + (listing ? 1 : -1) * corr[j]);
}

const DIRECTION_CASES: [
  string,
  Record<string, unknown>,
  (gw: number[][], gt: number[][]) => number[],
][] = [
  ["fsddpg", { degree: 1 }, (gw, gt) => denseFs(gw, gt, 1e-3, 1, false)],
  ["fsddpg", { degree: 3 }, (gw, gt) => denseFs(gw, gt, 1e-3, 3, false)],
  ["fsddpg", { degree: 8 }, (gw, gt) => denseFs(gw, gt, 1e-3, 8, false)],
  ["fsddpg", { degree: 59 }, (gw, gt) => denseFs(gw, gt, 1e-3, 59, false)],
  ["fsddpg", { degree: 1, k1k2: "listing" }, (gw, gt) => denseFs(gw, gt, 1e-3, 1, true)],
  ["fsddpg", { degree: 4, k1k2: "listing" }, (gw, gt) => denseFs(gw, gt, 1e-3, 4, true)],
  ["fsddpg-cg", {}, (gw, gt) => denseFs(gw, gt, 1e-3, 0, false, 5)],
  ["fsddpg-cg", { epsilon: 1e-5 }, (gw, gt) => denseFs(gw, gt, 1e-5, 0, false, 5)],
  ["fsddpg-cg", { k1k2: "listing" }, (gw, gt) => denseFs(gw, gt, 1e-3, 0, true, 5)],
  ["fstd3", { degree: 2 }, (gw, gt) => denseFs(gw, gt, 1e-3, 2, false)],
];

const DIRECTION_BOUND = 1e-5;
Deno.test(`fused FS directions (o = 1, 3, 8, n_w; listing; CG(5)) equal dense float64 formulas within ${DIRECTION_BOUND}`, () => {
  const Bs = 40; // B < n_w = 59: the rank-deficient regime of the paper's setting
  for (const [algo, solve, dense] of DIRECTION_CASES) {
    const { updater } = smallUpdater(algo, solve, 21);
    const data = new Rng(77);
    const obs = Float32Array.from({ length: Bs * o2 }, () => data.normal());
    const got = updater.direction(obs, Bs).direction;
    const states = Array.from(
      { length: Bs },
      (_, i) => Array.from(obs.subarray(i * o2, i * o2 + o2)),
    );
    const { gw, gt } = denseRows(
      Float64Array.from(updater.actor),
      Float64Array.from(updater.critics[0]),
      states,
    );
    const err = relativeError(got, dense(gw, gt));
    assert(err <= DIRECTION_BOUND, `${algo} ${JSON.stringify(solve)}: relative error ${err}`);
  }
});

for (
  const [algo, solver] of [["sddpg-cg", "CG(5)"], ["sddpg", "exact solve"], [
    "sddpg-bd",
    "blocks of 4",
  ]]
) {
  Deno.test(`fused ${algo}: the closed-form Hessian products give the direction of dense float64 second differences of L (residual terms included, ${solver})`, () => {
    const Bs = 12, epsilon = 0.1, iterations = 5, block = 4;
    const { updater } = smallUpdater(
      algo,
      { epsilon, cgIterations: iterations, degree: block },
      23,
    );
    const data = new Rng(79);
    const obs = Float32Array.from({ length: Bs * o2 }, () => data.normal());
    const y = Float32Array.from({ length: Bs }, () => data.normal());
    const got = updater.direction(obs, Bs, y);
    const theta = Float64Array.from(updater.actor), w = Float64Array.from(updater.critics[0]);
    const states = Array.from(
      { length: Bs },
      (_, i) => Array.from(obs.subarray(i * o2, i * o2 + o2)),
    );
    // L(θ, w) = mean_i (Q_w(s_i, π_θ(s_i)) − y_i)², all in float64 plain JS
    const loss = (t: Float64Array, c: Float64Array) =>
      states.reduce((sum, x, i) => {
        const a = forward64({ sizes: actorSizes, params: t }, x, scale2);
        const d = forward64({ sizes: criticSizes, params: c }, [...x, ...a])[0] - y[i];
        return sum + d * d;
      }, 0) / Bs;
    const h = 1e-4, nw = w.length, nt = theta.length;
    const shifted = (p: Float64Array, i: number, di: number, j = -1, dj = 0) => {
      const q = Float64Array.from(p);
      q[i] += di;
      if (j >= 0) q[j] += dj;
      return q;
    };
    // ∂²L/∂w² and ∂²L/∂θ∂w by central second differences
    const hww = Array.from(
      { length: nw },
      (_, a) =>
        Array.from(
          { length: nw },
          (_, b) =>
            (loss(theta, shifted(w, a, h, b, h)) - loss(theta, shifted(w, a, h, b, -h)) -
              loss(theta, shifted(w, a, -h, b, h)) + loss(theta, shifted(w, a, -h, b, -h))) /
            (4 * h * h),
        ),
    );
    const htw = Array.from(
      { length: nt },
      (_, a) =>
        Array.from({ length: nw }, (_, b) =>
          (loss(shifted(theta, a, h), shifted(w, b, h)) -
            loss(shifted(theta, a, h), shifted(w, b, -h)) -
            loss(shifted(theta, a, -h), shifted(w, b, h)) +
            loss(shifted(theta, a, -h), shifted(w, b, -h))) / (4 * h * h)),
    );
    const { gw, gt } = denseRows(theta, w, states);
    const mean = (rows: number[][], n: number) =>
      Array.from({ length: n }, (_, j) => rows.reduce((sum, r) => sum + r[j], 0) / Bs);
    const dJdW = mean(gw, nw), dJdTheta = mean(gt, nt);
    // the same solver on the dense damped Hessian: CG's iteration, Gaussian elimination of the
    // whole matrix, or of its diagonal blocks
    const damped = hww.map((row, a) => row.map((v, b) => v + (a === b ? epsilon : 0)));
    let x = new Array(nw).fill(0);
    if (algo === "sddpg-cg") {
      let r = dJdW.slice(), p = dJdW.slice();
      let rr = r.reduce((sum, v) => sum + v * v, 0);
      for (let it = 0; it < iterations; it++) {
        const ap = matVec(damped, p), alpha = rr / p.reduce((sum, v, j) => sum + v * ap[j], 0);
        x = x.map((v, j) => v + alpha * p[j]);
        r = r.map((v, j) => v - alpha * ap[j]);
        const next = r.reduce((sum, v) => sum + v * v, 0);
        p = r.map((v, j) => v + (next / rr) * p[j]);
        rr = next;
      }
    } else {
      const size = algo === "sddpg" ? nw : block;
      for (let start = 0; start < nw; start += size) {
        const idx = Array.from({ length: Math.min(size, nw - start) }, (_, i) => start + i);
        const xb = solve64(idx.map((a) => idx.map((b) => damped[a][b])), idx.map((a) => dJdW[a]));
        idx.forEach((a, i) => (x[a] = xb[i]));
      }
    }
    const correction = matVec(htw, x);
    const dense = dJdTheta.map((g, j) => g - correction[j]);
    const err = relativeError(got.direction, dense);
    assert(err <= 1e-4, `${algo} direction vs dense float64: relative error ${err}`);
    // the residual terms matter here: without them (δ = 0) the direction is a different one
    const gaussNewtonOnly = relativeError(
      updater.direction(obs, Bs, Float32Array.from({ length: Bs }, (_, i) => y[i] + 10)).direction,
      got.direction,
    );
    assert(gaussNewtonOnly > 1e-3, `targets must change the SD direction (${gaussNewtonOnly})`);
  });
}

Deno.test("fused CG with n_w iterations approaches the exact damped solve (well-conditioned ε)", () => {
  const Bs = 40;
  const data = new Rng(78);
  const obs = Float32Array.from({ length: Bs * o2 }, () => data.normal());
  const exact = smallUpdater("fsddpg", { degree: 59, epsilon: 0.1 }, 22).updater.direction(obs, Bs);
  const cg = (iters: number) =>
    relativeError(
      smallUpdater("fsddpg-cg", { cgIterations: iters, epsilon: 0.1 }, 22).updater.direction(
        obs,
        Bs,
      )
        .direction,
      exact.direction,
    );
  const e2 = cg(2), e59 = cg(59);
  assert(e59 < 1e-6 && e59 < e2, `CG error: 2 iterations ${e2}, 59 iterations ${e59}`);
});
