/**
 * The training loop: P seeds of one algorithm on one task as one population (docs/design.md §6),
 * one environment per member, Spinning Up's schedule (uniform random actions for `startSteps`,
 * no updates before `updateAfter`, then every `updateEvery` steps a block of `updateEvery`
 * updates), deterministic evaluations, checkpoints, rollouts and metrics in the run store.
 *
 * Time-limit truncation does not set `done` (the replay keeps bootstrapping through it);
 * only a true termination does.
 *
 * Reproducibility: every random number comes from a seeded member stream (`memberRng`):
 * the agent's own (init, exploration, smoothing), `replay` for minibatch sampling and
 * `environment` for reset seeds and the uniform start actions. A checkpoint stores all of them,
 * and the episode in progress as its reset seed plus the actions taken so far (replayed on
 * resume, so the simulator state is restored exactly); with the replay buffer saved
 * (`checkpointReplay`) a resumed run reproduces the uninterrupted one bit for bit.
 *
 * The environment is a task of physics/ by name (with `envOptions`) or one the user wrote
 * (lib/train/env_source.ts). Callbacks (`onEval`, `onEpisode`, `onCheckpoint`) see the run as it
 * goes; one that returns `false` stops it early, as a Stable-Baselines3 callback's `_on_step`
 * does: a checkpoint is written and the run is marked finished with `stoppedEarly`.
 * @module
 */
import {
  ACTOR_DIAGNOSTICS,
  type Agent,
  type BlockInfo,
  createAgent,
  loadAgent,
  memberRng,
  STREAMS,
} from "../agent.ts";
import { ReplayBuffer } from "../replay.ts";
import { ValidationError } from "../errors.ts";
import { writeFileAtomic } from "../atomic.ts";
import { Rng } from "../rng.ts";
import { VERSIONS } from "../deps.ts";
import { updatesPerBlock } from "../config.ts";
import { encodeRollout, recordRollout } from "../../physics/rollout.ts";
import type { Env, EnvFactory, EnvLike } from "../../physics/types.ts";
import { checkKnownKeys, checkNumber } from "../errors.ts";
import { evaluationSeed, meanStd, runEpisodes } from "./evaluate.ts";
import { type EnvSource, envSource } from "./env_source.ts";
import {
  agentHyperparameters,
  encodeEnvOptions,
  resolveTrainConfig,
  storedFields,
  type TrainConfig,
  type TrainInput,
} from "./config.ts";
import {
  cleanCheckpoints,
  findCheckpoint,
  readTrainerState,
  replayFromBytes,
  type TrainerState,
  writeCheckpoint,
} from "./checkpoint.ts";
import {
  checkRunId,
  type EpisodeRow,
  type EvalRow,
  type MetricRow,
  newRunId,
  type RunConfig,
  type RunState,
  type RunStatus,
  type RunSummary,
  RunWriter,
} from "../store/run_store.ts";
import { acquireRunLock, hostName } from "../store/run_lock.ts";

/** This host's name, written to status.json beside the pid (a pid means something only there). */
const HOST = hostName();

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

/** Options of {@link train} and {@link resumeRun}. */
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
}

const TRAIN_OPTIONS = [
  "onProgress",
  "signal",
  "progressInterval",
  "id",
  "onEval",
  "onEpisode",
  "onCheckpoint",
];
const RESUME_OPTIONS = [
  ...TRAIN_OPTIONS,
  "steps",
  "backend",
  "threads",
  "forceUnlock",
  "log",
  "env",
];

