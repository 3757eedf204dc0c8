/**
 * The training configuration: one declarative schema (name, flag, type, default, help) that
 * drives validation, the `--help` text, the config file and the resolved `config.json`.
 *
 * Validation is complete before anything is written: every bad value is a
 * {@link ValidationError} naming the field, the value and what is allowed; an unknown key or flag
 * names the nearest valid one.
 * @module
 */
import {
  type AgentOptions,
  type Algorithm,
  applicableHyperparameters,
  DEFAULTS,
  type Hyperparameters,
  type Implementation,
} from "../config.ts";
import { BACKENDS } from "../backend.ts";
import type { Precision } from "../fused/simd.ts";
import { type Field, FIELDS } from "./fields.ts";

export { ENVS, type Field, FIELDS } from "./fields.ts";
import { checkChoice, checkNumber, nearest, ValidationError } from "../errors.ts";
import { isValidRunId } from "../store/run_store.ts";
import type { EnvFactory, EnvLike } from "../../physics/types.ts";

/** A fully resolved training configuration (one run: one env, one algorithm, P seeds). */
export interface TrainConfig extends Hyperparameters {
  /**
   * Environment name: one of {@link ENVS} (e.g. `"Hopper"`), or the name of a user's environment
   * passed to `train()` (its `name`, or `"custom"`).
   */
  env: string;
  /**
   * Options of the task (Gymnasium v5's keyword arguments in camelCase, e.g. `ctrlCostWeight`;
   * see physics' `envDefaults(env)`), or what a user's environment factory receives. Not `seed`: member p's
   * environments are seeded with `seeds[0] + p`. Default: none (the task's defaults).
   */
  envOptions?: Record<string, unknown>;
  /** The algorithm, one of `ALGORITHMS` (e.g. `"fstd3"`). */
  algo: Algorithm;
  /** Consecutive seeds; member p of the population uses seeds[0] + p. */
  seeds: number[];
  /** Environment steps per member. */
  steps: number;
  /** TensorFlow.js backend: `"auto"`, `"wasm"` (default), `"cpu"` or `"webgpu"`. */
  backend: (typeof BACKENDS)[number];
  /** Update implementation: `"auto"` (default, the fused path), `"reference"` or `"fused"`. */
  implementation: Implementation;
  /** Fused host arithmetic: `"f64"` (default) or `"mixed"` (AgentOptions.precision). */
  precision: Precision;
  /**
   * Threads a population is split across (same results): its environments of a task
   * (physics/parallel_vec_env.ts) and the fused host path's updates. Input also takes "auto"
   * ({@link autoThreads}).
   */
  threads: number;
  /** Evaluate every this many steps (0: only at the end). */
  evalEvery: number;
  /** Deterministic episodes per member and evaluation. */
  evalEpisodes: number;
  /** Write `checkpoints/last` every this many steps (0: only at the end). */
  checkpointEvery: number;
  /** Record a rollout every this many steps (0: only at the start and for the best policy). */
  recordEvery: number;
  /**
   * Save the replay buffer in checkpoints (exact resume; large files). Unset: saved when the full
   * buffer fits 256 MiB (lib/train/checkpoint.ts `REPLAY_CAP_BYTES`).
   */
  checkpointReplay?: boolean;
  /** Parent directory of runs. */
  out: string;
  /** Run id (default: `<env>-<algo>-<UTC time>-<4 hex>`). */
  name?: string;
  /** Seconds between plain progress lines when the output is not a terminal. */
  progressEvery: number;
}

/** Settings of the embedded default run (`deno task train` with no arguments). */
export const EMBEDDED_DEFAULT = {
  env: "InvertedPendulum",
  algo: "fstd3",
  seeds: [0],
  steps: 25_000,
  startSteps: 1_000,
  updateAfter: 1_000,
  lrActor: 3e-3,
  lrCritic: 3e-3,
  evalEvery: 2_500,
  evalEpisodes: 5,
  checkpointEvery: 5_000,
  recordEvery: 5_000,
} as const;

/** Defaults of every non-hyper-parameter field (hyper-parameters: DEFAULTS in lib/config.ts, docs/algorithms.md). */
export const TRAIN_DEFAULTS = {
  env: EMBEDDED_DEFAULT.env,
  algo: EMBEDDED_DEFAULT.algo as Algorithm,
  seeds: [...EMBEDDED_DEFAULT.seeds],
  backend: "wasm" as const,
  implementation: "auto" as Implementation,
  precision: "f64" as Precision,
  threads: 1,
  out: "runs",
  progressEvery: 10,
};

