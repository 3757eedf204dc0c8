// Per-sample gradients and actor directions against independent computations: tfjs autodiff
// one sample at a time, float64 finite differences, and dense k1/k2/Hessians in float64.
import { tf } from "../lib/deps.ts";
import { useBackend } from "../lib/backend.ts";
import { forward, initialParameters, parameterShapes, perSampleGradients } from "../lib/nets.ts";
import {
  criticQ,
  fastListingDirection,
  fastPerSampleDirection,
  flatten,
  gradientDirection,
  type SolveOptions,
  stackelbergDirection,
} from "../lib/directions.ts";
import { Rng } from "../lib/rng.ts";
import { assert, assertAlmostEquals, assertClose, relativeError } from "./assert.ts";
import { dot, fdGradient, forward64, matVec, norm, solve64 } from "./reference64.ts";

await useBackend("cpu");

const O = 2, A = 1, H = [3];
const actorSizes = [O, ...H, A], criticSizes = [O + A, ...H, 1];
const scaleValues = { mid: [0.25], half: [1.5] }; // bounds [-1.25, 1.75]

function setup(P: number, B: number, seed = 1) {
  const rngs = Array.from({ length: P }, (_, p) => new Rng(seed + p));
  const toTensors = (sizes: number[]) => {
    const values = initialParameters(sizes, rngs);
    return parameterShapes(sizes, P).map((shape, i) => tf.tensor(values[i], shape));
  };
  const actor = toTensors(actorSizes), critic = toTensors(criticSizes);
  const data = new Rng(seed + 100);
  const s = tf.tensor3d(Float32Array.from({ length: P * B * O }, () => data.normal()), [P, B, O]);
  const scale = { mid: tf.tensor1d(scaleValues.mid), half: tf.tensor1d(scaleValues.half) };
  return { actor, critic, s, scale, P, B };
}

/** Member p's parameters as one float64 vector in weight order. */
async function member(params: tf.Tensor[], p: number): Promise<Float64Array> {
  const flat = await flatten(params, params[0].shape[0]).data();
  const n = flat.length / params[0].shape[0];
  return Float64Array.from(flat.subarray(p * n, (p + 1) * n));
}

/** Per-sample gradient rows by tfjs autodiff, one sample at a time. */
async function autodiffRows(setupValue: ReturnType<typeof setup>) {
  const { actor, critic, s, scale, P, B } = setupValue;
  const nTheta = actor.length;
  const gw: Float32Array[] = [], gtheta: Float32Array[] = []; // indexed [i] → [P, n]
  for (let i = 0; i < B; i++) {
    const si = tf.slice(s, [0, i, 0], [-1, 1, -1]) as tf.Tensor3D;
    const grads = tf.grads((...params: tf.Tensor[]) => {
      const a = forward(params.slice(0, nTheta), si, scale).output;
      return tf.sum(criticQ(params.slice(nTheta), si, a)) as tf.Scalar;
    })([...actor, ...critic]);
    gtheta.push(await flatten(grads.slice(0, nTheta), P).data() as Float32Array);
    gw.push(await flatten(grads.slice(nTheta), P).data() as Float32Array);
  }
  return { gw, gtheta };
}

Deno.test("per-sample gradients equal autodiff gradients taken one sample at a time", async () => {
  const st = setup(2, 5);
  const ps = perSampleGradients(st.actor, st.critic, st.s, st.scale);
  const gw = await ps.gw.data() as Float32Array, gtheta = await ps.gtheta.data() as Float32Array;
  const ref = await autodiffRows(st);
  const nw = ps.gw.shape[2], nt = ps.gtheta.shape[2];
  assert(nw === 16 && nt === 13, `n_w ${nw}, n_θ ${nt}`);
  for (let p = 0; p < st.P; p++) {
    for (let i = 0; i < st.B; i++) {
      const row = (x: Float32Array, n: number) =>
        x.subarray((p * st.B + i) * n, (p * st.B + i + 1) * n);
      assertClose(row(gw, nw), ref.gw[i].subarray(p * nw, (p + 1) * nw), 1e-5, `G_w p${p} i${i}`);
      assertClose(
        row(gtheta, nt),
        ref.gtheta[i].subarray(p * nt, (p + 1) * nt),
        1e-5,
        `G_θ p${p} i${i}`,
      );
    }
  }
});

Deno.test("per-sample gradients match float64 finite differences of a plain-JS network", async () => {
  const st = setup(1, 3, 7);
  const ps = perSampleGradients(st.actor, st.critic, st.s, st.scale);
  const gw = await ps.gw.data() as Float32Array, gtheta = await ps.gtheta.data() as Float32Array;
  const theta = await member(st.actor, 0), w = await member(st.critic, 0);
  const s = await st.s.data();
  for (let i = 0; i < st.B; i++) {
    const x = Array.from(s.subarray(i * O, i * O + O));
    const q = (t: Float64Array, c: Float64Array) => {
      const a = forward64({ sizes: actorSizes, params: t }, x, scaleValues);
      return forward64({ sizes: criticSizes, params: c }, [...x, ...a])[0];
    };
    assertClose(
      gw.subarray(i * 16, (i + 1) * 16),
      fdGradient((c) => q(theta, c), w),
      1e-4,
      "G_w vs FD",
    );
    assertClose(
      gtheta.subarray(i * 13, (i + 1) * 13),
      fdGradient((t) => q(t, w), theta),
      1e-4,
      "G_θ vs FD",
    );
  }
});

