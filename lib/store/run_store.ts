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
 * - `checkpoints/last/` and `checkpoints/best/` — each written atomically as a whole directory
 *   (`writeDirAtomic`: built beside, then renamed in): what `agent.save` writes (`agent.json`,
 *   `tensors.bin`; `loadAgent(dir)` reads it), `trainer.json`
 *   (steps done, episode counters, RNG states, the current episodes' reset seeds and actions so
 *   far, best evaluation) and, with `--checkpoint-replay`, `replay.bin` (the replay arrays).
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
 * @module
 */
import { writeFileAtomic } from "../atomic.ts";
import { acquireRunLock, type LockOptions, runIsStale, RunLock } from "./run_lock.ts";

/**
 * Lifecycle of a run. `"stale"` is never written: readers report it for a run whose status.json
 * says `"running"` but whose writer process is gone from this host (killed outright; resume it).
 */
export type RunState = "running" | "finished" | "failed" | "interrupted" | "stale";

/** `config.json`: the resolved configuration of a run. */
export interface RunConfig {
  /** Run id: the run directory's name (letters, digits, `.`, `_`, `-`; never `..`). */
  id: string;
  /**
   * Environment name: one of `listEnvs()` (e.g. `"Hopper"`), or a user's environment's name (or
   * `"custom"`) when `customEnv` is set.
   */
  env: string;
  /**
   * The run trained on an environment the user passed to `train()` (an object or factory), which
   * the store cannot hold: resuming it needs `resumeRun(dir, { env })`.
   */
  customEnv?: boolean;
  /**
   * The task's options (Gymnasium v5's keyword arguments in camelCase), when any were given;
   * unbounded range ends are stored as the strings "Infinity" and "-Infinity".
   */
  envOptions?: Record<string, unknown>;
  /** Algorithm name, one of `ALGORITHMS` (e.g. `"fstd3"`). */
  algo: string;
  /** Consecutive seeds, one per population member (member p uses `seeds[0] + p`). */
  seeds: number[];
  /** Environment steps per member. */
  steps: number;
  /** TensorFlow.js backend requested: `"auto"`, `"wasm"`, `"cpu"` or `"webgpu"`. */
  backend: string;
  /** Hidden layer widths of actor and critic (e.g. `[16, 16]`). */
  hidden: number[];
  /** Environment steps per member between evaluations (0: only before training and at the end). */
  evalEvery: number;
  /** Deterministic episodes per member and evaluation (≥ 1). */
  evalEpisodes: number;
  /** Environment steps per member between `checkpoints/last` writes (0: only at the end). */
  checkpointEvery: number;
  /** Environment steps per member between recorded rollouts (0: start and best only). */
  recordEvery: number;
  /** When the run was created (ISO 8601, UTC). */
  createdAt: string;
  /** Versions of Deno, TensorFlow.js, MuJoCo and (when known) stackrl that produced the run. */
  versions: { deno: string; tfjs: string; mujoco: string; stackrl?: string };
  /** Git commit (40 hex digits) of the working directory, when it is a repository. */
  git?: string;
  /** What ran the updates: tfjs backend (`auto` resolved) and update implementation. */
  runtime?: { backend: string; implementation: string };
  /** Hyper-parameters and any further settings. */
  [key: string]: unknown;
}

/** `status.json`. */
export interface RunStatus {
  /** Where the run is in its lifecycle. */
  status: RunState;
  /** Environment steps completed per member (the same for every member). */
  stepsDone: number;
  /** Step budget per member (`config.steps`; a resume may change it). */
  stepsTotal: number;
  /** Best evaluation so far: the mean over members of their mean return (null: none yet). */
  bestEval: number | null;
  /** Seconds of wall time, summed across resumes. */
  wallTime: number;
  /** When this status was written (ISO 8601, UTC). */
  updatedAt: string;
  /** What went wrong (message and stack), when the run failed. */
  error?: string;
  /** Set on a finished run that a callback of `train()` stopped before its step budget. */
  stoppedEarly?: boolean;
  /** The callback that stopped it (`"onEval"`, `"onEpisode"` or `"onCheckpoint"`). */
  stoppedBy?: string;
  /** Process id of the trainer that wrote this status (a resume refuses a live one). */
  pid?: number;
  /** Host name of the trainer that wrote this status (a pid means something only there). */
  host?: string;
}

