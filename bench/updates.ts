/**
 * Per-update cost of every algorithm (critic step + actor step + target update), HalfCheetah
 * sizes (obs 17, act 6), hidden 16×16, batch 100. First the fused host path against the tfjs
 * reference (wasm backend, P = 1, 16 and 256), then the reference path of every algorithm at
 * P = 1 and P = 16 on the wasm and cpu backends. Medians; ratios to ddpg measured in the same run.
 * @module
 */
import process from "node:process";
import { type AgentOptions, ALGORITHMS, type Batch, createAgent, Rng } from "../mod.ts";
import { type Precision, simdFma, simdKernels, useSimd } from "../lib/fused/simd.ts";
import { type Algorithm, DEFAULTS, updatesPerBlock } from "../lib/config.ts";
import { torchPython, torchServer, type TorchTiming, torchTiming } from "./torch.ts";

const OBS = 17, ACT = 6, BATCH = 100;
/** Algorithms whose update needs n_w Hessian-vector products (as the paper reports). */
const DENSE_HESSIAN = new Set(["sddpg", "sddpg-bd", "std3"]);

function batchFor(P: number, rng: Rng): Batch {
  const fill = (n: number, f: () => number) => Float32Array.from({ length: n }, f);
  return {
    observations: fill(P * BATCH * OBS, () => rng.normal()),
    actions: fill(P * BATCH * ACT, () => 2 * rng.uniform() - 1),
    rewards: fill(P * BATCH, () => rng.normal()),
    nextObservations: fill(P * BATCH * OBS, () => rng.normal()),
    dones: fill(P * BATCH, () => 0),
  };
}

/** An agent of the benchmarked shape (HalfCheetah's obs 17 and act 6), seed and backend given. */
function benchAgent(algo: string, options: Omit<AgentOptions, "observationSize" | "actionSize">) {
  return createAgent(algo, { observationSize: OBS, actionSize: ACT, ...options });
}

/** Median ms per update of `algo`, timing until `budgetMs` is spent (at least `minReps`). */
async function time(
  algo: string,
  backend: "wasm" | "cpu",
  P: number,
  budgetMs: number,
  minReps: number,
  implementation: "reference" | "fused" = "reference",
  extra: Record<string, unknown> = {},
  warmup = DENSE_HESSIAN.has(algo) ? 0 : 10,
) {
  const agent = await benchAgent(algo, {
    population: P,
    backend,
    seed: 0,
    implementation,
    ...extra,
  });
  const batches = Array.from({ length: 4 }, (_, i) => batchFor(P, new Rng(i)));
  for (let i = 0; i < warmup; i++) await agent.update(batches[i % 4]);
  const samples: number[] = [];
  const start = performance.now();
  // an even count so that delayed actors (td3, ttsu) are sampled fairly
  while (
    samples.length < minReps || (performance.now() - start < budgetMs && samples.length < 200)
  ) {
    const t0 = performance.now();
    await agent.update(batches[samples.length % 4]);
    samples.push(performance.now() - t0);
  }
  agent.dispose();
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], reps: samples.length };
}

/** Rows of the fused-vs-reference table: algorithm, options, label. */
const FUSED_ROWS: [string, Record<string, unknown>, string][] = [
  ["ddpg", {}, "ddpg"],
  ["td3", {}, "td3"],
  ["ddpg-ttsu", {}, "ddpg-ttsu"],
  ["fsddpg", {}, "fsddpg (listing, o = 1)"],
  ["fsddpg", { k1k2: "per-sample" }, "fsddpg (per-sample, o = 1)"],
  ["fsddpg", { k1k2: "per-sample", degree: 3 }, "fsddpg (per-sample, o = 3)"],
  ["fsddpg-cg", {}, "fsddpg-cg (listing)"],
  ["fsddpg-cg", { k1k2: "per-sample" }, "fsddpg-cg (per-sample)"],
  ["fstd3", {}, "fstd3 (listing)"],
  ["fstd3", { k1k2: "per-sample" }, "fstd3 (per-sample)"],
  ["fstd3-cg", { k1k2: "per-sample" }, "fstd3-cg (per-sample)"],
  ["sddpg-cg", {}, "sddpg-cg (closed-form HVPs)"],
  ["std3-cg", {}, "std3-cg (closed-form HVPs)"],
];

