/**
 * Section 1 of the reproduction report: the paper's toy games (§6.1, Fig. 1 and Fig. 7). Runs a
 * grid (both games × GDA/SDDPG/FSDDPG per-sample/FSDDPG listing × both target treatments ×
 * learning-rate pairs × update orders), classifies every trajectory, and gives each claim of §6.1
 * a verdict — "holds", "does not hold" or "not tested" — with the settings under which it holds
 * and those under which it does not. Nothing here is tuned to make a claim pass: one grid, one set
 * of thresholds and one verdict rule serve every claim, and every run is reported.
 * @module
 */
import { checkKnownKeys, checkNumber, ValidationError } from "../errors.ts";
import {
  TARGET_TREATMENTS,
  type TargetTreatment,
  TOY_GAMES,
  toyDistance,
  type ToyGame,
  toyJ,
  toyL,
} from "../toy/games.ts";
import {
  runToy,
  TOY_DEFAULT_EPSILON,
  TOY_ORDERS,
  type ToyK1K2,
  type ToyMethod,
  type ToyOrder,
  type ToyRunResult,
} from "../toy/run.ts";
import { classifyTrajectory, type TrajectoryClassification } from "../toy/classify.ts";
import { contourPlot, linePlot, type Series } from "./svg.ts";

/** The four actor-step variants compared on the toy games. */
export type ToyVariant = "gda" | "sddpg" | "fsddpg-per-sample" | "fsddpg-listing";
/** The variants, in report order. */
export const TOY_VARIANTS: readonly ToyVariant[] = [
  "gda",
  "sddpg",
  "fsddpg-per-sample",
  "fsddpg-listing",
];
const VARIANT_LABEL: Record<ToyVariant, string> = {
  "gda": "DDPG (GDA)",
  "sddpg": "SDDPG (exact)",
  "fsddpg-per-sample": "FSDDPG per-sample",
  "fsddpg-listing": "FSDDPG listing",
};
const VARIANT_COLOR: Record<ToyVariant, string> = {
  "gda": "#D55E00",
  "sddpg": "#0072B2",
  "fsddpg-per-sample": "#009E73",
  "fsddpg-listing": "#CC79A7",
};

function variantMethod(v: ToyVariant): { method: ToyMethod; k1k2?: ToyK1K2 } {
  if (v === "fsddpg-per-sample") return { method: "fsddpg", k1k2: "per-sample" };
  if (v === "fsddpg-listing") return { method: "fsddpg", k1k2: "listing" };
  return { method: v };
}

/** Options of {@link runToyGrid}. */
export interface ToyGridOptions {
  /** Updates per run (default 10,000). */
  steps?: number;
  /** (actor, critic) learning-rate pairs. */
  lrPairs?: [number, number][];
  targets?: TargetTreatment[];
  orders?: ToyOrder[];
  /** Damping ε (default 1e-5). */
  epsilon?: number;
  /** Convergence tolerance on the distance to the optimum (default 1e-2). */
  tolerance?: number;
}

/**
 * Default learning-rate pairs: equal rates, pairs where the actor is slower than the critic, and
 * one where it is faster (for symmetry).
 */
export const DEFAULT_LR_PAIRS: readonly [number, number][] = [
  [0.1, 0.1],
  [0.05, 0.05],
  [0.01, 0.01],
  [0.01, 0.05],
  [0.005, 0.05],
  [0.05, 0.01],
];

/** Resolved grid options. */
export interface ToyGridConfig {
  steps: number;
  lrPairs: [number, number][];
  targets: TargetTreatment[];
  orders: ToyOrder[];
  epsilon: number;
  tolerance: number;
}

/** A setting of the grid (everything but the game and the variant). */
export interface ToySetting {
  target: TargetTreatment;
  order: ToyOrder;
  lrActor: number;
  lrCritic: number;
}

/** One run of the grid. */
export interface ToyGridRun extends ToySetting {
  game: ToyGame;
  variant: ToyVariant;
  result: ToyRunResult;
  classification: TrajectoryClassification;
}

