/**
 * The run store (docs/design.md §8): how a training run lives on disk, with a writer (used by
 * the trainer) and a reader (used by `openRun`, `listRuns` and the web UI). The reader needs
 * only read permission and imports nothing heavy (no tfjs, no MuJoCo).
 *
 * ## Layout of `runs/<id>/`
 *
 * Run ids match `/^[A-Za-z0-9._-]+$/` and never contain `..`. A run directory appears complete
 * (created as `<id>.tmp-*` and renamed; readers skip names containing `.tmp-`).
 *
 * - `config.json` — the resolved config, written once before training starts:
 *   `{id, env, algo, seeds: number[], steps, backend, hidden, ...every hyper-parameter of
 *   docs/algorithms.md (lrActor, lrCritic, polyak, gamma, batchSize, actNoise, startSteps,
 *   updateAfter, updateEvery, replayCapacity, and those that apply to the algorithm), evalEvery,
 *   evalEpisodes, checkpointEvery, recordEvery, envOptions?: the task's options,
 *   customEnv?: true (a user's environment, named by its `name` or "custom"; no rollouts),
 *   createdAt (ISO), versions: {deno, tfjs, mujoco, stackrl?}, git?: commit}`.
 * - `status.json` — rewritten atomically (temporary file, then rename):
 *   `{status: "running"|"finished"|"failed"|"interrupted", stepsDone, stepsTotal,
 *   bestEval: number|null, wallTime (seconds), updatedAt (ISO), error?: string,
 *   stoppedEarly?: true, stoppedBy?: "onEval"|"onEpisode"|"onCheckpoint", pid?: number,
 *   host?: string}`. A run that a `train()` callback stopped before its budget is `finished`
 *   with `stoppedEarly` (and `stepsDone < stepsTotal`); resuming it continues to the budget.
 *   `stepsDone` and `stepsTotal` count environment steps per population member; `bestEval` is
 *   the best evaluation so far of the mean over members of their mean evaluation returns.
 *   Readers report a `running` run whose writer is gone from this host as `stale` (never written
 *   to the file; see lib/store/run_lock.ts).
 * - `lock.json` — `{host, pid, startedAt, procStart?}` of the one process writing the run, created
 *   exclusively when a run is created or resumed and removed when that process stops
 *   (lib/store/run_lock.ts); present after a stop only when the writer was killed outright.
 * - `metrics.jsonl` — one JSON object per line, appended; each has a `type`:
 *   - `{type: "episode", member, seed, step, return, length, time}` — a finished training
 *     episode (step = the member's environment step at its end);
 *   - `{type: "eval", member, seed, step, returnMean, returnStd, returns: number[], time}` —
 *     `evalEpisodes` deterministic episodes (no exploration noise);
 *   - `{type: "update", member, seed, step, criticLoss, actorObjective, gradientNorm,
 *     correctionNorm, cosine, correctionRatio, stepsPerSecond, time}` — means over the updates
 *     since the previous update row (rows come every `updateEvery` steps, or a multiple of it
 *     chosen so a run has about 2000 rows per member); the actor diagnostics average the updates
 *     that stepped the actor (null when none did); `stepsPerSecond` is environment steps per
 *     member per second over that stretch, evaluation and checkpoint time left out.
 *   `member` is the population index, `seed` its seed, `time` seconds of wall time since the
 *   run started (summed across resumes). A torn last line (the process was killed while
 *   writing) is ignored by the reader and cut off by the writer when the run resumes.
 * - `metrics.csv` — the same rows as CSV, with the union of the columns ({@link CSV_COLUMNS});
 *   empty cells where a row type has no such column; `returns` joined with `;`.
 * - `checkpoints/last/` and `checkpoints/best/` — each written as a whole checked directory
 *   (lib/store/checked_checkpoint.ts: built beside, `manifest.json` with every file's size and
 *   SHA-256, then renamed in; `last` keeps the one before as `last.prev`): what `agent.save`
 *   writes (`agent.json`, `tensors.bin`; `loadAgent(dir)` reads it), `trainer.json`
 *   (steps done, episode counters, RNG states, the current episodes' reset seeds and actions so
 *   far, best evaluation) and, in `last` when it fits 256 MiB or with `--checkpoint-replay`,
 *   `replay.bin` (the replay arrays).
 * - `rollouts/<label>.json` — what `recordRollout` returns, as `encodeRollout` writes it
 *   (format "stackrl-rollout/1", see physics/rollout.ts; decode with `decodeRollout`): one
 *   deterministic episode of member 0 (labels `step-000000` at the start, `step-<n>` every
 *   `recordEvery` steps, `best` for the best evaluation so far).
 *
 * @example
 * ```ts
 * import { listRuns, openRun } from "./run_store.ts";
 * for (const summary of await listRuns("runs")) {
 *   if (summary.error) continue; // a malformed run
 *   const run = await openRun(summary.dir);
 *   const evals = run.metrics.filter((row) => row.type === "eval");
 *   console.log(run.id, run.status.status, evals.length, run.rollouts);
 * }
 * ```
 *
 * The store is split by concern: the shapes (lib/store/types.ts), run ids (lib/store/ids.ts), the
 * metrics reader (lib/store/metrics.ts), the writer (lib/store/run_writer.ts) and the lock
 * (lib/store/run_lock.ts); this module reads runs back and re-exports the rest.
 * @module
 */
