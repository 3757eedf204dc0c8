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
  type Algorithm,
  ALGORITHMS,
  applicableHyperparameters,
  DEFAULTS,
  type Hyperparameters,
  type Implementation,
  IMPLEMENTATIONS,
} from "../config.ts";
import { BACKENDS } from "../backend.ts";
import { checkChoice, checkNumber, nearest, ValidationError } from "../errors.ts";
import { isValidRunId } from "../store/run_store.ts";
import type { EnvFactory, EnvLike } from "../../physics/types.ts";

/** Names of the environments (mirrors physics' `listEnvs()`, checked against it in tests). */
export const ENVS = [
  "Ant",
  "HalfCheetah",
  "Hopper",
  "Humanoid",
  "InvertedDoublePendulum",
  "InvertedPendulum",
  "Reacher",
  "Swimmer",
  "Walker2d",
] as const;

/** A fully resolved training configuration (one run: one env, one algorithm, P seeds). */
export interface TrainConfig extends Hyperparameters {
  /**
   * Environment name: one of {@link ENVS} (e.g. `"Hopper"`), or the name of a user's environment
   * passed to `train()` (its `name`, or `"custom"`).
   */
  env: string;
  /**
   * Options of the task (Gymnasium v5's keyword arguments in camelCase, e.g. `ctrlCostWeight`;
   * see `envDefaults(env)`), or what a user's environment factory receives. Not `seed`: member p's
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
  /** Threads of the fused host path (the population split across workers; same results). */
  threads: number;
  /** Evaluate every this many steps (0: only at the end). */
  evalEvery: number;
  /** Deterministic episodes per member and evaluation. */
  evalEpisodes: number;
  /** Write `checkpoints/last` every this many steps (0: only at the end). */
  checkpointEvery: number;
  /** Record a rollout every this many steps (0: only at the start and for the best policy). */
  recordEvery: number;
  /** Save the replay buffer in checkpoints (exact resume; large files). */
  checkpointReplay: boolean;
  /** Parent directory of runs. */
  out: string;
  /** Run id (default: `<env>-<algo>-<UTC time>-<4 hex>`). */
  name?: string;
  /** Seconds between plain progress lines when the output is not a terminal. */
  progressEvery: number;
}

type Kind = "int" | "number" | "string" | "bool" | "choice" | "ints" | "seeds" | "json";

/** One field of the schema. */
export interface Field {
  key: string;
  flag: string;
  kind: Kind;
  help: string;
  choices?: readonly string[];
  min?: number;
  max?: number;
  exclusiveMin?: boolean;
  /** A hyper-parameter of docs/algorithms.md (checked for applicability to the algorithm). */
  hyper?: boolean;
  /** Accepts a comma-separated list on the command line (a grid of runs). */
  grid?: boolean;
}

const kebab = (key: string) => "--" + key.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase());

const HYPER_HELP: Record<keyof Hyperparameters, string> = {
  hidden: "hidden layer widths of actor and critic, e.g. 16,16",
  lrActor: "actor (follower) Adam learning rate",
  lrCritic: "critic (leader) Adam learning rate",
  polyak: "target averaging rate",
  gamma: "discount",
  batchSize: "minibatch size per update",
  actNoise: "exploration noise std (action units)",
  epsilon: "damping of Stackelberg inverses (sddpg*, std3*, fs*)",
  cgIterations: "conjugate-gradient iterations (-cg algorithms)",
  degree: "block size o of the block-diagonal inverse (fs* without -cg, sddpg-bd)",
  k1k2: "how FS* forms k1, k2",
  policyDelay: "critic updates per actor update (td3 family)",
  targetNoise: "target policy smoothing std (td3 family)",
  targetNoiseClip: "clip of the smoothing noise (td3 family)",
  criticSteps: "critic updates per actor update (ddpg-ttsu)",
  startSteps: "steps of uniform random actions at the start",
  updateAfter: "steps before the first update",
  updateEvery: "steps between blocks of updates; a block holds as many updates",
  replayCapacity: "replay capacity per member",
};

