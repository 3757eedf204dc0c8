/**
 * The f32x4 form of the fused path's `rows` kernel, written by tools/gen_simd.ts into
 * lib/fused/simd.wat (plain multiply then add) and lib/fused/simd_fma.wat (relaxed-SIMD fused
 * multiply-add, loaded only where the runtime validates it). The matrix operand and the bias are
 * float32, so that a pass reads the float32 state as it is and works four lanes wide. In `rows32`
 * the activations, deltas and outputs are float64 in memory (rounded to float32 as they are read,
 * each float32 sum widened before it is added or stored); the other variants
 * (`ROWS32_VARIANTS`) read float32 inputs and/or write float32 outputs, which the mixed update
 * keeps between its hidden layers.
 * @module
 */
import { add, i32, L, mul, set, shl } from "./wat.ts";

const zero = "(v128.const i64x2 0 0)";

/** Flag sets with their own stores: code (relu | acc << 1 | gate << 2), acc, relu, gate. */
const MODES: [number, boolean, boolean, boolean][] = [
  [0, false, false, false],
  [4, false, false, true],
  [2, true, false, false],
  [1, false, true, false],
];

/** A rows32 export: its name and which of x and out (with gate) are float32 in memory. */
export type Rows32Variant = { name: string; x32: boolean; out32: boolean };

/**
 * The exports: `rows32` (x, out, gate float64), `rows32xs` (x float32), `rows32os` (out and gate
 * float32) and `rows32s` (all float32), so that the mixed passes keep hidden activations and
 * deltas float32 between kernels (one load and splat per activation, one store per quad).
 */
export const ROWS32_VARIANTS: readonly Rows32Variant[] = [
  { name: "rows32", x32: false, out32: false },
  { name: "rows32xs", x32: true, out32: false },
  { name: "rows32os", x32: false, out32: true },
  { name: "rows32s", x32: true, out32: true },
];

/**
 * `rows32`: out[i·ostride + j] = act([out] + bias[j] + Σ_{k<nin} x[i·rstride + k·kstride]·m[k·mstride + j])
 * with x, out and gate float64, m and bias float32 and the sum in float32; the same parameters
 * and meaning as `rows` (6 rows × 8 outputs per pass; a last 5–7 outputs as two quads, a last 1–4 as one). `fma`: relaxed fused multiply-add.
 */
