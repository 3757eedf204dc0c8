/**
 * The training runs a reproduction report reads: collected from a finished run store, or the
 * plan's runs trained (or resumed, or reused) in `<report>/runs/`, with a wall-time estimate
 * printed first from throughput measured on this machine.
 * @module
 */
import { listRuns } from "../store/run_store.ts";
import { formatDuration } from "../train/format.ts";
import { type Budget, methodKey, type PlannedRun } from "./plan.ts";
import { executePlan, runState } from "./runner.ts";
import { loadRunData, type RunData, runKey } from "./run_data.ts";
import { DENSE, measureTiming, type TimingRow } from "./timing_section.ts";

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

/** Measures throughput on the plan's tasks and prints each run's and the plan's estimate. */
async function printEstimate(
  toTrain: PlannedRun[],
  plan: PlannedRun[],
  jobs: number,
  out: ReportLog,
): Promise<void> {
  const tasks = [...new Set(plan.map((r) => r.env))];
  out.log(`reproduce: measuring throughput for the estimate on ${tasks.join(", ")} ...`);
  const denseTasks = [...new Set(plan.filter((r) => DENSE.has(r.algo)).map((r) => r.env))];
  const rows = await measureTiming({
    tasks,
    updates: 10,
    denseUpdates: 1,
    denseTasks,
    envSteps: 300,
    methods: [...new Map(plan.map((r) => [methodKey(r.method), r.method])).values()],
  });
  const est = estimatePlan(toTrain, rows, jobs);
  out.log(est.lines.join("\n"));
  out.log(
    `reproduce: plan: ${plan.length} runs (${toTrain.length} to train), ${
      est.agentSteps.toLocaleString("en-US")
    } agent-steps to train ` +
      `(steps × seeds), estimated ${formatDuration(est.seconds, "words")} with --jobs ${jobs} ` +
      "(from the throughput just measured at one seed, cost taken ∝ seeds, evaluation " +
      "episodes counted at their full 1,000 steps; parallel jobs on a machine with as many " +
      "cores run slower than alone, so take it as a lower bound within about 2×)",
  );
}

/**
 * Planned agent-steps and the wall time estimated from measured throughput: per run, its steps,
 * updates and evaluation episodes at the measured cost per step, act and update.
 */
export function estimatePlan(
  runs: PlannedRun[],
  rows: TimingRow[],
  jobs: number,
): { agentSteps: number; seconds: number; lines: string[] } {
  let agentSteps = 0, total = 0;
  const lines: string[] = [];
  for (const r of runs) {
    const P = (r.input.seeds as number[]).length;
    const steps = r.input.steps as number;
    agentSteps += P * steps;
    const row = rows.find((x) => x.task === r.env && x.key === methodKey(r.method));
    if (!row) continue;
    // updates start after updateAfter; cost taken proportional to the population size
    const updates = Math.max(0, steps - (r.input.updateAfter as number)) * row.updatesPerEnvStep;
    // evaluation: every evalEvery steps and at the end, evalEpisodes episodes of at most 1,000
    // steps each (an upper bound: episodes that terminate early cost less)
    const evalEvery = r.input.evalEvery as number;
    const evalSteps = (Math.floor(steps / Math.max(1, evalEvery)) + 1) *
      (r.input.evalEpisodes as number) * 1000;
    const seconds = P *
      ((steps + evalSteps) * (row.stepMs + row.actMs) + updates * row.updateMs) / 1000;
    total += seconds;
    lines.push(
      `  ${r.index}: ${r.id}: ${P} × ${steps} steps ≈ ${formatDuration(seconds, "words")}`,
    );
  }
  return { agentSteps, seconds: total / Math.max(1, Math.min(jobs, runs.length)), lines };
}
