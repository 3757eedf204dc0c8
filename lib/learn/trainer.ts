/**
 * The training loop of the /learn page, for a Web Worker: one run (one task, one algorithm, the
 * seeds as one population) kept in memory instead of a run store. It builds the agent, the replay
 * buffer, the environments and the member streams with the same public functions as
 * lib/train/loop.ts (`createAgent`, `ReplayBuffer`, `memberRng`, `envSource`, `runEpisodes`,
 * `recordRollout`, and the rows of lib/train/metrics.ts) and follows the same schedule (Spinning Up's: uniform random actions for
 * `startSteps`, then blocks of `updateEvery` updates every `updateEvery` steps, evaluations every
 * `evalEvery`), so its metric rows equal those of `deno task train` with the same settings, wall
 * times and steps per second aside (tests/learn_worker_test.ts checks it).
 *
 * What the run store would write goes to callbacks instead: metric rows as they come, rollouts
 * (`encodeRollout` text) and checkpoints (the files `agent.save` writes plus `trainer.json`), from
 * which lib/learn/save_run.ts builds an ordinary run on the server.
 * @module
 */
import { type Agent, createAgent } from "../agent.ts";
import { updatesPerBlock } from "../config.ts";
import { ReplayBuffer } from "../replay.ts";
import { memberRngs, type Rng, STREAMS } from "../rng.ts";
import { encodeRollout, recordRollout } from "../../physics/rollout.ts";
import type { Env, EnvLike } from "../../physics/types.ts";
import { evaluationSeed, meanStd, runEpisodes } from "../train/evaluate.ts";
import { type EnvSource, envSource } from "../train/env_source.ts";
import {
  resolveTrainConfig,
  runAgentOptions,
  type TrainConfig,
  type TrainInput,
} from "../train/config.ts";
import type { TrainerState } from "../train/checkpoint.ts";
import { episodeRow, evalRow, round, UpdateRows } from "../train/metrics.ts";
import type { EvalRow, MetricRow } from "../store/run_store.ts";
import { agentFiles } from "./agent_files.ts";

/** A checkpoint as files: `agent.json`, `tensors.bin` (as `agent.save` writes them), `trainer.json`. */
export type CheckpointFiles = Record<string, Uint8Array | string>;

/** What the loop reports while it runs. */
export interface LearnProgress {
  /** Environment steps done per member. */
  stepsDone: number;
  /** Step budget per member. */
  stepsTotal: number;
  /** Recent environment steps per member per second (evaluation time included). */
  stepsPerSecond: number;
  /** Seconds left at the recent rate (null before a rate is known). */
  etaSeconds: number | null;
  /** Best evaluation: the mean over members of their mean return (null: none yet). */
  bestEval: number | null;
  /** What the loop is doing. */
  phase: "random" | "learning" | "evaluating" | "paused" | "done" | "stopped";
  /** Seconds of training wall time (pauses left out). */
  wallTime: number;
}

/** The callbacks of {@link LearnSession.run}. */
export interface LearnEvents {
  /** New metric rows, as the run store's `metrics.jsonl` would get them. */
  rows?(rows: MetricRow[]): void;
  /** Progress, at most every `progressMs` and on every phase change. */
  progress?(progress: LearnProgress): void;
  /** A recorded rollout (`label`: `step-000000`, `step-<n>`, `best`, or `latest` after an evaluation). */
  rollout?(label: string, text: string): void;
  /** A checkpoint's files (`name`: `last` or `best`). */
  checkpoint?(name: "last" | "best", files: CheckpointFiles): void;
  /** A chance to hand the event loop a turn (a promise to wait for), checked between steps. */
  turn?(): Promise<void> | void;
  /** A promise while the user has paused the run (it resolves on resume), else nothing. */
  paused?(): Promise<void> | void;
  /** Whether the user asked to stop (checked between steps). */
  stopped?(): boolean;
}

/**
 * The settings the page sends: `TrainInput` fields (lib/train/config.ts). The update runs on the
 * host fused path (`backend: "cpu"`: the tfjs variables are only a cache there; `threads: 1`).
 */
export function resolveLearnConfig(input: TrainInput): TrainConfig {
  return resolveTrainConfig({ ...input, backend: "cpu", implementation: "fused", threads: 1 });
}

interface Episode {
  resetSeed: number;
  actions: number[];
  return: number;
  length: number;
}