/** A finished training episode of one member. */
export interface EpisodeRow {
  /** Row kind: always `"episode"`. */
  type: "episode";
  /** Population index of the member (0 to P − 1). */
  member: number;
  /** The member's seed (`seeds[0] + member`). */
  seed: number;
  /** The member's environment steps completed when the episode ended. */
  step: number;
  /** Undiscounted sum of the episode's rewards under the exploring training policy. */
  return: number;
  /** Environment steps in the episode (≥ 1; at most the task's `maxEpisodeSteps`). */
  length: number;
  /** Seconds of wall time since the run started, summed across resumes (ms precision). */
  time: number;
}

/** An evaluation of one member. */
export interface EvalRow {
  /** Row kind: always `"eval"`. */
  type: "eval";
  /** Population index of the member (0 to P − 1). */
  member: number;
  /** The member's seed (`seeds[0] + member`). */
  seed: number;
  /** The member's environment steps completed at the evaluation (0: before training). */
  step: number;
  /** Mean of `returns`. */
  returnMean: number;
  /** Standard deviation of `returns` (population form: divides by their count). */
  returnStd: number;
  /** Undiscounted return of each deterministic episode, `evalEpisodes` of them, in order. */
  returns: number[];
  /** Seconds of wall time since the run started, summed across resumes (ms precision). */
  time: number;
}

/** Diagnostics of one block of updates of one member. */
export interface UpdateRow {
  /** Row kind: always `"update"`. */
  type: "update";
  /** Population index of the member (0 to P − 1). */
  member: number;
  /** The member's seed (`seeds[0] + member`). */
  seed: number;
  /** The member's environment steps completed when the row was written. */
  step: number;
  /** Mean critic TD loss since the previous row (TD3 family: both critics summed). */
  criticLoss: number | null;
  /** Mean J = mean Q₁(s, π(s)) before each actor step (null: no update stepped the actor). */
  actorObjective: number | null;
  /** Mean ‖∂J/∂θ‖ over the actor steps (null: no actor step). */
  gradientNorm: number | null;
  /** Mean ‖Stackelberg correction‖ over the actor steps; 0 for gradient methods (null: none). */
  correctionNorm: number | null;
  /** Mean cosine in [−1, 1] of actor direction and ∂J/∂θ; 1 for gradient methods (null: none). */
  cosine: number | null;
  /** Mean ‖correction‖ / ‖∂J/∂θ‖ over the actor steps; 0 for gradient methods (null: none). */
  correctionRatio: number | null;
  /** Environment steps per member per second since the last row, eval/checkpoint time excluded. */
  stepsPerSecond: number;
  /** Seconds of wall time since the run started, summed across resumes (ms precision). */
  time: number;
}

/** One line of `metrics.jsonl`. */
export type MetricRow = EpisodeRow | EvalRow | UpdateRow;

/** The columns of `metrics.csv` (the union over row types), in order. */
export const CSV_COLUMNS = [
  "type",
  "member",
  "seed",
  "step",
  "time",
  "return",
  "length",
  "returnMean",
  "returnStd",
  "returns",
  "criticLoss",
  "actorObjective",
  "gradientNorm",
  "correctionNorm",
  "cosine",
  "correctionRatio",
  "stepsPerSecond",
] as const;

