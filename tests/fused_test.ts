// The fused host update path (lib/fused/) against the tfjs reference (lib/agent.ts) and against
// dense float64 computations that share no code with lib/.
import { type Agent, createAgent, loadAgent, Rng } from "../mod.ts";
import { ACTOR_DIAGNOSTICS } from "../lib/agent.ts";
import { traits } from "../lib/config.ts";
import { FusedUpdater } from "../lib/fused/updater.ts";
import { simdKernels, useSimd } from "../lib/fused/simd.ts";
import { initialParameters } from "../lib/nets.ts";
import { assert, assertEquals, assertRejectsMatching, relativeError } from "./assert.ts";
import { randomBatch as seededBatch } from "./batches.ts";
import { fdGradient, forward64, matVec, solve64 } from "./reference64.ts";

// HalfCheetah sizes, the paper's 16×16 networks and batch: the regime the fused path serves
const O = 17, A = 6, B = 100;
const base = { observationSize: O, actionSize: A, backend: "cpu" as const };

const randomBatch = (P: number, seed: number, batch = B, obs = O, act = A) =>
  seededBatch(P, seed, { batch, obs, act });

/** Relative ∞-norm error of two tensors: max |a − b| / max(|a|, |b|). */
const tensorError = relativeError;

const INFO_KEYS = ["criticLoss", ...ACTOR_DIAGNOSTICS] as const;

/** Per-sample CG at ε = 1e-5 is dominated by float32 rounding in the reference (see below). */
const CASES: [string, Record<string, unknown>][] = [
  ["ddpg", {}],
  ["td3", {}],
  ["ddpg-ttsu", { criticSteps: 2 }],
  ["fsddpg", { k1k2: "per-sample", degree: 1 }],
  ["fsddpg", { k1k2: "per-sample", degree: 3 }],
  ["fsddpg", { k1k2: "listing", degree: 1 }],
  ["fsddpg", { k1k2: "listing", degree: 4 }],
  ["fsddpg-cg", { k1k2: "listing" }],
  ["fsddpg-cg", { k1k2: "per-sample", epsilon: 1 }],
  ["fstd3", { k1k2: "per-sample", degree: 1 }],
  ["fstd3", { k1k2: "listing", degree: 2 }],
  ["fstd3-cg", { k1k2: "per-sample", epsilon: 1 }],
  // SD-CG: CG on an indefinite Hessian; at ε = 1e-5 the float32 reference's rounding decides
  // the iterates, so the comparison uses a damping where both are well defined
  ["sddpg-cg", { epsilon: 1 }],
  ["sddpg-cg", { epsilon: 0.1, cgIterations: 3 }],
  ["std3-cg", { epsilon: 1 }],
];

const K = 5, WEIGHT_BOUND = 1e-4, INFO_BOUND = 1e-4, SD_INFO_BOUND = 1e-3;

for (const [algo, extra] of CASES) {
  Deno.test(
    `fused ${algo} ${
      JSON.stringify(extra)
    }: after ${K} updates every tensor equals the reference within ${WEIGHT_BOUND} (relative ∞-norm), UpdateInfo within ${
      traits(algo as "ddpg").actor.kind === "stackelberg" ? SD_INFO_BOUND : INFO_BOUND
    }`,
    async () => {
      const make = (implementation: "reference" | "fused") =>
        createAgent(algo, { ...base, seed: 3, implementation, ...extra });
      const ref = await make("reference"), fused = await make("fused");
      assertEquals([ref.implementation, fused.implementation], ["reference", "fused"]);
      for (let k = 0; k < K; k++) {
        const batch = randomBatch(1, 10 + k);
        const a = await ref.update(batch), b = await fused.update(batch);
        assertEquals(b.actorUpdated, a.actorUpdated, `update ${k}: actorUpdated`);
        for (const key of INFO_KEYS) {
          const x = a[key][0], y = b[key][0];
          if (Number.isNaN(x) && Number.isNaN(y)) continue;
          const err = Math.abs(x - y) / Math.max(Math.abs(x), Math.abs(y), 1e-6);
          // SD-CG's direction is a difference of nearly equal terms: the float32 reference's
          // cosine carries about 1e-4 of rounding (its weights still agree within 1e-4)
          const bound = traits(algo as "ddpg").actor.kind === "stackelberg"
            ? SD_INFO_BOUND
            : INFO_BOUND;
          assert(err <= bound, `update ${k}: ${key} reference ${x}, fused ${y}`);
        }
      }
      const wr = ref.getWeights(), wf = fused.getWeights();
      assertEquals(wf.map((w) => [w.name, w.shape]), wr.map((w) => [w.name, w.shape]));
      wr.forEach((w, i) => {
        const err = tensorError(wf[i].values, w.values);
        assert(err <= WEIGHT_BOUND, `${w.name}: relative error ${err.toExponential(2)}`);
      });
      ref.dispose();
      fused.dispose();
    },
  );
}