/** One in-memory training run. */
export class LearnSession {
  /** Environment steps done per member. */
  stepsDone = 0;
  /** Best evaluation: the mean over members of their mean return (null: none yet). */
  bestEval: number | null = null;
  /** Last evaluation's mean return per member (null before the first). */
  readonly lastEval: (number | null)[];
  readonly #episodes: number[];
  readonly #current: Episode[] = [];
  #lastUpdateRowStep = 0;
  /** Population size (seeds). */
  readonly P: number;
  /** Observation size. */
  readonly O: number;
  /** Action size. */
  readonly A: number;
  readonly #obs: Float32Array;
  readonly #evalSeeds: number[];
  #wall = 0;
  #phase: LearnProgress["phase"] = "random";

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
    this.#obs = new Float32Array(this.P * this.O);
    this.lastEval = new Array(this.P).fill(null);
    this.#episodes = new Array(this.P).fill(0);
    this.#evalSeeds = Array.from({ length: this.P }, (_, p) => evaluationSeed(config.seeds[0], p));
  }

  /** Builds the run from `config` (see {@link resolveLearnConfig}) as lib/train/loop.ts does. */
  static async create(config: TrainConfig): Promise<LearnSession> {
    const P = config.seeds.length, seed = config.seeds[0];
    const source = await envSource(config.env, config.envOptions, P, seed);
    const envs: EnvLike[] = [], evalEnvs: EnvLike[] = [];
    try {
      envs.push(await source.make(seed));
      const env = envs[0];
      const capacity = Math.min(config.replayCapacity, config.steps);
      const replay = new ReplayBuffer(P, capacity, env.observationSize, env.actionSize);
      for (let p = 0; p < P; p++) {
        if (p > 0) envs.push(await source.make(seed + p));
        evalEnvs.push(await source.make(seed + p));
      }
      const agent = await createAgent(config.algo, runAgentOptions(config, env));
      const envRng = memberRngs(seed, P, STREAMS.environment);
      const replayRng = memberRngs(seed, P, STREAMS.replay);
      const session = new LearnSession(
        config,
        agent,
        replay,
        envs,
        evalEnvs,
        envRng,
        replayRng,
        source,
      );
      for (let p = 0; p < P; p++) session.#resetMember(p);
      return session;
    } catch (error) {
      for (const e of [...envs, ...evalEnvs]) e.close?.();
      throw error;
    }
  }

  /** Seconds of training wall time so far (pauses left out). */
  get wallTime(): number {
    return this.#wall;
  }

  #resetMember(p: number): void {
    const resetSeed = this.envRng[p].nextUint32();
    const { observation } = this.envs[p].reset({ seed: resetSeed });
    this.#obs.set(observation, p * this.O);
    this.#current[p] = { resetSeed, actions: [], return: 0, length: 0 };
  }

  /** The trainer state a run's `checkpoints/*\/trainer.json` holds (so `resumeRun` continues it). */
  trainerState(): TrainerState {
    return {
      format: "stackrl-trainer/1",
      stepsDone: this.stepsDone,
      wallTime: round(this.#wall, 3),
      bestEval: this.bestEval,
      lastEval: [...this.lastEval],
      envRng: this.envRng.map((r) => r.state),
      replayRng: this.replayRng.map((r) => r.state),
      episodes: [...this.#episodes],
      current: this.#current.map((e) => ({ ...e, actions: [...e.actions] })),
      replay: {
        saved: false,
        capacity: this.replay.capacity,
        position: this.replay.position,
        size: this.replay.size,
      },
      lastUpdateRowStep: this.#lastUpdateRowStep,
    };
  }

  /** The agent's checkpoint files and `trainer.json`. */
  async checkpointFiles(): Promise<CheckpointFiles> {
    return { ...await agentFiles(this.agent), "trainer.json": JSON.stringify(this.trainerState()) };
  }

  /**
   * Runs to the end of the budget or until `events.stopped()`; returns `"finished"` or
   * `"stopped"`. Metric rows come in the order the run store would append them.
   */
  async run(events: LearnEvents, progressMs = 250): Promise<"finished" | "stopped"> {
    const { config, P, O, A } = this;
    let clock = performance.now();
    const tick = () => {
      const now = performance.now();
      this.#wall += (now - clock) / 1000;
      clock = now;
    };
    let rate = { step: this.stepsDone, wall: 0, sps: 0 }, lastProgress = -Infinity;
    const progress = (force = false) => {
      tick();
      if (!events.progress || (!force && performance.now() - lastProgress < progressMs)) return;
      lastProgress = performance.now();
      if (this.#wall - rate.wall >= 0.5) {
        const sps = (this.stepsDone - rate.step) / (this.#wall - rate.wall);
        rate = {
          step: this.stepsDone,
          wall: this.#wall,
          sps: rate.sps ? (rate.sps + sps) / 2 : sps,
        };
      }
      events.progress({
        stepsDone: this.stepsDone,
        stepsTotal: config.steps,
        stepsPerSecond: rate.sps,
        etaSeconds: rate.sps > 0 ? (config.steps - this.stepsDone) / rate.sps : null,
        bestEval: this.bestEval,
        phase: this.#phase,
        wallTime: this.#wall,
      });
    };
    const gate = async () => {
      const turn = events.turn?.();
      if (turn) await turn;
      const waiting = events.paused?.();
      if (waiting) {
        tick();
        const phase = this.#phase;
        this.#phase = "paused";
        progress(true);
        await waiting;
        clock = performance.now(); // a pause is no training time
        this.#phase = phase;
        progress(true);
      }
    };
    if (this.stepsDone === 0) {
      await this.#evaluate(events, progress);
      await this.#record("step-000000", events);
    }
    const updateRows = new UpdateRows(config, this.#lastUpdateRowStep, this.stepsDone);
    const rewards = new Float64Array(P), dones = new Float32Array(P);
    const next = new Float32Array(P * O), actions = new Float32Array(P * A);
    while (this.stepsDone < config.steps) {
      await gate();
      if (events.stopped?.()) break;
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
        actions.set(this.agent.act(this.#obs, { explore: true }));
      }
      const finished: number[] = [];
      for (let p = 0; p < P; p++) {
        const a = actions.subarray(p * A, (p + 1) * A);
        const r = this.envs[p].step(a);
        next.set(r.observation, p * O);
        rewards[p] = r.reward;
        dones[p] = r.terminated ? 1 : 0; // truncation is not a termination
        const ep = this.#current[p];
        for (let j = 0; j < A; j++) ep.actions.push(a[j]);
        ep.return += r.reward;
        ep.length++;
        if (r.terminated || r.truncated) finished.push(p);
      }
      this.replay.add(this.#obs, actions, rewards, next, dones);
      this.#obs.set(next);
      this.stepsDone++;
      const s = this.stepsDone;
      tick();
      const rows: MetricRow[] = [];
      for (const p of finished) {
        const ep = this.#current[p];
        this.#episodes[p]++;
        rows.push(episodeRow(config, p, s, ep, this.#wall));
        this.#resetMember(p);
      }
      if (
        s >= config.updateAfter && s % config.updateEvery === 0 &&
        this.replay.size >= Math.min(config.batchSize, config.updateAfter || 1)
      ) {
        const block = await this.agent.updateBlock(
          this.replay,
          this.replayRng,
          updatesPerBlock(config),
          config.batchSize,
        );
        updateRows.add(block);
        progress();
      }
      rows.push(...updateRows.due(s, this.#wall));
      this.#lastUpdateRowStep = updateRows.lastStep;
      if (rows.length > 0) events.rows?.(rows);
      const pauseStart = performance.now();
      const end = s === config.steps;
      if ((config.evalEvery > 0 && s % config.evalEvery === 0) || end) {
        await this.#evaluate(events, progress);
      }
      if (config.recordEvery > 0 && s % config.recordEvery === 0) {
        await this.#record(`step-${String(s).padStart(6, "0")}`, events);
      }
      if ((config.checkpointEvery > 0 && s % config.checkpointEvery === 0) || end) {
        events.checkpoint?.("last", await this.checkpointFiles());
      }
      updateRows.pause(performance.now() - pauseStart);
      progress();
    }
    const stopped = this.stepsDone < config.steps;
    if (stopped) events.checkpoint?.("last", await this.checkpointFiles());
    this.#phase = stopped ? "stopped" : "done";
    progress(true);
    return stopped ? "stopped" : "finished";
  }

  async #evaluate(events: LearnEvents, progress: (force?: boolean) => void): Promise<void> {
    const previous = this.#phase;
    this.#phase = "evaluating";
    progress(true);
    const { P } = this;
    const { returns } = runEpisodes(
      this.evalEnvs,
      (obs) => this.agent.act(obs, { explore: false }),
      this.#evalSeeds,
      this.config.evalEpisodes,
    );
    const rows: EvalRow[] = [];
    for (let p = 0; p < P; p++) {
      const { mean, std } = meanStd(returns[p]);
      this.lastEval[p] = mean;
      rows.push(evalRow(this.config, p, this.stepsDone, returns[p], { mean, std }, this.#wall));
    }
    events.rows?.(rows);
    const overall = (this.lastEval as number[]).reduce((a, b) => a + b, 0) / P;
    if (this.bestEval === null || overall > this.bestEval) {
      this.bestEval = overall;
      if (this.stepsDone > 0) {
        events.checkpoint?.("best", await this.checkpointFiles());
        await this.#record("best", events);
      }
    }
    // the 3D view shows the policy after every evaluation (a deterministic episode: it changes
    // no generator, so the run's numbers stay those of the loop)
    await this.#record("latest", events);
    this.#phase = previous === "evaluating" ? "learning" : previous;
    progress(true);
  }

  /** One deterministic episode of member 0 as `encodeRollout` text (tasks of physics/ only). */
  async #record(label: string, events: LearnEvents): Promise<void> {
    if (!events.rollout || !this.source.rollouts) return;
    const padded = new Float32Array(this.P * this.O);
    const policy = (observation: Float32Array) => {
      padded.set(observation, 0);
      return this.agent.act(padded, { explore: false }).slice(0, this.A);
    };
    const rollout = await recordRollout(this.evalEnvs[0] as Env, policy, {
      episodes: 1,
      fps: 30,
      seed: this.#evalSeeds[0],
    });
    events.rollout(label, encodeRollout(rollout));
  }

  /** Frees the agent and closes the environments. */
  dispose(): void {
    this.agent.dispose();
    for (const e of [...this.envs, ...this.evalEnvs]) e.close?.();
    this.source.dispose();
  }
}
