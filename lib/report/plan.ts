/**
 * The reproduction plan: what each budget runs. The MuJoCo comparison, the degree ablation and
 * the critic-loss section share one list of independent, config-addressed training runs (a run's
 * id is its task, algorithm and a hash of its full training input), which the report runs in
 * process, in worker processes, or as a Slurm / Kubernetes job array (`--emit-jobs`).
 * @module
 */
import type { TrainInput } from "../train/config.ts";
import { DEFAULTS } from "../config.ts";
import { hash8 } from "./hash.ts";

/** The budgets of `deno task reproduce`. */
export const BUDGETS = ["smoke", "short", "paper"] as const;
/** A budget name. */
export type Budget = (typeof BUDGETS)[number];

/** The paper's eight MuJoCo tasks (§6.2) and Hopper, which stackrl adds (docs/environments.md). */
export const PAPER_TASKS = [
  "Ant",
  "HalfCheetah",
  "Humanoid",
  "InvertedDoublePendulum",
  "InvertedPendulum",
  "Swimmer",
  "Reacher",
  "Walker2d",
] as const;
/** Tasks of the MuJoCo comparison at the larger budgets. */
export const ALL_TASKS = [...PAPER_TASKS, "Hopper"] as const;
/** The algorithms of the paper's Fig. 3. */
export const MAIN_ALGOS = [
  "ddpg",
  "td3",
  "ddpg-ttsu",
  "sddpg-cg",
  "std3-cg",
  "fsddpg",
  "fstd3",
] as const;

/**
 * A method of the comparison: an algorithm and, for FS*, the form of k1 and k2 (`per-sample`:
 * the paper's equations, §4; `listing`: its code listing, whose direction is a positive
 * rescaling of ∂J/∂θ) with its damping ε, and the block size o where it is not 1.
 */
export interface Method {
  algo: string;
  k1k2?: "listing" | "per-sample";
  epsilon?: number;
  degree?: number;
}

/** The paper's damping ε (its Table 5). */
export const PAPER_EPSILON = 1e-5;
/**
 * The damping at which the per-sample block-diagonal direction agrees with ∂J/∂θ on fresh
 * networks: the smallest of 1e-5, 1, 3, 10, 30, 100 where its cosine with ∂J/∂θ is at least
 * 0.97 on every task but Humanoid (where no ε up to 1000 gives agreement); below it the
 * direction points against ∂J/∂θ. Section 2 of the report measures the cosine over ε.
 */
export const AGREEING_EPSILON = 30;

/** The methods of the MuJoCo comparison (paper Fig. 3), both forms of FS* named. */
export const MAIN_METHODS: readonly Method[] = [
  { algo: "ddpg" },
  { algo: "td3" },
  { algo: "ddpg-ttsu" },
  { algo: "sddpg-cg" },
  { algo: "std3-cg" },
  { algo: "fsddpg", k1k2: "listing" },
  { algo: "fstd3", k1k2: "listing" },
  { algo: "fsddpg", k1k2: "per-sample", epsilon: PAPER_EPSILON },
  { algo: "fstd3", k1k2: "per-sample", epsilon: PAPER_EPSILON },
  { algo: "fsddpg", k1k2: "per-sample", epsilon: AGREEING_EPSILON },
  { algo: "fstd3", k1k2: "per-sample", epsilon: AGREEING_EPSILON },
  { algo: "fsddpg-cg", k1k2: "per-sample", epsilon: PAPER_EPSILON },
];

/** ε as the report writes it: `1e-5`, `30`. */
export function formatEpsilon(epsilon: number): string {
  return epsilon < 1e-2 ? epsilon.toExponential() : String(epsilon);
}

/** A method's name in tables and figures: `fsddpg (per-sample, ε = 1e-5)`. */
export function methodLabel(m: Method): string {
  const parts: string[] = [];
  if (m.k1k2 === "listing") parts.push("listing");
  if (m.k1k2 === "per-sample") {
    parts.push(`per-sample, ε = ${formatEpsilon(m.epsilon ?? PAPER_EPSILON)}`);
  }
  if (m.degree !== undefined && m.degree !== 1) parts.push(`o = ${m.degree}`);
  return parts.length ? `${m.algo} (${parts.join(", ")})` : m.algo;
}

/** A method's key in run ids, CSV files and report.json: `fsddpg-ps1e-5`, `fsddpg-listing-o2`. */
export function methodKey(m: Method): string {
  let key = m.algo;
  if (m.k1k2 === "listing") key += "-listing";
  if (m.k1k2 === "per-sample") key += `-ps${formatEpsilon(m.epsilon ?? PAPER_EPSILON)}`;
  if (m.degree !== undefined && m.degree !== 1) key += `-o${m.degree}`;
  return key;
}

