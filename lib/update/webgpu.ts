/**
 * The fused WebGPU update as an `Updater`: the WGSL kernel (lib/fused/gpu.ts, lib/fused/wgsl.ts)
 * runs the updates on the device, which holds the authoritative targets and Adam moments; the
 * trained weights come back after every block (to act on the host), the rest only when asked
 * (checkpoints, directions). The host copy is a `HostUpdater` on this thread, which also runs
 * what the kernel does not cover (`direction`). The device opens at the first update.
 * @module
 */
import type { Batch, ReplayBuffer } from "../replay.ts";
import type { Rng } from "../rng.ts";
import { GpuUpdater, openGpuDevice } from "../fused/gpu.ts";
import type {
  ActorDirection,
  ScheduledUpdate,
  StepCounts,
  UpdateInfo,
  Updater,
  UpdateSettings,
} from "./contract.ts";
import { infoOf } from "./contract.ts";
import { HostUpdater } from "./host.ts";

/** The fused path on a WebGPU device, with a host copy of the state. */
export class WebGpuUpdater implements Updater {
  /** The fused path on the WebGPU device. */
  readonly implementation = "fused-webgpu" as const;
  readonly #s: UpdateSettings;
  readonly #host: HostUpdater;
  #gpu: GpuUpdater | null = null;
  #device: GPUDevice | null = null;
  /** The GPU holds newer targets and Adam moments than the host copy (trained ones are read back). */
  #ahead = false;
  /** What of the host copy changed (weights set, or all restored) that the GPU has not seen. */
  #behind: "none" | "weights" | "all" = "none";

  /** The state for `settings` with trained weights `initial` (targets start as copies). */
  constructor(settings: UpdateSettings, initial: readonly Float32Array[]) {
    this.#s = settings;
    this.#host = new HostUpdater(settings, initial, 1);
  }

  /** Adam step counts so far (the host copy keeps them). */
  get steps(): StepCounts {
    return this.#host.steps;
  }

  /** One update on the device (see `Updater.update`). */
  async update(
    batch: Batch,
    B: number,
    scheduled: ScheduledUpdate,
    smoothing: readonly Rng[],
  ): Promise<UpdateInfo> {
    const gpu = await this.#open();
    const info = await gpu.updateBatch(batch, B, scheduled, this.#smoothing(smoothing));
    this.#after();
    return infoOf(info, this.#s.population, scheduled.actorDue);
  }

  /** A block of updates in one submission with one readback (see `Updater.updateBlock`). */
  async updateBlock(
    replay: ReplayBuffer,
    rngs: readonly Rng[],
    B: number,
    schedule: readonly ScheduledUpdate[],
    smoothing: readonly Rng[],
  ): Promise<Float32Array> {
    const gpu = await this.#open();
    const raw = await gpu.updateBlock(replay, rngs, B, schedule, this.#smoothing(smoothing));
    this.#after();
    return raw;
  }

  /** The trained weights (read back after every block). */
  trained(): readonly Float32Array[] {
    return this.#host.trained();
  }

  /** Replaces the trained weights and their targets; Adam's moments stay on the device. */
  setTrained(tensors: readonly Float32Array[]): void {
    this.#host.setTrained(tensors);
    if (this.#behind !== "all") this.#behind = "weights";
  }

  /** The whole state, brought down from the device first. */
  async exportState(): Promise<Float32Array[]> {
    await this.#pull();
    return await this.#host.exportState();
  }

  /** Replaces the whole state; it goes up at the next update. */
  importState(tensors: readonly ArrayLike<number>[], steps: StepCounts): void {
    this.#host.importState(tensors, steps);
    this.#ahead = false;
    this.#behind = "all";
  }

  /** The actor step's pieces, on the host copy brought up to date. */
  async direction(
    observations: Float32Array,
    B: number,
    targets?: Float32Array,
  ): Promise<ActorDirection> {
    await this.#pull();
    return await this.#host.direction(observations, B, targets);
  }

  /** Frees the device buffers, the device and the host copy. */
  dispose(): void {
    this.#gpu?.destroy();
    this.#device?.destroy();
    this.#host.dispose();
  }

  #smoothing(smoothing: readonly Rng[]): readonly Rng[] | null {
    return this.#s.traits.td3 ? smoothing : null;
  }

  /** The device updater, opened on first use, with the host's state uploaded if it changed. */
  async #open(): Promise<GpuUpdater> {
    if (!this.#gpu) {
      this.#device = await openGpuDevice();
      this.#gpu = new GpuUpdater(this.#device, this.#s, this.#host.fused);
      this.#behind = "none";
    }
    if (this.#behind !== "none") {
      this.#gpu.upload(this.#behind);
      this.#behind = "none";
    }
    return this.#gpu;
  }

  /** After device updates: trained weights are on the host, targets and moments only on the GPU. */
  #after(): void {
    this.#ahead = true;
    this.#host.changed();
  }

  /** Brings the device's whole state (targets, Adam moments) into the host copy, if newer. */
  async #pull(): Promise<void> {
    if (!this.#gpu || !this.#ahead) return;
    // what the host changed since (set weights) goes up first, so the download keeps it
    if (this.#behind !== "none") {
      this.#gpu.upload(this.#behind);
      this.#behind = "none";
    }
    await this.#gpu.download();
    this.#ahead = false;
    this.#host.changed();
  }
}
