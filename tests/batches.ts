// Seeded random minibatches `[P, B, …]` for the update tests (dones with probability 0.2).
import { type Batch, Rng } from "../mod.ts";

/** A minibatch of `batch` transitions per member, obs/act sizes as given. */
export function randomBatch(
  P: number,
  seed: number,
  { batch, obs, act }: { batch: number; obs: number; act: number },
): Batch {
  const rng = new Rng(seed);
  const fill = (n: number, f: () => number) => Float32Array.from({ length: n }, f);
  return {
    observations: fill(P * batch * obs, () => rng.normal()),
    actions: fill(P * batch * act, () => 2 * rng.uniform() - 1),
    rewards: fill(P * batch, () => rng.normal()),
    nextObservations: fill(P * batch * obs, () => rng.normal()),
    dones: fill(P * batch, () => (rng.uniform() < 0.2 ? 1 : 0)),
  };
}
