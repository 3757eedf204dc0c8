/**
 * Report section 2, "Directions" (paper §4): for each task, on freshly initialised networks
 * with the task's observation and action sizes, the cosine between each actor direction and
 * ∂J/∂θ and the length ratio ‖correction‖/‖∂J/∂θ‖ — the numbers that say which regime the
 * paper's method is in. States and rewards come from the task itself (random-action rollouts);
 * TD targets for the SD* directions are y = r + γ(1 − d)·Q(s′, π(s′)) with the same networks.
 * @module
 */
import { actorDirection, createAgent, loadAgent, type NamedWeights } from "../agent.ts";
import { DEFAULTS } from "../config.ts";
import { actorForwardHost, parameterCount } from "../nets.ts";
import { Rng } from "../rng.ts";
import { makeEnv } from "../../physics/mod.ts";
import type { ReportFile } from "./section.ts";
import { csv } from "./stats.ts";

/** One actor-step variant of the section's table. */
/** A direction to measure: an agent's algorithm and options, under a label. */
export interface DirectionVariant {
  label: string;
  algo: string;
  options: Record<string, unknown>;
  /** Needs n_w Hessian-vector products or an n_w × n_w solve: only below `denseLimit`. */
  dense?: boolean;
  /** Needs TD targets (SD* directions). */
  targets?: boolean;
}

const VARIANTS: DirectionVariant[] = [
  { label: "FS listing (paper's code), o = 1", algo: "fsddpg", options: { k1k2: "listing" } },
  { label: "FS per-sample, o = 1", algo: "fsddpg", options: { k1k2: "per-sample", degree: 1 } },
  { label: "FS per-sample, o = 4", algo: "fsddpg", options: { k1k2: "per-sample", degree: 4 } },
  { label: "FS per-sample, o = 16", algo: "fsddpg", options: { k1k2: "per-sample", degree: 16 } },
  {
    label: "FS per-sample, CG 5",
    algo: "fsddpg-cg",
    options: { k1k2: "per-sample", cgIterations: 5 },
  },
  {
    label: "FS per-sample, CG 50",
    algo: "fsddpg-cg",
    options: { k1k2: "per-sample", cgIterations: 50 },
  },
  {
    label: "FS per-sample, exact",
    algo: "fsddpg",
    options: { k1k2: "per-sample", degree: 1e6 },
    dense: true,
  },
  { label: "SD CG 5", algo: "sddpg-cg", options: { cgIterations: 5 }, targets: true },
  { label: "SD CG 50", algo: "sddpg-cg", options: { cgIterations: 50 }, targets: true },
  { label: "SD exact", algo: "sddpg", options: {}, targets: true, dense: true },
];

/** Settings of the section. */
export interface DirectionsOptions {
  /** Tasks to measure (names of `listEnvs()`). */
  tasks: string[];
  /** Fresh initialisations per task. */
  seeds: number;
  /** Batch size B. */
  batch?: number;
  /** Largest n_w for which the dense variants run. */
  denseLimit?: number;
  /** Called with a line of progress. */
  log?: (line: string) => void;
  /**
   * Trained networks: checkpoint directories (`loadAgent` dirs) of DDPG-family runs per task.
   * Member 0's actor and first critic are measured in place of fresh ones (one "seed").
   */
  trained?: { task: string; checkpoint: string; run: string }[];
  /** The directions measured (default: the section's own list, listing to exact SD). */
  variants?: DirectionVariant[];
}

/** One measured cell: mean, min and max over seeds. */
export interface DirectionRow {
  task: string;
  /** "fresh" or "trained (<run id>)". */
  network: string;
  variant: string;
  nW: number;
  nTheta: number;
  cosine: number[];
  ratio: number[];
}

/** Runs the measurements: fresh networks of every task, then the trained checkpoints. */
export async function measureDirections(options: DirectionsOptions): Promise<DirectionRow[]> {
  const { tasks, seeds } = options;
  const rows: DirectionRow[] = [];
  for (const task of tasks) {
    rows.push(...await measureTask(task, seeds, undefined, "fresh", options));
  }
  for (const t of options.trained ?? []) {
    const agent = await loadAgent(t.checkpoint, { backend: "wasm" });
    const P = agent.population;
    const weights = agent.getWeights().map((w) => ({
      name: w.name,
      shape: [1, ...w.shape.slice(1)],
      values: w.values.slice(0, w.values.length / P),
    }));
    agent.dispose();
    rows.push(...await measureTask(t.task, 1, weights, `trained (${t.run})`, options));
  }
  return rows;
}

