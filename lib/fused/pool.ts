/**
 * Worker threads that split the fused host update's members between them (lib/fused/worker.ts):
 * each runs a `FusedUpdater` attached to the same state in SharedArrayBuffers, with its own
 * workspaces, on a contiguous share of the population; the calling thread takes the first share.
 * Results equal one thread's bit for bit (members are independent, and each member's arithmetic
 * is the same wherever it runs).
 * @module
 */
import type { Batch } from "../replay.ts";
import type { Rng } from "../rng.ts";
import { fillNoise, INFO_FIELDS, infoOf, type UpdateInfo } from "../update/contract.ts";
import type { FusedUpdater } from "./updater.ts";

/**
 * Idle time after which worker threads stop (an agent nobody disposed must not hold the process
 * open for long). Longer than the environment steps between two update blocks of a large
 * population (Humanoid, P = 256: about 6 s), which would otherwise restart them every block.
 */
const WORKER_IDLE_MS = 30_000;

/** `count` worker threads over `updater`'s shared state, started lazily and stopped when idle. */
export class WorkerPool {
  readonly #updater: FusedUpdater;
  #wanted: number;
  #workers: { worker: Worker; done: (() => void) | null }[] = [];
  #idle: ReturnType<typeof setTimeout> | undefined = undefined;
  /** Shared buffers of the threaded update: batch copy, smoothing noise, diagnostics. */
  #shared: { B: number; batch: Batch; noise: Float32Array; info: Float64Array } | null = null;

  /** Workers for `updater`, whose state must live in SharedArrayBuffers (`{ shared: true }`). */
  constructor(updater: FusedUpdater, count: number) {
    // (a one-thread updater's state may sit in the kernels' shared memory: not this)
    if (!updater.sharedState) {
      throw new Error("fused: workers need the state in shared memory ({ shared: true })");
    }
    this.#updater = updater;
    this.#wanted = count;
    this.#spawn();
    this.#armIdle();
  }

  /** Number of worker threads updates are split across. */
  get workers(): number {
    return this.#wanted;
  }

  /**
   * One update with the members split across this thread and the workers (as
   * `FusedUpdater.update`, whose results it equals bit for bit).
   */
  async update(
    batch: Batch,
    B: number,
    actorDue: boolean,
    targetsDue: boolean,
    smoothing: readonly Rng[] | null,
  ): Promise<UpdateInfo> {
    const u = this.#updater, s = u.settings;
    const P = s.population, A = s.actionSize, O = s.observationSize;
    u.beginUpdate(actorDue);
    if (!this.#shared || this.#shared.B !== B) {
      const f32 = (n: number) => new Float32Array(new SharedArrayBuffer(4 * n));
      this.#shared = {
        B,
        batch: {
          observations: f32(P * B * O),
          actions: f32(P * B * A),
          rewards: f32(P * B),
          nextObservations: f32(P * B * O),
          dones: f32(P * B),
        },
        noise: f32(s.traits.td3 ? P * B * A : 0),
        info: new Float64Array(new SharedArrayBuffer(8 * INFO_FIELDS * P)),
      };
    }
    const sh = this.#shared;
    sh.batch.observations.set(batch.observations);
    sh.batch.actions.set(batch.actions);
    sh.batch.rewards.set(batch.rewards);
    sh.batch.nextObservations.set(batch.nextObservations);
    sh.batch.dones.set(batch.dones);
    sh.info.fill(NaN);
    if (s.traits.td3) {
      // every member's draws from its own generator, as `update` makes them
      for (let p = 0; p < P; p++) {
        fillNoise(smoothing![p], sh.noise, p * B * A, B * A, s);
      }
    }
    clearTimeout(this.#idle);
    this.#spawn();
    const shares = this.#workers.length + 1;
    const bound = (k: number) => Math.round((k * P) / shares);
    const pending = this.#workers.map((w, k) =>
      new Promise<void>((resolve) => {
        w.done = resolve;
        w.worker.postMessage({
          kind: "update",
          batch: sh.batch,
          noise: sh.noise,
          info: sh.info,
          B,
          actorDue,
          targetsDue,
          actorStep: u.actorStep,
          criticStep: u.criticStep,
          p0: bound(k + 1),
          p1: bound(k + 2),
        });
      })
    );
    u.runMembers(
      sh.batch,
      B,
      actorDue,
      targetsDue,
      s.traits.td3 ? sh.noise : null,
      0,
      bound(1),
      sh.info,
    );
    await Promise.all(pending);
    this.#armIdle();
    return infoOf(sh.info, P, actorDue);
  }

  /** Stops the worker threads for good. */
  dispose(): void {
    clearTimeout(this.#idle);
    this.#wanted = 0;
    this.#stop();
  }

  #spawn(): void {
    while (this.#workers.length < this.#wanted) {
      const worker = new Worker(new URL("./worker.ts", import.meta.url).href, { type: "module" });
      const entry = { worker, done: null as (() => void) | null };
      worker.onmessage = () => {
        const done = entry.done;
        entry.done = null;
        done?.();
      };
      worker.postMessage({
        kind: "init",
        settings: this.#updater.settings,
        state: this.#updater.stateArrays().map((x) => x.array),
      });
      this.#workers.push(entry);
    }
  }

  #stop(): void {
    for (const w of this.#workers) w.worker.terminate();
    this.#workers = [];
  }

  #armIdle(): void {
    clearTimeout(this.#idle);
    this.#idle = setTimeout(() => this.#stop(), WORKER_IDLE_MS);
    // the timer alone must not keep the process alive (Deno; elsewhere it simply runs)
    (globalThis as { Deno?: { unrefTimer?(id: number): void } }).Deno?.unrefTimer?.(
      this.#idle as unknown as number,
    );
  }
}
