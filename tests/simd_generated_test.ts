import { assertEquals } from "./assert.ts";
import { generateSimd } from "../tools/gen_simd.ts";
import { SIMD_WASM_BASE64 } from "../lib/fused/simd_wasm.ts";

const FUSED = new URL("../lib/fused/", import.meta.url);

Deno.test("generated SIMD kernels: simd.wat and simd_wasm.ts are what tools/gen_simd.ts writes (else run deno task gen:simd)", async () => {
  const { wat, wasmTs } = await generateSimd();
  assertEquals(await Deno.readTextFile(new URL("simd.wat", FUSED)), wat);
  assertEquals(await Deno.readTextFile(new URL("simd_wasm.ts", FUSED)), wasmTs);
});

Deno.test("generated SIMD kernels: the embedded bytes compile and export rows, lag and dots", async () => {
  const bytes = Uint8Array.from(atob(SIMD_WASM_BASE64), (c) => c.charCodeAt(0));
  const module = await WebAssembly.compile(bytes);
  const exports = WebAssembly.Module.exports(module).map((e) => e.name).sort();
  assertEquals(exports, ["dots", "lag", "rows"]);
});
