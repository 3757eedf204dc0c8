/**
 * The fused WebGPU update path (docs/design.md): the population's whole state lives in one GPU
 * buffer (the CPU fused updater's arrays, back to back), a block of K updates is K dispatches of
 * the kernel of lib/fused/wgsl.ts in one compute pass, and one readback per block brings back the
 * trained weights (to act on the CPU) and the block's diagnostics, summed on the GPU. In Deno a
 * readback costs about 11.6 ms whatever the GPU, so blocks, not single updates, are the unit.
 *
 * Minibatch indices are drawn on the GPU with the members' own generators, exactly as
 * `ReplayBuffer.sample` draws them (lib/fused/wgsl_draw.ts: the generators' words go up with the
 * block and come back with its readback), and nothing else travels: the replay buffer has a GPU
 * mirror that receives the transitions added since the last block. TD3's smoothing noise is
 * drawn on the CPU as the reference draws it, so a block equals K single updates.
 * @module
 */
import type { Batch, ReplayBuffer } from "../replay.ts";
import { ADAM } from "../adam_constants.ts";
import type { Rng } from "../rng.ts";
import {
  fillNoise,
  INFO_FIELDS,
  type ScheduledUpdate,
  type UpdateSettings,
} from "../update/contract.ts";
import type { FusedUpdater } from "./updater.ts";
import { type GpuLayout, gpuLayout, SCHEDULE_STRIDE } from "./wgsl_layout.ts";
import { updateShader } from "./wgsl.ts";
import { GPU_DRAW_MAX, IndexDraw, restoreStates } from "./wgsl_draw.ts";

const { beta1: BETA1, beta2: BETA2 } = ADAM;

interface Pipeline {
  pipeline: GPUComputePipeline;
  layout: GpuLayout;
  work: GPUBuffer;
}

/** A growable GPU buffer (contents are not kept when it grows). */
class Scratch {
  buffer: GPUBuffer | null = null;
  constructor(readonly device: GPUDevice, readonly usage: number, readonly label: string) {}
  /** A buffer of at least `bytes` (≥ 4). */
  get(bytes: number): GPUBuffer {
    const size = Math.max(16, Math.ceil(bytes / 16) * 16);
    if (!this.buffer || this.buffer.size < size) {
      this.buffer?.destroy();
      this.buffer = this.device.createBuffer({ size, usage: this.usage, label: this.label });
    }
    return this.buffer;
  }
  destroy(): void {
    this.buffer?.destroy();
    this.buffer = null;
  }
}

/** The GPU mirror of a replay buffer, slot-major `[slot, P, row]`. */
interface ReplayMirror {
  source: ReplayBuffer;
  buffer: GPUBuffer;
  /** Slots the buffer holds. */
  slots: number;
  /** `source.writes` at the last sync. */
  writes: number;
}

/** Opens a WebGPU device with the adapter's largest storage-buffer limits. */
export async function openGpuDevice(): Promise<GPUDevice> {
  const gpu = (globalThis.navigator as { gpu?: GPU } | undefined)?.gpu;
  if (!gpu) throw new Error("webgpu: this runtime has no navigator.gpu");
  const adapter = await gpu.requestAdapter({ powerPreference: "high-performance" });
  if (!adapter) throw new Error("webgpu: navigator.gpu.requestAdapter() found no adapter");
  return await adapter.requestDevice({
    requiredLimits: {
      maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
      maxBufferSize: adapter.limits.maxBufferSize,
    },
  });
}

/** The whole population's update on a WebGPU device, with the CPU fused updater as host copy. */
export class GpuUpdater {
  readonly #device: GPUDevice;
  readonly #s: UpdateSettings;
  readonly #host: FusedUpdater;
  readonly #state: GPUBuffer;
  readonly #info: GPUBuffer;
  readonly #bindLayout: GPUBindGroupLayout;
  readonly #pipelines = new Map<number, Pipeline>();
  readonly #schedule: Scratch;
  readonly #indices: Scratch;
  readonly #noise: Scratch;
  readonly #batch: Scratch;
  readonly #readback: Scratch;
  #mirror: ReplayMirror | null = null;
  #draw: IndexDraw | null = null;
  #stateFloats: number;
  #trainedFloats: number;
  #destroyed = false;

