// The fused WebGPU update path (lib/fused/gpu.ts, lib/fused/wgsl.ts) against the tfjs reference
// and the fused CPU path. Runs on whatever adapter the runtime has (here Mesa's llvmpipe, a
// software adapter); where there is none every test is skipped with the reason printed.
import { type Agent, createAgent, Rng } from "../mod.ts";
import { ACTOR_DIAGNOSTICS } from "../lib/agent.ts";
import { useBackend, webgpuAvailable } from "../lib/backend.ts";
import { ReplayBuffer } from "../lib/replay.ts";
import { traits } from "../lib/config.ts";
import { gpuSupports } from "../lib/fused/wgsl_layout.ts";
import { assert, assertEquals, relativeError } from "./assert.ts";
import { randomBatch as seededBatch } from "./batches.ts";

const gpu = await webgpuAvailable();
if (!gpu) {
  console.log(
    "fused webgpu tests skipped: this runtime has no WebGPU adapter (navigator.gpu.requestAdapter() gave none)",
  );
}

// HalfCheetah sizes, the paper's 16×16 networks and batch
const O = 17, A = 6, B = 100;
const base = { observationSize: O, actionSize: A };

const randomBatch = (P: number, seed: number) => seededBatch(P, seed, { batch: B, obs: O, act: A });