/** Validates the options of {@link train} or {@link resumeRun} before anything is made. */
function checkOptions(options: unknown, known: readonly string[]): void {
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

/** What {@link train} returns: the run's summary and its last evaluation per member. */
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

/** Git commit of the working directory, if it is a repository and git is available. */
async function gitCommit(): Promise<string | undefined> {
  try {
    const out = await new Deno.Command("git", {
      args: ["rev-parse", "HEAD"],
      stdout: "piped",
      stderr: "null",
    }).output();
    const text = new TextDecoder().decode(out.stdout).trim();
    return out.success && /^[0-9a-f]{40}$/.test(text) ? text : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Trains one run (one env, one algorithm, the config's seeds as one population) and writes it to
 * `<config.out>/<id>/`. The config and options are validated completely before anything is
 * written.
 *
 * `input.env` is a task name (with `input.envOptions`, the task's options) or an environment the
 * user wrote: an `EnvLike` object (a single-seed run; it serves training and evaluation, and the
 * training episode in progress is replayed after each evaluation) or a factory
 * `(options) => EnvLike` called for every environment the run needs. config.json records the
 * environment's `name` (or `"custom"`) and `customEnv: true`; resuming such a run needs the
 * environment passed again (`resumeRun(dir, { env })`). No rollouts are recorded for it (the
 * viewer replays MuJoCo models).
 *
 * @example
 * ```ts
 * import { train } from "./loop.ts";
 * const out = await Deno.makeTempDir();
 * const summary = await train(
 *   { env: "HalfCheetah", envOptions: { ctrlCostWeight: 0.05 }, algo: "td3", steps: 300, startSteps: 100, updateAfter: 100, out },
 *   { onEval: ({ mean }) => mean < 1000 }, // false (a mean of 1000 or more) stops the run
 * );
 * console.log(summary.status, summary.dir, summary.bestEval, summary.stoppedEarly); // "finished" …
 * ```
 */
export async function train(input: TrainInput, options: TrainOptions = {}): Promise<TrainResult> {
  checkOptions(options, TRAIN_OPTIONS);
  const envInput = (input as TrainInput | undefined)?.env;
  const custom = envInput !== undefined && typeof envInput !== "string";
  const config = custom
    ? resolveTrainConfig({ ...input, env: undefined }, "custom")
    : resolveTrainConfig(input);
  const source = await envSource(
    custom ? envInput : config.env,
    config.envOptions,
    config.seeds.length,
    config.seeds[0],
  );
  // everything that can fail on a bad config happens before the run directory exists
  let session: Session;
  let id: string;
  try {
    config.env = source.name;
    id = checkRunId(options.id ?? config.name ?? newRunId(config.env, config.algo));
    session = await Session.create(config, undefined, source);
  } catch (error) {
    source.dispose();
    throw error;
  }
  try {
    const stored = storedFields(config);
    if (config.envOptions) stored.envOptions = encodeEnvOptions(config.envOptions);
    const runConfig: RunConfig = {
      id,
      ...stored,
      ...(source.custom ? { customEnv: true } : {}),
      createdAt: new Date().toISOString(),
      versions: { deno: Deno.version.deno, tfjs: VERSIONS.tfjs, mujoco: VERSIONS.mujoco },
      runtime: session.runtime,
    } as RunConfig;
    const git = await gitCommit();
    if (git) runConfig.git = git;
    const writer = await RunWriter.create(config.out, runConfig, session.status("running"));
    return await session.run(writer, id, options);
  } finally {
    session.dispose();
    source.dispose();
  }
}

/** Options of {@link resumeRun}: those of {@link train} and what a resume may change. */
export interface ResumeOptions extends TrainOptions {
  /** New step budget per member; at least the steps done in the last checkpoint. */
  steps?: number;
  /** Another tfjs backend (changes where the updates run, not what they compute). */
  backend?: TrainConfig["backend"];
  /** Threads of the fused path (same results). */
  threads?: number;
  /**
   * Take over a lock held by another host (or unreadable); see lib/store/run_lock.ts. A lock of a
   * live process of this host is never taken over.
   */
  forceUnlock?: boolean;
  /** Where notices (a lock taken over) go; default `console.error`. */
  log?: (line: string) => void;
  /**
   * The environment of a run trained on a user's environment (config.json has `customEnv: true`):
   * the object or factory given to `train()` again, since a run store cannot hold it. Its name and
   * sizes must match the run's.
   */
  env?: EnvLike | EnvFactory;
}

/**
 * Continues the run in `dir` from its last checkpoint (or from the start if it has none), with
 * the agent, optimizer, RNG and (if saved) replay state restored. `steps` extends the budget;
 * `backend` and `threads` change only where and how fast it runs.
 *
 * The run's lock is taken first (lib/store/run_lock.ts): a run another live process writes is
 * refused with a `RunLockedError` naming it; a lock left by a killed process of this host is
 * taken over with a notice. `steps` below the steps already done is a `ValidationError`, and so
 * is a missing `env` for a run trained on a user's environment.
 */
export async function resumeRun(
  dir: string,
  options: ResumeOptions = {},
): Promise<TrainResult> {
  checkOptions(options, RESUME_OPTIONS);
  dir = dir.replace(/\/+$/, "");
  const id = checkRunId(dir.split("/").pop());
  const stored = JSON.parse(await Deno.readTextFile(`${dir}/config.json`)) as RunConfig;
  const {
    id: _id,
    createdAt: _c,
    versions: _v,
    git: _g,
    runtime: _r,
    customEnv,
    env: storedEnv,
    ...fields
  } = stored;
  const out = dir.split("/").slice(0, -1).join("/") || ".";
  if (customEnv && options.env === undefined) {
    throw new ValidationError(
      "env",
      undefined,
      `the environment run ${id} trained on ("${storedEnv}"), passed again: resumeRun(dir, { env }). It was a user's environment, which a run store cannot hold`,
    );
  }
  if (!customEnv && options.env !== undefined) {
    throw new ValidationError(
      "env",
      typeof options.env === "function" ? "a function" : options.env,
      `nothing: run ${id} trains on the task "${storedEnv}" named in its config.json`,
    );
  }
  const config = resolveTrainConfig(
    {
      ...fields,
      ...(customEnv ? {} : { env: storedEnv }),
      out,
      ...(options.steps !== undefined ? { steps: options.steps } : {}),
      ...(options.backend !== undefined ? { backend: options.backend } : {}),
      ...(options.threads !== undefined ? { threads: options.threads } : {}),
    } as TrainInput,
    customEnv ? String(storedEnv) : undefined,
  );
  // the lock before anything of the run is read for resuming or changed
  const lock = await acquireRunLock(dir, { force: options.forceUnlock, log: options.log });
  try {
    await checkNotRunning(dir);
    const checkpointsDir = `${dir}/checkpoints`;
    const last = await findCheckpoint(checkpointsDir, "last");
    const done = last ? (await readTrainerState(last)).stepsDone : 0;
    if (options.steps !== undefined && options.steps < done) {
      // a smaller budget would end the loop at once and call the run finished past 100%
      throw new ValidationError(
        "steps",
        options.steps,
        `an integer >= ${done}, the steps its last checkpoint has done (a resume cannot undo steps)`,
      );
    }
    const source = await envSource(
      customEnv ? options.env : config.env,
      config.envOptions,
      config.seeds.length,
      config.seeds[0],
    );
    if (source.name !== config.env) {
      source.dispose();
      throw new ValidationError(
        "env",
        source.name,
        `the environment run ${id} trained on, named "${config.env}"`,
      );
    }
    let session: Session;
    try {
      session = await Session.create(config, last, source);
    } catch (error) {
      source.dispose();
      throw error;
    }
    try {
      await cleanCheckpoints(checkpointsDir, last);
      if (last && !last.endsWith("/last")) {
        // recover a checkpoint left under last.old-* by an interrupted write
        await Deno.rename(last, `${checkpointsDir}/last`);
      }
      const writer = await RunWriter.open(dir, session.stepsDone, { lock });
      if (options.steps !== undefined && options.steps !== stored.steps) {
        await writeFileAtomic(
          `${dir}/config.json`,
          JSON.stringify({ ...stored, steps: config.steps }, null, 2) + "\n",
        );
      }
      return await session.run(writer, id, options);
    } finally {
      session.dispose();
      source.dispose();
    }
  } finally {
    lock.release();
  }
}

/**
 * Refuses to resume a run whose status says a live process is still training it (Linux), for runs
 * written before run locks: a status that names its host comes from a writer that held the lock.
 */
async function checkNotRunning(dir: string): Promise<void> {
  let status: RunStatus;
  try {
    status = JSON.parse(await Deno.readTextFile(`${dir}/status.json`));
  } catch {
    return;
  }
  if (status.host !== undefined) return;
  if (status.status !== "running" || !status.pid || status.pid === Deno.pid) return;
  let cmdline: string;
  try {
    cmdline = await Deno.readTextFile(`/proc/${status.pid}/cmdline`);
  } catch {
    return; // no such process (or no /proc here)
  }
  if (/deno/.test(cmdline)) {
    throw new Error(
      `${dir} is still being trained by process ${status.pid}; stop it first (Ctrl-C writes a checkpoint)`,
    );
  }
}

interface Episode {
  resetSeed: number;
  actions: number[];
  return: number;
  length: number;
}

/** The state of one training session (a fresh run or a resume). */
class Session {
  stepsDone = 0;
  wallTimeBefore = 0;
  bestEval: number | null = null;
  lastEval: (number | null)[];
  episodesDone: number[];
  current: Episode[];
  lastUpdateRowStep = 0;
  readonly P: number;
  readonly O: number;
  readonly A: number;
  readonly obs: Float32Array;
  readonly evalSeeds: number[];
  /** The callback that asked to stop, once one has. */
  #stopBy: StopCallback | null = null;
  /** Set when the run ends stopped early (written to status.json). */
  #stoppedEarly = false;
  #started = performance.now();
  #writer!: RunWriter;
  #id = "";
  #options: TrainOptions = {};
  #lastProgress = 0;
  #rate = { step: 0, time: 0, sps: 0 };
  #phase: TrainProgress["phase"] = "starting";
  #lastStatus = 0;

  private constructor(
    readonly config: TrainConfig,
    readonly agent: Agent,
    readonly replay: ReplayBuffer,
    readonly envs: EnvLike[],
    readonly evalEnvs: EnvLike[],
    readonly envRng: Rng[],
    readonly replayRng: Rng[],
    readonly source: EnvSource,
  ) {
    this.P = config.seeds.length;
    this.O = envs[0].observationSize;
    this.A = envs[0].actionSize;
    this.obs = new Float32Array(this.P * this.O);
    this.lastEval = new Array(this.P).fill(null);
    this.episodesDone = new Array(this.P).fill(0);
    this.current = [];
    this.evalSeeds = Array.from({ length: this.P }, (_, p) => evaluationSeed(config.seeds[0], p));
  }

  /**
   * Builds the agent, buffers and environments (from `source`); restores `checkpoint` if given.
   */
  static async create(
    config: TrainConfig,
    checkpoint: string | undefined,
    source: EnvSource,
  ): Promise<Session> {
    const P = config.seeds.length;
    const seed = config.seeds[0];
    const envs: EnvLike[] = [];
    const evalEnvs: EnvLike[] = [];
    let agent: Agent | undefined;
    try {
      envs.push(await source.make(seed));
      const env = envs[0];
      // the buffer holds at most `steps` transitions per member; check it fits first
      const capacity = Math.min(config.replayCapacity, config.steps);
      let replay: ReplayBuffer;
      try {
        replay = new ReplayBuffer(P, capacity, env.observationSize, env.actionSize);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const detail = error.message.replace(/^.*?allowed: /, "");
        throw new ValidationError(
          "replayCapacity",
          config.replayCapacity,
          `${detail} (the buffer holds min(replayCapacity, steps) = ${capacity} transitions per member)`,
        );
      }
      for (let p = 0; p < P; p++) {
        if (p > 0) envs.push(await source.make(seed + p));
        evalEnvs.push(await source.make(seed + p));
        for (const e of [envs[p], evalEnvs[p]]) {
          if (e.observationSize !== env.observationSize || e.actionSize !== env.actionSize) {
            throw new ValidationError(
              "env",
              source.name,
              `environments of one size: the factory made observation/action sizes ${e.observationSize}/${e.actionSize} after ${env.observationSize}/${env.actionSize}`,
            );
          }
        }
      }
      const agentOptions = {
        observationSize: env.observationSize,
        actionSize: env.actionSize,
        actionLow: env.actionLow,
        actionHigh: env.actionHigh,
        population: P,
        seed,
        backend: config.backend,
        implementation: config.implementation,
        threads: config.threads,
        ...agentHyperparameters(config),
      };
      agent = checkpoint
        ? await loadAgent(checkpoint, {
          backend: config.backend,
          implementation: config.implementation,
          threads: config.threads,
        })
        : await createAgent(config.algo, agentOptions);
      if (
        agent.config.observationSize !== env.observationSize ||
        agent.config.actionSize !== env.actionSize
      ) {
        // a resume with another environment than the run's (a user's environment passed again)
        throw new ValidationError(
          "env",
          source.name,
          `an environment of the run's sizes: observations ${agent.config.observationSize} and actions ${agent.config.actionSize} (this one has ${env.observationSize} and ${env.actionSize})`,
        );
      }
      const envRng = Array.from({ length: P }, (_, p) => memberRng(seed, p, STREAMS.environment));
      const replayRng = Array.from({ length: P }, (_, p) => memberRng(seed, p, STREAMS.replay));
      const session = new Session(
        config,
        agent,
        replay,
        envs,
        evalEnvs,
        envRng,
        replayRng,
        source,
      );
      if (checkpoint) await session.#restore(checkpoint);
      else session.#startEpisodes();
      return session;
    } catch (error) {
      agent?.dispose();
      if (source.owned) { for (const e of [...envs, ...evalEnvs]) e.close?.(); }
      throw error;
    }
  }

  /** What runs the updates: the tfjs backend resolved from `auto` and the update implementation. */
  get runtime(): { backend: string; implementation: string } {
    return { backend: this.agent.backend, implementation: this.agent.implementation };
  }

  #startEpisodes(): void {
    for (let p = 0; p < this.P; p++) this.#resetMember(p);
  }

  #resetMember(p: number): void {
    const resetSeed = this.envRng[p].nextUint32();
    const { observation } = this.envs[p].reset({ seed: resetSeed });
    this.obs.set(observation, p * this.O);
    this.current[p] = { resetSeed, actions: [], return: 0, length: 0 };
  }

  async #restore(dir: string): Promise<void> {
    const state = await readTrainerState(dir);
    if (state.envRng.length !== this.P) {
      throw new Error(`${dir}/trainer.json: ${state.envRng.length} members, config has ${this.P}`);
    }
    this.stepsDone = state.stepsDone;
    this.wallTimeBefore = state.wallTime;
    this.bestEval = state.bestEval;
    this.lastEval = state.lastEval;
    this.episodesDone = state.episodes;
    this.lastUpdateRowStep = state.lastUpdateRowStep;
    state.envRng.forEach((s, p) => (this.envRng[p].state = s));
    state.replayRng.forEach((s, p) => (this.replayRng[p].state = s));
    for (let p = 0; p < this.P; p++) {
      const saved = state.current[p];
      this.obs.set(this.#replayEpisode(p, saved), p * this.O);
      this.current[p] = { ...saved, actions: [...saved.actions] };
    }
    if (state.replay.saved) {
      const bytes = await Deno.readFile(`${dir}/replay.bin`);
      replayFromBytes(this.replay, bytes, state.replay);
    }
  }

  /**
   * Brings member p's training environment back to the episode in progress: reset with its seed,
   * then its actions again. Returns the observation reached.
   */
  #replayEpisode(p: number, episode: Episode): Float32Array {
    let { observation } = this.envs[p].reset({ seed: episode.resetSeed });
    const actions = Float32Array.from(episode.actions);
    for (let i = 0; i < episode.length; i++) {
      const r = this.envs[p].step(actions.subarray(i * this.A, (i + 1) * this.A));
      if (r.terminated || r.truncated) {
        throw new Error(
          `Cannot restore the episode in progress of ${this.source.name}: replaying its ${episode.length} actions from reset({ seed: ${episode.resetSeed} }) ended it after ${
            i + 1
          }; an environment must be deterministic given its reset seed`,
        );
      }
      observation = r.observation;
    }
    return observation;
  }

  /**
   * After an evaluation on the one environment object that training uses too: replays the
   * training episode in progress, and checks that it reached the same observation.
   */
  #resumeSharedEpisode(): void {
    const { O } = this;
    for (let p = 0; p < this.P; p++) {
      const observation = this.#replayEpisode(p, this.current[p]);
      const before = this.obs.subarray(p * O, (p + 1) * O);
      if (!observation.every((x, i) => Object.is(x, before[i]))) {
        throw new Error(
          `Cannot continue training on ${this.source.name} after an evaluation: replaying the episode in progress from its reset seed reached another state, so the environment is not deterministic given reset({ seed }). Pass a factory, (options) => new environment, so that evaluation gets an environment of its own`,
        );
      }
    }
  }

  #trainerState(): TrainerState {
    return {
      format: "stackrl-trainer/1",
      stepsDone: this.stepsDone,
      wallTime: this.wallTime,
      bestEval: this.bestEval,
      lastEval: [...this.lastEval],
      envRng: this.envRng.map((r) => r.state),
      replayRng: this.replayRng.map((r) => r.state),
      episodes: [...this.episodesDone],
      current: this.current.map((e) => ({ ...e, actions: [...e.actions] })),
      replay: {
        saved: this.config.checkpointReplay,
        capacity: this.replay.capacity,
        position: this.replay.position,
        size: this.replay.size,
      },
      lastUpdateRowStep: this.lastUpdateRowStep,
    };
  }

  get wallTime(): number {
    return this.wallTimeBefore + (performance.now() - this.#started) / 1000;
  }

  status(status: RunState, error?: string): RunStatus {
    return {
      status,
      stepsDone: this.stepsDone,
      stepsTotal: this.config.steps,
      bestEval: this.bestEval,
      wallTime: round(this.wallTime, 3),
      updatedAt: new Date().toISOString(),
      ...(error ? { error } : {}),
      ...(this.#stoppedEarly ? { stoppedEarly: true, stoppedBy: this.#stopBy! } : {}),
      pid: Deno.pid,
      ...(HOST ? { host: HOST } : {}),
    };
  }

  #progress(force = false): void {
    const now = performance.now();
    if (!this.#options.onProgress) return;
    if (!force && now - this.#lastProgress < (this.#options.progressInterval ?? 200)) return;
    this.#lastProgress = now;
    const dt = (now - this.#rate.time) / 1000;
    if (dt >= 0.5) {
      const sps = (this.stepsDone - this.#rate.step) / dt;
      this.#rate = {
        step: this.stepsDone,
        time: now,
        sps: this.#rate.sps ? 0.5 * this.#rate.sps + 0.5 * sps : sps,
      };
    }
    const sps = this.#rate.sps;
    this.#options.onProgress({
      id: this.#id,
      dir: this.#writer.dir,
      stepsDone: this.stepsDone,
      stepsTotal: this.config.steps,
      stepsPerSecond: sps,
      etaSeconds: sps > 0 ? (this.config.steps - this.stepsDone) / sps : null,
      lastEval: [...this.lastEval],
      bestEval: this.bestEval,
      phase: this.#phase,
      wallTime: this.wallTime,
    });
  }

  /** Runs to the end of the budget (or until aborted); returns the summary. */
  async run(writer: RunWriter, id: string, options: TrainOptions): Promise<TrainResult> {
    this.#writer = writer;
    this.#id = id;
    this.#options = options;
    this.#started = performance.now();
    this.#rate = { step: this.stepsDone, time: this.#started, sps: 0 };
    const { config } = this;
    let state: RunState = "running";
    try {
      await writer.writeStatus(this.status("running"));
      this.#progress(true);
      if (this.stepsDone === 0) {
        await this.#evaluate();
        await this.#record("step-000000");
      }
      const rowEvery = updateRowEvery(config);
      const sums = new BlockSums(this.P);
      let rowStart = { step: this.stepsDone, time: performance.now() };
      const rewards = new Float64Array(this.P);
      const dones = new Float32Array(this.P);
      const next = new Float32Array(this.P * this.O);
      const { P, O, A } = this;
      const actions = new Float32Array(P * A);
      while (this.stepsDone < config.steps) {
        if (options.signal?.aborted) {
          state = "interrupted";
          break;
        }
        if (this.#stopBy) break;
        // act
        const random = this.stepsDone < config.startSteps;
        this.#phase = random ? "random" : "learning";
        if (random) {
          const low = this.envs[0].actionLow, high = this.envs[0].actionHigh;
          for (let p = 0; p < P; p++) {
            for (let j = 0; j < A; j++) {
              actions[p * A + j] = low[j] + (high[j] - low[j]) * this.envRng[p].uniform();
            }
          }
        } else {
          actions.set(this.agent.act(this.obs, { explore: true }));
        }
        // step every member
        const finished: number[] = [];
        for (let p = 0; p < P; p++) {
          const a = actions.subarray(p * A, (p + 1) * A);
          const r = this.envs[p].step(a);
          next.set(r.observation, p * O);
          rewards[p] = r.reward;
          dones[p] = r.terminated ? 1 : 0; // truncation is not a termination
          const ep = this.current[p];
          for (let j = 0; j < A; j++) ep.actions.push(a[j]);
          ep.return += r.reward;
          ep.length++;
          if (r.terminated || r.truncated) finished.push(p);
        }
        this.replay.add(this.obs, actions, rewards, next, dones);
        this.obs.set(next);
        this.stepsDone++;
        const rows: MetricRow[] = [];
        for (const p of finished) {
          const ep = this.current[p];
          this.episodesDone[p]++;
          rows.push({
            type: "episode",
            member: p,
            seed: config.seeds[p],
            step: this.stepsDone,
            return: ep.return,
            length: ep.length,
            time: round(this.wallTime, 3),
          });
          this.#resetMember(p);
        }
        // a block of updates
        const s = this.stepsDone;
        if (
          s >= config.updateAfter && s % config.updateEvery === 0 &&
          this.replay.size >= Math.min(config.batchSize, config.updateAfter || 1)
        ) {
          // one block (on WebGPU: one submission and one readback)
          sums.addBlock(
            await this.agent.updateBlock(
              this.replay,
              this.replayRng,
              updatesPerBlock(config),
              config.batchSize,
            ),
          );
          this.#progress();
        }
        if (s - this.lastUpdateRowStep >= rowEvery || (s === config.steps && sums.count > 0)) {
          const now = performance.now();
          const sps = (s - rowStart.step) / Math.max(1e-9, (now - rowStart.time) / 1000);
          if (sums.count > 0) {
            rows.push(...sums.rows(config.seeds, s, sps, round(this.wallTime, 3)));
          }
          sums.clear();
          rowStart = { step: s, time: now };
          this.lastUpdateRowStep = s;
        }
        await writer.append(rows);
        // evaluation, rollouts, checkpoints and callbacks (their time is left out of stepsPerSecond)
        const pauseStart = performance.now();
        if (options.onEpisode) {
          for (const row of rows) {
            if (row.type !== "episode") continue;
            const info = { id, dir: writer.dir, step: s, row };
            await this.#callback("onEpisode", options.onEpisode, info);
          }
        }
        const end = s === config.steps;
        if ((config.evalEvery > 0 && s % config.evalEvery === 0) || end) await this.#evaluate();
        if (config.recordEvery > 0 && s % config.recordEvery === 0) {
          await this.#record(`step-${String(s).padStart(6, "0")}`);
        }
        if ((config.checkpointEvery > 0 && s % config.checkpointEvery === 0) || end) {
          await this.#checkpoint();
        }
        rowStart.time += performance.now() - pauseStart;
        if (performance.now() - this.#lastStatus > 2000) {
          this.#lastStatus = performance.now();
          await writer.writeStatus(this.status("running"));
        }
        this.#progress();
      }
      if (state === "interrupted") await this.#checkpoint();
      else {
        if (this.#stopBy && this.stepsDone < config.steps) {
          await this.#checkpoint();
          this.#stoppedEarly = true;
        }
        state = "finished";
      }
      this.#phase = "done";
      await writer.writeStatus(this.status(state));
      this.#progress(true);
    } catch (error) {
      state = "failed";
      await writer.writeStatus(this.status("failed", String((error as Error)?.stack ?? error)))
        .catch(() => {});
      throw error;
    } finally {
      writer.close();
    }
    return {
      id,
      dir: writer.dir,
      env: config.env,
      algo: config.algo,
      seeds: config.seeds,
      stepsDone: this.stepsDone,
      stepsTotal: config.steps,
      status: state,
      ...(this.#stoppedEarly ? { stoppedEarly: true, stoppedBy: this.#stopBy! } : {}),
      bestEval: this.bestEval,
      wallTime: round(this.wallTime, 3),
      lastEval: [...this.lastEval],
    };
  }

  /** Calls a user's callback; `false` asks the run to stop (the first such answer is kept). */
  async #callback<T>(
    name: StopCallback,
    callback: (info: T) => CallbackResult,
    info: T,
  ): Promise<void> {
    const answer = await callback(info);
    if (answer === false && this.#stopBy === null) this.#stopBy = name;
  }

  /** `evalEpisodes` deterministic episodes per member, all members stepped together. */
  async #evaluate(): Promise<void> {
    this.#phase = "evaluating";
    this.#progress(true);
    const { P } = this;
    // the same episodes as evaluate() runs (lib/train/evaluate.ts), all members stepped together
    const { returns } = runEpisodes(
      this.evalEnvs,
      (obs) => this.agent.act(obs, { explore: false }),
      this.evalSeeds,
      this.config.evalEpisodes,
    );
    if (this.source.shared) this.#resumeSharedEpisode();
    const rows: EvalRow[] = [];
    for (let p = 0; p < P; p++) {
      const { mean, std } = meanStd(returns[p]);
      this.lastEval[p] = mean;
      rows.push({
        type: "eval",
        member: p,
        seed: this.config.seeds[p],
        step: this.stepsDone,
        returnMean: mean,
        returnStd: std,
        returns: returns[p],
        time: round(this.wallTime, 3),
      });
    }
    await this.#writer.append(rows);
    const overall = (this.lastEval as number[]).reduce((a, b) => a + b, 0) / P;
    const best = this.bestEval === null || overall > this.bestEval;
    if (best) {
      this.bestEval = overall;
      if (this.stepsDone > 0) {
        await this.#checkpoint("best");
        await this.#record("best");
      }
    }
    this.#phase = "learning";
    if (this.#options.onEval) {
      const info: EvalInfo = {
        id: this.#id,
        dir: this.#writer.dir,
        step: this.stepsDone,
        rows,
        mean: overall,
        best,
        agent: this.agent,
      };
      await this.#callback("onEval", this.#options.onEval, info);
    }
  }

  /** Records one deterministic episode of member 0 to `rollouts/<label>.json`. */
  async #record(label: string): Promise<void> {
    // a rollout is replayed in the viewer through the task's MuJoCo model: tasks of physics/ only
    if (!this.source.rollouts) return;
    const { P, O } = this;
    const padded = new Float32Array(P * O);
    const policy = (observation: Float32Array) => {
      padded.set(observation, 0);
      return this.agent.act(padded, { explore: false }).slice(0, this.A);
    };
    const rollout = await recordRollout(this.evalEnvs[0] as Env, policy, {
      episodes: 1,
      fps: 30,
      seed: this.evalSeeds[0],
    });
    await this.#writer.writeRollout(label, encodeRollout(rollout));
  }

  async #checkpoint(name: "last" | "best" = "last"): Promise<void> {
    const previous = this.#phase;
    this.#phase = "checkpoint";
    this.#progress(true);
    // a checkpoint replaces the run's state: only the lock's holder may write it
    this.#writer.assertOwned();
    await writeCheckpoint(
      this.#writer.checkpointDir(name),
      this.agent,
      this.#trainerState(),
      this.replay,
    );
    if (name === "last") {
      this.#lastStatus = performance.now();
      await this.#writer.writeStatus(this.status("running"));
    }
    this.#phase = previous;
    if (this.#options.onCheckpoint) {
      const info: CheckpointInfo = {
        id: this.#id,
        dir: this.#writer.dir,
        step: this.stepsDone,
        name,
        path: this.#writer.checkpointDir(name),
      };
      await this.#callback("onCheckpoint", this.#options.onCheckpoint, info);
    }
  }

  dispose(): void {
    this.agent.dispose();
    // a user's environment object is the user's to close
    if (this.source.owned) { for (const e of [...this.envs, ...this.evalEnvs]) e.close?.(); }
  }
}

/** Steps between update-diagnostics rows: a multiple of updateEvery, ~2000 rows per member. */
function updateRowEvery(config: TrainConfig): number {
  return Math.max(1, Math.ceil(config.steps / 2000 / config.updateEvery)) * config.updateEvery;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Sums of update diagnostics over the blocks of one metrics row, per member. */
class BlockSums {
  count = 0;
  actorCount = 0;
  critic: Float64Array;
  diag: Float64Array[];
  constructor(readonly P: number) {
    this.critic = new Float64Array(P);
    this.diag = ACTOR_DIAGNOSTICS.map(() => new Float64Array(P));
  }
  addBlock(block: BlockInfo): void {
    this.count += block.updates;
    this.actorCount += block.actorUpdates;
    for (let p = 0; p < this.P; p++) this.critic[p] += block.criticLoss[p];
    if (block.actorUpdates === 0) return;
    ACTOR_DIAGNOSTICS.forEach((k, i) => {
      for (let p = 0; p < this.P; p++) this.diag[i][p] += block[k][p];
    });
  }
  rows(seeds: number[], step: number, sps: number, time: number): MetricRow[] {
    return Array.from({ length: this.P }, (_, p) => {
      const d = (i: number) => (this.actorCount > 0 ? this.diag[i][p] / this.actorCount : null);
      return {
        type: "update" as const,
        member: p,
        seed: seeds[p],
        step,
        criticLoss: this.critic[p] / this.count,
        actorObjective: d(0),
        gradientNorm: d(1),
        correctionNorm: d(2),
        cosine: d(3),
        correctionRatio: d(4),
        stepsPerSecond: round(sps, 2),
        time,
      };
    });
  }
  clear(): void {
    this.count = this.actorCount = 0;
    this.critic.fill(0);
    for (const d of this.diag) d.fill(0);
  }
}