/** The grid's runs and the options that produced them. */
export interface ToyGrid {
  config: ToyGridConfig;
  runs: ToyGridRun[];
}

/** Validates grid options and fills in defaults. */
export function resolveToyGridOptions(options: ToyGridOptions = {}): ToyGridConfig {
  checkKnownKeys(
    "toy grid",
    options as Record<string, unknown>,
    ["steps", "lrPairs", "targets", "orders", "epsilon", "tolerance"],
  );
  const steps = options.steps === undefined
    ? 10_000
    : checkNumber("steps", options.steps, { min: 10, max: 1_000_000, integer: true });
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
  const targets = options.targets ?? [...TARGET_TREATMENTS];
  for (const t of targets) {
    if (!TARGET_TREATMENTS.includes(t)) {
      throw new ValidationError("targets", t, `"differentiated" or "stop-gradient"`);
    }
  }
  const orders = options.orders ?? [...TOY_ORDERS];
  for (const o of orders) {
    if (!TOY_ORDERS.includes(o)) {
      throw new ValidationError("orders", o, `"simultaneous" or "critic-first"`);
    }
  }
  const epsilon = options.epsilon === undefined
    ? TOY_DEFAULT_EPSILON
    : checkNumber("epsilon", options.epsilon, { min: 0, exclusiveMin: true });
  const tolerance = options.tolerance === undefined
    ? 1e-2
    : checkNumber("tolerance", options.tolerance, { min: 0, exclusiveMin: true });
  return { steps, lrPairs, targets, orders, epsilon, tolerance };
}

/** Classifies a run at a given tolerance. */
export function classifyRun(result: ToyRunResult, tolerance: number): TrajectoryClassification {
  return classifyTrajectory(result.distance, {
    tolerance,
    optimum: result.optimum,
    theta: result.theta,
    w: result.w,
  });
}

/** Runs the whole grid (both games). */
export function runToyGrid(options: ToyGridOptions = {}): ToyGrid {
  const config = resolveToyGridOptions(options);
  const runs: ToyGridRun[] = [];
  for (const game of [1, 2] as ToyGame[]) {
    for (const target of config.targets) {
      for (const order of config.orders) {
        for (const [lrActor, lrCritic] of config.lrPairs) {
          for (const variant of TOY_VARIANTS) {
            const result = runToy({
              game,
              ...variantMethod(variant),
              target,
              lrActor,
              lrCritic,
              steps: config.steps,
              epsilon: config.epsilon,
              order,
            });
            runs.push({
              game,
              variant,
              target,
              order,
              lrActor,
              lrCritic,
              result,
              classification: classifyRun(result, config.tolerance),
            });
          }
        }
      }
    }
  }
  return { config, runs };
}

// ---------------------------------------------------------------------------------------------
// Verdicts

/** A verdict cell: exactly one of three words. */
export type Verdict = "holds" | "does not hold" | "not tested";
/** The allowed verdict words. */
export const VERDICTS: readonly Verdict[] = ["holds", "does not hold", "not tested"];

/** One claim of §6.1 with its verdict over the grid. */
export interface ClaimVerdict {
  game: ToyGame;
  /** Stable id, e.g. `toy2-ddpg-cycles`. */
  id: string;
  /** The paper's claim. */
  claim: string;
  /** Which FSDDPG variant stands for "FSDDPG" in this row (null if the claim involves none). */
  fsVariant: ToyK1K2 | null;
  /** How the claim is decided at one setting. */
  criterion: string;
  /** "holds" iff it holds at every tested setting; "not tested" if no setting was run. */
  verdict: Verdict;
  holdsUnder: ToySetting[];
  failsUnder: ToySetting[];
}

/** Steps until the run was within tolerance for good (∞ unless it converged). */
function convergeTime(c: TrajectoryClassification): number {
  return c.status === "converged" && c.staysBelowFrom !== null ? c.staysBelowFrom : Infinity;
}