import { runIsStale } from "./run_lock.ts";
import { checkRunId, isValidRunId, join } from "./ids.ts";
import { readMetrics } from "./metrics.ts";
import type { Run, RunConfig, RunStatus, RunSummary } from "./types.ts";

export * from "./types.ts";
export { checkRunId, isValidRunId, newRunId } from "./ids.ts";
export {
  csvLine,
  MetricsError,
  type MetricsOptions,
  metricsProblems,
  type ParsedMetrics,
  parseMetricLine,
  parseMetrics,
  readMetrics,
} from "./metrics.ts";
export { RunWriter } from "./run_writer.ts";

async function readJson<T>(path: string): Promise<T> {
  const text = await Deno.readTextFile(path);
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new Error(`${path}: not valid JSON (${(error as Error).message})`);
  }
}

async function listNames(dir: string, filter: (e: Deno.DirEntry) => boolean): Promise<string[]> {
  const names: string[] = [];
  try {
    for await (const entry of Deno.readDir(dir)) if (filter(entry)) names.push(entry.name);
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
  return names.sort();
}

/** Labels of the rollouts stored for the run in `dir`. */
export async function listRollouts(dir: string): Promise<string[]> {
  return (await listNames(
    join(dir, "rollouts"),
    (e) => e.isFile && e.name.endsWith(".json") && !e.name.includes(".tmp-"),
  ))
    .map((n) => n.slice(0, -".json".length))
    .filter(isValidRunId);
}

/** Reads `rollouts/<label>.json` of the run in `dir`. */
export async function readRollout(dir: string, label: string): Promise<unknown> {
  checkRunId(label, "rollout label");
  return await readJson(join(dir, "rollouts", `${label}.json`));
}

/** Reads the run in `dir` (config, status, metrics, rollouts, checkpoints). */
export async function openRun(dir: string): Promise<Run> {
  const id = dir.replace(/\/+$/, "").split("/").pop() ?? "";
  checkRunId(id);
  const config = await readJson<RunConfig>(join(dir, "config.json"));
  if (!config || typeof config !== "object") throw new Error(`${dir}/config.json: not an object`);
  let status: RunStatus;
  try {
    status = await readJson<RunStatus>(join(dir, "status.json"));
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
    status = {
      status: "running",
      stepsDone: 0,
      stepsTotal: config.steps,
      bestEval: null,
      wallTime: 0,
      updatedAt: config.createdAt,
    };
  }
  if (runIsStale(dir, status)) status = { ...status, status: "stale" };
  const { rows } = await readMetrics(dir);
  const rollouts = await listRollouts(dir);
  const checkpoints = await listNames(
    join(dir, "checkpoints"),
    (e) => e.isDirectory && (e.name === "last" || e.name === "best"),
  );
  return {
    id,
    dir,
    config,
    status,
    metrics: rows,
    rollouts,
    checkpoints,
    readRollout: (label: string) => readRollout(dir, label),
  };
}

/**
 * Summaries of every run under `root` (directories with a valid id), newest first. A run that
 * cannot be read yields an entry with `error` instead of throwing; a missing root gives `[]`.
 */
export async function listRuns(root: string): Promise<RunSummary[]> {
  const ids = (await listNames(root, (e) => e.isDirectory)).filter(isValidRunId)
    .filter((n) => !n.includes(".tmp-"));
  const out: RunSummary[] = [];
  for (const id of ids) {
    const dir = join(root, id);
    try {
      const config = await readJson<RunConfig>(join(dir, "config.json"));
      if (!config || typeof config !== "object") throw new Error("config.json: not an object");
      let status: Partial<RunStatus> = {};
      try {
        status = await readJson<RunStatus>(join(dir, "status.json"));
      } catch (error) {
        if (!(error instanceof Deno.errors.NotFound)) throw error;
      }
      out.push({
        id,
        dir,
        env: config.env,
        algo: config.algo,
        seeds: config.seeds,
        stepsDone: status.stepsDone ?? 0,
        stepsTotal: status.stepsTotal ?? config.steps,
        status: runIsStale(dir, status) ? "stale" : status.status ?? "running",
        bestEval: status.bestEval ?? null,
        ...(status.stoppedEarly === true ? { stoppedEarly: true } : {}),
        wallTime: status.wallTime ?? 0,
        createdAt: config.createdAt,
        ...(status.error ? { error: status.error } : {}),
      });
    } catch (error) {
      out.push({ id, dir, error: (error as Error).message });
    }
  }
  return out.sort((a, b) =>
    (b.createdAt ?? "").localeCompare(a.createdAt ?? "") || (a.id < b.id ? -1 : 1)
  );
}
