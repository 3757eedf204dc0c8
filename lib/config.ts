/**
 * Algorithm names, their families, hyper-parameter defaults (the seed paper's Tables 4–5,
 * docs/algorithms.md) and validation of agent options.
 * @module
 */
import { checkChoice, checkKnownKeys, checkNumber, ValidationError } from "./errors.ts";
import { type BackendName, BACKENDS } from "./backend.ts";
import { type Precision, PRECISIONS } from "./fused/simd.ts";

export { type Precision, PRECISIONS };

/** The twelve algorithm names users type. */
export const ALGORITHMS = [
  "ddpg",
  "td3",
  "ddpg-ttsu",
  "sddpg",
  "sddpg-cg",
  "sddpg-bd",
  "std3",
  "std3-cg",
  "fsddpg",
  "fsddpg-cg",
  "fstd3",
  "fstd3-cg",
] as const;
/** An algorithm name. */
export type Algorithm = typeof ALGORITHMS[number];

/** How the actor's ascent direction is formed. */
export type ActorStep =
  | { kind: "gradient" }
  | { kind: "fast"; solver: "block" | "cg" | "exact" }
  | { kind: "stackelberg"; solver: "exact" | "cg" | "block" };

/** What distinguishes one algorithm from another. */
export interface AlgorithmTraits {
  /** Twin critics, clipped double-Q targets, target policy smoothing, delayed actor. */
  td3: boolean;
  actor: ActorStep;
  /** Critic updates per actor update (TD3: policy delay; DDPG-TTSU: the fast timescale). */
  hasCriticSteps: boolean;
}

/**
 * Update implementations: `reference` (op-by-op tfjs, the readable specification) and `fused`
 * (lib/fused/: every algorithm, on the host or, on WebGPU, as device kernels where they cover
 * the settings); `auto` is `fused`.
 */
export const IMPLEMENTATIONS = ["auto", "reference", "fused"] as const;
/** An implementation name, `auto` included. */
export type Implementation = typeof IMPLEMENTATIONS[number];

/** The family and actor step of `algo`. */
export function traits(algo: Algorithm): AlgorithmTraits {
  const td3 = algo === "td3" || algo.startsWith("std3") || algo.startsWith("fstd3");
  let actor: ActorStep = { kind: "gradient" };
  if (algo.startsWith("fs")) {
    actor = { kind: "fast", solver: algo.endsWith("-cg") ? "cg" : "block" };
  } else if (algo.startsWith("sddpg") || algo.startsWith("std3")) {
    const solver = algo.endsWith("-cg") ? "cg" : algo.endsWith("-bd") ? "block" : "exact";
    actor = { kind: "stackelberg", solver };
  }
  return { td3, actor, hasCriticSteps: algo === "ddpg-ttsu" };
}

/**
 * Updates in the block that follows every `updateEvery` environment steps. One update steps the
 * critic; DDPG-TTSU (paper §6.2: the critic updated 10 times as often as the actor) makes
 * `criticSteps` of them per actor step, so its actor steps as often as DDPG's and its critic
 * `criticSteps` times as often.
 */
export function updatesPerBlock(
  config: { algo: Algorithm; updateEvery: number; criticSteps?: number },
): number {
  return config.updateEvery * (traits(config.algo).hasCriticSteps ? config.criticSteps ?? 1 : 1);
}

/** Every hyper-parameter, with its meaning. */
export interface Hyperparameters {
  /** Hidden layer widths of actor and critic (the paper: 16×16). */
  hidden: number[];
  /** Actor (follower) Adam learning rate. */
  lrActor: number;
  /** Critic (leader) Adam learning rate. */
  lrCritic: number;
  /** Target-network averaging rate: targ ← (1 − polyak)·targ + polyak·w. */
  polyak: number;
  /** Discount γ. */
  gamma: number;
  /** Minibatch size per update (used by the training loop). */
  batchSize: number;
  /**
   * Standard deviation of the Gaussian exploration noise, in action units: added to the action,
   * then clipped to the bounds (as the paper's code base, Spinning Up, does).
   */
  actNoise: number;
  /** Damping ε added to the matrix inverted by Stackelberg steps. */
  epsilon: number;
  /** Conjugate-gradient iterations (the -cg algorithms). */
  cgIterations: number;
  /** Block size o of the block-diagonal inverse (FS* without -cg, SDDPG-BD). */
  degree: number;
  /** How FS* builds k1, k2: from per-sample gradients (the equations) or the paper's listing. */
  k1k2: "per-sample" | "listing";
  /** TD3 family: critic updates per actor update. */
  policyDelay: number;
  /** TD3 family: target policy smoothing noise std, in action units (clipped, then bounded). */
  targetNoise: number;
  /** TD3 family: clip of the smoothing noise, in action units. */
  targetNoiseClip: number;
  /** DDPG-TTSU: critic updates per actor update. */
  criticSteps: number;
  /** Steps of uniform random actions before the policy acts (training loop). */
  startSteps: number;
  /** Steps before the first update (training loop). */
  updateAfter: number;
  /** Environment steps between blocks of updates; a block holds as many updates (Spinning Up). */
  updateEvery: number;
  /** Replay capacity per population member. */
  replayCapacity: number;
}

