/**
 * Public types of the physics layer.
 * @module
 */

/** A value stored in a step or reset `info`. */
export type InfoValue = number | string | boolean | number[] | Float32Array | Info;

/** Per-step or per-reset extra data, keyed by Gymnasium's names (`reward_forward`, …). */
export interface Info {
  /** A value by its Gymnasium name. */
  [key: string]: InfoValue;
}

/** What {@link Env.reset} returns. */
export interface ResetResult {
  /** The first observation of the episode (float32 copy). */
  observation: Float32Array;
  /** Gymnasium's reset info for the task (position keys where the task has them). */
  info: Info;
}

/** What {@link Env.step} returns, with Gymnasium's semantics. */
export interface StepResult {
  /** The observation after the step (float32 copy; never NaN). */
  observation: Float32Array;
  /** The reward (float64), equal to the sum of the `reward_*` terms in `info`. */
  reward: number;
  /** The episode ended inside the task (unhealthy, or the simulation went unstable). */
  terminated: boolean;
  /** The episode hit `maxEpisodeSteps` on this step. */
  truncated: boolean;
  /**
   * Each reward term by name (costs negative) plus the task's extra keys. When the simulation
   * went unstable, `info.unstable` names the reason (e.g. `"mjWARN_BADQACC"`).
   */
  info: Info;
}

/** A copy of the simulator state. */
export interface EnvState {
  /** Generalised positions (length nq). */
  qpos: Float64Array;
  /** Generalised velocities (length nv). */
  qvel: Float64Array;
  /** Simulation time in seconds. */
  time: number;
}

/**
 * What training and evaluation use of an environment: Gymnasium's core API (`reset`, `step`,
 * the action bounds and the episode limit). Every {@link Env} is one; so is any object a user
 * writes with these members (`train({ env })`, `evaluate(policy, env)`; README, "The library").
 *
 * @example
 * ```ts
 * import type { EnvLike } from "./types.ts";
 * // a point mass on a line that should reach the origin: observation [x], action [force]
 * class PointMass implements EnvLike {
 *   readonly name = "PointMass";
 *   readonly observationSize = 1;
 *   readonly actionSize = 1;
 *   readonly actionLow = Float32Array.of(-1);
 *   readonly actionHigh = Float32Array.of(1);
 *   readonly maxEpisodeSteps = 50;
 *   #x = 0;
 *   reset({ seed = 0 }: { seed?: number } = {}) {
 *     this.#x = (seed % 200) / 100 - 1; // a start in [-1, 1) chosen by the seed
 *     return { observation: Float32Array.of(this.#x) };
 *   }
 *   step(action: Float32Array) {
 *     this.#x += 0.1 * action[0];
 *     const reward = -Math.abs(this.#x); // 0 at the origin
 *     return { observation: Float32Array.of(this.#x), reward, terminated: false, truncated: false };
 *   }
 * }
 * ```
 */
export interface EnvLike {
  /** A name for run ids and `config.json` (default `"custom"`). */
  readonly name?: string;
  /** Length of each observation. */
  readonly observationSize: number;
  /** Length of each action. */
  readonly actionSize: number;
  /** Lower action bounds (length actionSize). */
  readonly actionLow: Float32Array;
  /** Upper action bounds (length actionSize, each above its lower bound). */
  readonly actionHigh: Float32Array;
  /**
   * Episode step limit. Training and evaluation end an episode that reaches it as truncated, as
   * Gymnasium's `TimeLimit` wrapper does, if the environment has not ended it itself.
   */
  readonly maxEpisodeSteps: number;
  /**
   * Starts an episode. The same `seed` must give the same episode for the same actions: a resume
   * (and an evaluation that shares the object with training) replays the episode in progress.
   */
  reset(options?: { seed?: number }): { observation: Float32Array; info?: Info };
  /** Advances one step with Gymnasium's semantics (see {@link StepResult}). */
  step(action: Float32Array): {
    observation: Float32Array;
    reward: number;
    terminated: boolean;
    truncated: boolean;
    info?: Info;
  };
  /** Frees what the environment holds; called only for environments stackrl created. */
  close?(): void;
}

/**
 * Makes one instance of a user's environment, for `train({ env })` with a population: the loop
 * calls it once per member for training and once for evaluation, with the run's `envOptions`
 * and the member's seed (`seeds[0] + member`).
 */
export type EnvFactory = (options: EnvOptions & { seed: number }) => EnvLike | Promise<EnvLike>;

/** One MuJoCo task with Gymnasium v5 semantics. */
export interface Env {
  /** The task name, e.g. `"HalfCheetah"`. */
  readonly name: string;
  /** The MJCF file the model came from (ours, in `physics/models/`, unless `xmlFile` was set). */
  readonly modelFile: string;
  /** Length of each observation. */
  readonly observationSize: number;
  /** Length of each action. */
  readonly actionSize: number;
  /** Lower action bounds (the actuators' ctrlrange). */
  readonly actionLow: Float32Array;
  /** Upper action bounds (the actuators' ctrlrange). */
  readonly actionHigh: Float32Array;
  /** `truncated` becomes true on the step that brings the episode's step count to this. */
  readonly maxEpisodeSteps: number;
  /** Number of `mj_step` calls per env step. */
  readonly frameSkip: number;
  /** Seconds of simulated time per env step (timestep × frameSkip). */
  readonly dt: number;
  /** The resolved task options (defaults filled in). */
  readonly options: Readonly<Record<string, unknown>>;
  /** Starts an episode; a `seed` restarts the reset-noise generator. */
  reset(options?: { seed?: number }): ResetResult;
  /** Advances the simulation by one env step; rejects bad actions without changing state. */
  step(action: Float32Array): StepResult;
  /** A copy of qpos, qvel and time. */
  state(): EnvState;
  /** Sets qpos and qvel (then `mj_forward`, like Gymnasium's `set_state`); the episode step
   * count is kept. Returns the observation of the new state. */
  setState(qpos: ArrayLike<number>, qvel: ArrayLike<number>): Float32Array;
  /** Frees the simulation's WASM memory; the env cannot be used afterwards. Idempotent. */
  close(): void;
}

/** Options every task accepts; task-specific options come on top (see each task). */
export interface CommonEnvOptions {
  /** Seed of the reset-noise generator (a uint32). Default: a random seed. */
  seed?: number;
  /** Episode step limit (Gymnasium's `max_episode_steps`). Default: the task's (1000; Reacher 50). */
  maxEpisodeSteps?: number;
  /** `mj_step` calls per env step. Default: the task's. */
  frameSkip?: number;
  /** Path of a replacement MJCF file. Default: our own model of the task. */
  xmlFile?: string;
}

/** Options for {@link Env} creation: common options plus the task's own (camelCase). */
export type EnvOptions = CommonEnvOptions & Record<string, unknown>;
