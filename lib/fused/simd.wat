;; f64x2 SIMD kernels of the fused update path (lib/fused/kernels.ts), and rows32, the f32x4 form
;; of rows (tools/gen_simd_f32.ts): byte pointers into the shared memory that lib/fused/simd.ts
;; allocates workspaces from. Generated (unrolled) by tools/gen_simd.ts (`deno task gen:simd`),
;; which also writes lib/fused/simd_fma.wat and lib/fused/simd_wasm.ts.
(module
  (import "env" "memory" (memory 1 16384 shared))
  (func (export "rows") (param $x i32) (param $nin i32) (param $m i32) (param $mstride i32) (param $bias i32) (param $out i32) (param $nout i32) (param $ostride i32) (param $B i32) (param $gate i32) (param $relu i32) (param $rstride i32) (param $kstride i32) (param $acc i32)
  (local $i i32) (local $jb i32) (local $k i32) (local $rowX i32) (local $kstep i32) (local $kend i32) (local $rowM i32) (local $rowO i32) (local $xk i32) (local $mp i32) (local $o0 i32) (local $o1 i32) (local $o2 i32) (local $o3 i32) (local $x0 i32) (local $x1 i32) (local $x2 i32) (local $x3 i32) (local $g i32) (local $rowN i32) (local $x4 i32) (local $o4 i32) (local $x5 i32) (local $o5 i32) (local $s0 f64) (local $s1 f64) (local $s2 f64) (local $s3 f64) (local $s4 f64) (local $s5 f64) (local $v v128) (local $w0 v128) (local $w1 v128) (local $z v128) (local $a00 v128) (local $a01 v128) (local $a10 v128) (local $a11 v128) (local $a20 v128) (local $a21 v128) (local $a30 v128) (local $a31 v128) (local $a40 v128) (local $a41 v128) (local $a50 v128) (local $a51 v128)
  (local.set $rowX (i32.shl (local.get $rstride) (i32.const 3)))
  (local.set $kstep (i32.shl (local.get $kstride) (i32.const 3)))
  (local.set $kend (i32.mul (local.get $nin) (local.get $kstep)))
  (local.set $rowM (i32.shl (local.get $mstride) (i32.const 3)))
  (local.set $rowO (i32.shl (local.get $ostride) (i32.const 3)))
  (local.set $rowN (i32.shl (local.get $nout) (i32.const 3)))
  (local.set $i (i32.const 0))
  (block $iDone6 (loop $iLoop6
    (br_if $iDone6 (i32.gt_s (i32.add (local.get $i) (i32.const 6)) (local.get $B)))
    (local.set $x0 (i32.add (local.get $x) (i32.mul (i32.add (local.get $i) (i32.const 0)) (local.get $rowX))))
    (local.set $o0 (i32.add (local.get $out) (i32.mul (i32.add (local.get $i) (i32.const 0)) (local.get $rowO))))
    (local.set $x1 (i32.add (local.get $x) (i32.mul (i32.add (local.get $i) (i32.const 1)) (local.get $rowX))))
    (local.set $o1 (i32.add (local.get $out) (i32.mul (i32.add (local.get $i) (i32.const 1)) (local.get $rowO))))
    (local.set $x2 (i32.add (local.get $x) (i32.mul (i32.add (local.get $i) (i32.const 2)) (local.get $rowX))))
    (local.set $o2 (i32.add (local.get $out) (i32.mul (i32.add (local.get $i) (i32.const 2)) (local.get $rowO))))
    (local.set $x3 (i32.add (local.get $x) (i32.mul (i32.add (local.get $i) (i32.const 3)) (local.get $rowX))))
    (local.set $o3 (i32.add (local.get $out) (i32.mul (i32.add (local.get $i) (i32.const 3)) (local.get $rowO))))
    (local.set $x4 (i32.add (local.get $x) (i32.mul (i32.add (local.get $i) (i32.const 4)) (local.get $rowX))))
    (local.set $o4 (i32.add (local.get $out) (i32.mul (i32.add (local.get $i) (i32.const 4)) (local.get $rowO))))
    (local.set $x5 (i32.add (local.get $x) (i32.mul (i32.add (local.get $i) (i32.const 5)) (local.get $rowX))))
    (local.set $o5 (i32.add (local.get $out) (i32.mul (i32.add (local.get $i) (i32.const 5)) (local.get $rowO))))
    (local.set $jb (i32.const 0))
    (block $qDone6 (loop $qLoop6
      (br_if $qDone6 (i32.gt_s (i32.add (local.get $jb) (i32.const 32)) (local.get $rowN)))
      (local.set $a00 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a01 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 16)))) (else (v128.const i64x2 0 0))))
      (local.set $a10 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a11 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 16)))) (else (v128.const i64x2 0 0))))
      (local.set $a20 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a21 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 16)))) (else (v128.const i64x2 0 0))))
      (local.set $a30 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a31 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 16)))) (else (v128.const i64x2 0 0))))
      (local.set $a40 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a41 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 16)))) (else (v128.const i64x2 0 0))))
      (local.set $a50 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a51 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 16)))) (else (v128.const i64x2 0 0))))
      (local.set $mp (i32.add (local.get $m) (local.get $jb)))
      (local.set $xk (i32.const 0))
      (block $kDone62 (loop $kLoop62
        (br_if $kDone62 (i32.ge_u (local.get $xk) (local.get $kend)))
        (local.set $w0 (v128.load (local.get $mp)))
        (local.set $w1 (v128.load (i32.add (local.get $mp) (i32.const 16))))
        (local.set $v (f64x2.splat (f64.load (i32.add (local.get $x0) (local.get $xk)))))
        (local.set $a00 (f64x2.add (local.get $a00) (f64x2.mul (local.get $v) (local.get $w0))))
        (local.set $a01 (f64x2.add (local.get $a01) (f64x2.mul (local.get $v) (local.get $w1))))
        (local.set $v (f64x2.splat (f64.load (i32.add (local.get $x1) (local.get $xk)))))
        (local.set $a10 (f64x2.add (local.get $a10) (f64x2.mul (local.get $v) (local.get $w0))))
        (local.set $a11 (f64x2.add (local.get $a11) (f64x2.mul (local.get $v) (local.get $w1))))
        (local.set $v (f64x2.splat (f64.load (i32.add (local.get $x2) (local.get $xk)))))
        (local.set $a20 (f64x2.add (local.get $a20) (f64x2.mul (local.get $v) (local.get $w0))))
        (local.set $a21 (f64x2.add (local.get $a21) (f64x2.mul (local.get $v) (local.get $w1))))
        (local.set $v (f64x2.splat (f64.load (i32.add (local.get $x3) (local.get $xk)))))
        (local.set $a30 (f64x2.add (local.get $a30) (f64x2.mul (local.get $v) (local.get $w0))))
        (local.set $a31 (f64x2.add (local.get $a31) (f64x2.mul (local.get $v) (local.get $w1))))
        (local.set $v (f64x2.splat (f64.load (i32.add (local.get $x4) (local.get $xk)))))
        (local.set $a40 (f64x2.add (local.get $a40) (f64x2.mul (local.get $v) (local.get $w0))))
        (local.set $a41 (f64x2.add (local.get $a41) (f64x2.mul (local.get $v) (local.get $w1))))
        (local.set $v (f64x2.splat (f64.load (i32.add (local.get $x5) (local.get $xk)))))
        (local.set $a50 (f64x2.add (local.get $a50) (f64x2.mul (local.get $v) (local.get $w0))))
        (local.set $a51 (f64x2.add (local.get $a51) (f64x2.mul (local.get $v) (local.get $w1))))
        (local.set $mp (i32.add (local.get $mp) (local.get $rowM)))
        (local.set $xk (i32.add (local.get $xk) (local.get $kstep)))
        (br $kLoop62)))
      (local.set $v (local.get $a00))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $jb)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (i32.add (i32.add (local.get $gate) (i32.sub (local.get $o0) (local.get $out))) (local.get $jb)) (i32.const 0))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $jb)) (i32.const 0)) (local.get $v))
      (local.set $v (local.get $a01))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $jb)) (i32.const 16)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (i32.add (i32.add (local.get $gate) (i32.sub (local.get $o0) (local.get $out))) (local.get $jb)) (i32.const 16))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $jb)) (i32.const 16)) (local.get $v))
      (local.set $v (local.get $a10))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o1) (local.get $jb)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (i32.add (i32.add (local.get $gate) (i32.sub (local.get $o1) (local.get $out))) (local.get $jb)) (i32.const 0))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $jb)) (i32.const 0)) (local.get $v))
      (local.set $v (local.get $a11))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o1) (local.get $jb)) (i32.const 16)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (i32.add (i32.add (local.get $gate) (i32.sub (local.get $o1) (local.get $out))) (local.get $jb)) (i32.const 16))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $jb)) (i32.const 16)) (local.get $v))
      (local.set $v (local.get $a20))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o2) (local.get $jb)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (i32.add (i32.add (local.get $gate) (i32.sub (local.get $o2) (local.get $out))) (local.get $jb)) (i32.const 0))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $jb)) (i32.const 0)) (local.get $v))
      (local.set $v (local.get $a21))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o2) (local.get $jb)) (i32.const 16)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (i32.add (i32.add (local.get $gate) (i32.sub (local.get $o2) (local.get $out))) (local.get $jb)) (i32.const 16))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $jb)) (i32.const 16)) (local.get $v))
      (local.set $v (local.get $a30))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o3) (local.get $jb)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (i32.add (i32.add (local.get $gate) (i32.sub (local.get $o3) (local.get $out))) (local.get $jb)) (i32.const 0))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $jb)) (i32.const 0)) (local.get $v))
      (local.set $v (local.get $a31))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o3) (local.get $jb)) (i32.const 16)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (i32.add (i32.add (local.get $gate) (i32.sub (local.get $o3) (local.get $out))) (local.get $jb)) (i32.const 16))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $jb)) (i32.const 16)) (local.get $v))
      (local.set $v (local.get $a40))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o4) (local.get $jb)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (i32.add (i32.add (local.get $gate) (i32.sub (local.get $o4) (local.get $out))) (local.get $jb)) (i32.const 0))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $jb)) (i32.const 0)) (local.get $v))
      (local.set $v (local.get $a41))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o4) (local.get $jb)) (i32.const 16)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (i32.add (i32.add (local.get $gate) (i32.sub (local.get $o4) (local.get $out))) (local.get $jb)) (i32.const 16))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $jb)) (i32.const 16)) (local.get $v))
      (local.set $v (local.get $a50))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o5) (local.get $jb)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (i32.add (i32.add (local.get $gate) (i32.sub (local.get $o5) (local.get $out))) (local.get $jb)) (i32.const 0))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $jb)) (i32.const 0)) (local.get $v))
      (local.set $v (local.get $a51))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o5) (local.get $jb)) (i32.const 16)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (i32.add (i32.add (local.get $gate) (i32.sub (local.get $o5) (local.get $out))) (local.get $jb)) (i32.const 16))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $jb)) (i32.const 16)) (local.get $v))
      (local.set $jb (i32.add (local.get $jb) (i32.const 32)))
      (br $qLoop6)))
    (if (i32.le_s (i32.add (local.get $jb) (i32.const 16)) (local.get $rowN)) (then
      (local.set $a00 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a10 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a20 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a30 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a40 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a50 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $mp (i32.add (local.get $m) (local.get $jb)))
      (local.set $xk (i32.const 0))
      (block $kDone61 (loop $kLoop61
        (br_if $kDone61 (i32.ge_u (local.get $xk) (local.get $kend)))
        (local.set $w0 (v128.load (local.get $mp)))
        (local.set $v (f64x2.splat (f64.load (i32.add (local.get $x0) (local.get $xk)))))
        (local.set $a00 (f64x2.add (local.get $a00) (f64x2.mul (local.get $v) (local.get $w0))))
        (local.set $v (f64x2.splat (f64.load (i32.add (local.get $x1) (local.get $xk)))))
        (local.set $a10 (f64x2.add (local.get $a10) (f64x2.mul (local.get $v) (local.get $w0))))
        (local.set $v (f64x2.splat (f64.load (i32.add (local.get $x2) (local.get $xk)))))
        (local.set $a20 (f64x2.add (local.get $a20) (f64x2.mul (local.get $v) (local.get $w0))))
        (local.set $v (f64x2.splat (f64.load (i32.add (local.get $x3) (local.get $xk)))))
        (local.set $a30 (f64x2.add (local.get $a30) (f64x2.mul (local.get $v) (local.get $w0))))
        (local.set $v (f64x2.splat (f64.load (i32.add (local.get $x4) (local.get $xk)))))
        (local.set $a40 (f64x2.add (local.get $a40) (f64x2.mul (local.get $v) (local.get $w0))))
        (local.set $v (f64x2.splat (f64.load (i32.add (local.get $x5) (local.get $xk)))))
        (local.set $a50 (f64x2.add (local.get $a50) (f64x2.mul (local.get $v) (local.get $w0))))
        (local.set $mp (i32.add (local.get $mp) (local.get $rowM)))
        (local.set $xk (i32.add (local.get $xk) (local.get $kstep)))
        (br $kLoop61)))
      (local.set $v (local.get $a00))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $jb)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (i32.add (i32.add (local.get $gate) (i32.sub (local.get $o0) (local.get $out))) (local.get $jb)) (i32.const 0))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $jb)) (i32.const 0)) (local.get $v))
      (local.set $v (local.get $a10))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o1) (local.get $jb)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (i32.add (i32.add (local.get $gate) (i32.sub (local.get $o1) (local.get $out))) (local.get $jb)) (i32.const 0))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $jb)) (i32.const 0)) (local.get $v))
      (local.set $v (local.get $a20))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o2) (local.get $jb)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (i32.add (i32.add (local.get $gate) (i32.sub (local.get $o2) (local.get $out))) (local.get $jb)) (i32.const 0))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $jb)) (i32.const 0)) (local.get $v))
      (local.set $v (local.get $a30))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o3) (local.get $jb)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (i32.add (i32.add (local.get $gate) (i32.sub (local.get $o3) (local.get $out))) (local.get $jb)) (i32.const 0))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $jb)) (i32.const 0)) (local.get $v))
      (local.set $v (local.get $a40))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o4) (local.get $jb)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (i32.add (i32.add (local.get $gate) (i32.sub (local.get $o4) (local.get $out))) (local.get $jb)) (i32.const 0))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $jb)) (i32.const 0)) (local.get $v))
      (local.set $v (local.get $a50))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o5) (local.get $jb)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (i32.add (i32.add (local.get $gate) (i32.sub (local.get $o5) (local.get $out))) (local.get $jb)) (i32.const 0))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $jb)) (i32.const 0)) (local.get $v))
      (local.set $jb (i32.add (local.get $jb) (i32.const 16)))))
    (if (i32.lt_s (local.get $jb) (local.get $rowN)) (then
      (local.set $s0 (if (result f64) (local.get $bias) (then (f64.load (i32.add (local.get $bias) (local.get $jb)))) (else (f64.const 0))))
      (local.set $s1 (if (result f64) (local.get $bias) (then (f64.load (i32.add (local.get $bias) (local.get $jb)))) (else (f64.const 0))))
      (local.set $s2 (if (result f64) (local.get $bias) (then (f64.load (i32.add (local.get $bias) (local.get $jb)))) (else (f64.const 0))))
      (local.set $s3 (if (result f64) (local.get $bias) (then (f64.load (i32.add (local.get $bias) (local.get $jb)))) (else (f64.const 0))))
      (local.set $s4 (if (result f64) (local.get $bias) (then (f64.load (i32.add (local.get $bias) (local.get $jb)))) (else (f64.const 0))))
      (local.set $s5 (if (result f64) (local.get $bias) (then (f64.load (i32.add (local.get $bias) (local.get $jb)))) (else (f64.const 0))))
      (local.set $mp (i32.add (local.get $m) (local.get $jb)))
      (local.set $xk (i32.const 0))
      (block $sDone6 (loop $sLoop6
        (br_if $sDone6 (i32.ge_u (local.get $xk) (local.get $kend)))
        (local.set $s0 (f64.add (local.get $s0) (f64.mul (f64.load (i32.add (local.get $x0) (local.get $xk))) (f64.load (local.get $mp)))))
        (local.set $s1 (f64.add (local.get $s1) (f64.mul (f64.load (i32.add (local.get $x1) (local.get $xk))) (f64.load (local.get $mp)))))
        (local.set $s2 (f64.add (local.get $s2) (f64.mul (f64.load (i32.add (local.get $x2) (local.get $xk))) (f64.load (local.get $mp)))))
        (local.set $s3 (f64.add (local.get $s3) (f64.mul (f64.load (i32.add (local.get $x3) (local.get $xk))) (f64.load (local.get $mp)))))
        (local.set $s4 (f64.add (local.get $s4) (f64.mul (f64.load (i32.add (local.get $x4) (local.get $xk))) (f64.load (local.get $mp)))))
        (local.set $s5 (f64.add (local.get $s5) (f64.mul (f64.load (i32.add (local.get $x5) (local.get $xk))) (f64.load (local.get $mp)))))
        (local.set $mp (i32.add (local.get $mp) (local.get $rowM)))
        (local.set $xk (i32.add (local.get $xk) (local.get $kstep)))
        (br $sLoop6)))
      (if (local.get $acc) (then (local.set $s0 (f64.add (local.get $s0) (f64.load (i32.add (local.get $o0) (local.get $jb)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $s0) (f64.const 0))) (then (local.set $s0 (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (i32.add (local.get $gate) (i32.sub (local.get $o0) (local.get $out))) (local.get $jb))) (f64.const 0)) (then (local.set $s0 (f64.const 0))))))
      (f64.store (i32.add (local.get $o0) (local.get $jb)) (local.get $s0))
      (if (local.get $acc) (then (local.set $s1 (f64.add (local.get $s1) (f64.load (i32.add (local.get $o1) (local.get $jb)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $s1) (f64.const 0))) (then (local.set $s1 (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (i32.add (local.get $gate) (i32.sub (local.get $o1) (local.get $out))) (local.get $jb))) (f64.const 0)) (then (local.set $s1 (f64.const 0))))))
      (f64.store (i32.add (local.get $o1) (local.get $jb)) (local.get $s1))
      (if (local.get $acc) (then (local.set $s2 (f64.add (local.get $s2) (f64.load (i32.add (local.get $o2) (local.get $jb)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $s2) (f64.const 0))) (then (local.set $s2 (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (i32.add (local.get $gate) (i32.sub (local.get $o2) (local.get $out))) (local.get $jb))) (f64.const 0)) (then (local.set $s2 (f64.const 0))))))
      (f64.store (i32.add (local.get $o2) (local.get $jb)) (local.get $s2))
      (if (local.get $acc) (then (local.set $s3 (f64.add (local.get $s3) (f64.load (i32.add (local.get $o3) (local.get $jb)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $s3) (f64.const 0))) (then (local.set $s3 (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (i32.add (local.get $gate) (i32.sub (local.get $o3) (local.get $out))) (local.get $jb))) (f64.const 0)) (then (local.set $s3 (f64.const 0))))))
      (f64.store (i32.add (local.get $o3) (local.get $jb)) (local.get $s3))
      (if (local.get $acc) (then (local.set $s4 (f64.add (local.get $s4) (f64.load (i32.add (local.get $o4) (local.get $jb)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $s4) (f64.const 0))) (then (local.set $s4 (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (i32.add (local.get $gate) (i32.sub (local.get $o4) (local.get $out))) (local.get $jb))) (f64.const 0)) (then (local.set $s4 (f64.const 0))))))
      (f64.store (i32.add (local.get $o4) (local.get $jb)) (local.get $s4))
      (if (local.get $acc) (then (local.set $s5 (f64.add (local.get $s5) (f64.load (i32.add (local.get $o5) (local.get $jb)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $s5) (f64.const 0))) (then (local.set $s5 (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (i32.add (local.get $gate) (i32.sub (local.get $o5) (local.get $out))) (local.get $jb))) (f64.const 0)) (then (local.set $s5 (f64.const 0))))))
      (f64.store (i32.add (local.get $o5) (local.get $jb)) (local.get $s5))))
    (local.set $i (i32.add (local.get $i) (i32.const 6)))
    (br $iLoop6)))
  (block $iDone4 (loop $iLoop4
    (br_if $iDone4 (i32.gt_s (i32.add (local.get $i) (i32.const 4)) (local.get $B)))
    (local.set $x0 (i32.add (local.get $x) (i32.mul (i32.add (local.get $i) (i32.const 0)) (local.get $rowX))))
    (local.set $o0 (i32.add (local.get $out) (i32.mul (i32.add (local.get $i) (i32.const 0)) (local.get $rowO))))
    (local.set $x1 (i32.add (local.get $x) (i32.mul (i32.add (local.get $i) (i32.const 1)) (local.get $rowX))))
    (local.set $o1 (i32.add (local.get $out) (i32.mul (i32.add (local.get $i) (i32.const 1)) (local.get $rowO))))
    (local.set $x2 (i32.add (local.get $x) (i32.mul (i32.add (local.get $i) (i32.const 2)) (local.get $rowX))))
    (local.set $o2 (i32.add (local.get $out) (i32.mul (i32.add (local.get $i) (i32.const 2)) (local.get $rowO))))
    (local.set $x3 (i32.add (local.get $x) (i32.mul (i32.add (local.get $i) (i32.const 3)) (local.get $rowX))))
    (local.set $o3 (i32.add (local.get $out) (i32.mul (i32.add (local.get $i) (i32.const 3)) (local.get $rowO))))
    (local.set $jb (i32.const 0))
    (block $qDone4 (loop $qLoop4
      (br_if $qDone4 (i32.gt_s (i32.add (local.get $jb) (i32.const 32)) (local.get $rowN)))
      (local.set $a00 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a01 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 16)))) (else (v128.const i64x2 0 0))))
      (local.set $a10 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a11 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 16)))) (else (v128.const i64x2 0 0))))
      (local.set $a20 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a21 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 16)))) (else (v128.const i64x2 0 0))))
      (local.set $a30 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a31 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 16)))) (else (v128.const i64x2 0 0))))
      (local.set $mp (i32.add (local.get $m) (local.get $jb)))
      (local.set $xk (i32.const 0))
      (block $kDone42 (loop $kLoop42
        (br_if $kDone42 (i32.ge_u (local.get $xk) (local.get $kend)))
        (local.set $w0 (v128.load (local.get $mp)))
        (local.set $w1 (v128.load (i32.add (local.get $mp) (i32.const 16))))
        (local.set $v (f64x2.splat (f64.load (i32.add (local.get $x0) (local.get $xk)))))
        (local.set $a00 (f64x2.add (local.get $a00) (f64x2.mul (local.get $v) (local.get $w0))))
        (local.set $a01 (f64x2.add (local.get $a01) (f64x2.mul (local.get $v) (local.get $w1))))
        (local.set $v (f64x2.splat (f64.load (i32.add (local.get $x1) (local.get $xk)))))
        (local.set $a10 (f64x2.add (local.get $a10) (f64x2.mul (local.get $v) (local.get $w0))))
        (local.set $a11 (f64x2.add (local.get $a11) (f64x2.mul (local.get $v) (local.get $w1))))
        (local.set $v (f64x2.splat (f64.load (i32.add (local.get $x2) (local.get $xk)))))
        (local.set $a20 (f64x2.add (local.get $a20) (f64x2.mul (local.get $v) (local.get $w0))))
        (local.set $a21 (f64x2.add (local.get $a21) (f64x2.mul (local.get $v) (local.get $w1))))
        (local.set $v (f64x2.splat (f64.load (i32.add (local.get $x3) (local.get $xk)))))
        (local.set $a30 (f64x2.add (local.get $a30) (f64x2.mul (local.get $v) (local.get $w0))))
        (local.set $a31 (f64x2.add (local.get $a31) (f64x2.mul (local.get $v) (local.get $w1))))
        (local.set $mp (i32.add (local.get $mp) (local.get $rowM)))
        (local.set $xk (i32.add (local.get $xk) (local.get $kstep)))
        (br $kLoop42)))
      (local.set $v (local.get $a00))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $jb)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (i32.add (i32.add (local.get $gate) (i32.sub (local.get $o0) (local.get $out))) (local.get $jb)) (i32.const 0))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $jb)) (i32.const 0)) (local.get $v))
      (local.set $v (local.get $a01))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $jb)) (i32.const 16)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (i32.add (i32.add (local.get $gate) (i32.sub (local.get $o0) (local.get $out))) (local.get $jb)) (i32.const 16))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $jb)) (i32.const 16)) (local.get $v))
      (local.set $v (local.get $a10))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o1) (local.get $jb)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (i32.add (i32.add (local.get $gate) (i32.sub (local.get $o1) (local.get $out))) (local.get $jb)) (i32.const 0))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $jb)) (i32.const 0)) (local.get $v))
      (local.set $v (local.get $a11))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o1) (local.get $jb)) (i32.const 16)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (i32.add (i32.add (local.get $gate) (i32.sub (local.get $o1) (local.get $out))) (local.get $jb)) (i32.const 16))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $jb)) (i32.const 16)) (local.get $v))
      (local.set $v (local.get $a20))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o2) (local.get $jb)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (i32.add (i32.add (local.get $gate) (i32.sub (local.get $o2) (local.get $out))) (local.get $jb)) (i32.const 0))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $jb)) (i32.const 0)) (local.get $v))
      (local.set $v (local.get $a21))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o2) (local.get $jb)) (i32.const 16)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (i32.add (i32.add (local.get $gate) (i32.sub (local.get $o2) (local.get $out))) (local.get $jb)) (i32.const 16))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $jb)) (i32.const 16)) (local.get $v))
      (local.set $v (local.get $a30))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o3) (local.get $jb)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (i32.add (i32.add (local.get $gate) (i32.sub (local.get $o3) (local.get $out))) (local.get $jb)) (i32.const 0))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $jb)) (i32.const 0)) (local.get $v))
      (local.set $v (local.get $a31))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o3) (local.get $jb)) (i32.const 16)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (i32.add (i32.add (local.get $gate) (i32.sub (local.get $o3) (local.get $out))) (local.get $jb)) (i32.const 16))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $jb)) (i32.const 16)) (local.get $v))
      (local.set $jb (i32.add (local.get $jb) (i32.const 32)))
      (br $qLoop4)))
    (if (i32.le_s (i32.add (local.get $jb) (i32.const 16)) (local.get $rowN)) (then
      (local.set $a00 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a10 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a20 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a30 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $mp (i32.add (local.get $m) (local.get $jb)))
      (local.set $xk (i32.const 0))
      (block $kDone41 (loop $kLoop41
        (br_if $kDone41 (i32.ge_u (local.get $xk) (local.get $kend)))
        (local.set $w0 (v128.load (local.get $mp)))
        (local.set $v (f64x2.splat (f64.load (i32.add (local.get $x0) (local.get $xk)))))
        (local.set $a00 (f64x2.add (local.get $a00) (f64x2.mul (local.get $v) (local.get $w0))))
        (local.set $v (f64x2.splat (f64.load (i32.add (local.get $x1) (local.get $xk)))))
        (local.set $a10 (f64x2.add (local.get $a10) (f64x2.mul (local.get $v) (local.get $w0))))
        (local.set $v (f64x2.splat (f64.load (i32.add (local.get $x2) (local.get $xk)))))
        (local.set $a20 (f64x2.add (local.get $a20) (f64x2.mul (local.get $v) (local.get $w0))))
        (local.set $v (f64x2.splat (f64.load (i32.add (local.get $x3) (local.get $xk)))))
        (local.set $a30 (f64x2.add (local.get $a30) (f64x2.mul (local.get $v) (local.get $w0))))
        (local.set $mp (i32.add (local.get $mp) (local.get $rowM)))
        (local.set $xk (i32.add (local.get $xk) (local.get $kstep)))
        (br $kLoop41)))
      (local.set $v (local.get $a00))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $jb)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (i32.add (i32.add (local.get $gate) (i32.sub (local.get $o0) (local.get $out))) (local.get $jb)) (i32.const 0))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $jb)) (i32.const 0)) (local.get $v))
      (local.set $v (local.get $a10))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o1) (local.get $jb)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (i32.add (i32.add (local.get $gate) (i32.sub (local.get $o1) (local.get $out))) (local.get $jb)) (i32.const 0))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $jb)) (i32.const 0)) (local.get $v))
      (local.set $v (local.get $a20))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o2) (local.get $jb)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (i32.add (i32.add (local.get $gate) (i32.sub (local.get $o2) (local.get $out))) (local.get $jb)) (i32.const 0))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $jb)) (i32.const 0)) (local.get $v))
      (local.set $v (local.get $a30))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o3) (local.get $jb)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (i32.add (i32.add (local.get $gate) (i32.sub (local.get $o3) (local.get $out))) (local.get $jb)) (i32.const 0))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $jb)) (i32.const 0)) (local.get $v))
      (local.set $jb (i32.add (local.get $jb) (i32.const 16)))))
    (if (i32.lt_s (local.get $jb) (local.get $rowN)) (then
      (local.set $s0 (if (result f64) (local.get $bias) (then (f64.load (i32.add (local.get $bias) (local.get $jb)))) (else (f64.const 0))))
      (local.set $s1 (if (result f64) (local.get $bias) (then (f64.load (i32.add (local.get $bias) (local.get $jb)))) (else (f64.const 0))))
      (local.set $s2 (if (result f64) (local.get $bias) (then (f64.load (i32.add (local.get $bias) (local.get $jb)))) (else (f64.const 0))))
      (local.set $s3 (if (result f64) (local.get $bias) (then (f64.load (i32.add (local.get $bias) (local.get $jb)))) (else (f64.const 0))))
      (local.set $mp (i32.add (local.get $m) (local.get $jb)))
      (local.set $xk (i32.const 0))
      (block $sDone4 (loop $sLoop4
        (br_if $sDone4 (i32.ge_u (local.get $xk) (local.get $kend)))
        (local.set $s0 (f64.add (local.get $s0) (f64.mul (f64.load (i32.add (local.get $x0) (local.get $xk))) (f64.load (local.get $mp)))))
        (local.set $s1 (f64.add (local.get $s1) (f64.mul (f64.load (i32.add (local.get $x1) (local.get $xk))) (f64.load (local.get $mp)))))
        (local.set $s2 (f64.add (local.get $s2) (f64.mul (f64.load (i32.add (local.get $x2) (local.get $xk))) (f64.load (local.get $mp)))))
        (local.set $s3 (f64.add (local.get $s3) (f64.mul (f64.load (i32.add (local.get $x3) (local.get $xk))) (f64.load (local.get $mp)))))
        (local.set $mp (i32.add (local.get $mp) (local.get $rowM)))
        (local.set $xk (i32.add (local.get $xk) (local.get $kstep)))
        (br $sLoop4)))
      (if (local.get $acc) (then (local.set $s0 (f64.add (local.get $s0) (f64.load (i32.add (local.get $o0) (local.get $jb)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $s0) (f64.const 0))) (then (local.set $s0 (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (i32.add (local.get $gate) (i32.sub (local.get $o0) (local.get $out))) (local.get $jb))) (f64.const 0)) (then (local.set $s0 (f64.const 0))))))
      (f64.store (i32.add (local.get $o0) (local.get $jb)) (local.get $s0))
      (if (local.get $acc) (then (local.set $s1 (f64.add (local.get $s1) (f64.load (i32.add (local.get $o1) (local.get $jb)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $s1) (f64.const 0))) (then (local.set $s1 (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (i32.add (local.get $gate) (i32.sub (local.get $o1) (local.get $out))) (local.get $jb))) (f64.const 0)) (then (local.set $s1 (f64.const 0))))))
      (f64.store (i32.add (local.get $o1) (local.get $jb)) (local.get $s1))
      (if (local.get $acc) (then (local.set $s2 (f64.add (local.get $s2) (f64.load (i32.add (local.get $o2) (local.get $jb)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $s2) (f64.const 0))) (then (local.set $s2 (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (i32.add (local.get $gate) (i32.sub (local.get $o2) (local.get $out))) (local.get $jb))) (f64.const 0)) (then (local.set $s2 (f64.const 0))))))
      (f64.store (i32.add (local.get $o2) (local.get $jb)) (local.get $s2))
      (if (local.get $acc) (then (local.set $s3 (f64.add (local.get $s3) (f64.load (i32.add (local.get $o3) (local.get $jb)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $s3) (f64.const 0))) (then (local.set $s3 (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (i32.add (local.get $gate) (i32.sub (local.get $o3) (local.get $out))) (local.get $jb))) (f64.const 0)) (then (local.set $s3 (f64.const 0))))))
      (f64.store (i32.add (local.get $o3) (local.get $jb)) (local.get $s3))))
    (local.set $i (i32.add (local.get $i) (i32.const 4)))
    (br $iLoop4)))
  (block $iDone1 (loop $iLoop1
    (br_if $iDone1 (i32.gt_s (i32.add (local.get $i) (i32.const 1)) (local.get $B)))
    (local.set $x0 (i32.add (local.get $x) (i32.mul (i32.add (local.get $i) (i32.const 0)) (local.get $rowX))))
    (local.set $o0 (i32.add (local.get $out) (i32.mul (i32.add (local.get $i) (i32.const 0)) (local.get $rowO))))
    (local.set $jb (i32.const 0))
    (block $qDone1 (loop $qLoop1
      (br_if $qDone1 (i32.gt_s (i32.add (local.get $jb) (i32.const 32)) (local.get $rowN)))
      (local.set $a00 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a01 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 16)))) (else (v128.const i64x2 0 0))))
      (local.set $mp (i32.add (local.get $m) (local.get $jb)))
      (local.set $xk (i32.const 0))
      (block $kDone12 (loop $kLoop12
        (br_if $kDone12 (i32.ge_u (local.get $xk) (local.get $kend)))
        (local.set $w0 (v128.load (local.get $mp)))
        (local.set $w1 (v128.load (i32.add (local.get $mp) (i32.const 16))))
        (local.set $v (f64x2.splat (f64.load (i32.add (local.get $x0) (local.get $xk)))))
        (local.set $a00 (f64x2.add (local.get $a00) (f64x2.mul (local.get $v) (local.get $w0))))
        (local.set $a01 (f64x2.add (local.get $a01) (f64x2.mul (local.get $v) (local.get $w1))))
        (local.set $mp (i32.add (local.get $mp) (local.get $rowM)))
        (local.set $xk (i32.add (local.get $xk) (local.get $kstep)))
        (br $kLoop12)))
      (local.set $v (local.get $a00))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $jb)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (i32.add (i32.add (local.get $gate) (i32.sub (local.get $o0) (local.get $out))) (local.get $jb)) (i32.const 0))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $jb)) (i32.const 0)) (local.get $v))
      (local.set $v (local.get $a01))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $jb)) (i32.const 16)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (i32.add (i32.add (local.get $gate) (i32.sub (local.get $o0) (local.get $out))) (local.get $jb)) (i32.const 16))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $jb)) (i32.const 16)) (local.get $v))
      (local.set $jb (i32.add (local.get $jb) (i32.const 32)))
      (br $qLoop1)))
    (if (i32.le_s (i32.add (local.get $jb) (i32.const 16)) (local.get $rowN)) (then
      (local.set $a00 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $mp (i32.add (local.get $m) (local.get $jb)))
      (local.set $xk (i32.const 0))
      (block $kDone11 (loop $kLoop11
        (br_if $kDone11 (i32.ge_u (local.get $xk) (local.get $kend)))
        (local.set $w0 (v128.load (local.get $mp)))
        (local.set $v (f64x2.splat (f64.load (i32.add (local.get $x0) (local.get $xk)))))
        (local.set $a00 (f64x2.add (local.get $a00) (f64x2.mul (local.get $v) (local.get $w0))))
        (local.set $mp (i32.add (local.get $mp) (local.get $rowM)))
        (local.set $xk (i32.add (local.get $xk) (local.get $kstep)))
        (br $kLoop11)))
      (local.set $v (local.get $a00))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $jb)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (i32.add (i32.add (local.get $gate) (i32.sub (local.get $o0) (local.get $out))) (local.get $jb)) (i32.const 0))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $jb)) (i32.const 0)) (local.get $v))
      (local.set $jb (i32.add (local.get $jb) (i32.const 16)))))
    (if (i32.lt_s (local.get $jb) (local.get $rowN)) (then
      (local.set $s0 (if (result f64) (local.get $bias) (then (f64.load (i32.add (local.get $bias) (local.get $jb)))) (else (f64.const 0))))
      (local.set $mp (i32.add (local.get $m) (local.get $jb)))
      (local.set $xk (i32.const 0))
      (block $sDone1 (loop $sLoop1
        (br_if $sDone1 (i32.ge_u (local.get $xk) (local.get $kend)))
        (local.set $s0 (f64.add (local.get $s0) (f64.mul (f64.load (i32.add (local.get $x0) (local.get $xk))) (f64.load (local.get $mp)))))
        (local.set $mp (i32.add (local.get $mp) (local.get $rowM)))
        (local.set $xk (i32.add (local.get $xk) (local.get $kstep)))
        (br $sLoop1)))
      (if (local.get $acc) (then (local.set $s0 (f64.add (local.get $s0) (f64.load (i32.add (local.get $o0) (local.get $jb)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $s0) (f64.const 0))) (then (local.set $s0 (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (i32.add (local.get $gate) (i32.sub (local.get $o0) (local.get $out))) (local.get $jb))) (f64.const 0)) (then (local.set $s0 (f64.const 0))))))
      (f64.store (i32.add (local.get $o0) (local.get $jb)) (local.get $s0))))
    (local.set $i (i32.add (local.get $i) (i32.const 1)))
    (br $iLoop1))))
  (func (export "rows32") (param $x i32) (param $nin i32) (param $m i32) (param $mstride i32) (param $bias i32) (param $out i32) (param $nout i32) (param $ostride i32) (param $B i32) (param $gate i32) (param $relu i32) (param $rstride i32) (param $kstride i32) (param $acc i32)
  (local $i i32) (local $jb i32) (local $ob i32) (local $rowX i32) (local $kstep i32) (local $kend i32) (local $rowM i32) (local $rowO i32) (local $rowN i32) (local $xk i32) (local $mp i32) (local $o0 i32) (local $o1 i32) (local $o2 i32) (local $o3 i32) (local $x0 i32) (local $x1 i32) (local $x2 i32) (local $x3 i32) (local $mode i32) (local $x4 i32) (local $o4 i32) (local $x5 i32) (local $o5 i32) (local $d f64) (local $v v128) (local $w0 v128) (local $w1 v128) (local $a00 v128) (local $a01 v128) (local $a10 v128) (local $a11 v128) (local $a20 v128) (local $a21 v128) (local $a30 v128) (local $a31 v128) (local $a40 v128) (local $a41 v128) (local $a50 v128) (local $a51 v128)
  (local.set $mode (i32.or (i32.or (i32.shl (i32.ne (local.get $relu) (i32.const 0)) (i32.const 0)) (i32.shl (i32.ne (local.get $acc) (i32.const 0)) (i32.const 1))) (i32.shl (i32.ne (local.get $gate) (i32.const 0)) (i32.const 2))))
  (local.set $rowX (i32.shl (local.get $rstride) (i32.const 3)))
  (local.set $kstep (i32.shl (local.get $kstride) (i32.const 3)))
  (local.set $kend (i32.mul (local.get $nin) (local.get $kstep)))
  (local.set $rowM (i32.shl (local.get $mstride) (i32.const 2)))
  (local.set $rowO (i32.shl (local.get $ostride) (i32.const 3)))
  (local.set $rowN (i32.shl (local.get $nout) (i32.const 2)))
  (local.set $i (i32.const 0))
  (block $iDone6 (loop $iLoop6
    (br_if $iDone6 (i32.gt_s (i32.add (local.get $i) (i32.const 6)) (local.get $B)))
    (local.set $x0 (i32.add (local.get $x) (i32.mul (i32.add (local.get $i) (i32.const 0)) (local.get $rowX))))
    (local.set $o0 (i32.add (local.get $out) (i32.mul (i32.add (local.get $i) (i32.const 0)) (local.get $rowO))))
    (local.set $x1 (i32.add (local.get $x) (i32.mul (i32.add (local.get $i) (i32.const 1)) (local.get $rowX))))
    (local.set $o1 (i32.add (local.get $out) (i32.mul (i32.add (local.get $i) (i32.const 1)) (local.get $rowO))))
    (local.set $x2 (i32.add (local.get $x) (i32.mul (i32.add (local.get $i) (i32.const 2)) (local.get $rowX))))
    (local.set $o2 (i32.add (local.get $out) (i32.mul (i32.add (local.get $i) (i32.const 2)) (local.get $rowO))))
    (local.set $x3 (i32.add (local.get $x) (i32.mul (i32.add (local.get $i) (i32.const 3)) (local.get $rowX))))
    (local.set $o3 (i32.add (local.get $out) (i32.mul (i32.add (local.get $i) (i32.const 3)) (local.get $rowO))))
    (local.set $x4 (i32.add (local.get $x) (i32.mul (i32.add (local.get $i) (i32.const 4)) (local.get $rowX))))
    (local.set $o4 (i32.add (local.get $out) (i32.mul (i32.add (local.get $i) (i32.const 4)) (local.get $rowO))))
    (local.set $x5 (i32.add (local.get $x) (i32.mul (i32.add (local.get $i) (i32.const 5)) (local.get $rowX))))
    (local.set $o5 (i32.add (local.get $out) (i32.mul (i32.add (local.get $i) (i32.const 5)) (local.get $rowO))))
    (local.set $jb (i32.const 0))
    (local.set $ob (i32.const 0))
    (block $qDone6 (loop $qLoop6
      (br_if $qDone6 (i32.gt_s (i32.add (local.get $jb) (i32.const 32)) (local.get $rowN)))
      (local.set $a00 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a01 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 16)))) (else (v128.const i64x2 0 0))))
      (local.set $a10 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a11 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 16)))) (else (v128.const i64x2 0 0))))
      (local.set $a20 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a21 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 16)))) (else (v128.const i64x2 0 0))))
      (local.set $a30 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a31 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 16)))) (else (v128.const i64x2 0 0))))
      (local.set $a40 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a41 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 16)))) (else (v128.const i64x2 0 0))))
      (local.set $a50 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a51 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 16)))) (else (v128.const i64x2 0 0))))
      (local.set $mp (i32.add (local.get $m) (local.get $jb)))
      (local.set $xk (i32.const 0))
      (block $kDone62 (loop $kLoop62
        (br_if $kDone62 (i32.ge_u (local.get $xk) (local.get $kend)))
        (local.set $w0 (v128.load (local.get $mp)))
        (local.set $w1 (v128.load (i32.add (local.get $mp) (i32.const 16))))
        (local.set $v (f32x4.splat (f32.demote_f64 (f64.load (i32.add (local.get $x0) (local.get $xk))))))
        (local.set $a00 (f32x4.add (local.get $a00) (f32x4.mul (local.get $v) (local.get $w0))))
        (local.set $a01 (f32x4.add (local.get $a01) (f32x4.mul (local.get $v) (local.get $w1))))
        (local.set $v (f32x4.splat (f32.demote_f64 (f64.load (i32.add (local.get $x1) (local.get $xk))))))
        (local.set $a10 (f32x4.add (local.get $a10) (f32x4.mul (local.get $v) (local.get $w0))))
        (local.set $a11 (f32x4.add (local.get $a11) (f32x4.mul (local.get $v) (local.get $w1))))
        (local.set $v (f32x4.splat (f32.demote_f64 (f64.load (i32.add (local.get $x2) (local.get $xk))))))
        (local.set $a20 (f32x4.add (local.get $a20) (f32x4.mul (local.get $v) (local.get $w0))))
        (local.set $a21 (f32x4.add (local.get $a21) (f32x4.mul (local.get $v) (local.get $w1))))
        (local.set $v (f32x4.splat (f32.demote_f64 (f64.load (i32.add (local.get $x3) (local.get $xk))))))
        (local.set $a30 (f32x4.add (local.get $a30) (f32x4.mul (local.get $v) (local.get $w0))))
        (local.set $a31 (f32x4.add (local.get $a31) (f32x4.mul (local.get $v) (local.get $w1))))
        (local.set $v (f32x4.splat (f32.demote_f64 (f64.load (i32.add (local.get $x4) (local.get $xk))))))
        (local.set $a40 (f32x4.add (local.get $a40) (f32x4.mul (local.get $v) (local.get $w0))))
        (local.set $a41 (f32x4.add (local.get $a41) (f32x4.mul (local.get $v) (local.get $w1))))
        (local.set $v (f32x4.splat (f32.demote_f64 (f64.load (i32.add (local.get $x5) (local.get $xk))))))
        (local.set $a50 (f32x4.add (local.get $a50) (f32x4.mul (local.get $v) (local.get $w0))))
        (local.set $a51 (f32x4.add (local.get $a51) (f32x4.mul (local.get $v) (local.get $w1))))
        (local.set $mp (i32.add (local.get $mp) (local.get $rowM)))
        (local.set $xk (i32.add (local.get $xk) (local.get $kstep)))
        (br $kLoop62)))
      (if (i32.eq (local.get $mode) (i32.const 1)) (then
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a00) (local.get $a00))))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a01)))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a01) (local.get $a01))))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a10)))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a10) (local.get $a10))))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a11)))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a11) (local.get $a11))))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 48)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a20)))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a20) (local.get $a20))))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a21)))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a21) (local.get $a21))))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 48)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a30)))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a30) (local.get $a30))))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a31)))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a31) (local.get $a31))))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 48)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a40)))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a40) (local.get $a40))))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a41)))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a41) (local.get $a41))))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 48)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a50)))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a50) (local.get $a50))))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a51)))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a51) (local.get $a51))))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 48)) (local.get $v)))
      (else (if (i32.eq (local.get $mode) (i32.const 2)) (then
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a00) (local.get $a00))))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a01)))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a01) (local.get $a01))))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a10)))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a10) (local.get $a10))))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a11)))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a11) (local.get $a11))))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 48)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 48)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a20)))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a20) (local.get $a20))))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a21)))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a21) (local.get $a21))))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 48)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 48)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a30)))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a30) (local.get $a30))))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a31)))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a31) (local.get $a31))))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 48)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 48)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a40)))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 0)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a40) (local.get $a40))))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 16)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a41)))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 32)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a41) (local.get $a41))))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 48)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 48)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a50)))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 0)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a50) (local.get $a50))))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 16)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a51)))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 32)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a51) (local.get $a51))))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 48)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 48)) (local.get $v)))
      (else (if (i32.eq (local.get $mode) (i32.const 4)) (then
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a00) (local.get $a00))))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a01)))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a01) (local.get $a01))))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a10)))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a10) (local.get $a10))))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a11)))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a11) (local.get $a11))))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 48)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 48)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a20)))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a20) (local.get $a20))))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a21)))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a21) (local.get $a21))))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 48)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 48)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a30)))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a30) (local.get $a30))))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a31)))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a31) (local.get $a31))))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 48)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 48)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a40)))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a40) (local.get $a40))))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a41)))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 32)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a41) (local.get $a41))))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 48)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 48)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a50)))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a50) (local.get $a50))))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a51)))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 32)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a51) (local.get $a51))))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 48)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 48)) (local.get $v)))
      (else (if (i32.eq (local.get $mode) (i32.const 0)) (then
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a00) (local.get $a00))))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a01)))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a01) (local.get $a01))))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a10)))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a10) (local.get $a10))))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a11)))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a11) (local.get $a11))))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 48)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a20)))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a20) (local.get $a20))))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a21)))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a21) (local.get $a21))))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 48)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a30)))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a30) (local.get $a30))))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a31)))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a31) (local.get $a31))))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 48)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a40)))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a40) (local.get $a40))))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a41)))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a41) (local.get $a41))))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 48)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a50)))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a50) (local.get $a50))))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a51)))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a51) (local.get $a51))))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 48)) (local.get $v)))
      (else (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a00) (local.get $a00))))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a01)))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a01) (local.get $a01))))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a10)))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a10) (local.get $a10))))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a11)))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a11) (local.get $a11))))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 48)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 48)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 48)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a20)))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a20) (local.get $a20))))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a21)))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a21) (local.get $a21))))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 48)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 48)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 48)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a30)))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a30) (local.get $a30))))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a31)))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a31) (local.get $a31))))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 48)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 48)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 48)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a40)))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a40) (local.get $a40))))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 16)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a41)))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 32)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 32)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a41) (local.get $a41))))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 48)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 48)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 48)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a50)))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a50) (local.get $a50))))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 16)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a51)))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 32)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 32)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a51) (local.get $a51))))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 48)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 48)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 48)) (local.get $v))))))))))
      (local.set $jb (i32.add (local.get $jb) (i32.const 32)))
      (local.set $ob (i32.add (local.get $ob) (i32.const 64)))
      (br $qLoop6)))
    (if (i32.lt_s (i32.add (local.get $jb) (i32.const 16)) (local.get $rowN)) (then
      (local.set $a00 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a01 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 16)))) (else (v128.const i64x2 0 0))))
      (local.set $a10 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a11 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 16)))) (else (v128.const i64x2 0 0))))
      (local.set $a20 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a21 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 16)))) (else (v128.const i64x2 0 0))))
      (local.set $a30 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a31 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 16)))) (else (v128.const i64x2 0 0))))
      (local.set $a40 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a41 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 16)))) (else (v128.const i64x2 0 0))))
      (local.set $a50 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a51 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 16)))) (else (v128.const i64x2 0 0))))
      (local.set $mp (i32.add (local.get $m) (local.get $jb)))
      (local.set $xk (i32.const 0))
      (block $kDone62p (loop $kLoop62p
        (br_if $kDone62p (i32.ge_u (local.get $xk) (local.get $kend)))
        (local.set $w0 (v128.load (local.get $mp)))
        (local.set $w1 (v128.load (i32.add (local.get $mp) (i32.const 16))))
        (local.set $v (f32x4.splat (f32.demote_f64 (f64.load (i32.add (local.get $x0) (local.get $xk))))))
        (local.set $a00 (f32x4.add (local.get $a00) (f32x4.mul (local.get $v) (local.get $w0))))
        (local.set $a01 (f32x4.add (local.get $a01) (f32x4.mul (local.get $v) (local.get $w1))))
        (local.set $v (f32x4.splat (f32.demote_f64 (f64.load (i32.add (local.get $x1) (local.get $xk))))))
        (local.set $a10 (f32x4.add (local.get $a10) (f32x4.mul (local.get $v) (local.get $w0))))
        (local.set $a11 (f32x4.add (local.get $a11) (f32x4.mul (local.get $v) (local.get $w1))))
        (local.set $v (f32x4.splat (f32.demote_f64 (f64.load (i32.add (local.get $x2) (local.get $xk))))))
        (local.set $a20 (f32x4.add (local.get $a20) (f32x4.mul (local.get $v) (local.get $w0))))
        (local.set $a21 (f32x4.add (local.get $a21) (f32x4.mul (local.get $v) (local.get $w1))))
        (local.set $v (f32x4.splat (f32.demote_f64 (f64.load (i32.add (local.get $x3) (local.get $xk))))))
        (local.set $a30 (f32x4.add (local.get $a30) (f32x4.mul (local.get $v) (local.get $w0))))
        (local.set $a31 (f32x4.add (local.get $a31) (f32x4.mul (local.get $v) (local.get $w1))))
        (local.set $v (f32x4.splat (f32.demote_f64 (f64.load (i32.add (local.get $x4) (local.get $xk))))))
        (local.set $a40 (f32x4.add (local.get $a40) (f32x4.mul (local.get $v) (local.get $w0))))
        (local.set $a41 (f32x4.add (local.get $a41) (f32x4.mul (local.get $v) (local.get $w1))))
        (local.set $v (f32x4.splat (f32.demote_f64 (f64.load (i32.add (local.get $x5) (local.get $xk))))))
        (local.set $a50 (f32x4.add (local.get $a50) (f32x4.mul (local.get $v) (local.get $w0))))
        (local.set $a51 (f32x4.add (local.get $a51) (f32x4.mul (local.get $v) (local.get $w1))))
        (local.set $mp (i32.add (local.get $mp) (local.get $rowM)))
        (local.set $xk (i32.add (local.get $xk) (local.get $kstep)))
        (br $kLoop62p)))
      (if (i32.eq (local.get $mode) (i32.const 1)) (then
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a00) (local.get $a00))))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a01)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))
      
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a01))))
        
      (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))
      
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a10)))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a10) (local.get $a10))))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a11)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))
      
      (f64.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a11))))
        
      (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))
      
      (f64.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 48)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a20)))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a20) (local.get $a20))))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a21)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))
      
      (f64.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a21))))
        
      (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))
      
      (f64.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 48)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a30)))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a30) (local.get $a30))))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a31)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))
      
      (f64.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a31))))
        
      (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))
      
      (f64.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 48)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a40)))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a40) (local.get $a40))))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a41)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))
      
      (f64.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a41))))
        
      (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))
      
      (f64.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 48)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a50)))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a50) (local.get $a50))))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a51)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))
      
      (f64.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a51))))
        
      (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))
      
      (f64.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 48)) (local.get $d)))))
      (else (if (i32.eq (local.get $mode) (i32.const 2)) (then
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a00) (local.get $a00))))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a01)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)))))
      
      
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a01))))
        (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)))))
      
      
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a10)))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a10) (local.get $a10))))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a11)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)))))
      
      
      (f64.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a11))))
        (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 48)))))
      
      
      (f64.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 48)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a20)))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a20) (local.get $a20))))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a21)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)))))
      
      
      (f64.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a21))))
        (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 48)))))
      
      
      (f64.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 48)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a30)))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a30) (local.get $a30))))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a31)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)))))
      
      
      (f64.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a31))))
        (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 48)))))
      
      
      (f64.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 48)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a40)))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 0)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a40) (local.get $a40))))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 16)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a41)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 32)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 32)))))
      
      
      (f64.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a41))))
        (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 48)))))
      
      
      (f64.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 48)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a50)))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 0)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a50) (local.get $a50))))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 16)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a51)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 32)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 32)))))
      
      
      (f64.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a51))))
        (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 48)))))
      
      
      (f64.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 48)) (local.get $d)))))
      (else (if (i32.eq (local.get $mode) (i32.const 4)) (then
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a00) (local.get $a00))))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a01)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      
      (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a01))))
        
      
      (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a10)))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a10) (local.get $a10))))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a11)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      
      (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))
      (f64.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a11))))
        
      
      (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 48)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))
      (f64.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 48)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a20)))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a20) (local.get $a20))))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a21)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      
      (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))
      (f64.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a21))))
        
      
      (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 48)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))
      (f64.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 48)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a30)))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a30) (local.get $a30))))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a31)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      
      (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))
      (f64.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a31))))
        
      
      (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 48)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))
      (f64.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 48)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a40)))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a40) (local.get $a40))))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a41)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 32)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      
      (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 32)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))
      (f64.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a41))))
        
      
      (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 48)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))
      (f64.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 48)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a50)))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a50) (local.get $a50))))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a51)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 32)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      
      (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 32)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))
      (f64.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a51))))
        
      
      (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 48)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))
      (f64.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 48)) (local.get $d)))))
      (else (if (i32.eq (local.get $mode) (i32.const 0)) (then
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a00) (local.get $a00))))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a01)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      
      
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a01))))
        
      
      
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a10)))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a10) (local.get $a10))))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a11)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        
      
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      
      
      (f64.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a11))))
        
      
      
      (f64.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 48)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a20)))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a20) (local.get $a20))))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a21)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        
      
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      
      
      (f64.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a21))))
        
      
      
      (f64.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 48)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a30)))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a30) (local.get $a30))))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a31)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        
      
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      
      
      (f64.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a31))))
        
      
      
      (f64.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 48)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a40)))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a40) (local.get $a40))))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a41)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        
      
      
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      
      
      (f64.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a41))))
        
      
      
      (f64.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 48)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a50)))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a50) (local.get $a50))))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a51)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        
      
      
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      
      
      (f64.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a51))))
        
      
      
      (f64.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 48)) (local.get $d)))))
      (else (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a00) (local.get $a00))))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a01)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        (if (local.get $acc) (then (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))))
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a01))))
        (if (local.get $acc) (then (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))))
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a10)))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a10) (local.get $a10))))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a11)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        (if (local.get $acc) (then (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))))
      (f64.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a11))))
        (if (local.get $acc) (then (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 48)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 48)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))))
      (f64.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 48)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a20)))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a20) (local.get $a20))))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a21)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        (if (local.get $acc) (then (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))))
      (f64.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a21))))
        (if (local.get $acc) (then (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 48)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 48)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))))
      (f64.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 48)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a30)))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a30) (local.get $a30))))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a31)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        (if (local.get $acc) (then (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))))
      (f64.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a31))))
        (if (local.get $acc) (then (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 48)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 48)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))))
      (f64.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 48)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a40)))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a40) (local.get $a40))))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 16)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a41)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 32)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 32)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        (if (local.get $acc) (then (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 32)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 32)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))))
      (f64.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a41))))
        (if (local.get $acc) (then (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 48)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 48)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))))
      (f64.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 48)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a50)))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a50) (local.get $a50))))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 16)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a51)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 32)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 32)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        (if (local.get $acc) (then (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 32)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 32)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))))
      (f64.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a51))))
        (if (local.get $acc) (then (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 48)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 48)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))))
      (f64.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 48)) (local.get $d)))))))))))))
    (else (if (i32.eq (i32.add (local.get $jb) (i32.const 16)) (local.get $rowN)) (then
      (local.set $a00 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a10 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a20 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a30 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a40 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a50 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $mp (i32.add (local.get $m) (local.get $jb)))
      (local.set $xk (i32.const 0))
      (block $kDone61 (loop $kLoop61
        (br_if $kDone61 (i32.ge_u (local.get $xk) (local.get $kend)))
        (local.set $w0 (v128.load (local.get $mp)))
        (local.set $v (f32x4.splat (f32.demote_f64 (f64.load (i32.add (local.get $x0) (local.get $xk))))))
        (local.set $a00 (f32x4.add (local.get $a00) (f32x4.mul (local.get $v) (local.get $w0))))
        (local.set $v (f32x4.splat (f32.demote_f64 (f64.load (i32.add (local.get $x1) (local.get $xk))))))
        (local.set $a10 (f32x4.add (local.get $a10) (f32x4.mul (local.get $v) (local.get $w0))))
        (local.set $v (f32x4.splat (f32.demote_f64 (f64.load (i32.add (local.get $x2) (local.get $xk))))))
        (local.set $a20 (f32x4.add (local.get $a20) (f32x4.mul (local.get $v) (local.get $w0))))
        (local.set $v (f32x4.splat (f32.demote_f64 (f64.load (i32.add (local.get $x3) (local.get $xk))))))
        (local.set $a30 (f32x4.add (local.get $a30) (f32x4.mul (local.get $v) (local.get $w0))))
        (local.set $v (f32x4.splat (f32.demote_f64 (f64.load (i32.add (local.get $x4) (local.get $xk))))))
        (local.set $a40 (f32x4.add (local.get $a40) (f32x4.mul (local.get $v) (local.get $w0))))
        (local.set $v (f32x4.splat (f32.demote_f64 (f64.load (i32.add (local.get $x5) (local.get $xk))))))
        (local.set $a50 (f32x4.add (local.get $a50) (f32x4.mul (local.get $v) (local.get $w0))))
        (local.set $mp (i32.add (local.get $mp) (local.get $rowM)))
        (local.set $xk (i32.add (local.get $xk) (local.get $kstep)))
        (br $kLoop61)))
      (if (i32.eq (local.get $mode) (i32.const 1)) (then
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a00) (local.get $a00))))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a10)))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a10) (local.get $a10))))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a20)))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a20) (local.get $a20))))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a30)))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a30) (local.get $a30))))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a40)))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a40) (local.get $a40))))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a50)))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a50) (local.get $a50))))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 16)) (local.get $v)))
      (else (if (i32.eq (local.get $mode) (i32.const 2)) (then
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a00) (local.get $a00))))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a10)))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a10) (local.get $a10))))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a20)))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a20) (local.get $a20))))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a30)))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a30) (local.get $a30))))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a40)))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 0)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a40) (local.get $a40))))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 16)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a50)))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 0)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a50) (local.get $a50))))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 16)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 16)) (local.get $v)))
      (else (if (i32.eq (local.get $mode) (i32.const 4)) (then
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a00) (local.get $a00))))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a10)))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a10) (local.get $a10))))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a20)))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a20) (local.get $a20))))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a30)))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a30) (local.get $a30))))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a40)))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a40) (local.get $a40))))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a50)))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a50) (local.get $a50))))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 16)) (local.get $v)))
      (else (if (i32.eq (local.get $mode) (i32.const 0)) (then
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a00) (local.get $a00))))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a10)))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a10) (local.get $a10))))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a20)))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a20) (local.get $a20))))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a30)))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a30) (local.get $a30))))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a40)))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a40) (local.get $a40))))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a50)))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a50) (local.get $a50))))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 16)) (local.get $v)))
      (else (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a00) (local.get $a00))))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a10)))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a10) (local.get $a10))))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a20)))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a20) (local.get $a20))))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a30)))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a30) (local.get $a30))))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a40)))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a40) (local.get $a40))))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 16)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a50)))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a50) (local.get $a50))))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 16)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 16)) (local.get $v)))))))))))
    (else (if (i32.lt_s (local.get $jb) (local.get $rowN)) (then
      (local.set $a00 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a10 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a20 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a30 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a40 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a50 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $mp (i32.add (local.get $m) (local.get $jb)))
      (local.set $xk (i32.const 0))
      (block $kDone61p (loop $kLoop61p
        (br_if $kDone61p (i32.ge_u (local.get $xk) (local.get $kend)))
        (local.set $w0 (v128.load (local.get $mp)))
        (local.set $v (f32x4.splat (f32.demote_f64 (f64.load (i32.add (local.get $x0) (local.get $xk))))))
        (local.set $a00 (f32x4.add (local.get $a00) (f32x4.mul (local.get $v) (local.get $w0))))
        (local.set $v (f32x4.splat (f32.demote_f64 (f64.load (i32.add (local.get $x1) (local.get $xk))))))
        (local.set $a10 (f32x4.add (local.get $a10) (f32x4.mul (local.get $v) (local.get $w0))))
        (local.set $v (f32x4.splat (f32.demote_f64 (f64.load (i32.add (local.get $x2) (local.get $xk))))))
        (local.set $a20 (f32x4.add (local.get $a20) (f32x4.mul (local.get $v) (local.get $w0))))
        (local.set $v (f32x4.splat (f32.demote_f64 (f64.load (i32.add (local.get $x3) (local.get $xk))))))
        (local.set $a30 (f32x4.add (local.get $a30) (f32x4.mul (local.get $v) (local.get $w0))))
        (local.set $v (f32x4.splat (f32.demote_f64 (f64.load (i32.add (local.get $x4) (local.get $xk))))))
        (local.set $a40 (f32x4.add (local.get $a40) (f32x4.mul (local.get $v) (local.get $w0))))
        (local.set $v (f32x4.splat (f32.demote_f64 (f64.load (i32.add (local.get $x5) (local.get $xk))))))
        (local.set $a50 (f32x4.add (local.get $a50) (f32x4.mul (local.get $v) (local.get $w0))))
        (local.set $mp (i32.add (local.get $mp) (local.get $rowM)))
        (local.set $xk (i32.add (local.get $xk) (local.get $kstep)))
        (br $kLoop61p)))
      (if (i32.eq (local.get $mode) (i32.const 1)) (then
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))
      
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a00))))
        
      (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))
      
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a10)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))
      
      (f64.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a10))))
        
      (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))
      
      (f64.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a20)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))
      
      (f64.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a20))))
        
      (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))
      
      (f64.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a30)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))
      
      (f64.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a30))))
        
      (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))
      
      (f64.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a40)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))
      
      (f64.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a40))))
        
      (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))
      
      (f64.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 16)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a50)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))
      
      (f64.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a50))))
        
      (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))
      
      (f64.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 16)) (local.get $d)))))
      (else (if (i32.eq (local.get $mode) (i32.const 2)) (then
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)))))
      
      
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a00))))
        (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)))))
      
      
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a10)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)))))
      
      
      (f64.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a10))))
        (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)))))
      
      
      (f64.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a20)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)))))
      
      
      (f64.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a20))))
        (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)))))
      
      
      (f64.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a30)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)))))
      
      
      (f64.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a30))))
        (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)))))
      
      
      (f64.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a40)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 0)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 0)))))
      
      
      (f64.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a40))))
        (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 16)))))
      
      
      (f64.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 16)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a50)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 0)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 0)))))
      
      
      (f64.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a50))))
        (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 16)))))
      
      
      (f64.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 16)) (local.get $d)))))
      (else (if (i32.eq (local.get $mode) (i32.const 4)) (then
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      
      (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a00))))
        
      
      (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a10)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      
      (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))
      (f64.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a10))))
        
      
      (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))
      (f64.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a20)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      
      (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))
      (f64.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a20))))
        
      
      (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))
      (f64.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a30)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      
      (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))
      (f64.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a30))))
        
      
      (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))
      (f64.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a40)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      
      (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 0)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))
      (f64.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a40))))
        
      
      (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 16)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))
      (f64.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 16)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a50)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      
      (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 0)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))
      (f64.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a50))))
        
      
      (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 16)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))
      (f64.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 16)) (local.get $d)))))
      (else (if (i32.eq (local.get $mode) (i32.const 0)) (then
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      
      
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a00))))
        
      
      
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a10)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        
      
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      
      
      (f64.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a10))))
        
      
      
      (f64.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a20)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        
      
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      
      
      (f64.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a20))))
        
      
      
      (f64.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a30)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        
      
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      
      
      (f64.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a30))))
        
      
      
      (f64.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a40)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        
      
      
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      
      
      (f64.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a40))))
        
      
      
      (f64.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 16)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a50)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        
      
      
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      
      
      (f64.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a50))))
        
      
      
      (f64.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 16)) (local.get $d)))))
      (else (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        (if (local.get $acc) (then (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))))
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a00))))
        (if (local.get $acc) (then (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))))
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a10)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        (if (local.get $acc) (then (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))))
      (f64.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a10))))
        (if (local.get $acc) (then (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))))
      (f64.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a20)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        (if (local.get $acc) (then (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))))
      (f64.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a20))))
        (if (local.get $acc) (then (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))))
      (f64.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a30)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        (if (local.get $acc) (then (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))))
      (f64.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a30))))
        (if (local.get $acc) (then (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))))
      (f64.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a40)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        (if (local.get $acc) (then (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 0)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))))
      (f64.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a40))))
        (if (local.get $acc) (then (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 16)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 16)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))))
      (f64.store (i32.add (i32.add (local.get $o4) (local.get $ob)) (i32.const 16)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a50)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        (if (local.get $acc) (then (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 0)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))))
      (f64.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a50))))
        (if (local.get $acc) (then (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 16)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 16)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))))
      (f64.store (i32.add (i32.add (local.get $o5) (local.get $ob)) (i32.const 16)) (local.get $d))))))))))))))))))
    (local.set $i (i32.add (local.get $i) (i32.const 6)))
    (br $iLoop6)))
  (block $iDone4 (loop $iLoop4
    (br_if $iDone4 (i32.gt_s (i32.add (local.get $i) (i32.const 4)) (local.get $B)))
    (local.set $x0 (i32.add (local.get $x) (i32.mul (i32.add (local.get $i) (i32.const 0)) (local.get $rowX))))
    (local.set $o0 (i32.add (local.get $out) (i32.mul (i32.add (local.get $i) (i32.const 0)) (local.get $rowO))))
    (local.set $x1 (i32.add (local.get $x) (i32.mul (i32.add (local.get $i) (i32.const 1)) (local.get $rowX))))
    (local.set $o1 (i32.add (local.get $out) (i32.mul (i32.add (local.get $i) (i32.const 1)) (local.get $rowO))))
    (local.set $x2 (i32.add (local.get $x) (i32.mul (i32.add (local.get $i) (i32.const 2)) (local.get $rowX))))
    (local.set $o2 (i32.add (local.get $out) (i32.mul (i32.add (local.get $i) (i32.const 2)) (local.get $rowO))))
    (local.set $x3 (i32.add (local.get $x) (i32.mul (i32.add (local.get $i) (i32.const 3)) (local.get $rowX))))
    (local.set $o3 (i32.add (local.get $out) (i32.mul (i32.add (local.get $i) (i32.const 3)) (local.get $rowO))))
    (local.set $jb (i32.const 0))
    (local.set $ob (i32.const 0))
    (block $qDone4 (loop $qLoop4
      (br_if $qDone4 (i32.gt_s (i32.add (local.get $jb) (i32.const 32)) (local.get $rowN)))
      (local.set $a00 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a01 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 16)))) (else (v128.const i64x2 0 0))))
      (local.set $a10 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a11 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 16)))) (else (v128.const i64x2 0 0))))
      (local.set $a20 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a21 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 16)))) (else (v128.const i64x2 0 0))))
      (local.set $a30 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a31 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 16)))) (else (v128.const i64x2 0 0))))
      (local.set $mp (i32.add (local.get $m) (local.get $jb)))
      (local.set $xk (i32.const 0))
      (block $kDone42 (loop $kLoop42
        (br_if $kDone42 (i32.ge_u (local.get $xk) (local.get $kend)))
        (local.set $w0 (v128.load (local.get $mp)))
        (local.set $w1 (v128.load (i32.add (local.get $mp) (i32.const 16))))
        (local.set $v (f32x4.splat (f32.demote_f64 (f64.load (i32.add (local.get $x0) (local.get $xk))))))
        (local.set $a00 (f32x4.add (local.get $a00) (f32x4.mul (local.get $v) (local.get $w0))))
        (local.set $a01 (f32x4.add (local.get $a01) (f32x4.mul (local.get $v) (local.get $w1))))
        (local.set $v (f32x4.splat (f32.demote_f64 (f64.load (i32.add (local.get $x1) (local.get $xk))))))
        (local.set $a10 (f32x4.add (local.get $a10) (f32x4.mul (local.get $v) (local.get $w0))))
        (local.set $a11 (f32x4.add (local.get $a11) (f32x4.mul (local.get $v) (local.get $w1))))
        (local.set $v (f32x4.splat (f32.demote_f64 (f64.load (i32.add (local.get $x2) (local.get $xk))))))
        (local.set $a20 (f32x4.add (local.get $a20) (f32x4.mul (local.get $v) (local.get $w0))))
        (local.set $a21 (f32x4.add (local.get $a21) (f32x4.mul (local.get $v) (local.get $w1))))
        (local.set $v (f32x4.splat (f32.demote_f64 (f64.load (i32.add (local.get $x3) (local.get $xk))))))
        (local.set $a30 (f32x4.add (local.get $a30) (f32x4.mul (local.get $v) (local.get $w0))))
        (local.set $a31 (f32x4.add (local.get $a31) (f32x4.mul (local.get $v) (local.get $w1))))
        (local.set $mp (i32.add (local.get $mp) (local.get $rowM)))
        (local.set $xk (i32.add (local.get $xk) (local.get $kstep)))
        (br $kLoop42)))
      (if (i32.eq (local.get $mode) (i32.const 1)) (then
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a00) (local.get $a00))))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a01)))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a01) (local.get $a01))))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a10)))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a10) (local.get $a10))))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a11)))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a11) (local.get $a11))))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 48)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a20)))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a20) (local.get $a20))))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a21)))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a21) (local.get $a21))))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 48)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a30)))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a30) (local.get $a30))))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a31)))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a31) (local.get $a31))))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 48)) (local.get $v)))
      (else (if (i32.eq (local.get $mode) (i32.const 2)) (then
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a00) (local.get $a00))))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a01)))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a01) (local.get $a01))))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a10)))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a10) (local.get $a10))))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a11)))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a11) (local.get $a11))))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 48)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 48)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a20)))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a20) (local.get $a20))))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a21)))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a21) (local.get $a21))))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 48)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 48)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a30)))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a30) (local.get $a30))))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a31)))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a31) (local.get $a31))))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 48)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 48)) (local.get $v)))
      (else (if (i32.eq (local.get $mode) (i32.const 4)) (then
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a00) (local.get $a00))))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a01)))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a01) (local.get $a01))))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a10)))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a10) (local.get $a10))))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a11)))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a11) (local.get $a11))))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 48)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 48)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a20)))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a20) (local.get $a20))))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a21)))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a21) (local.get $a21))))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 48)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 48)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a30)))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a30) (local.get $a30))))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a31)))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a31) (local.get $a31))))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 48)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 48)) (local.get $v)))
      (else (if (i32.eq (local.get $mode) (i32.const 0)) (then
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a00) (local.get $a00))))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a01)))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a01) (local.get $a01))))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a10)))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a10) (local.get $a10))))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a11)))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a11) (local.get $a11))))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 48)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a20)))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a20) (local.get $a20))))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a21)))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a21) (local.get $a21))))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 48)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a30)))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a30) (local.get $a30))))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a31)))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a31) (local.get $a31))))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 48)) (local.get $v)))
      (else (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a00) (local.get $a00))))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a01)))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a01) (local.get $a01))))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a10)))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a10) (local.get $a10))))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a11)))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a11) (local.get $a11))))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 48)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 48)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 48)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a20)))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a20) (local.get $a20))))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a21)))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a21) (local.get $a21))))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 48)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 48)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 48)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a30)))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a30) (local.get $a30))))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a31)))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a31) (local.get $a31))))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 48)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 48)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 48)) (local.get $v))))))))))
      (local.set $jb (i32.add (local.get $jb) (i32.const 32)))
      (local.set $ob (i32.add (local.get $ob) (i32.const 64)))
      (br $qLoop4)))
    (if (i32.lt_s (i32.add (local.get $jb) (i32.const 16)) (local.get $rowN)) (then
      (local.set $a00 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a01 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 16)))) (else (v128.const i64x2 0 0))))
      (local.set $a10 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a11 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 16)))) (else (v128.const i64x2 0 0))))
      (local.set $a20 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a21 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 16)))) (else (v128.const i64x2 0 0))))
      (local.set $a30 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a31 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 16)))) (else (v128.const i64x2 0 0))))
      (local.set $mp (i32.add (local.get $m) (local.get $jb)))
      (local.set $xk (i32.const 0))
      (block $kDone42p (loop $kLoop42p
        (br_if $kDone42p (i32.ge_u (local.get $xk) (local.get $kend)))
        (local.set $w0 (v128.load (local.get $mp)))
        (local.set $w1 (v128.load (i32.add (local.get $mp) (i32.const 16))))
        (local.set $v (f32x4.splat (f32.demote_f64 (f64.load (i32.add (local.get $x0) (local.get $xk))))))
        (local.set $a00 (f32x4.add (local.get $a00) (f32x4.mul (local.get $v) (local.get $w0))))
        (local.set $a01 (f32x4.add (local.get $a01) (f32x4.mul (local.get $v) (local.get $w1))))
        (local.set $v (f32x4.splat (f32.demote_f64 (f64.load (i32.add (local.get $x1) (local.get $xk))))))
        (local.set $a10 (f32x4.add (local.get $a10) (f32x4.mul (local.get $v) (local.get $w0))))
        (local.set $a11 (f32x4.add (local.get $a11) (f32x4.mul (local.get $v) (local.get $w1))))
        (local.set $v (f32x4.splat (f32.demote_f64 (f64.load (i32.add (local.get $x2) (local.get $xk))))))
        (local.set $a20 (f32x4.add (local.get $a20) (f32x4.mul (local.get $v) (local.get $w0))))
        (local.set $a21 (f32x4.add (local.get $a21) (f32x4.mul (local.get $v) (local.get $w1))))
        (local.set $v (f32x4.splat (f32.demote_f64 (f64.load (i32.add (local.get $x3) (local.get $xk))))))
        (local.set $a30 (f32x4.add (local.get $a30) (f32x4.mul (local.get $v) (local.get $w0))))
        (local.set $a31 (f32x4.add (local.get $a31) (f32x4.mul (local.get $v) (local.get $w1))))
        (local.set $mp (i32.add (local.get $mp) (local.get $rowM)))
        (local.set $xk (i32.add (local.get $xk) (local.get $kstep)))
        (br $kLoop42p)))
      (if (i32.eq (local.get $mode) (i32.const 1)) (then
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a00) (local.get $a00))))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a01)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))
      
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a01))))
        
      (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))
      
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a10)))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a10) (local.get $a10))))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a11)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))
      
      (f64.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a11))))
        
      (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))
      
      (f64.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 48)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a20)))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a20) (local.get $a20))))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a21)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))
      
      (f64.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a21))))
        
      (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))
      
      (f64.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 48)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a30)))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a30) (local.get $a30))))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a31)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))
      
      (f64.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a31))))
        
      (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))
      
      (f64.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 48)) (local.get $d)))))
      (else (if (i32.eq (local.get $mode) (i32.const 2)) (then
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a00) (local.get $a00))))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a01)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)))))
      
      
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a01))))
        (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)))))
      
      
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a10)))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a10) (local.get $a10))))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a11)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)))))
      
      
      (f64.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a11))))
        (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 48)))))
      
      
      (f64.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 48)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a20)))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a20) (local.get $a20))))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a21)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)))))
      
      
      (f64.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a21))))
        (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 48)))))
      
      
      (f64.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 48)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a30)))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a30) (local.get $a30))))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a31)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)))))
      
      
      (f64.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a31))))
        (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 48)))))
      
      
      (f64.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 48)) (local.get $d)))))
      (else (if (i32.eq (local.get $mode) (i32.const 4)) (then
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a00) (local.get $a00))))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a01)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      
      (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a01))))
        
      
      (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a10)))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a10) (local.get $a10))))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a11)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      
      (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))
      (f64.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a11))))
        
      
      (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 48)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))
      (f64.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 48)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a20)))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a20) (local.get $a20))))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a21)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      
      (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))
      (f64.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a21))))
        
      
      (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 48)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))
      (f64.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 48)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a30)))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a30) (local.get $a30))))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a31)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      
      (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))
      (f64.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a31))))
        
      
      (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 48)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))
      (f64.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 48)) (local.get $d)))))
      (else (if (i32.eq (local.get $mode) (i32.const 0)) (then
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a00) (local.get $a00))))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a01)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      
      
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a01))))
        
      
      
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a10)))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a10) (local.get $a10))))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a11)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        
      
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      
      
      (f64.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a11))))
        
      
      
      (f64.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 48)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a20)))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a20) (local.get $a20))))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a21)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        
      
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      
      
      (f64.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a21))))
        
      
      
      (f64.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 48)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a30)))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a30) (local.get $a30))))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a31)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        
      
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      
      
      (f64.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a31))))
        
      
      
      (f64.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 48)) (local.get $d)))))
      (else (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a00) (local.get $a00))))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a01)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        (if (local.get $acc) (then (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))))
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a01))))
        (if (local.get $acc) (then (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))))
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a10)))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a10) (local.get $a10))))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a11)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        (if (local.get $acc) (then (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))))
      (f64.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a11))))
        (if (local.get $acc) (then (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 48)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 48)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))))
      (f64.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 48)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a20)))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a20) (local.get $a20))))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a21)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        (if (local.get $acc) (then (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))))
      (f64.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a21))))
        (if (local.get $acc) (then (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 48)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 48)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))))
      (f64.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 48)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a30)))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a30) (local.get $a30))))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a31)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        (if (local.get $acc) (then (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))))
      (f64.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a31))))
        (if (local.get $acc) (then (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 48)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 48)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))))
      (f64.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 48)) (local.get $d)))))))))))))
    (else (if (i32.eq (i32.add (local.get $jb) (i32.const 16)) (local.get $rowN)) (then
      (local.set $a00 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a10 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a20 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a30 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $mp (i32.add (local.get $m) (local.get $jb)))
      (local.set $xk (i32.const 0))
      (block $kDone41 (loop $kLoop41
        (br_if $kDone41 (i32.ge_u (local.get $xk) (local.get $kend)))
        (local.set $w0 (v128.load (local.get $mp)))
        (local.set $v (f32x4.splat (f32.demote_f64 (f64.load (i32.add (local.get $x0) (local.get $xk))))))
        (local.set $a00 (f32x4.add (local.get $a00) (f32x4.mul (local.get $v) (local.get $w0))))
        (local.set $v (f32x4.splat (f32.demote_f64 (f64.load (i32.add (local.get $x1) (local.get $xk))))))
        (local.set $a10 (f32x4.add (local.get $a10) (f32x4.mul (local.get $v) (local.get $w0))))
        (local.set $v (f32x4.splat (f32.demote_f64 (f64.load (i32.add (local.get $x2) (local.get $xk))))))
        (local.set $a20 (f32x4.add (local.get $a20) (f32x4.mul (local.get $v) (local.get $w0))))
        (local.set $v (f32x4.splat (f32.demote_f64 (f64.load (i32.add (local.get $x3) (local.get $xk))))))
        (local.set $a30 (f32x4.add (local.get $a30) (f32x4.mul (local.get $v) (local.get $w0))))
        (local.set $mp (i32.add (local.get $mp) (local.get $rowM)))
        (local.set $xk (i32.add (local.get $xk) (local.get $kstep)))
        (br $kLoop41)))
      (if (i32.eq (local.get $mode) (i32.const 1)) (then
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a00) (local.get $a00))))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a10)))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a10) (local.get $a10))))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a20)))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a20) (local.get $a20))))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a30)))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a30) (local.get $a30))))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $v)))
      (else (if (i32.eq (local.get $mode) (i32.const 2)) (then
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a00) (local.get $a00))))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a10)))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a10) (local.get $a10))))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a20)))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a20) (local.get $a20))))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a30)))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a30) (local.get $a30))))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $v)))
      (else (if (i32.eq (local.get $mode) (i32.const 4)) (then
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a00) (local.get $a00))))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a10)))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a10) (local.get $a10))))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a20)))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a20) (local.get $a20))))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a30)))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a30) (local.get $a30))))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $v)))
      (else (if (i32.eq (local.get $mode) (i32.const 0)) (then
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a00) (local.get $a00))))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a10)))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a10) (local.get $a10))))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a20)))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a20) (local.get $a20))))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a30)))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a30) (local.get $a30))))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $v)))
      (else (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a00) (local.get $a00))))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a10)))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a10) (local.get $a10))))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a20)))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a20) (local.get $a20))))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a30)))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a30) (local.get $a30))))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $v)))))))))))
    (else (if (i32.lt_s (local.get $jb) (local.get $rowN)) (then
      (local.set $a00 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a10 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a20 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a30 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $mp (i32.add (local.get $m) (local.get $jb)))
      (local.set $xk (i32.const 0))
      (block $kDone41p (loop $kLoop41p
        (br_if $kDone41p (i32.ge_u (local.get $xk) (local.get $kend)))
        (local.set $w0 (v128.load (local.get $mp)))
        (local.set $v (f32x4.splat (f32.demote_f64 (f64.load (i32.add (local.get $x0) (local.get $xk))))))
        (local.set $a00 (f32x4.add (local.get $a00) (f32x4.mul (local.get $v) (local.get $w0))))
        (local.set $v (f32x4.splat (f32.demote_f64 (f64.load (i32.add (local.get $x1) (local.get $xk))))))
        (local.set $a10 (f32x4.add (local.get $a10) (f32x4.mul (local.get $v) (local.get $w0))))
        (local.set $v (f32x4.splat (f32.demote_f64 (f64.load (i32.add (local.get $x2) (local.get $xk))))))
        (local.set $a20 (f32x4.add (local.get $a20) (f32x4.mul (local.get $v) (local.get $w0))))
        (local.set $v (f32x4.splat (f32.demote_f64 (f64.load (i32.add (local.get $x3) (local.get $xk))))))
        (local.set $a30 (f32x4.add (local.get $a30) (f32x4.mul (local.get $v) (local.get $w0))))
        (local.set $mp (i32.add (local.get $mp) (local.get $rowM)))
        (local.set $xk (i32.add (local.get $xk) (local.get $kstep)))
        (br $kLoop41p)))
      (if (i32.eq (local.get $mode) (i32.const 1)) (then
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))
      
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a00))))
        
      (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))
      
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a10)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))
      
      (f64.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a10))))
        
      (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))
      
      (f64.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a20)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))
      
      (f64.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a20))))
        
      (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))
      
      (f64.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a30)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))
      
      (f64.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a30))))
        
      (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))
      
      (f64.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $d)))))
      (else (if (i32.eq (local.get $mode) (i32.const 2)) (then
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)))))
      
      
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a00))))
        (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)))))
      
      
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a10)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)))))
      
      
      (f64.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a10))))
        (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)))))
      
      
      (f64.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a20)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)))))
      
      
      (f64.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a20))))
        (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)))))
      
      
      (f64.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a30)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)))))
      
      
      (f64.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a30))))
        (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)))))
      
      
      (f64.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $d)))))
      (else (if (i32.eq (local.get $mode) (i32.const 4)) (then
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      
      (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a00))))
        
      
      (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a10)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      
      (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))
      (f64.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a10))))
        
      
      (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))
      (f64.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a20)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      
      (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))
      (f64.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a20))))
        
      
      (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))
      (f64.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a30)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      
      (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))
      (f64.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a30))))
        
      
      (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))
      (f64.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $d)))))
      (else (if (i32.eq (local.get $mode) (i32.const 0)) (then
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      
      
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a00))))
        
      
      
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a10)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        
      
      
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      
      
      (f64.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a10))))
        
      
      
      (f64.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a20)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        
      
      
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      
      
      (f64.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a20))))
        
      
      
      (f64.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a30)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        
      
      
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      
      
      (f64.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a30))))
        
      
      
      (f64.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $d)))))
      (else (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        (if (local.get $acc) (then (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))))
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a00))))
        (if (local.get $acc) (then (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))))
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a10)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        (if (local.get $acc) (then (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))))
      (f64.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a10))))
        (if (local.get $acc) (then (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))))
      (f64.store (i32.add (i32.add (local.get $o1) (local.get $ob)) (i32.const 16)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a20)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        (if (local.get $acc) (then (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))))
      (f64.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a20))))
        (if (local.get $acc) (then (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))))
      (f64.store (i32.add (i32.add (local.get $o2) (local.get $ob)) (i32.const 16)) (local.get $d))))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a30)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        (if (local.get $acc) (then (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))))
      (f64.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a30))))
        (if (local.get $acc) (then (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))))
      (f64.store (i32.add (i32.add (local.get $o3) (local.get $ob)) (i32.const 16)) (local.get $d))))))))))))))))))
    (local.set $i (i32.add (local.get $i) (i32.const 4)))
    (br $iLoop4)))
  (block $iDone1 (loop $iLoop1
    (br_if $iDone1 (i32.gt_s (i32.add (local.get $i) (i32.const 1)) (local.get $B)))
    (local.set $x0 (i32.add (local.get $x) (i32.mul (i32.add (local.get $i) (i32.const 0)) (local.get $rowX))))
    (local.set $o0 (i32.add (local.get $out) (i32.mul (i32.add (local.get $i) (i32.const 0)) (local.get $rowO))))
    (local.set $jb (i32.const 0))
    (local.set $ob (i32.const 0))
    (block $qDone1 (loop $qLoop1
      (br_if $qDone1 (i32.gt_s (i32.add (local.get $jb) (i32.const 32)) (local.get $rowN)))
      (local.set $a00 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a01 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 16)))) (else (v128.const i64x2 0 0))))
      (local.set $mp (i32.add (local.get $m) (local.get $jb)))
      (local.set $xk (i32.const 0))
      (block $kDone12 (loop $kLoop12
        (br_if $kDone12 (i32.ge_u (local.get $xk) (local.get $kend)))
        (local.set $w0 (v128.load (local.get $mp)))
        (local.set $w1 (v128.load (i32.add (local.get $mp) (i32.const 16))))
        (local.set $v (f32x4.splat (f32.demote_f64 (f64.load (i32.add (local.get $x0) (local.get $xk))))))
        (local.set $a00 (f32x4.add (local.get $a00) (f32x4.mul (local.get $v) (local.get $w0))))
        (local.set $a01 (f32x4.add (local.get $a01) (f32x4.mul (local.get $v) (local.get $w1))))
        (local.set $mp (i32.add (local.get $mp) (local.get $rowM)))
        (local.set $xk (i32.add (local.get $xk) (local.get $kstep)))
        (br $kLoop12)))
      (if (i32.eq (local.get $mode) (i32.const 1)) (then
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a00) (local.get $a00))))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a01)))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a01) (local.get $a01))))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)) (local.get $v)))
      (else (if (i32.eq (local.get $mode) (i32.const 2)) (then
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a00) (local.get $a00))))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a01)))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a01) (local.get $a01))))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)) (local.get $v)))
      (else (if (i32.eq (local.get $mode) (i32.const 4)) (then
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a00) (local.get $a00))))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a01)))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a01) (local.get $a01))))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)) (local.get $v)))
      (else (if (i32.eq (local.get $mode) (i32.const 0)) (then
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a00) (local.get $a00))))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a01)))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a01) (local.get $a01))))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)) (local.get $v)))
      (else (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a00) (local.get $a00))))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a01)))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a01) (local.get $a01))))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)) (local.get $v))))))))))
      (local.set $jb (i32.add (local.get $jb) (i32.const 32)))
      (local.set $ob (i32.add (local.get $ob) (i32.const 64)))
      (br $qLoop1)))
    (if (i32.lt_s (i32.add (local.get $jb) (i32.const 16)) (local.get $rowN)) (then
      (local.set $a00 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $a01 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 16)))) (else (v128.const i64x2 0 0))))
      (local.set $mp (i32.add (local.get $m) (local.get $jb)))
      (local.set $xk (i32.const 0))
      (block $kDone12p (loop $kLoop12p
        (br_if $kDone12p (i32.ge_u (local.get $xk) (local.get $kend)))
        (local.set $w0 (v128.load (local.get $mp)))
        (local.set $w1 (v128.load (i32.add (local.get $mp) (i32.const 16))))
        (local.set $v (f32x4.splat (f32.demote_f64 (f64.load (i32.add (local.get $x0) (local.get $xk))))))
        (local.set $a00 (f32x4.add (local.get $a00) (f32x4.mul (local.get $v) (local.get $w0))))
        (local.set $a01 (f32x4.add (local.get $a01) (f32x4.mul (local.get $v) (local.get $w1))))
        (local.set $mp (i32.add (local.get $mp) (local.get $rowM)))
        (local.set $xk (i32.add (local.get $xk) (local.get $kstep)))
        (br $kLoop12p)))
      (if (i32.eq (local.get $mode) (i32.const 1)) (then
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a00) (local.get $a00))))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a01)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))
      
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a01))))
        
      (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))
      
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)) (local.get $d)))))
      (else (if (i32.eq (local.get $mode) (i32.const 2)) (then
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a00) (local.get $a00))))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a01)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)))))
      
      
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a01))))
        (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)))))
      
      
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)) (local.get $d)))))
      (else (if (i32.eq (local.get $mode) (i32.const 4)) (then
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a00) (local.get $a00))))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a01)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      
      (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a01))))
        
      
      (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)) (local.get $d)))))
      (else (if (i32.eq (local.get $mode) (i32.const 0)) (then
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a00) (local.get $a00))))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a01)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      
      
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a01))))
        
      
      
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)) (local.get $d)))))
      (else (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a00) (local.get $a00))))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a01)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 8)) (then
        (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        (if (local.get $acc) (then (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))))
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 32)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 16))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a01))))
        (if (local.get $acc) (then (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))))
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 48)) (local.get $d)))))))))))))
    (else (if (i32.eq (i32.add (local.get $jb) (i32.const 16)) (local.get $rowN)) (then
      (local.set $a00 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $mp (i32.add (local.get $m) (local.get $jb)))
      (local.set $xk (i32.const 0))
      (block $kDone11 (loop $kLoop11
        (br_if $kDone11 (i32.ge_u (local.get $xk) (local.get $kend)))
        (local.set $w0 (v128.load (local.get $mp)))
        (local.set $v (f32x4.splat (f32.demote_f64 (f64.load (i32.add (local.get $x0) (local.get $xk))))))
        (local.set $a00 (f32x4.add (local.get $a00) (f32x4.mul (local.get $v) (local.get $w0))))
        (local.set $mp (i32.add (local.get $mp) (local.get $rowM)))
        (local.set $xk (i32.add (local.get $xk) (local.get $kstep)))
        (br $kLoop11)))
      (if (i32.eq (local.get $mode) (i32.const 1)) (then
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a00) (local.get $a00))))
      
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $v)))
      (else (if (i32.eq (local.get $mode) (i32.const 2)) (then
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a00) (local.get $a00))))
      (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $v)))
      (else (if (i32.eq (local.get $mode) (i32.const 4)) (then
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a00) (local.get $a00))))
      
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $v)))
      (else (if (i32.eq (local.get $mode) (i32.const 0)) (then
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a00) (local.get $a00))))
      
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $v)))
      (else (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v))
      (local.set $v (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $a00) (local.get $a00))))
      (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $v)))))))))))
    (else (if (i32.lt_s (local.get $jb) (local.get $rowN)) (then
      (local.set $a00 (if (result v128) (local.get $bias) (then (v128.load (i32.add (i32.add (local.get $bias) (local.get $jb)) (i32.const 0)))) (else (v128.const i64x2 0 0))))
      (local.set $mp (i32.add (local.get $m) (local.get $jb)))
      (local.set $xk (i32.const 0))
      (block $kDone11p (loop $kLoop11p
        (br_if $kDone11p (i32.ge_u (local.get $xk) (local.get $kend)))
        (local.set $w0 (v128.load (local.get $mp)))
        (local.set $v (f32x4.splat (f32.demote_f64 (f64.load (i32.add (local.get $x0) (local.get $xk))))))
        (local.set $a00 (f32x4.add (local.get $a00) (f32x4.mul (local.get $v) (local.get $w0))))
        (local.set $mp (i32.add (local.get $mp) (local.get $rowM)))
        (local.set $xk (i32.add (local.get $xk) (local.get $kstep)))
        (br $kLoop11p)))
      (if (i32.eq (local.get $mode) (i32.const 1)) (then
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        
      (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))
      
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a00))))
        
      (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))
      
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $d)))))
      (else (if (i32.eq (local.get $mode) (i32.const 2)) (then
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)))))
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)))))
      
      
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a00))))
        (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)))))
      
      
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $d)))))
      (else (if (i32.eq (local.get $mode) (i32.const 4)) (then
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        
      
      (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      
      (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a00))))
        
      
      (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $d)))))
      (else (if (i32.eq (local.get $mode) (i32.const 0)) (then
      (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        
      
      
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        
      
      
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a00))))
        
      
      
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $d)))))
      (else (local.set $v (f64x2.promote_low_f32x4 (local.get $a00)))
      (if (i32.ge_s (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 8)) (then
        (if (local.get $acc) (then (local.set $v (f64x2.add (local.get $v) (v128.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (local.set $v (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const i64x2 0 0))))))
      (if (local.get $gate) (then (local.set $v (v128.and (local.get $v) (f64x2.ne (v128.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $out)))) (v128.const i64x2 0 0))))))
      (v128.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $v)))
      (else
        (local.set $d (f64x2.extract_lane 0 (local.get $v)))
        (if (local.get $acc) (then (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))))
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 0)) (local.get $d))))
      (if (i32.eq (i32.sub (local.get $rowN) (i32.add (local.get $jb) (i32.const 0))) (i32.const 12)) (then
        (local.set $d (f64.promote_f32 (f32x4.extract_lane 2 (local.get $a00))))
        (if (local.get $acc) (then (local.set $d (f64.add (local.get $d) (f64.load (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)))))))
      (if (local.get $relu) (then (if (i32.eqz (f64.gt (local.get $d) (f64.const 0))) (then (local.set $d (f64.const 0))))))
      (if (local.get $gate) (then (if (f64.eq (f64.load (i32.add (local.get $gate) (i32.sub (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $out)))) (f64.const 0)) (then (local.set $d (f64.const 0))))))
      (f64.store (i32.add (i32.add (local.get $o0) (local.get $ob)) (i32.const 16)) (local.get $d))))))))))))))))))
    (local.set $i (i32.add (local.get $i) (i32.const 1)))
    (br $iLoop1))))
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
