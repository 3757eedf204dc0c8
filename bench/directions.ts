/**
 * Which regime the actor step is in (DESIGN §3): on freshly initialised networks with
 * HalfCheetah sizes (obs 17, act 6, hidden 16×16, batch 100), the cosine between each FS
 * direction and ∂J/∂θ and the length ratio ‖correction‖/‖∂J/∂θ‖, over several seeds.
 * @module
 */
import { actorDirection, createAgent, Rng } from "../mod.ts";

const OBS = 17, ACT = 6, BATCH = 100;

const VARIANTS: { label: string; algo: string; options: Record<string, unknown> }[] = [
  { label: "listing (paper's code), o = 1", algo: "fsddpg", options: { k1k2: "listing" } },
  {
    label: "per-sample, o = 1 (diagonal)",
    algo: "fsddpg",
    options: { k1k2: "per-sample", degree: 1 },
  },
  { label: "per-sample, o = 4", algo: "fsddpg", options: { k1k2: "per-sample", degree: 4 } },
  { label: "per-sample, o = 16", algo: "fsddpg", options: { k1k2: "per-sample", degree: 16 } },
  {
    label: "per-sample, CG 5 iterations",
    algo: "fsddpg-cg",
    options: { k1k2: "per-sample", cgIterations: 5 },
  },
  {
    label: "per-sample, CG 50 iterations",
    algo: "fsddpg-cg",
    options: { k1k2: "per-sample", cgIterations: 50 },
  },
  {
    label: "per-sample, exact (o = n_w)",
    algo: "fsddpg",
    options: { k1k2: "per-sample", degree: 673 },
  },
];

function stats(direction: Float32Array, gradient: Float32Array) {
  let dg = 0, dd = 0, gg = 0, cc = 0;
  for (let i = 0; i < gradient.length; i++) {
    const c = direction[i] - gradient[i];
    dg += direction[i] * gradient[i];
    dd += direction[i] ** 2;
    gg += gradient[i] ** 2;
    cc += c * c;
  }
  return { cosine: dg / Math.sqrt(dd * gg), ratio: Math.sqrt(cc / gg) };
}

/** Mean cosine and length ratio of each variant over `seeds` fresh initialisations. */
export async function benchDirections(seeds = 5): Promise<string> {
  const lines = [
    `fresh networks, obs ${OBS}, act ${ACT}, hidden 16×16 (n_w = 673, n_θ = 662), batch ${BATCH}, ε = 1e-5, ${seeds} seeds (mean [min, max])`,
    "",
    "| direction | cosine with ∂J/∂θ | ‖correction‖ / ‖∂J/∂θ‖ |",
    "| --- | --- | --- |",
  ];
  for (const v of VARIANTS) {
    const cos: number[] = [], ratio: number[] = [];
    for (let seed = 0; seed < seeds; seed++) {
      const agent = await createAgent(v.algo, {
        observationSize: OBS,
        actionSize: ACT,
        seed,
        backend: "wasm",
        ...v.options,
      });
      const rng = new Rng(1000 + seed);
      const observations = Float32Array.from({ length: BATCH * OBS }, () => rng.normal());
      const { direction, dJdTheta } = await actorDirection(agent, observations);
      const s = stats(direction, dJdTheta);
      cos.push(s.cosine);
      ratio.push(s.ratio);
      agent.dispose();
    }
    const fmt = (x: number[]) => {
      const mean = x.reduce((a, b) => a + b, 0) / x.length;
      return `${mean.toFixed(3)} [${Math.min(...x).toFixed(3)}, ${Math.max(...x).toFixed(3)}]`;
    };
    lines.push(`| ${v.label} | ${fmt(cos)} | ${fmt(ratio)} |`);
  }
  return lines.join("\n");
}

if (import.meta.main) console.log(await benchDirections());
