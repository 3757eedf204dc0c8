/**
 * The generic environment: one {@link Sim}, a task's rules ({@link TaskSpec}), Gymnasium v5's
 * step order (docs/environments.md §1.1), a time limit, seeded reset noise, input validation and
 * instability detection. Each task file supplies only its observation, reward, termination and
 * reset noise.
 * @module
 */
import { checkKnownKeys, checkNumber, checkVector, ValidationError } from "../lib/errors.ts";
import { Rng } from "../lib/rng.ts";
import { compileModel, createSim, readBundledModel, type Sim, type SimViews } from "./mujoco.ts";
import type { Env, EnvState, Info, ResetResult, StepResult } from "./types.ts";

/** A task option's default value; its type decides how a given value is checked. */
export type OptionValue = number | boolean | string | readonly [number, number];

/** Resolved option values as the task code sees them. */
export type ResolvedOptions = Record<string, OptionValue>;

/** What a task computes after a step. */
export interface StepOutcome {
  /** The step's reward (the sum of the reward terms in `info`). */
  reward: number;
  /** Whether the task's termination rule fired. */
  terminated: boolean;
  /** Reward terms and the task's extra keys. */
  info: Info;
}

/** A task's rules bound to one simulation (see {@link TaskSpec.build}). */
export interface TaskRuntime {
  /** Length of the observation. */
  observationSize: number;
  /** Writes the observation of the current data into `out` (float64). */
  observe(v: SimViews, out: Float64Array): void;
  /** Records the "before" quantities of the coming step (positions for velocities). */
  beforeStep(v: SimViews): void;
  /** Reward, termination and info from the current (post-step) data. */
  afterStep(v: SimViews, action: Float32Array, observation: Float64Array): StepOutcome;
  /** Adds reset noise to qpos/qvel (which hold qpos0 and zeros). */
  resetNoise(v: SimViews, rng: Rng): void;
  /** The reset info. */
  resetInfo(v: SimViews): Info;
}

/** A task: its name, model, defaults and how to build its rules for one simulation. */
export interface TaskSpec {
  /** Name as listed by `listEnvs()`. */
  name: string;
  /** Our MJCF file in `physics/models/`. */
  modelFile: string;
  /** Default `mj_step` calls per env step. */
  frameSkip: number;
  /** Default episode step limit. */
  maxEpisodeSteps: number;
  /** Task-specific options (camelCase of Gymnasium's names) with Gymnasium's defaults. */
  defaults: Readonly<Record<string, OptionValue>>;
  /** Options that also accept a string (e.g. Ant's `mainBody`, a body id or name). */
  stringAlso?: readonly string[];
  /** Options that must be >= 0. */
  nonNegative?: readonly string[];
  /**
   * Whether the task reads `cfrc_ext` (Ant, Humanoid). Only then does a step call
   * `mj_rnePostConstraint` (§1.1 step 4: it fills cfrc_ext, cfrc_int and cacc, which no other
   * task reads, so skipping it elsewhere changes no number the env returns).
   */
  usesContactForces?: boolean;
  /** Builds the task's rules for a compiled model and resolved options. */
  build(sim: Sim, options: ResolvedOptions, dt: number): TaskRuntime;
}

const COMMON_KEYS = ["seed", "maxEpisodeSteps", "frameSkip", "xmlFile"] as const;

/** Checks task options against the spec's defaults and fills in the missing ones. */
export function resolveOptions(
  spec: TaskSpec,
  given: Record<string, unknown>,
): {
  common: { seed?: number; maxEpisodeSteps: number; frameSkip: number; xmlFile?: string };
  task: ResolvedOptions;
} {
  if (given === null || typeof given !== "object" || Array.isArray(given)) {
    throw new ValidationError(`${spec.name} options`, given, "an object of options");
  }
  const known = [...COMMON_KEYS, ...Object.keys(spec.defaults)];
  checkKnownKeys(spec.name, given, known);
  const where = (key: string) => `${spec.name}.${key}`;
  const seed = given.seed === undefined
    ? undefined
    : checkNumber(where("seed"), given.seed, { min: 0, max: 2 ** 32 - 1, integer: true });
  const maxEpisodeSteps = given.maxEpisodeSteps === undefined
    ? spec.maxEpisodeSteps
    : checkNumber(where("maxEpisodeSteps"), given.maxEpisodeSteps, { min: 1, integer: true });
  const frameSkip = given.frameSkip === undefined
    ? spec.frameSkip
    : checkNumber(where("frameSkip"), given.frameSkip, { min: 1, max: 10000, integer: true });
  let xmlFile: string | undefined;
  if (given.xmlFile !== undefined) {
    if (typeof given.xmlFile !== "string" || given.xmlFile === "") {
      throw new ValidationError(where("xmlFile"), given.xmlFile, "a path to an MJCF file");
    }
    xmlFile = given.xmlFile;
  }
  const task: ResolvedOptions = {};
  for (const [key, fallback] of Object.entries(spec.defaults)) {
    const value = given[key];
    if (value === undefined) {
      task[key] = fallback;
      continue;
    }
    if (spec.stringAlso?.includes(key) && typeof value === "string") {
      task[key] = value;
    } else if (typeof fallback === "boolean") {
      if (typeof value !== "boolean") throw new ValidationError(where(key), value, "true or false");
      task[key] = value;
    } else if (typeof fallback === "number") {
      const min = spec.nonNegative?.includes(key) ? 0 : -Infinity;
      task[key] = checkNumber(where(key), value, { min });
    } else if (Array.isArray(fallback)) {
      const ok = Array.isArray(value) && value.length === 2 &&
        value.every((x) => typeof x === "number" && !Number.isNaN(x)) && value[0] <= value[1];
      if (!ok) {
        throw new ValidationError(
          where(key),
          value,
          "a pair [low, high] of numbers with low <= high (±Infinity allowed)",
        );
      }
      task[key] = [value[0], value[1]] as const;
    } else {
      if (typeof value !== "string") throw new ValidationError(where(key), value, "a string");
      task[key] = value;
    }
  }
  return { common: { seed, maxEpisodeSteps, frameSkip, xmlFile }, task };
}