function hyperField(key: keyof Hyperparameters): Field {
  const base = { key, flag: kebab(key), help: HYPER_HELP[key], hyper: true };
  switch (key) {
    case "hidden":
      return { ...base, kind: "ints", min: 1, max: 4096 };
    case "k1k2":
      return { ...base, kind: "choice", choices: ["per-sample", "listing"] };
    case "lrActor":
    case "lrCritic":
      return { ...base, kind: "number", min: 0, exclusiveMin: true, max: 10 };
    case "epsilon":
      return { ...base, kind: "number", min: 0, exclusiveMin: true, max: 1e6 };
    case "polyak":
    case "gamma":
      return { ...base, kind: "number", min: 0, max: 1 };
    case "actNoise":
    case "targetNoise":
    case "targetNoiseClip":
      return { ...base, kind: "number", min: 0, max: 10 };
    case "batchSize":
      return { ...base, kind: "int", min: 1, max: 1e6 };
    case "updateEvery":
    case "cgIterations":
    case "degree":
    case "policyDelay":
    case "criticSteps":
      return { ...base, kind: "int", min: 1, max: 1e6 };
    case "replayCapacity":
      return { ...base, kind: "int", min: 1, max: 2 ** 31 - 1 };
    default:
      return { ...base, kind: "int", min: 0, max: 1e9 };
  }
}

/** The schema, in `--help` order. */
export const FIELDS: readonly Field[] = [
  {
    key: "env",
    flag: "--env",
    kind: "choice",
    choices: ENVS,
    grid: true,
    help: "environment (a comma-separated list makes a grid of runs)",
  },
  {
    key: "envOptions",
    flag: "--env-options",
    kind: "json",
    help: "task options as JSON (Gymnasium v5's, in camelCase), e.g. '{\"ctrlCostWeight\":0.05}'",
  },
  {
    key: "algo",
    flag: "--algo",
    kind: "choice",
    choices: ALGORITHMS,
    grid: true,
    help: "algorithm (a comma-separated list makes a grid of runs)",
  },
  {
    key: "seeds",
    flag: "--seeds",
    kind: "seeds",
    help: "consecutive seeds trained as one population, e.g. 0,1,2 or 0-4",
  },
  { key: "steps", flag: "--steps", kind: "int", min: 1, max: 1e9, help: "env steps per member" },
  { key: "backend", flag: "--backend", kind: "choice", choices: BACKENDS, help: "tfjs backend" },
  {
    key: "implementation",
    flag: "--implementation",
    kind: "choice",
    choices: IMPLEMENTATIONS,
    help: "update implementation (auto: the fused path)",
  },
  {
    key: "threads",
    flag: "--threads",
    kind: "int",
    min: 1,
    max: 256,
    help: "threads of the fused path (the population split across workers)",
  },
  ...(Object.keys(DEFAULTS) as (keyof Hyperparameters)[]).map(hyperField),
  {
    key: "evalEvery",
    flag: "--eval-every",
    kind: "int",
    min: 0,
    max: 1e9,
    help: "steps between evaluations (0: only at the end)",
  },
  {
    key: "evalEpisodes",
    flag: "--eval-episodes",
    kind: "int",
    min: 1,
    max: 1000,
    help: "deterministic episodes per member and evaluation",
  },
  {
    key: "checkpointEvery",
    flag: "--checkpoint-every",
    kind: "int",
    min: 0,
    max: 1e9,
    help: "steps between checkpoints (0: only at the end)",
  },
  {
    key: "recordEvery",
    flag: "--record-every",
    kind: "int",
    min: 0,
    max: 1e9,
    help: "steps between recorded rollouts (0: start and best only)",
  },
  {
    key: "checkpointReplay",
    flag: "--checkpoint-replay",
    kind: "bool",
    help: "save the replay buffer in checkpoints (bit-exact resume; large files)",
  },
  { key: "out", flag: "--out", kind: "string", help: "parent directory of runs" },
  { key: "name", flag: "--name", kind: "string", help: "run id (a grid appends -<env>-<algo>)" },
  {
    key: "progressEvery",
    flag: "--progress-every",
    kind: "number",
    min: 0.1,
    max: 86400,
    help: "seconds between progress lines when not on a terminal",
  },
];

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
  threads: 1,
  checkpointReplay: false,
  out: "runs",
  progressEvery: 10,
};

/**
 * Run-length defaults, the same for every task: the paper's (Spinning Up's) 10000 start steps,
 * 1000 update-after and a million steps. The paper's hyper-parameters (DEFAULTS) are never
 * changed per task.
 */
export function envDefaults(_env: string): Partial<TrainConfig> {
  return {
    steps: 1_000_000,
    startSteps: DEFAULTS.startSteps,
    updateAfter: DEFAULTS.updateAfter,
    evalEvery: 5_000,
    evalEpisodes: 10,
    checkpointEvery: 50_000,
    recordEvery: 100_000,
  };
}

