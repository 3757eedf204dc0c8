/**
 * One training session (a fresh run or a resume): the agent, the replay buffer, the population's
 * environments as one vectorised batch (physics/vec_env.ts) and everything a checkpoint holds,
 * with the evaluations, rollouts and checkpoints the loop (lib/train/loop.ts) asks for.
 *
 * Every random number comes from a seeded member stream (`memberRng`): the agent's own (init,
 * exploration, smoothing), `replay` for minibatch sampling and `environment` for reset seeds and
 * the uniform start actions. A checkpoint stores all of them, and the episode in progress as its
 * reset seed plus the actions taken so far (replayed on resume, so the simulator state is
 * restored exactly).
 * @module
 */
import { type Agent, createAgent, loadAgent } from "../agent.ts";
import { ReplayBuffer } from "../replay.ts";
import { ValidationError } from "../errors.ts";
import { memberRngs, Rng, STREAMS } from "../rng.ts";
import { type VecEnv, vecEnvOf } from "../../physics/vec_env.ts";
import { splitVecEnvOf, startVecWorkers, type VecWorkers } from "../../physics/parallel_vec_env.ts";
import type { Env, EnvLike } from "../../physics/types.ts";
import { evaluatePopulation, evaluationSeed, recordPolicyRollout } from "./evaluate.ts";
import type { EnvSource } from "./env_source.ts";
import { agentRuntime, runAgentOptions, type TrainConfig } from "./config.ts";
import {
  readTrainerState,
  replayFromBytes,
  savesReplay,
  type TrainerState,
  writeCheckpoint,
} from "./checkpoint.ts";
import { evalRow, round, type UpdateRows } from "./metrics.ts";
import { FileError, readingFile } from "./files.ts";
import type {
  CallbackResult,
  CheckpointInfo,
  EvalInfo,
  StopCallback,
  TrainOptions,
  TrainProgress,
} from "./options.ts";
import type { EvalRow, RunState, RunStatus, RunWriter } from "../store/run_store.ts";
import { hostName } from "../store/run_lock.ts";

/** This host's name, written to status.json beside the pid (a pid means something only there). */
const HOST = hostName();

/** The episode in progress of one member, as a checkpoint keeps it. */
interface Episode {
  resetSeed: number;
  actions: number[];
}

/** The state of one training session (a fresh run or a resume). */
export class Session {
  stepsDone = 0;
  wallTimeBefore = 0;
  bestEval: number | null = null;
  lastEval: (number | null)[];
  episodesDone: number[];
  /** Each member's episode in progress (its return and length: `vec.episode(p)`). */
  current: Episode[];
  /** The step of the last update row (until the loop's {@link UpdateRows} takes over). */
  lastUpdateRowStep = 0;
  /** The update rows, once the loop runs. */
  rows?: UpdateRows;
  readonly P: number;
  readonly O: number;
  readonly A: number;
  readonly obs: Float32Array;
  readonly evalSeeds: number[];
  /** The population's training environments, stepped together. */
  readonly vec: VecEnv;
  /** The callback that asked to stop, once one has. */
  stopBy: StopCallback | null = null;
  /** Set when the run ends stopped early (written to status.json). */
  stoppedEarly = false;
  started = performance.now();
  writer!: RunWriter;
  id = "";
  options: TrainOptions = {};
  phase: TrainProgress["phase"] = "starting";
  lastStatus = 0;
  #lastProgress = 0;
  #rate = { step: 0, time: 0, sps: 0 };
  #workers: VecWorkers | null;

