// Agent behaviour: population equivalence, determinism, save/load, backends, validation.
import {
  type Agent,
  ALGORITHMS,
  type Batch,
  createAgent,
  loadAgent,
  ReplayBuffer,
  Rng,
  useBackend,
  webgpuAvailable,
} from "../mod.ts";
import {
  assert,
  assertEquals,
  assertRejectsMatching,
  assertThrowsMatching,
  relativeError,
} from "./assert.ts";
import { randomBatch as seededBatch } from "./batches.ts";
import { VERSIONS } from "../lib/deps.ts";

const O = 3, A = 2, B = 6;

const randomBatch = (P: number, seed: number) => seededBatch(P, seed, { batch: B, obs: O, act: A });

/** Member p's slice of a population batch. */
function memberBatch(batch: Batch, P: number, p: number): Batch {
  const cut = (x: Float32Array) => x.slice((p * x.length) / P, ((p + 1) * x.length) / P);
  return {
    observations: cut(batch.observations),
    actions: cut(batch.actions),
    rewards: cut(batch.rewards),
    nextObservations: cut(batch.nextObservations),
    dones: cut(batch.dones),
  };
}

const options = { observationSize: O, actionSize: A, hidden: [5, 4], backend: "cpu" as const };

function weightsOf(agent: Agent, member: number): number[] {
  return agent.getWeights().flatMap((w) => {
    const per = w.values.length / agent.population;
    return Array.from(w.values.subarray(member * per, (member + 1) * per));
  });
}

for (const algo of ["ddpg", "td3", "fsddpg", "fstd3-cg", "sddpg-cg"]) {
  Deno.test(`${algo}: a population of 3 equals 3 separate single-agent runs with the same seeds, bit for bit`, async () => {
    const P = 3, K = 4;
    const together = await createAgent(algo, { ...options, population: P, seed: 5 });
    const separate = await Promise.all(
      [0, 1, 2].map((p) => createAgent(algo, { ...options, population: 1, seed: 5 + p })),
    );
    const obs = Float32Array.from({ length: P * O }, (_, i) => Math.sin(i));
    for (let k = 0; k < K; k++) {
      const batch = randomBatch(P, 100 + k);
      await together.update(batch);
      for (let p = 0; p < P; p++) await separate[p].update(memberBatch(batch, P, p));
    }
    const acted = together.act(obs, { explore: true });
    for (let p = 0; p < P; p++) {
      // bit for bit: a member's arithmetic does not depend on the other members
      assertEquals(weightsOf(together, p), weightsOf(separate[p], 0), `member ${p}: weights`);
      const single = separate[p].act(obs.slice(p * O, (p + 1) * O), { explore: true });
      assertEquals(
        Array.from(acted.subarray(p * A, (p + 1) * A)),
        Array.from(single),
        `member ${p}: actions`,
      );
    }
    together.dispose();
    separate.forEach((a) => a.dispose());
  });
}