/** One entry of {@link listRuns}. */
export interface RunSummary {
  /** Run id (the directory's name). */
  id: string;
  /** The run's directory (`<root>/<id>`). */
  dir: string;
  /** Environment name, from `config.json`. */
  env?: string;
  /** Algorithm name, from `config.json`. */
  algo?: string;
  /** The population's seeds, from `config.json`. */
  seeds?: number[];
  /** Environment steps completed per member (0 before the first `status.json`). */
  stepsDone?: number;
  /** Step budget per member. */
  stepsTotal?: number;
  /**
   * Where the run is in its lifecycle (`"running"` before the first `status.json`; `"stale"`
   * when it says running but its writer is gone from this host).
   */
  status?: RunState;
  /** Best evaluation so far: the mean over members of their mean return (null: none yet). */
  bestEval?: number | null;
  /** Set when a callback of `train()` stopped the run before its step budget. */
  stoppedEarly?: boolean;
  /** Seconds of wall time, summed across resumes. */
  wallTime?: number;
  /** When the run was created (ISO 8601, UTC). */
  createdAt?: string;
  /** Set when the run could not be read (the other fields may be missing). */
  error?: string;
}

/** A run read back from disk by {@link openRun}. */
export interface Run {
  /** Run id (the last component of `dir`). */
  id: string;
  /** The run's directory, as given to {@link openRun}. */
  dir: string;
  /** The parsed `config.json`. */
  config: RunConfig;
  /**
   * The parsed `status.json` (a fresh `"running"` status at step 0 if there is none yet), with
   * `status: "stale"` when it says running but its writer is gone from this host.
   */
  status: RunStatus;
  /** Every complete row of `metrics.jsonl`, in file order. */
  metrics: MetricRow[];
  /** Labels of the stored rollouts, sorted. */
  rollouts: string[];
  /** Checkpoints present (`"last"`, `"best"`). */
  checkpoints: string[];
  /** Reads `rollouts/<label>.json`. */
  readRollout(label: string): Promise<unknown>;
}

const ID_PATTERN = /^[A-Za-z0-9._-]+$/;

/** Whether `id` is a valid run id (also used for rollout labels); `.` names a folder itself. */
export function isValidRunId(id: unknown): id is string {
  return typeof id === "string" && id.length > 0 && id.length <= 200 && ID_PATTERN.test(id) &&
    id !== "." && !id.includes("..");
}

/** Throws unless `id` is a valid run id. */
export function checkRunId(id: unknown, what = "run id"): string {
  if (!isValidRunId(id)) {
    throw new Error(
      `${what}: got ${
        JSON.stringify(id)
      }; allowed: letters, digits, ".", "_", "-" (not "." alone, no "..")`,
    );
  }
  return id;
}

function join(...parts: string[]): string {
  return parts.join("/").replace(/\/+/g, "/");
}

/** A new run id: `<env>-<algo>-<UTC yyyymmdd-hhmmss>-<4 hex>`. */
export function newRunId(env: string, algo: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  const tag = crypto.randomUUID().slice(0, 4);
  return `${env}-${algo}-${stamp}-${tag}`.replace(/[^A-Za-z0-9._-]/g, "_");
}

// ---------------------------------------------------------------------------------------------
// reading

/**
 * Parses `metrics.jsonl` text: complete lines only; a torn last line (no trailing newline and
 * not valid JSON) is skipped, as is any malformed line. Returns the rows and the byte length of
 * the complete part (for incremental reading).
 */
export function parseMetrics(text: string): { rows: MetricRow[]; complete: number } {
  const rows: MetricRow[] = [];
  const lastNewline = text.lastIndexOf("\n");
  const complete = lastNewline + 1;
  const body = text.slice(0, complete);
  for (const line of body.split("\n")) {
    if (line.trim() === "") continue;
    try {
      const row = JSON.parse(line);
      if (row && typeof row === "object" && typeof row.type === "string") rows.push(row);
    } catch {
      // a malformed line (should not happen for complete lines): skip it
    }
  }
  // the tail after the last newline is a torn write unless it parses on its own
  const tail = text.slice(complete);
  if (tail.trim() !== "") {
    try {
      const row = JSON.parse(tail);
      if (row && typeof row === "object" && typeof row.type === "string") rows.push(row);
    } catch {
      // torn
    }
  }
  return { rows, complete: new TextEncoder().encode(body).length };
}

