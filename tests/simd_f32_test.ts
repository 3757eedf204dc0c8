// The f32x4 kernel rows32 (tools/gen_simd_f32.ts), plain and with relaxed-SIMD fused
// multiply-add, against the float64 rows kernel on the same operands rounded to float32.
import { assert, assertEquals } from "./assert.ts";
import { Rng } from "../mod.ts";
import {
  RELAXED_PROBE_BASE64,
  SIMD_FMA_WASM_BASE64,
  SIMD_WASM_BASE64,
} from "../lib/fused/simd_wasm.ts";

type Rows = (...args: number[]) => void;
const bytes = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));

/** Both modules on one shared memory (as lib/fused/simd.ts loads them), or null without SIMD. */
function load(): { memory: WebAssembly.Memory; rows: Rows; plain: Rows; fma: Rows | null } | null {
  try {
    const memory = new WebAssembly.Memory({ initial: 16, maximum: 64, shared: true });
    const inst = (b64: string) =>
      new WebAssembly.Instance(new WebAssembly.Module(bytes(b64)), { env: { memory } })
        .exports as Record<string, Rows>;
    const main = inst(SIMD_WASM_BASE64);
    const fma = WebAssembly.validate(bytes(RELAXED_PROBE_BASE64))
      ? inst(SIMD_FMA_WASM_BASE64).rows32
      : null;
    return { memory, rows: main.rows, plain: main.rows32, fma };
  } catch {
    return null;
  }
}

const K = load();
if (K === null) console.log("rows32 tests skipped: no WebAssembly SIMD / shared memory here");
if (K !== null && K.fma === null) console.log("relaxed SIMD missing: only the plain rows32 runs");

Deno.test({
  name:
    "rows32 (plain and fused multiply-add) equals the float64 rows kernel within float32 rounding, for every remainder of rows and columns, strides, bias, ReLU, gate and accumulation",
  ignore: K === null,
  fn: () => {
    const { memory, rows, plain, fma } = K!;
    const rng = new Rng(5);
    let worst = 0, cases = 0;
    // byte regions: x (f64), m and bias (f64 and f32 copies), out (f64), gate (f64)
    const X = 64, M64 = 40_000, M32 = 80_000, B64 = 100_000, B32 = 101_000, OUT = 110_000;
    const OUT2 = 150_000, GATE = 190_000;
    const f64 = (at: number, n: number) => new Float64Array(memory.buffer, at, n);
    // a float64 region filled in place by `f`
    const put = (at: number, n: number, f: () => number) => {
      const a = f64(at, n);
      for (let t = 0; t < n; t++) a[t] = f();
      return a;
    };
    const f32 = (at: number, n: number) => new Float32Array(memory.buffer, at, n);
    for (const kernel of [plain, fma]) {
      if (kernel === null) continue;
      for (const B of [1, 3, 4, 5, 9]) {
        for (const nout of [1, 2, 3, 4, 5, 7, 8, 9, 16, 17]) {
          for (const nin of [1, 6, 23]) {
            for (
              const [transposed, bias, relu, gate, acc] of [
                [false, true, true, false, false],
                [true, false, false, true, false],
                [true, false, false, false, true],
              ]
            ) {
              // x `[B, nin]` read row-wise, or (transposed) column-wise as in the outer products
              const rstride = transposed ? 1 : nin, kstride = transposed ? B : 1;
              const x = put(X, B * nin, () => Math.fround(rng.normal()));
              const m = put(M64, nin * nout, () => Math.fround(rng.normal()));
              f32(M32, nin * nout).set(m);
              const b = put(B64, nout, () => Math.fround(rng.normal()));
              f32(B32, nout).set(b);
              const g = put(GATE, B * nout, () => (rng.uniform() < 0.3 ? 0 : 1));
              const o = put(OUT, B * nout, () => rng.normal());
              f64(OUT2, B * nout).set(o);
              const args = (mp: number, bp: number, out: number) => [
                X,
                nin,
                mp,
                nout,
                bias ? bp : 0,
                out,
                nout,
                nout,
                B,
                gate ? GATE : 0,
                relu ? 1 : 0,
                rstride,
                kstride,
                acc ? 1 : 0,
              ];
              rows(...args(M64, B64, OUT));
              kernel(...args(M32, B32, OUT2));
              const want = f64(OUT, B * nout), got = f64(OUT2, B * nout);
              for (let i = 0; i < B; i++) {
                for (let j = 0; j < nout; j++) {
                  // the float32 sum's error is bounded by its length times Σ|terms|
                  let scale = bias ? Math.abs(b[j]) : 0;
                  for (let k = 0; k < nin; k++) {
                    scale += Math.abs(x[i * rstride + k * kstride] * m[k * nout + j]);
                  }
                  const t = i * nout + j;
                  const err = Math.abs(got[t] - want[t]) / (scale * (nin + 1) * 2 ** -24);
                  worst = Math.max(worst, err);
                  if (gate && g[t] === 0) assertEquals(got[t], 0);
                  if (relu) assert(got[t] >= 0);
                }
              }
              cases++;
            }
          }
        }
      }
    }
    assert(cases > 0);
    assert(worst <= 1, `rows32 error ${worst} of the float32 bound`);
  },
});
