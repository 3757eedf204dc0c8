/**
 * The shapes of a run on disk (docs/design.md §8; the layout is described in
 * lib/store/run_store.ts): `config.json`, `status.json`, the rows of `metrics.jsonl`, and what the
 * readers return. Imports nothing.
 * @module
 */

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
