/**
 * Generates lib/fused/simd.wat (the f64x2 kernels of the fused update path and the f32x4 `rows32`,
 * unrolled), lib/fused/simd_fma.wat (`rows32` with relaxed-SIMD fused multiply-add) and
 * lib/fused/simd_wasm.ts (their bytes as base64, so that importing mod.ts by URL needs no build step).
 * Run `deno task gen:simd` after editing this file; tests/simd_generated_test.ts fails while the
 * committed files differ from what this writes.
 * @module
 */
import wabtInit from "wabt";
import { Buffer } from "node:buffer";
import { RELAXED_PROBE_WAT, rows32, ROWS32_VARIANTS, tanh32 } from "./gen_simd_f32.ts";
import { add, i32, L, mul, set, shl } from "./wat.ts";

const shl3 = (a: string) => shl(a, 3);
const vadd = (a: string, b: string) => `(f64x2.add ${a} ${b})`;
const vmul = (a: string, b: string) => `(f64x2.mul ${a} ${b})`;
const load = (p: string) => `(v128.load ${p})`;
const zero = "(v128.const i64x2 0 0)";

// rows: out[i·ostride + j] = act([out] + bias[j] + Σ_{k<nin} x[i·rstride + k·kstride]·m[k·mstride + j]),
// vectorised over j (pairs of outputs), 6 rows × 4 outputs per pass; the old out is added when
// acc ≠ 0; act: ReLU if relu ≠ 0, then 0 where gate = 0.
function rows(): string {
  const locals = new Set([
    "i",
    "jb",
    "k",
    "rowX",
    "kstep",
    "kend",
    "rowM",
    "rowO",
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
    "g",
  ]);
  const vlocals = new Set(["v", "w0", "w1", "z"]);
  // one block of R rows (pointer locals x0.., o0..) × J v128 column pairs
  const block = (R: number, J: number): string => {
    const acc: string[] = [];
    for (let q = 0; q < R; q++) {
      for (let p = 0; p < J; p++) {
        acc.push(`a${q}${p}`);
        vlocals.add(`a${q}${p}`);
      }
    }
    const init = acc.map((a) => {
      const p = Number(a[2]);
      return set(
        a,
        `(if (result v128) ${L("bias")} (then (v128.load ${
          add(add(L("bias"), L("jb")), i32(16 * p))
        })) (else ${zero}))`,
      );
    });
    const inner: string[] = [];
    for (let p = 0; p < J; p++) {
      inner.push(set(`w${p}`, load(p ? add(L("mp"), i32(16 * p)) : L("mp"))));
    }
    for (let q = 0; q < R; q++) {
      inner.push(set("v", `(f64x2.splat (f64.load ${add(L(`x${q}`), L("xk"))}))`));
      for (let p = 0; p < J; p++) {
        inner.push(set(`a${q}${p}`, vadd(L(`a${q}${p}`), vmul(L("v"), L(`w${p}`)))));
      }
    }
    const stores: string[] = [];
    for (let q = 0; q < R; q++) {
      for (let p = 0; p < J; p++) {
        const off = add(add(L(`o${q}`), L("jb")), i32(16 * p));
        stores.push(`${set("v", L(`a${q}${p}`))}
      (if ${L("acc")} (then ${set("v", vadd(L("v"), `(v128.load ${off})`))}))
      (if ${L("relu")} (then ${set("v", `(v128.and ${L("v")} (f64x2.gt ${L("v")} ${zero}))`)}))
      (if ${L("gate")} (then ${
          set(
            "v",
            `(v128.and ${L("v")} (f64x2.ne (v128.load ${
              add(add(add(L("gate"), `(i32.sub ${L(`o${q}`)} ${L("out")})`), L("jb")), i32(16 * p))
            }) ${zero}))`,
          )
        }))
      (v128.store ${off} ${L("v")})`);
      }
    }
    return `${init.join("\n      ")}
      ${set("mp", add(L("m"), L("jb")))}
      ${set("xk", i32(0))}
      (block $kDone${R}${J} (loop $kLoop${R}${J}
        (br_if $kDone${R}${J} (i32.ge_u ${L("xk")} ${L("kend")}))
        ${inner.join("\n        ")}
        ${set("mp", add(L("mp"), L("rowM")))}
        ${set("xk", add(L("xk"), L("kstep")))}
        (br $kLoop${R}${J})))
      ${stores.join("\n      ")}`;
  };
  // a last single output column j = jb/8 for R rows, scalar
  const single = (R: number): string => {
    const out: string[] = [];
    for (let q = 0; q < R; q++) {
      locals.add(`s${q}`);
      out.push(
        `${
          set(
            `s${q}`,
            `(if (result f64) ${L("bias")} (then (f64.load ${
              add(L("bias"), L("jb"))
            })) (else (f64.const 0)))`,
          )
        }`,
      );
    }
    const inner: string[] = [];
    for (let q = 0; q < R; q++) {
      inner.push(
        set(
          `s${q}`,
          `(f64.add ${L(`s${q}`)} (f64.mul (f64.load ${add(L(`x${q}`), L("xk"))}) (f64.load ${
            L("mp")
          })))`,
        ),
      );
    }
    const stores: string[] = [];
    for (let q = 0; q < R; q++) {
      stores.push(
        `(if ${L("acc")} (then ${
          set(`s${q}`, `(f64.add ${L(`s${q}`)} (f64.load ${add(L(`o${q}`), L("jb"))}))`)
        }))
      (if ${L("relu")} (then (if (i32.eqz (f64.gt ${L(`s${q}`)} (f64.const 0))) (then ${
          set(`s${q}`, "(f64.const 0)")
        }))))
      (if ${L("gate")} (then (if (f64.eq (f64.load ${
          add(add(L("gate"), `(i32.sub ${L(`o${q}`)} ${L("out")})`), L("jb"))
        }) (f64.const 0)) (then ${set(`s${q}`, "(f64.const 0)")}))))
      (f64.store ${add(L(`o${q}`), L("jb"))} ${L(`s${q}`)})`,
      );
    }
    return `${out.join("\n      ")}
      ${set("mp", add(L("m"), L("jb")))}
      ${set("xk", i32(0))}
      (block $sDone${R} (loop $sLoop${R}
        (br_if $sDone${R} (i32.ge_u ${L("xk")} ${L("kend")}))
        ${inner.join("\n        ")}
        ${set("mp", add(L("mp"), L("rowM")))}
        ${set("xk", add(L("xk"), L("kstep")))}
        (br $sLoop${R})))
      ${stores.join("\n      ")}`;
  };
  const columns = (R: number): string =>
    `${set("jb", i32(0))}
    (block $qDone${R} (loop $qLoop${R}
      (br_if $qDone${R} (i32.gt_s ${add(L("jb"), i32(32))} ${L("rowN")}))
      ${block(R, 2)}
      ${set("jb", add(L("jb"), i32(32)))}
      (br $qLoop${R})))
    (if (i32.le_s ${add(L("jb"), i32(16))} ${L("rowN")}) (then
      ${block(R, 1)}
      ${set("jb", add(L("jb"), i32(16)))}))
    (if (i32.lt_s ${L("jb")} ${L("rowN")}) (then
      ${single(R)}))`;
  locals.add("rowN");
  const rowPtrs = (R: number): string => {
    const o: string[] = [];
    for (let q = 0; q < R; q++) {
      locals.add(`x${q}`).add(`o${q}`);
      o.push(set(`x${q}`, add(L("x"), mul(add(L("i"), i32(q)), L("rowX")))));
      o.push(set(`o${q}`, add(L("out"), mul(add(L("i"), i32(q)), L("rowO")))));
    }
    return o.join("\n    ");
  };
  const body = `${set("rowX", shl3(L("rstride")))}
  ${set("kstep", shl3(L("kstride")))}
  ${set("kend", mul(L("nin"), L("kstep")))}
  ${set("rowM", shl3(L("mstride")))}
  ${set("rowO", shl3(L("ostride")))}
  ${set("rowN", shl3(L("nout")))}
  ${set("i", i32(0))}
  ${
    // rows per pass, tallest first: 6 rows × 4 outputs keep 12 accumulators, 2 weight pairs and
    // a broadcast in the 16 vector registers of x64; each output's sum runs in the same order
    [6, 4, 1].map((R) =>
      `(block $iDone${R} (loop $iLoop${R}
    (br_if $iDone${R} (i32.gt_s ${add(L("i"), i32(R))} ${L("B")}))
    ${rowPtrs(R)}
    ${columns(R)}
    ${set("i", add(L("i"), i32(R)))}
    (br $iLoop${R})))`
    ).join("\n  ")}`;
  const decl =
    [...locals].map((n) => n.startsWith("s") ? `(local $${n} f64)` : `(local $${n} i32)`).join(
      " ",
    ) + " " +
    [...vlocals].map((n) => `(local $${n} v128)`).join(" ");
  return `(func (export "rows") (param $x i32) (param $nin i32) (param $m i32) (param $mstride i32) (param $bias i32) (param $out i32) (param $nout i32) (param $ostride i32) (param $B i32) (param $gate i32) (param $relu i32) (param $rstride i32) (param $kstride i32) (param $acc i32)
  ${decl}
  ${body})`;
}