interface ClaimSpec {
  game: ToyGame;
  id: string;
  claim: string;
  fsVariant: ToyK1K2 | null;
  criterion: string;
  test(get: (v: ToyVariant) => TrajectoryClassification, fs: ToyVariant): boolean;
}

const CLAIMS: ClaimSpec[] = [
  ...(["listing", "per-sample"] as ToyK1K2[]).map((k): ClaimSpec => ({
    game: 1,
    id: `toy1-ddpg-fsddpg-faster-than-sddpg-${k}`,
    claim: "DDPG and FSDDPG converge faster than SDDPG",
    fsVariant: k,
    criterion:
      "DDPG and FSDDPG each get within tolerance for good in fewer steps than SDDPG (a run that " +
      "does not converge counts as never)",
    test: (get, fs) =>
      convergeTime(get("gda")) < convergeTime(get("sddpg")) &&
      convergeTime(get(fs)) < convergeTime(get("sddpg")),
  })),
  {
    game: 1,
    id: "toy1-ddpg-moves-far",
    claim: "DDPG moves far from the goal (more unstable than FSDDPG and SDDPG)",
    fsVariant: null,
    criterion:
      "DDPG's peak distance to the optimum is ≥ 1.5× its start distance and larger than the peak " +
      "distances of SDDPG and of both FSDDPG variants (diverged = infinite peak)",
    test: (get) => {
      const start = toyDistance(1, TOY_GAMES[1].start.theta, TOY_GAMES[1].start.w);
      const peak = get("gda").maxDistance;
      return peak >= 1.5 * start && peak > get("sddpg").maxDistance &&
        peak > get("fsddpg-listing").maxDistance && peak > get("fsddpg-per-sample").maxDistance;
    },
  },
  {
    game: 2,
    id: "toy2-ddpg-cycles",
    claim: "DDPG is trapped in a limit cycle",
    fsVariant: null,
    criterion: 'DDPG\'s trajectory is classified "cycles"',
    test: (get) => get("gda").status === "cycles",
  },
  ...(["listing", "per-sample"] as ToyK1K2[]).map((k): ClaimSpec => ({
    game: 2,
    id: `toy2-fsddpg-sddpg-converge-${k}`,
    claim: "FSDDPG and SDDPG converge to the optimum",
    fsVariant: k,
    criterion: 'both trajectories are classified "converged"',
    test: (get, fs) => get(fs).status === "converged" && get("sddpg").status === "converged",
  })),
  ...(["listing", "per-sample"] as ToyK1K2[]).map((k): ClaimSpec => ({
    game: 2,
    id: `toy2-fsddpg-faster-than-sddpg-${k}`,
    claim: "FSDDPG converges faster than SDDPG",
    fsVariant: k,
    criterion:
      "FSDDPG gets within tolerance for good in fewer steps than SDDPG (a run that does not " +
      "converge counts as never)",
    test: (get, fs) => convergeTime(get(fs)) < convergeTime(get("sddpg")),
  })),
];

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

function settingKey(s: ToySetting): string {
  return `${s.target}|${s.order}|${s.lrActor}|${s.lrCritic}`;
}

