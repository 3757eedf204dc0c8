/**
 * `deno task reproduce`: builds the reproduction report of "Fast Stackelberg Deterministic
 * Actor-Critic" — 1 toy games, 2 directions (fresh and trained networks), 3 timing, 4 degree
 * ablation, 5 MuJoCo comparison, 6 critic losses, 7 environment, 8 tasks — from runs it makes
 * itself (or a run store it is pointed at with `--collect`).
 *
 * Writes `<out>/<id>/report.md`, `report.html` (self-contained), `report.json`, the figures as
 * SVG and the tables as CSV; every file is written to a temporary name and then renamed, so a
 * report is never left half-written. Training runs live in `<out>/<id>/runs/` (a run store:
 * `deno task serve --runs <out>/<id>/runs`); a rerun with the same `--out`/`--id` reuses
 * finished runs and resumes the others. `--emit-jobs` writes Slurm / Kubernetes / plain-list
 * job files instead of running, and `--run-index i` runs exactly run i of the plan.
 * @module
 */
import { nearest } from "../lib/errors.ts";
import { writeFileAtomic } from "../lib/atomic.ts";
import { gitCommit } from "../lib/provenance.ts";
import { formatDuration } from "../lib/train/format.ts";
import { listenForStop, signalExitCode, type StopListener } from "../lib/train/signals.ts";
import { buildToySection, type ReportFile, runToyGrid } from "../lib/report/toy_section.ts";
import { buildDirectionsSection, measureDirections } from "../lib/report/directions_section.ts";
import { buildEpsilonSweep, measureEpsilonSweep } from "../lib/report/epsilon_sweep.ts";
import { listEnvs } from "../physics/mod.ts";
import { VERSIONS } from "../lib/deps.ts";
import { listRuns } from "../lib/store/run_store.ts";
import {
  type Budget,
  BUDGETS,
  type BudgetSpec,
  budgetSpec,
  CRITIC_TASKS,
  methodKey,
  type PlannedRun,
  planRuns,
} from "../lib/report/plan.ts";
import {
  emitK8s,
  emitList,
  emitSlurm,
  executePlan,
  executeRun,
  type JobSpec,
  type RunOutcome,
  runState,
  shQuote,
} from "../lib/report/runner.ts";
import {
  buildTimingSection,
  DENSE,
  measureTiming,
  type TimingRow,
} from "../lib/report/timing_section.ts";
import { buildMujocoSection, FORMS } from "../lib/report/mujoco_section.ts";
import { buildDegreeSection } from "../lib/report/degree_section.ts";
import { buildCriticSection } from "../lib/report/critic_section.ts";
import { buildTasksSection, measureTasks } from "../lib/report/tasks_section.ts";
import { headline, settingsTable } from "../lib/report/headline.ts";
import { loadRunData, type RunData, runKey } from "../lib/report/run_data.ts";
import { renderHtml } from "../lib/report/html.ts";
import type { ReportMeta } from "../lib/report/reader.ts";

const SECTIONS = ["toy", "directions", "timing", "degree", "mujoco"] as const;
const EMIT = ["slurm", "k8s", "list"] as const;
const FLAGS = [
  "--only",
  "--out",
  "--id",
  "--budget",
  "--seeds",
  "--jobs",
  "--runs",
  "--toy-steps",
  "--emit-jobs",
  "--collect",
  "--run-index",
  "--help",
] as const;

