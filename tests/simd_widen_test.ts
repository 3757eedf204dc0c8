// rowsInto (lib/fused/kernels.ts): a member's float32 minibatch rows into a float64 pass input,
// by the SIMD `widen` kernel where the rows are staged in its memory, against the plain loop.
import { assertEquals } from "./assert.ts";
import { rowsInto } from "../lib/fused/kernels.ts";
import { allocF32Via, allocF64, simdKernels } from "../lib/fused/simd.ts";
import { Rng } from "../mod.ts";

Deno.test({
  name:
    "rowsInto: widen equals the loop for odd and even widths, row counts, source blocks and destination strides, and writes nothing outside the rows",
  ignore: simdKernels() === null,
  fn: () => {
    const rng = new Rng(3);
    for (const width of [1, 2, 3, 6, 17]) {
      for (const rows of [1, 5, 100]) {
        const dstride = width + 7, dOff = 3, sOff = 2 * rows * width, n = 3 * rows * width;
        const values = Float32Array.from({ length: n }, () => rng.normal());
        // staged: both arrays in the kernels' memory (widen); else ordinary arrays (the loop)
        const out = [true, false].map((staged) => {
          const src = staged ? allocF32Via(allocF64, n) : new Float32Array(n);
          const dst = staged
            ? allocF64(dOff + rows * dstride)
            : new Float64Array(dOff + rows * dstride);
          src.set(values);
          dst.fill(-99);
          rowsInto(src, sOff, width, rows, dst, dOff, dstride);
          return Array.from(dst);
        });
        assertEquals(out[0], out[1], `width ${width}, ${rows} rows`);
        const expected = new Array(dOff + rows * dstride).fill(-99);
        for (let i = 0; i < rows; i++) {
          for (let k = 0; k < width; k++) {
            expected[dOff + i * dstride + k] = values[sOff + i * width + k];
          }
        }
        assertEquals(out[1], expected);
      }
    }
  },
});