const WAT =
  `;; f64x2 SIMD kernels of the fused update path (lib/fused/kernels.ts), and rows32, the f32x4 form
;; of rows (tools/gen_simd_f32.ts): byte pointers into the shared memory that lib/fused/simd.ts
;; allocates workspaces from. Generated (unrolled) by tools/gen_simd.ts (\`deno task gen:simd\`),
;; which also writes lib/fused/simd_fma.wat and lib/fused/simd_wasm.ts.
(module
  (import "env" "memory" (memory 1 16384 shared))
  ${rows()}
  ${ROWS32_VARIANTS.map((v) => rows32(false, v)).join("\n  ")}
  ;; out[i] = tanh(x[i]) in float32 (tools/gen_simd_f32.ts)
  ${tanh32()}
  ;; Adam on float32 parameters w, moments m, v along scale·g (g float64), n of them, in float64
  ;; arithmetic in the order lib/fused/optimizer.ts writes it (each result rounded to float32 once,
  ;; when stored): m' = m·β₁ + ĝ·(1 − β₁), v' = v·β₂ + ĝ·ĝ·(1 − β₂), w −= m'·a / (√(v'/c₂) + ε)
  (func (export "adam") (param $w i32) (param $m i32) (param $v i32) (param $g i32) (param $n i32)
    (param $scale f64) (param $beta1 f64) (param $beta2 f64) (param $b1 f64) (param $b2 f64)
    (param $a f64) (param $c2 f64) (param $eps f64)
    (local $end i32) (local $gj v128) (local $mj v128) (local $vj v128) (local $x f64) (local $y f64) (local $z f64)
    (local.set $end (i32.add (local.get $w) (i32.shl (local.get $n) (i32.const 2))))
    (block $done (loop $pairs
      (br_if $done (i32.gt_u (i32.add (local.get $w) (i32.const 8)) (local.get $end)))
      (local.set $gj (f64x2.mul (v128.load (local.get $g)) (f64x2.splat (local.get $scale))))
      (local.set $mj (f64x2.add
        (f64x2.mul (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $m))) (f64x2.splat (local.get $beta1)))
        (f64x2.mul (local.get $gj) (f64x2.splat (local.get $b1)))))
      (local.set $vj (f64x2.add
        (f64x2.mul (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $v))) (f64x2.splat (local.get $beta2)))
        (f64x2.mul (f64x2.mul (local.get $gj) (local.get $gj)) (f64x2.splat (local.get $b2)))))
      (v128.store64_lane 0 (local.get $m) (f32x4.demote_f64x2_zero (local.get $mj)))
      (v128.store64_lane 0 (local.get $v) (f32x4.demote_f64x2_zero (local.get $vj)))
      (v128.store64_lane 0 (local.get $w) (f32x4.demote_f64x2_zero (f64x2.sub
        (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $w)))
        (f64x2.div (f64x2.mul (local.get $mj) (f64x2.splat (local.get $a)))
          (f64x2.add (f64x2.sqrt (f64x2.div (local.get $vj) (f64x2.splat (local.get $c2))))
            (f64x2.splat (local.get $eps)))))))
      (local.set $w (i32.add (local.get $w) (i32.const 8)))
      (local.set $m (i32.add (local.get $m) (i32.const 8)))
      (local.set $v (i32.add (local.get $v) (i32.const 8)))
      (local.set $g (i32.add (local.get $g) (i32.const 16)))
      (br $pairs)))
    (if (i32.lt_u (local.get $w) (local.get $end)) (then
      (local.set $x (f64.mul (f64.load (local.get $g)) (local.get $scale)))
      (local.set $y (f64.add (f64.mul (f64.promote_f32 (f32.load (local.get $m))) (local.get $beta1))
        (f64.mul (local.get $x) (local.get $b1))))
      (local.set $z (f64.add (f64.mul (f64.promote_f32 (f32.load (local.get $v))) (local.get $beta2))
        (f64.mul (f64.mul (local.get $x) (local.get $x)) (local.get $b2))))
      (f32.store (local.get $m) (f32.demote_f64 (local.get $y)))
      (f32.store (local.get $v) (f32.demote_f64 (local.get $z)))
      (f32.store (local.get $w) (f32.demote_f64 (f64.sub (f64.promote_f32 (f32.load (local.get $w)))
        (f64.div (f64.mul (local.get $y) (local.get $a))
          (f64.add (f64.sqrt (f64.div (local.get $z) (local.get $c2))) (local.get $eps)))))))))
  ;; t = t·keep + s·tau over n float32 values, in float64, rounded once (polyak averaging)
  (func (export "blend") (param $t i32) (param $s i32) (param $n i32) (param $keep f64) (param $tau f64)
    (local $end i32)
    (local.set $end (i32.add (local.get $t) (i32.shl (local.get $n) (i32.const 2))))
    (block $done (loop $pairs
      (br_if $done (i32.gt_u (i32.add (local.get $t) (i32.const 8)) (local.get $end)))
      (v128.store64_lane 0 (local.get $t) (f32x4.demote_f64x2_zero (f64x2.add
        (f64x2.mul (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $t))) (f64x2.splat (local.get $keep)))
        (f64x2.mul (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $s))) (f64x2.splat (local.get $tau))))))
      (local.set $t (i32.add (local.get $t) (i32.const 8)))
      (local.set $s (i32.add (local.get $s) (i32.const 8)))
      (br $pairs)))
    (if (i32.lt_u (local.get $t) (local.get $end)) (then
      (f32.store (local.get $t) (f32.demote_f64 (f64.add
        (f64.mul (f64.promote_f32 (f32.load (local.get $t))) (local.get $keep))
        (f64.mul (f64.promote_f32 (f32.load (local.get $s))) (local.get $tau))))))))
    ;; dst[i·dstride + k] = src[i·sstride + k] widened to float64 for k < width, i < rows (src float32,
  ;; strides in elements): a member's minibatch rows into a pass's input, two at a time
  (func (export "widen") (param $src i32) (param $sstride i32) (param $dst i32) (param $dstride i32) (param $width i32) (param $rows i32)
    (local $i i32) (local $s i32) (local $d i32) (local $end i32)
    (local.set $i (i32.const 0))
    (block $iDone (loop $iLoop
      (br_if $iDone (i32.ge_s (local.get $i) (local.get $rows)))
      (local.set $s (i32.add (local.get $src) (i32.shl (i32.mul (local.get $i) (local.get $sstride)) (i32.const 2))))
      (local.set $d (i32.add (local.get $dst) (i32.shl (i32.mul (local.get $i) (local.get $dstride)) (i32.const 3))))
      (local.set $end (i32.add (local.get $s) (i32.shl (local.get $width) (i32.const 2))))
      (block $kDone (loop $kLoop
        (br_if $kDone (i32.gt_u (i32.add (local.get $s) (i32.const 8)) (local.get $end)))
        (v128.store (local.get $d) (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $s))))
        (local.set $s (i32.add (local.get $s) (i32.const 8)))
        (local.set $d (i32.add (local.get $d) (i32.const 16)))
        (br $kLoop)))
      (if (i32.lt_u (local.get $s) (local.get $end)) (then
        (f64.store (local.get $d) (f64.promote_f32 (f32.load (local.get $s))))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $iLoop))))
  ;; d[j] += Σ_{i<m} r[i·n + j]·r[i·n + j − lag] for lag ≤ j < n (lagged products of rows)
  (func (export "lag") (param $r i32) (param $n i32) (param $m i32) (param $lag i32) (param $d i32)
    (local $i i32) (local $p i32) (local $q i32) (local $dp i32) (local $end i32) (local $row i32)
    (local.set $i (i32.const 0))
    (block $iDone (loop $iLoop
      (br_if $iDone (i32.ge_s (local.get $i) (local.get $m)))
      (local.set $row (i32.add (local.get $r) (i32.shl (i32.mul (local.get $i) (local.get $n)) (i32.const 3))))
      (local.set $end (i32.add (local.get $row) (i32.shl (local.get $n) (i32.const 3))))
      (local.set $p (i32.add (local.get $row) (i32.shl (local.get $lag) (i32.const 3))))
      (local.set $q (local.get $row))
      (local.set $dp (i32.add (local.get $d) (i32.shl (local.get $lag) (i32.const 3))))
      (block $jDone (loop $jLoop
        (br_if $jDone (i32.gt_u (i32.add (local.get $p) (i32.const 16)) (local.get $end)))
        (v128.store (local.get $dp) (f64x2.add (v128.load (local.get $dp))
          (f64x2.mul (v128.load (local.get $p)) (v128.load (local.get $q)))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (local.set $q (i32.add (local.get $q) (i32.const 16)))
        (local.set $dp (i32.add (local.get $dp) (i32.const 16)))
        (br $jLoop)))
      (if (i32.lt_u (local.get $p) (local.get $end)) (then
        (f64.store (local.get $dp) (f64.add (f64.load (local.get $dp))
          (f64.mul (f64.load (local.get $p)) (f64.load (local.get $q)))))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $iLoop))))
  ;; out[i] = Σ_{k<n} x[i·n + k]·v[k] for i < m
  (func (export "dots") (param $x i32) (param $n i32) (param $v i32) (param $out i32) (param $m i32)
    (local $i i32) (local $p i32) (local $q i32) (local $end i32) (local $a v128) (local $b v128) (local $s f64)
    (local.set $i (i32.const 0))
    (block $iDone (loop $iLoop
      (br_if $iDone (i32.ge_s (local.get $i) (local.get $m)))
      (local.set $p (i32.add (local.get $x) (i32.shl (i32.mul (local.get $i) (local.get $n)) (i32.const 3))))
      (local.set $end (i32.add (local.get $p) (i32.shl (local.get $n) (i32.const 3))))
      (local.set $q (local.get $v))
      (local.set $a (v128.const i64x2 0 0))
      (local.set $b (v128.const i64x2 0 0))
      (block $kDone (loop $kLoop
        (br_if $kDone (i32.gt_u (i32.add (local.get $p) (i32.const 32)) (local.get $end)))
        (local.set $a (f64x2.add (local.get $a) (f64x2.mul (v128.load (local.get $p)) (v128.load (local.get $q)))))
        (local.set $b (f64x2.add (local.get $b) (f64x2.mul (v128.load offset=16 (local.get $p)) (v128.load offset=16 (local.get $q)))))
        (local.set $p (i32.add (local.get $p) (i32.const 32)))
        (local.set $q (i32.add (local.get $q) (i32.const 32)))
        (br $kLoop)))
      (local.set $a (f64x2.add (local.get $a) (local.get $b)))
      (local.set $s (f64.add (f64x2.extract_lane 0 (local.get $a)) (f64x2.extract_lane 1 (local.get $a))))
      (block $tDone (loop $tLoop
        (br_if $tDone (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $s (f64.add (local.get $s) (f64.mul (f64.load (local.get $p)) (f64.load (local.get $q)))))
        (local.set $p (i32.add (local.get $p) (i32.const 8)))
        (local.set $q (i32.add (local.get $q) (i32.const 8)))
        (br $tLoop)))
      (f64.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 3))) (local.get $s))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $iLoop))))
)
`;

