/**
 * What `train()` and `resumeRun()` take and give: their options and callbacks (Stable-Baselines3's
 * callbacks: one that returns `false` stops the run), the progress they report, and the
 * summary they return. Options are validated before anything is made.
 * @module
 */
import type { Agent } from "../agent.ts";
import { checkKnownKeys, checkNumber, ValidationError } from "../errors.ts";
import type { EnvFactory, EnvLike } from "../../physics/types.ts";
import type { TrainConfig } from "./config.ts";
import type { EpisodeRow, EvalRow, RunState, RunSummary } from "../store/run_store.ts";

/** What `onProgress` receives. */
export interface TrainProgress {
  /** Run id. */
  id: string;
  /** The run's directory (`<out>/<id>`). */
  dir: string;
  /** Environment steps completed per member (the same for every member). */
  stepsDone: number;
  /** Step budget per member. */
  stepsTotal: number;
  /** Environment steps per member per second (recent). */
  stepsPerSecond: number;
  /** Seconds left at the recent rate (null before a rate is known). */
  etaSeconds: number | null;
  /** Last evaluation mean return per member (null before the first). */
  lastEval: (number | null)[];
  /** Best evaluation so far: the mean over members of their mean return (null: none yet). */
  bestEval: number | null;
  /** What the loop is doing. */
  phase: "starting" | "random" | "learning" | "evaluating" | "checkpoint" | "done";
  /** Wall time so far in seconds (summed across resumes). */
  wallTime: number;
}

/** What `onEval` receives after each evaluation. */
export interface EvalInfo {
  /** Run id. */
  id: string;
  /** The run's directory. */
  dir: string;
  /** Environment steps done per member (0: the evaluation before training). */
  step: number;
  /** The evaluation's rows, one per member, as written to metrics.jsonl. */
  rows: EvalRow[];
  /** The mean over members of their mean return. */
  mean: number;
  /** Whether `mean` is a new best (then `checkpoints/best` holds this agent, after step 0). */
  best: boolean;
  /**
   * The agent in training, to act with, `evaluate()` or `save()`; updating or disposing it would
   * corrupt the run.
   */
  agent: Agent;
}

/** What `onEpisode` receives for each finished training episode. */
export interface EpisodeInfo {
  /** Run id. */
  id: string;
  /** The run's directory. */
  dir: string;
  /** Environment steps done per member. */
  step: number;
  /** The episode's row, as written to metrics.jsonl. */
  row: EpisodeRow;
}

/** What `onCheckpoint` receives after each checkpoint is written. */
export interface CheckpointInfo {
  /** Run id. */
  id: string;
  /** The run's directory. */
  dir: string;
  /** Environment steps done per member. */
  step: number;
  /** `"last"` (every `checkpointEvery` steps and at the end) or `"best"` (a new best evaluation). */
  name: "last" | "best";
  /** The checkpoint's directory (`loadAgent(path)` reads it). */
  path: string;
}

/**
 * What a callback returns: `false` (or a promise of it) stops the run early, anything else lets it
 * go on. A callback that throws fails the run.
 */
export type CallbackResult = boolean | void | Promise<boolean | void>;

/** The callbacks that can stop a run. */
export type StopCallback = "onEval" | "onEpisode" | "onCheckpoint";

/** Options of `train()` and `resumeRun()`. */
export interface TrainOptions {
  /** Called on every event and at most every `progressInterval` ms in between. */
  onProgress?: (progress: TrainProgress) => void;
  /** Aborting writes a checkpoint, marks the run interrupted and returns. */
  signal?: AbortSignal;
  /** Minimum milliseconds between routine `onProgress` calls (default 200). */
  progressInterval?: number;
  /** Run id (default: `name` if given, else `<env>-<algo>-<UTC time>-<hex>`). */
  id?: string;
  /** Called after each evaluation (and before training, at step 0); `false` stops the run. */
  onEval?: (info: EvalInfo) => CallbackResult;
  /** Called for each finished training episode of each member; `false` stops the run. */
  onEpisode?: (info: EpisodeInfo) => CallbackResult;
  /** Called after each checkpoint is written; `false` stops the run. */
  onCheckpoint?: (info: CheckpointInfo) => CallbackResult;
  /**
   * Where notices go (a lock taken over, a WebGPU run on a software adapter); default
   * `console.error`.
   */
  log?: (line: string) => void;
}

