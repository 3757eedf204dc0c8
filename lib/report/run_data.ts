/**
 * What the report sections read of a training run in the run store: its method (algorithm and
 * FS* form), evaluation returns and critic losses per seed, and its final scores as the
 * statistics of Agarwal et al. (2021) use them (mean of the last evaluations; a diverged seed
 * counts as the worst score, never dropped).
 * @module
 */
import { openRun } from "../store/run_store.ts";
import { finalScore } from "./rliable.ts";
import { mean, std } from "./stats.ts";
import { type Method, methodKey, PAPER_EPSILON } from "./plan.ts";

/** What the sections need of one run. */
export interface RunData {
  id: string;
  dir: string;
  env: string;
  algo: string;
  /** The method: algorithm, FS* form (k1k2, ε) and degree as the run's config states them. */
  method: Method;
  seeds: number[];
  steps: number;
  stepsDone: number;
  status: string;
  /** The run's resolved config.json, as written. */
  config: Record<string, unknown>;
  /** Evaluation mean return per member, in step order. */
  evals: { step: number; value: number }[][];
  /** Critic loss per member, in step order. */
  criticLoss: { step: number; value: number }[][];
  checkpoints: string[];
}

/** The method a run's config describes (FS* form and ε only where the algorithm has them). */
export function methodOfConfig(config: Record<string, unknown>): Method {
  const algo = String(config.algo);
  const method: Method = { algo };
  if (algo.startsWith("fs")) {
    method.k1k2 = config.k1k2 === "per-sample" ? "per-sample" : "listing";
    if (method.k1k2 === "per-sample") {
      method.epsilon = typeof config.epsilon === "number" ? config.epsilon : PAPER_EPSILON;
    }
  }
  if (typeof config.degree === "number" && config.degree !== 1) method.degree = config.degree;
  return method;
}

/** Reads a run's metrics into {@link RunData}. */
export async function loadRunData(dir: string): Promise<RunData> {
  const run = await openRun(dir);
  const P = run.config.seeds.length;
  const evals = Array.from({ length: P }, () => [] as { step: number; value: number }[]);
  const criticLoss = Array.from({ length: P }, () => [] as { step: number; value: number }[]);
  for (const row of run.metrics) {
    if (row.type === "eval") evals[row.member]?.push({ step: row.step, value: row.returnMean });
    else if (row.type === "update" && row.criticLoss !== null) {
      criticLoss[row.member]?.push({ step: row.step, value: row.criticLoss });
    }
  }
  const config = run.config as unknown as Record<string, unknown>;
  const method = methodOfConfig(config);
  return {
    id: run.id,
    dir,
    env: run.config.env,
    algo: run.config.algo,
    method,
    seeds: run.config.seeds,
    steps: run.config.steps,
    stepsDone: run.status.stepsDone,
    status: run.status.status,
    config,
    evals,
    criticLoss,
    checkpoints: run.checkpoints,
  };
}

/** The key that identifies a run's slot in the report: task and method. */
export function runKey(r: RunData): string {
  return `${r.env}/${methodKey(r.method)}`;
}

/**
 * Final score of each seed: the mean of its last `lastK` evaluations; NaN where the seed
 * diverged (a non-finite evaluation) or never evaluated.
 */
export function finalScores(r: RunData, lastK: number): number[] {
  return r.evals.map((e) => e.length ? finalScore(e.map((x) => x.value), lastK) : NaN);
}

/** Mean and std over members at each step where every member has a value. */
export function curve(perMember: { step: number; value: number }[][]): {
  steps: number[];
  mean: number[];
  std: number[];
} {
  const bySteps = new Map<number, number[]>();
  for (const m of perMember) {
    for (const { step, value } of m) {
      if (!bySteps.has(step)) bySteps.set(step, []);
      bySteps.get(step)!.push(value);
    }
  }
  const steps = [...bySteps.keys()].sort((a, b) => a - b).filter((s) =>
    bySteps.get(s)!.length === perMember.length
  );
  return {
    steps,
    mean: steps.map((s) => mean(bySteps.get(s)!)),
    std: steps.map((s) => std(bySteps.get(s)!)),
  };
}