/** Whether two methods are the same (defaults filled in). */
export function sameMethod(a: Method, b: Method): boolean {
  return methodKey(a) === methodKey(b);
}
/** The paper's timing tasks (Table 3, Fig. 4, Fig. 9). */
export const TIMING_TASKS = [
  "HalfCheetah",
  "InvertedDoublePendulum",
  "InvertedPendulum",
  "Reacher",
  "Ant",
] as const;
/** Tasks of the critic-loss section (paper Fig. 8). */
export const CRITIC_TASKS = ["InvertedPendulum", "InvertedDoublePendulum"] as const;
/** Algorithms of the critic-loss section. */
export const CRITIC_ALGOS = ["ddpg", "sddpg-cg", "fsddpg"] as const;

/** Settings of one training run, before seeds and output directory are added. */
export interface RunSettings {
  steps: number;
  startSteps: number;
  updateAfter: number;
  updateEvery: number;
  evalEvery: number;
  evalEpisodes: number;
}

/** Everything a budget decides. */
export interface BudgetSpec {
  budget: Budget;
  /** Seeds per run (one population). */
  seeds: number;
  train: RunSettings;
  /** Tasks × methods of the MuJoCo comparison. */
  tasks: string[];
  methods: Method[];
  /** Final score of a run: the mean of its last `finalEvals` evaluations. */
  finalEvals: number;
  /** Extra (task, method) runs of the paper's ablations (Fig. 5 and 6). */
  extra: { env: string; method: Method }[];
  /**
   * Degree ablation (paper Fig. 5): tasks and degrees of FSDDPG in the per-sample form at the
   * paper's ε (in the listing form o only changes a scalar); o = 1 is the main run.
   */
  degreeTasks: string[];
  degrees: number[];
  /** Timing: tasks, updates timed per cheap algorithm, per dense-Hessian algorithm. */
  timingTasks: string[];
  timingUpdates: number;
  timingDenseUpdates: number;
  /** Tasks on which the dense-Hessian algorithms (sddpg, sddpg-bd, std3) are timed. */
  timingDenseTasks: string[];
  /** Environment steps timed per task. */
  timingEnvSteps: number;
  /** Directions section: tasks and seeds on fresh networks. */
  directionTasks: string[] | "all";
  directionSeeds: number;
}

/** The settings of each budget. */
export function budgetSpec(budget: Budget, seedsOverride?: number): BudgetSpec {
  let spec: BudgetSpec;
  if (budget === "smoke") {
    spec = {
      budget,
      seeds: 2,
      train: {
        steps: 600,
        startSteps: 200,
        updateAfter: 200,
        updateEvery: 50,
        evalEvery: 200,
        evalEpisodes: 2,
      },
      tasks: [...CRITIC_TASKS],
      methods: [...MAIN_METHODS],
      finalEvals: 2,
      extra: [],
      degreeTasks: ["InvertedPendulum"],
      degrees: [1, 2, 4],
      timingTasks: [...TIMING_TASKS],
      timingUpdates: 20,
      timingDenseUpdates: 1,
      timingDenseTasks: ["InvertedPendulum"],
      timingEnvSteps: 200,
      directionTasks: ["InvertedPendulum"],
      directionSeeds: 1,
    };
  } else if (budget === "short") {
    // sized to finish in well under 2 hours on 2 cores (the plan prints its estimate first)
    spec = {
      budget,
      seeds: 5,
      train: {
        steps: 15_000,
        startSteps: 5_000,
        updateAfter: 1_000,
        updateEvery: 50,
        evalEvery: 2_500,
        evalEpisodes: 3,
      },
      tasks: [...ALL_TASKS],
      methods: [...MAIN_METHODS],
      finalEvals: 2,
      extra: [],
      degreeTasks: ["Swimmer", "HalfCheetah"],
      degrees: [1, 2, 4],
      timingTasks: [...TIMING_TASKS],
      timingUpdates: 200,
      timingDenseUpdates: 2,
      timingDenseTasks: [...TIMING_TASKS],
      timingEnvSteps: 1_000,
      directionTasks: "all",
      directionSeeds: 3,
    };
  } else {
    spec = {
      budget,
      seeds: 5,
      train: {
        steps: 400_000,
        startSteps: 10_000,
        updateAfter: 1_000,
        updateEvery: 50,
        evalEvery: 4_000,
        evalEpisodes: 10,
      },
      tasks: [...ALL_TASKS],
      methods: [...MAIN_METHODS],
      finalEvals: 5,
      extra: CRITIC_TASKS.flatMap((env) => [
        { env, method: { algo: "sddpg-bd" } },
        { env, method: { algo: "sddpg" } },
      ]),
      degreeTasks: ["Swimmer", "HalfCheetah"],
      degrees: [1, 2, 4, 8],
      timingTasks: [...TIMING_TASKS],
      timingUpdates: 1_000,
      timingDenseUpdates: 3,
      timingDenseTasks: [...TIMING_TASKS],
      timingEnvSteps: 1_000,
      directionTasks: "all",
      directionSeeds: 5,
    };
  }
  if (seedsOverride !== undefined) spec.seeds = seedsOverride;
  return spec;
}

