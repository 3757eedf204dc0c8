// tanh32 (tools/gen_simd_f32.ts), the float32-accurate tanh of the mixed-precision passes, against
// Math.tanh on a dense grid, with known answers at 0, saturation and non-finite inputs.
import { assert, assertEquals } from "./assert.ts";
import { allocF64, freeF64, simdKernels } from "../lib/fused/simd.ts";

const K = simdKernels();
if (K === null) console.log("tanh32 tests skipped: no WebAssembly SIMD / shared memory here");

const ptr = (a: Float64Array) => a.byteOffset;

Deno.test({
  name:
    "tanh32 stays within 2.7e-7 of Math.tanh (absolute, and 4e-7 relative) from −20 to 20, odd and monotone",
  ignore: K === null,
  fn: () => {
    const n = 400_003; // not a multiple of four: the tail runs too
    const x = allocF64(n), out = allocF64(n);
    try {
      // denser near 0 where tanh bends least in relative terms, out to where it saturates
      for (let i = 0; i < n; i++) {
        const u = (2 * i) / (n - 1) - 1;
        x[i] = Math.fround(20 * u * u * u);
      }
      K!.tanh32(ptr(x), ptr(out), n);
      let worst = 0, at = 0, worstAbs = 0;
      for (let i = 0; i < n; i++) {
        const exact = Math.tanh(x[i]);
        const rel = exact === 0 ? Math.abs(out[i]) : Math.abs(out[i] - exact) / Math.abs(exact);
        if (rel > worst) [worst, at] = [rel, x[i]];
        worstAbs = Math.max(worstAbs, Math.abs(out[i] - exact));
        if (i > 0) {
          assert(
            out[i] >= out[i - 1],
            `monotone at x = ${x[i]}: ${out[i - 1]} then ${out[i]} (x before ${x[i - 1]})`,
          );
        }
        assert(out[n - 1 - i] === -out[i], `odd at x = ${x[i]}`);
      }
      assert(worst <= 4e-7, `worst relative error ${worst} at x = ${at}`);
      assert(worstAbs <= 2.7e-7, `worst absolute error ${worstAbs}`);
    } finally {
      freeF64([x, out]);
    }
  },
});

Deno.test({
  name:
    "tanh32: known answers (±0, one constant within 2.7e-7 of ±1 beyond the clamp, NaN stays NaN), and a value's result does not depend on its position in the array",
  ignore: K === null,
  fn: () => {
    const values = [0, -0, 8, -8, 1e30, -Infinity, Infinity, NaN, 0.5, -0.25, 3];
    const x = allocF64(16), out = allocF64(16);
    try {
      x.set(values);
      K!.tanh32(ptr(x), ptr(out), values.length);
      const one = out[2];
      assert(Math.abs(1 - one) <= 2.7e-7, `tanh32(8) = ${one}`);
      assertEquals(Array.from(out.subarray(0, 7)), [0, -0, one, -one, one, -one, one]);
      assert(Number.isNaN(out[7]), "tanh32(NaN) is NaN");
      // each value alone at every offset (either lane of a pair, and the odd last one) gives the same bits
      for (const v of values.slice(8)) {
        const expected = out[values.indexOf(v)];
        for (let k = 0; k < 7; k++) {
          x.fill(0.1);
          x[k] = v;
          K!.tanh32(ptr(x), ptr(out), 7);
          assertEquals(out[k], expected, `tanh32(${v}) at position ${k}`);
        }
      }
    } finally {
      freeF64([x, out]);
    }
  },
});
