// lib/fused/optimizer.ts: Adam and polyak on a member's slice, by the SIMD kernels in place
// (state in the kernels' memory, as a one-thread updater holds it) and by the loops (state in
// ordinary arrays): the same bits, and Adam's first step against its closed form.
import { assert, assertEquals } from "./assert.ts";
import { adam, blend } from "../lib/fused/optimizer.ts";
import { allocF32Via, allocF64, simdKernels } from "../lib/fused/simd.ts";
import { Rng } from "../mod.ts";

const inKernels = (n: number) => allocF32Via(allocF64, n);
const plain = (n: number) => new Float32Array(n);

Deno.test({
  name:
    "fused Adam and polyak: the SIMD kernels (state in their memory) give the loops' bits on odd and even slices of [P, n] state over several steps, and leave other members alone",
  ignore: simdKernels() === null,
  fn: () => {
    const rng = new Rng(5);
    for (const n of [1, 2, 7, 673]) {
      const P = 3, off = n; // member 1 of 3
      const w0 = Float32Array.from({ length: P * n }, () => rng.normal());
      const runs = [inKernels, plain].map((make) => {
        const w = make(P * n), m = make(P * n), v = make(P * n), t = make(P * n);
        w.set(w0);
        t.set(w0.map((x) => x * 0.5));
        for (let step = 1; step <= 4; step++) {
          const g = allocF64(n);
          const r = new Rng(step);
          for (let j = 0; j < n; j++) g[j] = r.normal() * 10 ** (r.integer(7) - 3);
          adam(w, m, v, off, g, step % 2 ? 1 : -1, n, 1e-3, step);
          blend(t, w, off, n, 0.005);
        }
        return [w, m, v, t];
      });
      for (let k = 0; k < 4; k++) {
        assertEquals(Array.from(runs[0][k]), Array.from(runs[1][k]), `n = ${n}, array ${k}`);
      }
      assertEquals(Array.from(runs[0][0].subarray(0, n)), Array.from(w0.subarray(0, n)));
      assertEquals(Array.from(runs[0][0].subarray(2 * n)), Array.from(w0.subarray(2 * n)));
    }
  },
});

Deno.test("fused Adam: the first step from zero moments moves each weight by lr·g/(|g| + ε) (bias-corrected), both paths", () => {
  for (const make of [inKernels, plain]) {
    const w = make(5).fill(1), m = make(5), v = make(5);
    const g = allocF64(5);
    g.set([2, -0.5, 1e-3, -40, 0]);
    adam(w, m, v, 0, g, 1, 5, 0.01, 1);
    for (let j = 0; j < 5; j++) {
      const expected = Math.fround(1 - (0.01 * g[j]) / (Math.abs(g[j]) + 1e-8));
      assert(Math.abs(w[j] - expected) <= 1e-7, `w[${j}] = ${w[j]}, expected ${expected}`);
      assertEquals(m[j], Math.fround(0.1 * g[j]));
    }
  }
});