/** Verdicts of every §6.1 claim over the grid, optionally re-classified at another tolerance. */
export function toyVerdicts(
  grid: ToyGrid,
  opts: { tolerance?: number; filter?: (s: ToySetting) => boolean } = {},
): ClaimVerdict[] {
  const tolerance = opts.tolerance ?? grid.config.tolerance;
  const index = new Map<string, TrajectoryClassification>();
  for (const r of grid.runs) {
    const c = tolerance === grid.config.tolerance
      ? r.classification
      : classifyRun(r.result, tolerance);
    index.set(`${r.game}|${r.variant}|${settingKey(r)}`, c);
  }
  const settings = gridSettings(grid).filter(opts.filter ?? (() => true));
  return CLAIMS.map((spec) => {
    const holdsUnder: ToySetting[] = [], failsUnder: ToySetting[] = [];
    for (const s of settings) {
      const get = (v: ToyVariant) => index.get(`${spec.game}|${v}|${settingKey(s)}`);
      const needed: ToyVariant[] = ["gda", "sddpg", "fsddpg-listing", "fsddpg-per-sample"];
      if (!needed.every((v) => get(v))) continue;
      const fs: ToyVariant = spec.fsVariant === "per-sample"
        ? "fsddpg-per-sample"
        : "fsddpg-listing";
      (spec.test((v) => get(v)!, fs) ? holdsUnder : failsUnder).push(s);
    }
    const tested = holdsUnder.length + failsUnder.length;
    const verdict: Verdict = tested === 0
      ? "not tested"
      : failsUnder.length === 0
      ? "holds"
      : "does not hold";
    return {
      game: spec.game,
      id: spec.id,
      claim: spec.claim,
      fsVariant: spec.fsVariant,
      criterion: spec.criterion,
      verdict,
      holdsUnder,
      failsUnder,
    };
  });
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

// ---------------------------------------------------------------------------------------------
// Report section

/** A file of the report: path relative to the report directory, and its content. */
export interface ReportFile {
  path: string;
  content: string;
}

/** The toy section: its Markdown, its files (SVG figures, CSV tables) and its verdicts. */
export interface ToySection {
  markdown: string;
  files: ReportFile[];
  verdicts: ClaimVerdict[];
  grid: ToyGrid;
}

function num(v: number | null, digits = 3): string {
  if (v === null) return "";
  if (!Number.isFinite(v)) return String(v);
  return Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-3 && v !== 0)
    ? v.toExponential(digits - 1)
    : String(Number(v.toPrecision(digits)));
}

function csvCell(v: unknown): string {
  const s = typeof v === "number" ? (Number.isFinite(v) ? String(v) : String(v)) : String(v ?? "");
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\n") + "\n";
}

function figureBase(game: ToyGame, s: ToySetting): string {
  return `toy/toy${game}-${s.target}-${s.order}-a${s.lrActor}-c${s.lrCritic}`;
}

const WINDOWS: Record<ToyGame, { theta: [number, number]; w: [number, number] }> = {
  1: { theta: [-1.5, 1.5], w: [-2, 2] },
  2: { theta: [-3, 3], w: [-3, 3] },
};

