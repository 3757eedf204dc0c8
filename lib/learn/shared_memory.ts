/**
 * Makes `SharedArrayBuffer` a global where the browser hides it (a page that is not
 * cross-origin isolated) but still creates shared WebAssembly memories: the fused path's SIMD
 * kernels (lib/fused/simd.ts) live in one and recognise their arrays by
 * `buffer instanceof SharedArrayBuffer`. The constructor is taken from such a memory's buffer, so
 * the check stays exact. Imported first by lib/learn/worker.ts, before the kernels load.
 * @module
 */
const scope = globalThis as { SharedArrayBuffer?: unknown };
if (typeof scope.SharedArrayBuffer === "undefined") {
  try {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true });
    scope.SharedArrayBuffer = memory.buffer.constructor;
  } catch {
    // no shared memory: the kernels' own probe fails too and the TypeScript kernels run
  }
}
