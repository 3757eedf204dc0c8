/**
 * Vectorised environments: `count` instances of one task stepped together with flat
 * `Float32Array` batches, for the population axis (docs/design.md §6). Finished instances reset
 * automatically in the same call ("same-step" auto-reset): the returned observation row is
 * the first observation of the new episode, and the finished episode's last observation and
 * info are kept in that instance's info as `final_observation` and `final_info`.
 * @module
 */
import { checkKnownKeys, checkNumber, ValidationError } from "../lib/errors.ts";
import { makeEnv, taskSpec } from "./registry.ts";
import type { Env, EnvLike, EnvOptions, Info } from "./types.ts";

/** Options of {@link makeVecEnv}: the instance count plus everything {@link makeEnv} takes. */
export interface VecEnvOptions extends EnvOptions {
  /** Number of instances (1…128; each holds about 12–14 MB of the 4 GB WASM heap). */
  count: number;
  /** Instance i uses seed `seed + i` (mod 2³²). Default: a random seed. */
  seed?: number;
}

/** What {@link VecEnv.reset} returns. */
export interface VecResetResult {
  /** count × observationSize, row-major. */
  observations: Float32Array;
  /** One reset info per instance. */
  infos: Info[];
}

/** What {@link VecEnv.step} returns; row i belongs to instance i. */
export interface VecStepResult {
  /** count × observationSize; for a finished instance, the first observation of its next episode. */
  observations: Float32Array;
  /** One reward per instance. */
  rewards: Float32Array;
  /** 1 where the instance's episode terminated on this step. */
  terminated: Uint8Array;
  /** 1 where the instance's episode hit the step limit on this step. */
  truncated: Uint8Array;
  /**
   * Per instance: the step info; for a finished instance, the new episode's reset info plus
   * `final_observation` (Float32Array), `final_info` (the last step's info) and
   * `episode` ({ return, length }).
   */
  infos: Info[];
}

/** `count` instances of one task, stepped together. */
export interface VecEnv {
  /** The task name. */
  readonly name: string;
  /** Number of instances. */
  readonly count: number;
  /** Observation length of one instance. */
  readonly observationSize: number;
  /** Action length of one instance. */
  readonly actionSize: number;
  /** Lower action bounds of one instance. */
  readonly actionLow: Float32Array;
  /** Upper action bounds of one instance. */
  readonly actionHigh: Float32Array;
  /** Episode step limit. */
  readonly maxEpisodeSteps: number;
  /** Simulated seconds per step. */
  readonly dt: number;
  /** The instances (for state inspection; do not step or close them directly). */
  readonly envs: readonly Env[];
  /** Resets every instance; with `seed`, instance i is reseeded with `seed + i`. */
  reset(options?: { seed?: number }): VecResetResult;
  /** Steps every instance with its row of `actions` (count × actionSize); validated first. */
  step(actions: Float32Array): VecStepResult;
  /**
   * Brings instance `i` to a point of an episode: reset with `seed`, then its `actions`
   * (k × actionSize) in order, the episode's return and length counting them. Stops early if
   * the episode ends (no automatic reset; `ended`); `steps` says how many actions were taken.
   * With no actions, a reset of one instance.
   */
  replayInstance(
    i: number,
    seed: number | undefined,
    actions?: Float32Array,
  ): { observation: Float32Array; steps: number; ended: boolean };
  /** The return and length so far of instance `i`'s episode in progress. */
  episode(i: number): { return: number; length: number };
  /** Closes every instance. Idempotent. */
  close(): void;
}

/** Checks a batch of actions for `n` instances of `na` actions: its type, length and finiteness. */
export function checkActions(actions: Float32Array, n: number, na: number): void {
  if (!(actions instanceof Float32Array) || actions.length !== n * na) {
    throw new ValidationError(
      "actions",
      actions,
      `a Float32Array of length ${n * na} (count ${n} × actionSize ${na})`,
    );
  }
  for (let k = 0; k < actions.length; k++) {
    if (!Number.isFinite(actions[k])) {
      const i = Math.floor(k / na);
      throw new ValidationError(
        `actions[${k}] (instance ${i}, action ${k - i * na})`,
        actions[k],
        "a finite number",
      );
    }
  }
}

