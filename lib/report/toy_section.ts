/**
 * Section 1 of the reproduction report: the paper's toy games (§6.1, Fig. 1 and Fig. 7). Runs a
 * grid (both games × GDA/SDDPG/FSDDPG per-sample/FSDDPG listing × the damping ε × both target
 * treatments × learning-rate pairs × update orders), classifies every trajectory, and gives each
 * claim of §6.1 a verdict — "holds", "does not hold" or "not tested" — at the paper's ε, with the
 * verdict at every other ε beside it and the settings under which it holds and does not. Nothing
 * here is tuned to make a claim pass: one grid, one set of thresholds and one verdict rule serve
 * every claim, and every run is reported.
 *
 * The parts live in lib/report/toy/: the grid (grid.ts), the claims and verdicts (claims.ts), the
 * tables and CSV (tables.ts) and the figures (figures.ts); this file assembles the Markdown.
 * @module
 */
import { TARGET_TREATMENTS, TOY_GAMES, toyDistance, type ToyGame } from "../toy/games.ts";
import {
  type BestResponseGap,
  epsilonLabel,
  findRun,
  gridSettings,
  runToyGrid,
  TOY_VARIANTS,
  type ToyGrid,
  type ToyGridRun,
  VARIANT_LABEL,
} from "./toy/grid.ts";
import { type ClaimVerdict, toyVerdicts, variantDecides } from "./toy/claims.ts";
import {
  epsilonSweepFigure,
  type FigureRun,
  perSampleEpsilonFigures,
  settingFigures,
} from "./toy/figures.ts";
import { median, num } from "./stats.ts";
import type { ReportFile } from "./section.ts";
import {
  classificationRule,
  ddpgToy2Meaning,
  HORIZON_FACTOR,
  horizonSection,
  longHorizonGrid,
} from "./toy/horizons.ts";
import {
  epsilonVerdictTable,
  runsCsv,
  sweepCsv,
  sweepRows,
  sweepTable,
  verdictsCsv,
  verdictTable,
} from "./toy/tables.ts";

export {
  type BestResponseGap,
  bestResponseGap,
  classifyRun,
  DEFAULT_LR_PAIRS,
  describeSettings,
  epsilonLabel,
  findRun,
  gridSettings,
  resolveToyGridOptions,
  runToyGrid,
  settingKey,
  TOY_EPSILONS,
  TOY_LOOSE_FACTOR,
  TOY_TOLERANCE,
  TOY_VARIANTS,
  type ToyGrid,
  type ToyGridConfig,
  type ToyGridOptions,
  type ToyGridRun,
  type ToySetting,
  type ToyVariant,
  usesEpsilon,
  VARIANT_LABEL,
} from "./toy/grid.ts";
export {
  type ClaimVerdict,
  type EpsilonVerdict,
  summarizeByEpsilon,
  type ToyVerdictOptions,
  toyVerdicts,
  type Verdict,
  VERDICTS,
} from "./toy/claims.ts";
export { type SweepRow, sweepRows } from "./toy/tables.ts";
export type { ReportFile } from "./section.ts";
export {
  type ChangeKind,
  type ClassChange,
  classChanges,
  HORIZON_FACTOR,
  longHorizonGrid,
} from "./toy/horizons.ts";

/** The toy section: its Markdown, its files (SVG figures, CSV tables) and its verdicts. */
export interface ToySection {
  /** The section's Markdown, from its `## 1.` heading. */
  markdown: string;
  /** SVG figures and CSV tables, paths relative to the report directory. */
  files: ReportFile[];
  /** One verdict per claim of §6.1: the primary verdict (at the primary ε) and every ε's. */
  verdicts: ClaimVerdict[];
  /** The grid the section was built from. */
  grid: ToyGrid;
}

/**
 * Runs the grid (unless given) and the same grid {@link HORIZON_FACTOR}× longer (unless given),
 * and builds the toy section of the report.
 */
