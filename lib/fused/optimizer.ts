/**
 * The fused update's optimizer steps on one member's slice of the `[P, n]` state: Adam (as
 * lib/adam.ts, bias-corrected) and polyak averaging of the targets. Both run as SIMD kernels
 * (lib/fused/simd.ts `adam`, `blend`) on float32 copies in kernel memory where the workspaces
 * live there, with the same float64 arithmetic in the same order as the loops here, so the two
 * give the same bits.
 * @module
 */
import { ADAM } from "../adam_constants.ts";
import { inSimdMemory, simdKernels } from "./simd.ts";
import type { Workspace } from "./workspace.ts";

const { beta1: BETA1, beta2: BETA2, epsilon: ADAM_EPS } = ADAM;

/**
 * Adam on `w[off..off+n)` along `scale·g` (bias-corrected, as lib/adam.ts): by the SIMD kernel
 * on copies in `stage` where g lives in its memory (the same arithmetic, the same bits), else here.
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
  stage: Workspace["params"],
): void {
  const c1 = 1 - BETA1 ** step, c2 = 1 - BETA2 ** step;
  const a = lr / c1, b1 = 1 - BETA1, b2 = 1 - BETA2;
  const K = inSimdMemory(g) && inSimdMemory(stage[0]) ? simdKernels() : null;
  if (K) {
    const [sw, sm, sv] = stage;
    sw.set(w.subarray(off, off + n));
    sm.set(m.subarray(off, off + n));
    sv.set(v.subarray(off, off + n));
    K.adam(
      sw.byteOffset,
      sm.byteOffset,
      sv.byteOffset,
      g.byteOffset,
      n,
      scale,
      BETA1,
      BETA2,
      b1,
      b2,
      a,
      c2,
      ADAM_EPS,
    );
    w.set(sw.subarray(0, n), off);
    m.set(sm.subarray(0, n), off);
    v.set(sv.subarray(0, n), off);
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

/** target = target·(1 − τ) + source·τ on `[off, off + n)`: by the SIMD kernel on copies in `stage`, else here. */
export function blend(
  target: Float32Array,
  source: Float32Array,
  off: number,
  n: number,
  tau: number,
  stage: Workspace["params"],
) {
  const keep = 1 - tau;
  const K = inSimdMemory(stage[0]) ? simdKernels() : null;
  if (K) {
    const [st, ss] = stage;
    st.set(target.subarray(off, off + n));
    ss.set(source.subarray(off, off + n));
    K.blend(st.byteOffset, ss.byteOffset, n, keep, tau);
    target.set(st.subarray(0, n), off);
    return;
  }
  for (let j = off; j < off + n; j++) target[j] = target[j] * keep + source[j] * tau;
}
