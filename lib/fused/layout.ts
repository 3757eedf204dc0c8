/**
 * Where the fused path keeps its state: one flat weight-order vector per member (`[P, n]`; per
 * layer the kernel `[in, out]` row-major, then the bias) for each network, and the conversion
 * to and from the tfjs layout of the checkpoint (per layer kernel `[P, in, out]`, bias `[P, out]`).
 * @module
 */

/** Offsets of each layer's kernel and bias inside one member's flat parameter vector. */
export interface NetLayout {
  /** Widths from input to output. */
  readonly sizes: readonly number[];
  /** Number of layers (sizes.length − 1). */
  readonly layers: number;
  /** Kernel offset of each layer. */
  readonly kOff: readonly number[];
  /** Bias offset of each layer. */
  readonly bOff: readonly number[];
  /** Parameters of one member. */
  readonly n: number;
}

/** The layout of an MLP with widths `sizes`. */
export function netLayout(sizes: readonly number[]): NetLayout {
  const kOff: number[] = [], bOff: number[] = [];
  let n = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    kOff.push(n);
    n += sizes[l] * sizes[l + 1];
    bOff.push(n);
    n += sizes[l + 1];
  }
  return { sizes: [...sizes], layers: sizes.length - 1, kOff, bOff, n };
}

/** One state array and the network whose layout it has. */
export interface StateArray {
  array: Float32Array;
  net: NetLayout;
}

/**
 * Copies tensors in the tfjs layout (one entry per tensor, the arrays' nets in order, or any
 * prefix of them) into `state`.
 */
export function importTensors(
  state: readonly StateArray[],
  tensors: readonly ArrayLike<number>[],
  P: number,
): void {
  let t = 0;
  for (const { array, net } of state) {
    if (t >= tensors.length) break;
    for (let l = 0; l < net.layers; l++) {
      scatter(tensors[t++], array, net, l, true, P);
      scatter(tensors[t++], array, net, l, false, P);
    }
  }
}

/** `state` in the tfjs layout, one array per tensor (`count` first tensors; all by default). */
export function exportTensors(
  state: readonly StateArray[],
  P: number,
  count = Infinity,
  into?: Float32Array[],
): Float32Array[] {
  const out: Float32Array[] = [];
  for (const { array, net } of state) {
    for (let l = 0; l < net.layers && out.length < count; l++) {
      for (const kernel of [true, false]) {
        const size = P * (kernel ? net.sizes[l] * net.sizes[l + 1] : net.sizes[l + 1]);
        const dst = into?.[out.length] ?? new Float32Array(size);
        gather(array, dst, net, l, kernel, P);
        out.push(dst);
      }
    }
    if (out.length >= count) break;
  }
  return out;
}

/** tfjs-layout tensor (kernel `[P, in, out]` or bias `[P, out]`) of layer l → flat `[P, n]`. */
function scatter(
  src: ArrayLike<number>,
  dst: Float32Array,
  net: NetLayout,
  l: number,
  kernel: boolean,
  P: number,
): void {
  const size = kernel ? net.sizes[l] * net.sizes[l + 1] : net.sizes[l + 1];
  const off = kernel ? net.kOff[l] : net.bOff[l];
  if (src.length !== P * size) {
    throw new Error(`fused: tensor of length ${src.length}, expected ${P * size}`);
  }
  for (let p = 0; p < P; p++) {
    for (let i = 0; i < size; i++) dst[p * net.n + off + i] = src[p * size + i];
  }
}

/** Flat `[P, n]` → tfjs-layout tensor of layer l. */
function gather(
  src: Float32Array,
  dst: Float32Array,
  net: NetLayout,
  l: number,
  kernel: boolean,
  P: number,
): void {
  const size = kernel ? net.sizes[l] * net.sizes[l + 1] : net.sizes[l + 1];
  const off = kernel ? net.kOff[l] : net.bOff[l];
  for (let p = 0; p < P; p++) {
    dst.set(src.subarray(p * net.n + off, p * net.n + off + size), p * size);
  }
}
