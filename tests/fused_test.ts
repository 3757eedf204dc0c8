// The fused host update path (lib/fused/, lib/update/host.ts) against the tfjs reference
// (lib/update/reference.ts); its directions against dense float64 maths are in
// tests/fused_directions_test.ts.
import { type Agent, createAgent, loadAgent, Rng } from "../mod.ts";
import { ACTOR_DIAGNOSTICS } from "../lib/agent.ts";
import { traits } from "../lib/config.ts";
import { simdKernels, useSimd } from "../lib/fused/simd.ts";
import { assert, assertEquals, assertRejectsMatching, relativeError } from "./assert.ts";
import { randomBatch as seededBatch } from "./batches.ts";

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

/**
 * The mixed precision (float32 passes where conditioning allows, lib/fused/updater.ts) on the
 * families' representative cases, at the same bounds.
 */
const MIXED_CASES: [string, Record<string, unknown>][] = [
  ["ddpg", {}],
  ["td3", {}],
  ["fsddpg", { k1k2: "listing", degree: 1 }],
  ["fsddpg", { k1k2: "per-sample", degree: 3 }],
  ["fstd3-cg", { k1k2: "per-sample", epsilon: 1 }],
  ["sddpg-cg", { epsilon: 1 }],
];

for (
  const [algo, extra, precision] of [
    ...CASES.map(([a, e]) => [a, e, "f64"] as const),
    ...MIXED_CASES.map(([a, e]) => [a, e, "mixed"] as const),
  ]
) {
  Deno.test(
    `fused ${algo} ${JSON.stringify(extra)}${
      precision === "mixed" ? ", precision mixed" : ""
    }: after ${K} updates every tensor equals the reference within ${WEIGHT_BOUND} (relative ∞-norm), UpdateInfo within ${
      traits(algo as "ddpg").actor.kind === "stackelberg" ? SD_INFO_BOUND : INFO_BOUND
    }`,
    async () => {
      const make = async (implementation: "reference" | "fused") => {
        return await createAgent(algo, { ...base, seed: 3, implementation, precision, ...extra });
      };
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

Deno.test("threads: 2 (population split across a worker sharing the state) equals 1 thread bit for bit, in both precisions", async () => {
  for (
    const [algo, extra, precision] of [
      ["td3", {}, "f64"],
      ["fsddpg-cg", { k1k2: "per-sample" }, "f64"],
      ["fsddpg", { k1k2: "per-sample", degree: 3 }, "f64"],
      ["td3", {}, "mixed"],
    ] as [string, Record<string, unknown>, "f64" | "mixed"][]
  ) {
    const P = 5;
    const run = async (threads: number) => {
      // the workers take the precision from the updater's settings
      const agent = await createAgent(algo, {
        ...base,
        hidden: [8, 8],
        population: P,
        seed: 2,
        implementation: "fused",
        threads,
        precision,
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