/** Defaults shared by all algorithms (docs/algorithms.md). */
export const DEFAULTS: Hyperparameters = {
  hidden: [16, 16],
  lrActor: 1e-3,
  lrCritic: 1e-3,
  polyak: 5e-3,
  gamma: 0.99,
  batchSize: 100,
  actNoise: 0.1,
  epsilon: 1e-5,
  cgIterations: 5,
  degree: 1,
  k1k2: "listing",
  policyDelay: 2,
  targetNoise: 0.2,
  targetNoiseClip: 0.5,
  criticSteps: 10,
  startSteps: 10000,
  updateAfter: 1000,
  updateEvery: 50,
  replayCapacity: 1_000_000,
};

const COMMON = [
  "hidden",
  "lrActor",
  "lrCritic",
  "polyak",
  "gamma",
  "batchSize",
  "actNoise",
  "startSteps",
  "updateAfter",
  "updateEvery",
  "replayCapacity",
] as const;

/** The hyper-parameters that apply to `algo` (others are rejected, not silently ignored). */
export function applicableHyperparameters(algo: Algorithm): (keyof Hyperparameters)[] {
  const t = traits(algo);
  const keys: (keyof Hyperparameters)[] = [...COMMON];
  if (t.td3) keys.push("policyDelay", "targetNoise", "targetNoiseClip");
  if (t.hasCriticSteps) keys.push("criticSteps");
  if (t.actor.kind !== "gradient") keys.push("epsilon");
  if (t.actor.kind !== "gradient" && t.actor.solver === "cg") keys.push("cgIterations");
  if (t.actor.kind !== "gradient" && t.actor.solver === "block") keys.push("degree");
  if (t.actor.kind === "fast") keys.push("k1k2");
  return keys;
}

/** Options of `createAgent`. */
export interface AgentOptions extends Partial<Hyperparameters> {
  /** Length of one observation. */
  observationSize: number;
  /** Length of one action. */
  actionSize: number;
  /** Lower action bounds (default −1 for every dimension). */
  actionLow?: Float32Array | number[];
  /** Upper action bounds (default +1 for every dimension). */
  actionHigh?: Float32Array | number[];
  /** Number of independent agents trained together (seeds seed, seed+1, …). Default 1. */
  population?: number;
  /** Seed of member 0; member p uses seed + p. Default 0. */
  seed?: number;
  /** tfjs backend. Default "auto". */
  backend?: BackendName;
  /**
   * Update implementation. Default "auto": the fused path (lib/fused/; on WebGPU the device
   * kernel where it covers the settings, else the host's); "reference" forces the op-by-op
   * tfjs path, the specification the fused one is tested against.
   */
  implementation?: Implementation;
  /**
   * Arithmetic of the fused host path. Default "f64": float64 workspaces throughout. "mixed":
   * float32 SIMD (fused multiply-add where the runtime has it) for the batched network passes of
   * TD targets, the critic step, the gradient family, the listing form and the per-sample block
   * solves' actor passes, about 0.75× the time; per-sample CG and SD* keep float64, where
   * float32 rounding would move their directions (docs/design.md §5).
   */
  precision?: Precision;
  /**
   * Threads of the fused path: with P ≥ 2 the population is split across this thread and
   * `threads − 1` workers sharing its state (results identical to one thread). Default 1.
   */
  threads?: number;
}

/** A fully resolved agent configuration (what is saved with the agent). */
export interface AgentConfig extends Hyperparameters {
  /** The algorithm. */
  algo: Algorithm;
  /** Length of one observation. */
  observationSize: number;
  /** Length of one action. */
  actionSize: number;
  /** Lower action bounds, one per dimension. */
  actionLow: number[];
  /** Upper action bounds, one per dimension. */
  actionHigh: number[];
  /** Number of population members. */
  population: number;
  /** Seed of member 0 (member p uses seed + p). */
  seed: number;
  /** The backend asked for ("auto" resolves when the agent is created). */
  backend: BackendName;
  /** The update implementation asked for. */
  implementation: Implementation;
  /** Arithmetic of the fused host path. */
  precision: Precision;
  /** Threads of the fused path. */
  threads: number;
}

/** Options of `createAgent` that are not hyper-parameters. */
export const STRUCTURAL_KEYS = [
  "observationSize",
  "actionSize",
  "actionLow",
  "actionHigh",
  "population",
  "seed",
  "backend",
  "implementation",
  "precision",
  "threads",
] as const;

