/**
 * Minibatch indices drawn on the GPU with the members' own generators (lib/rng.ts: xoshiro128**),
 * so that a WebGPU block (lib/fused/gpu.ts) draws exactly what `ReplayBuffer.sample` draws on the
 * CPU: one invocation per member steps a copy of that member's four state words through the
 * block's K·B draws and writes the final words back, which the host reads with the block's one
 * readback and sets into the member's `Rng`. Drawing on the CPU took 30–45% of a block at 4,096
 * members on an H200 (README, "On WebGPU"); now the host only writes and reads 16 bytes a member.
 *
 * `Rng.integer(n)` is `floor(u / 2^32 · n)` in float64 for the uint32 `u`. For n ≤ 2^21 that
 * equals the high 32 bits of the 64-bit product u·n exactly: u/2^32 is exact (a power-of-two
 * scaling), and so is its product with n, since u·n < 2^32 · 2^21 = 2^53 fits the 53-bit
 * significand; floor then takes the integer part of u·n / 2^32, which is that high word. Above
 * 2^21 the float64 product may round, so the GPU draw is used only up to `GPU_DRAW_MAX` and the
 * CPU draws above it.
 * @module
 */
import type { Rng } from "../rng.ts";

/** Largest replay size (slots per member) whose draws the GPU reproduces bit for bit. */
export const GPU_DRAW_MAX = 2 ** 21;

/** Members per workgroup of the draw. */
const DRAW_WORKGROUP = 64;

/**
 * The high 32 bits of u·v for uint32 u and v, from 16-bit halves so that no partial product or
 * sum leaves 32 bits (Hacker's Delight, `mulhu`): the host mirror of the shader's `mulhi`, in the
 * same wrapping uint32 arithmetic.
 */
export function mulhi32(u: number, v: number): number {
  const u0 = u & 0xffff, u1 = u >>> 16, v0 = v & 0xffff, v1 = v >>> 16;
  const w0 = Math.imul(u0, v0) >>> 0;
  // (2^16 − 1)² + (2^16 − 1) < 2^32: neither sum below wraps
  const t = (Math.imul(u1, v0) + (w0 >>> 16)) >>> 0;
  const w1 = (Math.imul(u0, v1) + (t & 0xffff)) >>> 0;
  return (Math.imul(u1, v1) + (t >>> 16) + (w1 >>> 16)) >>> 0;
}

/** The WGSL of the draw: member p's K·B indices at `(k·P + p)·B + b`, as the update reads them. */
export const DRAW_SHADER = /* wgsl */ `
struct Draw {
  n: u32,
  updates: u32,
  batch: u32,
  members: u32,
}

@group(0) @binding(0) var<storage, read_write> words: array<u32>;
@group(0) @binding(1) var<storage, read_write> indices: array<u32>;
@group(0) @binding(2) var<uniform> d: Draw;

fn rotl(x: u32, k: u32) -> u32 {
  return (x << k) | (x >> (32u - k));
}

// high word of u·v from 16-bit halves (Hacker's Delight mulhu): no partial sum leaves 32 bits
fn mulhi(u: u32, v: u32) -> u32 {
  let u0 = u & 0xffffu;
  let u1 = u >> 16u;
  let v0 = v & 0xffffu;
  let v1 = v >> 16u;
  let w0 = u0 * v0;
  let t = u1 * v0 + (w0 >> 16u);
  let w1 = u0 * v1 + (t & 0xffffu);
  return u1 * v1 + (t >> 16u) + (w1 >> 16u);
}

@compute @workgroup_size(${DRAW_WORKGROUP})
fn main(@builtin(global_invocation_id) id: vec3<u32>) {
  let p = id.x;
  if (p >= d.members) {
    return;
  }
  var s0 = words[4u * p];
  var s1 = words[4u * p + 1u];
  var s2 = words[4u * p + 2u];
  var s3 = words[4u * p + 3u];
  for (var k = 0u; k < d.updates; k++) {
    let at = (k * d.members + p) * d.batch;
    for (var b = 0u; b < d.batch; b++) {
      // xoshiro128** (lib/rng.ts nextUint32); u32 products wrap as Math.imul's do
      let u = rotl(s1 * 5u, 7u) * 9u;
      let t = s1 << 9u;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = rotl(s3, 11u);
      // Rng.integer(n) = floor(u / 2^32 · n) = mulhi(u, n) for n ≤ 2^21 (see lib/fused/wgsl_draw.ts)
      indices[at + b] = mulhi(u, d.n);
    }
  }
  words[4u * p] = s0;
  words[4u * p + 1u] = s1;
  words[4u * p + 2u] = s2;
  words[4u * p + 3u] = s3;
}
`;

