/**
 * The rows the training loop writes to metrics.jsonl (lib/store/run_store.ts): one per finished
 * training episode, one per member and evaluation, and update diagnostics averaged over
 * about 2000 rows per member, with the rate of environment steps between them.
 * @module
 */
import { ACTOR_DIAGNOSTICS, type BlockInfo } from "../agent.ts";
import type { TrainConfig } from "./config.ts";
import type { EpisodeRow, EvalRow, MetricRow } from "../store/run_store.ts";

/** Steps between update-diagnostics rows: a multiple of updateEvery, ~2000 rows per member. */
export function updateRowEvery(config: TrainConfig): number {
  return Math.max(1, Math.ceil(config.steps / 2000 / config.updateEvery)) * config.updateEvery;
}

/** `x` rounded to `digits` decimals (times and rates in metrics rows). */
export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Sums of update diagnostics over the blocks of one metrics row, per member. */
export class BlockSums {
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

/**
 * The update rows of a run: the blocks' diagnostics summed until a row is due (every
 * {@link updateRowEvery} steps, and at the last step), with the steps per second since the
 * previous row. Time spent evaluating, recording and checkpointing is left out of the rate.
 */
export class UpdateRows {
  readonly #sums: BlockSums;
  readonly #every: number;
  #start: { step: number; time: number };

  /** `lastStep`: the step of the last row written (restored on resume). */
  constructor(readonly config: TrainConfig, public lastStep: number, stepsDone: number) {
    this.#sums = new BlockSums(config.seeds.length);
    this.#every = updateRowEvery(config);
    this.#start = { step: stepsDone, time: performance.now() };
  }

  /** Adds one block of updates. */
  add(block: BlockInfo): void {
    this.#sums.addBlock(block);
  }

  /** The rows due after step `s` (none, or one per member). */
  due(s: number, wallTime: number): MetricRow[] {
    const sums = this.#sums;
    if (!(s - this.lastStep >= this.#every || (s === this.config.steps && sums.count > 0))) {
      return [];
    }
    const now = performance.now();
    const sps = (s - this.#start.step) / Math.max(1e-9, (now - this.#start.time) / 1000);
    const rows = sums.count > 0 ? sums.rows(this.config.seeds, s, sps, round(wallTime, 3)) : [];
    sums.clear();
    this.#start = { step: s, time: now };
    this.lastStep = s;
    return rows;
  }

  /** Leaves `ms` of pause (evaluation, checkpoints, callbacks) out of the rate. */
  pause(ms: number): void {
    this.#start.time += ms;
  }
}

/** The row of a finished training episode. */
export function episodeRow(
  config: TrainConfig,
  member: number,
  step: number,
  episode: { return: number; length: number },
  wallTime: number,
): EpisodeRow {
  return {
    type: "episode",
    member,
    seed: config.seeds[member],
    step,
    return: episode.return,
    length: episode.length,
    time: round(wallTime, 3),
  };
}

/** One member's evaluation row. */
export function evalRow(
  config: TrainConfig,
  member: number,
  step: number,
  returns: number[],
  stats: { mean: number; std: number },
  wallTime: number,
): EvalRow {
  return {
    type: "eval",
    member,
    seed: config.seeds[member],
    step,
    returnMean: stats.mean,
    returnStd: stats.std,
    returns,
    time: round(wallTime, 3),
  };
}
