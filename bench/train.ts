/**
 * Training throughput: agent-steps per second of the whole training loop (environment
 * step, replay write and one update per step, as Spinning Up's schedule averages out) on
 * HalfCheetah, `fstd3` and `td3`, population 1 and 8, wasm backend. Agent-steps count every
 * member: a population of 8 doing 100 steps is 800 agent-steps. Measured from the loop's own
 * `update` rows (blocks of 50 steps + 50 updates), after a warm-up, excluding evaluation and
 * checkpoint time. Target: at least 1,000 agent-steps/s at population 8 on two cores.
 *
 * Run: `deno run -A bench/train.ts` (or `benchTrain()` from bench/main.ts). `STACKRL_BENCH_STEPS`
 * sets the steps per member (default 1000).
 * @module
 */
import { train } from "../lib/train/loop.ts";
import { openRun, type UpdateRow } from "../lib/store/run_store.ts";

interface Cell {
  algo: string;
  population: number;
  agentStepsPerSecond: number;
  msPerStep: number;
}

async function measure(algo: "fstd3" | "td3", population: number, steps: number): Promise<Cell> {
  const out = await Deno.makeTempDir({ prefix: "stackrl-bench-train-" });
  try {
    const result = await train({
      env: "HalfCheetah",
      algo,
      seeds: Array.from({ length: population }, (_, i) => i),
      steps,
      backend: "wasm",
      startSteps: 0,
      updateAfter: 100,
      updateEvery: 50,
      evalEvery: 0,
      evalEpisodes: 1,
      checkpointEvery: 0,
      recordEvery: 0,
      out,
    });
    const run = await openRun(result.dir);
    const warmUp = Math.min(300, steps / 2);
    const rows = run.metrics.filter((r): r is UpdateRow =>
      r.type === "update" && r.member === 0 && r.step > warmUp
    );
    // blocks of equal length: total steps / total seconds
    let seconds = 0, counted = 0, previous = warmUp;
    for (const row of rows) {
      const block = row.step - previous;
      seconds += block / row.stepsPerSecond;
      counted += block;
      previous = row.step;
    }
    const perMember = counted / seconds;
    return {
      algo,
      population,
      agentStepsPerSecond: perMember * population,
      msPerStep: 1000 / perMember,
    };
  } finally {
    await Deno.remove(out, { recursive: true });
  }
}

/** Runs the benchmark and returns a Markdown table. */
export async function benchTrain(
  { steps = Number(Deno.env.get("STACKRL_BENCH_STEPS") ?? 1000) } = {},
): Promise<string> {
  const cells: Cell[] = [];
  for (const population of [1, 8]) {
    for (const algo of ["td3", "fstd3"] as const) {
      cells.push(await measure(algo, population, steps));
    }
  }
  const lines = [
    `Training throughput, HalfCheetah, wasm, ${steps} steps per member, one update per step ` +
    `(blocks of 50), evaluation excluded`,
    "",
    "| algo | P | agent-steps/s | ms per loop step (all members) | vs 1,000 target (P = 8) |",
    "| --- | ---: | ---: | ---: | --- |",
  ];
  for (const c of cells) {
    const target = c.population === 8 ? (c.agentStepsPerSecond >= 1000 ? "meets" : "below") : "";
    lines.push(
      `| ${c.algo} | ${c.population} | ${c.agentStepsPerSecond.toFixed(0)} | ${
        c.msPerStep.toFixed(2)
      } | ${target} |`,
    );
  }
  lines.push(
    "",
    "For scale: the paper reports 13.7 s per 1000-step HalfCheetah episode for FSDDPG " +
      "(about 73 steps/s) on its CPU.",
  );
  return lines.join("\n");
}

if (import.meta.main) console.log(await benchTrain());