const FMA_WAT =
  `;; rows32 with relaxed-SIMD fused multiply-add (tools/gen_simd_f32.ts), on the same shared memory
;; as lib/fused/simd.wat; lib/fused/simd.ts loads it only where the runtime validates relaxed SIMD.
;; Generated by tools/gen_simd.ts (\`deno task gen:simd\`).
(module
  (import "env" "memory" (memory 1 16384 shared))
  ${ROWS32_VARIANTS.map((v) => rows32(true, v)).join("\n  ")}
)
`;

/** The generated files' text: simd.wat, simd_fma.wat and simd_wasm.ts, exactly as committed. */
export async function generateSimd(): Promise<
  { wat: string; fmaWat: string; wasmTs: string; bytes: number }
> {
  const wabt = await wabtInit();
  const features = { simd: true, threads: true, relaxed_simd: true };
  const binary = (name: string, text: string) => {
    const mod = wabt.parseWat(name, text, features);
    const { buffer } = mod.toBinary({});
    mod.destroy();
    return buffer;
  };
  const main = binary("simd.wat", WAT), fma = binary("simd_fma.wat", FMA_WAT);
  const probe = binary("probe.wat", RELAXED_PROBE_WAT);
  const lines = (bytes: Uint8Array) =>
    (Buffer.from(bytes).toString("base64").match(/.{1,96}/g) ?? []).map((l) => `  "${l}",`)
      .join("\n");
  const wasmTs = `/**
 * The bytes of lib/fused/simd.wat (f64x2 SIMD kernels and the f32x4 rows32) and of
 * lib/fused/simd_fma.wat (rows32 with relaxed-SIMD fused multiply-add), base64, so that importing
 * mod.ts by URL needs no build step and no file access; and a one-instruction relaxed-SIMD module
 * whose validation tells whether the second can load. Generated by tools/gen_simd.ts.
 * @module
 */
export const SIMD_WASM_BASE64: string = [
${lines(main)}
].join("");

/** rows32 with relaxed-SIMD fused multiply-add (lib/fused/simd_fma.wat). */
export const SIMD_FMA_WASM_BASE64: string = [
${lines(fma)}
].join("");

/** A module using one relaxed-SIMD instruction, for \`WebAssembly.validate\`. */
export const RELAXED_PROBE_BASE64: string = [
${lines(probe)}
].join("");
`;
  return { wat: WAT, fmaWat: FMA_WAT, wasmTs, bytes: main.length + fma.length };
}

if (import.meta.main) {
  const dir = Deno.args[0] ?? new URL("../lib/fused/", import.meta.url).pathname;
  const { wat, fmaWat, wasmTs, bytes } = await generateSimd();
  for (
    const [name, text] of [["simd.wat", wat], ["simd_fma.wat", fmaWat], [
      "simd_wasm.ts",
      wasmTs,
    ]]
  ) {
    const path = `${dir.replace(/\/$/, "")}/${name}`;
    await Deno.writeTextFile(`${path}.tmp`, text);
    await Deno.rename(`${path}.tmp`, path);
  }
  console.log(
    `wrote ${dir}: simd.wat, simd_fma.wat and simd_wasm.ts (${bytes} bytes of WebAssembly)`,
  );
}