function figures(game: ToyGame, s: ToySetting, runs: ToyGridRun[], tol: number): ReportFile[] {
  const spec = TOY_GAMES[game];
  // The game's usual window, widened to every finite trajectory point (within 1e3 of the optimum).
  const win = { theta: [...WINDOWS[game].theta], w: [...WINDOWS[game].w] } as typeof WINDOWS[1];
  for (const r of runs) {
    for (let i = 0; i < r.result.theta.length; i++) {
      const t = r.result.theta[i], w = r.result.w[i];
      if (!(r.result.distance[i] <= 1e3)) continue;
      win.theta = [Math.min(win.theta[0], t), Math.max(win.theta[1], t)];
      win.w = [Math.min(win.w[0], w), Math.max(win.w[1], w)];
    }
  }
  for (const k of ["theta", "w"] as const) {
    const pad = 0.04 * (win[k][1] - win[k][0]);
    win[k] = [win[k][0] - pad, win[k][1] + pad];
  }
  const base = figureBase(game, s);
  const setting = `${s.target} target, ${s.order}, lr actor ${s.lrActor}, critic ${s.lrCritic}`;
  const trajectories: Series[] = runs.map((r) => ({
    label: `${VARIANT_LABEL[r.variant]}: ${r.classification.status}`,
    x: r.result.theta,
    y: r.result.w,
    color: VARIANT_COLOR[r.variant],
    dash: r.variant === "fsddpg-per-sample" ? "5 3" : undefined,
  }));
  const grid = 200;
  const brT = Float64Array.from(
    { length: grid + 1 },
    (_, i) => win.theta[0] + (win.theta[1] - win.theta[0]) * i / grid,
  );
  const bestResponse: Series = {
    label: "critic best response w*(θ)",
    x: brT,
    y: brT.map((t) => spec.bestResponse(t)),
    color: "#777777",
    dash: "2 3",
    width: 1.2,
  };
  const markers = [
    { x: spec.start.theta, y: spec.start.w, label: "start", shape: "circle" as const },
    { x: spec.optimum.theta, y: spec.optimum.w, label: "optimum", shape: "star" as const },
  ];
  const common = {
    xRange: win.theta,
    yRange: win.w,
    xLabel: "θ (actor)",
    yLabel: "w (critic)",
    resolution: 70,
    maxPoints: 600,
    overlays: [...trajectories, bestResponse],
    markers,
  };
  // Step + 1 on a logarithmic axis: toy 1 moves in its first hundred steps, toy 2 for thousands.
  const stepsX = Float64Array.from({ length: runs[0].result.distance.length }, (_, i) => i + 1);
  return [
    {
      path: `${base}-L.svg`,
      content: contourPlot({
        ...common,
        title: `Toy ${game}: L = ${spec.l} — ${setting}`,
        f: (t, w) => toyL(game, t, w),
        levels: 12,
        logLevels: true,
      }),
    },
    {
      path: `${base}-J.svg`,
      content: contourPlot({
        ...common,
        title: `Toy ${game}: J = ${spec.j} — ${setting}`,
        f: (t, w) => toyJ(game, t, w),
        levels: 12,
      }),
    },
    {
      path: `${base}-distance.svg`,
      content: linePlot(
        runs.map((r) => ({
          label: `${VARIANT_LABEL[r.variant]}: ${r.classification.status}`,
          x: stepsX,
          y: r.result.distance,
          color: VARIANT_COLOR[r.variant],
          dash: r.variant === "fsddpg-per-sample" ? "5 3" : undefined,
        })),
        {
          title: `Toy ${game}: distance to the optimum — ${setting}`,
          xLabel: "step + 1 (log scale)",
          yLabel: "‖(θ, w) − (θ*, w*)‖",
          logY: true,
          logX: true,
          hLines: [{ y: tol, label: `tolerance ${tol}` }],
          maxPoints: 800,
        },
      ),
    },
  ];
}

function verdictTable(verdicts: ClaimVerdict[], all: ToySetting[]): string[] {
  const lines = [
    "| toy | claim (paper §6.1) | FSDDPG = | verdict | holds in | holds under | does not hold under |",
    "| --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const v of verdicts) {
    lines.push(
      `| ${v.game} | ${v.claim} | ${
        v.fsVariant ?? "–"
      } | **${v.verdict}** | ${v.holdsUnder.length}/${
        v.holdsUnder.length + v.failsUnder.length
      } | ${describeSettings(v.holdsUnder, all)} | ${describeSettings(v.failsUnder, all)} |`,
    );
  }
  return lines;
}

/** A sentence on the claims where the FSDDPG variant (k1k2) changes the outcome, or "". */
function variantDecides(verdicts: ClaimVerdict[]): string {
  const decided: string[] = [];
  for (const v of verdicts) {
    if (v.fsVariant !== "listing") continue;
    const other = verdicts.find((u) => u.id === v.id.replace(/-listing$/, "-per-sample"));
    if (!other) continue;
    if (other.verdict !== v.verdict) {
      decided.push(
        `"${v.claim}" (toy ${v.game}): ${v.verdict} with the listing, ${other.verdict} per-sample`,
      );
    } else if (other.holdsUnder.length !== v.holdsUnder.length) {
      decided.push(
        `"${v.claim}" (toy ${v.game}): the same verdict, but it holds at ${v.holdsUnder.length} ` +
          `settings with the listing and at ${other.holdsUnder.length} per-sample`,
      );
    }
  }
  return decided.length
    ? "Where the FSDDPG variant (k1k2) changes the outcome: " + decided.join("; ") + "."
    : "";
}