export function rows32(fma: boolean, variant: Rows32Variant = ROWS32_VARIANTS[0]): string {
  const { name, x32, out32 } = variant;
  // rows per pass, tallest first: 6 rows × 8 outputs keep 12 accumulators, 2 weight quads and a
  // broadcast in the 16 vector registers of x64
  const TALL = [6, 4, 1];
  const ilocals = new Set([
    "i",
    "jb",
    "ob",
    "rowX",
    "kstep",
    "kend",
    "rowM",
    "rowO",
    "rowN",
    "xk",
    "mp",
    "o0",
    "o1",
    "o2",
    "o3",
    "x0",
    "x1",
    "x2",
    "x3",
    "mode",
  ]);
  const vlocals = new Set(["v", "w0", "w1"]);
  const madd = (a: string, b: string, c: string) =>
    fma ? `(f32x4.relaxed_madd ${a} ${b} ${c})` : `(f32x4.add ${c} (f32x4.mul ${a} ${b}))`;
  const xval = (q: number) =>
    x32
      ? `(f32.load ${add(L(`x${q}`), L("xk"))})`
      : `(f32.demote_f64 (f64.load ${add(L(`x${q}`), L("xk"))}))`;
  // finishes one float32 quad in $a at byte offset `off` of row q's output (acc, ReLU, gate)
  const finishQuad = (a: string, off: string, mode: Mode) =>
    `${set("v", a)}
      ${when(mode, "acc", set("v", `(f32x4.add ${L("v")} (v128.load ${off}))`))}
      ${when(mode, "relu", set("v", `(v128.and ${L("v")} (f32x4.gt ${L("v")} ${zero}))`))}
      ${
      when(
        mode,
        "gate",
        set(
          "v",
          `(v128.and ${L("v")} (f32x4.ne (v128.load ${
            add(L("gate"), `(i32.sub ${off} ${L("out")})`)
          }) ${zero}))`,
        ),
      )
    }
      (v128.store ${off} ${L("v")})`;
  // finishes one float32 in $f at byte offset `off` (acc, ReLU, gate)
  const finishOne32 = (off: string, mode: Mode) =>
    `${when(mode, "acc", set("f", `(f32.add ${L("f")} (f32.load ${off}))`))}
      ${
      when(
        mode,
        "relu",
        `(if (i32.eqz (f32.gt ${L("f")} (f32.const 0))) (then ${set("f", "(f32.const 0)")}))`,
      )
    }
      ${
      when(
        mode,
        "gate",
        `(if (f32.eq (f32.load ${
          add(L("gate"), `(i32.sub ${off} ${L("out")})`)
        }) (f32.const 0)) (then ${set("f", "(f32.const 0)")}))`,
      )
    }
      (f32.store ${off} ${L("f")})`;
  // what a pass does to its sums: add the old out, ReLU, gate; `null`: tested at run time
  type Mode = { acc: boolean; relu: boolean; gate: boolean } | null;
  const when = (mode: Mode, flag: "acc" | "relu" | "gate", code: string) =>
    mode === null ? `(if ${L(flag)} (then ${code}))` : mode[flag] ? code : "";
  // finishes one float64 pair in $v at byte offset `off` of row q's output (acc, ReLU, gate)
  const finishPair = (off: string, mode: Mode) =>
    `${when(mode, "acc", set("v", `(f64x2.add ${L("v")} (v128.load ${off}))`))}
      ${when(mode, "relu", set("v", `(v128.and ${L("v")} (f64x2.gt ${L("v")} ${zero}))`))}
      ${
      when(
        mode,
        "gate",
        set(
          "v",
          `(v128.and ${L("v")} (f64x2.ne (v128.load ${
            add(L("gate"), `(i32.sub ${off} ${L("out")})`)
          }) ${zero}))`,
        ),
      )
    }
      (v128.store ${off} ${L("v")})`;
  const kloop = (tag: string, inner: string[]) =>
    `${set("mp", add(L("m"), L("jb")))}
      ${set("xk", i32(0))}
      (block $kDone${tag} (loop $kLoop${tag}
        (br_if $kDone${tag} (i32.ge_u ${L("xk")} ${L("kend")}))
        ${inner.join("\n        ")}
        ${set("mp", add(L("mp"), L("rowM")))}
        ${set("xk", add(L("xk"), L("kstep")))}
        (br $kLoop${tag})))`;
  // finishes one float64 in $d at byte offset `off` of a row's output (acc, ReLU, gate)
  const finishOne = (off: string, mode: Mode) =>
    `${when(mode, "acc", set("d", `(f64.add ${L("d")} (f64.load ${off}))`))}
      ${
      when(
        mode,
        "relu",
        `(if (i32.eqz (f64.gt ${L("d")} (f64.const 0))) (then ${set("d", "(f64.const 0)")}))`,
      )
    }
      ${
      when(
        mode,
        "gate",
        `(if (f64.eq (f64.load ${
          add(L("gate"), `(i32.sub ${off} ${L("out")})`)
        }) (f64.const 0)) (then ${set("d", "(f64.const 0)")}))`,
      )
    }
      (f64.store ${off} ${L("d")})`;
  // R rows × J quads of outputs; `partial`: the last quad has only its first 1–3 columns (the
  // lanes past them read whatever follows in memory and are not stored)
  const block = (R: number, J: number, partial = false): string => {
    const init: string[] = [], inner: string[] = [];
    for (let q = 0; q < R; q++) {
      for (let p = 0; p < J; p++) {
        vlocals.add(`a${q}${p}`);
        init.push(set(
          `a${q}${p}`,
          `(if (result v128) ${L("bias")} (then (v128.load ${
            add(add(L("bias"), L("jb")), i32(16 * p))
          })) (else ${zero}))`,
        ));
      }
    }
    for (let p = 0; p < J; p++) {
      inner.push(set(`w${p}`, `(v128.load ${p ? add(L("mp"), i32(16 * p)) : L("mp")})`));
    }
    for (let q = 0; q < R; q++) {
      inner.push(set("v", `(f32x4.splat ${xval(q)})`));
      for (let p = 0; p < J; p++) {
        inner.push(set(`a${q}${p}`, madd(L("v"), L(`w${p}`), L(`a${q}${p}`))));
      }
    }
    // bytes of float32 columns left from the last quad on
    const left = `(i32.sub ${L("rowN")} ${add(L("jb"), i32(16 * (J - 1)))})`;
    const storesFor = (mode: Mode): string => {
      const stores: string[] = [];
      for (let q = 0; q < R; q++) {
        for (let p = 0; p < J; p++) {
          const a = L(`a${q}${p}`);
          if (out32) {
            const at32 = (lane: number) => add(add(L(`o${q}`), L("ob")), i32(16 * p + 4 * lane));
            if (partial && p === J - 1) {
              // 1–3 columns: one float32 each
              const one = (lane: number) =>
                `${set("f", `(f32x4.extract_lane ${lane} ${a})`)}
        ${finishOne32(at32(lane), mode)}`;
              stores.push(`${one(0)}
      (if (i32.ge_s ${left} (i32.const 8)) (then ${one(1)}))
      (if (i32.eq ${left} (i32.const 12)) (then ${one(2)}))`);
              continue;
            }
            stores.push(finishQuad(a, at32(0), mode));
            continue;
          }
          const at = (h: number) => add(add(L(`o${q}`), L("ob")), i32(32 * p + 16 * h));
          const lo = set("v", `(f64x2.promote_low_f32x4 ${a})`);
          if (partial && p === J - 1) {
            stores.push(`${lo}
      (if (i32.ge_s ${left} (i32.const 8)) (then
        ${finishPair(at(0), mode)})
      (else
        ${set("d", `(f64x2.extract_lane 0 ${L("v")})`)}
        ${finishOne(at(0), mode)}))
      (if (i32.eq ${left} (i32.const 12)) (then
        ${set("d", `(f64.promote_f32 (f32x4.extract_lane 2 ${a}))`)}
        ${finishOne(at(1), mode)}))`);
            continue;
          }
          stores.push(`${lo}
      ${finishPair(at(0), mode)}
      ${
            set(
              "v",
              `(f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 ${a} ${a}))`,
            )
          }
      ${finishPair(at(1), mode)}`);
        }
      }
      return stores.join("\n      ");
    };
    // the passes' flag sets (forward hidden, gradient products, deltas, forward output) get
    // stores without run-time tests; any other set tests its flags per store
    let stores = storesFor(null);
    for (const [code, acc, relu, gate] of MODES) {
      stores = `(if (i32.eq ${L("mode")} ${i32(code)}) (then
      ${storesFor({ acc, relu, gate })})
      (else ${stores}))`;
    }
    return `${init.join("\n      ")}
      ${kloop(`${R}${J}${partial ? "p" : ""}`, inner)}
      ${stores}`;
  };
  const columns = (R: number): string =>
    `${set("jb", i32(0))}
    ${set("ob", i32(0))}
    (block $qDone${R} (loop $qLoop${R}
      (br_if $qDone${R} (i32.gt_s ${add(L("jb"), i32(32))} ${L("rowN")}))
      ${block(R, 2)}
      ${set("jb", add(L("jb"), i32(32)))}
      ${set("ob", add(L("ob"), i32(out32 ? 32 : 64)))}
      (br $qLoop${R})))
    (if (i32.lt_s ${add(L("jb"), i32(16))} ${L("rowN")}) (then
      ${block(R, 2, true)})
    (else (if (i32.eq ${add(L("jb"), i32(16))} ${L("rowN")}) (then
      ${block(R, 1)})
    (else (if (i32.lt_s ${L("jb")} ${L("rowN")}) (then
      ${block(R, 1, true)}))))))`;
  const rowPtrs = (R: number): string => {
    const o: string[] = [];
    for (let q = 0; q < R; q++) {
      ilocals.add(`x${q}`).add(`o${q}`);
      o.push(set(`x${q}`, add(L("x"), mul(add(L("i"), i32(q)), L("rowX")))));
      o.push(set(`o${q}`, add(L("out"), mul(add(L("i"), i32(q)), L("rowO")))));
    }
    return o.join("\n    ");
  };
  const flag = (n: string, bit: number) => `(i32.shl (i32.ne ${L(n)} ${i32(0)}) ${i32(bit)})`;
  const body = `${
    set("mode", `(i32.or (i32.or ${flag("relu", 0)} ${flag("acc", 1)}) ${flag("gate", 2)})`)
  }
  ${set("rowX", shl(L("rstride"), x32 ? 2 : 3))}
  ${set("kstep", shl(L("kstride"), x32 ? 2 : 3))}
  ${set("kend", mul(L("nin"), L("kstep")))}
  ${set("rowM", shl(L("mstride"), 2))}
  ${set("rowO", shl(L("ostride"), out32 ? 2 : 3))}
  ${set("rowN", shl(L("nout"), 2))}
  ${set("i", i32(0))}
  ${
    TALL.map((R) =>
      `(block $iDone${R} (loop $iLoop${R}
    (br_if $iDone${R} (i32.gt_s ${add(L("i"), i32(R))} ${L("B")}))
    ${rowPtrs(R)}
    ${columns(R)}
    ${set("i", add(L("i"), i32(R)))}
    (br $iLoop${R})))`
    ).join("\n  ")
  }`;
  const decl = [
    ...[...ilocals].map((n) => `(local $${n} i32)`),
    "(local $d f64) (local $f f32)",
    ...[...vlocals].map((n) => `(local $${n} v128)`),
  ].join(" ");
  return `(func (export "${name}") (param $x i32) (param $nin i32) (param $m i32) (param $mstride i32) (param $bias i32) (param $out i32) (param $nout i32) (param $ostride i32) (param $B i32) (param $gate i32) (param $relu i32) (param $rstride i32) (param $kstride i32) (param $acc i32)
  ${decl}
  ${body})`;
}

