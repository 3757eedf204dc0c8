// Where a fused updater keeps its state (lib/fused/updater.ts): a one-thread updater in the SIMD
// kernels' memory (so that Adam, polyak and the float32 passes work on it in place), a threaded
// one in SharedArrayBuffers of its own; the worker pool (lib/fused/pool.ts) takes only the latter.
import { assert, assertEquals, assertThrowsMatching } from "./assert.ts";
import { traits } from "../lib/config.ts";
import { FusedUpdater } from "../lib/fused/updater.ts";
import { WorkerPool } from "../lib/fused/pool.ts";
import { inSimdMemory, simdKernels } from "../lib/fused/simd.ts";

const settings = {
  traits: traits("td3"),
  population: 3,
  observationSize: 4,
  actionSize: 2,
  hidden: [5, 5],
  actionLow: [-1, -1],
  actionHigh: [1, 1],
  lrActor: 1e-3,
  lrCritic: 1e-3,
  polyak: 5e-3,
  gamma: 0.99,
  epsilon: 1e-3,
  cgIterations: 5,
  degree: 1,
  k1k2: "per-sample" as const,
  targetNoise: 0.2,
  targetNoiseClip: 0.5,
};

Deno.test("fused state: one thread's in the kernels' memory (zeroed, disjoint arrays), a threaded updater's in SharedArrayBuffers of its own, and the worker pool refuses the former with one line", () => {
  const one = new FusedUpdater(settings);
  const arrays = one.stateArrays().map((s) => s.array);
  assertEquals(one.sharedState, false);
  if (simdKernels() !== null) assert(arrays.every((a) => inSimdMemory(a)));
  assert(arrays.every((a) => a.every((x) => x === 0)), "state starts at zero");
  // writing one array leaves the others as they were
  arrays[0].fill(7);
  assert(arrays.slice(1).every((a) => a.every((x) => x === 0)), "arrays overlap");
  assertThrowsMatching(() => new WorkerPool(one, 1), /workers need the state in shared memory/);
  one.dispose();

  const threaded = new FusedUpdater(settings, { shared: true });
  assertEquals(threaded.sharedState, true);
  for (const { array } of threaded.stateArrays()) {
    assert(array.buffer instanceof SharedArrayBuffer && !inSimdMemory(array));
    assertEquals(array.byteLength, array.buffer.byteLength, "one buffer per array");
  }
  threaded.dispose();
});

Deno.test("fused state: an updater whose state would take over 64 MiB of the kernels' memory keeps it in ordinary arrays", () => {
  // TD3, hidden 256×256: about 3.3 MB of state per member, 78 MB for 24
  const big = new FusedUpdater({ ...settings, population: 24, hidden: [256, 256] });
  const arrays = big.stateArrays().map((s) => s.array);
  assert(arrays.every((a) => !inSimdMemory(a) && !(a.buffer instanceof SharedArrayBuffer)));
  assertEquals(big.sharedState, false);
  big.dispose();
});