/** Runs the grid (unless given) and builds the toy section of the report. */
export function buildToySection(grid: ToyGrid = runToyGrid()): ToySection {
  const { config } = grid;
  const tol = config.tolerance;
  const looseTol = tol * 10;
  const verdicts = toyVerdicts(grid);
  const loose = toyVerdicts(grid, { tolerance: looseTol });
  const settings = gridSettings(grid);
  const files: ReportFile[] = [];
  const md: string[] = [];

  md.push("## 1. Toy games (paper §6.1, Fig. 1 and Fig. 7)", "");
  md.push(
    "Toy 1: J(θ,w) = wθ², L(θ,w) = (wθ² + θ²)², start (1, 1), optimum (0, −1). " +
      "Toy 2: J = wθ, L = (wθ + θ²)², start (2, 2), optimum (0, 0). " +
      "L is read as (Q − y)² with Q = J and TD target y = −θ². " +
      "Critic: w ← w − α_w ∂L/∂w. Actor (ascent on J): θ ← θ + α_θ d with " +
      "d = ∂J/∂θ (DDPG/GDA); d = ∂J/∂θ − (∂²L/∂θ∂w)(∂²L/∂w² + ε)⁻¹ ∂J/∂w with the true second " +
      "derivatives (exact SDDPG); d = ∂J/∂θ − k1(k2 + ε)⁻¹ ∂J/∂w with k1 = 2g_θg_w, k2 = 2g_w² " +
      "(FSDDPG per-sample, the equations); d = (1 + c)·∂J/∂θ with c = 2g_w²/(2g_w² + ε) " +
      "(FSDDPG listing, the paper's code, DESIGN §3).",
    "",
  );
  md.push(
    `Grid: ${config.steps} updates per run; ε = ${config.epsilon}; learning rates (actor, critic) ` +
      `${config.lrPairs.map((p) => `(${p[0]}, ${p[1]})`).join(", ")}; target treatments ` +
      `${
        config.targets.join(", ")
      } (stop-gradient: y = −θ² is a constant when differentiating in ` +
      `θ, re-evaluated at the current θ each step); update orders ${config.orders.join(", ")} ` +
      "(simultaneous: both updates from the same (θ, w), the library default; critic-first: the " +
      `actor's direction uses the new w). ${grid.runs.length} runs in all.`,
    "",
  );
  md.push(
    "**Classification of a trajectory** (one rule for every run and every claim): " +
      `*diverged* — a non-finite point or distance > 1e3; *converged* — Euclidean distance to the ` +
      `optimum < ${tol} over the last 5% of the steps (the paper defines its distance as the ` +
      `squared one, so this is ${
        tol * tol
      } on the paper's scale; requiring the whole window means the phase of an oscillation at the ` +
      "last step cannot decide it; reported with the step from which it stays below); " +
      "*cycles* — not converged, and over the second half the distance keeps oscillating (≥ 3 " +
      "local maxima or ≥ 1 full turn around the optimum) without decaying (largest distance over the " +
      "last quarter ≥ ½ of that over the third quarter); *stalled* — anything else (stopped away " +
      "from the optimum, or still creeping towards it too slowly to reach the tolerance in the budget).",
    "",
  );
  md.push(
    '**Verdict rule**: a claim "holds" if it holds at every setting of the grid, "does not hold" ' +
      'if it fails at one or more (the table lists where it holds and where not), "not tested" ' +
      "if no setting evaluated it. The paper gives neither its learning rates nor its target " +
      "treatment, so the columns matter more than the single word.",
    "",
  );
  md.push(
    "**What the two FSDDPG variants are on scalars.** With one scalar sample, the per-sample " +
      "correction with an exact inverse is k1(k2 + ε)⁻¹∂J/∂w = 2g_θg_w²/(2g_w² + ε), so " +
      "d = g_θ·ε/(2g_w² + ε): it cancels ∂J/∂θ up to ε and the actor barely moves until g_w² is " +
      "of order ε. The listing's d = (1 + c)g_θ with c ≈ 1 is DDPG with the actor's step nearly " +
      "doubled. Neither variant, nor DDPG, depends on the target treatment (k1 and k2 are built " +
      "from Q's gradients only); only SDDPG does. Rows split by FSDDPG variant show where the " +
      "choice decides a verdict. In toy 1 the critic's gradient ∂L/∂w = 2(w + 1)θ⁴ vanishes as " +
      "θ → 0, so a method that drives θ to 0 before w reaches −1 leaves w frozen, and the distance " +
      "to (0, −1) cannot fall below |w + 1| afterwards. On the target question, the paper's " +
      "Appendix D writes ∂²L/∂θ∂w = 4(2w + 2)θ³ for toy 1, which is the differentiated-target form " +
      "(with a stop-gradient target it is 4(2w + 1)θ³); the paper does not say which its experiments " +
      "used, so both are run.",
    "",
  );

  md.push("### Outcomes by method (number of settings per class)", "");
  md.push(
    "| toy | method | converged | cycles | diverged | stalled |",
    "| --- | --- | --- | --- | --- | --- |",
  );
  for (const game of [1, 2] as ToyGame[]) {
    for (const v of TOY_VARIANTS) {
      const counts = { converged: 0, cycles: 0, diverged: 0, stalled: 0 };
      for (const r of grid.runs) {
        if (r.game === game && r.variant === v) counts[r.classification.status]++;
      }
      md.push(
        `| ${game} | ${
          VARIANT_LABEL[v]
        } | ${counts.converged} | ${counts.cycles} | ${counts.diverged} | ${counts.stalled} |`,
      );
    }
  }
  md.push("");

  md.push("### Verdicts", "");
  md.push(...verdictTable(verdicts, settings), "");
  const variantNote = variantDecides(verdicts);
  if (variantNote) md.push(variantNote, "");
  for (const v of verdicts) md.push(`- *${v.id}*: ${v.criterion}.`);
  md.push("");

  md.push("### Verdicts by target treatment", "");
  md.push(
    "| toy | claim | FSDDPG = | differentiated | stop-gradient |",
    "| --- | --- | --- | --- | --- |",
  );
  const byTarget = TARGET_TREATMENTS.map((t) =>
    toyVerdicts(grid, { filter: (s) => s.target === t })
  );
  verdicts.forEach((v, i) => {
    const cells = byTarget.map((vs) => {
      const u = vs[i];
      return `${u.verdict} (${u.holdsUnder.length}/${u.holdsUnder.length + u.failsUnder.length})`;
    });
    md.push(`| ${v.game} | ${v.claim} | ${v.fsVariant ?? "–"} | ${cells.join(" | ")} |`);
  });
  md.push("");

  md.push(`### Sensitivity: the same verdicts with a looser tolerance (${looseTol})`, "");
  md.push(
    "Reported next to the primary table, not instead of it: the primary tolerance was fixed first.",
    "",
  );
  md.push(...verdictTable(loose, settings), "");
  const looseNote = variantDecides(loose);
  if (looseNote) md.push(looseNote, "");

  md.push("### Outcome of every run", "");
  md.push(
    "Each cell: class, and for converged runs the step from which the distance stays below " +
      `${tol}; otherwise the final distance. Peak = largest distance to the optimum.`,
    "",
  );
  for (const game of [1, 2] as ToyGame[]) {
    md.push(
      `**Toy ${game}** (start distance ${
        num(toyDistance(game, TOY_GAMES[game].start.theta, TOY_GAMES[game].start.w))
      })`,
      "",
    );
    md.push(
      `| target | order | lr (actor, critic) | ${
        TOY_VARIANTS.map((v) => VARIANT_LABEL[v]).join(" | ")
      } |`,
      `| --- | --- | --- | ${TOY_VARIANTS.map(() => "---").join(" | ")} |`,
    );
    for (const s of settings) {
      const cells = TOY_VARIANTS.map((v) => {
        const r = grid.runs.find((x) =>
          x.game === game && x.variant === v && settingKey(x) === settingKey(s)
        );
        if (!r) return "–";
        const c = r.classification;
        const detail = c.status === "converged"
          ? `from step ${c.staysBelowFrom}`
          : c.status === "diverged"
          ? `at step ${c.divergedAt}`
          : `end ${num(c.finalDistance)}`;
        return `${c.status} (${detail}; peak ${num(c.maxDistance)})`;
      });
      md.push(
        `| ${s.target} | ${s.order} | (${s.lrActor}, ${s.lrCritic}) | ${cells.join(" | ")} |`,
      );
    }
    md.push("");
  }

  md.push("### Figures", "");
  md.push(
    "For each game and setting with the simultaneous order (critic-first runs are in the tables " +
      "and CSV): trajectories of (θ, w) over the contours of L and of J (the dotted grey curve " +
      "is the critic's best response, Fig. 7's reference), and the distance to the optimum per step.",
    "",
  );
  for (const game of [1, 2] as ToyGame[]) {
    for (const s of settings) {
      if (s.order !== "simultaneous" && settings.some((x) => x.order === "simultaneous")) continue;
      const runs = TOY_VARIANTS.map((v) =>
        grid.runs.find((x) => x.game === game && x.variant === v && settingKey(x) === settingKey(s))
      ).filter((r): r is ToyGridRun => r !== undefined);
      if (!runs.length) continue;
      const figs = figures(game, s, runs, tol);
      files.push(...figs);
      md.push(
        `Toy ${game}, ${s.target} target, lr (${s.lrActor}, ${s.lrCritic}), ${s.order}:`,
        "",
        figs.map((f) => `![${f.path}](${f.path})`).join(" "),
        "",
      );
    }
  }

  const runRows = grid.runs.map((r) => {
    const c = r.classification;
    const n = r.result.distance.length - 1;
    return [
      r.game,
      r.variant,
      r.target,
      r.order,
      r.lrActor,
      r.lrCritic,
      config.steps,
      config.epsilon,
      c.status,
      c.firstBelow ?? "",
      c.staysBelowFrom ?? "",
      c.divergedAt ?? "",
      c.finalDistance,
      c.maxDistance,
      c.minDistance,
      r.result.theta[n],
      r.result.w[n],
      c.peaksSecondHalf,
      Number(c.turnsSecondHalf.toFixed(3)),
      Number(c.lateAmplitudeRatio.toFixed(4)),
    ];
  });
  files.push({
    path: "toy/toy_runs.csv",
    content: csv(
      [
        "game",
        "variant",
        "target",
        "order",
        "lr_actor",
        "lr_critic",
        "steps",
        "epsilon",
        "class",
        "first_below_tol",
        "stays_below_from",
        "diverged_at",
        "final_distance",
        "max_distance",
        "min_distance",
        "final_theta",
        "final_w",
        "peaks_second_half",
        "turns_second_half",
        "late_amplitude_ratio",
      ],
      runRows,
    ),
  });
  const verdictRows = (vs: ClaimVerdict[], t: number) =>
    vs.map((v) => [
      t,
      v.game,
      v.id,
      v.claim,
      v.fsVariant ?? "",
      v.verdict,
      v.holdsUnder.length,
      v.holdsUnder.length + v.failsUnder.length,
      describeSettings(v.holdsUnder, settings),
      describeSettings(v.failsUnder, settings),
    ]);
  files.push({
    path: "toy/toy_verdicts.csv",
    content: csv(
      [
        "tolerance",
        "game",
        "id",
        "claim",
        "fsddpg_variant",
        "verdict",
        "holds_count",
        "tested_count",
        "holds_under",
        "does_not_hold_under",
      ],
      [...verdictRows(verdicts, tol), ...verdictRows(loose, looseTol)],
    ),
  });
  md.push(
    "Tables: [toy/toy_runs.csv](toy/toy_runs.csv) (one row per run), " +
      "[toy/toy_verdicts.csv](toy/toy_verdicts.csv) (verdicts at both tolerances).",
    "",
  );
  return { markdown: md.join("\n"), files, verdicts, grid };
}