/** Options of {@link vecEnvOf}. */
export interface VecEnvOfOptions {
  /** The batch's name (default: the first instance's `name`, or `"custom"`). */
  name?: string;
  /**
   * The seed an automatic reset of instance i starts its next episode with (called once per
   * finished episode, in instance order). Default: none, the instance's own seed sequence.
   */
  resetSeed?: (i: number) => number;
}

class BatchedEnv implements VecEnv {
  readonly name: string;
  readonly count: number;
  readonly observationSize: number;
  readonly actionSize: number;
  readonly actionLow: Float32Array;
  readonly actionHigh: Float32Array;
  readonly maxEpisodeSteps: number;
  readonly dt: number;
  readonly envs: readonly Env[];
  #returns: Float64Array;
  #lengths: Uint32Array;
  #ready = false;
  #resetSeed?: (i: number) => number;

  constructor(name: string, envs: readonly EnvLike[], resetSeed?: (i: number) => number) {
    const first = envs[0];
    this.name = name;
    this.count = envs.length;
    // a user's EnvLike has no `dt`; `envs` is typed for the tasks of this package
    this.envs = envs as readonly Env[];
    this.observationSize = first.observationSize;
    this.actionSize = first.actionSize;
    this.actionLow = first.actionLow;
    this.actionHigh = first.actionHigh;
    this.maxEpisodeSteps = first.maxEpisodeSteps;
    this.dt = (first as Partial<Env>).dt ?? NaN;
    this.#resetSeed = resetSeed;
    this.#returns = new Float64Array(envs.length);
    this.#lengths = new Uint32Array(envs.length);
  }

  reset(options: { seed?: number } = {}): VecResetResult {
    checkKnownKeys("reset", options as Record<string, unknown>, ["seed"]);
    const seed = options.seed === undefined
      ? undefined
      : checkNumber("reset.seed", options.seed, { min: 0, max: 2 ** 32 - 1, integer: true });
    const observations = new Float32Array(this.count * this.observationSize);
    const infos: Info[] = [];
    this.envs.forEach((env, i) => {
      const r = env.reset(seed === undefined ? {} : { seed: (seed + i) >>> 0 });
      observations.set(r.observation, i * this.observationSize);
      infos.push(r.info ?? {});
    });
    this.#returns.fill(0);
    this.#lengths.fill(0);
    this.#ready = true;
    return { observations, infos };
  }