/** Validates `options` for `algo` and fills in defaults; throws a ValidationError otherwise. */
export function resolveConfig(algo: string, options: AgentOptions): AgentConfig {
  const name = checkChoice("algo", algo, ALGORITHMS);
  if (typeof options !== "object" || options === null) {
    throw new ValidationError("options", options, "an object");
  }
  const applicable = applicableHyperparameters(name);
  const allKnown = [...STRUCTURAL_KEYS, ...Object.keys(DEFAULTS)];
  checkKnownKeys("options", options as unknown as Record<string, unknown>, allKnown);
  for (const key of Object.keys(options)) {
    const value = (options as unknown as Record<string, unknown>)[key];
    if (value === undefined) continue;
    if (key in DEFAULTS && !applicable.includes(key as keyof Hyperparameters)) {
      throw new ValidationError(
        `options.${key}`,
        value,
        `nothing: "${key}" does not apply to ${name} (its options: ${applicable.join(", ")})`,
      );
    }
  }
  const o = { ...DEFAULTS, ...definedOnly(options) } as AgentOptions & Hyperparameters;
  const observationSize = checkNumber("observationSize", o.observationSize, {
    min: 1,
    integer: true,
  });
  const actionSize = checkNumber("actionSize", o.actionSize, { min: 1, integer: true });
  const actionLow = bounds("actionLow", o.actionLow, actionSize, -1);
  const actionHigh = bounds("actionHigh", o.actionHigh, actionSize, 1);
  actionLow.forEach((low, i) => {
    if (!(actionHigh[i] > low)) {
      throw new ValidationError(
        `actionHigh[${i}]`,
        actionHigh[i],
        `a number greater than actionLow[${i}] = ${low}`,
      );
    }
  });
  if (!Array.isArray(o.hidden) || o.hidden.length === 0) {
    throw new ValidationError("hidden", o.hidden, "a non-empty array of positive integers");
  }
  o.hidden.forEach((h, i) => checkNumber(`hidden[${i}]`, h, { min: 1, max: 4096, integer: true }));
  const config: AgentConfig = {
    algo: name,
    observationSize,
    actionSize,
    actionLow,
    actionHigh,
    population: checkNumber("population", o.population ?? 1, {
      min: 1,
      max: 65536,
      integer: true,
    }),
    seed: checkNumber("seed", o.seed ?? 0, { min: 0, max: 2 ** 31 - 1, integer: true }),
    backend: checkChoice("backend", o.backend ?? "auto", BACKENDS),
    implementation: checkChoice("implementation", o.implementation ?? "auto", IMPLEMENTATIONS),
    precision: checkChoice("precision", o.precision ?? "f64", PRECISIONS),
    threads: checkNumber("threads", o.threads ?? 1, { min: 1, max: 64, integer: true }),
    hidden: [...o.hidden],
    lrActor: checkNumber("lrActor", o.lrActor, { min: 0, exclusiveMin: true, max: 10 }),
    lrCritic: checkNumber("lrCritic", o.lrCritic, { min: 0, exclusiveMin: true, max: 10 }),
    polyak: checkNumber("polyak", o.polyak, { min: 0, max: 1 }),
    gamma: checkNumber("gamma", o.gamma, { min: 0, max: 1 }),
    batchSize: checkNumber("batchSize", o.batchSize, { min: 1, max: 1e6, integer: true }),
    actNoise: checkNumber("actNoise", o.actNoise, { min: 0, max: 10 }),
    epsilon: checkNumber("epsilon", o.epsilon, { min: 0, exclusiveMin: true, max: 1e6 }),
    cgIterations: checkNumber("cgIterations", o.cgIterations, { min: 1, max: 1e5, integer: true }),
    degree: checkNumber("degree", o.degree, { min: 1, max: 1e6, integer: true }),
    k1k2: checkChoice("k1k2", o.k1k2, ["per-sample", "listing"] as const),
    policyDelay: checkNumber("policyDelay", o.policyDelay, { min: 1, max: 1e6, integer: true }),
    targetNoise: checkNumber("targetNoise", o.targetNoise, { min: 0, max: 10 }),
    targetNoiseClip: checkNumber("targetNoiseClip", o.targetNoiseClip, { min: 0, max: 10 }),
    criticSteps: checkNumber("criticSteps", o.criticSteps, { min: 1, max: 1e6, integer: true }),
    startSteps: checkNumber("startSteps", o.startSteps, { min: 0, integer: true }),
    updateAfter: checkNumber("updateAfter", o.updateAfter, { min: 0, integer: true }),
    updateEvery: checkNumber("updateEvery", o.updateEvery, { min: 1, integer: true }),
    replayCapacity: checkNumber("replayCapacity", o.replayCapacity, {
      min: 1,
      max: 2 ** 31 - 1,
      integer: true,
    }),
  };
  return config;
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function bounds(
  field: string,
  value: Float32Array | number[] | undefined,
  size: number,
  fallback: number,
): number[] {
  if (value === undefined) return new Array(size).fill(fallback);
  if (!(Array.isArray(value) || value instanceof Float32Array) || value.length !== size) {
    throw new ValidationError(field, value, `an array of ${size} finite numbers`);
  }
  return Array.from(value, (v, i) => checkNumber(`${field}[${i}]`, v));
}