const HELP = `deno task reproduce [options]

Builds the reproduction report of "Fast Stackelberg Deterministic Actor-Critic".

Options:
  --only <sections>   comma-separated sections to build; available: ${
  SECTIONS.join(", ")
} (default: all;
                      mujoco also gives the critic-loss section and the trained-network rows of
                      directions)
  --budget <b>        ${BUDGETS.join(" | ")} (default: short). smoke: under 3 minutes on two cores,
                      tiny settings, verdicts marked "smoke: not evidence"; short: 5 seeds ×
                      15,000 steps of 12 methods on 9 tasks, under 2 hours on two cores (the plan
                      and its estimated wall time are printed before training); paper: the
                      paper's settings (100 epochs × 4,000 steps, start steps 10,000, update
                      every 50, 5 seeds)
  --seeds <n>         seeds per training run (overrides the budget's; 1..64)
  --jobs <n>          training runs in parallel, in worker processes (default 1: in this process)
  --out <dir>         parent directory of the report (default: reports/)
  --id <id>           report id, the sub-directory of --out (default: UTC time, YYYYMMDD-HHMMSS);
                      rerunning with the same --out/--id reuses finished runs, resumes the rest
  --runs <dir>        run store of the training runs (default: <out>/<id>/runs)
  --toy-steps <n>     updates per toy-game run (overrides the budget; integer 10..1000000)
  --emit-jobs <kind>  ${EMIT.join(" | ")}: write job files for the plan's training runs to
                      <out>/<id>/jobs/ instead of running them (Slurm job array indexed by
                      SLURM_ARRAY_TASK_ID, Kubernetes Indexed Job by JOB_COMPLETION_INDEX, or
                      one command per line)
  --run-index <i>     run exactly training run i of the plan (what every emitted job runs)
  --collect <dir>     build the report from the finished run store <dir> (no training)
  --help              this text

Writes <out>/<id>/report.md, report.html, report.json, <section>/*.svg and *.csv.
Ctrl-C stops cleanly (running trainings write a checkpoint); rerun the same command to continue.
`;

/** Thrown for bad command-line input; main() prints it and returns 2. */
class UsageError extends Error {}

interface Args {
  only: string[];
  /** Whether --only was given. */
  onlyGiven: boolean;
  out: string;
  id: string;
  budget: Budget;
  toySteps: number | null;
  seeds: number | null;
  jobs: number;
  runs: string | null;
  emitJobs: (typeof EMIT)[number] | null;
  collect: string | null;
  runIndex: number | null;
  help: boolean;
}