/** Dense float64 FS direction from autodiff per-sample rows: d = ∂J/∂θ − k1 M⁻¹ ∂J/∂w. */
function denseFs(gwRows: number[][], gtRows: number[][], epsilon: number, block: number) {
  const B = gwRows.length, nw = gwRows[0].length, nt = gtRows[0].length;
  const mean = (rows: number[][], n: number) =>
    Array.from({ length: n }, (_, j) => rows.reduce((s, r) => s + r[j], 0) / B);
  const dJdW = mean(gwRows, nw), dJdTheta = mean(gtRows, nt);
  const k1 = Array.from(
    { length: nt },
    (_, a) =>
      Array.from(
        { length: nw },
        (_, b) => (2 / B) * gtRows.reduce((s, r, i) => s + r[a] * gwRows[i][b], 0),
      ),
  );
  const k2 = Array.from(
    { length: nw },
    (_, a) =>
      Array.from(
        { length: nw },
        (_, b) =>
          Math.floor(a / block) === Math.floor(b / block)
            ? (2 / B) * gwRows.reduce((s, r) => s + r[a] * r[b], 0) + (a === b ? epsilon : 0)
            : 0,
      ),
  );
  const x = solve64(k2, dJdW);
  const corr = matVec(k1, x);
  return { direction: dJdTheta.map((g, j) => g - corr[j]), dJdTheta, dJdW };
}

async function rowsOfMember(st: ReturnType<typeof setup>, p: number) {
  const ref = await autodiffRows(st);
  return {
    gw: ref.gw.map((r) => Array.from(r.subarray(p * 16, (p + 1) * 16))),
    gt: ref.gtheta.map((r) => Array.from(r.subarray(p * 13, (p + 1) * 13))),
  };
}

const solveWith = (solver: SolveOptions["solver"], degree = 1, cgIterations = 5): SolveOptions => ({
  solver,
  degree,
  epsilon: 1e-3,
  cgIterations,
});

Deno.test("FS direction: exact, block-diagonal and diagonal inverses equal dense float64 formulas", async () => {
  const st = setup(2, 40, 3); // B > n_w keeps k2 well conditioned in float32
  for (let p = 0; p < 2; p++) {
    const rows = await rowsOfMember(st, p);
    for (
      const [solve, block] of [[solveWith("exact"), 16], [solveWith("block", 16), 16], [
        solveWith("block", 4),
        4,
      ], [
        solveWith("block", 1),
        1,
      ], [solveWith("block", 5), 5]] as const
    ) {
      const dir = fastPerSampleDirection(st.actor, st.critic, st.s, st.scale, solve);
      const got = (await dir.direction.data()).subarray(p * 13, (p + 1) * 13);
      const want = denseFs(rows.gw, rows.gt, 1e-3, block).direction;
      assertClose(got, want, 2e-3, `${solve.solver} o=${solve.degree} member ${p}`);
    }
  }
});

Deno.test("FS direction: CG with n_w iterations matches the exact solve; fewer iterations are further off", async () => {
  const st = setup(1, 40, 4);
  const exact = await fastPerSampleDirection(
    st.actor,
    st.critic,
    st.s,
    st.scale,
    solveWith("exact"),
  ).direction.data();
  const err = async (iters: number) =>
    relativeError(
      await fastPerSampleDirection(
        st.actor,
        st.critic,
        st.s,
        st.scale,
        solveWith("cg", 1, iters),
      ).direction.data(),
      exact,
    );
  const e16 = await err(16), e64 = await err(64), e2 = await err(2);
  assert(Math.min(e16, e64) < 2e-2, `CG(16) error ${e16}, CG(64) error ${e64}`);
  assert(e2 > Math.min(e16, e64), `CG(2) error ${e2} should exceed CG(16)'s ${e16}`);
});

Deno.test("listing variant equals (1 + c)·∂J/∂θ and has cosine 1 with DDPG's direction", async () => {
  const st = setup(2, 20, 5);
  const eps = 1e-5;
  const dir = fastListingDirection(st.actor, st.critic, st.s, st.scale, {
    ...solveWith("block", 1),
    epsilon: eps,
  });
  const ddpg = gradientDirection(st.actor, st.critic, st.s, st.scale);
  const d = await dir.direction.data(), g = await ddpg.dJdTheta.data(), gw = await dir.dJdW.data();
  for (let p = 0; p < 2; p++) {
    const gp = g.subarray(p * 13, (p + 1) * 13), dp = d.subarray(p * 13, (p + 1) * 13);
    let c = 0;
    for (const v of gw.subarray(p * 16, (p + 1) * 16)) c += (2 * v * v) / (2 * v * v + eps);
    assertClose(dp, Array.from(gp, (v) => (1 + c) * v), 1e-5, `member ${p}`);
    assertAlmostEquals(dot(dp, gp) / (norm(dp) * norm(gp)), 1, 1e-6);
  }
});