/** The options `train()` knows. */
export const TRAIN_OPTIONS = [
  "onProgress",
  "signal",
  "progressInterval",
  "id",
  "onEval",
  "onEpisode",
  "onCheckpoint",
  "log",
];
/** The options `resumeRun()` knows. */
export const RESUME_OPTIONS = [
  ...TRAIN_OPTIONS,
  "steps",
  "backend",
  "threads",
  "forceUnlock",
  "env",
];

/** Validates the options of `train()` or `resumeRun()` before anything is made. */
export function checkOptions(options: unknown, known: readonly string[]): void {
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new ValidationError("options", options, "an object of options");
  }
  const given = Object.fromEntries(
    Object.entries(options as Record<string, unknown>).filter(([, v]) => v !== undefined),
  );
  checkKnownKeys("options", given, known);
  for (const key of ["onProgress", "onEval", "onEpisode", "onCheckpoint", "log"]) {
    if (key in given && typeof given[key] !== "function") {
      throw new ValidationError(key, given[key], "a function");
    }
  }
  if ("signal" in given && !(given.signal instanceof AbortSignal)) {
    throw new ValidationError("signal", given.signal, "an AbortSignal");
  }
  if ("progressInterval" in given) {
    checkNumber("progressInterval", given.progressInterval, { min: 0 });
  }
  if ("id" in given && typeof given.id !== "string") {
    throw new ValidationError("id", given.id, 'a run id (letters, digits, ".", "_", "-")');
  }
  if ("forceUnlock" in given && typeof given.forceUnlock !== "boolean") {
    throw new ValidationError("forceUnlock", given.forceUnlock, "true or false");
  }
}

/** What `train()` returns: the run's summary and its last evaluation per member. */
export interface TrainResult extends RunSummary {
  /**
   * `"finished"` (also when a callback stopped it early: see `stoppedEarly`), or `"interrupted"`
   * when aborted through `signal` (a failure throws).
   */
  status: RunState;
  /** Set when a callback returned `false` before the step budget was spent. */
  stoppedEarly?: boolean;
  /** The callback that stopped the run. */
  stoppedBy?: StopCallback;
  /** Environment steps completed per member. */
  stepsDone: number;
  /** Step budget per member. */
  stepsTotal: number;
  /** Best evaluation: the mean over members of their mean return (null: none yet). */
  bestEval: number | null;
  /** Seconds of wall time, summed across resumes (ms precision). */
  wallTime: number;
  /** Mean return of each member's last evaluation (null: never evaluated). */
  lastEval: (number | null)[];
}

/** Options of `resumeRun()`: those of `train()` and what a resume may change. */
export interface ResumeOptions extends TrainOptions {
  /** New step budget per member; at least the steps done in the last checkpoint. */
  steps?: number;
  /** Another tfjs backend (changes where the updates run, not what they compute). */
  backend?: TrainConfig["backend"];
  /**
   * Threads the population's environments and fused updates split across (same results), or
   * `"auto"`: one per core, up to one per member.
   */
  threads?: number | "auto";
  /**
   * Take over a lock held by another host (or unreadable); see lib/store/run_lock.ts. A lock of a
   * live process of this host is never taken over.
   */
  forceUnlock?: boolean;
  /**
   * The environment of a run trained on a user's environment (config.json has `customEnv: true`):
   * the object or factory given to `train()` again, since a run store cannot hold it. Its name and
   * sizes must match the run's.
   */
  env?: EnvLike | EnvFactory;
}