  /** Uses `device` for `host`'s state (uploaded now; `host` keeps the step counts). */
  constructor(device: GPUDevice, settings: UpdateSettings, host: FusedUpdater) {
    this.#device = device;
    this.#s = settings;
    this.#host = host;
    const layout = gpuLayout(settings, 1);
    this.#stateFloats = layout.state.size;
    this.#trainedFloats = layout.state.trained;
    const S = GPUBufferUsage.STORAGE, CS = GPUBufferUsage.COPY_SRC, CD = GPUBufferUsage.COPY_DST;
    this.#state = device.createBuffer({
      size: 4 * this.#stateFloats,
      usage: S | CS | CD,
      label: "stackrl state",
    });
    this.#info = device.createBuffer({
      size: 4 * INFO_FIELDS * settings.population,
      usage: S | CS | CD,
      label: "stackrl info",
    });
    this.#schedule = new Scratch(device, GPUBufferUsage.UNIFORM | CD, "stackrl schedule");
    this.#indices = new Scratch(device, S | CD, "stackrl indices");
    this.#noise = new Scratch(device, S | CD, "stackrl noise");
    this.#batch = new Scratch(device, S | CD, "stackrl batch");
    this.#readback = new Scratch(
      device,
      GPUBufferUsage.MAP_READ | CD,
      "stackrl readback",
    );
    const storage = (type: GPUBufferBindingType) => ({ buffer: { type } });
    this.#bindLayout = device.createBindGroupLayout({
      entries: [
        { binding: 0, visibility: GPUShaderStage.COMPUTE, ...storage("storage") },
        { binding: 1, visibility: GPUShaderStage.COMPUTE, ...storage("read-only-storage") },
        { binding: 2, visibility: GPUShaderStage.COMPUTE, ...storage("read-only-storage") },
        { binding: 3, visibility: GPUShaderStage.COMPUTE, ...storage("read-only-storage") },
        { binding: 4, visibility: GPUShaderStage.COMPUTE, ...storage("storage") },
        { binding: 5, visibility: GPUShaderStage.COMPUTE, ...storage("storage") },
        {
          binding: 6,
          visibility: GPUShaderStage.COMPUTE,
          buffer: { type: "uniform", hasDynamicOffset: true, minBindingSize: 32 },
        },
      ],
    });
    this.upload();
  }

  /**
   * Copies the host updater's state to the GPU after the host changed it: all of it, or only
   * the weights (trained and targets, which lead the state; the Adam moments stay as they are).
   */
  upload(part: "all" | "weights" = "all"): void {
    let at = 0;
    const arrays = this.#host.stateArrays();
    const count = part === "all" ? arrays.length : 2 * (1 + this.#host.criticCount);
    for (const { array } of arrays.slice(0, count)) {
      // a view (of the SIMD kernels' shared memory where they run: writeBuffer copies its range)
      this.#device.queue.writeBuffer(this.#state, at * 4, array as Float32Array<ArrayBuffer>);
      at += array.length;
    }
  }

  /** Copies the whole state (targets and Adam moments too) back into the host updater. */
  async download(): Promise<void> {
    const encoder = this.#device.createCommandEncoder();
    const read = this.#readback.get(4 * this.#stateFloats);
    encoder.copyBufferToBuffer(this.#state, 0, read, 0, 4 * this.#stateFloats);
    this.#device.queue.submit([encoder.finish()]);
    await read.mapAsync(GPUMapMode.READ, 0, 4 * this.#stateFloats);
    const data = new Float32Array(read.getMappedRange(0, 4 * this.#stateFloats));
    let at = 0;
    for (const { array } of this.#host.stateArrays()) {
      array.set(data.subarray(at, at + array.length));
      at += array.length;
    }
    read.unmap();
  }

  /**
   * One update on `batch` (`[P, B, …]`), as the CPU updater's `update`: the batch is uploaded
   * as a replay of B slots read in order. Returns the diagnostics `[6, P]`.
   */
  async updateBatch(
    batch: Batch,
    B: number,
    scheduled: ScheduledUpdate,
    smoothing: readonly Rng[] | null,
  ): Promise<Float32Array> {
    const s = this.#s, P = s.population;
    const rows = packSlots(batch, B, 0, B, P, s.observationSize, s.actionSize);
    const replay = this.#batch.get(rows.byteLength);
    this.#device.queue.writeBuffer(replay, 0, rows);
    const indices = new Uint32Array(P * B);
    for (let i = 0; i < P * B; i++) indices[i] = i % B;
    return await this.#run(replay, indices, B, [scheduled], smoothing);
  }

  /**
   * A block of `schedule.length` updates, minibatches of B drawn from `replay` with `rngs`
   * (exactly as `replay.sample` would draw them, one batch after another). Returns the
   * diagnostics `[6, P]` summed over the block (the actor's over the updates that step it).
   */
  async updateBlock(
    replay: ReplayBuffer,
    rngs: readonly Rng[],
    B: number,
    schedule: readonly ScheduledUpdate[],
    smoothing: readonly Rng[] | null,
  ): Promise<Float32Array> {
    const P = this.#s.population, K = schedule.length, n = replay.size;
    if (n === 0) throw new Error("replay: cannot sample from an empty buffer");
    const buffer = this.#syncReplay(replay);
    if (n <= GPU_DRAW_MAX) {
      this.#draw ??= await IndexDraw.create(this.#device, P);
      return await this.#run(buffer, { rngs, n }, B, schedule, smoothing);
    }
    // above 2^21 slots the GPU's integer draw could differ from Rng.integer's float64 one
    const indices = new Uint32Array(K * P * B);
    for (let k = 0; k < K; k++) {
      for (let p = 0; p < P; p++) {
        const rng = rngs[p], at = (k * P + p) * B;
        for (let b = 0; b < B; b++) indices[at + b] = rng.integer(n);
      }
    }
    return await this.#run(buffer, indices, B, schedule, smoothing);
  }

  /** Frees the GPU buffers (the device stays with its owner). */
  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    for (const p of this.#pipelines.values()) p.work.destroy();
    this.#state.destroy();
    this.#info.destroy();
    for (const s of [this.#schedule, this.#indices, this.#noise, this.#batch, this.#readback]) {
      s.destroy();
    }
    this.#mirror?.buffer.destroy();
    this.#draw?.destroy();
  }

  /** `indices` `[K, P, B]` from the host, or the members' generators and replay size to draw them. */
  async #run(
    replay: GPUBuffer,
    indices: Uint32Array<ArrayBuffer> | { rngs: readonly Rng[]; n: number },
    B: number,
    schedule: readonly ScheduledUpdate[],
    smoothing: readonly Rng[] | null,
  ): Promise<Float32Array> {
    if (this.#destroyed) throw new Error("webgpu: updater used after destroy()");
    const s = this.#s, P = s.population, A = s.actionSize, K = schedule.length;
    const host = this.#host, device = this.#device;
    const { pipeline, work } = await this.#pipeline(B);

    // Adam's bias corrections in float64 on the host, one uniform record per update
    const records = new ArrayBuffer(K * SCHEDULE_STRIDE);
    const words = new Uint32Array(records), floats = new Float32Array(records);
    for (let k = 0; k < K; k++) {
      const at = (k * SCHEDULE_STRIDE) / 4, { actorDue, targetsDue } = schedule[k];
      host.criticStep++;
      if (actorDue) host.actorStep++;
      words[at] = k;
      words[at + 1] = actorDue ? 1 : 0;
      words[at + 2] = targetsDue ? 1 : 0;
      words[at + 3] = 1;
      floats[at + 4] = s.lrCritic / (1 - BETA1 ** host.criticStep);
      floats[at + 5] = 1 - BETA2 ** host.criticStep;
      floats[at + 6] = s.lrActor / (1 - BETA1 ** Math.max(1, host.actorStep));
      floats[at + 7] = 1 - BETA2 ** Math.max(1, host.actorStep);
    }
    const scheduleBuffer = this.#schedule.get(records.byteLength);
    device.queue.writeBuffer(scheduleBuffer, 0, records);
    const indexBuffer = this.#indices.get(4 * K * P * B);
    const draw = indices instanceof Uint32Array ? null : indices;
    if (indices instanceof Uint32Array) device.queue.writeBuffer(indexBuffer, 0, indices);
    let noiseBytes = 4;
    if (s.traits.td3) {
      const noise = new Float32Array(K * P * B * A);
      for (let k = 0; k < K; k++) {
        for (let p = 0; p < P; p++) {
          fillNoise(smoothing![p], noise, (k * P + p) * B * A, B * A, s);
        }
      }
      noiseBytes = noise.byteLength;
      device.queue.writeBuffer(this.#noise.get(noiseBytes), 0, noise);
    }
    const noiseBuffer = this.#noise.get(noiseBytes);

    const bind = device.createBindGroup({
      layout: this.#bindLayout,
      entries: [
        { binding: 0, resource: { buffer: this.#state } },
        { binding: 1, resource: { buffer: replay } },
        { binding: 2, resource: { buffer: indexBuffer } },
        { binding: 3, resource: { buffer: noiseBuffer } },
        { binding: 4, resource: { buffer: work } },
        { binding: 5, resource: { buffer: this.#info } },
        { binding: 6, resource: { buffer: scheduleBuffer, size: 32 } },
      ],
    });
    const encoder = device.createCommandEncoder();
    encoder.clearBuffer(this.#info);
    const pass = encoder.beginComputePass();
    // the draw's writes are visible to the next dispatches of the pass (WebGPU orders them)
    if (draw) this.#draw!.encode(pass, indexBuffer, draw.rngs, draw.n, K, B);
    pass.setPipeline(pipeline);
    for (let k = 0; k < K; k++) {
      pass.setBindGroup(0, bind, [k * SCHEDULE_STRIDE]);
      pass.dispatchWorkgroups(P);
    }
    pass.end();
    const infoBytes = 4 * INFO_FIELDS * P, trainedBytes = 4 * this.#trainedFloats;
    const wordBytes = draw ? this.#draw!.wordBytes : 0;
    const bytes = infoBytes + trainedBytes + wordBytes;
    const read = this.#readback.get(bytes);
    encoder.copyBufferToBuffer(this.#info, 0, read, 0, infoBytes);
    encoder.copyBufferToBuffer(this.#state, 0, read, infoBytes, trainedBytes);
    if (draw) this.#draw!.copyWords(encoder, read, infoBytes + trainedBytes);
    device.queue.submit([encoder.finish()]);
    await read.mapAsync(GPUMapMode.READ, 0, bytes);
    const mapped = read.getMappedRange(0, bytes);
    const data = new Float32Array(mapped, 0, (infoBytes + trainedBytes) / 4);
    // the generators step on as the CPU's draw would have left them
    if (draw) restoreStates(draw.rngs, new Uint32Array(mapped, infoBytes + trainedBytes, 4 * P));
    const info = data.slice(0, INFO_FIELDS * P);
    // the trained arrays (actor, critics) lead the state, so the host can act and report
    let at = INFO_FIELDS * P;
    for (const array of [host.actor, ...host.critics]) {
      array.set(data.subarray(at, at + array.length));
      at += array.length;
    }
    read.unmap();
    return info;
  }

  async #pipeline(B: number): Promise<Pipeline> {
    let p = this.#pipelines.get(B);
    if (p) return p;
    const layout = gpuLayout(this.#s, B);
    // a driver that rejects the kernel must say so, not leave the state untouched silently
    this.#device.pushErrorScope("validation");
    const module = this.#device.createShaderModule({
      code: updateShader(this.#s, B),
      label: `stackrl update B=${B}`,
    });
    const pipeline = this.#device.createComputePipeline({
      layout: this.#device.createPipelineLayout({ bindGroupLayouts: [this.#bindLayout] }),
      compute: { module, entryPoint: "main" },
    });
    const error = await this.#device.popErrorScope();
    if (error) throw new Error(`webgpu: the update kernel was rejected: ${error.message}`);
    const bytes = 4 * layout.workspace * this.#s.population;
    const limit = this.#device.limits.maxStorageBufferBindingSize;
    if (bytes > limit) {
      throw new Error(
        `webgpu: the workspace of ${this.#s.population} member(s) at batch ${B} needs ${bytes} ` +
          `bytes, this adapter binds at most ${limit}; use a smaller population or batch, or the ` +
          `wasm backend`,
      );
    }
    const work = this.#device.createBuffer({
      size: bytes,
      usage: GPUBufferUsage.STORAGE,
      label: "stackrl workspace",
    });
    p = { pipeline, layout, work };
    this.#pipelines.set(B, p);
    return p;
  }

  /** Brings the GPU mirror of `replay` up to date and returns its buffer. */
  #syncReplay(replay: ReplayBuffer): GPUBuffer {
    const s = this.#s, P = s.population, O = s.observationSize, A = s.actionSize;
    const R = 2 * O + A + 2, C = replay.capacity;
    const limit = this.#device.limits.maxStorageBufferBindingSize;
    if (C * P * R * 4 > limit) {
      throw new Error(
        `webgpu: replayCapacity ${C} × ${P} member(s) × ${R} floats per transition needs ` +
          `${C * P * R * 4} bytes on the GPU, this adapter binds at most ${limit}; ` +
          `use a smaller replayCapacity or population, or the wasm backend`,
      );
    }
    let m = this.#mirror;
    const fresh = !m || m.source !== replay || replay.writes < m.writes ||
      replay.size > m.slots;
    if (fresh) {
      // room for what is stored now, doubling as the buffer fills (amortised uploads)
      const slots = Math.min(C, Math.max(1024, 2 ** Math.ceil(Math.log2(replay.size + 1))));
      m?.buffer.destroy();
      m = {
        source: replay,
        buffer: this.#device.createBuffer({
          size: Math.max(16, 4 * slots * P * R),
          usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST,
          label: "stackrl replay",
        }),
        slots,
        writes: replay.writes,
      };
      this.#mirror = m;
      this.#uploadSlots(replay, m.buffer, 0, replay.size); // unwrapped, or all C slots
      return m.buffer;
    }
    const added = Math.min(replay.writes - m!.writes, C);
    m!.writes = replay.writes;
    if (added === 0) return m!.buffer;
    const start = (replay.position - added + C) % C;
    if (start + added <= C) this.#uploadSlots(replay, m!.buffer, start, added);
    else {
      this.#uploadSlots(replay, m!.buffer, start, C - start);
      this.#uploadSlots(replay, m!.buffer, 0, added - (C - start));
    }
    return m!.buffer;
  }

  /** Packs slots [start, start + count) slot-major and writes them to the mirror. */
  #uploadSlots(replay: ReplayBuffer, buffer: GPUBuffer, start: number, count: number): void {
    if (count <= 0) return;
    const s = this.#s, P = s.population, O = s.observationSize, A = s.actionSize;
    const rows = packSlots(replay.arrays(), replay.capacity, start, count, P, O, A);
    this.#device.queue.writeBuffer(buffer, 4 * start * P * (2 * O + A + 2), rows);
  }
}

/**
 * Rows `[count, P, obs + act + 1 + obs + 1]` of slots [start, start + count) from transition
 * arrays laid out population-major with `perMember` slots per member (a minibatch, or the
 * replay buffer's rings): the GPU reads slot-major rows, so the slots added since the last block
 * are one contiguous write.
 */
function packSlots(
  from: Batch,
  perMember: number,
  start: number,
  count: number,
  P: number,
  O: number,
  A: number,
): Float32Array<ArrayBuffer> {
  const R = 2 * O + A + 2, rows = new Float32Array(count * P * R);
  const { observations, actions, rewards, nextObservations, dones } = from;
  for (let k = 0; k < count; k++) {
    for (let p = 0; p < P; p++) {
      const at = (k * P + p) * R, slot = p * perMember + start + k;
      for (let j = 0; j < O; j++) {
        rows[at + j] = observations[slot * O + j];
        rows[at + O + A + 1 + j] = nextObservations[slot * O + j];
      }
      for (let j = 0; j < A; j++) rows[at + O + j] = actions[slot * A + j];
      rows[at + O + A] = rewards[slot];
      rows[at + 2 * O + A + 1] = dones[slot];
    }
  }
  return rows;
}
