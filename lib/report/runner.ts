/**
 * Executes the plan's training runs: in this process, in worker processes (`--jobs`), or one
 * run by index (`--run-index`, what an emitted Slurm / Kubernetes / list job runs). A run whose
 * `status.json` says finished with every step done is reused untouched; an unfinished one is
 * resumed from its last checkpoint (or redone from the start if it has none); a missing one is
 * trained. Also writes the job files of `--emit-jobs`.
 *
 * Stopping: SIGTERM and SIGHUP stop the runs in flight like the caller's abort signal does (each
 * writes a checkpoint and comes back interrupted), in this process and in every worker; workers
 * are told with SIGTERM, which they handle here too (lib/train/signals.ts).
 * @module
 */
import { resumeRun, train, type TrainProgress, type TrainResult } from "../train/loop.ts";
import { listenForStop, STOP_SIGNALS } from "../train/signals.ts";
import { formatDuration } from "../train/format.ts";
import type { RunStatus } from "../store/run_store.ts";
import type { PlannedRun } from "./plan.ts";

/** What happened to one planned run. */
export interface RunOutcome {
  index: number;
  id: string;
  dir: string;
  status: "finished" | "interrupted" | "failed";
  /** How it got there this time. */
  action: "reused" | "trained" | "resumed";
  error?: string;
}

/** The state of a planned run on disk. */
export async function runState(
  dir: string,
  steps: number,
): Promise<"absent" | "finished" | "partial"> {
  try {
    await Deno.stat(`${dir}/config.json`);
  } catch {
    return "absent";
  }
  try {
    const status = JSON.parse(await Deno.readTextFile(`${dir}/status.json`)) as RunStatus;
    if (status.status === "finished" && status.stepsDone >= steps) return "finished";
  } catch { /* no status yet: partial */ }
  return "partial";
}

/** A progress printer for one run: a line at most every `every` seconds, and at the end. */
export function progressLine(
  label: string,
  log: (line: string) => void,
  every = 5,
): (p: TrainProgress) => void {
  let last = -Infinity;
  return (p) => {
    const now = performance.now();
    if (now - last < every * 1000 && p.phase !== "done") return;
    last = now;
    const evals = p.lastEval.map((e) => (e === null ? "-" : e.toFixed(1))).join(" ");
    log(
      `  ${label} step ${p.stepsDone}/${p.stepsTotal} ${p.stepsPerSecond.toFixed(0)} steps/s ` +
        `ETA ${formatDuration(p.etaSeconds)} eval ${evals || "-"}${
          p.phase === "done" ? " done" : ""
        }`,
    );
  };
}

/** Exit codes of a worker that stopped on a signal after writing its checkpoint. */
const STOPPED_CODES = new Set(Object.values(STOP_SIGNALS).map((n) => 128 + n));

/**
 * Runs (or reuses, or resumes) one planned run in this process. SIGTERM and SIGHUP abort it like
 * `options.signal` (the caller owns SIGINT): it writes a checkpoint and comes back interrupted.
 */
export async function executeRun(
  run: PlannedRun,
  runsRoot: string,
  options: {
    signal?: AbortSignal;
    log?: (line: string) => void;
    label?: string;
    /** Also called with every progress report of the training. */
    onProgress?: (progress: TrainProgress) => void;
  } = {},
): Promise<RunOutcome> {
  const log = options.log ?? ((line: string) => console.log(line));
  const dir = `${runsRoot}/${run.id}`;
  const state = await runState(dir, run.input.steps as number);
  const base = { index: run.index, id: run.id, dir };
  if (state === "finished") return { ...base, status: "finished", action: "reused" };
  const line = progressLine(options.label ?? run.id, log);
  const onProgress = (p: TrainProgress) => {
    line(p);
    options.onProgress?.(p);
  };
  let result: TrainResult;
  const stop = listenForStop({ signals: ["SIGTERM", "SIGHUP"] });
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  try {
    if (state === "absent") {
      await Deno.mkdir(runsRoot, { recursive: true });
      result = await train({ ...run.input, out: runsRoot }, { id: run.id, signal, onProgress });
    } else {
      result = await resumeRun(dir, { signal, onProgress, log });
    }
  } catch (error) {
    return {
      ...base,
      status: "failed",
      action: state === "absent" ? "trained" : "resumed",
      error: (error as Error).message,
    };
  } finally {
    stop.remove();
  }
  return {
    ...base,
    status: result.status === "finished"
      ? "finished"
      : result.status === "interrupted"
      ? "interrupted"
      : "failed",
    action: state === "absent" ? "trained" : "resumed",
  };
}