  step(actions: Float32Array): VecStepResult {
    if (!this.#ready) throw new Error(`Cannot step the ${this.name} batch: call reset() first`);
    const n = this.count, na = this.actionSize, no = this.observationSize;
    checkActions(actions, n, na);
    const observations = new Float32Array(n * no);
    const rewards = new Float32Array(n);
    const terminated = new Uint8Array(n);
    const truncated = new Uint8Array(n);
    const infos: Info[] = [];
    for (let i = 0; i < n; i++) {
      const env = this.envs[i];
      const r = env.step(actions.subarray(i * na, (i + 1) * na));
      rewards[i] = r.reward;
      terminated[i] = r.terminated ? 1 : 0;
      truncated[i] = r.truncated ? 1 : 0;
      this.#returns[i] += r.reward;
      this.#lengths[i]++;
      if (r.terminated || r.truncated) {
        const episode: Info = { return: this.#returns[i], length: this.#lengths[i] };
        const next = env.reset(this.#resetSeed ? { seed: this.#resetSeed(i) } : {});
        observations.set(next.observation, i * no);
        infos.push({
          ...next.info,
          final_observation: r.observation,
          final_info: r.info ?? {},
          episode,
        });
        this.#returns[i] = 0;
        this.#lengths[i] = 0;
      } else {
        observations.set(r.observation, i * no);
        infos.push(r.info ?? {});
      }
    }
    return { observations, rewards, terminated, truncated, infos };
  }

  replayInstance(
    i: number,
    seed: number | undefined,
    actions: Float32Array = new Float32Array(0),
  ): { observation: Float32Array; steps: number; ended: boolean } {
    checkNumber("instance", i, { min: 0, max: this.count - 1, integer: true });
    const env = this.envs[i], na = this.actionSize;
    let { observation } = env.reset(seed === undefined ? {} : { seed });
    this.#returns[i] = 0;
    this.#lengths[i] = 0;
    let steps = 0, ended = false;
    while (!ended && steps < actions.length / na) {
      const r = env.step(actions.subarray(steps * na, (steps + 1) * na));
      this.#returns[i] += r.reward;
      this.#lengths[i]++;
      steps++;
      observation = r.observation;
      ended = r.terminated || r.truncated;
    }
    this.#ready = true;
    return { observation, steps, ended };
  }

  episode(i: number): { return: number; length: number } {
    return { return: this.#returns[i], length: this.#lengths[i] };
  }

  close(): void {
    for (const env of this.envs) env.close?.();
  }
}

/**
 * Batches instances that already exist (the tasks of this package or a user's `EnvLike`s of one
 * size), for a caller that makes and seeds them itself: the training loop, whose member p resets
 * with seeds from its own random stream (`resetSeed`). Closing the batch closes them.
 */
export function vecEnvOf(envs: readonly EnvLike[], options: VecEnvOfOptions = {}): VecEnv {
  if (!Array.isArray(envs) || envs.length === 0) {
    throw new ValidationError("envs", envs, "a non-empty array of environments");
  }
  const { observationSize: O, actionSize: A } = envs[0];
  envs.forEach((env, i) => {
    if (env.observationSize !== O || env.actionSize !== A) {
      throw new ValidationError(
        `envs[${i}]`,
        `observation/action sizes ${env.observationSize}/${env.actionSize}`,
        `environments of one size (${O}/${A}, as envs[0])`,
      );
    }
  });
  const name = options.name ?? envs[0].name ?? "custom";
  return new BatchedEnv(name, envs, options.resetSeed);
}

/**
 * Creates `count` instances of a task that step together on flat batches, with automatic
 * reset of finished instances. Call `reset()` first and `close()` when done.
 *
 * @param name One of `listEnvs()`.
 * @param options `count`, `seed` (instance i gets `seed + i`) and any {@link makeEnv} option.
 * @returns The batch.
 * @example
 * ```ts
 * import { makeVecEnv } from "./mod.ts";
 * const vec = await makeVecEnv("Hopper", { count: 4, seed: 0 });
 * const { observations } = vec.reset();                    // 4 × 11
 * const out = vec.step(new Float32Array(4 * vec.actionSize));
 * console.log(observations.length, out.rewards.length);      // 44 4
 * vec.close();
 * ```
 */
export async function makeVecEnv(name: string, options: VecEnvOptions): Promise<VecEnv> {
  taskSpec(name);
  if (options === null || typeof options !== "object") {
    throw new ValidationError("makeVecEnv options", options, "an object with at least { count }");
  }
  const { count, seed, ...rest } = options;
  checkNumber("count", count, { min: 1, max: 128, integer: true });
  const base = seed === undefined
    ? crypto.getRandomValues(new Uint32Array(1))[0]
    : checkNumber("seed", seed, { min: 0, max: 2 ** 32 - 1, integer: true });
  const envs: Env[] = [];
  try {
    for (let i = 0; i < count; i++) {
      envs.push(await makeEnv(name, { ...rest, seed: (base + i) >>> 0 }));
    }
  } catch (e) {
    for (const env of envs) env.close();
    throw e;
  }
  return new BatchedEnv(name, envs);
}
