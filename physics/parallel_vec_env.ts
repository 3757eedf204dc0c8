/**
 * A vectorised environment split across threads: the calling thread steps the first share of the
 * instances and each worker (physics/vec_worker.ts, its own MuJoCo WebAssembly module) the next;
 * one command per step through shared memory carries the actions and brings back observations,
 * rewards, terminations, truncations and infos. It is a {@link VecEnv} with the same numbers as
 * physics/vec_env.ts's for the same seeds (every instance runs the same arithmetic wherever it
 * runs), so a training run may use either (docs/design.md §6).
 *
 * `step` stays synchronous: the calling thread waits with `Atomics.wait`. Where a caller supplies
 * `resetSeed`, a worker's finished instances reset in a second command once the seeds are drawn
 * on the calling thread, in instance order as physics/vec_env.ts draws them.
 * @module
 */
import { deserialize } from "node:v8";
import { checkKnownKeys, checkNumber, ValidationError } from "../lib/errors.ts";
import { makeEnv, taskSpec } from "./registry.ts";
import type { Env, EnvOptions, Info } from "./types.ts";
import {
  checkActions,
  type VecEnv,
  type VecEnvOfOptions,
  type VecEnvOptions,
  type VecResetResult,
  type VecStepResult,
} from "./vec_env.ts";
import { CMD, CTRL, REPLAY_CHUNK, SPIN_MS, spinWhile, VecShare } from "./vec_share.ts";

/** A worker's reply that takes longer than this is taken for a dead worker. */
const REPLY_TIMEOUT_MS = 120_000;

/** One worker thread and its share of the instances, [from, from + n). */
interface Share {
  worker: Worker;
  sh: VecShare;
  from: number;
  /** {@link SPIN_MS} or what the caller chose. */
  spinMs: number;
}

/** Worker threads holding instances of a task; see {@link startVecWorkers}. */
export class VecWorkers {
  /** The instances the calling thread keeps: [0, localCount). */
  readonly localCount: number;
  /** All instances. */
  readonly count: number;
  readonly shares: readonly Share[];
  #closed = false;

  constructor(localCount: number, count: number, shares: Share[]) {
    this.localCount = localCount;
    this.count = count;
    this.shares = shares;
  }