for (
  const [algo, extra] of [
    ["td3", {}],
    ["fsddpg", { k1k2: "per-sample", degree: 3 }],
    ["fsddpg-cg", { k1k2: "per-sample" }],
    ["fstd3", { k1k2: "listing" }],
    ["ddpg-ttsu", { criticSteps: 3 }],
  ] as [string, Record<string, unknown>][]
) {
  Deno.test(`fused ${algo} ${JSON.stringify(extra)}: a population of 3 equals 3 single runs bit for bit`, async () => {
    const P = 3, b = 12, small = { observationSize: 4, actionSize: 2, hidden: [8, 8] };
    const opts = { ...small, backend: "cpu" as const, implementation: "fused" as const, ...extra };
    const together = await createAgent(algo, { ...opts, population: P, seed: 7 });
    const separate = await Promise.all(
      [0, 1, 2].map((p) => createAgent(algo, { ...opts, population: 1, seed: 7 + p })),
    );
    const infos: number[][] = [];
    for (let k = 0; k < 4; k++) {
      const batch = randomBatch(P, 50 + k, b, 4, 2);
      const info = await together.update(batch);
      for (let p = 0; p < P; p++) {
        const cut = (x: Float32Array) => x.slice((p * x.length) / P, ((p + 1) * x.length) / P);
        const single = await separate[p].update({
          observations: cut(batch.observations),
          actions: cut(batch.actions),
          rewards: cut(batch.rewards),
          nextObservations: cut(batch.nextObservations),
          dones: cut(batch.dones),
        });
        infos.push(INFO_KEYS.map((key) => info[key][p] - single[key][0]));
      }
    }
    for (const row of infos) for (const d of row) assert(d === 0 || Number.isNaN(d), `${row}`);
    for (let p = 0; p < P; p++) {
      const w = memberWeights(together, p), v = memberWeights(separate[p], 0);
      assertEquals(w, v, `member ${p}`);
    }
    together.dispose();
    separate.forEach((a) => a.dispose());
  });
}

function memberWeights(agent: Agent, member: number): Float32Array[] {
  return agent.getWeights().map((w) => {
    const per = w.values.length / agent.population;
    return w.values.slice(member * per, (member + 1) * per);
  });
}

