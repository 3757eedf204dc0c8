/**
 * WebAssembly text builders the kernel generators share (`tools/gen_simd.ts`,
 * `tools/gen_simd_f32.ts`): each returns one S-expression.
 * @module
 */

/** `(local.get $n)` */
export const L = (n: string): string => `(local.get $${n})`;
/** `(local.set $n v)` */
export const set = (n: string, v: string): string => `(local.set $${n} ${v})`;
/** `(i32.const v)` */
export const i32 = (v: number): string => `(i32.const ${v})`;
/** `(i32.add a b)` */
export const add = (a: string, b: string): string => `(i32.add ${a} ${b})`;
/** `(i32.mul a b)` */
export const mul = (a: string, b: string): string => `(i32.mul ${a} ${b})`;
/** `(i32.shl a s)`: a byte offset from an index, s = log2 of the element size. */
export const shl = (a: string, s: number): string => `(i32.shl ${a} (i32.const ${s}))`;