async function measureTask(
  task: string,
  seeds: number,
  trained: NamedWeights[] | undefined,
  network: string,
  options: DirectionsOptions,
): Promise<DirectionRow[]> {
  const { batch = DEFAULTS.batchSize, denseLimit = 1000, log = () => {} } = options;
  const rows: DirectionRow[] = [];
  {
    const env = await makeEnv(task, { seed: 0 });
    const O = env.observationSize, A = env.actionSize;
    const hidden = trained
      ? trained.filter((w) => w.name.startsWith("actor/") && w.shape.length === 3).slice(0, -1)
        .map((w) => w.shape[2])
      : DEFAULTS.hidden;
    const nW = parameterCount([O + A, ...hidden, 1]), nTheta = parameterCount([O, ...hidden, A]);
    const transitions = collect(env, batch, new Rng(7));
    env.close();
    for (const v of options.variants ?? VARIANTS) {
      if (v.dense && nW > denseLimit) continue;
      const row: DirectionRow = {
        task,
        network,
        variant: v.label,
        nW,
        nTheta,
        cosine: [],
        ratio: [],
      };
      for (let seed = 0; seed < seeds; seed++) {
        const agent = await createAgent(v.algo, {
          observationSize: O,
          actionSize: A,
          actionLow: env.actionLow,
          actionHigh: env.actionHigh,
          seed,
          backend: "wasm",
          hidden,
          ...(v.dense && v.algo === "fsddpg" ? { ...v.options, degree: nW } : v.options),
        });
        if (trained) {
          const names = agent.getWeights().map((w) => w.name);
          agent.setWeights(names.map((n) => trained.find((w) => w.name === n)!));
        }
        const targets = v.targets
          ? tdTargets(agent.getWeights(), transitions, O, A, hidden, env)
          : undefined;
        const { direction, dJdTheta } = await actorDirection(
          agent,
          transitions.observations,
          targets,
        );
        const s = cosineAndRatio(direction, dJdTheta);
        row.cosine.push(s.cosine);
        row.ratio.push(s.ratio);
        agent.dispose();
      }
      log(
        `  ${task} (${network}): ${v.label}: cosine ${mean(row.cosine).toFixed(3)}, ratio ${
          mean(row.ratio).toFixed(3)
        }`,
      );
      rows.push(row);
    }
  }
  return rows;
}

/** A batch of transitions, flat `[B, size]`. */
interface Transitions {
  observations: Float32Array;
  rewards: Float32Array;
  nextObservations: Float32Array;
  dones: Float32Array;
}

/** B transitions of uniformly random actions from the task's own resets. */
function collect(
  env: Awaited<ReturnType<typeof makeEnv>>,
  batch: number,
  rng: Rng,
): Transitions {
  const O = env.observationSize, A = env.actionSize;
  const out: Transitions = {
    observations: new Float32Array(batch * O),
    rewards: new Float32Array(batch),
    nextObservations: new Float32Array(batch * O),
    dones: new Float32Array(batch),
  };
  let { observation } = env.reset({ seed: 0 });
  const action = new Float32Array(A);
  for (let i = 0; i < batch; i++) {
    for (let j = 0; j < A; j++) {
      action[j] = env.actionLow[j] + (env.actionHigh[j] - env.actionLow[j]) * rng.uniform();
    }
    const step = env.step(action);
    out.observations.set(observation, i * O);
    out.nextObservations.set(step.observation, i * O);
    out.rewards[i] = step.reward;
    out.dones[i] = step.terminated ? 1 : 0;
    observation = step.terminated || step.truncated ? env.reset().observation : step.observation;
  }
  return out;
}

/** y = r + γ(1 − d)·Q(s′, π(s′)) with the agent's own (fresh) networks, on the host. */
function tdTargets(
  weights: { name: string; values: Float32Array }[],
  t: Transitions,
  O: number,
  A: number,
  hidden: number[],
  env: { actionLow: Float32Array; actionHigh: Float32Array },
): Float32Array {
  const actor = weights.filter((w) => w.name.startsWith("actor/")).map((w) => w.values);
  const critic = weights.filter((w) => w.name.startsWith("critic1/")).map((w) => w.values);
  const mid = Float32Array.from(env.actionLow, (l, j) => (l + env.actionHigh[j]) / 2);
  const half = Float32Array.from(env.actionLow, (l, j) => (env.actionHigh[j] - l) / 2);
  const B = t.rewards.length;
  const y = new Float32Array(B);
  const action = new Float32Array(A);
  const sizes = [O + A, ...hidden, 1];
  for (let i = 0; i < B; i++) {
    actorForwardHost([O, ...hidden, A], actor, 0, t.nextObservations, i * O, mid, half, action, 0);
    const input = Float64Array.from([...t.nextObservations.subarray(i * O, i * O + O), ...action]);
    y[i] = t.rewards[i] + DEFAULTS.gamma * (1 - t.dones[i]) * criticHost(sizes, critic, input);
  }
  return y;
}

