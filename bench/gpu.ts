/**
 * Update blocks (Spinning Up's `update_every` = 50 updates, minibatches of 100 drawn from a
 * replay buffer) on the fused WebGPU path against the fused CPU path (wasm backend; one thread,
 * and the population split over every core), and PyTorch's DDPG update where this machine has
 * torch: wall ms per update and per agent-update, medians of blocks timed round-robin in one run.
 * HalfCheetah sizes (obs 17, act 6). On a software adapter (Mesa's llvmpipe) the "GPU" is
 * the CPU, so the WebGPU figures there say what the path costs, not what a GPU gives.
 *
 * Run: `deno task bench --only gpu` (`--full` adds hidden 64 and 256). On a machine with a GPU,
 * `deno run -A bench/gpu.ts --gpu-only --populations=256,1024,4096` times the populations a GPU
 * is for, against PyTorch on CUDA where torch sees one (without `--gpu-only` the CPU paths too;
 * `--single-thread-max=256` spares the one-thread cells above that). Rows print as they are
 * measured and progress lines (how long each cell took to make and to time) go to stderr, so a
 * run cut short still says what it measured and where it stopped. A cell that fails (a binding
 * limit of the adapter, say) prints its row with the reason and the bench goes on.
 * @module
 */
import { type Agent, createAgent, Rng } from "../mod.ts";
import { ReplayBuffer } from "../lib/replay.ts";
import { webgpuAvailable } from "../lib/backend.ts";
import { packStates, restoreStates } from "../lib/fused/wgsl_draw.ts";
import { torchCuda, torchPython, torchTiming } from "./torch.ts";

const OBS = 17, ACT = 6, BATCH = 100, BLOCK = 50;
/** Transitions per member in the replay buffer the minibatches are drawn from. */
const REPLAY = 1000;
/** Standard normals the replay rows are cut from (a prime, so windows rarely repeat). */
const POOL = 1_000_003;

let poolCache: Float32Array | undefined;
function normalPool(): Float32Array {
  if (!poolCache) {
    const data = new Rng(1);
    poolCache = Float32Array.from({ length: POOL }, () => data.normal());
  }
  return poolCache;
}

/**
 * Milliseconds per update that the CPU's part of drawing the minibatch indices takes at
 * population P, median of three blocks; part of the WebGPU column's time. The GPU draws the
 * indices (lib/fused/wgsl_draw.ts), so the CPU only packs each member's generator words before
 * a block and sets them after it.
 */
function indexDrawMs(P: number): number {
  const rngs = Array.from({ length: P }, (_, p) => new Rng(100 + p));
  const words = new Uint32Array(4 * P), samples: number[] = [];
  for (let round = -1; round < 3; round++) {
    const t0 = performance.now();
    packStates(rngs, words);
    restoreStates(rngs, words);
    if (round >= 0) samples.push((performance.now() - t0) / BLOCK);
  }
  return median(samples);
}

const ROWS: [string, Record<string, unknown>, string][] = [
  ["ddpg", {}, "ddpg"],
  ["td3", {}, "td3"],
  ["fsddpg", {}, "fsddpg (listing)"],
  ["fsddpg", { k1k2: "per-sample" }, "fsddpg (per-sample, o = 1)"],
  ["fsddpg-cg", {}, "fsddpg-cg (listing)"],
  ["fstd3", { k1k2: "per-sample" }, "fstd3 (per-sample)"],
];

interface Cell {
  agent: Agent;
  replay: ReplayBuffer;
  rngs: Rng[];
  samples: number[];
}

