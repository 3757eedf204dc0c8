// rowsInto (lib/fused/kernels.ts): a member's float32 minibatch rows into a float64 pass input,
// through the SIMD `widen` kernel where present, against the plain element loop it replaces.
import { assertEquals } from "./assert.ts";
import { rowsInto } from "../lib/fused/kernels.ts";
import { allocF32Via, allocF64, freeF64, simdKernels } from "../lib/fused/simd.ts";
import { Rng } from "../mod.ts";

Deno.test("rowsInto: every width (odd and even), row count, source offset and destination stride, equal to the element loop; nothing outside the rows written", () => {
  const rng = new Rng(3);
  for (const simd of [true, false]) {
    for (const width of [1, 2, 3, 6, 17]) {
      for (const rows of [1, 5, 100]) {
        const dstride = width + 7, dOff = 3, sOff = 2 * width;
        const src = Float32Array.from({ length: sOff + rows * width + 5 }, () => rng.normal());
        const stage = simd ? allocF32Via(allocF64, rows * width) : new Float32Array(rows * width);
        const dst = simd
          ? allocF64(dOff + rows * dstride)
          : new Float64Array(dOff + rows * dstride);
        dst.fill(-99);
        rowsInto(src, sOff, width, rows, dst, dOff, dstride, stage);
        const expected = new Float64Array(dst.length).fill(-99);
        for (let i = 0; i < rows; i++) {
          for (let k = 0; k < width; k++) {
            expected[dOff + i * dstride + k] = src[sOff + i * width + k];
          }
        }
        assertEquals(
          Array.from(dst),
          Array.from(expected),
          `${simd && simdKernels() ? "widen" : "loop"}, width ${width}, ${rows} rows`,
        );
        if (simd) freeF64([dst]);
      }
    }
  }
});