function criticHost(sizes: number[], params: Float32Array[], input: Float64Array): number {
  let h: Float64Array = input;
  for (let l = 0; l + 1 < sizes.length; l++) {
    const fi = sizes[l], fo = sizes[l + 1];
    const z = Float64Array.from(params[2 * l + 1].subarray(0, fo));
    for (let i = 0; i < fi; i++) {
      for (let j = 0; j < fo; j++) z[j] += h[i] * params[2 * l][i * fo + j];
    }
    h = l + 2 < sizes.length ? z.map((v) => Math.max(0, v)) : z;
  }
  return h[0];
}

/** Cosine of `direction` with `gradient`, and ‖direction − gradient‖ / ‖gradient‖. */
function cosineAndRatio(
  direction: Float32Array,
  gradient: Float32Array,
): { cosine: number; ratio: number } {
  let dg = 0, dd = 0, gg = 0, cc = 0;
  for (let i = 0; i < gradient.length; i++) {
    dg += direction[i] * gradient[i];
    dd += direction[i] ** 2;
    gg += gradient[i] ** 2;
    cc += (direction[i] - gradient[i]) ** 2;
  }
  return { cosine: dg / Math.sqrt(dd * gg), ratio: Math.sqrt(cc / gg) };
}

const mean = (x: number[]) => x.reduce((a, b) => a + b, 0) / x.length;

/** The section's Markdown and CSV from measured rows. */
export function buildDirectionsSection(
  rows: DirectionRow[],
  options: Pick<DirectionsOptions, "seeds" | "denseLimit"> & { batch?: number },
): { markdown: string; files: ReportFile[] } {
  const fmt = (x: number[]) =>
    x.length === 1
      ? x[0].toFixed(3)
      : `${mean(x).toFixed(3)} [${Math.min(...x).toFixed(3)}, ${Math.max(...x).toFixed(3)}]`;
  const md: string[] = [
    "## 2. Directions: which regime the actor step is in (paper §4)",
    "",
    `Freshly initialised networks (hidden ${
      DEFAULTS.hidden.join("×")
    }, PyTorch's initialisation), ` +
    `batch ${
      options.batch ?? DEFAULTS.batchSize
    } of transitions from uniformly random actions in each task, ` +
    `ε = ${DEFAULTS.epsilon}, ${options.seeds} seed(s): mean [min, max]. The correction is the term ` +
    "the method adds to ∂J/∂θ; for the listing it is c·∂J/∂θ. SD targets: y = r + γ(1 − d)·Q(s′, π(s′)) " +
    `with the same networks. Dense variants (exact solves) run only where n_w ≤ ${
      options.denseLimit ?? 1000
    }.`,
    "",
    rows.some((r) => r.network !== "fresh")
      ? "Trained networks: member 0 (seed 0) of the last checkpoint of the MuJoCo section's FSDDPG " +
        "(per-sample, ε = 1e-5) run of the task (`checkpoints/last`), measured on the same kind of batch (one row each)."
      : "Trained networks: not measured in this report (they need the MuJoCo section's runs: " +
        "`--only mujoco,directions`).",
    "",
  ];
  const tasks = [...new Set(rows.map((r) => r.task))];
  for (const task of tasks) {
    const mine = rows.filter((r) => r.task === task);
    md.push(`### ${task} (n_w = ${mine[0].nW}, n_θ = ${mine[0].nTheta})`, "");
    md.push(
      "| network | direction | cosine with ∂J/∂θ | ‖correction‖ / ‖∂J/∂θ‖ |",
      "| --- | --- | --- | --- |",
    );
    for (const r of mine) {
      md.push(`| ${r.network} | ${r.variant} | ${fmt(r.cosine)} | ${fmt(r.ratio)} |`);
    }
    md.push("");
  }
  const table = csv(
    ["task", "network", "variant", "n_w", "n_theta", "seed", "cosine", "ratio"],
    rows.flatMap((r) =>
      r.cosine.map((c, s) => [r.task, r.network, r.variant, r.nW, r.nTheta, s, c, r.ratio[s]])
    ),
  );
  return {
    markdown: md.join("\n"),
    files: [{ path: "directions/directions.csv", content: table }],
  };
}