/**
 * Run-length defaults when a task is named, the same for every task: the paper's (Spinning Up's)
 * 10000 start steps, 1000 update-after and a million steps.
 */
const RUN_LENGTH = {
  steps: 1_000_000,
  startSteps: DEFAULTS.startSteps,
  updateAfter: DEFAULTS.updateAfter,
  evalEvery: 5_000,
  evalEpisodes: 10,
  checkpointEvery: 50_000,
  recordEvery: 100_000,
};

/**
 * Every training default in one place: the run's settings ({@link TRAIN_DEFAULTS}), the paper's
 * hyper-parameters (DEFAULTS in lib/config.ts, docs/algorithms.md), and the run length. A
 * named `env` gets the paper's settings, the same on every task (the hyper-parameters are never
 * changed per task); no env (`deno task train` alone) gets the embedded default's demo
 * settings, a short budget with higher learning rates that learns InvertedPendulum in well
 * under a minute ({@link EMBEDDED_DEFAULT}).
 *
 * Not to be confused with physics' `envDefaults(name)`, a task's own options (Gymnasium's).
 */
export function trainingDefaults(env: string | undefined): Omit<TrainConfig, "name"> {
  const { env: _e, algo: _a, seeds: _s, ...demo } = EMBEDDED_DEFAULT;
  return {
    ...TRAIN_DEFAULTS,
    ...DEFAULTS,
    ...RUN_LENGTH,
    ...(env === undefined ? demo : {}),
    env: env ?? TRAIN_DEFAULTS.env,
    seeds: [...TRAIN_DEFAULTS.seeds],
    hidden: [...DEFAULTS.hidden],
  };
}

/**
 * Input to {@link resolveTrainConfig}: any subset of the fields. `train()` also takes, as `env`, a
 * user's environment: one object (a single-seed run) or a factory making one per call.
 */
export type TrainInput =
  & Partial<Omit<TrainConfig, "hidden" | "seeds" | "env" | "envOptions" | "threads">>
  & {
    threads?: number | "auto";
    env?: string | EnvLike | EnvFactory;
    envOptions?: Record<string, unknown> | string;
    hidden?: number[] | string;
    seeds?: number[] | string;
    [key: string]: unknown;
  };

const KEYS = FIELDS.map((f) => f.key);

/** Parses a seeds string: `0,1,2` or `0-4` (inclusive). */
export function parseSeeds(value: unknown, field = "seeds"): number[] {
  const allowed = 'consecutive non-negative integers, e.g. "0,1,2" or "0-4" (at most 4096)';
  let seeds: unknown = value;
  if (typeof value === "string") {
    const range = value.match(/^\s*(\d+)\s*-\s*(\d+)\s*$/);
    if (range) {
      const [a, b] = [Number(range[1]), Number(range[2])];
      if (b < a || b - a >= 4096) throw new ValidationError(field, value, allowed);
      seeds = Array.from({ length: b - a + 1 }, (_, i) => a + i);
    } else {
      seeds = value.split(",").map((s) => (s.trim() === "" ? NaN : Number(s)));
    }
  } else if (typeof value === "number") seeds = [value];
  if (!Array.isArray(seeds) || seeds.length === 0 || seeds.length > 4096) {
    throw new ValidationError(field, value, allowed);
  }
  seeds.forEach((s, i) => {
    if (typeof s !== "number" || !Number.isInteger(s) || s < 0 || s > 2 ** 31 - 1) {
      throw new ValidationError(field, value, allowed);
    }
    if (i > 0 && s !== seeds[0] + i) {
      throw new ValidationError(
        field,
        value,
        `${allowed}; a population's member p uses seed seeds[0] + p, so seeds must be consecutive`,
      );
    }
  });
  return seeds as number[];
}

function parseInts(field: Field, value: unknown): number[] {
  const allowed = `a non-empty list of integers in [${field.min}, ${field.max}], e.g. 16,16`;
  let list: unknown = value;
  if (typeof value === "string") {
    list = value.split(/[,x×]/).map((s) => (s.trim() === "" ? NaN : Number(s)));
  }
  if (!Array.isArray(list) || list.length === 0) {
    throw new ValidationError(field.key, value, allowed);
  }
  for (const v of list) {
    if (typeof v !== "number" || !Number.isInteger(v) || v < field.min! || v > field.max!) {
      throw new ValidationError(field.key, value, allowed);
    }
  }
  return list as number[];
}

