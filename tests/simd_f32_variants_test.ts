// The float32-memory forms of rows32 (rows32xs: x float32; rows32os: out and gate float32;
// rows32s: both; tools/gen_simd_f32.ts), plain and with relaxed-SIMD fused multiply-add, give
// rows32's float32 sums bit for bit: the mixed passes of lib/fused/kernels.ts keep hidden
// activations and deltas in float32 without changing a result.
import { assert, assertEquals } from "./assert.ts";
import { Rng } from "../mod.ts";
import {
  RELAXED_PROBE_BASE64,
  SIMD_FMA_WASM_BASE64,
  SIMD_WASM_BASE64,
} from "../lib/fused/simd_wasm.ts";

type Rows = (...args: number[]) => void;
const bytes = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));

/** Each module's kernels on one shared memory, or null without SIMD. */
function load(): { memory: WebAssembly.Memory; mods: Record<string, Rows>[] } | null {
  try {
    const memory = new WebAssembly.Memory({ initial: 16, maximum: 64, shared: true });
    const inst = (b64: string) =>
      new WebAssembly.Instance(new WebAssembly.Module(bytes(b64)), { env: { memory } })
        .exports as Record<string, Rows>;
    const mods = [inst(SIMD_WASM_BASE64)];
    if (WebAssembly.validate(bytes(RELAXED_PROBE_BASE64))) mods.push(inst(SIMD_FMA_WASM_BASE64));
    return { memory, mods };
  } catch {
    return null;
  }
}

const K = load();
if (K === null) console.log("rows32 variant tests skipped: no WebAssembly SIMD / shared memory");

Deno.test({
  name:
    "rows32xs, rows32os and rows32s equal rows32 bit for bit on float32 operands, for every remainder of rows and columns, strides, bias, ReLU, gate and accumulation",
  ignore: K === null,
  fn: () => {
    const { memory, mods } = K!;
    const rng = new Rng(11);
    // byte regions: x (f64 and f32), m and bias (f32), out (f64 and three copies), gate
    const X64 = 64, X32 = 20_000, M = 30_000, BIAS = 40_000, OUT = 50_000, G64 = 70_000;
    const G32 = 80_000, O = [90_000, 110_000, 130_000];
    const f64 = (at: number, n: number) => new Float64Array(memory.buffer, at, n);
    const f32 = (at: number, n: number) => new Float32Array(memory.buffer, at, n);
    let cases = 0;
    for (const mod of mods) {
      for (const B of [1, 4, 5, 7]) {
        for (const nout of [1, 3, 4, 6, 8, 9, 17]) {
          for (const nin of [1, 6, 23]) {
            for (
              const [transposed, bias, relu, gate, acc] of [
                [0, 1, 1, 0, 0],
                [0, 0, 0, 0, 0],
                [1, 0, 0, 0, 1],
                [0, 0, 0, 1, 0],
                [1, 1, 1, 1, 1],
              ]
            ) {
              const [rstride, kstride] = transposed ? [1, B] : [nin, 1];
              const xs = Array.from({ length: B * nin }, () => Math.fround(rng.normal()));
              f64(X64, xs.length).set(xs);
              f32(X32, xs.length).set(xs);
              f32(M, nin * nout).set(Array.from({ length: nin * nout }, () => rng.normal()));
              f32(BIAS, nout).set(Array.from({ length: nout }, () => rng.normal()));
              const gs = Array.from({ length: B * nout }, () => rng.uniform() < 0.3 ? 0 : 1);
              f64(G64, gs.length).set(gs);
              f32(G32, gs.length).set(gs);
              const old = Array.from({ length: B * nout }, () => Math.fround(rng.normal()));
              f64(OUT, old.length).set(old);
              f64(O[0], old.length).set(old);
              f32(O[1], old.length).set(old);
              f32(O[2], old.length).set(old);
              const run = (k: Rows, x: number, out: number, g: number) =>
                k(
                  x,
                  nin,
                  M,
                  nout,
                  bias ? BIAS : 0,
                  out,
                  nout,
                  nout,
                  B,
                  gate ? g : 0,
                  relu,
                  rstride,
                  kstride,
                  acc,
                );
              run(mod.rows32, X64, OUT, G64);
              run(mod.rows32xs, X32, O[0], G64);
              run(mod.rows32os, X64, O[1], G32);
              run(mod.rows32s, X32, O[2], G32);
              const want = f64(OUT, old.length);
              const label = `B ${B} nout ${nout} nin ${nin} flags ${[
                transposed,
                bias,
                relu,
                gate,
                acc,
              ]}`;
              // a float32 out rounds rows32's float64 store (exact but for acc's sum of two floats)
              assertEquals(
                Array.from(f64(O[0], old.length)),
                Array.from(want),
                `rows32xs ${label}`,
              );
              const rounded = Array.from(want, Math.fround);
              assertEquals(Array.from(f32(O[1], old.length)), rounded, `rows32os ${label}`);
              assertEquals(Array.from(f32(O[2], old.length)), rounded, `rows32s ${label}`);
              cases++;
            }
          }
        }
      }
    }
    assert(cases >= 420, `${cases} cases`);
  },
});
