/**
 * Where the training loop and `evaluate()` get their environments: a task by name with its
 * options (`envOptions`, Gymnasium v5's keyword arguments in camelCase), or an environment the
 * user wrote (any `EnvLike`: one object, or a factory that makes one per call).
 *
 * A user's environment is wrapped in {@link CheckedEnv}, which checks what it returns (so a
 * mistake is a clear error at the step that made it, not a NaN deep in an update) and ends an
 * episode at `maxEpisodeSteps` as Gymnasium's `TimeLimit` wrapper does. The tasks of `physics/`
 * are trusted and used as they are, so their runs' numbers do not change.
 * @module
 */
import { checkKnownKeys, ValidationError } from "../errors.ts";
import { makeEnv, taskSpec } from "../../physics/registry.ts";
import { resolveOptions } from "../../physics/env.ts";
import type { EnvFactory, EnvLike, EnvOptions, Info } from "../../physics/types.ts";

/** The name a user's environment is stored under: its `name`, or `"custom"`. */
export function customEnvName(env: EnvLike): string {
  return typeof env.name === "string" && /^[A-Za-z0-9._-]{1,64}$/.test(env.name) &&
      !env.name.includes("..")
    ? env.name
    : "custom";
}

/**
 * Checks that `value` has every member of `EnvLike` with a sensible value, naming the first one
 * that does not (`field.actionLow`, …).
 */
export function checkEnvLike(value: unknown, field: string): EnvLike {
  if (value === null || typeof value !== "object") {
    throw new ValidationError(
      field,
      value,
      "a task name (listEnvs()) or an environment object with observationSize, actionSize, actionLow, actionHigh, maxEpisodeSteps, reset() and step()",
    );
  }
  const env = value as Record<string, unknown>;
  const positive = (key: string) => {
    const v = env[key];
    if (typeof v !== "number" || !Number.isInteger(v) || v < 1) {
      throw new ValidationError(`${field}.${key}`, v, "a positive integer");
    }
    return v;
  };
  positive("observationSize");
  const A = positive("actionSize");
  positive("maxEpisodeSteps");
  for (const key of ["actionLow", "actionHigh"]) {
    const v = env[key];
    if (!(v instanceof Float32Array) || v.length !== A || !v.every(Number.isFinite)) {
      throw new ValidationError(
        `${field}.${key}`,
        v,
        `a Float32Array of ${A} finite numbers (actionSize)`,
      );
    }
  }
  const low = env.actionLow as Float32Array, high = env.actionHigh as Float32Array;
  for (let j = 0; j < A; j++) {
    if (!(high[j] > low[j])) {
      throw new ValidationError(`${field}.actionHigh[${j}]`, high[j], `a number > ${low[j]}`);
    }
  }
  for (const key of ["reset", "step"]) {
    if (typeof env[key] !== "function") {
      throw new ValidationError(`${field}.${key}`, env[key], "a method");
    }
  }
  if (env.close !== undefined && typeof env.close !== "function") {
    throw new ValidationError(`${field}.close`, env.close, "a method, or nothing");
  }
  return value as EnvLike;
}

/**
 * A user's environment with its outputs checked and Gymnasium's `TimeLimit` applied: the step
 * that brings an episode to `maxEpisodeSteps` is truncated if the environment did not end it.
 * Observations are copied, so the environment may reuse its arrays.
 */
export class CheckedEnv implements EnvLike {
  readonly name: string;
  readonly observationSize: number;
  readonly actionSize: number;
  readonly actionLow: Float32Array;
  readonly actionHigh: Float32Array;
  readonly maxEpisodeSteps: number;
  #steps = 0;
  #ready = false;

  constructor(readonly inner: EnvLike) {
    this.name = customEnvName(inner);
    this.observationSize = inner.observationSize;
    this.actionSize = inner.actionSize;
    this.actionLow = Float32Array.from(inner.actionLow);
    this.actionHigh = Float32Array.from(inner.actionHigh);
    this.maxEpisodeSteps = inner.maxEpisodeSteps;
  }