export function buildToySection(
  grid: ToyGrid = runToyGrid(),
  long: ToyGrid = longHorizonGrid(grid),
): ToySection {
  const { config } = grid;
  const tol = config.tolerance;
  const looseTol = config.looseTolerance;
  const primary = config.primaryEpsilon;
  const eps = epsilonLabel(primary);
  const verdicts = toyVerdicts(grid);
  const longVerdicts = toyVerdicts(long);
  const L = long.config.steps;
  const ddpgMeaning = ddpgToy2Meaning(grid, long);
  verdicts.forEach((v, i) => {
    const u = longVerdicts[i];
    const at =
      `at ${L} steps (${HORIZON_FACTOR}× the budget's): ${u.verdict} (${u.holdsUnder.length}/${
        u.holdsUnder.length + u.failsUnder.length
      } settings)`;
    v.detail = [v.id === "toy2-ddpg-cycles" && ddpgMeaning ? ddpgMeaning : v.detail, at]
      .filter(Boolean).join("; ");
  });
  const loose = toyVerdicts(grid, { loose: true });
  const settings = gridSettings(grid);
  const files: ReportFile[] = [];
  const md: string[] = [];

  md.push("## 1. Toy games (paper §6.1, Fig. 1 and Fig. 7)", "");
  md.push(...classificationRule(tol, config.steps, long.config.steps), "");
  md.push(
    "Toy 1: J(θ,w) = wθ², L(θ,w) = (wθ² + θ²)², start (1, 1), optimum (0, −1). " +
      "Toy 2: J = wθ, L = (wθ + θ²)², start (2, 2), optimum (0, 0). " +
      "L is read as (Q − y)² with Q = J and TD target y = −θ². " +
      "Critic: w ← w − α_w ∂L/∂w. Actor (ascent on J): θ ← θ + α_θ d with " +
      "d = ∂J/∂θ (DDPG/GDA); d = ∂J/∂θ − (∂²L/∂θ∂w)(∂²L/∂w² + ε)⁻¹ ∂J/∂w with the true second " +
      "derivatives (exact SDDPG); d = ∂J/∂θ − k1(k2 + ε)⁻¹ ∂J/∂w with k1 = 2g_θg_w, k2 = 2g_w² " +
      "(FSDDPG per-sample, the equations); d = (1 + c)·∂J/∂θ with c = 2g_w²/(2g_w² + ε) " +
      "(FSDDPG listing, the form of the paper's code).",
    "",
  );
  md.push(
    `Grid: ${config.steps} updates per run; damping ε ∈ {${
      config.epsilons.map(epsilonLabel).join(", ")
    }} for SDDPG and both FSDDPG forms, while DDPG (GDA) does not use ε and runs once per ` +
      `setting; learning rates (actor, critic) ` +
      `${config.lrPairs.map((p) => `(${p[0]}, ${p[1]})`).join(", ")}; target treatments ` +
      `${
        config.targets.join(", ")
      } (stop-gradient: y = −θ² is a constant when differentiating in ` +
      `θ, re-evaluated at the current θ each step); update orders ${config.orders.join(", ")} ` +
      "(simultaneous: both updates from the same (θ, w), the library default; critic-first: the " +
      `actor's direction uses the new w). A *setting* is one target treatment × order × ` +
      `learning-rate pair: ${settings.length} settings, ${grid.runs.length} runs in all.`,
    "",
  );
  md.push(
    "**Verdict rule** (fixed before any run): at one ε, every method that uses ε runs with that " +
      'ε and DDPG\'s single run serves every ε; a claim "holds" at that ε if it holds at every ' +
      'setting, "does not hold" if it fails at one or more, "not tested" if no setting evaluated ' +
      `it. **The primary verdict of a claim is its verdict at the paper's ε = ${eps}**; the ` +
      "verdicts at the other ε are listed beside it (column *by ε*, and the table *Verdicts by ε*) " +
      "and never change the primary word. Claims that involve a method using ε name the ε in " +
      "their text. The paper gives neither its learning rates nor its target treatment, so the " +
      "columns matter more than the single word.",
    "",
  );
  md.push(
    "**What the two FSDDPG variants are on scalars, and what ε does.** With one scalar sample, " +
      "the per-sample correction with an exact inverse is k1(k2 + ε)⁻¹∂J/∂w = 2g_θg_w²/(2g_w² + ε), " +
      "so d = g_θ·ε/(2g_w² + ε): it cancels ∂J/∂θ up to ε and the actor barely moves until g_w² is " +
      "of order ε. The listing's d = (1 + c)g_θ with c ≈ 1 is DDPG with the actor's step nearly " +
      "doubled. As ε grows past 2g_w² both forms, and SDDPG's correction, fade into DDPG's " +
      "d = ∂J/∂θ, so the sweep shows how much of each method's behaviour is the damping. At " +
      `ε = ${eps} the per-sample step is g_θ times ε/(2g_w² + ε) = ${
        num(primary / (2 + primary))
      } at toy 1's start (g_w² = θ⁴ = 1) and ${
        num(primary / (2 * 4 + primary))
      } at toy 2's (g_w² = θ² = 4), so a stall there is the damping's doing; the sweep below ` +
      "shows whether the method converges once ε is larger. " +
      "Neither FSDDPG variant, nor DDPG, depends on the target treatment (k1 and k2 are built " +
      "from Q's gradients only); only SDDPG does. In toy 1 the critic's gradient " +
      "∂L/∂w = 2(w + 1)θ⁴ vanishes as θ → 0, so a method that drives θ to 0 before w reaches −1 " +
      "leaves w frozen, and the distance to (0, −1) cannot fall below |w + 1| afterwards. On the " +
      "target question, the paper's Appendix D writes ∂²L/∂θ∂w = 4(2w + 2)θ³ for toy 1, which is " +
      "the differentiated-target form (with a stop-gradient target it is 4(2w + 1)θ³); the paper " +
      "does not say which its experiments used, so both are run.",
    "",
  );

  // ---- the ε sweep
  const sweep = sweepRows(grid);
  md.push("### Which methods converge at which ε", "");
  md.push(
    `Each cell: converged settings / all ${settings.length} settings, and the other classes seen ` +
      "(settings per class). DDPG's row repeats its single run in every column.",
    "",
  );
  md.push(...sweepTable(grid, sweep), "");
  const sweepFigs = ([1, 2] as ToyGame[]).map((game) =>
    epsilonSweepFigure(
      game,
      TOY_VARIANTS.map((variant) => {
        const rows = sweep.filter((r) => r.game === game && r.variant === variant);
        return {
          variant,
          epsilons: rows.map((r) => r.epsilon),
          fractions: rows.map((r) => (r.settings ? r.counts.converged / r.settings : NaN)),
        };
      }),
      settings.length,
    )
  );
  files.push(...sweepFigs);
  md.push(sweepFigs.map((f) => `![${f.path}](${f.path})`).join(" "), "");
  const reference = settings.find((s) => s.order === "simultaneous") ?? settings[0];
  md.push(
    `FSDDPG per-sample at every ε in the grid's first simultaneous setting (${reference.target} ` +
      `target, lr (${reference.lrActor}, ${reference.lrCritic})): trajectories over the contours ` +
      "of J(θ, w*(θ)) and the distance to the optimum per step.",
    "",
  );
  for (const game of [1, 2] as ToyGame[]) {
    const figs = perSampleEpsilonFigures(game, reference, config.steps, config.epsilons, tol);
    files.push(...figs);
    md.push(`Toy ${game}:`, "", figs.map((f) => `![${f.path}](${f.path})`).join(" "), "");
  }

  // ---- verdicts
  md.push(`### Verdicts (primary: ε = ${eps})`, "");
  md.push(...verdictTable(verdicts, settings), "");
  const variantNote = variantDecides(verdicts);
  if (variantNote) md.push(variantNote, "");
  for (const v of verdicts) md.push(`- *${v.id}*: ${v.criterion}.`);
  md.push("");
  if (ddpgMeaning) {
    md.push(
      '**What "DDPG is trapped in a limit cycle" means here** (toy 2, every setting): ' +
        `${ddpgMeaning}.`,
      "",
    );
  }
  files.push(...horizonSection(md, grid, long, verdicts, longVerdicts));

  md.push("### Verdicts by ε", "");
  md.push(
    "Each cell: the verdict at that ε and the settings where the claim holds / all settings. " +
      "Claims on DDPG alone are the same in every column.",
    "",
  );
  md.push(...epsilonVerdictTable(grid, verdicts), "");

  md.push(`### Verdicts by target treatment (ε = ${eps})`, "");
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

  // ---- every run at the primary ε
  md.push(`### Outcome of every run (ε = ${eps})`, "");
  md.push(
    "Each cell: class, and for converged runs the step from which the distance stays below " +
      `${tol}; otherwise the final distance. Peak = largest distance to the optimum. Runs at ` +
      "the other ε are in the CSV.",
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
        const r = findRun(grid, game, v, primary, s);
        if (!r) return "–";
        const c = r.classification;
        const detail = c.status === "converged"
          ? `from step ${c.staysBelowFrom}`
          : c.status === "diverged" && c.divergedAt !== null
          ? `at step ${c.divergedAt}`
          : c.status === "spirals in" || c.status === "converging slowly"
          ? `rate t^${c.decayRate.toFixed(2)}, end ${num(c.finalDistance)}`
          : `end ${num(c.finalDistance)}`;
        return `${c.status} (${detail}; peak ${num(c.maxDistance)})`;
      });
      md.push(
        `| ${s.target} | ${s.order} | (${s.lrActor}, ${s.lrCritic}) | ${cells.join(" | ")} |`,
      );
    }
    md.push("");
  }

  // ---- Fig. 7: the best-response landscape
  md.push("### The critic's best response (Fig. 7)", "");
  md.push(
    "Fig. 7 draws the trajectories over the contours of J(θ, w*(θ)), the actor's objective with " +
      "the critic at its best response w*(θ) = argmin_w L(θ, w). Here w*(θ) is solved " +
      "numerically for each θ of the plot's grid (Newton's method on ∂L/∂w, exact in one step " +
      "since L is quadratic in w), then J is evaluated there. §6.1 gives w* = −1 (toy 1) and " +
      "w* = −θ (toy 2), so J(θ, w*(θ)) = −θ² on both games: a function of θ alone, whose " +
      "contours are vertical lines (at θ = 0 every w is a best response and J = 0). The dotted " +
      'curve on every figure is w*(θ); the paper\'s "best response area" is its neighbourhood. ' +
      "How far each method's critic strays from it, as |w − w*(θ)| along the run (ε = " +
      `${eps}; median over the ${settings.length} settings; every run's values are in the CSV):`,
    "",
  );
  md.push(
    "| toy | method | mean over the run | largest over the second half | at the end |",
    "| --- | --- | --- | --- | --- |",
  );
  for (const game of [1, 2] as ToyGame[]) {
    for (const v of TOY_VARIANTS) {
      const gaps = settings.map((s) => findRun(grid, game, v, primary, s))
        .filter((r): r is ToyGridRun => r !== undefined)
        .map((r) => r.bestResponseGap);
      const med = (k: keyof BestResponseGap) => num(median(gaps.map((g) => g[k])));
      md.push(
        `| ${game} | ${VARIANT_LABEL[v]} | ${med("mean")} | ${med("maxSecondHalf")} | ${
          med("final")
        } |`,
      );
    }
  }
  md.push("");

  // ---- per-setting figures
  md.push("### Figures", "");
  md.push(
    `For each game and setting with the simultaneous order, at ε = ${eps} (critic-first runs ` +
      "are in the tables and CSV): trajectories of (θ, w) over the contours of L (Fig. 1, first " +
      "column), of J (Fig. 1, second column) and of J(θ, w*(θ)) (Fig. 7), and the distance to " +
      "the optimum per step (Fig. 1, third column).",
    "",
  );
  for (const game of [1, 2] as ToyGame[]) {
    for (const s of settings) {
      if (s.order !== "simultaneous" && settings.some((x) => x.order === "simultaneous")) continue;
      const runs: FigureRun[] = [];
      for (const v of TOY_VARIANTS) {
        const r = findRun(grid, game, v, primary, s);
        if (r?.result) runs.push({ variant: v, status: r.classification.status, result: r.result });
      }
      if (!runs.length) continue;
      const figs = settingFigures(game, s, runs, tol, primary);
      files.push(...figs);
      md.push(
        `Toy ${game}, ${s.target} target, lr (${s.lrActor}, ${s.lrCritic}), ${s.order}:`,
        "",
        figs.map((f) => `![${f.path}](${f.path})`).join(" "),
        "",
      );
    }
  }

  files.push({ path: "toy/toy_runs.csv", content: runsCsv(grid, long) });
  files.push({ path: "toy/toy_epsilon_sweep.csv", content: sweepCsv(sweep) });
  files.push({
    path: "toy/toy_verdicts.csv",
    content: verdictsCsv(
      [{ tolerance: tol, verdicts }, { tolerance: looseTol, verdicts: loose }],
      settings,
    ),
  });
  md.push(
    "Tables: [toy/toy_runs.csv](toy/toy_runs.csv) (one row per run, with its class at both " +
      "horizons; GDA's ε is empty), " +
      "[toy/toy_epsilon_sweep.csv](toy/toy_epsilon_sweep.csv) (classes per game × method × ε), " +
      "[toy/toy_verdicts.csv](toy/toy_verdicts.csv) (verdicts per tolerance × claim × ε, the " +
      "primary ε marked).",
    "",
  );
  return { markdown: md.join("\n"), files, verdicts, grid };
}
