/**
 * The training runs a reproduction report reads: collected from a finished run store, or the
 * plan's runs trained (or resumed, or reused) in `<report>/runs/`, with a wall-time estimate
 * printed first from throughput on this machine: the training benchmark's saved figures where
 * they fit (lib/report/bench_figures.ts), else measured at the start.
 * @module
 */
import { listRuns } from "../store/run_store.ts";
import { formatDuration } from "../train/format.ts";
import { type Budget, methodKey, type PlannedRun } from "./plan.ts";
import { executePlan, runState } from "./runner.ts";
import { loadRunData, type RunData, runKey } from "./run_data.ts";
import { DENSE, measureTiming, type TimingRow } from "./timing_section.ts";
import { autoThreads } from "../train/config.ts";
import {
  type BenchFigures,
  benchFilePath,
  benchStepCosts,
  loadBenchFigures,
  thisMachine,
} from "./bench_figures.ts";

/** Where the report's progress lines go: `log` to stdout, `warn` to stderr. */
export interface ReportLog {
  log(line: string): void;
  warn(line: string): void;
}

/**
 * The runs of the run store `store`, one per (task, method): the finished one with the most
 * steps; runs the store cannot read are skipped with a line saying why.
 */
export async function collectRuns(store: string, out: ReportLog): Promise<RunData[]> {
  out.log(`reproduce: collecting runs from ${store} ...`);
  const all: RunData[] = [];
  for (const s of await listRuns(store)) {
    if (s.error) {
      out.log(`  skipped ${s.id}: ${s.error}`);
      continue;
    }
    all.push(await loadRunData(s.dir));
  }
  const chosen = new Map<string, RunData>();
  const score = (x: RunData) => (x.status === "finished" ? 1e12 : 0) + x.stepsDone;
  for (const r of all) {
    const c = chosen.get(runKey(r));
    if (!c || score(r) > score(c)) chosen.set(runKey(r), r);
  }
  const runs = [...chosen.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  out.log(`  ${runs.length} runs`);
  return runs;
}

/** Settings of {@linkcode trainPlan}. */
export interface TrainPlanOptions {
  budget: Budget;
  /** Training runs in parallel, in worker processes (1: in this process). */
  jobs: number;
  /** Aborts the trainings (they write a checkpoint). */
  signal: AbortSignal;
  /** The command line of the worker process that runs plan index `i`. */
  workerCommand: (i: number) => string[];
}

/**
 * Trains the plan's runs that are not finished in `runsRoot` (after printing the plan and its
 * estimated wall time) and reads every run back.
 *
 * @returns The runs read, or null when the trainings were interrupted.
 */
export async function trainPlan(
  plan: PlannedRun[],
  runsRoot: string,
  options: TrainPlanOptions,
  out: ReportLog,
): Promise<RunData[] | null> {
  const states = await Promise.all(
    plan.map((r) => runState(`${runsRoot}/${r.id}`, r.input.steps as number)),
  );
  const toTrain = states.filter((s) => s !== "finished").length;
  if (toTrain === 0) {
    out.log(`reproduce: all ${plan.length} planned runs are finished in ${runsRoot}`);
  } else if (options.budget !== "smoke") {
    await printEstimate(plan.filter((_, i) => states[i] !== "finished"), plan, options.jobs, out);
  }
  if (options.budget === "smoke") {
    const agentSteps = plan.reduce(
      (a, r) => a + (r.input.seeds as number[]).length * (r.input.steps as number),
      0,
    );
    out.log(
      `reproduce: plan: ${plan.length} runs, ${agentSteps.toLocaleString("en-US")} agent-steps ` +
        "(smoke: no throughput estimate; about a minute on two cores with --jobs 2)",
    );
  }
  out.log(
    `reproduce: ${plan.length} training runs in ${runsRoot} (${options.jobs} at a time; view: deno task serve --runs ${runsRoot})`,
  );
  const outcomes = await executePlan(plan, runsRoot, {
    jobs: options.jobs,
    signal: options.signal,
    workerCommand: options.workerCommand,
  });
  if (options.signal.aborted || outcomes.some((o) => o?.status === "interrupted")) return null;
  for (const f of outcomes.filter((o) => o?.status === "failed")) {
    out.warn(`reproduce: run ${f.id} failed: ${f.error}`);
  }
  const runs: RunData[] = [];
  for (const r of plan) {
    try {
      runs.push(await loadRunData(`${runsRoot}/${r.id}`));
    } catch (error) {
      out.warn(`reproduce: cannot read run ${r.id}: ${(error as Error).message}`);
    }
  }
  return runs;
}

/**
 * Prints where the estimate comes from, measures throughput on the plan's tasks, and prints each
 * run's and the plan's estimate.
 */
async function printEstimate(
  toTrain: PlannedRun[],
  plan: PlannedRun[],
  jobs: number,
  out: ReportLog,
): Promise<void> {
  const machine = await thisMachine();
  const source = await loadBenchFigures(benchFilePath(), machine);
  out.log(source.line);
  const tasks = [...new Set(plan.map((r) => r.env))];
  out.log(`reproduce: measuring throughput for the estimate on ${tasks.join(", ")} ...`);
  const denseTasks = [...new Set(plan.filter((r) => DENSE.has(r.algo)).map((r) => r.env))];
  const methods = new Map(plan.map((r) => [methodKey(r.method), r.method]));
  // with benchmark figures, every method's update is priced relative to TD3's (estimatePlan)
  if (source.figures) methods.set("td3", { algo: "td3" });
  const rows = await measureTiming({
    tasks,
    updates: 10,
    denseUpdates: 1,
    denseTasks,
    envSteps: 300,
    methods: [...methods.values()],
  });
  const est = estimatePlan(toTrain, rows, jobs, { bench: source.figures, cores: machine.cores });
  out.log(est.lines.join("\n"));
  const how = est.fromBench === 0
    ? "from the throughput just measured at one seed, cost taken ∝ seeds"
    : `${
      est.fromBench < toTrain.length ? `${est.fromBench} of ${toTrain.length} runs ` : ""
    }from the training benchmark's loop at P = 1 and 8 interpolated to the run's seeds, its ` +
      "update scaled by each method's update cost relative to TD3's just measured" +
      (est.fromBench < toTrain.length
        ? "; the others from the throughput just measured at one seed, cost taken ∝ seeds"
        : "");
  out.log(
    `reproduce: plan: ${plan.length} runs (${toTrain.length} to train), ${
      est.agentSteps.toLocaleString("en-US")
    } agent-steps to train ` +
      `(steps × seeds), estimated ${formatDuration(est.seconds, "words")} with --jobs ${jobs} ` +
      `(${how}; evaluation episodes counted at their full 1,000 steps, which overcounts tasks ` +
      "whose episodes end early, while parallel jobs on a machine with as many cores run " +
      "slower than alone: take it as good to within about 2× either way)",
  );
}

/** Options of {@linkcode estimatePlan}. */
export interface EstimateOptions {
  /** The training benchmark's figures for this machine (lib/report/bench_figures.ts), if any. */
  bench?: BenchFigures | null;
  /** Cores, for runs with `threads: "auto"` (default: this machine's). */
  cores?: number;
}

/**
 * Planned agent-steps and the wall time estimated from measured throughput: per run, its steps,
 * updates and evaluation episodes at the measured cost per step, act and update. A run whose
 * task the benchmark figures hold is priced from them instead (see {@linkcode benchRunSeconds}).
 */
export function estimatePlan(
  runs: PlannedRun[],
  rows: TimingRow[],
  jobs: number,
  options: EstimateOptions = {},
): { agentSteps: number; seconds: number; lines: string[]; fromBench: number } {
  let agentSteps = 0, total = 0, fromBench = 0;
  const lines: string[] = [];
  for (const r of runs) {
    const P = (r.input.seeds as number[]).length;
    const steps = r.input.steps as number;
    agentSteps += P * steps;
    const row = rows.find((x) => x.task === r.env && x.key === methodKey(r.method));
    // evaluation: every evalEvery steps and at the end, evalEpisodes episodes of at most 1,000
    // steps each (an upper bound: episodes that terminate early cost less)
    const evalEvery = r.input.evalEvery as number;
    const evalSteps = (Math.floor(steps / Math.max(1, evalEvery)) + 1) *
      (r.input.evalEpisodes as number) * 1000;
    const bench = options.bench
      ? benchRunSeconds(r, rows, options.bench, evalSteps, options.cores)
      : null;
    let seconds: number;
    if (bench !== null) {
      seconds = bench;
      fromBench++;
    } else {
      if (!row) continue;
      // updates start after updateAfter; cost taken proportional to the population size
      const updates = Math.max(0, steps - (r.input.updateAfter as number)) *
        row.updatesPerEnvStep;
      seconds = P * ((steps + evalSteps) * (row.stepMs + row.actMs) + updates * row.updateMs) /
        1000;
    }
    total += seconds;
    lines.push(
      `  ${r.index}: ${r.id}: ${P} × ${steps} steps ≈ ${formatDuration(seconds, "words")}${
        options.bench ? (bench !== null ? " (benchmark)" : " (measured now)") : ""
      }`,
    );
  }
  return {
    agentSteps,
    seconds: total / Math.max(1, Math.min(jobs, runs.length)),
    lines,
    fromBench,
  };
}

/**
 * One run's seconds from the training benchmark, or null when the figures or the timing rows
 * lack what it needs. The benchmark times TD3's whole loop at the run's population (the fused
 * population kernels make a member's update at P = 5 far cheaper than 5 single-agent updates,
 * which the one-seed measurement, scaled ∝ seeds, cannot see) and its threads; what it cannot
 * see is another algorithm's update, so the update part is scaled by that method's update cost
 * over TD3's, both measured now at one seed side by side (a ratio, so load on the machine
 * cancels; the per-algorithm ratios change with the kernels, so none is written down here).
 * Physics, acting and replay writes do not depend on the algorithm and come from the benchmark.
 */
function benchRunSeconds(
  r: PlannedRun,
  rows: TimingRow[],
  figures: BenchFigures,
  evalSteps: number,
  cores = navigator.hardwareConcurrency ?? 1,
): number | null {
  const P = (r.input.seeds as number[]).length;
  const requested = r.input.threads as number | "auto" | undefined;
  const threads = requested === "auto" ? autoThreads(P, cores) : requested ?? 1;
  const costs = benchStepCosts(figures, r.env, P, threads);
  if (!costs) return null;
  const key = methodKey(r.method);
  const row = rows.find((x) => x.task === r.env && x.key === key);
  const td3 = rows.find((x) => x.task === r.env && x.key === "td3");
  const ratio = key === "td3"
    ? 1
    : row && td3 && td3.updateMs > 0
    ? row.updateMs / td3.updateMs
    : null;
  if (ratio === null) return null;
  const steps = r.input.steps as number;
  const updates = Math.max(0, steps - (r.input.updateAfter as number)) *
    (row?.updatesPerEnvStep ?? 1);
  return costs.threadFactor * (steps * costs.rest + updates * costs.update * ratio) +
    P * evalSteps * costs.evalStep;
}
