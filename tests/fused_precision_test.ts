// The fused path's mixed precision (lib/fused/updater.ts, lib/fused/simd.ts): which directions
// keep float64 (bit for bit), and that the others move by float32 rounding only.
import { createAgent } from "../mod.ts";
import { type Precision, simdKernels } from "../lib/fused/simd.ts";
import { assert, assertEquals, relativeError } from "./assert.ts";
import { randomBatch } from "./batches.ts";

const O = 17, A = 6, B = 100;
const shape = { batch: B, obs: O, act: A };

/** The direction of `algo` on one batch with the same weights, under `precision`. */
async function directionUnder(
  algo: string,
  extra: Record<string, unknown>,
  precision: Precision,
): Promise<Float32Array> {
  const agent = await createAgent(algo, {
    observationSize: O,
    actionSize: A,
    backend: "cpu",
    implementation: "fused",
    seed: 4,
    precision,
    ...extra,
  });
  try {
    // a few float64 steps so that the weights are not the initial ones, then the same weights
    const trainer = await createAgent(algo, {
      observationSize: O,
      actionSize: A,
      backend: "cpu",
      implementation: "fused",
      seed: 4,
      ...extra,
    });
    for (let k = 0; k < 3; k++) await trainer.update(randomBatch(1, 40 + k, shape));
    agent.setWeights(trainer.getWeights());
    trainer.dispose();
    const b = randomBatch(1, 99, shape);
    return (await agent.direction(b.observations, b.rewards)).direction;
  } finally {
    agent.dispose();
  }
}

Deno.test({
  name:
    "precision mixed: per-sample CG and SD* directions are the float64 ones bit for bit; the listing and per-sample block forms differ from them by float32 rounding (≤ 1e-5, > 0)",
  ignore: simdKernels() === null,
  fn: async () => {
    for (
      const [algo, extra] of [
        ["fsddpg-cg", { k1k2: "per-sample" }],
        ["std3-cg", {}],
      ] as [string, Record<string, unknown>][]
    ) {
      const f64 = await directionUnder(algo, extra, "f64");
      assertEquals(await directionUnder(algo, extra, "mixed"), f64, algo);
    }
    for (
      const [algo, extra] of [
        ["fsddpg", { k1k2: "listing" }],
        ["fsddpg", { k1k2: "per-sample", degree: 3 }],
      ] as [string, Record<string, unknown>][]
    ) {
      const err = relativeError(
        await directionUnder(algo, extra, "mixed"),
        await directionUnder(algo, extra, "f64"),
      );
      assert(err > 0 && err <= 1e-5, `${algo} ${JSON.stringify(extra)}: ${err}`);
    }
  },
});
