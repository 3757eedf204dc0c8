/**
 * The fused host update as an `Updater`: the population's state in flat Float32Arrays updated
 * by lib/fused/updater.ts (TypeScript and WebAssembly SIMD kernels, float64 workspaces), split
 * across worker threads when `threads` > 1 (lib/fused/pool.ts). Gradient methods' `direction`
 * (an analysis, not a training step) is the reference's, on a tfjs copy of the state made when
 * asked, as before there was a seam: the host path forms no ∂J/∂w for them.
 * @module
 */
import type { Batch } from "../replay.ts";
import type { Rng } from "../rng.ts";
import { FusedUpdater } from "../fused/updater.ts";
import { WorkerPool } from "../fused/pool.ts";
import {
  type ActorDirection,
  type ScheduledUpdate,
  type StepCounts,
  trainedCount,
  type UpdateInfo,
  type Updater,
  type UpdateSettings,
} from "./contract.ts";
import { ReferenceUpdater } from "./reference.ts";

/** The fused host path, owning its state. */
export class HostUpdater implements Updater {
  /** The fused path on the host. */
  readonly implementation = "fused" as const;
  readonly #s: UpdateSettings;
  readonly #fused: FusedUpdater;
  readonly #pool: WorkerPool | null;
  /** Host copies of the trained tensors in the tfjs layout, refreshed when they lag. */
  readonly #host: Float32Array[];
  #hostStale = false;
  /** A tfjs copy of the state for gradient methods' `direction`, refreshed when it lags. */
  #reference: ReferenceUpdater | null = null;
  #referenceStale = true;

  /**
   * The state for `settings` with trained weights `initial` (targets start as copies), the
   * members split across `threads` threads (this one and `threads − 1` workers).
   */
  constructor(settings: UpdateSettings, initial: readonly Float32Array[], threads = 1) {
    this.#s = settings;
    this.#fused = new FusedUpdater(settings, { shared: threads > 1 });
    this.#fused.importTensors([...initial, ...initial]); // trained, then targets as copies
    this.#pool = threads > 1 ? new WorkerPool(this.#fused, threads - 1) : null;
    this.#host = initial.map((v) => Float32Array.from(v));
  }

  /** The flat state (the WebGPU updater keeps its host copy here). */
  get fused(): FusedUpdater {
    return this.#fused;
  }

  /** Adam step counts so far. */
  get steps(): StepCounts {
    return { actor: this.#fused.actorStep, critic: this.#fused.criticStep };
  }

  /** One update of every member (see `Updater.update`). */
  async update(
    batch: Batch,
    B: number,
    { actorDue, targetsDue }: ScheduledUpdate,
    smoothing: readonly Rng[],
  ): Promise<UpdateInfo> {
    const noise = this.#s.traits.td3 ? smoothing : null;
    const info = this.#pool
      ? await this.#pool.update(batch, B, actorDue, targetsDue, noise)
      : this.#fused.update(batch, B, actorDue, targetsDue, noise);
    this.changed();
    return info;
  }

  /** Marks the copies (host trained tensors, tfjs) as lagging the flat state. */
  changed(): void {
    this.#hostStale = this.#referenceStale = true;
  }

  /** The trained weights, refreshed from the flat state if they lag. */
  trained(): readonly Float32Array[] {
    if (this.#hostStale) {
      this.#fused.exportTensors(this.#host.length, this.#host);
      this.#hostStale = false;
    }
    return this.#host;
  }

  /** Replaces the trained weights; their targets become copies. */
  setTrained(tensors: readonly Float32Array[]): void {
    this.#fused.setTrained(tensors);
    tensors.forEach((t, i) => this.#host[i].set(t));
    this.#hostStale = false;
    this.#referenceStale = true;
  }

  /** The whole state, checkpoint order. */
  exportState(): Promise<Float32Array[]> {
    return Promise.resolve(this.#fused.exportTensors());
  }

  /** Replaces the whole state and the step counts. */
  importState(tensors: readonly ArrayLike<number>[], steps: StepCounts): void {
    this.#fused.importTensors(tensors);
    this.#fused.actorStep = steps.actor;
    this.#fused.criticStep = steps.critic;
    tensors.slice(0, this.#host.length).forEach((t, i) => this.#host[i].set(t));
    this.#hostStale = false;
    this.#referenceStale = true;
  }

  /**
   * The actor step's pieces (see `Updater.direction`). The FS and SD paths accumulate in
   * float64: at small ε their CG and solves are the accurate ones.
   */
  direction(
    observations: Float32Array,
    B: number,
    targets?: Float32Array,
  ): Promise<ActorDirection> {
    if (this.#s.traits.actor.kind !== "gradient") {
      return Promise.resolve(this.#fused.direction(observations, B, targets));
    }
    if (!this.#reference) {
      this.#reference = new ReferenceUpdater(
        this.#s,
        this.trained().slice(0, trainedCount(this.#s)),
      );
      this.#referenceStale = true;
    }
    if (this.#referenceStale) {
      this.#reference.importState(this.#fused.exportTensors(), this.steps);
      this.#referenceStale = false;
    }
    return this.#reference.direction(observations, B, targets);
  }

  /** Stops the workers and frees the workspaces and the tfjs copy. */
  dispose(): void {
    this.#pool?.dispose();
    this.#fused.dispose();
    this.#reference?.dispose();
  }
}