Deno.test("fused and reference paths share the checkpoint format: save on one, load on the other, same updates", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const opts = { ...base, hidden: [8, 8], population: 2, seed: 4, k1k2: "per-sample" as const };
    const fused = await createAgent("fstd3", { ...opts, implementation: "fused" });
    for (let k = 0; k < 3; k++) await fused.update(randomBatch(2, k));
    await fused.save(`${dir}/a`);
    const asRef = await loadAgent(`${dir}/a`);
    assertEquals(asRef.implementation, "fused"); // "auto" resolves to fused on cpu
    assertEquals(asRef.getWeights(), fused.getWeights());
    // force the reference path on a copy of the checkpoint
    const meta = JSON.parse(await Deno.readTextFile(`${dir}/a/agent.json`));
    meta.config.implementation = "reference";
    await Deno.writeTextFile(`${dir}/a/agent.json`, JSON.stringify(meta));
    const ref = await loadAgent(`${dir}/a`);
    assertEquals(ref.implementation, "reference");
    assertEquals(ref.getWeights(), fused.getWeights());
    const obs = Float32Array.from({ length: 2 * O }, (_, i) => Math.cos(i));
    assertEquals(ref.act(obs, { explore: true }), fused.act(obs, { explore: true }));
    for (let k = 0; k < 2; k++) {
      const batch = randomBatch(2, 20 + k);
      await ref.update(batch);
      await fused.update(batch);
    }
    const err = relativeError(
      ref.getWeights().flatMap((w) => Array.from(w.values)),
      fused.getWeights().flatMap((w) => Array.from(w.values)),
    );
    assert(err <= 1e-4, `reference after loading the fused checkpoint: ${err}`);
    await ref.save(`${dir}/b`);
    const back = await loadAgent(`${dir}/b`, {});
    assertEquals(back.getWeights(), ref.getWeights());
    [fused, asRef, ref, back].forEach((a) => a.dispose());
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("implementation: validated; auto picks the fused path for every algorithm", async () => {
  await assertRejectsMatching(
    () => createAgent("ddpg", { ...base, implementation: "fast" as "fused" }),
    /implementation: got "fast"; allowed: one of "auto", "reference", "fused"/,
  );
  for (const algo of ["ddpg", "std3", "sddpg-bd", "std3-cg"]) {
    const agent = await createAgent(algo, base);
    assertEquals(agent.implementation, "fused", algo);
    agent.dispose();
  }
  const ref = await createAgent("sddpg", { ...base, implementation: "reference" });
  assertEquals(ref.implementation, "reference");
  ref.dispose();
});

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

Deno.test("fused SDDPG, SDDPG-BD and STD3 (whole Hessians from closed-form products) equal the reference after 3 updates on small networks", async () => {
  const small = { observationSize: 5, actionSize: 2, hidden: [6, 5], backend: "cpu" as const };
  for (const [algo, extra] of [["sddpg", {}], ["sddpg-bd", { degree: 4 }], ["std3", {}]] as const) {
    const make = (implementation: "reference" | "fused") =>
      createAgent(algo, { ...small, seed: 5, epsilon: 1, implementation, ...extra });
    const ref = await make("reference"), fused = await make("fused");
    for (let k = 0; k < 3; k++) {
      const batch = randomBatch(1, 40 + k, 20, 5, 2);
      await ref.update(batch);
      await fused.update(batch);
    }
    const wr = ref.getWeights(), wf = fused.getWeights();
    wr.forEach((w, i) => {
      const err = tensorError(wf[i].values, w.values);
      assert(err <= WEIGHT_BOUND, `${algo} ${w.name}: relative error ${err.toExponential(2)}`);
    });
    ref.dispose();
    fused.dispose();
  }
});

Deno.test("agent.direction of SD* on the fused path equals the reference's (and needs the TD targets)", async () => {
  const small = { observationSize: 5, actionSize: 2, hidden: [6, 5], backend: "cpu" as const };
  const data = new Rng(81);
  const obs = Float32Array.from({ length: 20 * 5 }, () => data.normal());
  const y = Float32Array.from({ length: 20 }, () => data.normal());
  for (const algo of ["sddpg", "sddpg-cg"]) {
    const make = (implementation: "reference" | "fused") =>
      createAgent(algo, { ...small, seed: 6, epsilon: 1, implementation });
    const ref = await make("reference"), fused = await make("fused");
    await assertRejectsMatching(() => fused.direction(obs), /targets: got undefined/);
    const a = await ref.direction(obs, y), b = await fused.direction(obs, y);
    for (const key of ["direction", "dJdTheta", "dJdW"] as const) {
      const err = relativeError(b[key], a[key]);
      assert(err <= 1e-4, `${algo} ${key}: relative error ${err}`);
    }
    ref.dispose();
    fused.dispose();
  }
});

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

const simd = simdKernels() !== null;
if (!simd) {
  console.log("SIMD comparison skipped: this runtime has no WebAssembly SIMD / shared memory");
}
Deno.test({
  name:
    "the TypeScript kernels (SIMD off) and the WebAssembly SIMD kernels agree within 1e-6 (relative ∞-norm) after 5 updates",
  ignore: !simd,
  fn: async () => {
    for (
      const [algo, extra] of [
        ["td3", {}],
        ["fsddpg", { k1k2: "per-sample" }],
        ["fsddpg-cg", { k1k2: "per-sample" }],
      ] as [string, Record<string, unknown>][]
    ) {
      const run = async (simd: boolean) => {
        const old = useSimd(simd);
        try {
          const agent = await createAgent(algo, {
            ...base,
            seed: 8,
            implementation: "fused",
            ...extra,
          });
          for (let k = 0; k < K; k++) await agent.update(randomBatch(1, 30 + k));
          const w = agent.getWeights().flatMap((x) => Array.from(x.values));
          agent.dispose();
          return w;
        } finally {
          useSimd(old);
        }
      };
      const err = relativeError(await run(true), await run(false));
      assert(err <= 1e-6, `${algo}: SIMD vs TypeScript kernels differ by ${err}`);
    }
  },
});

Deno.test("threads: 2 (population split across a worker sharing the state) equals 1 thread bit for bit", async () => {
  for (
    const [algo, extra] of [
      ["td3", {}],
      ["fsddpg-cg", { k1k2: "per-sample" }],
      ["fsddpg", { k1k2: "per-sample", degree: 3 }],
    ] as [string, Record<string, unknown>][]
  ) {
    const P = 5;
    const run = async (threads: number) => {
      const agent = await createAgent(algo, {
        ...base,
        hidden: [8, 8],
        population: P,
        seed: 2,
        implementation: "fused",
        threads,
        ...extra,
      });
      const infos = [];
      for (let k = 0; k < 4; k++) infos.push(await agent.update(randomBatch(P, 60 + k)));
      const weights = agent.getWeights();
      agent.dispose();
      return { infos, weights };
    };
    const one = await run(1), two = await run(2);
    assertEquals(two.weights, one.weights, `${algo}: weights`);
    assertEquals(two.infos, one.infos, `${algo}: UpdateInfo`);
  }
  await assertRejectsMatching(
    () => createAgent("ddpg", { ...base, threads: 0 }),
    /threads: got 0/,
  );
});
