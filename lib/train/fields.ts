/**
 * The schema of the training configuration: each field's name, flag, type, range and help line,
 * in `--help` order. It drives validation (lib/train/config.ts), the command line
 * (cli/train.ts) and config.json.
 * @module
 */
import { ALGORITHMS, DEFAULTS, type Hyperparameters, IMPLEMENTATIONS } from "../config.ts";
import { BACKENDS } from "../backend.ts";
import { PRECISIONS } from "../fused/simd.ts";

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

/** How a field's value is read. */
export type Kind = "int" | "number" | "string" | "bool" | "choice" | "ints" | "seeds" | "json";

/** One field of the schema. */
export interface Field {
  /** The name in config.json and `train()`'s input (`lrActor`). */
  key: string;
  /** The command-line flag (`--lr-actor`). */
  flag: string;
  /** How the value is read. */
  kind: Kind;
  /** One line for `--help`. */
  help: string;
  /** The allowed values of a `choice`. */
  choices?: readonly string[];
  /** Lower bound of a number (inclusive unless `exclusiveMin`). */
  min?: number;
  /** Upper bound of a number. */
  max?: number;
  /** Whether `min` itself is excluded. */
  exclusiveMin?: boolean;
  /** A hyper-parameter of docs/algorithms.md (checked for applicability to the algorithm). */
  hyper?: boolean;
  /** Accepts a comma-separated list on the command line (a grid of runs). */
  grid?: boolean;
  /** An `int` that also takes "auto" (resolved by lib/train/config.ts). */
  auto?: boolean;
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
    key: "precision",
    flag: "--precision",
    kind: "choice",
    choices: PRECISIONS,
    help:
      "fused host arithmetic: f64, or mixed (float32 network passes where they agree, about 0.5–0.7× the update time)",
  },
  {
    key: "threads",
    flag: "--threads",
    kind: "int",
    min: 1,
    max: 256,
    auto: true,
    help:
      "threads (or auto: the cores, up to one per member) that a population's environments and fused updates split across",
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
    help:
      "save the replay buffer in checkpoints, so a resume is exact (=false: never; unset: when it fits 256 MiB)",
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
