/**
 * The shared memory between a split vectorised environment (physics/parallel_vec_env.ts) and one
 * of its workers (physics/vec_worker.ts): a control block the two sides signal through with
 * `Atomics`, and the share's actions, observations, rewards, flags and serialized infos.
 * @module
 */

/** Slots of the control block (`Int32Array`). */
export const CTRL = {
  /** Command number, bumped by the caller (the worker waits on it). */
  seq: 0,
  /** The last command number done, set by the worker (the caller waits on it). */
  done: 1,
  /** The command ({@link CMD}). */
  cmd: 2,
  /** 0: done; 1: failed, the info bytes hold the message. */
  status: 3,
  /** STEP: 1 = reset finished instances at once; REPLAY: the instance. */
  arg: 4,
  /** Length of the serialized infos. */
  bytes: 5,
  /** REPLAY: actions in the chunk, then the steps taken. */
  count: 6,
  /** REPLAY: 1 = reset first; on return 1 = the episode ended. */
  begin: 7,
} as const;

/** Commands. */
export const CMD = { reset: 1, step: 2, resetSome: 3, replay: 4, close: 5 } as const;

/** Actions a REPLAY command carries at most (longer replays go in chunks). */
export const REPLAY_CHUNK = 1024;

/**
 * How long either side polls the shared counter before it sleeps in `Atomics.wait`, in ms, by
 * default: none. A thread woken from that sleep starts late (a futex wake, and on a virtual
 * machine an idle processor to rouse), once per command on each side, and polling first can
 * catch replies and commands that come soon; but on a machine whose cores are all busy the
 * polling thread takes the core the other side needs (bench/physics_split.ts measures both).
 */
export const SPIN_MS = 0;

/** Polls `ctrl[slot]` until it differs from `value` or `ms` pass. */
export function spinWhile(ctrl: Int32Array, slot: number, value: number, ms: number): void {
  if (ms <= 0 || Atomics.load(ctrl, slot) !== value) return;
  const until = performance.now() + ms;
  while (Atomics.load(ctrl, slot) === value && performance.now() < until) {
    // polling: nothing else to do until the other side answers
  }
}

/** Bytes for a step's serialized infos. */
const INFO_BYTES = 1 << 20;

/** The buffers, as posted to the worker. */
export interface ShareBuffers {
  n: number;
  O: number;
  A: number;
  ctrl: SharedArrayBuffer;
  f64: SharedArrayBuffer;
  f32: SharedArrayBuffer;
  u8: SharedArrayBuffer;
  bytes: SharedArrayBuffer;
}

/** Views of one share's buffers (`n` instances, observations of `O`, actions of `A`). */
export class VecShare {
  readonly n: number;
  readonly O: number;
  readonly A: number;
  readonly buffers: ShareBuffers;
  readonly ctrl: Int32Array;
  /** Per instance: the step's reward (float64, as the env returned it). */
  readonly rewards: Float64Array;
  /** Per instance: a reset seed, NaN for none. */
  readonly seeds: Float64Array;
  /** Milliseconds the worker has spent serving commands, in all (read by `splitStats`). */
  readonly busy: Float64Array;
  /** n × A actions (or a REPLAY chunk). */
  readonly actions: Float32Array;
  /** n × O observations. */
  readonly obs: Float32Array;
  /** n × O last observations of episodes that ended (STEP with reset). */
  readonly finals: Float32Array;
  readonly terminated: Uint8Array;
  readonly truncated: Uint8Array;
  /** RESET_SOME: 1 where the instance resets. */
  readonly mask: Uint8Array;
  /** Serialized infos (node:v8, exact for every number). */
  readonly bytes: Uint8Array;

  /** Views of `buffers`; with a size instead, fresh buffers. */
  constructor(from: ShareBuffers | { n: number; O: number; A: number }) {
    const { n, O, A } = from;
    const na = Math.max(n, REPLAY_CHUNK) * A;
    const b: ShareBuffers = "ctrl" in from ? from : {
      n,
      O,
      A,
      ctrl: new SharedArrayBuffer(4 * 8),
      f64: new SharedArrayBuffer(8 * (2 * n + 1)),
      f32: new SharedArrayBuffer(4 * (na + 2 * n * O)),
      u8: new SharedArrayBuffer(3 * n),
      bytes: new SharedArrayBuffer(INFO_BYTES),
    };
    this.n = n;
    this.O = O;
    this.A = A;
    this.buffers = b;
    this.ctrl = new Int32Array(b.ctrl);
    this.rewards = new Float64Array(b.f64, 0, n);
    this.seeds = new Float64Array(b.f64, 8 * n, n);
    this.busy = new Float64Array(b.f64, 8 * 2 * n, 1);
    this.actions = new Float32Array(b.f32, 0, na);
    this.obs = new Float32Array(b.f32, 4 * na, n * O);
    this.finals = new Float32Array(b.f32, 4 * (na + n * O), n * O);
    this.terminated = new Uint8Array(b.u8, 0, n);
    this.truncated = new Uint8Array(b.u8, n, n);
    this.mask = new Uint8Array(b.u8, 2 * n, n);
    this.bytes = new Uint8Array(b.bytes);
  }
}