  /** Stops the workers (they close their instances). Idempotent. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const { worker, sh } of this.shares) {
      sh.ctrl[CTRL.cmd] = CMD.close;
      Atomics.add(sh.ctrl, CTRL.seq, 1);
      Atomics.notify(sh.ctrl, CTRL.seq);
      worker.terminate();
    }
  }
}

/** Where the shares of `count` instances over `threads` threads begin: share k is [b(k), b(k+1)). */
function bound(k: number, count: number, threads: number): number {
  return Math.round((k * count) / threads);
}

/**
 * Starts `threads - 1` workers (at most one per instance after the first share) that make
 * instances `[localCount, seeds.length)` of `task`, instance i with `seeds[i]` and `options`.
 * The caller makes the first share, `[0, localCount)`, itself. Rejects with the worker's message
 * when a worker cannot make its instances.
 */
export async function startVecWorkers(
  task: string,
  options: Omit<EnvOptions, "seed"> | undefined,
  seeds: readonly number[],
  threads: number,
  spinMs: number = SPIN_MS,
): Promise<VecWorkers> {
  taskSpec(task);
  const count = seeds.length;
  threads = Math.max(1, Math.min(threads, count));
  const spec = await makeEnv(task, { ...options, seed: 0 });
  const O = spec.observationSize, A = spec.actionSize;
  spec.close();
  const shares: Share[] = [];
  const ready: Promise<void>[] = [];
  for (let k = 1; k < threads; k++) {
    const from = bound(k, count, threads), to = bound(k + 1, count, threads);
    const sh = new VecShare({ n: to - from, O, A });
    const worker = new Worker(new URL("./vec_worker.ts", import.meta.url).href, {
      type: "module",
    });
    ready.push(
      new Promise((resolve, reject) => {
        worker.onmessage = (e) => (e.data.error ? reject(new Error(e.data.error)) : resolve());
        worker.onerror = (e) => {
          e.preventDefault();
          reject(new Error(`a worker of the split ${task} batch failed: ${e.message}`));
        };
      }),
    );
    worker.postMessage({
      task,
      options: options ?? {},
      seeds: seeds.slice(from, to),
      buffers: sh.buffers,
      spinMs,
    });
    shares.push({ worker, sh, from, spinMs });
  }
  const workers = new VecWorkers(bound(1, count, threads), count, shares);
  try {
    await Promise.all(ready);
  } catch (error) {
    workers.close();
    throw error;
  }
  return workers;
}

/** Sends `cmd` to a share's worker (answered by {@link wait}). */
function send(s: Share, cmd: number): void {
  s.sh.ctrl[CTRL.cmd] = cmd;
  Atomics.add(s.sh.ctrl, CTRL.seq, 1);
  Atomics.notify(s.sh.ctrl, CTRL.seq);
}

/**
 * Where a split batch's steps spent their time, in milliseconds summed over `steps` calls of
 * `step` (see {@link splitStats}).
 */
export interface SplitStats {
  /** `step` calls counted. */
  steps: number;
  /** Inside `step`, on the calling thread. */
  step: number;
  /** Stepping the calling thread's own share (commands to the workers sent first). */
  local: number;
  /** Blocked waiting for workers that had not finished. */
  wait: number;
  /** Each worker's time serving commands (every command, resets and replays too). */
  workers: number[];
}

/** Timing counters of a split batch (physics/parallel_vec_env.ts), or null for any other. */
export function splitStats(env: VecEnv): SplitStats | null {
  if (!(env instanceof SplitEnv)) return null;
  const t = env.timing;
  return { ...t, workers: env.workerShares.map((s) => s.sh.busy[0]) };
}

/** Waits for a share's worker to finish its command; returns what it serialized. */
function wait(s: Share, timing?: { wait: number }): unknown {
  const ctrl = s.sh.ctrl, seq = Atomics.load(ctrl, CTRL.seq);
  const t0 = timing ? performance.now() : 0;
  // the worker is usually a little behind this thread: poll before sleeping
  const before = Atomics.load(ctrl, CTRL.done);
  if (before !== seq) spinWhile(ctrl, CTRL.done, before, s.spinMs);
  for (let v = Atomics.load(ctrl, CTRL.done); v !== seq; v = Atomics.load(ctrl, CTRL.done)) {
    if (Atomics.wait(ctrl, CTRL.done, v, REPLY_TIMEOUT_MS) === "timed-out") {
      throw new Error(`a worker of a split vectorised environment did not answer in 120 s`);
    }
  }
  if (timing) timing.wait += performance.now() - t0;
  const out = deserialize(s.sh.bytes.subarray(0, ctrl[CTRL.bytes]));
  if (ctrl[CTRL.status] !== 0) throw new Error(String(out));
  return out;
}

class SplitEnv implements VecEnv {
  readonly name: string;
  readonly count: number;
  readonly observationSize: number;
  readonly actionSize: number;
  readonly actionLow: Float32Array;
  readonly actionHigh: Float32Array;
  readonly maxEpisodeSteps: number;
  readonly dt: number;
  /** Only the calling thread's instances (the others live in the workers). */
  readonly envs: readonly Env[];
  #workers: VecWorkers;
  #returns: Float64Array;
  #lengths: Uint32Array;
  #ready = false;
  #resetSeed?: (i: number) => number;
  /** Milliseconds summed over steps (read through {@link splitStats}). */
  readonly timing = { steps: 0, step: 0, local: 0, wait: 0 };

  constructor(
    name: string,
    local: readonly Env[],
    workers: VecWorkers,
    resetSeed?: (i: number) => number,
  ) {
    const first = local[0];
    this.name = name;
    this.count = workers.count;
    this.envs = local;
    this.observationSize = first.observationSize;
    this.actionSize = first.actionSize;
    this.actionLow = first.actionLow;
    this.actionHigh = first.actionHigh;
    this.maxEpisodeSteps = first.maxEpisodeSteps;
    this.dt = first.dt;
    this.#workers = workers;
    this.#resetSeed = resetSeed;
    this.#returns = new Float64Array(this.count);
    this.#lengths = new Uint32Array(this.count);
  }

  reset(options: { seed?: number } = {}): VecResetResult {
    checkKnownKeys("reset", options as Record<string, unknown>, ["seed"]);
    const seed = options.seed === undefined
      ? undefined
      : checkNumber("reset.seed", options.seed, { min: 0, max: 2 ** 32 - 1, integer: true });
    const no = this.observationSize;
    const seedOf = (i: number) => (seed === undefined ? NaN : (seed + i) >>> 0);
    for (const s of this.#workers.shares) {
      for (let j = 0; j < s.sh.n; j++) s.sh.seeds[j] = seedOf(s.from + j);
      send(s, CMD.reset);
    }
    const observations = new Float32Array(this.count * no);
    const infos: Info[] = [];
    this.envs.forEach((env, i) => {
      const r = env.reset(seed === undefined ? {} : { seed: seedOf(i) });
      observations.set(r.observation, i * no);
      infos.push(r.info ?? {});
    });
    for (const s of this.#workers.shares) {
      infos.push(...(wait(s) as Info[]));
      observations.set(s.sh.obs, s.from * no);
    }
    this.#returns.fill(0);
    this.#lengths.fill(0);
    this.#ready = true;
    return { observations, infos };
  }

