/**
 * The toy grid at two horizons: the budget's T updates per run and {@link HORIZON_FACTOR}× T.
 * Every run of the longer grid starts as the shorter one (the updates are deterministic), so a
 * class can only change because of what the run does after step T; this module lists every such
 * change with what happened (reached the tolerance, its decay rate changed, it began or stopped
 * oscillating, it diverged), compares the verdicts at both horizons, and tabulates the decay
 * rates per method (paper §6.1, Fig. 1).
 * @module
 */
import type { ToyGame } from "../../toy/games.ts";
import {
  CYCLE_SLOPE,
  DIVERGE_ABOVE,
  ENVELOPE_WINDOWS,
  FINAL_WINDOW,
  OSCILLATION_PEAKS,
  OSCILLATION_TURNS,
  type TrajectoryClass,
  type TrajectoryClassification,
} from "../../toy/classify.ts";
import { type ClaimVerdict, rateRange } from "./claims.ts";
import {
  epsilonLabel,
  findRun,
  gridSettings,
  runToyGrid,
  TOY_VARIANTS,
  type ToyGrid,
  type ToyGridRun,
  type ToyVariant,
  usesEpsilon,
  VARIANT_LABEL,
} from "./grid.ts";
import { num } from "../stats.ts";
import { rateFigure } from "./figures.ts";
import type { ReportFile } from "../section.ts";

/** The second horizon is this many times the budget's steps per run. */
export const HORIZON_FACTOR = 10;

/** Why a run's class differs between the two horizons (always something it did after step T). */
export type ChangeKind =
  | "reached the tolerance"
  | "left the tolerance"
  | "diverged"
  | "started approaching"
  | "stopped approaching"
  | "began oscillating"
  | "stopped oscillating";

/** One run whose class differs between the horizons. */
export interface ClassChange {
  /** The run at the budget's horizon (its setting, game, variant and ε). */
  short: ToyGridRun;
  /** The same run at the longer horizon. */
  long: ToyGridRun;
  /** What happened after step T. */
  kind: ChangeKind;
}

/** Classes whose decay rate s is below −{@link CYCLE_SLOPE} (still approaching). */
const APPROACHING: readonly TrajectoryClass[] = ["spirals in", "converging slowly"];
/** Classes that oscillate (≥ 3 peaks or ≥ 1 turn in the second half). */
const OSCILLATING: readonly TrajectoryClass[] = ["spirals in", "cycles"];

/** What a class change between the horizons means, from the two classifications. */
export function changeKind(a: TrajectoryClassification, b: TrajectoryClassification): ChangeKind {
  if (b.status === "diverged") return "diverged";
  if (b.status === "converged") return "reached the tolerance";
  if (a.status === "converged") return "left the tolerance";
  if (APPROACHING.includes(a.status) !== APPROACHING.includes(b.status)) {
    return APPROACHING.includes(b.status) ? "started approaching" : "stopped approaching";
  }
  return OSCILLATING.includes(b.status) ? "began oscillating" : "stopped oscillating";
}

/** The grid again with every run {@link HORIZON_FACTOR}× longer (classes only, no trajectories). */
export function longHorizonGrid(grid: ToyGrid): ToyGrid {
  const c = grid.config;
  return runToyGrid({
    steps: c.steps * HORIZON_FACTOR,
    lrPairs: c.lrPairs,
    targets: c.targets,
    orders: c.orders,
    epsilons: c.epsilons,
    primaryEpsilon: c.primaryEpsilon,
    tolerance: c.tolerance,
    trajectories: false,
  });
}

/** Every run whose class (at the primary tolerance) differs between the two grids, in grid order. */
export function classChanges(short: ToyGrid, long: ToyGrid): ClassChange[] {
  const out: ClassChange[] = [];
  for (const s of short.runs) {
    const l = findRun(long, s.game, s.variant, s.epsilon ?? long.config.primaryEpsilon, s);
    if (!l || l.classification.status === s.classification.status) continue;
    out.push({ short: s, long: l, kind: changeKind(s.classification, l.classification) });
  }
  return out;
}

function valueRange(xs: number[]): string {
  const finite = xs.filter(Number.isFinite);
  if (!finite.length) return "–";
  const lo = num(Math.min(...finite)), hi = num(Math.max(...finite));
  return lo === hi ? lo : `${lo} to ${hi}`;
}