/** Float64 Stackelberg direction with every derivative by finite differences of L and J. */
function denseStackelberg(
  theta: Float64Array,
  w: Float64Array,
  states: number[][],
  targets: number[],
  epsilon: number,
) {
  const nt = theta.length, nw = w.length;
  const split = (p: Float64Array) => [p.subarray(0, nt), p.subarray(nt)] as const;
  const qOf = (t: Float64Array, c: Float64Array, x: number[]) =>
    forward64({ sizes: criticSizes, params: c }, [
      ...x,
      ...forward64({ sizes: actorSizes, params: t }, x, scaleValues),
    ])[0];
  const J = (p: Float64Array) => {
    const [t, c] = split(p);
    return states.reduce((s, x) => s + qOf(t, c, x), 0) / states.length;
  };
  const L = (p: Float64Array) => {
    const [t, c] = split(p);
    return states.reduce((s, x, i) => s + (qOf(t, c, x) - targets[i]) ** 2, 0) / states.length;
  };
  const p0 = new Float64Array([...theta, ...w]);
  const grad = fdGradient(J, p0);
  const h = 1e-4;
  const hess = (i: number, j: number) => {
    const f = (di: number, dj: number) => {
      const q = Float64Array.from(p0);
      q[i] += di * h;
      q[j] += dj * h;
      return L(q);
    };
    return (f(1, 1) - f(1, -1) - f(-1, 1) + f(-1, -1)) / (4 * h * h);
  };
  const hww = Array.from(
    { length: nw },
    (_, a) => Array.from({ length: nw }, (_, b) => hess(nt + a, nt + b) + (a === b ? epsilon : 0)),
  );
  const htw = Array.from(
    { length: nt },
    (_, a) => Array.from({ length: nw }, (_, b) => hess(a, nt + b)),
  );
  const dJdTheta = Array.from(grad.subarray(0, nt)), dJdW = Array.from(grad.subarray(nt));
  const corr = matVec(htw, solve64(hww, dJdW));
  return dJdTheta.map((g, j) => g - corr[j]);
}

Deno.test("SD exact direction equals dense float64 Hessians; SD-CG approaches it as iterations grow", async () => {
  const st = setup(1, 12, 6);
  const rng = new Rng(42);
  const q = await tf.reshape(criticQ(st.critic, st.s, forward(st.actor, st.s, st.scale).output), [
    1,
    st.B,
  ]).data();
  const targets = Float32Array.from(q, (v) => v + 0.3 * rng.normal());
  const y = tf.tensor2d(targets, [1, st.B]);
  const eps = 1e-2;
  const s = await st.s.data();
  const states = Array.from({ length: st.B }, (_, i) => Array.from(s.subarray(i * O, i * O + O)));
  const want = denseStackelberg(
    await member(st.actor, 0),
    await member(st.critic, 0),
    states,
    Array.from(targets),
    eps,
  );
  const run = async (solver: SolveOptions["solver"], iters = 5) =>
    await (await stackelbergDirection(st.actor, st.critic, st.s, y, st.scale, {
      solver,
      degree: 1,
      epsilon: eps,
      cgIterations: iters,
    }))
      .direction.data();
  const exact = await run("exact");
  assertClose(exact, want, 5e-3, "SD exact vs dense FD");
  const e2 = relativeError(await run("cg", 2), exact),
    e40 = relativeError(await run("cg", 40), exact);
  assert(e40 < 5e-2 && e40 < e2, `SD-CG error: 2 iterations ${e2}, 40 iterations ${e40}`);
});

Deno.test("tanh's re-registered gradient gives exact second derivatives (float64 closed form)", () => {
  const x = [-1.3, -0.2, 0.4, 2.0], c = [0.5, -1, 2, 0.7], v = [1, 0.5, -2, 3];
  const xt = tf.tensor1d(x);
  const hv = tf.grads((z: tf.Tensor) => {
    const [g] = tf.grads((u: tf.Tensor) => tf.sum(tf.mul(tf.tanh(u), c)))([z]);
    return tf.sum(tf.mul(g, v)) as tf.Scalar;
  })([xt])[0].dataSync();
  const want = x.map((xi, i) => {
    const t = Math.tanh(xi);
    return -2 * t * (1 - t * t) * c[i] * v[i];
  });
  assertClose(hv, want, 1e-5, "Hessian-vector product through tanh");
});
