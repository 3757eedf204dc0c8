/**
 * `deno task reproduce`: builds the reproduction report of "Fast Stackelberg Deterministic
 * Actor-Critic" — 1 toy games, 2 directions (fresh and trained networks), 3 timing, 4 degree
 * ablation, 5 MuJoCo comparison, 6 critic losses, 7 environment, 8 tasks, 9 every run's
 * settings — from runs it makes itself (or a run store it is pointed at with `--collect`). This
 * file reads the flags and picks the mode; lib/report/report.ts assembles the report.
 *
 * Writes `<out>/<id>/report.md`, `report.html` (self-contained), `report.json`, the figures as
 * SVG and the tables as CSV; every file is written to a temporary name and then renamed, so a
 * report is never left half-written. Training runs live in `<out>/<id>/runs/` (a run store:
 * `deno task serve --runs <out>/<id>/runs`); a rerun with the same `--out`/`--id` reuses
 * finished runs and resumes the others. `--emit-jobs` writes Slurm / Kubernetes / plain-list
 * job files instead of running, and `--run-index i` runs exactly run i of the plan.
 * `--only toy --into <dir>` rebuilds only section 1 of the report already in `<dir>`
 * (lib/report/toy_rebuild.ts), without the training runs the other sections were built from.
 * @module
 */
import { nearest, ValidationError } from "../lib/errors.ts";
import {
  choiceFlag,
  type FlagSpecs,
  intFlag,
  parseFlags,
  pathFlag,
  UsageError,
} from "../lib/cli/flags.ts";
import { writeFileAtomic } from "../lib/atomic.ts";
import { listenForStop, signalExitCode, type StopListener } from "../lib/train/signals.ts";
import { type Budget, BUDGETS, budgetSpec, planRuns } from "../lib/report/plan.ts";
import {
  emitK8s,
  emitList,
  emitSlurm,
  executeRun,
  type JobSpec,
  type RunOutcome,
  shQuote,
} from "../lib/report/runner.ts";
import { rebuildToySection, ToyRebuildError } from "../lib/report/toy_rebuild.ts";
import {
  measureReport,
  type ReportOptions,
  type Section,
  SECTIONS,
  writeReport,
} from "../lib/report/report.ts";

const EMIT = ["slurm", "k8s", "list"] as const;
type Emit = (typeof EMIT)[number];
const ID_ALLOWED = 'letters, digits, ".", "_" and "-"';

/** The flags; the --help text below describes them at more length. */
const FLAGS: FlagSpecs = {
  only: {
    type: "string",
    arg: "sections",
    help: "comma-separated sections to build",
    allowed: `comma-separated sections: ${SECTIONS.join(", ")}`,
  },
  budget: { type: "string", arg: "b", help: "the budget", allowed: BUDGETS.join(", ") },
  seeds: { type: "string", arg: "n", help: "seeds per training run", allowed: "an integer 1..64" },
  jobs: {
    type: "string",
    arg: "n",
    help: "training runs in parallel",
    allowed: "an integer 1..64",
  },
  out: { type: "string", arg: "dir", help: "parent directory of the report", allowed: "a path" },
  id: {
    type: "string",
    arg: "id",
    help: "report id",
    allowed: ID_ALLOWED,
  },
  runs: { type: "string", arg: "dir", help: "run store of the runs", allowed: "a path" },
  "toy-steps": {
    type: "string",
    arg: "n",
    help: "updates per toy-game run",
    allowed: "an integer 10..1000000",
  },
  "emit-jobs": { type: "string", arg: "kind", help: "write job files", allowed: EMIT.join(", ") },
  "run-index": {
    type: "string",
    arg: "i",
    help: "run exactly run i of the plan",
    allowed: "an integer 0..1000000",
  },
  collect: { type: "string", arg: "dir", help: "build from a run store", allowed: "a path" },
  into: {
    type: "string",
    arg: "dir",
    help: "rebuild the toy section of the report in dir",
    allowed: "a path",
  },
  help: { type: "boolean", short: "h", help: "this text" },
};

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
  --into <dir>        with --only toy: rebuild only section 1 (the toy games) of the report
                      already in <dir> (a report.json of the same --budget; --toy-steps defaults
                      to the one the report was built with), in place: its part
                      of report.md, the headline's toy rows, the toy verdicts of report.json,
                      <dir>/toy/ (stale files removed) and report.html where <dir> has one; the
                      other sections, and the runs they were built from, are left as they are
  -h, --help          this text

Writes <out>/<id>/report.md, report.html, report.json, <section>/*.svg and *.csv.
Ctrl-C stops cleanly (running trainings write a checkpoint); rerun the same command to continue.
`;

interface Args {
  only: Section[];
  /** Whether --only was given. */
  onlyGiven: boolean;
  out: string;
  id: string;
  budget: Budget;
  toySteps: number | null;
  seeds: number | null;
  jobs: number;
  runs: string | null;
  emitJobs: Emit | null;
  collect: string | null;
  runIndex: number | null;
  /** `--into`: the report whose toy section to rebuild, or null. */
  into: string | null;
  help: boolean;
}