/**
 * Reads the metric rows of the run in `dir` from byte `offset` on (0: all), for tailing a live
 * run: call again with the returned `offset` to get only the new rows.
 */
export async function readMetrics(
  dir: string,
  offset = 0,
): Promise<{ rows: MetricRow[]; offset: number }> {
  let bytes: Uint8Array;
  try {
    bytes = await Deno.readFile(join(dir, "metrics.jsonl"));
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return { rows: [], offset: 0 };
    throw error;
  }
  if (offset > bytes.length) offset = 0; // the file was truncated (a resume): read it again
  const text = new TextDecoder().decode(bytes.subarray(offset));
  const lastNewline = text.lastIndexOf("\n");
  const complete = text.slice(0, lastNewline + 1);
  const { rows } = parseMetrics(complete);
  return { rows, offset: offset + new TextEncoder().encode(complete).length };
}

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

// ---------------------------------------------------------------------------------------------
// writing

function csvCell(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return value.join(";");
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (with newline) for `row`, in {@link CSV_COLUMNS} order. */
export function csvLine(row: MetricRow): string {
  const r = row as unknown as Record<string, unknown>;
  return CSV_COLUMNS.map((c) => csvCell(r[c])).join(",") + "\n";
}

/**
 * Writes one run's files; created by {@link RunWriter.create} or {@link RunWriter.open}. A writer
 * holds the run's lock (`lock.json`) until {@link RunWriter.close}.
 */
export class RunWriter {
  #jsonl: Deno.FsFile | undefined;
  #csv: Deno.FsFile | undefined;
  readonly #encoder = new TextEncoder();
  readonly #lock: RunLock;

  private constructor(readonly dir: string, readonly id: string, lock: RunLock) {
    this.#lock = lock;
  }

  /**
   * Creates `root/<config.id>/` with `config.json`, an initial `status.json`, empty metrics and
   * this process's `lock.json`. Fails if the directory already exists.
   */
  static async create(root: string, config: RunConfig, status: RunStatus): Promise<RunWriter> {
    const id = checkRunId(config.id);
    await Deno.mkdir(root, { recursive: true });
    const dir = join(root, id);
    // built under a temporary name (which listRuns skips), then renamed into place, so a reader
    // never sees a run directory without its config.json
    const temp = `${dir}.tmp-${crypto.randomUUID().slice(0, 8)}`;
    await Deno.mkdir(temp);
    let lock: RunLock;
    try {
      // the lock is in place before the directory appears, so no second writer can slip in
      lock = await RunLock.createIn(temp, dir);
      await Deno.writeTextFile(join(temp, "config.json"), JSON.stringify(config, null, 2) + "\n");
      await Deno.writeTextFile(join(temp, "status.json"), JSON.stringify(status, null, 2) + "\n");
      await Deno.writeTextFile(join(temp, "metrics.jsonl"), "");
      await Deno.writeTextFile(join(temp, "metrics.csv"), CSV_COLUMNS.join(",") + "\n");
      // never write into another run (rename would replace an empty directory)
      let exists = true;
      try {
        await Deno.stat(dir);
      } catch (error) {
        if (!(error instanceof Deno.errors.NotFound)) throw error;
        exists = false;
      }
      if (exists) throw new Deno.errors.AlreadyExists(`run ${dir} already exists`);
      await Deno.rename(temp, dir);
    } catch (error) {
      await Deno.remove(temp, { recursive: true }).catch(() => {});
      throw error;
    }
    const writer = new RunWriter(dir, id, lock);
    try {
      await writer.#openFiles();
    } catch (error) {
      writer.close();
      throw error;
    }
    return writer;
  }

  /**
   * Opens an existing run for appending (a resume). Rows with `step > keepUpToStep` (written
   * after the checkpoint being resumed) and a torn last line are removed from both metrics files.
   * Takes the run's lock first ({@link acquireRunLock}: throws `RunLockedError` naming the writer
   * that holds it), unless `options.lock` hands over one already held.
   */
  static async open(
    dir: string,
    keepUpToStep = Infinity,
    options: LockOptions & { lock?: RunLock } = {},
  ): Promise<RunWriter> {
    const id = checkRunId(dir.replace(/\/+$/, "").split("/").pop());
    const lock = options.lock ?? await acquireRunLock(dir, options);
    const writer = new RunWriter(dir, id, lock);
    try {
      await writer.#truncate(keepUpToStep);
      await writer.#openFiles();
    } catch (error) {
      writer.close();
      throw error;
    }
    return writer;
  }

  async #truncate(keepUpToStep: number): Promise<void> {
    const dir = this.dir;
    let text = "";
    try {
      text = await Deno.readTextFile(join(dir, "metrics.jsonl"));
    } catch (error) {
      if (!(error instanceof Deno.errors.NotFound)) throw error;
    }
    const { rows } = parseMetrics(text.slice(0, text.lastIndexOf("\n") + 1));
    const kept = rows.filter((r) => !(r.step > keepUpToStep));
    await writeFileAtomic(
      join(dir, "metrics.jsonl"),
      kept.map((r) => JSON.stringify(r) + "\n").join(""),
    );
    await writeFileAtomic(
      join(dir, "metrics.csv"),
      CSV_COLUMNS.join(",") + "\n" + kept.map(csvLine).join(""),
    );
  }

  async #openFiles(): Promise<void> {
    this.#jsonl = await Deno.open(join(this.dir, "metrics.jsonl"), { append: true });
    this.#csv = await Deno.open(join(this.dir, "metrics.csv"), { append: true });
  }

  /** Appends rows to `metrics.jsonl` and `metrics.csv` (one write per file). */
  async append(rows: readonly MetricRow[]): Promise<void> {
    if (rows.length === 0) return;
    if (!this.#jsonl || !this.#csv) throw new Error("run writer is closed");
    await writeAll(
      this.#jsonl,
      this.#encoder.encode(rows.map((r) => JSON.stringify(r) + "\n").join("")),
    );
    await writeAll(this.#csv, this.#encoder.encode(rows.map(csvLine).join("")));
  }

  /** Throws `LockLostError` unless this writer still holds the run's lock. */
  assertOwned(): void {
    this.#lock.assertOwned();
  }

  /**
   * Rewrites `status.json` atomically; throws `LockLostError` instead when another process has
   * taken the run's lock (a forced takeover), so that a run never gets two writers' statuses.
   */
  async writeStatus(status: RunStatus): Promise<void> {
    this.#lock.assertOwned();
    await writeFileAtomic(join(this.dir, "status.json"), JSON.stringify(status, null, 2) + "\n");
  }

  /** Writes `rollouts/<label>.json` atomically (JSON text as is, anything else stringified). */
  async writeRollout(label: string, rollout: unknown): Promise<void> {
    checkRunId(label, "rollout label");
    await Deno.mkdir(join(this.dir, "rollouts"), { recursive: true });
    await writeFileAtomic(
      join(this.dir, "rollouts", `${label}.json`),
      typeof rollout === "string" ? rollout : JSON.stringify(rollout),
    );
  }

  /** The directory of checkpoint `name` (`"last"` or `"best"`). */
  checkpointDir(name: "last" | "best"): string {
    return join(this.dir, "checkpoints", name);
  }

  /** Closes the metrics files and releases the run's lock. Idempotent. */
  close(): void {
    this.#jsonl?.close();
    this.#csv?.close();
    this.#jsonl = this.#csv = undefined;
    this.#lock.release();
  }
}

async function writeAll(file: Deno.FsFile, data: Uint8Array): Promise<void> {
  let written = 0;
  while (written < data.length) written += await file.write(data.subarray(written));
}
