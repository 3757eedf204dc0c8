/**
 * Per-update cost of every algorithm (critic step + actor step + target update), HalfCheetah
 * sizes (obs 17, act 6), hidden 16×16, batch 100, at P = 1 and P = 16 on the wasm and cpu
 * backends. Medians; each algorithm's ratio to ddpg measured in the same run.
 * @module
 */
import { ALGORITHMS, type Batch, createAgent, Rng } from "../mod.ts";

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

/** Median ms per update of `algo`, timing until `budgetMs` is spent (at least `minReps`). */
async function time(
  algo: string,
  backend: "wasm" | "cpu",
  P: number,
  budgetMs: number,
  minReps: number,
) {
  const agent = await createAgent(algo, {
    observationSize: OBS,
    actionSize: ACT,
    population: P,
    backend,
    seed: 0,
  });
  const batches = Array.from({ length: 4 }, (_, i) => batchFor(P, new Rng(i)));
  const warmup = DENSE_HESSIAN.has(algo) ? 0 : 10;
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

/** Runs the update benchmark and returns the table as text. */
export async function benchUpdates(
  { full = false, budgetMs = 1500, algos = [...ALGORITHMS] as string[] } = {},
): Promise<string> {
  const lines = [
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
  );
  return lines.join("\n");
}

if (import.meta.main) {
  console.log(await benchUpdates({ full: Deno.args.includes("--full") }));
}