/** Options of {@link executePlan}. */
export interface ExecuteOptions {
  /** Parallel runs (worker processes when > 1). */
  jobs: number;
  signal?: AbortSignal;
  log?: (line: string) => void;
  /**
   * The command line that runs plan index i in a worker process (used when jobs > 1): the
   * program and its arguments.
   */
  workerCommand?: (index: number) => string[];
  /** Progress of in-process runs (jobs = 1). */
  onProgress?: (run: PlannedRun, progress: TrainProgress) => void;
}

/**
 * Executes every run of the plan (skipping finished ones). Stops starting new runs once
 * `signal` is aborted or this process gets SIGTERM or SIGHUP; runs in flight write a checkpoint
 * and come back interrupted (workers are sent SIGTERM: a worker that got the terminal's Ctrl-C
 * too must not count a second SIGINT, which would make it quit without its checkpoint).
 */
export async function executePlan(
  runs: PlannedRun[],
  runsRoot: string,
  options: ExecuteOptions,
): Promise<RunOutcome[]> {
  const log = options.log ?? ((line: string) => console.log(line));
  const outcomes: RunOutcome[] = new Array(runs.length);
  let next = 0;
  const children = new Set<Deno.ChildProcess>();
  const stop = listenForStop({ signals: ["SIGTERM", "SIGHUP"] });
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  const onAbort = () => {
    for (const c of children) {
      try {
        c.kill("SIGTERM");
      } catch { /* already gone */ }
    }
  };
  signal.addEventListener("abort", onAbort);
  const worker = async () => {
    while (next < runs.length && !signal.aborted) {
      const run = runs[next++];
      const label = `[${run.index + 1}/${runs.length} ${run.id}]`;
      const dir = `${runsRoot}/${run.id}`;
      const state = await runState(dir, run.input.steps as number);
      if (state === "finished") {
        outcomes[run.index] = {
          index: run.index,
          id: run.id,
          dir,
          status: "finished",
          action: "reused",
        };
        log(`${label} finished earlier: reused`);
        continue;
      }
      log(`${label} ${state === "absent" ? "training" : "resuming"} ...`);
      const started = performance.now();
      if (options.jobs <= 1 || !options.workerCommand) {
        outcomes[run.index] = await executeRun(run, runsRoot, {
          signal,
          log,
          label,
          onProgress: (p) => options.onProgress?.(run, p),
        });
      } else {
        const [program, ...args] = options.workerCommand(run.index);
        const child = new Deno.Command(program, {
          args,
          stdout: "piped",
          stderr: "piped",
        }).spawn();
        children.add(child);
        const pump = async (stream: ReadableStream<Uint8Array>) => {
          const decoder = new TextDecoder();
          let buffer = "";
          for await (const chunk of stream) {
            buffer += decoder.decode(chunk, { stream: true });
            let nl;
            while ((nl = buffer.indexOf("\n")) >= 0) {
              const line = buffer.slice(0, nl);
              buffer = buffer.slice(nl + 1);
              if (line.trim()) log(line.startsWith("  [") ? line : `${label} ${line}`);
            }
          }
        };
        const [status] = await Promise.all([child.status, pump(child.stdout), pump(child.stderr)]);
        children.delete(child);
        const after = await runState(dir, run.input.steps as number);
        outcomes[run.index] = {
          index: run.index,
          id: run.id,
          dir,
          status: after === "finished"
            ? "finished"
            : STOPPED_CODES.has(status.code) || signal.aborted
            ? "interrupted"
            : "failed",
          action: state === "absent" ? "trained" : "resumed",
          ...(after !== "finished" && !STOPPED_CODES.has(status.code)
            ? { error: `worker exited with code ${status.code}` }
            : {}),
        };
      }
      const o = outcomes[run.index];
      log(
        `${label} ${o.status} (${o.action}, ${
          ((performance.now() - started) / 1000).toFixed(1)
        } s)${o.error ? `: ${o.error}` : ""}`,
      );
    }
  };
  try {
    await Promise.all(
      Array.from({ length: Math.max(1, Math.min(options.jobs, runs.length)) }, worker),
    );
  } finally {
    signal.removeEventListener("abort", onAbort);
    stop.remove();
  }
  return outcomes;
}

// ---------------------------------------------------------------------------------------------
// job files

