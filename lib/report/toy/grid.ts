/**
 * The toy-game grid of the report (§6.1, Fig. 1): both games × the four actor-step variants ×
 * the damping ε × target treatments × update orders × learning-rate pairs. Every run is
 * classified (lib/toy/classify.ts) at the primary tolerance and at a ten times looser one.
 * @module
 */
import { checkKnownKeys, checkNumber, ValidationError } from "../../errors.ts";
import {
  TARGET_TREATMENTS,
  type TargetTreatment,
  type ToyGame,
  type ToyPoint,
} from "../../toy/games.ts";
import { criticBestResponse } from "../../toy/best_response.ts";
import {
  runToy,
  TOY_DEFAULT_EPSILON,
  TOY_ORDERS,
  type ToyK1K2,
  type ToyMethod,
  type ToyOrder,
  type ToyRunResult,
} from "../../toy/run.ts";
import { classifyTrajectory, type TrajectoryClassification } from "../../toy/classify.ts";

/** The four actor-step variants compared on the toy games. */
export type ToyVariant = "gda" | "sddpg" | "fsddpg-per-sample" | "fsddpg-listing";
/** The variants, in report order. */
export const TOY_VARIANTS: readonly ToyVariant[] = [
  "gda",
  "sddpg",
  "fsddpg-per-sample",
  "fsddpg-listing",
];
/** Report labels of the variants. */
export const VARIANT_LABEL: Readonly<Record<ToyVariant, string>> = {
  "gda": "DDPG (GDA)",
  "sddpg": "SDDPG (exact)",
  "fsddpg-per-sample": "FSDDPG per-sample",
  "fsddpg-listing": "FSDDPG listing",
};

/** Whether a variant's actor direction depends on the damping ε (GDA = DDPG does not). */
export function usesEpsilon(v: ToyVariant): boolean {
  return v !== "gda";
}

/** The method and k1/k2 form that {@link runToy} takes for a variant. */
export function variantMethod(v: ToyVariant): { method: ToyMethod; k1k2?: ToyK1K2 } {
  if (v === "fsddpg-per-sample") return { method: "fsddpg", k1k2: "per-sample" };
  if (v === "fsddpg-listing") return { method: "fsddpg", k1k2: "listing" };
  return { method: v };
}

/**
 * The damping values ε of the sweep, smallest first. 1e-5 is the paper's (run.ts's default);
 * on one scalar sample FSDDPG per-sample's direction is g_θ·ε/(2g_w² + ε), so the larger ε show
 * how much of its behaviour is the damping.
 */
export const TOY_EPSILONS: readonly number[] = [1e-5, 1e-3, 1e-2, 1e-1, 1];

/**
 * Default learning-rate pairs (actor, critic): equal rates, pairs where the actor is slower than
 * the critic, and one where it is faster (for symmetry).
 */
export const DEFAULT_LR_PAIRS: readonly [number, number][] = [
  [0.1, 0.1],
  [0.05, 0.05],
  [0.01, 0.01],
  [0.01, 0.05],
  [0.005, 0.05],
  [0.05, 0.01],
];

/** Default convergence tolerance on the Euclidean distance to the optimum. */
export const TOY_TOLERANCE = 1e-2;
/** The sensitivity tolerance is this many times the primary one. */
export const TOY_LOOSE_FACTOR = 10;

/** Options of {@link runToyGrid}. */
export interface ToyGridOptions {
  /** Updates per run (default 10,000; at most 10,000,000). */
  steps?: number;
  /** (actor, critic) learning-rate pairs (default {@link DEFAULT_LR_PAIRS}). */
  lrPairs?: [number, number][];
  /** Target treatments (default both). */
  targets?: TargetTreatment[];
  /** Update orders (default both). */
  orders?: ToyOrder[];
  /** Damping values for the variants that use ε (default {@link TOY_EPSILONS}). */
  epsilons?: number[];
  /** The ε of the primary verdicts and figures: the paper's 1e-5 when listed, else the first. */
  primaryEpsilon?: number;
  /** Convergence tolerance on the distance to the optimum (default 1e-2). */
  tolerance?: number;
  /**
   * Keep the trajectories the figures use and measure the best-response gap (default true);
   * false keeps only the classes (the gap is NaN), so that a grid of long runs (the report's
   * second horizon) stays small in memory and takes half the time.
   */
  trajectories?: boolean;
}