/** A module that uses one relaxed-SIMD instruction: validates only where the runtime has them. */
export const RELAXED_PROBE_WAT = `(module (func (param v128) (result v128)
  (f32x4.relaxed_madd (local.get 0) (local.get 0) (local.get 0))))`;

/**
 * tanh to float32 accuracy as a rational function: tanh(x) ≈ x·P(x²)/Q(x²), P of degree 6 and Q of
 * degree 3 in x², x clamped to ±7.905 (where tanh rounds to ±1 in float32). The coefficients are
 * the minimax fit of Eigen's `ptanh_float`. Evaluated in float64 it stays within 2.7e-7 of tanh
 * and monotone (in float32 arithmetic it steps back by up to 4e-7 near the clamp), which
 * tests/simd_tanh_test.ts checks against Math.tanh on a dense grid.
 */
const TANH_NUMERATOR = [
  4.89352455891786e-3,
  6.37261928875436e-4,
  1.48572235717979e-5,
  5.12229709037114e-8,
  -8.60467152213735e-11,
  2.00018790482477e-13,
  -2.76076847742355e-16,
];
const TANH_DENOMINATOR = [
  4.89352518554385e-3,
  2.26843463243900e-3,
  1.18534705686654e-4,
  1.19825839466702e-6,
];
const TANH_CLAMP = 7.90531110763549805;

