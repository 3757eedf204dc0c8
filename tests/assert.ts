// Small assertion helpers (JSR is not reachable from our machines, so no @std/assert).
import assert from "node:assert/strict";

// (a message, when given, replaces node's diff; without one the diff is shown)
export const assertEquals = (actual: unknown, expected: unknown, msg?: string): void =>
  msg === undefined
    ? assert.deepStrictEqual(actual, expected)
    : assert.deepStrictEqual(actual, expected, msg);
export const assertNotEquals = (actual: unknown, expected: unknown, msg?: string): void =>
  msg === undefined
    ? assert.notDeepStrictEqual(actual, expected)
    : assert.notDeepStrictEqual(actual, expected, msg);
export const assert_ = (cond: unknown, msg?: string): void =>
  msg === undefined ? assert.ok(cond) : assert.ok(cond, msg);
export { assert_ as assert };

export function assertAlmostEquals(actual: number, expected: number, tol = 1e-7, msg = ""): void {
  if (!(Math.abs(actual - expected) <= tol)) {
    throw new Error(`${msg} expected ${expected} ± ${tol}, got ${actual}`);
  }
}

/** Max relative error between two vectors, relative to the larger norm (∞-norm). */
export function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} vs ${b.length}`);
  let diff = 0, scale = 0;
  for (let i = 0; i < a.length; i++) {
    diff = Math.max(diff, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(a[i]), Math.abs(b[i]));
  }
  return scale === 0 ? diff : diff / scale;
}

export function assertClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  tol: number,
  msg = "",
): void {
  const err = relativeError(actual, expected);
  if (!(err <= tol)) throw new Error(`${msg} relative error ${err.toExponential(3)} > ${tol}`);
}

export function assertThrowsMatching(fn: () => unknown, pattern: RegExp): void {
  assert.throws(fn, (e: unknown) => e instanceof Error && pattern.test(e.message));
}

export async function assertRejectsMatching(
  fn: () => Promise<unknown>,
  pattern: RegExp,
): Promise<void> {
  await assert.rejects(fn, (e: unknown) => e instanceof Error && pattern.test(e.message));
}
