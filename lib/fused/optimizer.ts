/**
 * The fused update's optimizer steps on one member's slice of the `[P, n]` state: Adam (as
 * lib/adam.ts, bias-corrected) and polyak averaging of the targets. Where the state lives in the
 * SIMD kernels' memory (a one-thread updater's, lib/fused/updater.ts) both run there in place as
 * kernels (lib/fused/simd.ts `adam`, `blend`), in the same float64 arithmetic and order as the
 * loops here, so the two give the same bits; state elsewhere (the worker pool's shared arrays)
 * takes the loops.
 * @module
 */
import { ADAM } from "../adam_constants.ts";
import { inSimdMemory, simdKernels } from "./simd.ts";

const { beta1: BETA1, beta2: BETA2, epsilon: ADAM_EPS } = ADAM;

/**
 * Adam on `w[off..off+n)` along `scale·g` (bias-corrected, as lib/adam.ts): the SIMD kernel in
 * place where w, m, v and g live in its memory, else this loop; the same bits either way.
 */
export function adam(
  w: Float32Array,
  m: Float32Array,
  v: Float32Array,
  off: number,
  g: Float64Array,
  scale: number,
  n: number,
  lr: number,
  step: number,
): void {
  const c1 = 1 - BETA1 ** step, c2 = 1 - BETA2 ** step;
  const a = lr / c1, b1 = 1 - BETA1, b2 = 1 - BETA2;
  const K = inSimdMemory(g) && inSimdMemory(w) && inSimdMemory(m) && inSimdMemory(v)
    ? simdKernels()
    : null;
  if (K) {
    const at = (x: Float32Array) => x.byteOffset + 4 * off;
    K.adam(at(w), at(m), at(v), g.byteOffset, n, scale, BETA1, BETA2, b1, b2, a, c2, ADAM_EPS);
    return;
  }
  for (let j = 0; j < n; j++) {
    const gj = g[j] * scale;
    const mj = m[off + j] * BETA1 + gj * b1;
    const vj = v[off + j] * BETA2 + gj * gj * b2;
    m[off + j] = mj;
    v[off + j] = vj;
    w[off + j] -= (mj * a) / (Math.sqrt(vj / c2) + ADAM_EPS);
  }
}

/**
 * target = target·(1 − τ) + source·τ on `[off, off + n)`: the SIMD kernel in place where both
 * live in its memory, else this loop; the same bits either way.
 */
export function blend(
  target: Float32Array,
  source: Float32Array,
  off: number,
  n: number,
  tau: number,
): void {
  const keep = 1 - tau;
  const K = inSimdMemory(target) && inSimdMemory(source) ? simdKernels() : null;
  if (K) {
    K.blend(target.byteOffset + 4 * off, source.byteOffset + 4 * off, n, keep, tau);
    return;
  }
  for (let j = off; j < off + n; j++) target[j] = target[j] * keep + source[j] * tau;
}