/** Resolved grid options. */
export interface ToyGridConfig {
  /** Updates per run. */
  steps: number;
  /** (actor, critic) learning-rate pairs. */
  lrPairs: [number, number][];
  /** Target treatments. */
  targets: TargetTreatment[];
  /** Update orders. */
  orders: ToyOrder[];
  /** Damping values, ascending. */
  epsilons: number[];
  /** The ε of the primary verdicts and of the trajectory figures. */
  primaryEpsilon: number;
  /** Primary convergence tolerance. */
  tolerance: number;
  /** Sensitivity tolerance (`TOY_LOOSE_FACTOR` × tolerance). */
  looseTolerance: number;
  /** Whether runs keep their trajectories (at the primary ε and for GDA) and best-response gaps. */
  trajectories: boolean;
}

/** A setting of the grid (everything but the game, the variant and ε). */
export interface ToySetting {
  /** Whether y = −θ² is differentiated in θ. */
  target: TargetTreatment;
  /** Simultaneous or critic-first updates. */
  order: ToyOrder;
  /** Actor step size. */
  lrActor: number;
  /** Critic step size. */
  lrCritic: number;
}

/** One run of the grid. */
export interface ToyGridRun extends ToySetting {
  /** Which game. */
  game: ToyGame;
  /** Which actor-step variant. */
  variant: ToyVariant;
  /** The damping ε; null for GDA, which does not use it and runs once. */
  epsilon: number | null;
  /** Class at the primary tolerance. */
  classification: TrajectoryClassification;
  /** Class at the sensitivity tolerance. */
  looseClassification: TrajectoryClassification;
  /** The last point reached (NaN after a non-finite step). */
  final: ToyPoint;
  /** How far the run strays from the critic's best response w*(θ) (Fig. 7). */
  bestResponseGap: BestResponseGap;
  /**
   * The whole trajectory, kept only at the primary ε and for GDA (the figures use those); null
   * elsewhere, and everywhere in a grid run with `trajectories: false`, so that memory stays
   * bounded.
   */
  result: ToyRunResult | null;
}

/** The grid's runs and the options that produced them. */
export interface ToyGrid {
  /** The resolved options. */
  config: ToyGridConfig;
  /** Every run, in grid order. */
  runs: ToyGridRun[];
}

/** A non-empty array whose every entry is one of `allowed` (copied). */
function checkList<T>(field: string, value: unknown, allowed: readonly T[], text: string): T[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new ValidationError(field, value, `a non-empty array of ${text}`);
  }
  value.forEach((v, i) => {
    if (!allowed.includes(v)) throw new ValidationError(`${field}[${i}]`, v, text);
  });
  return [...value] as T[];
}