/** Members' generator words, 4 per member, into `out` (`[P, 4]`). */
export function packStates(rngs: readonly Rng[], out: Uint32Array): void {
  for (let p = 0; p < out.length / 4; p++) out.set(rngs[p].state.words, 4 * p);
}

/** Sets each member's generator to its words in `words` (`[P, 4]`); normal spares stay. */
export function restoreStates(rngs: readonly Rng[], words: Uint32Array): void {
  for (let p = 0; p < words.length / 4; p++) rngs[p].setWords(words, 4 * p);
}

/** The GPU draw of a population's minibatch indices: its pipeline and the members' state words. */
export class IndexDraw {
  readonly #device: GPUDevice;
  readonly #pipeline: GPUComputePipeline;
  readonly #members: number;
  readonly #words: GPUBuffer;
  readonly #params: GPUBuffer;
  readonly #staged: Uint32Array<ArrayBuffer>;

  private constructor(device: GPUDevice, pipeline: GPUComputePipeline, members: number) {
    this.#device = device;
    this.#pipeline = pipeline;
    this.#members = members;
    this.#staged = new Uint32Array(4 * members);
    this.#words = device.createBuffer({
      size: 16 * members,
      usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST,
      label: "stackrl rng words",
    });
    this.#params = device.createBuffer({
      size: 16,
      usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
      label: "stackrl draw sizes",
    });
  }

  /** The draw for `members` members on `device` (a driver that rejects the shader says so). */
  static async create(device: GPUDevice, members: number): Promise<IndexDraw> {
    device.pushErrorScope("validation");
    const module = device.createShaderModule({ code: DRAW_SHADER, label: "stackrl draw" });
    const pipeline = device.createComputePipeline({
      layout: "auto",
      compute: { module, entryPoint: "main" },
    });
    const error = await device.popErrorScope();
    if (error) throw new Error(`webgpu: the index-draw kernel was rejected: ${error.message}`);
    return new IndexDraw(device, pipeline, members);
  }

  /** Bytes of the members' final words that `copyWords` adds to a readback. */
  get wordBytes(): number {
    return 16 * this.#members;
  }

  /**
   * Queues the members' current generator words and the block's sizes (replay size `n` ≤
   * `GPU_DRAW_MAX`, K updates of B), and records the draw into `pass` writing `indices`.
   */
  encode(
    pass: GPUComputePassEncoder,
    indices: GPUBuffer,
    rngs: readonly Rng[],
    n: number,
    K: number,
    B: number,
  ): void {
    if (!(Number.isInteger(n) && n >= 1 && n <= GPU_DRAW_MAX)) {
      throw new Error(`webgpu: the GPU index draw needs 1 ≤ replay size ≤ 2^21, got ${n}`);
    }
    const queue = this.#device.queue;
    packStates(rngs, this.#staged);
    queue.writeBuffer(this.#words, 0, this.#staged);
    queue.writeBuffer(this.#params, 0, Uint32Array.of(n, K, B, this.#members));
    const bind = this.#device.createBindGroup({
      layout: this.#pipeline.getBindGroupLayout(0),
      entries: [
        { binding: 0, resource: { buffer: this.#words } },
        { binding: 1, resource: { buffer: indices, size: 4 * K * this.#members * B } },
        { binding: 2, resource: { buffer: this.#params } },
      ],
    });
    pass.setPipeline(this.#pipeline);
    pass.setBindGroup(0, bind);
    pass.dispatchWorkgroups(Math.ceil(this.#members / DRAW_WORKGROUP));
  }

  /** Records the copy of the members' final words into `read` at byte `offset`. */
  copyWords(encoder: GPUCommandEncoder, read: GPUBuffer, offset: number): void {
    encoder.copyBufferToBuffer(this.#words, 0, read, offset, this.wordBytes);
  }

  /** Frees the GPU buffers. */
  destroy(): void {
    this.#words.destroy();
    this.#params.destroy();
  }
}