function defaultId(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getUTCFullYear()}${p(now.getUTCMonth() + 1)}${p(now.getUTCDate())}-` +
    `${p(now.getUTCHours())}${p(now.getUTCMinutes())}${p(now.getUTCSeconds())}`;
}

/** Parses the command line; throws UsageError naming the bad flag or value. */
export function parseArgs(args: string[]): Args {
  const out: Args = {
    only: [...SECTIONS],
    onlyGiven: false,
    out: "reports",
    id: defaultId(),
    budget: "short",
    toySteps: null,
    seeds: null,
    jobs: 1,
    runs: null,
    emitJobs: null,
    collect: null,
    runIndex: null,
    help: false,
  };
  const int = (flag: string, value: string, lo: number, hi: number) => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n) || n < lo || n > hi) {
      throw new UsageError(
        `${flag}: got ${JSON.stringify(value)}; allowed: an integer from ${lo} to ${hi}`,
      );
    }
    return n;
  };
  for (let i = 0; i < args.length; i++) {
    let flag = args[i];
    let value: string | undefined;
    const eq = flag.indexOf("=");
    if (flag.startsWith("--") && eq > 0) [flag, value] = [flag.slice(0, eq), flag.slice(eq + 1)];
    if (!(FLAGS as readonly string[]).includes(flag)) {
      const hint = nearest(flag, FLAGS);
      throw new UsageError(
        `unknown ${flag.startsWith("-") ? "flag" : "argument"} ${JSON.stringify(flag)}${
          hint ? `; did you mean ${hint}?` : ""
        } Valid flags: ${FLAGS.join(", ")}`,
      );
    }
    if (flag === "--help") {
      out.help = true;
      continue;
    }
    if (value === undefined) {
      value = args[++i];
      if (value === undefined || value.startsWith("--")) {
        throw new UsageError(`${flag} needs a value`);
      }
    }
    switch (flag) {
      case "--only": {
        const parts = value.split(",").map((s) => s.trim()).filter(Boolean);
        for (const p of parts) {
          if (!(SECTIONS as readonly string[]).includes(p)) {
            const hint = nearest(p, SECTIONS);
            throw new UsageError(
              `--only: unknown section ${JSON.stringify(p)}${
                hint ? ` (did you mean "${hint}"?)` : ""
              }; available: ${SECTIONS.join(", ")}`,
            );
          }
        }
        if (!parts.length) {
          throw new UsageError(
            `--only: got ${JSON.stringify(value)}; available: ${SECTIONS.join(", ")}`,
          );
        }
        out.only = SECTIONS.filter((x) => parts.includes(x));
        out.onlyGiven = true;
        break;
      }
      case "--seeds":
        out.seeds = int(flag, value, 1, 64);
        break;
      case "--jobs":
        out.jobs = int(flag, value, 1, 64);
        break;
      case "--run-index":
        out.runIndex = int(flag, value, 0, 1_000_000);
        break;
      case "--runs":
        out.runs = value.replace(/\/+$/, "") || ".";
        break;
      case "--collect":
        out.collect = value.replace(/\/+$/, "") || ".";
        break;
      case "--emit-jobs":
        if (!(EMIT as readonly string[]).includes(value)) {
          throw new UsageError(
            `--emit-jobs: got ${JSON.stringify(value)}; allowed: ${EMIT.join(", ")}`,
          );
        }
        out.emitJobs = value as Args["emitJobs"];
        break;
      case "--out":
        out.out = value;
        break;
      case "--id":
        if (!/^[A-Za-z0-9._-]+$/.test(value) || value === "." || value === "..") {
          throw new UsageError(
            `--id: got ${JSON.stringify(value)}; allowed: letters, digits, ".", "_" and "-"`,
          );
        }
        out.id = value;
        break;
      case "--budget":
        if (!(BUDGETS as readonly string[]).includes(value)) {
          throw new UsageError(
            `--budget: got ${JSON.stringify(value)}; allowed: ${BUDGETS.join(", ")}`,
          );
        }
        out.budget = value as Budget;
        break;
      case "--toy-steps": {
        const n = Number(value);
        if (!Number.isInteger(n) || n < 10 || n > 1_000_000) {
          throw new UsageError(
            `--toy-steps: got ${JSON.stringify(value)}; allowed: an integer from 10 to 1000000`,
          );
        }
        out.toySteps = n;
        break;
      }
    }
  }
  return out;
}

/** The arguments that select the plan (what a job needs to find its run). */
function planArgs(parsed: Args, runsRoot: string): string[] {
  const args = ["--budget", parsed.budget];
  if (parsed.seeds !== null) args.push("--seeds", String(parsed.seeds));
  if (parsed.onlyGiven) args.push("--only", parsed.only.join(","));
  args.push("--runs", runsRoot);
  return args;
}

/** The command line of this script for worker processes. */
function workerCommand(args: string[]): string[] {
  return [
    Deno.execPath(),
    "run",
    "--allow-read",
    "--allow-write",
    "--allow-env",
    "--allow-run",
    "--allow-sys",
    new URL(import.meta.url).pathname,
    ...args,
  ];
}

/**
 * Ctrl-C, SIGTERM or SIGHUP: the first aborts (running trainings write a checkpoint), a later
 * repeat exits at once (lib/train/signals.ts).
 */
function interruptHandler(): StopListener {
  return listenForStop({
    onStop: (name) =>
      console.error(
        `\nreproduce: ${name}; stopping (running trainings write a checkpoint; signal again to quit now)…`,
      ),
    onRepeat: (name) => Deno.exit(signalExitCode(name)),
  });
}

function evidenceOf(budget: Budget): string {
  return budget === "smoke" ? "smoke: not evidence" : `budget ${budget}`;
}

/** Planned agent-steps and the wall time estimated from measured throughput. */
function estimatePlan(
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

/** Entry point of `deno task reproduce`; returns the process exit code. */
export async function main(args: string[]): Promise<number> {
  let parsed: Args;
  try {
    parsed = parseArgs(args);
    if (parsed.collect !== null && (parsed.emitJobs !== null || parsed.runIndex !== null)) {
      throw new UsageError(
        "--collect builds a report; it cannot be combined with --emit-jobs or --run-index",
      );
    }
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`reproduce: ${e.message}\n(run with --help for the options)`);
      return 2;
    }
    throw e;
  }
  if (parsed.help) {
    console.log(HELP);
    return 0;
  }
  const started = performance.now();
  const dir = `${parsed.out.replace(/\/+$/, "") || "."}/${parsed.id}`;
  const spec: BudgetSpec = budgetSpec(parsed.budget, parsed.seeds ?? undefined);
  const runsRoot = parsed.collect ?? parsed.runs ?? `${dir}/runs`;
  const plan = parsed.collect !== null ? [] : planRuns(spec, parsed.only);
  const job: JobSpec = { planArgs: planArgs(parsed, runsRoot), runs: plan, runsDir: runsRoot };

  // ---- --emit-jobs: write job files instead of running
  if (parsed.emitJobs !== null) {
    if (!plan.length) {
      console.error(
        "reproduce: the selected sections need no training runs (use mujoco or degree)",
      );
      return 2;
    }
    const [name, content] = parsed.emitJobs === "slurm"
      ? ["reproduce.slurm.sh", emitSlurm(job)]
      : parsed.emitJobs === "k8s"
      ? ["reproduce.k8s.yaml", emitK8s(job)]
      : ["runs.txt", emitList(job)];
    const path = `${dir}/jobs/${name}`;
    await writeFileAtomic(path, content, { mkdir: true });
    if (parsed.emitJobs === "slurm") await Deno.chmod(path, 0o755).catch(() => {});
    console.log(`reproduce: wrote ${path}: ${plan.length} runs (indices 0..${plan.length - 1})`);
    for (const r of plan) console.log(`  ${r.index}: ${r.id}`);
    console.log(
      `When they have finished: deno task reproduce --collect ${
        shQuote(runsRoot)
      } --budget ${parsed.budget} --out ${shQuote(parsed.out)} --id ${parsed.id}`,
    );
    return 0;
  }

  // ---- --run-index: exactly one run of the plan
  if (parsed.runIndex !== null) {
    const run = plan[parsed.runIndex];
    if (!run) {
      console.error(
        `reproduce: --run-index ${parsed.runIndex}: the plan has ${plan.length} runs (0..${
          plan.length - 1
        })`,
      );
      return 2;
    }
    console.log(`reproduce: run ${run.index}: ${run.id} -> ${runsRoot}/${run.id}`);
    const stop = interruptHandler();
    const { signal, remove } = stop;
    let outcome: RunOutcome;
    try {
      outcome = await executeRun(run, runsRoot, { signal, label: `[${run.index} ${run.id}]` });
    } finally {
      remove();
    }
    console.log(
      `reproduce: run ${run.index} ${run.id}: ${outcome.status} (${outcome.action})${
        outcome.error ? `: ${outcome.error}` : ""
      }`,
    );
    return outcome.status === "finished"
      ? 0
      : outcome.status === "interrupted"
      ? stop.exitCode(130)
      : 1;
  }

  // ---- the report
  const evidence = evidenceOf(parsed.budget);
  const only = parsed.only;
  const files: ReportFile[] = [];
  const parts: Record<string, string> = {};
  const verdicts: ReportMeta["verdicts"] = [];
  const stop = interruptHandler();
  const { signal, remove } = stop;
  let runCount = 0;
  let runSettings: { id: string; config: Record<string, unknown> }[] = [];
  try {
    if (only.includes("toy")) {
      const steps = parsed.toySteps ?? (parsed.budget === "smoke" ? 2_000 : 10_000);
      console.log(`reproduce: 1. toy games (${steps} updates per run) ...`);
      const section = buildToySection(runToyGrid({ steps }));
      parts.toy = section.markdown;
      files.push(...section.files);
      for (const v of section.verdicts) {
        verdicts.push({
          section: "toy",
          claim: `toy ${v.game}: ${v.claim}${v.fsVariant ? ` [FSDDPG ${v.fsVariant}]` : ""}`,
          verdict: v.verdict,
          detail: [v.detail, v.epsilonSummary ? `over ε: ${v.epsilonSummary}` : ""]
            .filter(Boolean).join("; "),
        });
        console.log(
          `  toy ${v.game}: ${v.claim}${
            v.fsVariant ? ` [FSDDPG ${v.fsVariant}]` : ""
          }: ${v.verdict}` +
            ` (${v.holdsUnder.length}/${v.holdsUnder.length + v.failsUnder.length} settings)` +
            (v.epsilonSummary ? `; over ε: ${v.epsilonSummary}` : ""),
        );
      }
    }
    let timing: TimingRow[] = [];
    if (only.includes("timing") || only.includes("degree")) {
      console.log(
        `reproduce: 3. timing on ${
          spec.timingTasks.join(", ")
        } (${spec.timingUpdates} environment steps per ` +
          `method, ${spec.timingDenseUpdates} for ${[...DENSE].join(", ")} on ${
            spec.timingDenseTasks.join(", ")
          }) ...`,
      );
      timing = await measureTiming({
        tasks: only.includes("timing") ? spec.timingTasks : [],
        updates: spec.timingUpdates,
        denseUpdates: spec.timingDenseUpdates,
        denseTasks: spec.timingDenseTasks,
        envSteps: spec.timingEnvSteps,
        degrees: only.includes("degree") ? spec.degrees : [],
        degreeTasks: only.includes("degree") ? spec.degreeTasks : [],
        log: (l) => console.log(l),
      });
      if (only.includes("timing")) {
        const section = buildTimingSection(timing, {
          tasks: spec.timingTasks,
          evidence,
          updates: spec.timingUpdates,
          denseUpdates: spec.timingDenseUpdates,
        });
        parts.timing = section.markdown;
        files.push(...section.files);
        for (const c of section.claims) {
          verdicts.push({ section: "timing", claim: c.claim, verdict: c.verdict });
          console.log(`  timing: ${c.claim}: ${c.verdict}`);
        }
      }
    }
    if (signal.aborted) return interrupted(parsed, stop.exitCode(130));

    // ---- training runs
    let runData: RunData[] = [];
    if (parsed.collect !== null) {
      console.log(`reproduce: collecting runs from ${parsed.collect} ...`);
      for (const s of await listRuns(parsed.collect)) {
        if (s.error) {
          console.log(`  skipped ${s.id}: ${s.error}`);
          continue;
        }
        runData.push(await loadRunData(s.dir));
      }
      // one run per (task, method): the finished one with the most steps, newest first
      const chosen = new Map<string, RunData>();
      for (const r of runData) {
        const c = chosen.get(runKey(r));
        const score = (x: RunData) => (x.status === "finished" ? 1e12 : 0) + x.stepsDone;
        if (!c || score(r) > score(c)) chosen.set(runKey(r), r);
      }
      runData = [...chosen.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
      console.log(`  ${runData.length} runs`);
    } else if (plan.length) {
      const tasks = [...new Set(plan.map((r) => r.env))];
      const states = await Promise.all(
        plan.map((r) => runState(`${runsRoot}/${r.id}`, r.input.steps as number)),
      );
      const toTrain = states.filter((s) => s !== "finished").length;
      if (toTrain === 0) {
        console.log(`reproduce: all ${plan.length} planned runs are finished in ${runsRoot}`);
      } else if (parsed.budget !== "smoke") {
        console.log(`reproduce: measuring throughput for the estimate on ${tasks.join(", ")} ...`);
        const denseTasks = [...new Set(plan.filter((r) => DENSE.has(r.algo)).map((r) => r.env))];
        const rows = await measureTiming({
          tasks,
          updates: 10,
          denseUpdates: 1,
          denseTasks,
          envSteps: 300,
          methods: [...new Map(plan.map((r) => [methodKey(r.method), r.method])).values()],
        });
        const est = estimatePlan(
          plan.filter((_, i) => states[i] !== "finished"),
          rows,
          parsed.jobs,
        );
        console.log(est.lines.join("\n"));
        console.log(
          `reproduce: plan: ${plan.length} runs (${toTrain} to train), ${
            est.agentSteps.toLocaleString("en-US")
          } agent-steps to train ` +
            `(steps × seeds), estimated ${
              formatDuration(est.seconds, "words")
            } with --jobs ${parsed.jobs} ` +
            "(from the throughput just measured at one seed, cost taken ∝ seeds, evaluation " +
            "episodes counted at their full 1,000 steps; parallel jobs on a machine with as many " +
            "cores run slower than alone, so take it as a lower bound within about 2×)",
        );
      }
      if (parsed.budget === "smoke") {
        const agentSteps = plan.reduce(
          (a, r) => a + (r.input.seeds as number[]).length * (r.input.steps as number),
          0,
        );
        console.log(
          `reproduce: plan: ${plan.length} runs, ${
            agentSteps.toLocaleString("en-US")
          } agent-steps ` +
            "(smoke: no throughput estimate; about a minute on two cores with --jobs 2)",
        );
      }
      console.log(
        `reproduce: ${plan.length} training runs in ${runsRoot} (${parsed.jobs} at a time; view: deno task serve --runs ${runsRoot})`,
      );
      const outcomes = await executePlan(plan, runsRoot, {
        jobs: parsed.jobs,
        signal,
        workerCommand: (i) => workerCommand([...job.planArgs, "--run-index", String(i)]),
      });
      if (signal.aborted || outcomes.some((o) => o?.status === "interrupted")) {
        return interrupted(parsed, stop.exitCode(130));
      }
      const failed = outcomes.filter((o) => o?.status === "failed");
      for (const f of failed) console.error(`reproduce: run ${f.id} failed: ${f.error}`);
      for (const r of plan) {
        try {
          runData.push(await loadRunData(`${runsRoot}/${r.id}`));
        } catch (error) {
          console.error(`reproduce: cannot read run ${r.id}: ${(error as Error).message}`);
        }
      }
    }

    runCount = runData.length;
    runSettings = runData.map((r) => ({ id: r.id, config: r.config }));
    if (only.includes("directions")) {
      const tasks = spec.directionTasks === "all" ? listEnvs() : spec.directionTasks;
      const trained = only.includes("mujoco") || parsed.collect !== null
        ? runData.filter((r) =>
          methodKey(r.method) === methodKey(FORMS[1].fsddpg) && r.checkpoints.includes("last")
        ).map((r) => ({ task: r.env, checkpoint: `${r.dir}/checkpoints/last`, run: r.id }))
        : [];
      const options = { tasks, seeds: spec.directionSeeds, denseLimit: 1000, trained };
      console.log(
        `reproduce: 2. directions on fresh networks of ${
          tasks.join(", ")
        } (${options.seeds} seed(s))` +
          ` and ${trained.length} trained network(s) ...`,
      );
      const section = buildDirectionsSection(
        await measureDirections({ ...options, log: (line: string) => console.log(line) }),
        options,
      );
      console.log(`reproduce: 2. the per-sample direction over ε on ${tasks.join(", ")} ...`);
      const sweep = buildEpsilonSweep(await measureEpsilonSweep(tasks, options.seeds));
      parts.directions = `${section.markdown}\n${sweep.markdown}`;
      files.push(...section.files, ...sweep.files);
    }
    if (only.includes("degree")) {
      const section = buildDegreeSection(runData, timing, {
        tasks: spec.degreeTasks,
        degrees: spec.degrees,
        evidence,
        finalEvals: spec.finalEvals,
      });
      parts.degree = section.markdown;
      files.push(...section.files);
      for (const c of section.claims) {
        verdicts.push({ section: "degree", claim: c.claim, verdict: c.verdict });
        console.log(`  degree: ${c.claim}: ${c.verdict}`);
      }
    }
    if (only.includes("mujoco")) {
      const settings = spec.train;
      const budgetNote = parsed.collect !== null
        ? `Runs collected from \`${parsed.collect}\` (steps and seeds per run in the table; ` +
          "each run's resolved settings in report.json)."
        : `Budget ${parsed.budget}: ${spec.seeds} seeds per run (one population), ${settings.steps} ` +
          `steps per seed, start steps ${settings.startSteps}, update after ${settings.updateAfter}, ` +
          `update every ${settings.updateEvery}, evaluation every ${settings.evalEvery} steps ` +
          `(${settings.evalEpisodes} episodes); every other setting is the paper's (Tables 4–5; ` +
          "section 9 lists them). Tasks: " + `${spec.tasks.join(", ")}.`;
      const tasks = await measureTasks([...new Set([...spec.tasks, ...runData.map((r) => r.env)])]);
      const tasksSection = buildTasksSection(tasks);
      parts.tasks = tasksSection.markdown;
      files.push(...tasksSection.files);
      const section = buildMujocoSection(runData, {
        evidence,
        budgetNote,
        methods: spec.methods,
        finalEvals: spec.finalEvals,
        randomScores: Object.fromEntries(tasks.map((t) => [t.task, t.randomReturn])),
      });
      parts.mujoco = section.markdown;
      files.push(...section.files);
      for (const c of section.claims) {
        verdicts.push({
          section: "mujoco",
          claim: c.claim,
          verdict: c.verdict,
          ...(c.form ? { form: c.form } : {}),
          detail: c.detail,
        });
        console.log(`  mujoco: ${c.claim}${c.form ? ` [${c.form}]` : ""}: ${c.verdict}`);
      }
      const critic = buildCriticSection(runData, { tasks: CRITIC_TASKS, forms: FORMS, evidence });
      parts.critic = critic.markdown;
      files.push(...critic.files);
      for (const c of critic.claims) {
        verdicts.push({
          section: "critic",
          claim: c.claim,
          verdict: c.verdict,
          form: c.form,
          detail: c.detail,
        });
        console.log(`  critic: ${c.claim} [${c.form}]: ${c.verdict}`);
      }
      const settingsPart = settingsTable(runData);
      parts.settings = settingsPart.markdown;
      files.push(...settingsPart.files);
    }
  } finally {
    remove();
  }

  // ---- 7. environment, then write everything
  const commit = await gitCommit() ?? "unknown";
  const command = `deno task reproduce ${
    [
      ...(parsed.collect !== null ? ["--collect", parsed.collect] : []),
      "--budget",
      parsed.budget,
      ...(parsed.seeds !== null ? ["--seeds", String(parsed.seeds)] : []),
      ...(parsed.onlyGiven ? ["--only", only.join(",")] : []),
      ...(parsed.toySteps !== null ? ["--toy-steps", String(parsed.toySteps)] : []),
      ...(parsed.runs !== null ? ["--runs", parsed.runs] : []),
      "--jobs",
      String(parsed.jobs),
      "--out",
      parsed.out,
      "--id",
      parsed.id,
    ].map(shQuote).join(" ")
  }`;
  const wall = (performance.now() - started) / 1000;
  const trainedAt = [
    ...new Set(runSettings.map((r) => r.config.git).filter((g) => typeof g === "string")),
  ] as string[];
  parts.environment = [
    "## 7. Environment",
    "",
    `- Deno ${Deno.version.deno} (V8 ${Deno.version.v8}, TypeScript ${Deno.version.typescript}); ` +
    `@tensorflow/tfjs ${VERSIONS.tfjs}; MuJoCo (@mujoco/mujoco) ${VERSIONS.mujoco}`,
    `- stackrl commit ${commit} (this report)` +
    (trainedAt.length ? `; the training runs were made at commit ${trainedAt.join(", ")}` : ""),
    `- backend: wasm (tfjs-backend-wasm) for every run and measurement; update path per algorithm ` +
    "as in section 3",
    `- machine: ${Deno.build.os}/${Deno.build.arch}, ${navigator.hardwareConcurrency} logical cores`,
    `- budget: ${parsed.budget} (${evidence}); ` +
    (parsed.collect !== null
      ? `${runCount} runs collected from \`${runsRoot}\` (trained with their own settings: steps ` +
        "and seeds in section 5's table; config.json of each run has the rest)"
      : `training settings ${JSON.stringify(spec.train)}, ${spec.seeds} seeds per run; ` +
        `${plan.length} planned training runs; run store \`${runsRoot}\``),
    `- this invocation took ${
      wall.toFixed(1)
    } s (finished runs reused from an earlier invocation ` +
    "are not counted)",
    "",
    "Regenerate every figure and table of this report with:",
    "",
    "```sh",
    command,
    "```",
    "",
  ].join("\n");
  const md: string[] = [
    `# Reproduction report ${parsed.id}`,
    "",
    'Paper: "Fast Stackelberg Deterministic Actor-Critic" (ICLR 2022 submission). Every number ' +
    "below comes from runs and measurements this command made" +
    (parsed.collect !== null ? ` or from the run store \`${parsed.collect}\`` : "") +
    ". Verdicts: **holds**, **does not hold**, **inconclusive** (at this budget) or **not " +
    "tested**, with the settings that produced them; no setting was tuned to make a claim pass.",
    "",
    `Command: \`${command}\``,
    "",
    headline(verdicts, evidence),
  ];
  if (parsed.budget === "smoke") {
    md.push("**Budget smoke: not evidence.** Verdicts below are from tiny settings.", "");
  }
  const order = [
    "toy",
    "directions",
    "timing",
    "degree",
    "mujoco",
    "critic",
    "environment",
    "tasks",
    "settings",
  ];
  for (const k of order) {
    if (parts[k]) md.push(parts[k], "");
  }
  const markdown = md.join("\n");
  for (const f of files) await writeFileAtomic(`${dir}/${f.path}`, f.content, { mkdir: true });
  const figures = new Map(
    files.filter((f) => f.path.endsWith(".svg")).map((f) => [f.path, f.content]),
  );
  await writeFileAtomic(
    `${dir}/report.html`,
    renderHtml(markdown, figures, `Reproduction report ${parsed.id}`),
    { mkdir: true },
  );
  const meta: ReportMeta = {
    id: parsed.id,
    budget: parsed.budget,
    sections: [...only],
    command,
    createdAt: new Date().toISOString(),
    wallSeconds: wall,
    commit,
    verdicts,
    ...(plan.length || parsed.collect !== null ? { runs: runsRoot } : {}),
    ...(runSettings.length ? { runSettings } : {}),
  };
  await writeFileAtomic(`${dir}/report.json`, JSON.stringify(meta, null, 2) + "\n", {
    mkdir: true,
  });
  await writeFileAtomic(`${dir}/report.md`, markdown, { mkdir: true });
  console.log(
    `reproduce: wrote ${dir}/report.md, report.html and ${files.length} files in ${
      wall.toFixed(1)
    } s`,
  );
  return 0;
}

function interrupted(parsed: Args, code: number): number {
  console.error(
    `reproduce: stopped before the report was written; finished runs are kept. Continue with the same command (same --out ${parsed.out} --id ${parsed.id}).`,
  );
  return code;
}

if (import.meta.main) Deno.exit(await main(Deno.args));
