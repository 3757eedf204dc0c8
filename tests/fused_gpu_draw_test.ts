// Minibatch indices drawn on the GPU (lib/fused/wgsl_draw.ts) against the members' generators on
// the CPU (lib/rng.ts `Rng.integer`, as `ReplayBuffer.sample` draws). The GPU tests run on
// whatever adapter the runtime has (here Mesa's llvmpipe) and are skipped where there is none.
import { createAgent, Rng } from "../mod.ts";
import { useBackend, webgpuAvailable } from "../lib/backend.ts";
import { ReplayBuffer } from "../lib/replay.ts";
import { openGpuDevice } from "../lib/fused/gpu.ts";
import { GPU_DRAW_MAX, IndexDraw, mulhi32 } from "../lib/fused/wgsl_draw.ts";
import { assert, assertEquals, assertThrowsMatching } from "./assert.ts";

const gpu = await webgpuAvailable();
if (!gpu) {
  console.log("fused webgpu draw tests skipped: this runtime has no WebGPU adapter");
}

Deno.test("mulhi32 is the high word of the 64-bit product, and Rng.integer(n) for n ≤ 2^21", () => {
  const high = (u: number, v: number) => Number((BigInt(u) * BigInt(v)) >> 32n);
  const edges = [0, 1, 2, 0xffff, 0x10000, 0x10001, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff];
  for (const u of edges) {
    for (const v of edges) assertEquals(mulhi32(u, v), high(u, v), `${u}·${v}`);
  }
  const rng = new Rng(3);
  for (let i = 0; i < 20_000; i++) {
    const u = rng.nextUint32(), v = rng.nextUint32();
    assertEquals(mulhi32(u, v), high(u, v), `${u}·${v}`);
  }
  // Rng.integer's float64 floor(u / 2^32 · n), including u = 2^32 − 1 and n = 2^21
  const a = new Rng(9), b = new Rng(9);
  for (const n of [1, 2, 3, 1000, 65_537, 999_983, GPU_DRAW_MAX]) {
    for (let i = 0; i < 5_000; i++) {
      assertEquals(mulhi32(a.nextUint32(), n), b.integer(n), `n ${n}`);
    }
    assertEquals(mulhi32(0xffffffff, n), Math.floor((0xffffffff / 2 ** 32) * n), `n ${n}, top u`);
  }
});

/** Reads `bytes` of `buffer` back through a mapped copy. */
async function readBack(device: GPUDevice, buffer: GPUBuffer, bytes: number): Promise<Uint32Array> {
  const read = device.createBuffer({
    size: bytes,
    usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
  });
  const encoder = device.createCommandEncoder();
  encoder.copyBufferToBuffer(buffer, 0, read, 0, bytes);
  device.queue.submit([encoder.finish()]);
  await read.mapAsync(GPUMapMode.READ);
  const out = new Uint32Array(read.getMappedRange().slice(0));
  read.unmap();
  read.destroy();
  return out;
}

Deno.test({
  name:
    "fused webgpu index draw: each member's K·B indices at (k·P + p)·B + b equal Rng.integer's for replay sizes 1 to 2^21 (999,983 too), and the final words equal the CPU generator's; sizes above 2^21 are refused",
  ignore: !gpu,
  async fn() {
    // 70 members: two workgroups of 64, the second one partly idle
    const P = 70, K = 3, B = 5;
    const device = await openGpuDevice();
    const draw = await IndexDraw.create(device, P);
    const indices = device.createBuffer({
      size: 4 * K * P * B,
      usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC,
    });
    const words = device.createBuffer({
      size: draw.wordBytes,
      usage: GPUBufferUsage.COPY_DST | GPUBufferUsage.COPY_SRC,
    });
    try {
      for (const n of [1, 2, 7, 1000, 65_537, 999_983, GPU_DRAW_MAX]) {
        const gpuRngs = Array.from({ length: P }, (_, p) => new Rng(1000 * n + p));
        const cpuRngs = Array.from({ length: P }, (_, p) => new Rng(1000 * n + p));
        const encoder = device.createCommandEncoder();
        const pass = encoder.beginComputePass();
        draw.encode(pass, indices, gpuRngs, n, K, B);
        pass.end();
        draw.copyWords(encoder, words, 0);
        device.queue.submit([encoder.finish()]);
        const got = await readBack(device, indices, 4 * K * P * B);
        const want = new Uint32Array(K * P * B);
        for (let k = 0; k < K; k++) {
          for (let p = 0; p < P; p++) {
            for (let b = 0; b < B; b++) want[(k * P + p) * B + b] = cpuRngs[p].integer(n);
          }
        }
        assertEquals(Array.from(got), Array.from(want), `replay size ${n}`);
        if (n > 2) assert(new Set(got).size > 1, `replay size ${n}: draws vary`);
        const final = await readBack(device, words, draw.wordBytes);
        for (let p = 0; p < P; p++) {
          assertEquals(Array.from(final.subarray(4 * p, 4 * p + 4)), cpuRngs[p].state.words);
        }
      }
      const encoder = device.createCommandEncoder();
      const pass = encoder.beginComputePass();
      const rngs = Array.from({ length: P }, (_, p) => new Rng(p));
      assertThrowsMatching(
        () => draw.encode(pass, indices, rngs, GPU_DRAW_MAX + 1, K, B),
        /1 ≤ replay size ≤ 2\^21, got 2097153$/,
      );
      pass.end();
    } finally {
      draw.destroy();
      indices.destroy();
      words.destroy();
      device.destroy();
    }
  },
});

Deno.test({
  name:
    "fused webgpu blocks leave every member's replay generator where the fused CPU path's blocks leave it (words and normal spare), and the next draws agree",
  ignore: !gpu,
  async fn() {
    const P = 3, O = 5, A = 2, capacity = 40;
    const run = async (backend: "cpu" | "webgpu") => {
      const agent = await createAgent("ddpg", {
        observationSize: O,
        actionSize: A,
        hidden: [8],
        backend,
        seed: 2,
        population: P,
      });
      const replay = new ReplayBuffer(P, capacity, O, A);
      const data = new Rng(5), rngs = Array.from({ length: P }, (_, p) => new Rng(70 + p));
      rngs[1].normal(); // a spare normal the integer draws must leave alone
      const f = (n: number) => Float32Array.from({ length: n }, () => data.normal());
      for (let round = 0; round < 3; round++) {
        // 30 transitions a round: the replay grows 30, 40 (full) and stays at 40
        for (let step = 0; step < 30; step++) {
          replay.add(f(P * O), f(P * A), f(P), f(P * O), new Float32Array(P));
        }
        await agent.updateBlock(replay, rngs, 3, 7);
      }
      agent.dispose();
      const states = rngs.map((r) => r.state);
      const next = rngs.map((r) => Array.from({ length: 5 }, () => r.integer(capacity)));
      return { states, next };
    };
    const cpu = await run("cpu");
    const dev = await run("webgpu");
    await useBackend("cpu");
    assertEquals(dev.states, cpu.states);
    assert(cpu.states[1].spare !== null, "member 1 keeps its spare normal");
    assertEquals(dev.next, cpu.next);
    // the generators did move: not the seeds' words
    assert(cpu.states[0].words.join() !== new Rng(70).state.words.join(), "generators stepped");
  },
});