/** Validates grid options and fills in defaults; errors name the field and what is allowed. */
export function resolveToyGridOptions(options: ToyGridOptions = {}): ToyGridConfig {
  if (typeof options !== "object" || options === null) {
    throw new ValidationError("toy grid options", options, "an object");
  }
  checkKnownKeys(
    "toy grid",
    options as Record<string, unknown>,
    [
      "steps",
      "lrPairs",
      "targets",
      "orders",
      "epsilons",
      "primaryEpsilon",
      "tolerance",
      "trajectories",
    ],
  );
  const steps = options.steps === undefined
    ? 10_000
    : checkNumber("steps", options.steps, { min: 10, max: 10_000_000, integer: true });
  const lrPairs = options.lrPairs ?? DEFAULT_LR_PAIRS.map((p) => [...p] as [number, number]);
  if (!Array.isArray(lrPairs) || lrPairs.length === 0) {
    throw new ValidationError("lrPairs", lrPairs, "a non-empty array of [lrActor, lrCritic]");
  }
  lrPairs.forEach((p, i) => {
    if (!Array.isArray(p) || p.length !== 2) {
      throw new ValidationError(`lrPairs[${i}]`, p, "a pair [lrActor, lrCritic]");
    }
    checkNumber(`lrPairs[${i}][0]`, p[0], { min: 0, exclusiveMin: true });
    checkNumber(`lrPairs[${i}][1]`, p[1], { min: 0, exclusiveMin: true });
  });
  const pairs = lrPairs.map(([a, c]) => [a, c] as [number, number]);
  const targets = options.targets === undefined ? [...TARGET_TREATMENTS] : checkList(
    "targets",
    options.targets,
    TARGET_TREATMENTS,
    `"differentiated" or "stop-gradient"`,
  );
  const orders = options.orders === undefined
    ? [...TOY_ORDERS]
    : checkList("orders", options.orders, TOY_ORDERS, `"simultaneous" or "critic-first"`);
  let epsilons = [...TOY_EPSILONS];
  if (options.epsilons !== undefined) {
    const raw = options.epsilons as unknown;
    if (!Array.isArray(raw) || raw.length === 0) {
      throw new ValidationError("epsilons", raw, "a non-empty array of numbers > 0");
    }
    raw.forEach((e, i) => checkNumber(`epsilons[${i}]`, e, { min: 0, exclusiveMin: true }));
    if (new Set(raw).size !== raw.length) {
      throw new ValidationError("epsilons", raw, "distinct values");
    }
    epsilons = [...raw as number[]].sort((a, b) => a - b);
  }
  const fallback = epsilons.includes(TOY_DEFAULT_EPSILON) ? TOY_DEFAULT_EPSILON : epsilons[0];
  const primaryEpsilon = options.primaryEpsilon ?? fallback;
  if (!epsilons.includes(primaryEpsilon)) {
    throw new ValidationError(
      "primaryEpsilon",
      primaryEpsilon,
      `one of the grid's epsilons (${epsilons.join(", ")})`,
    );
  }
  const tolerance = options.tolerance === undefined
    ? TOY_TOLERANCE
    : checkNumber("tolerance", options.tolerance, { min: 0, exclusiveMin: true });
  const trajectories = options.trajectories ?? true;
  if (typeof trajectories !== "boolean") {
    throw new ValidationError("trajectories", trajectories, "true or false");
  }
  return {
    steps,
    lrPairs: pairs,
    targets,
    orders,
    epsilons,
    primaryEpsilon,
    tolerance,
    looseTolerance: tolerance * TOY_LOOSE_FACTOR,
    trajectories,
  };
}

/** Classifies a run's trajectory at a given tolerance (winding measured around the optimum). */
export function classifyRun(result: ToyRunResult, tolerance: number): TrajectoryClassification {
  return classifyTrajectory(result.distance, {
    tolerance,
    optimum: result.optimum,
    theta: result.theta,
    w: result.w,
  });
}

/** Summary of |w_t − w*(θ_t)| along a run: the critic's distance from its best response. */
export interface BestResponseGap {
  /** Mean over the run's points (∞ if the run left the finite numbers). */
  mean: number;
  /** Largest over the second half of the run, after the start's transient (∞ likewise). */
  maxSecondHalf: number;
  /** At the last point (∞ likewise). */
  final: number;
}

/** The gap of a grid run with `trajectories: false`: not measured. */
const NO_GAP: BestResponseGap = { mean: NaN, maxSecondHalf: NaN, final: NaN };

/** |w − w*(θ)| along a trajectory; at θ = 0 every w is a best response, so the gap there is 0. */
export function bestResponseGap(game: ToyGame, r: ToyRunResult): BestResponseGap {
  const n = r.theta.length;
  let sum = 0, maxSecondHalf = 0, last = 0;
  for (let i = 0; i < n; i++) {
    const t = r.theta[i];
    if (!Number.isFinite(t) || !Number.isFinite(r.w[i])) {
      return { mean: Infinity, maxSecondHalf: Infinity, final: Infinity };
    }
    const br = criticBestResponse(game, t).w;
    last = Number.isFinite(br) ? Math.abs(r.w[i] - br) : 0;
    sum += last;
    if (i >= n >> 1) maxSecondHalf = Math.max(maxSecondHalf, last);
  }
  return { mean: sum / n, maxSecondHalf, final: last };
}

/**
 * Runs the whole grid (both games). Variants that use ε run once per ε; GDA runs once per
 * setting. Deterministic: the same options give the same runs.
 */