  reset(options: { seed?: number } = {}): { observation: Float32Array; info: Info } {
    const r = this.inner.reset(options);
    const observation = this.#observation(r, "reset()");
    this.#steps = 0;
    this.#ready = true;
    return { observation, info: r.info ?? {} };
  }

  step(action: Float32Array): {
    observation: Float32Array;
    reward: number;
    terminated: boolean;
    truncated: boolean;
    info: Info;
  } {
    if (!this.#ready) {
      throw new Error(`Cannot step ${this.name}: the episode has ended or not begun`);
    }
    const r = this.inner.step(action);
    const what = `${this.name}.step()`;
    const observation = this.#observation(r, "step()");
    if (typeof r.reward !== "number" || !Number.isFinite(r.reward)) {
      throw new ValidationError(`${what}.reward`, r.reward, "a finite number");
    }
    for (const key of ["terminated", "truncated"] as const) {
      if (typeof r[key] !== "boolean") {
        throw new ValidationError(`${what}.${key}`, r[key], "true or false");
      }
    }
    this.#steps++;
    const truncated = r.truncated || (!r.terminated && this.#steps >= this.maxEpisodeSteps);
    if (r.terminated || truncated) this.#ready = false;
    return {
      observation,
      reward: r.reward,
      terminated: r.terminated,
      truncated,
      info: r.info ?? {},
    };
  }

  close(): void {
    this.inner.close?.();
  }

  #observation(r: { observation?: unknown } | undefined, call: string): Float32Array {
    const o = r?.observation;
    const ok = (o instanceof Float32Array || o instanceof Float64Array || Array.isArray(o)) &&
      o.length === this.observationSize;
    if (!ok) {
      throw new ValidationError(
        `${this.name}.${call}.observation`,
        o,
        `a Float32Array of ${this.observationSize} numbers (observationSize)`,
      );
    }
    const out = Float32Array.from(o as ArrayLike<number>);
    for (let i = 0; i < out.length; i++) {
      if (!Number.isFinite(out[i])) {
        throw new ValidationError(
          `${this.name}.${call}.observation[${i}]`,
          out[i],
          "a finite number",
        );
      }
    }
    return out;
  }
}

function checkOptionsObject(field: string, value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new ValidationError(
      field,
      value,
      "an object of environment options, e.g. { ctrlCostWeight: 0.05 }",
    );
  }
  return value as Record<string, unknown>;
}

/** `evaluate()`'s `envOptions`: an object without `seed` (the reset seeds come from `options.seed`). */
export function checkEvalEnvOptions(value: unknown): EnvOptions {
  if (value === undefined) return {};
  const options = checkOptionsObject("options.envOptions", value);
  if ("seed" in options) {
    throw new ValidationError(
      "options.envOptions.seed",
      options.seed,
      "nothing: the episodes' reset seeds come from options.seed",
    );
  }
  return options as EnvOptions;
}

/**
 * Checks a run's `envOptions` for task `env` before anything is made or written: an object of the
 * task's options (`envDefaults(env)`'s keys and `xmlFile`), each valid; an unknown one names the
 * nearest. `seed` is refused: member p's environments are seeded with `seeds[0] + p`.
 */