/** Every saved tensor (trained, targets, Adam moments) by name, read back through `save`. */
async function savedState(agent: Agent): Promise<Map<string, Float32Array>> {
  const dir = await Deno.makeTempDir();
  try {
    await agent.save(`${dir}/agent`);
    const meta = JSON.parse(await Deno.readTextFile(`${dir}/agent/agent.json`));
    const blob = new Float32Array((await Deno.readFile(`${dir}/agent/tensors.bin`)).buffer);
    const out = new Map<string, Float32Array>();
    for (const t of meta.tensors as { name: string; shape: number[]; offset: number }[]) {
      const n = t.shape.reduce((a, b) => a * b, 1);
      out.set(t.name, blob.slice(t.offset, t.offset + n));
    }
    return out;
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

function assertStatesClose(
  a: Map<string, Float32Array>,
  b: Map<string, Float32Array>,
  bound: number,
) {
  assertEquals([...b.keys()], [...a.keys()]);
  for (const [name, x] of a) {
    const err = relativeError(x, b.get(name)!);
    assert(err <= bound, `${name}: relative error ${err.toExponential(2)} > ${bound}`);
  }
}

const CASES: [string, Record<string, unknown>][] = [
  ["ddpg", {}],
  ["td3", {}],
  ["ddpg-ttsu", { criticSteps: 2 }],
  ["fsddpg", { k1k2: "per-sample", degree: 1 }],
  ["fsddpg", { k1k2: "listing", degree: 1 }],
  ["fsddpg", { k1k2: "per-sample", degree: 3 }],
  ["fsddpg", { k1k2: "listing", degree: 4 }],
  ["fsddpg-cg", { k1k2: "listing" }],
  ["fstd3", { k1k2: "per-sample", degree: 1 }],
  ["fstd3-cg", { k1k2: "listing" }],
  ["fstd3", { k1k2: "per-sample", degree: 2 }],
  // other shapes: three hidden layers of unequal widths, and one wide layer
  ["fsddpg", { k1k2: "per-sample", degree: 3, hidden: [24, 7, 5] }],
  ["td3", { hidden: [64] }],
];

const K = 5, STATE_BOUND = 1e-4, INFO_BOUND = 1e-4;
const INFO_KEYS = ["criticLoss", ...ACTOR_DIAGNOSTICS] as const;

for (const [algo, extra] of CASES) {
  Deno.test({
    name: `fused webgpu ${algo} ${
      JSON.stringify(extra)
    }: after ${K} updates every tensor (weights, targets, Adam moments) equals the reference within ${STATE_BOUND} (relative ∞-norm), UpdateInfo within ${INFO_BOUND}`,
    ignore: !gpu,
    async fn() {
      const run = async (backend: "cpu" | "webgpu", implementation: "reference" | "auto") => {
        const agent = await createAgent(algo, {
          ...base,
          backend,
          implementation,
          seed: 4,
          population: 2,
          ...extra,
        });
        const infos = [];
        for (let k = 0; k < K; k++) infos.push(await agent.update(randomBatch(2, 20 + k)));
        const state = await savedState(agent);
        const implementationUsed = agent.implementation;
        agent.dispose();
        return { infos, state, implementationUsed };
      };
      const ref = await run("cpu", "reference");
      const dev = await run("webgpu", "auto");
      await useBackend("cpu");
      assertEquals(dev.implementationUsed, "fused-webgpu");
      for (let k = 0; k < K; k++) {
        assertEquals(dev.infos[k].actorUpdated, ref.infos[k].actorUpdated);
        for (const key of INFO_KEYS) {
          for (let p = 0; p < 2; p++) {
            const x = ref.infos[k][key][p], y = dev.infos[k][key][p];
            if (Number.isNaN(x) && Number.isNaN(y)) continue;
            const err = Math.abs(x - y) / Math.max(Math.abs(x), Math.abs(y), 1e-6);
            assert(
              err <= INFO_BOUND,
              `update ${k} member ${p}: ${key} reference ${x}, webgpu ${y}`,
            );
          }
        }
      }
      assertStatesClose(ref.state, dev.state, STATE_BOUND);
    },
  });
}

Deno.test({
  name:
    "fused webgpu blocks: updateBlock from a replay buffer (mirror refilled incrementally, ring wrapped) equals the fused CPU path's blocks, and block sums equal summed updates",
  ignore: !gpu,
  async fn() {
    const P = 3, capacity = 150;
    const run = async (backend: "cpu" | "webgpu") => {
      const agent = await createAgent("fstd3", {
        ...base,
        backend,
        seed: 6,
        population: P,
        k1k2: "per-sample",
      });
      const replay = new ReplayBuffer(P, capacity, O, A);
      const data = new Rng(77), rngs = Array.from({ length: P }, (_, p) => new Rng(500 + p));
      const blocks = [];
      for (let round = 0; round < 4; round++) {
        // 70 steps between blocks: the ring (150) wraps during the third round
        for (let step = 0; step < 70; step++) {
          const f = (n: number) => Float32Array.from({ length: n }, () => data.normal());
          replay.add(f(P * O), f(P * A), f(P), f(P * O), Float32Array.from({ length: P }, () => 0));
        }
        blocks.push(await agent.updateBlock(replay, rngs, 4, 32));
      }
      const state = await savedState(agent);
      agent.dispose();
      return { blocks, state };
    };
    const cpu = await run("cpu");
    const dev = await run("webgpu");
    await useBackend("cpu");
    for (let i = 0; i < cpu.blocks.length; i++) {
      const a = cpu.blocks[i], b = dev.blocks[i];
      assertEquals([b.updates, b.actorUpdates], [a.updates, a.actorUpdates]);
      assertEquals([a.updates, a.actorUpdates], [4, 2]); // TD3's policy delay 2
      for (const key of INFO_KEYS) {
        const err = relativeError(a[key], b[key]);
        assert(err <= INFO_BOUND, `block ${i}: ${key} cpu ${a[key]}, webgpu ${b[key]}`);
      }
    }
    assertStatesClose(cpu.state, dev.state, STATE_BOUND);
  },
});

Deno.test({
  name:
    "fused webgpu: weights set on the host reach the GPU, and a saved GPU agent resumes on the CPU path with the same updates",
  ignore: !gpu,
  async fn() {
    const dev = await createAgent("fsddpg", { ...base, backend: "webgpu", seed: 8 });
    await dev.update(randomBatch(1, 1));
    // replace the weights: the next GPU update must start from them (targets reset to copies)
    const donor = await createAgent("fsddpg", { ...base, backend: "webgpu", seed: 99 });
    dev.setWeights(donor.getWeights());
    // saving right after must keep the new weights (the GPU's moments come down, not its weights)
    assertEquals(
      (await savedState(dev)).get("actor/0/kernel"),
      donor.getWeights()[0].values,
    );
    donor.dispose();
    await dev.update(randomBatch(1, 2));
    const dir = await Deno.makeTempDir();
    await dev.save(`${dir}/a`);
    await dev.update(randomBatch(1, 3));
    const devState = await savedState(dev);
    dev.dispose();

    await useBackend("cpu");
    const { loadAgent } = await import("../mod.ts");
    const cpu = await loadAgent(`${dir}/a`, { backend: "cpu" });
    assertEquals(cpu.implementation, "fused");
    await cpu.update(randomBatch(1, 3));
    const cpuState = await savedState(cpu);
    cpu.dispose();
    await Deno.remove(dir, { recursive: true });
    assertStatesClose(cpuState, devState, STATE_BOUND);

    // the same sequence from the start on the CPU path: setWeights then one update
    const ref = await createAgent("fsddpg", { ...base, backend: "cpu", seed: 8 });
    await ref.update(randomBatch(1, 1));
    const donor2 = await createAgent("fsddpg", { ...base, backend: "cpu", seed: 99 });
    ref.setWeights(donor2.getWeights());
    donor2.dispose();
    await ref.update(randomBatch(1, 2));
    await ref.update(randomBatch(1, 3));
    assertStatesClose(await savedState(ref), devState, STATE_BOUND);
    ref.dispose();
  },
});

Deno.test("fused webgpu covers DDPG, TD3, TTSU, FS blocks up to o = 16 and the listing's CG; others stay on the host", () => {
  const settings = (algo: string, extra: Record<string, unknown>) => ({
    traits: traits(algo as never),
    population: 1,
    observationSize: O,
    actionSize: A,
    hidden: [16, 16],
    actionLow: [-1],
    actionHigh: [1],
    lrActor: 1e-3,
    lrCritic: 1e-3,
    polyak: 0.005,
    gamma: 0.99,
    epsilon: 1e-5,
    cgIterations: 5,
    degree: 1,
    k1k2: "listing" as "listing" | "per-sample",
    targetNoise: 0.2,
    targetNoiseClip: 0.5,
    ...extra,
  });
  for (const [algo, extra] of CASES) assert(gpuSupports(settings(algo, extra)), algo);
  assert(gpuSupports(settings("fsddpg", { degree: 16 })), "o = 16 on the GPU");
  assert(!gpuSupports(settings("fsddpg", { degree: 17 })), "o = 17 runs on the host");
  assert(!gpuSupports(settings("fsddpg-cg", { k1k2: "per-sample" })), "per-sample CG on the host");
  assert(!gpuSupports(settings("sddpg-cg", {})), "SD* on the reference path");
});
