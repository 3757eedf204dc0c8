import { assertAlmostEquals, assertEquals, assertNotEquals } from "./assert.ts";
import { Rng } from "../mod.ts";

Deno.test("rng: same seed gives the same stream, different seeds differ", () => {
  const a = new Rng(7), b = new Rng(7), c = new Rng(8);
  const xs = Array.from({ length: 5 }, () => a.nextUint32());
  assertEquals(xs, Array.from({ length: 5 }, () => b.nextUint32()));
  assertNotEquals(xs, Array.from({ length: 5 }, () => c.nextUint32()));
});

Deno.test("rng: state round-trips mid-stream, including the spare normal", () => {
  const a = new Rng(3);
  a.normal();
  const saved = a.state;
  const expected = [a.normal(), a.normal(), a.uniform()];
  const b = new Rng(99);
  b.state = saved;
  assertEquals([b.normal(), b.normal(), b.uniform()], expected);
});

Deno.test("rng: uniform and normal moments match their distributions", () => {
  const rng = new Rng(1);
  const n = 200_000;
  let su = 0, sn = 0, sn2 = 0;
  for (let i = 0; i < n; i++) {
    su += rng.uniform();
    const z = rng.normal();
    sn += z;
    sn2 += z * z;
  }
  // standard errors: uniform mean 0.00065, normal mean 0.0022, normal variance 0.0032
  assertAlmostEquals(su / n, 0.5, 0.004);
  assertAlmostEquals(sn / n, 0, 0.012);
  assertAlmostEquals(sn2 / n, 1, 0.016);
});
