/**
 * The reproduction plan: what each budget runs. The MuJoCo comparison, the degree ablation and
 * the critic-loss section share one list of independent, config-addressed training runs (a run's
 * id is its task, algorithm and a hash of its full training input), which the report runs in
 * process, in worker processes, or as a Slurm / Kubernetes job array (`--emit-jobs`).
 * @module
 */
import type { TrainInput } from "../train/config.ts";

/** The budgets of `deno task reproduce`. */
export const BUDGETS = ["smoke", "short", "paper"] as const;
/** A budget name. */
export type Budget = (typeof BUDGETS)[number];

/** The paper's eight MuJoCo tasks (§6.2) and Hopper, which the issue adds. */
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
  /** Tasks × algorithms of the MuJoCo comparison. */
  tasks: string[];
  algos: string[];
  /** Extra (task, algorithm) runs of the paper's ablations (Fig. 5). */
  extra: { env: string; algo: string }[];
  /** Degree ablation: tasks and degrees (o = 1 is the main FSDDPG run where it exists). */
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
      algos: [...MAIN_ALGOS],
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
    spec = {
      budget,
      seeds: 3,
      train: {
        steps: 30_000,
        startSteps: 5_000,
        updateAfter: 1_000,
        updateEvery: 50,
        evalEvery: 3_000,
        evalEpisodes: 5,
      },
      tasks: [...ALL_TASKS],
      algos: [...MAIN_ALGOS],
      extra: CRITIC_TASKS.map((env) => ({ env, algo: "fsddpg-cg" })),
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
      algos: [...MAIN_ALGOS],
      extra: [
        ...["HalfCheetah", ...CRITIC_TASKS].map((env) => ({ env, algo: "fsddpg-cg" })),
        ...CRITIC_TASKS.flatMap((env) => [{ env, algo: "sddpg-bd" }, { env, algo: "sddpg" }]),
      ],
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
  /** Run id: `<env>-<algo>[-o<degree>]-<8 hex of the input>`. */
  id: string;
  env: string;
  algo: string;
  /** Set for degree-ablation runs. */
  degree?: number;
  /** Why it is in the plan. */
  purpose: ("mujoco" | "degree" | "critic" | "ablation")[];
  /** The training input (without `out`, which the runner adds). */
  input: TrainInput;
}

/** FNV-1a, 32 bits, as 8 hex digits: the config address of a run. */
export function hash8(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

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
 * the SD* algorithms come after all the others.
 */
export function planRuns(spec: BudgetSpec, sections: readonly string[]): PlannedRun[] {
  const wanted: { env: string; algo: string; degree?: number; purpose: PlannedRun["purpose"] }[] =
    [];
  const add = (
    env: string,
    algo: string,
    purpose: PlannedRun["purpose"][number],
    degree?: number,
  ) => {
    const found = wanted.find((w) => w.env === env && w.algo === algo && w.degree === degree);
    if (found) {
      if (!found.purpose.includes(purpose)) found.purpose.push(purpose);
    } else wanted.push({ env, algo, degree, purpose: [purpose] });
  };
  if (sections.includes("mujoco")) {
    for (const env of spec.tasks) {
      for (const algo of spec.algos) {
        add(env, algo, "mujoco");
        if (
          (CRITIC_TASKS as readonly string[]).includes(env) &&
          (CRITIC_ALGOS as readonly string[]).includes(algo)
        ) add(env, algo, "critic");
      }
    }
    for (const e of spec.extra) add(e.env, e.algo, "ablation");
  }
  if (sections.includes("degree")) {
    for (const env of spec.degreeTasks) {
      for (const o of spec.degrees) add(env, "fsddpg", "degree", o === 1 ? undefined : o);
    }
  }
  const seeds = Array.from({ length: spec.seeds }, (_, i) => i);
  // the cheap runs first (a partial sweep then holds every DDPG/TD3/FS* comparison), the SD*
  // runs, which cost 10-100× as much per update, last; stable within each group
  const costly = (algo: string) => /^s(ddpg|td3)/.test(algo);
  wanted.sort((a, b) => Number(costly(a.algo)) - Number(costly(b.algo)));
  return wanted.map((w, index) => {
    const input: TrainInput = {
      env: w.env,
      algo: w.algo as TrainInput["algo"],
      seeds,
      ...spec.train,
      checkpointEvery: 0,
      recordEvery: 0,
      backend: "wasm",
      ...(w.degree !== undefined ? { degree: w.degree } : {}),
    };
    const id = `${w.env}-${w.algo}${w.degree !== undefined ? `-o${w.degree}` : ""}-${
      hash8(canonicalJson(input))
    }`;
    return { index, id, env: w.env, algo: w.algo, degree: w.degree, purpose: w.purpose, input };
  });
}