export function checkTaskEnvOptions(env: string, value: unknown): EnvOptions {
  const options = checkOptionsObject("envOptions", value);
  if ("seed" in options) {
    throw new ValidationError(
      "envOptions.seed",
      options.seed,
      "nothing: member p's environments are seeded with seeds[0] + p",
    );
  }
  const spec = taskSpec(env);
  const known = ["maxEpisodeSteps", "frameSkip", "xmlFile", ...Object.keys(spec.defaults)];
  checkKnownKeys("envOptions", options, known);
  try {
    resolveOptions(spec, options);
  } catch (error) {
    // physics names the task (`Hopper.ctrlCostWeight`); here the field is the run's envOptions
    const prefix = `${spec.name}.`;
    if (!(error instanceof ValidationError) || !error.field.startsWith(prefix)) throw error;
    const key = error.field.slice(prefix.length);
    const allowed = error.message.slice(
      error.message.indexOf("; allowed: ") + "; allowed: ".length,
    );
    throw new ValidationError(`envOptions.${key}`, options[key], allowed);
  }
  return options as EnvOptions;
}

/** The environments of one run: how to make them and what to record about them. */
export interface EnvSource {
  /** The name in config.json (a task, or a user's environment's name or "custom"). */
  name: string;
  /** A user's environment (config.json records `customEnv: true`; a resume needs it again). */
  custom: boolean;
  /**
   * One user-made object serves training and evaluation (P = 1): the loop replays the training
   * episode in progress after each evaluation.
   */
  shared: boolean;
  /** Makes the environment for a member seed (the shared object every time, if shared). */
  make(seed: number): Promise<EnvLike>;
  /** Whether the loop closes what `make` returned (not a user's object). */
  owned: boolean;
  /** Recorded rollouts need a MuJoCo task of physics/ (a viewer replays its qpos). */
  rollouts: boolean;
  /** Closes an environment made ahead and never handed out. */
  dispose(): void;
}

/**
 * Resolves `train()`'s `env`: a task name, an environment object (one population member only) or
 * a factory. `envOptions` go to the task or the factory; a single object takes none. `firstSeed`
 * is the run's `seeds[0]`.
 */
export async function envSource(
  env: unknown,
  envOptions: unknown,
  population: number,
  firstSeed: number,
): Promise<EnvSource> {
  if (typeof env === "string") {
    const options = envOptions === undefined ? undefined : checkTaskEnvOptions(env, envOptions);
    return {
      name: env,
      custom: false,
      shared: false,
      owned: true,
      rollouts: true,
      // exactly what the loop made before envOptions existed when there are none
      make: (seed) => makeEnv(env, options ? { ...options, seed } : { seed }),
      dispose: () => {},
    };
  }
  if (typeof env === "function") {
    const options = envOptions === undefined ? {} : checkOptionsObject("envOptions", envOptions);
    if ("seed" in options) {
      throw new ValidationError(
        "envOptions.seed",
        options.seed,
        "nothing: the factory receives member p's seed, seeds[0] + p",
      );
    }
    const factory = env as EnvFactory;
    const build = async (seed: number) =>
      new CheckedEnv(checkEnvLike(await factory({ ...options, seed }), "env(options)"));
    // the run's name comes from an instance: the first member's training environment is made now
    // and handed out by the first make(firstSeed)
    let spare: CheckedEnv | undefined = await build(firstSeed);
    return {
      name: spare.name,
      custom: true,
      shared: false,
      owned: true,
      rollouts: false,
      make: (seed) => {
        const made = spare && seed === firstSeed ? spare : undefined;
        if (made) spare = undefined;
        return made ? Promise.resolve(made) : build(seed);
      },
      dispose: () => {
        spare?.close();
        spare = undefined;
      },
    };
  }
  const object = new CheckedEnv(checkEnvLike(env, "env"));
  if (envOptions !== undefined) {
    throw new ValidationError(
      "envOptions",
      envOptions,
      "nothing when env is an object (configure it yourself; a factory function receives envOptions)",
    );
  }
  if (population > 1) {
    throw new ValidationError(
      "env",
      object.name,
      `a factory, (options) => new environment, for a population of ${population}: one environment object serves one member (seeds has ${population})`,
    );
  }
  return {
    name: object.name,
    custom: true,
    shared: true,
    owned: false,
    rollouts: false,
    make: () => Promise.resolve(object),
    dispose: () => {},
  };
}
