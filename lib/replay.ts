/**
 * Float32 ring-buffer replay, one ring per population member, sampled with each member's own
 * seeded generator. Memory is computed before allocation; a capacity that would not fit is an
 * error before training starts.
 * @module
 */
import { checkNumber, checkVector, ValidationError } from "./errors.ts";
import type { Rng } from "./rng.ts";

/** A minibatch, flat and population-major: `[P, B, size]` for each field. */
export interface Batch {
  /** s_i, `[P, B, obs]`. */
  observations: Float32Array;
  /** a_i as taken (with exploration noise), `[P, B, act]`. */
  actions: Float32Array;
  /** r_i, `[P, B]`. */
  rewards: Float32Array;
  /** s′_i, `[P, B, obs]`. */
  nextObservations: Float32Array;
  /** 1 where s′_i is terminal (not a time-limit truncation), else 0; `[P, B]`. */
  dones: Float32Array;
}

/** Bytes a replay buffer of these dimensions holds. */
export function replayBytes(
  population: number,
  capacity: number,
  observationSize: number,
  actionSize: number,
): number {
  return population * capacity * (2 * observationSize + actionSize + 2) * 4;
}

/** Ring buffers of transitions for P members. */
export class ReplayBuffer {
  readonly #obs: Float32Array;
  readonly #act: Float32Array;
  readonly #rew: Float32Array;
  readonly #next: Float32Array;
  readonly #done: Float32Array;
  /** Next write position (shared: members are written together). */
  position = 0;
  /** Transitions stored per member. */
  size = 0;
  /** `add` calls so far (a GPU mirror uploads what was added since it last looked). */
  writes = 0;

  /**
   * Allocates P rings of `capacity` transitions; throws a ValidationError naming
   * `replayCapacity` when they would exceed `maxBytes` (default: half the available memory).
   */
  constructor(
    readonly population: number,
    readonly capacity: number,
    readonly observationSize: number,
    readonly actionSize: number,
    maxBytes = defaultMemoryLimit(),
  ) {
    checkNumber("replayCapacity", capacity, { min: 1, integer: true });
    const bytes = replayBytes(population, capacity, observationSize, actionSize);
    const largestArray = population * capacity * observationSize * 4;
    if (bytes > maxBytes || largestArray > 2 ** 32) {
      throw new ValidationError(
        "replayCapacity",
        capacity,
        `a capacity whose buffers fit in memory: ${population} member(s) × ${capacity} transitions ` +
          `need ${formatBytes(bytes)}, the limit here is ${
            formatBytes(Math.min(maxBytes, 2 ** 32))
          }`,
      );
    }
    const n = population * capacity;
    this.#obs = new Float32Array(n * observationSize);
    this.#act = new Float32Array(n * actionSize);
    this.#rew = new Float32Array(n);
    this.#next = new Float32Array(n * observationSize);
    this.#done = new Float32Array(n);
  }

  /**
   * Adds one transition per member (arrays population-major, `[P, size]`). `dones` is 1 only
   * for true terminations (not time-limit truncations), so bootstrapping stays correct.
   */
  add(
    observations: Float32Array,
    actions: Float32Array,
    rewards: ArrayLike<number>,
    nextObservations: Float32Array,
    dones: ArrayLike<number>,
  ): void {
    const { population: P, capacity: C, observationSize: O, actionSize: A } = this;
    for (let p = 0; p < P; p++) {
      const slot = p * C + this.position;
      this.#obs.set(observations.subarray(p * O, (p + 1) * O), slot * O);
      this.#next.set(nextObservations.subarray(p * O, (p + 1) * O), slot * O);
      this.#act.set(actions.subarray(p * A, (p + 1) * A), slot * A);
      this.#rew[slot] = rewards[p];
      this.#done[slot] = dones[p];
    }
    this.position = (this.position + 1) % C;
    this.size = Math.min(this.size + 1, C);
    this.writes++;
  }

  /** Samples `batchSize` transitions per member, uniformly with replacement, member p with rngs[p]. */
  sample(batchSize: number, rngs: readonly Rng[], out?: Batch): Batch {
    if (this.size === 0) throw new Error("replay: cannot sample from an empty buffer");
    const { population: P, capacity: C, observationSize: O, actionSize: A } = this;
    const batch = out ?? {
      observations: new Float32Array(P * batchSize * O),
      actions: new Float32Array(P * batchSize * A),
      rewards: new Float32Array(P * batchSize),
      nextObservations: new Float32Array(P * batchSize * O),
      dones: new Float32Array(P * batchSize),
    };
    // element loops, not subarray().set(): a view per row would allocate five objects per row
    const obs = this.#obs, next = this.#next, act = this.#act;
    const bObs = batch.observations, bNext = batch.nextObservations, bAct = batch.actions;
    for (let p = 0; p < P; p++) {
      const rng = rngs[p];
      for (let b = 0; b < batchSize; b++) {
        const slot = p * C + rng.integer(this.size);
        const row = p * batchSize + b;
        const so = slot * O, ro = row * O, sa = slot * A, ra = row * A;
        for (let k = 0; k < O; k++) {
          bObs[ro + k] = obs[so + k];
          bNext[ro + k] = next[so + k];
        }
        for (let k = 0; k < A; k++) bAct[ra + k] = act[sa + k];
        batch.rewards[row] = this.#rew[slot];
        batch.dones[row] = this.#done[slot];
      }
    }
    return batch;
  }

  /** The raw arrays, for checkpoints (population-major rings). */
  arrays(): Record<
    "observations" | "actions" | "rewards" | "nextObservations" | "dones",
    Float32Array
  > {
    return {
      observations: this.#obs,
      actions: this.#act,
      rewards: this.#rew,
      nextObservations: this.#next,
      dones: this.#done,
    };
  }
}

function defaultMemoryLimit(): number {
  try {
    // half of what the system has available: the rest is for the process and the OS
    return Deno.systemMemoryInfo().available / 2;
  } catch {
    return 8 * 2 ** 30;
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 2 ** 30
    ? `${(bytes / 2 ** 30).toFixed(1)} GiB`
    : `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}

/** Checks a minibatch `[P, B, size]` of P members with O-wide observations and A-wide actions; returns B. */
export function checkBatch(batch: Batch, P: number, O: number, A: number): number {
  if (typeof batch !== "object" || batch === null) {
    throw new ValidationError("batch", batch, "an object of Float32Arrays");
  }
  const B = batch.rewards?.length / P;
  if (!(batch.rewards instanceof Float32Array) || !Number.isInteger(B) || B < 1) {
    throw new ValidationError("batch.rewards", batch.rewards, `a Float32Array of length ${P}·B`);
  }
  checkVector("batch.observations", batch.observations, P * B * O);
  checkVector("batch.actions", batch.actions, P * B * A);
  checkVector("batch.rewards", batch.rewards, P * B);
  checkVector("batch.nextObservations", batch.nextObservations, P * B * O);
  checkVector("batch.dones", batch.dones, P * B);
  return B;
}

/** Checks observations `[P, B, O]` of P members (B ≥ 1 rows each); returns B. */
export function checkObservations(observations: Float32Array, P: number, O: number): number {
  const B = observations?.length / (P * O);
  if (!Number.isInteger(B) || B < 1) {
    throw new ValidationError("observations", observations, `a Float32Array of length ${P}·B·${O}`);
  }
  checkVector("observations", observations, observations.length);
  return B;
}
