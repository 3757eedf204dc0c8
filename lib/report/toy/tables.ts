/**
 * Tables of the toy section, as Markdown and as CSV: the ε sweep (which variants converge at
 * which damping), the verdicts (primary and by ε) and one row per run.
 * @module
 */
import type { ToyGame } from "../../toy/games.ts";
import { TRAJECTORY_CLASSES, type TrajectoryClass } from "../../toy/classify.ts";
import type { ClaimVerdict } from "./claims.ts";
import {
  describeSettings,
  epsilonLabel,
  findRun,
  gridSettings,
  TOY_VARIANTS,
  type ToyGrid,
  type ToySetting,
  type ToyVariant,
  usesEpsilon,
  VARIANT_LABEL,
} from "./grid.ts";

import { csv } from "../stats.ts";

const CLASSES = TRAJECTORY_CLASSES;

/** Class counts of one game × variant × ε over the settings. */
export interface SweepRow {
  /** Which game. */
  game: ToyGame;
  /** Which variant. */
  variant: ToyVariant;
  /** The damping (GDA's row repeats its single run at every ε). */
  epsilon: number;
  /** Settings with a run. */
  settings: number;
  /** Settings per class. */
  counts: Record<TrajectoryClass, number>;
}

/** The ε sweep: per game × variant × ε, how many settings end in each class. */
export function sweepRows(grid: ToyGrid): SweepRow[] {
  const settings = gridSettings(grid);
  const rows: SweepRow[] = [];
  for (const game of [1, 2] as ToyGame[]) {
    for (const variant of TOY_VARIANTS) {
      for (const epsilon of grid.config.epsilons) {
        const counts = Object.fromEntries(CLASSES.map((c) => [c, 0])) as Record<
          TrajectoryClass,
          number
        >;
        let n = 0;
        for (const s of settings) {
          const r = findRun(grid, game, variant, epsilon, s);
          if (!r) continue;
          n++;
          counts[r.classification.status]++;
        }
        rows.push({ game, variant, epsilon, settings: n, counts });
      }
    }
  }
  return rows;
}

/** "24/24" plus the other classes seen, e.g. "12/24 (stalled 12)". */
function sweepCell(r: SweepRow): string {
  const others = CLASSES.filter((c) => c !== "converged" && r.counts[c] > 0)
    .map((c) => `${c} ${r.counts[c]}`);
  return `${r.counts.converged}/${r.settings}${others.length ? ` (${others.join(", ")})` : ""}`;
}

/** Markdown table of the sweep: one row per game × variant, one column per ε. */
export function sweepTable(grid: ToyGrid, rows: SweepRow[]): string[] {
  const eps = grid.config.epsilons;
  const lines = [
    `| toy | method | ${eps.map((e) => `ε = ${epsilonLabel(e)}`).join(" | ")} |`,
    `| --- | --- | ${eps.map(() => "---").join(" | ")} |`,
  ];
  for (const game of [1, 2] as ToyGame[]) {
    for (const v of TOY_VARIANTS) {
      const cells = eps.map((e) =>
        sweepCell(rows.find((r) => r.game === game && r.variant === v && r.epsilon === e)!)
      );
      const label = usesEpsilon(v) ? VARIANT_LABEL[v] : `${VARIANT_LABEL[v]}, one run (no ε)`;
      lines.push(`| ${game} | ${label} | ${cells.join(" | ")} |`);
    }
  }
  return lines;
}

/** CSV of the sweep: one row per game × variant × ε. */
export function sweepCsv(rows: SweepRow[]): string {
  return csv(
    [
      "game",
      "variant",
      "epsilon",
      "uses_epsilon",
      "settings",
      ...CLASSES.map((c) => c.replaceAll(" ", "_")),
      "converged_fraction",
    ],
    rows.map((r) => [
      r.game,
      r.variant,
      r.epsilon,
      usesEpsilon(r.variant),
      r.settings,
      ...CLASSES.map((c) => r.counts[c]),
      r.settings ? r.counts.converged / r.settings : "",
    ]),
  );
}

/** Markdown table of the primary verdicts, with the verdict at every ε beside each. */
export function verdictTable(verdicts: ClaimVerdict[], all: ToySetting[]): string[] {
  const lines = [
    "| toy | claim (paper §6.1) | FSDDPG = | verdict | holds in | holds under | does not hold " +
    "under | by ε |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const v of verdicts) {
    lines.push(
      `| ${v.game} | ${v.claim} | ${
        v.fsVariant ?? "–"
      } | **${v.verdict}** | ${v.holdsUnder.length}/${
        v.holdsUnder.length + v.failsUnder.length
      } | ${describeSettings(v.holdsUnder, all)} | ${
        describeSettings(v.failsUnder, all)
      } | ${v.epsilonSummary} |`,
    );
  }
  return lines;
}