  private constructor(
    readonly config: TrainConfig,
    readonly agent: Agent,
    readonly replay: ReplayBuffer,
    readonly envs: EnvLike[],
    readonly evalEnvs: EnvLike[],
    readonly envRng: Rng[],
    readonly replayRng: Rng[],
    readonly source: EnvSource,
    workers: VecWorkers | null,
  ) {
    this.#workers = workers;
    this.P = config.seeds.length;
    this.O = envs[0].observationSize;
    this.A = envs[0].actionSize;
    this.obs = new Float32Array(this.P * this.O);
    this.lastEval = new Array(this.P).fill(null);
    this.episodesDone = new Array(this.P).fill(0);
    this.current = [];
    this.evalSeeds = Array.from({ length: this.P }, (_, p) => evaluationSeed(config.seeds[0], p));
    // a finished episode's member starts the next one with a seed from its environment stream
    const options = {
      name: source.name,
      resetSeed: (p: number) => {
        const resetSeed = this.envRng[p].nextUint32();
        this.current[p] = { resetSeed, actions: [] };
        return resetSeed;
      },
    };
    // the same numbers on one thread or several (physics/parallel_vec_env.ts)
    this.vec = workers ? splitVecEnvOf(envs as Env[], workers, options) : vecEnvOf(envs, options);
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
    let workers: VecWorkers | null = null;
    try {
      // a task's training environments step on `threads` threads, members past the first share
      // in workers (a user's environment cannot move to another thread)
      if (config.threads >= 2 && P >= 2 && !source.custom) {
        const seeds = Array.from({ length: P }, (_, p) => seed + p);
        workers = await startVecWorkers(source.name, config.envOptions, seeds, config.threads);
      }
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
        if (p > 0 && p < (workers?.localCount ?? P)) envs.push(await source.make(seed + p));
        evalEnvs.push(await source.make(seed + p));
        for (const e of [envs[p] ?? env, evalEnvs[p]]) {
          if (e.observationSize !== env.observationSize || e.actionSize !== env.actionSize) {
            throw new ValidationError(
              "env",
              source.name,
              `environments of one size: the factory made observation/action sizes ${e.observationSize}/${e.actionSize} after ${env.observationSize}/${env.actionSize}`,
            );
          }
        }
      }
      agent = checkpoint
        ? await readingFile(checkpoint, () => loadAgent(checkpoint, agentRuntime(config)))
        : await createAgent(config.algo, runAgentOptions(config, env));
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
      const envRng = memberRngs(seed, P, STREAMS.environment);
      const replayRng = memberRngs(seed, P, STREAMS.replay);
      const session = new Session(
        config,
        agent,
        replay,
        envs,
        evalEnvs,
        envRng,
        replayRng,
        source,
        workers,
      );
      if (checkpoint) await session.#restore(checkpoint);
      else session.#startEpisodes();
      return session;
    } catch (error) {
      agent?.dispose();
      workers?.close();
      if (source.owned) { for (const e of [...envs, ...evalEnvs]) e.close?.(); }
      throw error;
    }
  }

  /** What runs the updates: the tfjs backend resolved from `auto` and the update implementation. */
  get runtime(): { backend: string; implementation: string } {
    return { backend: this.agent.backend, implementation: this.agent.implementation };
  }

  #startEpisodes(): void {
    for (let p = 0; p < this.P; p++) {
      const resetSeed = this.envRng[p].nextUint32();
      this.obs.set(this.vec.replayInstance(p, resetSeed).observation, p * this.O);
      this.current[p] = { resetSeed, actions: [] };
    }
  }

  async #restore(dir: string): Promise<void> {
    const state = await readingFile(`${dir}/trainer.json`, () => readTrainerState(dir));
    if (state.envRng.length !== this.P) {
      throw new FileError(
        `${dir}/trainer.json`,
        `${state.envRng.length} members, but the run's config has ${this.P}`,
      );
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
      this.current[p] = { resetSeed: saved.resetSeed, actions: [...saved.actions] };
      this.obs.set(this.#replayEpisode(p), p * this.O);
    }
    if (state.replay.saved) {
      await readingFile(`${dir}/replay.bin`, async () => {
        const bytes = await Deno.readFile(`${dir}/replay.bin`);
        replayFromBytes(this.replay, bytes, state.replay);
      });
    }
  }

  /**
   * Brings member p's training environment back to its episode in progress: reset with its seed,
   * then its actions again. Returns the observation reached.
   */
  #replayEpisode(p: number): Float32Array {
    const episode = this.current[p];
    const length = episode.actions.length / this.A;
    const r = this.vec.replayInstance(p, episode.resetSeed, Float32Array.from(episode.actions));
    // an episode in progress has not ended: ending on any of its actions means another episode
    if (r.ended || r.steps !== length) {
      throw new Error(
        `Cannot restore the episode in progress of ${this.source.name}: replaying its ${length} actions from reset({ seed: ${episode.resetSeed} }) ended it after ${r.steps}; an environment must be deterministic given its reset seed`,
      );
    }
    return r.observation;
  }

  /**
   * After an evaluation on the one environment object that training uses too: replays the
   * training episode in progress, and checks that it reached the same observation.
   */
  #resumeSharedEpisode(): void {
    const { O } = this;
    for (let p = 0; p < this.P; p++) {
      const observation = this.#replayEpisode(p);
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
      current: this.current.map((e, p) => ({
        resetSeed: e.resetSeed,
        actions: [...e.actions],
        ...this.vec.episode(p),
      })),
      replay: {
        // by default when the buffer fits the cap (lib/train/checkpoint.ts REPLAY_CAP_BYTES)
        saved: savesReplay(this.config.checkpointReplay, this.replay),
        capacity: this.replay.capacity,
        position: this.replay.position,
        size: this.replay.size,
      },
      lastUpdateRowStep: this.rows?.lastStep ?? this.lastUpdateRowStep,
    };
  }

  /** Seconds of wall time, summed across resumes. */
  get wallTime(): number {
    return this.wallTimeBefore + (performance.now() - this.started) / 1000;
  }

  /** The run's status.json as of now. */
  status(status: RunState, error?: string): RunStatus {
    return {
      status,
      stepsDone: this.stepsDone,
      stepsTotal: this.config.steps,
      bestEval: this.bestEval,
      wallTime: round(this.wallTime, 3),
      updatedAt: new Date().toISOString(),
      ...(error ? { error } : {}),
      ...(this.stoppedEarly ? { stoppedEarly: true, stoppedBy: this.stopBy! } : {}),
      pid: Deno.pid,
      ...(HOST ? { host: HOST } : {}),
    };
  }

  /** Reports progress: always when `force`, else at most every `progressInterval` ms. */
  progress(force = false): void {
    const now = performance.now();
    if (!this.options.onProgress) return;
    if (!force && now - this.#lastProgress < (this.options.progressInterval ?? 200)) return;
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
    this.options.onProgress({
      id: this.id,
      dir: this.writer.dir,
      stepsDone: this.stepsDone,
      stepsTotal: this.config.steps,
      stepsPerSecond: sps,
      etaSeconds: sps > 0 ? (this.config.steps - this.stepsDone) / sps : null,
      lastEval: [...this.lastEval],
      bestEval: this.bestEval,
      phase: this.phase,
      wallTime: this.wallTime,
    });
  }

  /** Starts the clock of this session's part of the run (its wall time and rates). */
  begin(writer: RunWriter, id: string, options: TrainOptions): void {
    this.writer = writer;
    this.id = id;
    this.options = options;
    this.started = performance.now();
    this.#rate = { step: this.stepsDone, time: this.started, sps: 0 };
  }

  /** Calls a user's callback; `false` asks the run to stop (the first such answer is kept). */
  async callback<T>(
    name: StopCallback,
    callback: (info: T) => CallbackResult,
    info: T,
  ): Promise<void> {
    const answer = await callback(info);
    if (answer === false && this.stopBy === null) this.stopBy = name;
  }

  /**
   * `evalEpisodes` deterministic episodes per member (lib/train/evaluate.ts), their rows, and on a
   * new best, `checkpoints/best` and its rollout.
   */
  async evaluate(): Promise<void> {
    this.phase = "evaluating";
    this.progress(true);
    const { returns, stats, mean } = evaluatePopulation(
      this.agent,
      this.evalEnvs,
      this.evalSeeds,
      this.config.evalEpisodes,
    );
    if (this.source.shared) this.#resumeSharedEpisode();
    const rows: EvalRow[] = stats.map((s, p) =>
      evalRow(this.config, p, this.stepsDone, returns[p], s, this.wallTime)
    );
    this.lastEval = stats.map((s) => s.mean);
    await this.writer.append(rows);
    const best = this.bestEval === null || mean > this.bestEval;
    if (best) {
      this.bestEval = mean;
      if (this.stepsDone > 0) {
        await this.checkpoint("best");
        await this.record("best");
      }
    }
    this.phase = "learning";
    if (this.options.onEval) {
      const info: EvalInfo = {
        id: this.id,
        dir: this.writer.dir,
        step: this.stepsDone,
        rows,
        mean,
        best,
        agent: this.agent,
      };
      await this.callback("onEval", this.options.onEval, info);
    }
  }

  /** Records one deterministic episode of member 0 to `rollouts/<label>.json`. */
  async record(label: string): Promise<void> {
    // a rollout is replayed in the viewer through the task's MuJoCo model: tasks of physics/ only
    if (!this.source.rollouts) return;
    const encoded = await recordPolicyRollout(
      this.agent,
      this.evalEnvs[0] as Env,
      this.evalSeeds[0],
    );
    await this.writer.writeRollout(label, encoded);
  }

  /** Writes `checkpoints/<name>` (only the lock's holder may). */
  async checkpoint(name: "last" | "best" = "last"): Promise<void> {
    const previous = this.phase;
    this.phase = "checkpoint";
    this.progress(true);
    // a checkpoint replaces the run's state: only the lock's holder may write it
    this.writer.assertOwned();
    await writeCheckpoint(
      this.writer.checkpointDir(name),
      this.agent,
      this.#trainerState(),
      this.replay,
    );
    if (name === "last") {
      this.lastStatus = performance.now();
      await this.writer.writeStatus(this.status("running"));
    }
    this.phase = previous;
    if (this.options.onCheckpoint) {
      const info: CheckpointInfo = {
        id: this.id,
        dir: this.writer.dir,
        step: this.stepsDone,
        name,
        path: this.writer.checkpointDir(name),
      };
      await this.callback("onCheckpoint", this.options.onCheckpoint, info);
    }
  }

  /** Frees the agent, and the environments this session made. */
  dispose(): void {
    this.agent.dispose();
    this.#workers?.close();
    // a user's environment object is the user's to close
    if (this.source.owned) { for (const e of [...this.envs, ...this.evalEnvs]) e.close?.(); }
  }
}