function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0];
}

/** Sum of squares of an action (float64 arithmetic on the float32 values). */
export function sumSquares(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * a[i];
  return s;
}

/** Clips x into [lo, hi]. */
export function clip(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/** Uniform noise in [-scale, scale). */
export function uniformNoise(rng: Rng, scale: number): number {
  return -scale + 2 * scale * rng.uniform();
}

function allFinite(a: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return false;
  return true;
}

/** An {@link Env} over one simulation and one task. */
class MujocoEnv implements Env {
  readonly name: string;
  readonly modelFile: string;
  readonly observationSize: number;
  readonly actionSize: number;
  readonly actionLow: Float32Array;
  readonly actionHigh: Float32Array;
  readonly maxEpisodeSteps: number;
  readonly frameSkip: number;
  readonly dt: number;
  readonly options: Readonly<Record<string, unknown>>;
  #sim: Sim;
  #task: TaskRuntime;
  #rng: Rng;
  #obs: Float64Array;
  #steps = 0;
  #ready = false;
  #broken = false;
  #warnings: Record<string, number> = {};
  #contactForces: boolean;

  constructor(
    name: string,
    modelFile: string,
    sim: Sim,
    task: TaskRuntime,
    common: { seed?: number; maxEpisodeSteps: number; frameSkip: number },
    options: Record<string, unknown>,
    contactForces: boolean,
  ) {
    this.#contactForces = contactForces;
    this.name = name;
    this.modelFile = modelFile;
    this.#sim = sim;
    this.#task = task;
    this.observationSize = task.observationSize;
    this.actionSize = sim.nu;
    const range: Float64Array = sim.model.actuator_ctrlrange;
    this.actionLow = new Float32Array(sim.nu);
    this.actionHigh = new Float32Array(sim.nu);
    for (let i = 0; i < sim.nu; i++) {
      this.actionLow[i] = range[2 * i];
      this.actionHigh[i] = range[2 * i + 1];
    }
    this.maxEpisodeSteps = common.maxEpisodeSteps;
    this.frameSkip = common.frameSkip;
    this.dt = sim.timestep * common.frameSkip;
    this.options = Object.freeze({ ...options });
    this.#rng = new Rng(common.seed ?? randomSeed());
    this.#obs = new Float64Array(task.observationSize);
  }

  #sanitizedObservation(): Float32Array {
    const out = new Float32Array(this.#obs.length);
    for (let i = 0; i < out.length; i++) {
      const x = this.#obs[i];
      out[i] = Number.isFinite(x) ? x : 0;
    }
    return out;
  }

  reset(options: { seed?: number } = {}): ResetResult {
    const sim = this.#sim;
    if (sim.closed) throw new Error(`Cannot reset ${this.name}: the env is closed`);
    checkKnownKeys("reset", options as Record<string, unknown>, ["seed"]);
    if (options.seed !== undefined) {
      const seed = checkNumber("reset.seed", options.seed, {
        min: 0,
        max: 2 ** 32 - 1,
        integer: true,
      });
      this.#rng = new Rng(seed);
    }
    sim.resetData();
    const v = sim.v;
    this.#task.resetNoise(v, this.#rng);
    sim.forward();
    this.#steps = 0;
    this.#ready = true;
    this.#broken = false;
    this.#warnings = {};
    const view = sim.v;
    this.#task.observe(view, this.#obs);
    return { observation: this.#sanitizedObservation(), info: this.#task.resetInfo(view) };
  }

  step(action: Float32Array): StepResult {
    const sim = this.#sim;
    if (sim.closed) throw new Error(`Cannot step ${this.name}: the env is closed`);
    if (!this.#ready) throw new Error(`Cannot step ${this.name}: call reset() first`);
    if (this.#broken) {
      throw new Error(
        `Cannot step ${this.name}: the episode ended because the simulation went unstable; call reset()`,
      );
    }
    checkVector("action", action, this.actionSize);
    const task = this.#task;
    task.beforeStep(sim.v);
    const t0 = sim.time;
    sim.v.ctrl.set(action);
    let expected = t0;
    for (let k = 0; k < this.frameSkip; k++) {
      sim.step();
      expected += sim.timestep;
    }
    if (this.#contactForces) sim.rnePostConstraint();
    const v = sim.v;
    const obs = this.#obs;
    task.observe(v, obs);
    let { reward, terminated, info } = task.afterStep(v, action, obs);
    const reason = this.#instability(t0, expected, v);
    if (reason !== null) {
      // The state after a blow-up (or after MuJoCo's own automatic reset) carries no meaning:
      // end the episode, pay nothing and say why.
      this.#broken = true;
      terminated = true;
      reward = 0;
      for (const key of Object.keys(info)) {
        if (key.startsWith("reward_") || key.endsWith("_penalty")) info[key] = 0;
      }
      info.unstable = reason;
    }
    this.#steps++;
    return {
      observation: this.#sanitizedObservation(),
      reward,
      terminated,
      truncated: this.#steps >= this.maxEpisodeSteps,
      info,
    };
  }

  /** A named reason when this step went unstable, else null. */
  #instability(t0: number, expected: number, v: SimViews): string | null {
    const sim = this.#sim;
    const nonFinite = !allFinite(v.qpos) || !allFinite(v.qvel);
    // MuJoCo resets the data (time back to 0) when qpos, qvel or qacc go bad, and counts a
    // warning; the time check finds that cheaply, the warning counts name it.
    const timeJumped = Math.abs(sim.time - expected) > 1e-9 * (1 + Math.abs(expected));
    if (!nonFinite && !timeJumped && t0 !== 0) return null;
    const counts = sim.instabilityWarnings();
    let reason: string | null = null;
    for (const [name, count] of Object.entries(counts)) {
      if (count > (this.#warnings[name] ?? 0) && reason === null) reason = name;
    }
    this.#warnings = counts;
    if (reason === null && nonFinite) reason = "non-finite state";
    if (reason === null && timeJumped) reason = "simulation reset by MuJoCo";
    return reason;
  }

  state(): EnvState {
    const sim = this.#sim;
    if (sim.closed) throw new Error(`Cannot read the state of ${this.name}: the env is closed`);
    const v = sim.v;
    return { qpos: v.qpos.slice(), qvel: v.qvel.slice(), time: sim.time };
  }

  setState(qpos: ArrayLike<number>, qvel: ArrayLike<number>): Float32Array {
    const sim = this.#sim;
    if (sim.closed) throw new Error(`Cannot set the state of ${this.name}: the env is closed`);
    checkFinite("qpos", qpos, sim.nq);
    checkFinite("qvel", qvel, sim.nv);
    const v = sim.v;
    v.qpos.set(qpos);
    v.qvel.set(qvel);
    sim.forward();
    this.#ready = true;
    this.#broken = false;
    this.#task.observe(sim.v, this.#obs);
    return this.#sanitizedObservation();
  }

  close(): void {
    this.#sim.close();
  }
}

function checkFinite(field: string, value: ArrayLike<number>, length: number): void {
  if (value === null || typeof value !== "object" || value.length !== length) {
    throw new ValidationError(field, value, `${length} finite numbers`);
  }
  for (let i = 0; i < length; i++) {
    if (typeof value[i] !== "number" || !Number.isFinite(value[i])) {
      throw new ValidationError(`${field}[${i}]`, value[i], "a finite number");
    }
  }
}

/** Builds an env for a task spec and user options (validated before anything is allocated). */
export async function createEnv(spec: TaskSpec, options: Record<string, unknown>): Promise<Env> {
  const { common, task } = resolveOptions(spec, options);
  let xml: string;
  let modelFile = spec.modelFile;
  if (common.xmlFile !== undefined) {
    modelFile = common.xmlFile;
    try {
      xml = await Deno.readTextFile(common.xmlFile);
    } catch (e) {
      throw new ValidationError(
        `${spec.name}.xmlFile`,
        common.xmlFile,
        `a readable MJCF file (${(e as Error).message})`,
      );
    }
  } else {
    xml = await readBundledModel(spec.modelFile);
  }
  const model = await compileModel(modelFile, xml);
  const sim = await createSim(model);
  try {
    const dt = sim.timestep * common.frameSkip;
    const runtime = spec.build(sim, task, dt);
    const resolved = {
      ...task,
      maxEpisodeSteps: common.maxEpisodeSteps,
      frameSkip: common.frameSkip,
    };
    return new MujocoEnv(
      spec.name,
      modelFile,
      sim,
      runtime,
      common,
      resolved,
      spec.usesContactForces ?? false,
    );
  } catch (e) {
    sim.close();
    throw e;
  }
}