/** Markdown table: one row per claim, one column per ε, each cell "verdict (holds/tested)". */
export function epsilonVerdictTable(grid: ToyGrid, verdicts: ClaimVerdict[]): string[] {
  const eps = grid.config.epsilons;
  const lines = [
    `| toy | claim | FSDDPG = | ${
      eps.map((e) =>
        `ε = ${epsilonLabel(e)}${e === grid.config.primaryEpsilon ? " (primary)" : ""}`
      ).join(" | ")
    } |`,
    `| --- | --- | --- | ${eps.map(() => "---").join(" | ")} |`,
  ];
  for (const v of verdicts) {
    const cells = v.byEpsilon.map((b) =>
      `${b.verdict} (${b.holdsUnder.length}/${b.holdsUnder.length + b.failsUnder.length})`
    );
    lines.push(`| ${v.game} | ${v.paperClaim} | ${v.fsVariant ?? "–"} | ${cells.join(" | ")} |`);
  }
  return lines;
}

/** CSV of the verdicts: one row per tolerance × claim × ε, the primary ε marked. */
export function verdictsCsv(
  sets: { tolerance: number; verdicts: ClaimVerdict[] }[],
  settings: ToySetting[],
): string {
  const rows: unknown[][] = [];
  for (const { tolerance, verdicts } of sets) {
    for (const v of verdicts) {
      for (const b of v.byEpsilon) {
        rows.push([
          tolerance,
          b.epsilon,
          b.epsilon === v.epsilon,
          v.game,
          v.id,
          v.paperClaim,
          v.fsVariant ?? "",
          v.dependsOnEpsilon,
          b.verdict,
          b.holdsUnder.length,
          b.holdsUnder.length + b.failsUnder.length,
          describeSettings(b.holdsUnder, settings),
          describeSettings(b.failsUnder, settings),
        ]);
      }
    }
  }
  return csv(
    [
      "tolerance",
      "epsilon",
      "primary",
      "game",
      "id",
      "claim",
      "fsddpg_variant",
      "depends_on_epsilon",
      "verdict",
      "holds_count",
      "tested_count",
      "holds_under",
      "does_not_hold_under",
    ],
    rows,
  );
}

/**
 * CSV with one row per run (GDA's ε cell is empty: it does not use ε); with `long`, the same run
 * at the longer horizon adds its steps, class, decay rate and final distance.
 */
export function runsCsv(grid: ToyGrid, long?: ToyGrid): string {
  const rows = grid.runs.map((r) => {
    const c = r.classification;
    const l = long
      ? findRun(long, r.game, r.variant, r.epsilon ?? long.config.primaryEpsilon, r)
        ?.classification
      : undefined;
    const rate = (x: number) => Number.isFinite(x) ? Number(x.toFixed(4)) : "";
    return [
      r.game,
      r.variant,
      r.target,
      r.order,
      r.lrActor,
      r.lrCritic,
      grid.config.steps,
      r.epsilon ?? "",
      c.status,
      r.looseClassification.status,
      c.firstBelow ?? "",
      c.staysBelowFrom ?? "",
      c.divergedAt ?? "",
      c.finalDistance,
      c.maxDistance,
      c.minDistance,
      r.final.theta,
      r.final.w,
      r.bestResponseGap.mean,
      r.bestResponseGap.maxSecondHalf,
      r.bestResponseGap.final,
      c.peaksSecondHalf,
      Number(c.turnsSecondHalf.toFixed(3)),
      Number(c.lateAmplitudeRatio.toFixed(4)),
      rate(c.decayRate),
      ...(long
        ? [long.config.steps, l?.status ?? "", rate(l?.decayRate ?? NaN), l?.finalDistance ?? ""]
        : []),
    ];
  });
  return csv(
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
      "class_loose_tolerance",
      "first_below_tol",
      "stays_below_from",
      "diverged_at",
      "final_distance",
      "max_distance",
      "min_distance",
      "final_theta",
      "final_w",
      "mean_best_response_gap",
      "max_best_response_gap_second_half",
      "final_best_response_gap",
      "peaks_second_half",
      "turns_second_half",
      "late_amplitude_ratio",
      "decay_rate",
      ...(long ? ["steps_long", "class_long", "decay_rate_long", "final_distance_long"] : []),
    ],
    rows,
  );
}