function defaultId(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getUTCFullYear()}${p(now.getUTCMonth() + 1)}${p(now.getUTCDate())}-` +
    `${p(now.getUTCHours())}${p(now.getUTCMinutes())}${p(now.getUTCSeconds())}`;
}

/**
 * Parses the command line (lib/cli/flags.ts); throws a UsageError or ValidationError naming the
 * flag as typed, the value as typed and what is allowed.
 */
export function parseArgs(args: string[]): Args {
  const { values } = parseFlags(args, FLAGS, { command: "deno task reproduce" });
  const text = (name: string) => values[name] as string | undefined;
  const int = (name: string, lo: number, hi: number) => {
    const v = text(name);
    return v === undefined ? null : intFlag(`--${name}`, v, lo, hi);
  };
  const path = (name: string) => {
    const v = text(name);
    return v === undefined ? null : pathFlag(`--${name}`, v, FLAGS[name].allowed);
  };
  const id = text("id");
  if (id !== undefined && (!/^[A-Za-z0-9._-]+$/.test(id) || id === "." || id === "..")) {
    throw new ValidationError("--id", id, ID_ALLOWED);
  }
  const emit = text("emit-jobs");
  const budget = text("budget");
  const only = text("only");
  const runs = path("runs"), collect = path("collect"), into = path("into");
  return {
    only: only === undefined ? [...SECTIONS] : parseOnly(only),
    onlyGiven: only !== undefined,
    out: path("out") ?? "reports",
    id: id ?? defaultId(),
    budget: budget === undefined ? "short" : choiceFlag("--budget", budget, BUDGETS),
    toySteps: int("toy-steps", 10, 1_000_000),
    seeds: int("seeds", 1, 64),
    jobs: int("jobs", 1, 64) ?? 1,
    runs: runs === null ? null : runs.replace(/\/+$/, "") || ".",
    emitJobs: emit === undefined ? null : choiceFlag("--emit-jobs", emit, EMIT),
    collect: collect === null ? null : collect.replace(/\/+$/, "") || ".",
    runIndex: int("run-index", 0, 1_000_000),
    into: into === null ? null : into.replace(/\/+$/, "") || ".",
    help: values.help === true,
  };
}

/** `--only`'s comma-separated sections, in the report's order. */
function parseOnly(value: string): Section[] {
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
    throw new UsageError(`--only: got ${JSON.stringify(value)}; available: ${SECTIONS.join(", ")}`);
  }
  return SECTIONS.filter((x) => parts.includes(x));
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

/** What every mode works from: the parsed flags and the plan they select. */
interface Context {
  parsed: Args;
  /** The report directory, `<out>/<id>`. */
  dir: string;
  job: JobSpec;
  /** `performance.now()` when the command started. */
  started: number;
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
    if (parsed.into !== null) checkInto(args, parsed);
  } catch (e) {
    if (e instanceof UsageError || e instanceof ValidationError) {
      console.error(`reproduce: ${e.message}\n(run with --help for the options)`);
      return 2;
    }
    throw e;
  }
  if (parsed.help) {
    console.log(HELP);
    return 0;
  }
  if (parsed.into !== null) return await rebuildToy(parsed, parsed.into);
  const started = performance.now();
  const dir = `${parsed.out.replace(/\/+$/, "") || "."}/${parsed.id}`;
  const runsRoot = parsed.collect ?? parsed.runs ?? `${dir}/runs`;
  const plan = parsed.collect !== null
    ? []
    : planRuns(budgetSpec(parsed.budget, parsed.seeds ?? undefined), parsed.only);
  const job: JobSpec = { planArgs: planArgs(parsed, runsRoot), runs: plan, runsDir: runsRoot };
  const context: Context = { parsed, dir, job, started };
  if (parsed.emitJobs !== null) return await emitJobs(context, parsed.emitJobs);
  if (parsed.runIndex !== null) return await runOne(context, parsed.runIndex);
  return await buildReport(context);
}

/** The flags `--into` cannot take: they choose a new report or its runs. */
const NOT_WITH_INTO = ["out", "id", "runs", "seeds", "jobs", "collect", "emit-jobs", "run-index"];

/** `--into` rebuilds the toy section only: it needs `--only toy` and none of NOT_WITH_INTO. */
function checkInto(args: string[], parsed: Args): void {
  if (!parsed.onlyGiven || parsed.only.join(",") !== "toy") {
    throw new UsageError(
      `--into rebuilds only the toy section: give --only toy (got ${
        parsed.onlyGiven ? `--only ${parsed.only.join(",")}` : "no --only"
      })`,
    );
  }
  const given = NOT_WITH_INTO.find((name) =>
    args.some((a) => a === `--${name}` || a.startsWith(`--${name}=`))
  );
  if (given) {
    throw new UsageError(
      `--into rebuilds the toy section of the report in its folder; it cannot be combined ` +
        `with --${given}`,
    );
  }
}

/** `--only toy --into <dir>`: section 1 of the report in `dir` rebuilt in place. */
async function rebuildToy(parsed: Args, dir: string): Promise<number> {
  const command = (steps: number) =>
    `deno task reproduce ${
      ["--only", "toy", "--into", dir, "--budget", parsed.budget, "--toy-steps", String(steps)]
        .map(shQuote).join(" ")
    }`;
  try {
    const r = await rebuildToySection(dir, {
      budget: parsed.budget,
      toySteps: parsed.toySteps,
      defaultToySteps: toyStepsOf({ ...parsed, toySteps: null }),
      command,
    }, { log: (line) => console.log(line), warn: (line) => console.error(line) });
    console.log(
      `reproduce: rebuilt the toy section of ${dir}: report.md, report.json, ${
        r.html ? "report.html, " : ""
      }${r.files} files under toy/ (${r.removed.length} stale removed) in ${
        r.wallSeconds.toFixed(1)
      } s`,
    );
    return 0;
  } catch (e) {
    if (e instanceof ToyRebuildError) {
      console.error(`reproduce: ${e.message}`);
      return 2;
    }
    throw e;
  }
}

/** Updates per toy-game run: `--toy-steps`, else the budget's. */
function toyStepsOf(parsed: Args): number {
  return parsed.toySteps ?? (parsed.budget === "smoke" ? 2_000 : 10_000);
}

/** `--emit-jobs`: job files for the plan's training runs instead of running them. */
async function emitJobs({ parsed, dir, job }: Context, kind: Emit): Promise<number> {
  const plan = job.runs;
  if (!plan.length) {
    console.error("reproduce: the selected sections need no training runs (use mujoco or degree)");
    return 2;
  }
  const [name, content] = kind === "slurm"
    ? ["reproduce.slurm.sh", emitSlurm(job)]
    : kind === "k8s"
    ? ["reproduce.k8s.yaml", emitK8s(job)]
    : ["runs.txt", emitList(job)];
  const path = `${dir}/jobs/${name}`;
  await writeFileAtomic(path, content, { mkdir: true });
  if (kind === "slurm") await Deno.chmod(path, 0o755).catch(() => {});
  console.log(`reproduce: wrote ${path}: ${plan.length} runs (indices 0..${plan.length - 1})`);
  for (const r of plan) console.log(`  ${r.index}: ${r.id}`);
  console.log(
    `When they have finished: deno task reproduce --collect ${
      shQuote(job.runsDir)
    } --budget ${parsed.budget} --out ${shQuote(parsed.out)} --id ${parsed.id}`,
  );
  return 0;
}

/** `--run-index i`: exactly run i of the plan (what every emitted job runs). */
async function runOne({ job }: Context, index: number): Promise<number> {
  const run = job.runs[index];
  if (!run) {
    console.error(
      `reproduce: --run-index ${index}: the plan has ${job.runs.length} runs (0..${
        job.runs.length - 1
      })`,
    );
    return 2;
  }
  console.log(`reproduce: run ${run.index}: ${run.id} -> ${job.runsDir}/${run.id}`);
  const stop = interruptHandler();
  let outcome: RunOutcome;
  try {
    outcome = await executeRun(run, job.runsDir, {
      signal: stop.signal,
      label: `[${run.index} ${run.id}]`,
    });
  } finally {
    stop.remove();
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

/** The report (the default mode): measure every section, then write it (lib/report/report.ts). */
async function buildReport({ parsed, dir, job, started }: Context): Promise<number> {
  const options: ReportOptions = {
    id: parsed.id,
    budget: parsed.budget,
    spec: budgetSpec(parsed.budget, parsed.seeds ?? undefined),
    only: parsed.only,
    toySteps: toyStepsOf(parsed),
    collect: parsed.collect,
    plan: job.runs,
    runsRoot: job.runsDir,
    jobs: parsed.jobs,
    workerCommand: (i) => workerCommand([...job.planArgs, "--run-index", String(i)]),
  };
  const stop = interruptHandler();
  let measured;
  try {
    measured = await measureReport(options, stop.signal, {
      log: (line) => console.log(line),
      warn: (line) => console.error(line),
    });
  } finally {
    stop.remove();
  }
  if (measured === null) {
    console.error(
      `reproduce: stopped before the report was written; finished runs are kept. Continue with the same command (same --out ${parsed.out} --id ${parsed.id}).`,
    );
    return stop.exitCode(130);
  }
  const written = await writeReport(dir, options, measured, regenerateCommand(parsed), started);
  console.log(
    `reproduce: wrote ${dir}/report.md, report.html and ${written.files} files in ${
      written.wallSeconds.toFixed(1)
    } s`,
  );
  return 0;
}

/** The command that regenerates this report, every flag that decides it spelled out. */
function regenerateCommand(parsed: Args): string {
  return `deno task reproduce ${
    [
      ...(parsed.collect !== null ? ["--collect", parsed.collect] : []),
      "--budget",
      parsed.budget,
      ...(parsed.seeds !== null ? ["--seeds", String(parsed.seeds)] : []),
      ...(parsed.onlyGiven ? ["--only", parsed.only.join(",")] : []),
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
}

if (import.meta.main) Deno.exit(await main(Deno.args));