/**
 * The demo settings of the embedded default, applied only when the input names no environment
 * (`deno task train` with no `--env`): a short budget with higher learning rates, so that the
 * default run learns InvertedPendulum in well under a minute. A run that names its task gets
 * the paper's settings.
 */
export function embeddedDemoSettings(): Partial<TrainConfig> {
  const { env: _e, algo: _a, seeds: _s, ...rest } = EMBEDDED_DEFAULT;
  return rest;
}

/**
 * Input to {@link resolveTrainConfig}: any subset of the fields. `train()` also takes, as `env`, a
 * user's environment: one object (a single-seed run) or a factory making one per call.
 */
export type TrainInput = Partial<Omit<TrainConfig, "hidden" | "seeds" | "env" | "envOptions">> & {
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

/** Converts one value (a string from the command line, or a JSON value) for `field`. */
export function convertValue(field: Field, value: unknown): unknown {
  switch (field.kind) {
    case "int":
    case "number": {
      const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
      return checkNumber(field.key, n, {
        min: field.min,
        max: field.max,
        exclusiveMin: field.exclusiveMin,
        integer: field.kind === "int",
      });
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
 * Validates `input` (one run: a single env and algorithm) and fills in defaults: the run-length
 * defaults ({@link envDefaults}) and the paper's hyper-parameters, or, when `input` names no
 * environment, the embedded default's demo settings ({@link embeddedDemoSettings}). A
 * hyper-parameter that does not apply to the algorithm is an error.
 *
 * `customEnv` is the name of a user's environment that `train()` took out of `input.env`: it
 * becomes `env`, and the run gets the paper's settings as a named task would.
 */
export function resolveTrainConfig(input: TrainInput = {}, customEnv?: string): TrainConfig {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new ValidationError("config", input, "an object");
  }
  const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  checkKeys(given);
  const values: Record<string, unknown> = {};
  for (const field of FIELDS) {
    if (field.key === "env" && customEnv !== undefined) continue;
    if (field.key in given) values[field.key] = convertValue(field, given[field.key]);
  }
  if (customEnv !== undefined) values.env = customEnv;
  const env = (values.env ?? TRAIN_DEFAULTS.env) as string;
  const algo = (values.algo ?? TRAIN_DEFAULTS.algo) as Algorithm;
  const applicable = applicableHyperparameters(algo);
  for (const field of FIELDS) {
    if (
      field.hyper && field.key in values && !applicable.includes(field.key as keyof Hyperparameters)
    ) {
      throw new ValidationError(
        field.key,
        values[field.key],
        `nothing: "${field.key}" does not apply to ${algo} (its hyper-parameters: ${
          applicable.join(", ")
        })`,
      );
    }
  }
  const config = {
    ...TRAIN_DEFAULTS,
    ...DEFAULTS,
    ...envDefaults(env),
    ...(values.env === undefined ? embeddedDemoSettings() : {}),
    ...values,
    env,
    algo,
  } as TrainConfig;
  if (config.name !== undefined && !isValidRunId(config.name)) {
    throw new ValidationError(
      "name",
      config.name,
      'letters, digits, ".", "_" and "-" (no "..")',
    );
  }
  config.seeds = [...config.seeds];
  config.hidden = [...config.hidden];
  return config;
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
  const demo = embeddedDemoSettings() as Record<string, unknown>;
  if (field.key in demo) {
    const paper = (envDefaults(EMBEDDED_DEFAULT.env) as Record<string, unknown>)[field.key] ??
      (DEFAULTS as unknown as Record<string, unknown>)[field.key];
    return `${paper}; ${demo[field.key]} in the embedded default, when no --env is given`;
  }
  if (field.key in TRAIN_DEFAULTS) {
    const v = (TRAIN_DEFAULTS as Record<string, unknown>)[field.key];
    return Array.isArray(v) ? v.join(",") : String(v);
  }
  if (field.key in DEFAULTS) {
    const v = (DEFAULTS as unknown as Record<string, unknown>)[field.key];
    return Array.isArray(v) ? v.join(",") : String(v);
  }
  if (field.key === "name") return "<env>-<algo>-<UTC time>-<4 hex>";
  if (field.key === "envOptions") return "none (the task's Gymnasium defaults)";
  return "none";
}