/** "spirals in 24" or "converged 3, stalled 21": class counts, in the classifier's order. */
function classCounts(cs: TrajectoryClassification[]): string {
  const counts = new Map<string, number>();
  for (const c of cs) counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${k} ${n}`).join(", ");
}

/** A run's classes at the primary ε over every setting of a grid. */
function classesAt(grid: ToyGrid, game: ToyGame, v: ToyVariant): TrajectoryClassification[] {
  return gridSettings(grid).flatMap((s) => {
    const r = findRun(grid, game, v, grid.config.primaryEpsilon, s);
    return r ? [r.classification] : [];
  });
}

/** Rates of the runs that neither converged nor diverged (for them s is the class's measure). */
function openRates(cs: TrajectoryClassification[]): number[] {
  return cs.filter((c) => c.status !== "converged" && c.status !== "diverged")
    .map((c) => c.decayRate);
}

/**
 * Markdown table of the decay rates: per game × method at the primary ε, the classes, the decay
 * rates s of the runs that neither converged nor diverged, and the final distances, at both
 * horizons.
 */
export function ratesTable(short: ToyGrid, long: ToyGrid): string[] {
  const T = short.config.steps, L = long.config.steps;
  const lines = [
    `| toy | method | classes at ${T} | s at ${T} | final distance at ${T} | classes at ${L} | ` +
    `s at ${L} | final distance at ${L} |`,
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const game of [1, 2] as ToyGame[]) {
    for (const v of TOY_VARIANTS) {
      const a = classesAt(short, game, v), b = classesAt(long, game, v);
      lines.push(
        `| ${game} | ${VARIANT_LABEL[v]} | ${classCounts(a)} | ${rateRange(openRates(a))} | ${
          valueRange(a.map((c) => c.finalDistance))
        } | ${classCounts(b)} | ${rateRange(openRates(b))} | ${
          valueRange(b.map((c) => c.finalDistance))
        } |`,
      );
    }
  }
  return lines;
}

/**
 * Markdown table of the class changes, grouped by game × method × ε × (class at T → class at
 * the longer horizon) × kind, with the decay rates at both horizons; [] when there are none.
 */
export function changesTable(changes: ClassChange[], short: ToyGrid, long: ToyGrid): string[] {
  if (!changes.length) return [];
  const groups = new Map<string, ClassChange[]>();
  for (const c of changes) {
    const s = c.short;
    const key = [
      s.game,
      s.variant,
      s.epsilon,
      s.classification.status,
      c.long.classification
        .status,
      c.kind,
    ].join("|");
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(c);
  }
  const T = short.config.steps, L = long.config.steps;
  const lines = [
    `| toy | method | ε | class at ${T} → at ${L} | runs | what happened after step ${T} | ` +
    `s at ${T} | s at ${L} |`,
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const g of groups.values()) {
    const s = g[0].short;
    lines.push(
      `| ${s.game} | ${VARIANT_LABEL[s.variant]} | ${
        usesEpsilon(s.variant) && s.epsilon !== null ? epsilonLabel(s.epsilon) : "–"
      } | ${s.classification.status} → ${g[0].long.classification.status} | ${g.length} | ${
        g[0].kind
      } | ${rateRange(g.map((c) => c.short.classification.decayRate))} | ${
        rateRange(g.map((c) => c.long.classification.decayRate))
      } |`,
    );
  }
  return lines;
}

/** "holds (3/24)". */
function cell(v: { verdict: string; holdsUnder: unknown[]; failsUnder: unknown[] }): string {
  return `${v.verdict} (${v.holdsUnder.length}/${v.holdsUnder.length + v.failsUnder.length})`;
}

/**
 * Markdown table of every claim's verdict at both horizons, at the primary ε and over ε, and a
 * sentence per claim whose verdict changes at some ε.
 */
export function horizonVerdictTable(
  short: ClaimVerdict[],
  long: ClaimVerdict[],
  T: number,
  L: number,
): { lines: string[]; changed: string[] } {
  const lines = [
    `| toy | claim | FSDDPG = | verdict at ${T} | at ${L} | ε where the verdict differs |`,
    "| --- | --- | --- | --- | --- | --- |",
  ];
  const changed: string[] = [];
  short.forEach((v, i) => {
    const u = long[i];
    const differs = v.byEpsilon.filter((b, k) => cell(b) !== cell(u.byEpsilon[k]));
    const where = differs.length
      ? differs.map((b) => {
        const k = v.byEpsilon.indexOf(b);
        return `${epsilonLabel(b.epsilon)}: ${cell(b)} → ${cell(u.byEpsilon[k])}`;
      }).join("; ")
      : "none";
    lines.push(
      `| ${v.game} | ${v.paperClaim} | ${
        v.fsVariant ?? "–"
      } | **${v.verdict}** (${v.holdsUnder.length}/${
        v.holdsUnder.length + v.failsUnder.length
      }) | **${u.verdict}** (${u.holdsUnder.length}/${
        u.holdsUnder.length + u.failsUnder.length
      }) | ${v.dependsOnEpsilon ? where : "does not use ε"} |`,
    );
    if (differs.some((b) => b.verdict !== u.byEpsilon[v.byEpsilon.indexOf(b)].verdict)) {
      changed.push(`toy ${v.game}: "${v.paperClaim}"${v.fsVariant ? ` [${v.fsVariant}]` : ""}`);
    }
  });
  return { lines, changed };
}

/**
 * What "DDPG is trapped in a limit cycle" (toy 2) means in these runs, at both horizons: how many
 * settings cycle, spiral in (with the decay rate and the distance at T and at the longer horizon),
 * or do anything else.
 */
export function ddpgToy2Meaning(short: ToyGrid, long: ToyGrid): string {
  const a = classesAt(short, 2, "gda"), b = classesAt(long, 2, "gda");
  const n = a.length;
  const T = short.config.steps, L = long.config.steps;
  if (!n) return "";
  const spiral = (cs: TrajectoryClassification[]) => cs.filter((c) => c.status === "spirals in");
  const cyc = (cs: TrajectoryClassification[]) => cs.filter((c) => c.status === "cycles");
  const parts: string[] = [];
  const sa = spiral(a), sb = spiral(b);
  const win = `${FINAL_WINDOW * 100}%`;
  if (sa.length) {
    parts.push(
      `DDPG circles the optimum on a shrinking spiral at ${sa.length}/${n} settings at ${T} ` +
        `steps and ${sb.length}/${n} at ${L}: its amplitude falls as t^s, s ${
          rateRange(sa.map((c) => c.decayRate))
        } at ${T} steps and ${rateRange(sb.map((c) => c.decayRate))} at ${L}, from ${
          valueRange(sa.map((c) => c.finalWindowMax))
        } over the last ${win} of ${T} steps to ${
          valueRange(sb.map((c) => c.finalWindowMax))
        } over the last ${win} of ${L}. It is converging to the optimum, slowly (not within the ` +
        `tolerance ${short.config.tolerance} at either horizon), and is not trapped in a limit ` +
        "cycle",
    );
  }
  const ca = cyc(a), cb = cyc(b);
  if (ca.length || cb.length) {
    parts.push(
      `its amplitude stops shrinking (a limit cycle, s ≥ −${CYCLE_SLOPE}) at ${ca.length}/${n} ` +
        `settings at ${T} steps and ${cb.length}/${n} at ${L}`,
    );
  } else {
    parts.push(
      `at no setting does its amplitude level off (s ≥ −${CYCLE_SLOPE}) at either horizon`,
    );
  }
  const others = (cs: TrajectoryClassification[]) =>
    classCounts(cs.filter((c) => c.status !== "spirals in" && c.status !== "cycles"));
  const oa = others(a), ob = others(b);
  if (oa || ob) parts.push(`other classes: ${oa || "none"} at ${T} steps, ${ob || "none"} at ${L}`);
  return parts.join("; ");
}

/**
 * The classification rule with its constants, and the two horizons, as the section states them
 * up front (Markdown lines).
 */
export function classificationRule(tolerance: number, T: number, L: number): string[] {
  const pct = `${FINAL_WINDOW * 100}%`;
  return [
    "**How every run is classified** — one rule for every run and every claim, fixed before " +
    "any run (lib/toy/classify.ts). Constants: tolerance " +
    `${tolerance} on the Euclidean distance to the optimum (the paper's distance is the ` +
    `squared one, so ${tolerance * tolerance} on its scale); final window ${pct} of the steps; ` +
    `divergence bound ${DIVERGE_ABOVE}; cycle threshold ${CYCLE_SLOPE} on the decay rate s; ` +
    `the envelope fitted over ${ENVELOPE_WINDOWS} octaves. In order:`,
    "",
    `1. *diverged* — a non-finite point, or a distance > ${DIVERGE_ABOVE};`,
    `2. *converged* — the distance stays < ${tolerance} over the last ${pct} of the steps ` +
    "(so the phase of an oscillation at the last step cannot decide it; reported with the " +
    "step from which it stays below);",
    "3. otherwise the **decay rate** s decides: the least-squares slope of log(envelope) " +
    "against log t, the envelope at t being the largest distance from step t to the end of an " +
    `n-step run, fitted at t = n/2, n/4, …, n/${2 ** ENVELOPE_WINDOWS} (s = −0.5: the ` +
    "amplitude shrinks as t^−½; s = 0: it does not shrink). A fixed-fraction rule cannot " +
    "tell a slowly shrinking spiral from a cycle (t^−½ keeps ~0.8 of its amplitude from the " +
    "third to the last quarter of any run); the rate can. *Oscillating* means ≥ " +
    `${OSCILLATION_PEAKS} local maxima of the distance, or ≥ ${OSCILLATION_TURNS} full turn ` +
    "around the optimum, over the second half:",
    `   - *cycles* — oscillating and s ≥ −${CYCLE_SLOPE}: the amplitude stops shrinking, above ` +
    "the tolerance — a limit cycle;",
    `   - *spirals in* — oscillating and s < −${CYCLE_SLOPE}: circles the optimum on a ` +
    "shrinking spiral, converging at rate t^s (reported with s);",
    `   - *converging slowly* — not oscillating and s < −${CYCLE_SLOPE}: still approaching at ` +
    "rate t^s, not yet within tolerance;",
    `   - *stalled* — not oscillating and s ≥ −${CYCLE_SLOPE}: stopped away from the optimum.`,
    "",
    `**Two horizons.** Every run is made with the budget's T = ${T} updates and again with ` +
    `${L} (${HORIZON_FACTOR}×). The longer run's first T updates are the shorter run (the ` +
    "updates are deterministic), so a class can change only because of what the run does " +
    "after step T; every such change is listed with what happened, under *Two horizons* " +
    "below. The primary verdicts are at T; those at the longer horizon stand beside them.",
  ];
}