/** One planned training run. */
export interface PlannedRun {
  /** Index in the plan (the job-array index). */
  index: number;
  /** Run id: `<env>-<method key>-<8 hex of the input>`. */
  id: string;
  env: string;
  algo: string;
  method: Method;
  /** Set for degree-ablation runs. */
  degree?: number;
  /** Why it is in the plan. */
  purpose: ("mujoco" | "degree" | "critic" | "ablation")[];
  /** The training input (without `out`, which the runner adds). */
  input: TrainInput;
}

// FNV-1a of the resolved settings: the config address of a run
export { hash8 };

/** JSON with object keys sorted (so the address does not depend on key order). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * The training runs of a budget for the requested sections, in a fixed order: the MuJoCo grid
 * (task-major), the ablation extras, then the degree runs that the grid does not already hold.
 * Sections `mujoco` (with critic losses and trained directions) and `degree` need runs. Runs of
 * the SD* algorithms come after all the others. Every run states the paper's learning rates
 * (so no per-task default of `deno task train` can reach it).
 */
export function planRuns(spec: BudgetSpec, sections: readonly string[]): PlannedRun[] {
  const wanted: { env: string; method: Method; purpose: PlannedRun["purpose"] }[] = [];
  const add = (env: string, method: Method, purpose: PlannedRun["purpose"][number]) => {
    const found = wanted.find((w) => w.env === env && sameMethod(w.method, method));
    if (found) {
      if (!found.purpose.includes(purpose)) found.purpose.push(purpose);
    } else wanted.push({ env, method, purpose: [purpose] });
  };
  if (sections.includes("mujoco")) {
    for (const env of spec.tasks) {
      for (const method of spec.methods) {
        add(env, method, "mujoco");
        if (
          (CRITIC_TASKS as readonly string[]).includes(env) &&
          (CRITIC_ALGOS as readonly string[]).includes(method.algo)
        ) add(env, method, "critic");
      }
    }
    for (const e of spec.extra) add(e.env, e.method, "ablation");
  }
  if (sections.includes("degree")) {
    for (const env of spec.degreeTasks) {
      for (const o of spec.degrees) {
        add(env, {
          algo: "fsddpg",
          k1k2: "per-sample",
          epsilon: PAPER_EPSILON,
          ...(o === 1 ? {} : { degree: o }),
        }, "degree");
      }
    }
  }
  const seeds = Array.from({ length: spec.seeds }, (_, i) => i);
  // the cheap runs first (a partial sweep then holds every DDPG/TD3/FS* comparison), the SD*
  // runs, which cost 10-100× as much per update, last; stable within each group
  const costly = (algo: string) => /^s(ddpg|td3)/.test(algo);
  wanted.sort((a, b) => Number(costly(a.method.algo)) - Number(costly(b.method.algo)));
  return wanted.map((w, index) => {
    const m = w.method;
    const input: TrainInput = {
      env: w.env,
      algo: m.algo as TrainInput["algo"],
      seeds,
      ...spec.train,
      lrActor: DEFAULTS.lrActor,
      lrCritic: DEFAULTS.lrCritic,
      checkpointEvery: 0,
      recordEvery: 0,
      backend: "wasm",
      ...(m.k1k2 !== undefined ? { k1k2: m.k1k2 } : {}),
      ...(m.epsilon !== undefined ? { epsilon: m.epsilon } : {}),
      ...(m.degree !== undefined ? { degree: m.degree } : {}),
    };
    const id = `${w.env}-${methodKey(m)}-${hash8(canonicalJson(input))}`;
    return {
      index,
      id,
      env: w.env,
      algo: m.algo,
      method: m,
      degree: m.degree,
      purpose: w.purpose,
      input,
    };
  });
}