/** This process's CPU time in ms (user + system): robust to other load on a shared machine. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * The fused host path against the tfjs reference on the wasm backend: median ms per update,
 * per agent-update, ratio to ddpg on the same path, speed-up of fused over reference. Every
 * cell of one population size is timed round-robin (one group of updates per agent per round),
 * so that load from other processes falls on all cells alike; times are process CPU time.
 */
export async function benchFused(
  { rounds = 7, populations = [1, 16, 256] } = {},
): Promise<string> {
  const simd = simdKernels() !== null;
  const lines = [
    `fused vs reference (wasm backend), obs ${OBS}, act ${ACT}, hidden 16×16, batch ${BATCH}; median process CPU ms per update (per agent-update; ratio to ddpg on the same path), cells of one implementation timed round-robin, one run`,
    "",
    "| algorithm | P | reference ms | per agent | ratio | fused, TS kernels ms | per agent | ratio | fused, SIMD kernels ms | per agent | ratio | speed-up over reference (TS, SIMD) | updates per env step | fused ms per env step (ratio) |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  // the three implementations timed: reference, fused with TypeScript kernels, fused with SIMD
  const PHASES = ["reference", "fused-ts", "fused-simd"] as const;
  for (const P of populations) {
    // P = 256 only for ddpg and fsddpg (the reference takes ~0.2–0.4 s per update there)
    const rows = P > 16
      ? FUSED_ROWS.filter(([a, e]) => a === "ddpg" || (a === "fsddpg" && e.degree === undefined))
      : FUSED_ROWS;
    // one phase per implementation, so that the reference's tfjs garbage (collected by V8's
    // background threads, which count as process CPU time) does not land on fused cells
    const medians = PHASES.map(() => new Array<number>(rows.length).fill(NaN));
    for (const [phase, name] of PHASES.entries()) {
      if (name === "fused-simd" && !simd) continue;
      const old = useSimd(name === "fused-simd");
      const implementation = name === "reference" ? "reference" : "fused";
      const cells = [];
      for (const [algo, extra] of rows) {
        const agent = await benchAgent(algo, {
          population: P,
          backend: "wasm",
          seed: 0,
          implementation,
          ...extra,
        });
        // whole schedules: TD3's delay (2), DDPG-TTSU's 10 critic steps per actor step
        const group = implementation === "fused"
          ? (P === 1 ? 50 : P <= 16 ? 10 : 2)
          : algo === "ddpg-ttsu"
          ? 10
          : 2;
        cells.push({ agent, group, samples: [] as number[] });
      }
      const batches = Array.from({ length: 4 }, (_, i) => batchFor(P, new Rng(i)));
      const phaseRounds = implementation === "fused" ? 2 * rounds : rounds;
      for (let round = -2; round < phaseRounds; round++) {
        for (const cell of cells) {
          const t0 = cpuMs();
          for (let g = 0; g < cell.group; g++) await cell.agent.update(batches[g % 4]);
          if (round >= 0) cell.samples.push((cpuMs() - t0) / cell.group); // two rounds warm up
        }
      }
      cells.forEach((c, r) => {
        c.agent.dispose();
        const sorted = [...c.samples].sort((a, b) => a - b);
        medians[phase][r] = sorted[Math.floor(sorted.length / 2)];
      });
      useSimd(old);
    }
    // per environment step of training: DDPG-TTSU pays criticSteps updates per step, the
    // others one (lib/config.ts updatesPerBlock), on the fastest fused kernels here
    const perStep = (algo: string) =>
      updatesPerBlock({
        algo: algo as Algorithm,
        updateEvery: 1,
        criticSteps: DEFAULTS.criticSteps,
      });
    const fusedMs = medians[simd ? 2 : 1];
    rows.forEach(([algo, , label], r) => {
      const out: string[] = [];
      for (const m of medians) {
        out.push(m[r].toFixed(3), (m[r] / P).toFixed(4), `${(m[r] / m[0]).toFixed(2)}×`);
      }
      const ref = medians[0][r];
      out.push(
        `${(ref / medians[1][r]).toFixed(1)}×, ${
          simd ? `${(ref / medians[2][r]).toFixed(1)}×` : "no SIMD here"
        }`,
      );
      const k = perStep(algo), step = k * fusedMs[r];
      out.push(
        `${k}`,
        `${step.toFixed(3)} (${(step / (perStep(rows[0][0]) * fusedMs[0])).toFixed(2)}×)`,
      );
      lines.push(`| ${label} | ${P} | ${out.join(" | ")} |`);
    });
  }
  lines.push(
    "",
    "fused: lib/fused/ (Float32Array state, float64 workspaces, no tfjs), with its batched products in plain TypeScript or in WebAssembly SIMD (f64x2, lib/fused/simd.wat); reference: op-by-op tfjs (lib/agent.ts).",
    `per env step: the updates one environment step of training pays for (Spinning Up's schedule, lib/config.ts updatesPerBlock), ${DEFAULTS.criticSteps} for ddpg-ttsu (critic updates per actor update, §6.2), 1 for the others, times the fused ms per update (SIMD kernels where present); ratio to ddpg's.`,
  );
  return lines.join("\n");
}

/**
 * The fused path (SIMD kernels where present) on one thread and split across a worker: wall
 * ms per update, cells timed round-robin. Wall time, since process CPU time counts both threads.
 */
export async function benchThreads(
  { rounds = 7, populations = [16, 256], threads = [1, 2] } = {},
): Promise<string> {
  const torch = await torchPython();
  const lines = [
    `fused path on 1 and 2 threads (population split across a worker), obs ${OBS}, act ${ACT}, hidden 16×16, batch ${BATCH}; median wall ms per update (per agent-update); ${navigator.hardwareConcurrency} cores here; PyTorch's DDPG update of the same shape on as many threads, same fixed batch: ${
      torch ?? "not available (no python3 importing torch)"
    }`,
    "",
    `| algorithm | P | ${
      threads.map((t) =>
        `${t} thread${t > 1 ? "s" : ""} ms | per agent | PyTorch per agent | ratio`
      )
        .join(" | ")
    } | speed-up |`,
    `| --- | --- | ${threads.map(() => "--- | --- | --- | ---").join(" | ")} | --- |`,
  ];
  const rows = FUSED_ROWS.filter(([a, e]) =>
    a === "ddpg" || (a === "fsddpg" && e.k1k2 === "per-sample" && e.degree === undefined)
  );
  for (const P of populations) {
    const cells = [];
    for (const [algo, extra, label] of rows) {
      for (const t of threads) {
        const agent = await benchAgent(algo, {
          population: P,
          backend: "wasm",
          seed: 0,
          implementation: "fused",
          threads: t,
          ...extra,
        });
        cells.push({ agent, label, samples: [] as number[] });
      }
    }
    const batches = Array.from({ length: 4 }, (_, i) => batchFor(P, new Rng(i)));
    const group = P <= 16 ? 20 : 2;
    for (let round = -3; round < rounds; round++) {
      for (const cell of cells) {
        const t0 = performance.now();
        for (let g = 0; g < group; g++) await cell.agent.update(batches[g % 4]);
        if (round >= 0) cell.samples.push((performance.now() - t0) / group);
      }
    }
    const medians = cells.map((c) => {
      c.agent.dispose();
      const sorted = [...c.samples].sort((a, b) => a - b);
      return sorted[Math.floor(sorted.length / 2)];
    });
    // PyTorch after our cells (a separate process; never concurrently with ours)
    const torchMs: (TorchTiming | null)[] = [];
    for (const t of threads) torchMs.push(torch ? await torchTiming(P, 16, { threads: t }) : null);
    rows.forEach(([algo, , label], r) => {
      const ms = threads.map((_, k) => medians[r * threads.length + k]);
      lines.push(
        `| ${label} | ${P} | ${
          ms.map((m, k) => {
            const pt = algo === "ddpg" ? torchMs[k] : null;
            return `${m.toFixed(3)} | ${(m / P).toFixed(4)} | ${
              pt ? pt.perAgentMs.toFixed(4) : "–"
            } | ${pt ? `${(m / P / pt.perAgentMs).toFixed(2)}×` : "–"}`;
          }).join(" | ")
        } | ${(ms[0] / ms[ms.length - 1]).toFixed(2)}× |`,
      );
    });
  }
  return lines.join("\n");
}

/**
 * The fused path's two precisions (lib/fused/simd.ts `Precision`) side by side in one process:
 * `f64` and `mixed` agents of each row timed alternately (one group of updates each per round),
 * median process CPU ms per update, and PyTorch's bmm-batched DDPG update per agent at the same P
 * where python3 imports torch (one thread, a process of its own timed in the same rounds as ours,
 * alternating; its process CPU time compared, its wall time shown).
 */
export async function benchPrecision(
  { rounds = 15, populations = [1, 256] } = {},
): Promise<string> {
  const PRECISIONS: Precision[] = ["f64", "mixed"];
  const torch = await torchPython();
  const lines = [
    `fused path, float64 vs mixed precision (float32 passes where conditioning allows; rows32 with ${
      simdFma() ? "relaxed-SIMD fused multiply-add" : "multiply then add"
    } here), obs ${OBS}, act ${ACT}, hidden 16×16, batch ${BATCH}; median process CPU ms per update, the two timed alternately in one process; PyTorch: ${
      torch ?? "not available (no python3 importing torch)"
    }`,
    "",
    "| algorithm | P | f64 ms | per agent | mixed ms | per agent | mixed / f64 | PyTorch per agent | mixed / PyTorch | PyTorch wall per agent |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  if (simdKernels() === null) {
    return `${lines[0]}

skipped: no WebAssembly SIMD here`;
  }
  const rows = FUSED_ROWS.filter(([a, e]) =>
    a === "ddpg" || a === "td3" || (a === "fsddpg" && e.degree === undefined)
  );
  for (const P of populations) {
    for (const [algo, extra, label] of rows) {
      // PyTorch's DDPG timed in the same rounds as ours, one group each, alternating: load that
      // comes and goes on this machine falls on both sides alike
      const server = algo === "ddpg" ? await torchServer(P, 16, { threads: 1 }) : null;
      const torchCpu: number[] = [], torchWall: number[] = [];
      const agents = [];
      for (const precision of PRECISIONS) {
        agents.push(
          await benchAgent(algo, {
            population: P,
            backend: "wasm",
            seed: 0,
            implementation: "fused",
            precision,
            ...extra,
          }),
        );
      }
      const batches = Array.from({ length: 4 }, (_, i) => batchFor(P, new Rng(i)));
      const group = P === 1 ? 40 : 2, samples: number[][] = PRECISIONS.map(() => []);
      for (let round = -2; round < rounds; round++) {
        for (const [k, agent] of agents.entries()) {
          const t0 = cpuMs();
          for (let g = 0; g < group; g++) await agent.update(batches[g % 4]);
          if (round >= 0) samples[k].push((cpuMs() - t0) / group);
        }
        if (server) {
          const t = await server.time(group);
          if (round >= 0) {
            torchCpu.push(t.cpuMs / P);
            torchWall.push(t.ms / P);
          }
        }
      }
      await server?.close();
      agents.forEach((a) => a.dispose());
      const mid = (xs: number[]) => xs.length ? xs.sort((a, b) => a - b)[xs.length >> 1] : NaN;
      const [f64, mixed] = samples.map((x) => x.sort((a, b) => a - b)[x.length >> 1]);
      // process CPU against process CPU: a busy machine stretches wall time, not CPU time
      const pt = mid(torchCpu), ptWall = mid(torchWall);
      lines.push(
        `| ${label} | ${P} | ${f64.toFixed(3)} | ${(f64 / P).toFixed(4)} | ${mixed.toFixed(3)} | ${
          (mixed / P).toFixed(4)
        } | ${(mixed / f64).toFixed(2)}× | ${Number.isNaN(pt) ? "–" : pt.toFixed(4)} | ${
          Number.isNaN(pt) ? "–" : `${(mixed / P / pt).toFixed(2)}×`
        } | ${Number.isNaN(ptWall) ? "–" : ptWall.toFixed(4)} |`,
      );
    }
  }
  return lines.join("\n");
}

/**
 * Reference and fused path (SIMD kernels where present) by hidden width, P = 1: median process
 * CPU ms per update, ratio to ddpg of the same width and path, cells of one implementation
 * timed round-robin.
 */
export async function benchHidden(
  { rounds = 5, widths = [16, 64, 256] } = {},
): Promise<string> {
  const rows = FUSED_ROWS.filter(([a, e]) =>
    a === "ddpg" || (a.startsWith("fsddpg") && e.k1k2 === "per-sample" && e.degree === undefined)
  );
  const lines = [
    `reference vs fused by hidden width (two hidden layers), P = 1, wasm backend, obs ${OBS}, act ${ACT}, batch ${BATCH}; median process CPU ms per update (ratio to ddpg of the same width and path)`,
    "",
    "| algorithm | hidden | reference ms | ratio | fused ms | ratio | fused speed-up |",
    "| --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const h of widths) {
    const medians: number[][] = [];
    for (const implementation of ["reference", "fused"] as const) {
      const cells = [];
      for (const [algo, extra] of rows) {
        const agent = await benchAgent(algo, {
          hidden: [h, h],
          backend: "wasm",
          seed: 0,
          implementation,
          ...extra,
        });
        cells.push({ agent, samples: [] as number[] });
      }
      const batches = Array.from({ length: 4 }, (_, i) => batchFor(1, new Rng(i)));
      const group = implementation === "fused" ? (h > 64 ? 4 : 20) : 2;
      // warm up (JIT and WebAssembly tier-up) before any timing
      const warm = implementation === "fused" ? Math.ceil(20000 / (h * h)) : 4;
      for (const cell of cells) {
        for (let i = 0; i < warm; i++) await cell.agent.update(batches[i % 4]);
      }
      for (let round = -1; round < rounds; round++) {
        for (const cell of cells) {
          const t0 = cpuMs();
          for (let g = 0; g < group; g++) await cell.agent.update(batches[g % 4]);
          if (round >= 0) cell.samples.push((cpuMs() - t0) / group);
        }
      }
      medians.push(cells.map((c) => {
        c.agent.dispose();
        const sorted = [...c.samples].sort((a, b) => a - b);
        return sorted[Math.floor(sorted.length / 2)];
      }));
    }
    rows.forEach(([, , label], r) => {
      const [ref, fused] = medians;
      lines.push(
        `| ${label} | ${h}×${h} | ${ref[r].toFixed(3)} | ${(ref[r] / ref[0]).toFixed(2)}× | ${
          fused[r].toFixed(3)
        } | ${(fused[r] / fused[0]).toFixed(2)}× | ${(ref[r] / fused[r]).toFixed(1)}× |`,
      );
    });
  }
  return lines.join("\n");
}

/** Runs the update benchmark and returns the tables as text. */
export async function benchUpdates(
  { full = false, budgetMs = 1500, algos = [...ALGORITHMS] as string[] } = {},
): Promise<string> {
  const fused =
    `${await benchFused()}\n\n${await benchPrecision()}\n\n${await benchThreads()}\n\n${await benchHidden()}`;
  const lines = [
    fused,
    "",
    "reference path of every algorithm:",
    "",
    `per-update time, obs ${OBS}, act ${ACT}, hidden 16×16, batch ${BATCH}; median ms (ratio to ddpg, same run)`,
    "",
    "| algorithm | backend | P = 1 ms | ratio | P = 16 ms | ratio | per agent at P = 16 / P = 1 |",
    "| --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const backend of ["wasm", "cpu"] as const) {
    const base: Record<number, number> = {};
    for (const algo of ["ddpg", ...algos.filter((a) => a !== "ddpg")]) {
      const cells: string[] = [];
      let p1 = NaN;
      for (const P of [1, 16]) {
        if (DENSE_HESSIAN.has(algo) && (P > 1 || backend === "cpu") && !full) {
          cells.push("skipped", "");
          continue;
        }
        const { median, reps } = await time(
          algo,
          backend,
          P,
          DENSE_HESSIAN.has(algo) ? 0 : budgetMs,
          1,
        );
        if (algo === "ddpg") base[P] = median;
        if (P === 1) p1 = median;
        cells.push(
          `${median.toFixed(2)}${reps < 5 ? ` (${reps} rep)` : ""}`,
          `${(median / base[P]).toFixed(2)}×`,
        );
        if (P === 16) cells.push(`${(median / 16 / p1).toFixed(3)}`);
      }
      if (cells.length === 4) cells.push("");
      lines.push(`| ${algo} | ${backend} | ${cells.join(" | ")} |`);
    }
  }
  lines.push(
    "",
    "skipped: SDDPG, SDDPG-BD and STD3 need n_w = 673 Hessian-vector products per update; pass --full to time them everywhere.",
    `per update, not per environment step: ddpg-ttsu pays ${DEFAULTS.criticSteps} updates per environment step (one actor step per ${DEFAULTS.criticSteps} critic steps), the others 1; see the fused table's per-env-step column.`,
  );
  return lines.join("\n");
}

if (import.meta.main) {
  if (Deno.args.includes("--fused")) console.log(await benchFused());
  else if (Deno.args.includes("--threads")) console.log(await benchThreads());
  else if (Deno.args.includes("--hidden")) console.log(await benchHidden());
  else if (Deno.args.includes("--precision")) console.log(await benchPrecision());
  else console.log(await benchUpdates({ full: Deno.args.includes("--full") }));
}