export function runToyGrid(options: ToyGridOptions = {}): ToyGrid {
  const config = resolveToyGridOptions(options);
  const runs: ToyGridRun[] = [];
  for (const game of [1, 2] as ToyGame[]) {
    for (const target of config.targets) {
      for (const order of config.orders) {
        for (const [lrActor, lrCritic] of config.lrPairs) {
          for (const variant of TOY_VARIANTS) {
            const epsilons = usesEpsilon(variant) ? config.epsilons : [null];
            for (const epsilon of epsilons) {
              const result = runToy({
                game,
                ...variantMethod(variant),
                target,
                lrActor,
                lrCritic,
                steps: config.steps,
                epsilon: epsilon ?? config.primaryEpsilon,
                order,
              });
              const n = config.steps;
              runs.push({
                game,
                variant,
                epsilon,
                target,
                order,
                lrActor,
                lrCritic,
                classification: classifyRun(result, config.tolerance),
                looseClassification: classifyRun(result, config.looseTolerance),
                final: { theta: result.theta[n], w: result.w[n] },
                bestResponseGap: config.trajectories ? bestResponseGap(game, result) : NO_GAP,
                result: config.trajectories &&
                    (epsilon === null || epsilon === config.primaryEpsilon)
                  ? result
                  : null,
              });
            }
          }
        }
      }
    }
  }
  return { config, runs };
}

/** A key that identifies a setting. */
export function settingKey(s: ToySetting): string {
  return `${s.target}|${s.order}|${s.lrActor}|${s.lrCritic}`;
}

/** The settings present in a grid, in grid order. */
export function gridSettings(grid: ToyGrid): ToySetting[] {
  const seen = new Map<string, ToySetting>();
  for (const r of grid.runs) {
    const key = settingKey(r);
    if (!seen.has(key)) {
      seen.set(key, { target: r.target, order: r.order, lrActor: r.lrActor, lrCritic: r.lrCritic });
    }
  }
  return [...seen.values()];
}

const INDEX = new WeakMap<ToyGrid, Map<string, ToyGridRun>>();

function runKey(game: ToyGame, variant: ToyVariant, epsilon: number | null, s: ToySetting) {
  return `${game}|${variant}|${epsilon}|${settingKey(s)}`;
}

/**
 * The run of `variant` at `epsilon` in a game and setting; GDA's single run answers for every ε.
 * Undefined when the grid has no such run.
 */
export function findRun(
  grid: ToyGrid,
  game: ToyGame,
  variant: ToyVariant,
  epsilon: number,
  s: ToySetting,
): ToyGridRun | undefined {
  let index = INDEX.get(grid);
  if (!index) {
    // Built once per grid: the verdicts look runs up per claim × ε × setting.
    index = new Map(grid.runs.map((r) => [runKey(r.game, r.variant, r.epsilon, r), r]));
    INDEX.set(grid, index);
  }
  return index.get(runKey(game, variant, usesEpsilon(variant) ? epsilon : null, s));
}

/**
 * Settings grouped by target and order, e.g. "differentiated, simultaneous: (0.1, 0.1) (0.05,
 * 0.05)"; with `all` (every setting of the grid), complete groups read "all lr pairs" and the
 * complete set reads "all N settings".
 */
export function describeSettings(settings: ToySetting[], all?: ToySetting[]): string {
  if (settings.length === 0) return "—";
  if (all && settings.length === all.length) return `all ${all.length} settings`;
  const pairsOf = (list: ToySetting[]) => {
    const groups = new Map<string, string[]>();
    for (const s of list) {
      const key = `${s.target}, ${s.order}`;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key)!.push(`(${s.lrActor}, ${s.lrCritic})`);
    }
    return groups;
  };
  const allGroups = all ? pairsOf(all) : new Map<string, string[]>();
  return [...pairsOf(settings)].map(([k, v]) =>
    `${k}: ${v.length === allGroups.get(k)?.length ? "all lr pairs" : v.join(" ")}`
  ).join("; ");
}

/** ε as the report writes it: `1e-5`, `1e-2`, `1`, or the number itself off powers of ten. */
export function epsilonLabel(e: number): string {
  const k = Math.round(Math.log10(e));
  if (Math.abs(e - Math.pow(10, k)) <= 1e-12 * e) return k === 0 ? "1" : `1e${k}`;
  return String(e);
}