/**
 * Converts one value (a string from the command line, or a JSON value) for `field`. Errors name
 * the field as `name` (its flag, for a value typed on the command line) and show the value as
 * given (`--steps: got "abc"`).
 */
export function convertValue(field: Field, value: unknown, name: string = field.key): unknown {
  try {
    return convert(field, value);
  } catch (error) {
    if (error instanceof ValidationError && error.field === field.key) {
      throw error.renamed(name, value);
    }
    throw error;
  }
}

function convert(field: Field, value: unknown): unknown {
  switch (field.kind) {
    case "int":
    case "number": {
      if (field.auto && value === "auto") return value;
      const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
      try {
        return checkNumber(field.key, n, {
          min: field.min,
          max: field.max,
          exclusiveMin: field.exclusiveMin,
          integer: field.kind === "int",
        });
      } catch (error) {
        if (!field.auto || !(error instanceof ValidationError)) throw error;
        throw new ValidationError(field.key, value, `${error.allowed}, or "auto"`);
      }
    }
    case "bool":
      if (value === true || value === "true" || value === "1" || value === "") return true;
      if (value === false || value === "false" || value === "0") return false;
      throw new ValidationError(field.key, value, "true or false");
    case "choice": {
      if (typeof value === "string" && !field.choices!.includes(value)) {
        const hint = nearest(value, field.choices!);
        throw new ValidationError(
          field.key,
          value,
          `one of ${field.choices!.map((c) => `"${c}"`).join(", ")}${
            hint ? ` (did you mean "${hint}"?)` : ""
          }`,
        );
      }
      return checkChoice(field.key, value, field.choices!);
    }
    case "string":
      if (typeof value !== "string" || value === "") {
        throw new ValidationError(field.key, value, "a non-empty string");
      }
      return value;
    case "ints":
      return parseInts(field, value);
    case "seeds":
      return parseSeeds(value, field.key);
    case "json": {
      const allowed = 'a JSON object, e.g. {"ctrlCostWeight":0.05}';
      let parsed = value;
      if (typeof value === "string") {
        try {
          parsed = JSON.parse(value);
        } catch {
          throw new ValidationError(field.key, value, allowed);
        }
      }
      if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
        throw new ValidationError(field.key, value, allowed);
      }
      return decodeEnvOptions(parsed as Record<string, unknown>);
    }
  }
}

/**
 * `envOptions` as config.json stores them: JSON has no Infinity, so the unbounded ends of ranges
 * (`healthyZRange: [0.7, Infinity]`) are written as the strings "Infinity" and "-Infinity".
 */
export function encodeEnvOptions(options: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    out[key] = Array.isArray(value)
      ? value.map((x) => (typeof x === "number" && !Number.isFinite(x) ? String(x) : x))
      : value;
  }
  return out;
}

/** The inverse of {@link encodeEnvOptions} (a copy; also what `--env-options` accepts). */
export function decodeEnvOptions(stored: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(stored)) {
    out[key] = Array.isArray(value)
      ? value.map((x) => (x === "Infinity" || x === "-Infinity" ? Number(x) : x))
      : value;
  }
  return out;
}

/** Rejects unknown keys, naming the nearest valid one. */
export function checkKeys(input: Record<string, unknown>, what = "config"): void {
  for (const key of Object.keys(input)) {
    if (!KEYS.includes(key)) {
      const hint = nearest(key, KEYS);
      throw new ValidationError(
        `${what}.${key}`,
        input[key],
        `no such field${hint ? ` (did you mean "${hint}"?)` : ""}; known: ${KEYS.join(", ")}`,
      );
    }
  }
}

/**
 * Validates `input` (one run: a single env and algorithm) and fills in the defaults of
 * {@link trainingDefaults}. A hyper-parameter that does not apply to the algorithm is an error.
 *
 * `customEnv` is the name of a user's environment that `train()` took out of `input.env`: it
 * becomes `env`, and the run gets the paper's settings as a named task would. `nameOf` names a
 * field in messages (the CLI passes the flag a value came from).
 */