/** Quotes a word for POSIX sh. */
export function shQuote(word: string): string {
  return /^[A-Za-z0-9_./=:,@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** What the job files need to know. */
export interface JobSpec {
  /** Arguments of `deno task reproduce` that select the plan (budget, seeds, only, runs). */
  planArgs: string[];
  runs: PlannedRun[];
  /** Run store directory as the jobs see it. */
  runsDir: string;
  /** Container image of the Kubernetes job. */
  image?: string;
  /** Repository checkout inside the container / on the cluster. */
  workdir?: string;
}

/** The command that runs plan index `index` (a literal number or a shell expansion). */
export function runCommand(spec: JobSpec, index: string): string {
  return ["deno", "task", "reproduce", ...spec.planArgs.map(shQuote), "--run-index", index].join(
    " ",
  );
}

/** One command per line: line i runs plan index i. */
export function emitList(spec: JobSpec): string {
  return spec.runs.map((r) => runCommand(spec, String(r.index))).join("\n") + "\n";
}

/** A Slurm job-array script: task SLURM_ARRAY_TASK_ID runs plan index SLURM_ARRAY_TASK_ID. */
export function emitSlurm(spec: JobSpec): string {
  const n = spec.runs.length;
  return [
    "#!/bin/bash",
    "#SBATCH --job-name=stackrl-reproduce",
    `#SBATCH --array=0-${n - 1}`,
    "#SBATCH --cpus-per-task=1",
    "#SBATCH --mem=4G",
    "#SBATCH --time=48:00:00",
    "#SBATCH --output=stackrl-%A_%a.out",
    "#",
    `# ${n} independent training runs of the reproduction plan; index i runs:`,
    ...spec.runs.map((r) => `#   ${r.index}: ${r.id}`),
    "# Submit from the repository checkout (on a filesystem every node sees):",
    "#   sbatch reproduce.slurm.sh",
    "# then build the report from the finished run store:",
    `#   deno task reproduce --collect ${shQuote(spec.runsDir)}`,
    "set -euo pipefail",
    spec.workdir ? `cd ${shQuote(spec.workdir)}` : 'cd "${SLURM_SUBMIT_DIR:-$PWD}"',
    'if [ -z "${SLURM_ARRAY_TASK_ID:-}" ]; then echo "SLURM_ARRAY_TASK_ID is not set" >&2; exit 2; fi',
    `exec ${runCommand(spec, '"$SLURM_ARRAY_TASK_ID"')}`,
    "",
  ].join("\n");
}

/**
 * A Kubernetes Indexed Job: completion index JOB_COMPLETION_INDEX runs that plan index. One
 * shared volume (claim `stackrl-work`) holds the repository checkout with its node_modules at
 * `/work/stackrl` and, inside it, the run store (a relative `--runs` resolves there).
 */
export function emitK8s(spec: JobSpec): string {
  const n = spec.runs.length;
  const workdir = spec.workdir ?? "/work/stackrl";
  const image = spec.image ?? `denoland/deno:${Deno.version.deno}`;
  const script = `cd ${workdir} && exec ${runCommand(spec, '"$JOB_COMPLETION_INDEX"')}`;
  const q = (s: string) => JSON.stringify(s);
  const outside = spec.runsDir.startsWith("/") && !spec.runsDir.startsWith("/work/");
  return [
    `# ${n} independent training runs of the reproduction plan (index i runs the plan's run i).`,
    "# The persistent volume claim stackrl-work (ReadWriteMany) holds the repository checkout,",
    `# node_modules included, at ${workdir}; the run store ${spec.runsDir} is written there too.`,
    ...(outside
      ? [`# WARNING: ${spec.runsDir} is outside the shared volume; use a relative --runs.`]
      : []),
    "# Apply with: kubectl apply -f reproduce.k8s.yaml",
    `# Then, in the checkout: deno task reproduce --collect ${spec.runsDir}`,
    "apiVersion: batch/v1",
    "kind: Job",
    "metadata:",
    "  name: stackrl-reproduce",
    "spec:",
    "  completionMode: Indexed",
    `  completions: ${n}`,
    `  parallelism: ${Math.min(n, 16)}`,
    "  backoffLimitPerIndex: 2",
    `  maxFailedIndexes: ${n}`,
    "  template:",
    "    spec:",
    "      restartPolicy: Never",
    "      containers:",
    "        - name: run",
    `          image: ${q(image)}`,
    `          workingDir: ${q(workdir)}`,
    '          command: ["/bin/sh", "-c"]',
    `          args: [${q(script)}]`,
    "          resources:",
    "            requests:",
    '              cpu: "1"',
    '              memory: "4Gi"',
    "          volumeMounts:",
    "            - name: work",
    '              mountPath: "/work"',
    "      volumes:",
    "        - name: work",
    "          persistentVolumeClaim:",
    "            claimName: stackrl-work",
    "",
  ].join("\n");
}