  /** The workers' shares. */
  get workerShares(): readonly Share[] {
    return this.#workers.shares;
  }

  step(actions: Float32Array): VecStepResult {
    if (!this.#ready) throw new Error(`Cannot step the ${this.name} batch: call reset() first`);
    const timing = this.timing, t0 = performance.now();
    const n = this.count, na = this.actionSize, no = this.observationSize;
    checkActions(actions, n, na);
    const auto = this.#resetSeed === undefined;
    for (const s of this.#workers.shares) {
      s.sh.actions.set(actions.subarray(s.from * na, (s.from + s.sh.n) * na));
      s.sh.ctrl[CTRL.arg] = auto ? 1 : 0;
      send(s, CMD.step);
    }
    const observations = new Float32Array(n * no);
    const rewards = new Float32Array(n);
    const terminated = new Uint8Array(n);
    const truncated = new Uint8Array(n);
    const infos: Info[] = [];
    // the calling thread's share, as physics/vec_env.ts steps it
    for (let i = 0; i < this.envs.length; i++) {
      const env = this.envs[i];
      const r = env.step(actions.subarray(i * na, (i + 1) * na));
      rewards[i] = r.reward;
      terminated[i] = r.terminated ? 1 : 0;
      truncated[i] = r.truncated ? 1 : 0;
      if (this.#count(i, r.reward, r.terminated || r.truncated)) {
        const episode = this.#endEpisode(i);
        const next = env.reset(this.#resetSeed ? { seed: this.#resetSeed(i) } : {});
        observations.set(next.observation, i * no);
        infos.push({
          ...next.info,
          final_observation: r.observation,
          final_info: r.info ?? {},
          episode,
        });
      } else {
        observations.set(r.observation, i * no);
        infos.push(r.info ?? {});
      }
    }
    timing.local += performance.now() - t0;
    // the workers' shares; without automatic resets there, the finished reset once seeded
    const pending: { s: Share; got: { s: Info; r?: Info }[]; ended: number[] }[] = [];
    for (const s of this.#workers.shares) {
      const got = wait(s, timing) as { s: Info; r?: Info }[];
      observations.set(s.sh.obs, s.from * no);
      const ended: number[] = [];
      for (let j = 0; j < s.sh.n; j++) {
        const i = s.from + j;
        rewards[i] = s.sh.rewards[j];
        terminated[i] = s.sh.terminated[j];
        truncated[i] = s.sh.truncated[j];
        s.sh.mask[j] = 0;
        if (this.#count(i, s.sh.rewards[j], terminated[i] === 1 || truncated[i] === 1)) {
          ended.push(j);
          if (!auto) {
            s.sh.mask[j] = 1;
            s.sh.seeds[j] = this.#resetSeed!(i);
          }
        }
      }
      pending.push({ s, got, ended });
    }
    for (const p of pending) if (!auto && p.ended.length > 0) send(p.s, CMD.resetSome);
    for (const { s, got, ended } of pending) {
      const resets = !auto && ended.length > 0 ? (wait(s, timing) as (Info | null)[]) : null;
      for (let j = 0, e = 0; j < s.sh.n; j++) {
        const i = s.from + j;
        if (ended[e] !== j) {
          infos.push(got[j].s);
          continue;
        }
        e++;
        // the episode's last observation: kept apart by an automatic reset, else still in the row
        const last = auto
          ? s.sh.finals.slice(j * no, (j + 1) * no)
          : observations.slice(i * no, (i + 1) * no);
        const info = auto ? got[j].r! : resets![j]!;
        if (!auto) observations.set(s.sh.obs.subarray(j * no, (j + 1) * no), i * no);
        infos.push({
          ...info,
          final_observation: last,
          final_info: got[j].s,
          episode: this.#endEpisode(i),
        });
      }
    }
    timing.steps++;
    timing.step += performance.now() - t0;
    return { observations, rewards, terminated, truncated, infos };
  }

  /** Adds a step to instance i's episode; whether it ended. */
  #count(i: number, reward: number, ended: boolean): boolean {
    this.#returns[i] += reward;
    this.#lengths[i]++;
    return ended;
  }

  /** The finished episode of instance i, its counters cleared. */
  #endEpisode(i: number): Info {
    const episode: Info = { return: this.#returns[i], length: this.#lengths[i] };
    this.#returns[i] = 0;
    this.#lengths[i] = 0;
    return episode;
  }

  replayInstance(
    i: number,
    seed: number | undefined,
    actions: Float32Array = new Float32Array(0),
  ): { observation: Float32Array; steps: number; ended: boolean } {
    checkNumber("instance", i, { min: 0, max: this.count - 1, integer: true });
    const na = this.actionSize, no = this.observationSize;
    this.#ready = true;
    if (i < this.envs.length) {
      const env = this.envs[i];
      let { observation } = env.reset(seed === undefined ? {} : { seed });
      this.#returns[i] = 0;
      this.#lengths[i] = 0;
      let steps = 0, ended = false;
      while (!ended && steps < actions.length / na) {
        const r = env.step(actions.subarray(steps * na, (steps + 1) * na));
        this.#count(i, r.reward, false);
        steps++;
        observation = r.observation;
        ended = r.terminated || r.truncated;
      }
      return { observation, steps, ended };
    }
    const s = this.#workers.shares.findLast((x) => x.from <= i)!, j = i - s.from;
    const total = Math.floor(actions.length / na);
    let steps = 0, ended = false, first = true;
    while (first || (!ended && steps < total)) {
      const k = Math.min(REPLAY_CHUNK, total - steps);
      s.sh.actions.set(actions.subarray(steps * na, (steps + k) * na));
      s.sh.ctrl[CTRL.arg] = j;
      s.sh.ctrl[CTRL.count] = k;
      s.sh.ctrl[CTRL.begin] = first ? 1 : 0;
      s.sh.seeds[0] = seed === undefined ? NaN : seed;
      send(s, CMD.replay);
      wait(s);
      steps += s.sh.ctrl[CTRL.count];
      ended = s.sh.ctrl[CTRL.begin] === 1;
      first = false;
    }
    this.#returns[i] = s.sh.rewards[0];
    this.#lengths[i] = steps;
    return { observation: s.sh.obs.slice(j * no, (j + 1) * no), steps, ended };
  }

  episode(i: number): { return: number; length: number } {
    return { return: this.#returns[i], length: this.#lengths[i] };
  }

  close(): void {
    this.#workers.close();
    for (const env of this.envs) env.close();
  }
}

/**
 * Batches `local` (instances `[0, workers.localCount)`, made by the caller) with the workers'
 * instances. Closing the batch closes both.
 */
export function splitVecEnvOf(
  local: readonly Env[],
  workers: VecWorkers,
  options: VecEnvOfOptions = {},
): VecEnv {
  if (local.length !== workers.localCount) {
    throw new ValidationError(
      "local",
      `${local.length} instances`,
      `${workers.localCount} instances`,
    );
  }
  return new SplitEnv(options.name ?? local[0].name, local, workers, options.resetSeed);
}

/** Options of {@link makeParallelVecEnv}: {@link makeVecEnv}'s, `threads` and `spinMs`. */
export interface ParallelVecEnvOptions extends VecEnvOptions {
  /** Threads to step on, this one included (at most `count`). */
  threads: number;
  /** ms either side polls before it sleeps (default {@link SPIN_MS}; 0: sleep at once). */
  spinMs?: number;
}

/**
 * {@link makeVecEnv} with the instances split over `threads` threads (workers for all shares but
 * the first); the same numbers as `makeVecEnv` for the same `seed`.
 */
export async function makeParallelVecEnv(
  name: string,
  options: ParallelVecEnvOptions,
): Promise<VecEnv> {
  taskSpec(name);
  const { count, seed, threads, spinMs = SPIN_MS, ...rest } = options;
  checkNumber("count", count, { min: 1, max: 128, integer: true });
  checkNumber("threads", threads, { min: 1, max: 256, integer: true });
  checkNumber("spinMs", spinMs, { min: 0, max: 1000 });
  const base = seed === undefined
    ? crypto.getRandomValues(new Uint32Array(1))[0]
    : checkNumber("seed", seed, { min: 0, max: 2 ** 32 - 1, integer: true });
  const seeds = Array.from({ length: count }, (_, i) => (base + i) >>> 0);
  const workers = await startVecWorkers(name, rest, seeds, threads, spinMs);
  const local: Env[] = [];
  try {
    for (let i = 0; i < workers.localCount; i++) {
      local.push(await makeEnv(name, { ...rest, seed: seeds[i] }));
    }
  } catch (e) {
    for (const env of local) env.close();
    workers.close();
    throw e;
  }
  return new SplitEnv(name, local, workers);
}