export function resolveTrainConfig(
  input: TrainInput = {},
  customEnv?: string,
  nameOf: (key: string) => string = (key) => key,
): TrainConfig {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new ValidationError("config", input, "an object");
  }
  const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  checkKeys(given);
  const values: Record<string, unknown> = {};
  for (const field of FIELDS) {
    if (field.key === "env" && customEnv !== undefined) continue;
    if (field.key in given) {
      values[field.key] = convertValue(field, given[field.key], nameOf(field.key));
    }
  }
  if (customEnv !== undefined) values.env = customEnv;
  const algo = (values.algo ?? TRAIN_DEFAULTS.algo) as Algorithm;
  const applicable = applicableHyperparameters(algo);
  for (const field of FIELDS) {
    if (
      field.hyper && field.key in values && !applicable.includes(field.key as keyof Hyperparameters)
    ) {
      throw new ValidationError(
        nameOf(field.key),
        values[field.key],
        `nothing: it does not apply to ${algo} (its hyper-parameters: ${
          applicable.map(nameOf).join(", ")
        })`,
      );
    }
  }
  const config = {
    ...trainingDefaults(values.env as string | undefined),
    ...values,
    algo,
  } as TrainConfig;
  if (config.name !== undefined && !isValidRunId(config.name)) {
    throw new ValidationError(
      nameOf("name"),
      config.name,
      'letters, digits, ".", "_" and "-" (no "..")',
    );
  }
  config.seeds = [...config.seeds];
  config.hidden = [...config.hidden];
  if ((config.threads as unknown) === "auto") {
    config.threads = autoThreads(config.seeds.length, navigator.hardwareConcurrency ?? 1);
  }
  return config;
}

/**
 * What `threads: "auto"` becomes: one thread per core up to one per member, as a population
 * splits by members; a single member, or a single core, gains nothing from a second thread.
 */
export function autoThreads(population: number, cores: number): number {
  return population >= 2 && cores >= 2 ? Math.min(population, cores) : 1;
}

/** Where a run's agent runs: the fields of `config` that `loadAgent` may override. */
export function agentRuntime(
  config: TrainConfig,
): Pick<AgentOptions, "backend" | "implementation" | "precision" | "threads"> {
  const { backend, implementation, precision, threads } = config;
  return { backend, implementation, precision, threads };
}

/**
 * Everything `createAgent` takes for a new run of `config` on environments of `env`'s sizes and
 * bounds: the population from the seeds, the runtime and the applicable hyper-parameters. The
 * training loop and the /learn page's worker both build their agent from it.
 */
export function runAgentOptions(
  config: TrainConfig,
  env: Pick<EnvLike, "observationSize" | "actionSize" | "actionLow" | "actionHigh">,
): AgentOptions {
  return {
    observationSize: env.observationSize,
    actionSize: env.actionSize,
    actionLow: env.actionLow,
    actionHigh: env.actionHigh,
    population: config.seeds.length,
    seed: config.seeds[0],
    ...agentRuntime(config),
    ...agentHyperparameters(config),
  };
}

/** The hyper-parameters of `config` that apply to its algorithm (what `createAgent` takes). */
export function agentHyperparameters(config: TrainConfig): Partial<Hyperparameters> {
  const out: Record<string, unknown> = {};
  for (const key of applicableHyperparameters(config.algo)) out[key] = config[key];
  return out as Partial<Hyperparameters>;
}

/** The fields stored in `config.json` (inapplicable hyper-parameters left out). */
export function storedFields(config: TrainConfig): Record<string, unknown> {
  const applicable = new Set<string>(applicableHyperparameters(config.algo));
  const out: Record<string, unknown> = {};
  for (const field of FIELDS) {
    if (field.key === "out" || field.key === "progressEvery") continue;
    if (field.hyper && !applicable.has(field.key)) continue;
    const value = (config as unknown as Record<string, unknown>)[field.key];
    if (value !== undefined) out[field.key] = value;
  }
  return out;
}

/** The default of `field` as shown by `--help`. */
export function describeDefault(field: Field): string {
  const paper = (trainingDefaults(EMBEDDED_DEFAULT.env) as unknown as Record<string, unknown>)[
    field.key
  ];
  const demo = (trainingDefaults(undefined) as unknown as Record<string, unknown>)[field.key];
  const show = (v: unknown) => (Array.isArray(v) ? v.join(",") : String(v));
  if (field.key === "name") return "<env>-<algo>-<UTC time>-<4 hex>";
  if (field.key === "envOptions") return "none (the task's Gymnasium defaults)";
  if (field.key === "checkpointReplay") return "saved when the buffer fits 256 MiB";
  if (paper === undefined) return "none";
  if (field.key !== "env" && show(demo) !== show(paper)) {
    return `${show(paper)}; ${show(demo)} in the embedded default, when no --env is given`;
  }
  return show(field.key === "env" ? demo : paper);
}