Deno.test("same seed gives identical weights after K updates; save → load gives identical acting and updates", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const make = () =>
      createAgent("fstd3", { ...options, population: 2, seed: 11, k1k2: "per-sample", degree: 3 });
    const a = await make(), b = await make();
    for (let k = 0; k < 3; k++) {
      await a.update(randomBatch(2, k));
      await b.update(randomBatch(2, k));
    }
    assertEquals(a.getWeights(), b.getWeights());
    a.act(new Float32Array(2 * O), { explore: true }); // advance the exploration stream
    await a.save(`${dir}/agent`);
    const c = await loadAgent(`${dir}/agent`);
    assertEquals(c.getWeights(), a.getWeights());
    const obs = Float32Array.from({ length: 2 * O }, (_, i) => i / 3 - 1);
    assertEquals(c.act(obs, { explore: false }), a.act(obs, { explore: false }));
    assertEquals(c.act(obs, { explore: true }), a.act(obs, { explore: true }));
    const next = randomBatch(2, 99);
    assertEquals(await c.update(next), await a.update(next));
    assertEquals(c.getWeights(), a.getWeights());
    // saving again replaces the directory atomically: no temporary or old copies are left
    await a.save(`${dir}/agent`);
    assertEquals([...Deno.readDirSync(dir)].map((e) => e.name), ["agent"]);
    [a, b, c].forEach((x) => x.dispose());
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("agent.json records the package versions that wrote it (lib/deps.ts VERSIONS), and an older one without them loads", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const a = await createAgent("td3", { ...options, seed: 2 });
    await a.save(`${dir}/agent`);
    const meta = JSON.parse(await Deno.readTextFile(`${dir}/agent/agent.json`));
    assertEquals(meta.versions, { ...VERSIONS });
    delete meta.versions;
    await Deno.writeTextFile(`${dir}/agent/agent.json`, JSON.stringify(meta));
    const b = await loadAgent(`${dir}/agent`);
    assertEquals(b.getWeights(), a.getWeights());
    [a, b].forEach((x) => x.dispose());
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("wasm and cpu tfjs backends (reference updates): identical initial weights and exploration noise, close after updates", async () => {
  const run = async (backend: "wasm" | "cpu") => {
    // the reference is the implementation that runs on the tfjs backend (the fused path never does)
    const agent = await createAgent("td3", {
      ...options,
      backend,
      seed: 3,
      implementation: "reference",
    });
    assertEquals(agent.backend, backend);
    const initial = agent.getWeights();
    const noisy = agent.act(new Float32Array(O), { explore: true });
    for (let k = 0; k < 3; k++) await agent.update(randomBatch(1, k));
    const after = agent.getWeights().flatMap((w) => Array.from(w.values));
    agent.dispose();
    return { initial, noisy, after };
  };
  const wasm = await run("wasm"), cpu = await run("cpu");
  assertEquals(wasm.initial, cpu.initial);
  assertEquals(wasm.noisy, cpu.noisy);
  const err = relativeError(wasm.after, cpu.after);
  assert(err < 1e-5, `wasm vs cpu after 3 updates: relative error ${err}`);
});

const gpu = await webgpuAvailable();
if (!gpu) {
  console.log(
    "webgpu test skipped: this runtime has no WebGPU adapter (navigator.gpu.requestAdapter() gave none)",
  );
}
Deno.test({
  name:
    "fused updates: the WGSL kernel (backend webgpu) agrees with the host path (backend wasm) within 1e-4 (relative, ∞-norm) after 3 updates",
  ignore: !gpu,
  async fn() {
    const run = async (backend: "wasm" | "webgpu") => {
      const agent = await createAgent("fsddpg", {
        ...options,
        backend,
        seed: 9,
        k1k2: "per-sample",
      });
      assertEquals(agent.implementation, backend === "webgpu" ? "fused-webgpu" : "fused");
      for (let k = 0; k < 3; k++) await agent.update(randomBatch(1, k));
      const w = agent.getWeights().flatMap((x) => Array.from(x.values));
      agent.dispose();
      return w;
    };
    const wasm = await run("wasm"), webgpu = await run("webgpu");
    await useBackend("cpu");
    const err = relativeError(wasm, webgpu);
    assert(err < 1e-4, `webgpu vs wasm: ${err}`);
  },
});

Deno.test("every algorithm updates and reports finite diagnostics of the documented shape", async () => {
  for (const algo of ALGORITHMS) {
    const agent = await createAgent(algo, { ...options, population: 2 });
    const info = await agent.update(randomBatch(2, 1));
    assert(info.actorUpdated, `${algo}: the first update includes an actor step`);
    for (
      const key of [
        "criticLoss",
        "actorObjective",
        "gradientNorm",
        "correctionNorm",
        "cosine",
        "correctionRatio",
      ] as const
    ) {
      assertEquals(info[key].length, 2, `${algo}.${key}`);
      assert(info[key].every(Number.isFinite), `${algo}.${key} = ${info[key]}`);
    }
    if (algo === "ddpg" || algo === "td3" || algo === "ddpg-ttsu") {
      assertEquals(info.correctionNorm, [0, 0]);
    } else {assert(
        info.correctionNorm.every((c) => c > 0),
        `${algo}: correction ${info.correctionNorm}`,
      );}
    agent.dispose();
  }
});

Deno.test("TD3 delays its actor; DDPG-TTSU updates the critic criticSteps times per actor step", async () => {
  const td3 = await createAgent("td3", { ...options, policyDelay: 3 });
  const ttsu = await createAgent("ddpg-ttsu", { ...options, criticSteps: 2 });
  const flags = async (agent: Agent) => {
    const out = [];
    for (let k = 0; k < 6; k++) out.push((await agent.update(randomBatch(1, k))).actorUpdated);
    return out;
  };
  assertEquals(await flags(td3), [true, false, false, true, false, false]);
  assertEquals(await flags(ttsu), [true, false, true, false, true, false]);
});

Deno.test("bad options and inputs produce errors naming the field, the value and what is allowed", async () => {
  const bad: [string, Record<string, unknown>, RegExp][] = [
    ["dpg", {}, /algo: got "dpg"; allowed: one of "ddpg"/],
    ["ddpg", { lrActor: -1 }, /lrActor: got -1; allowed: a finite number > 0/],
    ["ddpg", { gamma: NaN }, /gamma: got NaN/],
    ["ddpg", { hidden: [16, 0] }, /hidden\[1\]: got 0/],
    [
      "ddpg",
      { degree: 2 },
      /options.degree: got 2; allowed: nothing: "degree" does not apply to ddpg/,
    ],
    ["fsddpg", { k1k2: "dense" }, /k1k2: got "dense"; allowed: one of "per-sample", "listing"/],
    ["fsddpg", { lr_actor: 1 }, /options.lr_actor: .*did you mean "lrActor"/],
    ["td3", { population: 0 }, /population: got 0/],
    ["td3", { backend: "gpu" }, /backend: got "gpu"/],
    [
      "td3",
      { actionLow: [1, 1], actionHigh: [1, 2] },
      /actionHigh\[0\]: got 1; allowed: a number greater than actionLow\[0\]/,
    ],
  ];
  for (const [algo, extra, pattern] of bad) {
    await assertRejectsMatching(() => createAgent(algo, { ...options, ...extra }), pattern);
  }
  const agent = await createAgent("ddpg", options);
  assertThrowsMatching(
    () => agent.act(new Float32Array(O + 1), { explore: false }),
    /observations: got Float32Array\(4\)/,
  );
  assertThrowsMatching(
    () => agent.act(Float32Array.of(0, NaN, 0), { explore: false }),
    /observations\[1\]: got NaN/,
  );
  const batch = randomBatch(1, 0);
  batch.actions = batch.actions.slice(1);
  await assertRejectsMatching(
    () => agent.update(batch),
    /batch.actions: got Float32Array\(11\); allowed: a Float32Array of length 12/,
  );
});

Deno.test("replay: per-member rings, seeded sampling, memory checked before allocation", () => {
  const P = 2;
  const buffer = new ReplayBuffer(P, 4, 1, 1);
  for (let t = 0; t < 6; t++) {
    buffer.add(
      Float32Array.of(t, 100 + t),
      Float32Array.of(t, -t),
      [t, 10 * t],
      Float32Array.of(t + 1, 101 + t),
      [0, 1],
    );
  }
  assertEquals(buffer.size, 4);
  const batch = buffer.sample(50, [new Rng(1), new Rng(2)]);
  // ring of capacity 4 after 6 writes holds t = 2..5; member 1's observations are 100 + t
  for (let b = 0; b < 50; b++) {
    const t0 = batch.observations[b], t1 = batch.observations[50 + b] - 100;
    assert(t0 >= 2 && t0 <= 5 && t1 >= 2 && t1 <= 5, `sampled t ${t0}, ${t1}`);
    assertEquals([batch.rewards[b], batch.nextObservations[b], batch.dones[b]], [t0, t0 + 1, 0]);
    assertEquals([batch.rewards[50 + b], batch.actions[50 + b], batch.dones[50 + b]], [
      10 * t1,
      -t1,
      1,
    ]);
  }
  assertEquals(
    buffer.sample(5, [new Rng(7), new Rng(8)]),
    buffer.sample(5, [new Rng(7), new Rng(8)]),
  );
  assertThrowsMatching(
    () => new ReplayBuffer(256, 1_000_000, 376, 17, 24 * 2 ** 30),
    /replayCapacity: got 1000000; allowed: a capacity whose buffers fit in memory: 256 member\(s\) × 1000000 transitions need 7\d\d\.\d GiB/,
  );
});

Deno.test("exploration noise is N(0, actNoise) in action units, then clipped to the bounds", async () => {
  // InvertedPendulum's bounds ±3: noise in half-range units would have std 0.3, not 0.1
  const agent = await createAgent("ddpg", {
    observationSize: 4,
    actionSize: 1,
    actionLow: new Float32Array([-3]),
    actionHigh: new Float32Array([3]),
    seed: 3,
  });
  try {
    const n = 4000;
    const obs = new Float32Array(4).fill(0.1);
    const clean = agent.act(obs, { explore: false })[0];
    let sum = 0, sq = 0;
    for (let i = 0; i < n; i++) {
      const e = agent.act(obs, { explore: true })[0] - clean;
      sum += e;
      sq += e * e;
    }
    const sd = Math.sqrt(sq / n - (sum / n) ** 2);
    // the sample std of 4,000 normal draws is within 5% of σ with overwhelming probability
    assert(Math.abs(sd - 0.1) < 0.005, `std ${sd}`);
    // clipped: bounds of ±0.05 leave almost every noisy action at a bound
    const tight = await createAgent("ddpg", {
      observationSize: 4,
      actionSize: 1,
      actionLow: new Float32Array([-0.05]),
      actionHigh: new Float32Array([0.05]),
      seed: 3,
    });
    for (let i = 0; i < 200; i++) {
      const a = tight.act(obs, { explore: true })[0];
      assert(Math.abs(a) <= Math.fround(0.05), `${a}`);
    }
    tight.dispose();
  } finally {
    agent.dispose();
  }
});

Deno.test("act() defaults to the deterministic policy; predict() is the same; loadAgent names a missing folder", async () => {
  const agent = await createAgent("td3", { observationSize: 3, actionSize: 2, seed: 1 });
  try {
    const obs = new Float32Array([0.1, -0.2, 0.3]);
    assertEquals(agent.act(obs), agent.act(obs, { explore: false }));
    assertEquals(agent.predict(obs), agent.act(obs, { explore: false }));
  } finally {
    agent.dispose();
  }
  const missing = `${await Deno.makeTempDir()}/nothing-here`;
  const error = await loadAgent(missing).then(() => undefined, (e: Error) => e);
  assert(error instanceof Error && error.message.startsWith(`dir: got "${missing}"`), `${error}`);
});

Deno.test("precision: mixed runs the fused passes in float32 (close to f64, not equal), is saved with the agent, and a bad value names the field", async () => {
  const flat = (agent: Agent) => agent.getWeights().flatMap((w) => Array.from(w.values));
  const exact = await createAgent("td3", { ...options, hidden: [16, 16], population: 2 });
  const mixed = await createAgent("td3", {
    ...options,
    hidden: [16, 16],
    population: 2,
    precision: "mixed",
  });
  const dir = await Deno.makeTempDir();
  try {
    assertEquals([exact.config.precision, mixed.config.precision], ["f64", "mixed"]);
    for (let k = 0; k < 4; k++) {
      const batch = randomBatch(2, k);
      await exact.update(batch);
      await mixed.update(batch);
    }
    const [a, b] = [flat(exact), flat(mixed)];
    assert(a.some((x, i) => x !== b[i]), "mixed must not be the f64 path");
    assert(relativeError(a, b) < 1e-4, `mixed vs f64: ${relativeError(a, b)}`);
    await mixed.save(dir);
    const loaded = await loadAgent(dir);
    assertEquals(loaded.config.precision, "mixed");
    loaded.dispose();
    await assertRejectsMatching(
      // @ts-expect-error: a precision that does not exist
      () => createAgent("td3", { ...options, precision: "f16" }),
      /^precision: got "f16"; allowed: one of "f64", "mixed"/,
    );
  } finally {
    exact.dispose();
    mixed.dispose();
    await Deno.remove(dir, { recursive: true });
  }
});