/**
 * `tanh32(x, out, n)`: out[i] ≈ tanh(x[i]) for i < n (x and out float64 in memory), the rational
 * form above in float64, two lanes at a time (a last odd one with the same operations, so that a
 * value's result does not depend on its position).
 */
export function tanh32(): string {
  const c = (ty: "f64x2" | "f64", v: number) =>
    ty === "f64x2" ? `(f64x2.splat (f64.const ${v}))` : `(f64.const ${v})`;
  // one polynomial in x², Horner's rule from the highest coefficient
  const horner = (coefs: number[], x2: string, ty: "f64x2" | "f64") => {
    let acc = c(ty, coefs[coefs.length - 1]);
    for (let k = coefs.length - 2; k >= 0; k--) {
      acc = `(${ty}.add (${ty}.mul ${acc} ${x2}) ${c(ty, coefs[k])})`;
    }
    return acc;
  };
  const rational = (ty: "f64x2" | "f64", x: string, x2: string) =>
    `(${ty}.div (${ty}.mul ${horner(TANH_NUMERATOR, x2, ty)} ${x}) ${
      horner(TANH_DENOMINATOR, x2, ty)
    })`;
  const clamp = (ty: "f64x2" | "f64", v: string) =>
    `(${ty}.min (${ty}.max ${v} ${c(ty, -TANH_CLAMP)}) ${c(ty, TANH_CLAMP)})`;
  const UNROLL = 4, pairs = [...Array(UNROLL).keys()];
  return `(func (export "tanh32") (param $x i32) (param $out i32) (param $n i32)
    (local $p i32) (local $o i32) (local $end i32) ${
    pairs.map((u) => `(local $v${u} v128) (local $s${u} v128)`).join(" ")
  } (local $f f64) (local $f2 f64)
    ${set("p", L("x"))}
    ${set("o", L("out"))}
    ${set("end", add(L("x"), shl(L("n"), 3)))}
    ;; ${UNROLL} pairs per turn: independent chains of multiply-adds and divisions overlap
    (block $done (loop $many
      (br_if $done (i32.gt_u ${add(L("p"), i32(16 * UNROLL))} ${L("end")}))
      ${
    pairs.map((u) => set(`v${u}`, clamp("f64x2", `(v128.load offset=${16 * u} ${L("p")})`)))
      .join("\n      ")
  }
      ${pairs.map((u) => set(`s${u}`, `(f64x2.mul ${L(`v${u}`)} ${L(`v${u}`)})`)).join("\n      ")}
      ${
    pairs.map((u) =>
      `(v128.store offset=${16 * u} ${L("o")} ${rational("f64x2", L(`v${u}`), L(`s${u}`))})`
    ).join("\n      ")
  }
      ${set("p", add(L("p"), i32(16 * UNROLL)))}
      ${set("o", add(L("o"), i32(16 * UNROLL)))}
      (br $many)))
    (block $pairsDone (loop $pairs
      (br_if $pairsDone (i32.gt_u ${add(L("p"), i32(16))} ${L("end")}))
      ${set("v0", clamp("f64x2", `(v128.load ${L("p")})`))}
      ${set("s0", `(f64x2.mul ${L("v0")} ${L("v0")})`)}
      (v128.store ${L("o")} ${rational("f64x2", L("v0"), L("s0"))})
      ${set("p", add(L("p"), i32(16)))}
      ${set("o", add(L("o"), i32(16)))}
      (br $pairs)))
    (if (i32.lt_u ${L("p")} ${L("end")}) (then
      ${set("f", clamp("f64", `(f64.load ${L("p")})`))}
      ${set("f2", `(f64.mul ${L("f")} ${L("f")})`)}
      (f64.store ${L("o")} ${rational("f64", L("f"), L("f2"))}))))`;
}
