import { assertEquals } from "./assert.ts";
import { generateSimd } from "../tools/gen_simd.ts";
import {
  RELAXED_PROBE_BASE64,
  SIMD_FMA_WASM_BASE64,
  SIMD_WASM_BASE64,
} from "../lib/fused/simd_wasm.ts";

const FUSED = new URL("../lib/fused/", import.meta.url);

Deno.test("generated SIMD kernels: simd.wat, simd_fma.wat and simd_wasm.ts are what tools/gen_simd.ts writes (else run deno task gen:simd)", async () => {
  const { wat, fmaWat, wasmTs } = await generateSimd();
  assertEquals(await Deno.readTextFile(new URL("simd.wat", FUSED)), wat);
  assertEquals(await Deno.readTextFile(new URL("simd_fma.wat", FUSED)), fmaWat);
  assertEquals(await Deno.readTextFile(new URL("simd_wasm.ts", FUSED)), wasmTs);
});

const bytes = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
const exportsOf = async (b64: string) =>
  WebAssembly.Module.exports(await WebAssembly.compile(bytes(b64))).map((e) => e.name).sort();

Deno.test("generated SIMD kernels: the embedded bytes compile and export rows, rows32, tanh32, adam, blend, widen, lag and dots", async () => {
  assertEquals(await exportsOf(SIMD_WASM_BASE64), [
    "adam",
    "blend",
    "dots",
    "lag",
    "rows",
    "rows32",
    "rows32os",
    "rows32s",
    "rows32xs",
    "tanh32",
    "widen",
  ]);
});

Deno.test("generated SIMD kernels: the fused multiply-add module exports rows32 and validates exactly where the relaxed-SIMD probe does", async () => {
  const relaxed = WebAssembly.validate(bytes(RELAXED_PROBE_BASE64));
  assertEquals(WebAssembly.validate(bytes(SIMD_FMA_WASM_BASE64)), relaxed);
  if (relaxed) {
    assertEquals(await exportsOf(SIMD_FMA_WASM_BASE64), [
      "rows32",
      "rows32os",
      "rows32s",
      "rows32xs",
    ]);
  }
});