async function cell(
  algo: string,
  extra: Record<string, unknown>,
  P: number,
  hidden: number,
  backend: "wasm" | "cpu" | "webgpu",
  threads: number,
): Promise<Cell> {
  const agent = await createAgent(algo, {
    observationSize: OBS,
    actionSize: ACT,
    population: P,
    hidden: [hidden, hidden],
    backend,
    seed: 0,
    threads,
    ...extra,
  });
  const replay = new ReplayBuffer(P, REPLAY, OBS, ACT);
  // rows are windows of one pool of normals: drawing 1000 × P × 42 fresh ones took about 25 s
  // per cell at P = 4096, and the update's time does not depend on the values
  const pool = normalPool();
  let at = 0;
  const f = (n: number) => {
    at = (at + 7919) % (pool.length - n);
    return pool.subarray(at, at + n);
  };
  for (let i = 0; i < REPLAY; i++) {
    replay.add(f(P * OBS), f(P * ACT), f(P), f(P * OBS), new Float32Array(P));
  }
  const rngs = Array.from({ length: P }, (_, p) => new Rng(100 + p));
  return { agent, replay, rngs, samples: [] };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const seconds = (from: number, to = performance.now()) => `${((to - from) / 1000).toFixed(1)} s`;

/** PyTorch's timing, or null (said through `onProgress`) where its script fails. */
async function torchOrNull(
  P: number,
  hidden: number,
  options: Parameters<typeof torchTiming>[2],
  onProgress: (line: string) => void,
): Promise<Awaited<ReturnType<typeof torchTiming>>> {
  try {
    return await torchTiming(P, hidden, options);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    onProgress(`P = ${P}: PyTorch ${JSON.stringify(options)} failed: ${message.slice(-300)}`);
    return null;
  }
}

/** The table as text. */
export async function benchGpu(
  {
    populations = [1, 16, 256],
    widths = [16],
    rounds = 5,
    singleThreadMax = Infinity,
    hostBackend = "wasm" as "wasm" | "cpu",
    gpuOnly = false,
    onRow = (_row: string) => {},
    onProgress = (_line: string) => {},
  } = {},
): Promise<string> {
  const gpu = await webgpuAvailable();
  const adapter = gpu ? await navigator.gpu.requestAdapter() : null;
  const name = adapter
    ? `${adapter.info.description || adapter.info.vendor}${
      adapter.info.isFallbackAdapter ? " (software adapter)" : ""
    }`
    : "none";
  const cores = navigator.hardwareConcurrency;
  const torch = await torchPython();
  const cuda = await torchCuda();
  const lines: string[] = [];
  const emit = (line: string) => {
    lines.push(line);
    onRow(line);
  };
  [
    `update blocks of ${BLOCK} (batch ${BATCH} from a replay buffer), obs ${OBS}, act ${ACT}; median wall ms per update (per agent-update); WebGPU adapter: ${name}; ${cores} cores; PyTorch: ${
      torch
        ? `${torch}, DDPG, 1 thread and ${cores}${cuda ? ", and CUDA" : ""}`
        : "not available (no python3 importing torch)"
    }`,
    "",
    "| algorithm | hidden | P | fused webgpu ms | per agent | fused wasm 1 thread ms | per agent | fused wasm " +
    `${cores} threads ms | per agent | webgpu / wasm 1 thread | PyTorch 1 thread per agent | PyTorch ${cores} threads per agent | wasm 1 thread / PyTorch 1 thread | wasm ${cores} threads / PyTorch ${cores} threads | PyTorch CUDA per agent | webgpu / PyTorch CUDA | webgpu: CPU index draw ms |`,
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  ].forEach(emit);
  for (const hidden of widths) {
    for (const P of populations) {
      const t0 = performance.now();
      const torch1 = gpuOnly ? null : await torchOrNull(P, hidden, { threads: 1 }, onProgress);
      const torchN = gpuOnly ? null : await torchOrNull(P, hidden, { threads: cores }, onProgress);
      const torchCudaTiming = cuda
        ? await torchOrNull(P, hidden, { device: "cuda" }, onProgress)
        : null;
      onProgress(`P = ${P}, hidden ${hidden}: PyTorch timed in ${seconds(t0)}`);
      // a software adapter runs the kernel on the CPU: large cells there take minutes and
      // say nothing about a GPU
      const software = adapter?.info.isFallbackAdapter ?? false;
      const gpuHere = gpu && !(software && (P > 16 || hidden > 16));
      const drawMs = gpuHere ? indexDrawMs(P) : NaN;
      for (const [algo, extra, label] of ROWS) {
        // P = 256 and wide nets: the cheapest and the paper's main rows only
        if ((P > 16 || hidden > 16) && !["ddpg", "fsddpg (listing)"].includes(label)) continue;
        const made = performance.now();
        const cells: (Cell | null)[] = [];
        let ms = [NaN, NaN, NaN], failed = "";
        try {
          cells.push(gpuHere ? await cell(algo, extra, P, hidden, "webgpu", 1) : null);
          cells.push(
            !gpuOnly && P <= singleThreadMax
              ? await cell(algo, extra, P, hidden, hostBackend, 1)
              : null,
          );
          cells.push(
            !gpuOnly && P > 1 ? await cell(algo, extra, P, hidden, hostBackend, cores) : null,
          );
          const timed = performance.now();
          // the GPU cell alone (a software adapter runs on every core), then the CPU cells
          // round-robin, so that load from other processes falls on both alike
          for (const phase of [cells.slice(0, 1), cells.slice(1)]) {
            for (let round = -1; round < rounds; round++) {
              for (const c of phase) {
                if (!c) continue;
                const t0 = performance.now();
                await c.agent.updateBlock(c.replay, c.rngs, BLOCK, BATCH);
                if (round >= 0) c.samples.push((performance.now() - t0) / BLOCK);
              }
            }
          }
          ms = cells.map((c) => (c ? median(c.samples) : NaN));
          onProgress(
            `P = ${P}, ${label}: cells made in ${seconds(made, timed)}, ${
              rounds + 1
            } blocks each in ${seconds(timed)}`,
          );
        } catch (error) {
          // one cell the adapter cannot hold (a binding limit, say) must not hide the rest
          failed = (error instanceof Error ? error.message : String(error)).split("\n")[0];
          onProgress(`P = ${P}, ${label}: failed after ${seconds(made)}: ${failed}`);
        } finally {
          cells.forEach((c) => c?.agent.dispose());
        }
        const fmt = (x: number, digits = 3) => (Number.isNaN(x) ? "–" : x.toFixed(digits));
        const isDdpg = algo === "ddpg";
        emit(
          `| ${label} | ${hidden} | ${P} | ${fmt(ms[0])} | ${fmt(ms[0] / P, 4)} | ${fmt(ms[1])} | ${
            fmt(ms[1] / P, 4)
          } | ${fmt(ms[2])} | ${fmt(ms[2] / P, 4)} | ${
            Number.isNaN(ms[0] / ms[1]) ? "–" : `${(ms[0] / ms[1]).toFixed(2)}×`
          } | ${isDdpg && torch1 ? torch1.perAgentMs.toFixed(4) : "–"} | ${
            isDdpg && torchN ? torchN.perAgentMs.toFixed(4) : "–"
          } | ${
            isDdpg && torch1 && !Number.isNaN(ms[1])
              ? `${(ms[1] / P / torch1.perAgentMs).toFixed(2)}×`
              : "–"
          } | ${
            isDdpg && torchN && P > 1 ? `${(ms[2] / P / torchN.perAgentMs).toFixed(2)}×` : "–"
          } | ${isDdpg && torchCudaTiming ? torchCudaTiming.perAgentMs.toFixed(5) : "–"} | ${
            isDdpg && torchCudaTiming && !Number.isNaN(ms[0])
              ? `${(ms[0] / P / torchCudaTiming.perAgentMs).toFixed(2)}×`
              : "–"
          } | ${Number.isNaN(ms[0]) ? "–" : fmt(drawMs)} |${failed ? ` failed: ${failed}` : ""}`,
        );
      }
    }
  }
  [
    "",
    "fused webgpu: lib/fused/wgsl.ts, one dispatch per update, one workgroup per member, one readback per block (–: no adapter, or a software adapter at P > 16 or hidden > 16); fused wasm: lib/fused/updater.ts (SIMD kernels), `threads` splits the population over workers.",
    `CPU index draw: of the webgpu column's time, what the CPU's part of drawing the minibatch indices takes (the GPU draws them with each member's generator, ${BATCH} draws per update, lib/fused/wgsl_draw.ts; the CPU packs the generators' words before a block and sets them after). Replay: ${REPLAY} transitions per member, cut from one pool of ${POOL} standard normals.`,
  ].forEach(emit);
  return lines.join("\n");
}

if (import.meta.main) {
  const full = Deno.args.includes("--full");
  const list = (flag: string) =>
    Deno.args.find((a) => a.startsWith(`--${flag}=`))?.split("=")[1].split(",").map(Number);
  // rows print as they are measured, so a run cut short still says what it measured
  await benchGpu({
    widths: full ? [16, 64, 256] : [16],
    populations: list("populations"),
    singleThreadMax: list("single-thread-max")?.[0],
    // the fused host path never calls tfjs: "cpu" spares a bundled copy its WebAssembly files
    hostBackend: Deno.args.includes("--host-backend=cpu") ? "cpu" : "wasm",
    gpuOnly: Deno.args.includes("--gpu-only"),
    onRow: (row) => console.log(row),
    onProgress: (line) => console.error(line),
  });
}