/**
 * The *Two horizons* subsection: the verdicts at both horizons, the runs whose class changes,
 * the decay rates per method and one log–log figure of the distance per game. Appends to `md`;
 * returns the figures.
 */
export function horizonSection(
  md: string[],
  short: ToyGrid,
  long: ToyGrid,
  shortVerdicts: ClaimVerdict[],
  longVerdicts: ClaimVerdict[],
): ReportFile[] {
  const T = short.config.steps, L = long.config.steps;
  const primary = short.config.primaryEpsilon;
  md.push(`### Two horizons: ${T} and ${L} steps per run`, "");
  const verdictTable = horizonVerdictTable(shortVerdicts, longVerdicts, T, L);
  md.push(
    "Each verdict at both horizons (settings where the claim holds / all settings, at the " +
      `primary ε = ${epsilonLabel(primary)}), and the ε where the count or the word differs.`,
    "",
    ...verdictTable.lines,
    "",
  );
  md.push(
    verdictTable.changed.length
      ? `The verdict word changes at some ε between the horizons for ${
        verdictTable.changed.join(", ")
      }; the runs behind every change are in the table below.`
      : `No verdict word changes between the horizons, at any ε.`,
    "",
  );
  const changes = classChanges(short, long);
  const atPrimary = changes.filter((c) => c.short.epsilon === null || c.short.epsilon === primary);
  md.push(
    `**Runs whose class changes** between ${T} and ${L} steps: ${changes.length} of ` +
      `${short.runs.length}, ${atPrimary.length} of them at the primary ε. ` +
      "Each is something the run did after step T. *Reached the tolerance*: it kept " +
      "approaching and got within it — the same dynamics carried on, and the only change that " +
      "is not one of the dynamics. Every other kind is: *started approaching* (a plateau or " +
      `an oscillation that had not shrunk by step T began to: s fell below −${CYCLE_SLOPE}), ` +
      "*stopped approaching* (it levelled off), *began* or *stopped oscillating* (the same " +
      "side of the threshold, another shape), *diverged*, *left the tolerance*.",
    "",
  );
  if (changes.length) md.push(...changesTable(changes, short, long), "");
  md.push(
    `**Decay rates** at the primary ε over the ${gridSettings(short).length} settings: the ` +
      "classes, the rate s of the runs that neither converged nor diverged (the amplitude " +
      "∝ t^s), and the final distance, at both horizons.",
    "",
    ...ratesTable(short, long),
    "",
  );
  const settings = gridSettings(short);
  const reference = settings.find((s) => s.order === "simultaneous") ?? settings[0];
  const figs = ([1, 2] as ToyGame[]).map((game) =>
    rateFigure(game, reference, T, L, primary, short.config.tolerance)
  );
  md.push(
    `Distance to the optimum against steps on log–log axes, every method run to ${L} steps in ` +
      `the grid's first simultaneous setting (${reference.target} target, lr ` +
      `(${reference.lrActor}, ${reference.lrCritic}), ε = ${epsilonLabel(primary)}): a ` +
      "power law t^s is a straight line of slope s; dashed, each method's fitted envelope at " +
      `${T} and at ${L} steps; the dotted vertical line is step ${T}.`,
    "",
    figs.map((f) => `![${f.path}](${f.path})`).join(" "),
    "",
  );
  return figs;
}
