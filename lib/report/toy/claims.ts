/**
 * The claims of §6.1 (Fig. 1) and their verdicts over the toy grid, at every damping ε of the
 * sweep. One rule serves every claim: at one ε, a claim "holds" iff it holds at every setting of
 * the grid; the primary verdict is the one at the primary ε (the paper's 1e-5), and the verdicts
 * at the other ε are listed beside it, never folded into it.
 * @module
 */
import { TOY_GAMES, toyDistance, type ToyGame } from "../../toy/games.ts";
import type { ToyK1K2 } from "../../toy/run.ts";
import type { TrajectoryClassification } from "../../toy/classify.ts";
import {
  epsilonLabel,
  findRun,
  gridSettings,
  TOY_VARIANTS,
  type ToyGrid,
  type ToySetting,
  type ToyVariant,
  usesEpsilon,
  variantMethod,
} from "./grid.ts";

/** A verdict cell: exactly one of three words. */
export type Verdict = "holds" | "does not hold" | "not tested";
/** The allowed verdict words. */
export const VERDICTS: readonly Verdict[] = ["holds", "does not hold", "not tested"];

/** A claim's verdict at one ε. */
export interface EpsilonVerdict {
  /** The damping of every variant that uses it (SDDPG, both FSDDPG forms). */
  epsilon: number;
  /** "holds" iff it holds at every tested setting; "not tested" if none was run. */
  verdict: Verdict;
  /** Settings where the claim holds at this ε. */
  holdsUnder: ToySetting[];
  /** Settings where it does not. */
  failsUnder: ToySetting[];
}

/** One claim of §6.1 with its verdict over the grid. */
export interface ClaimVerdict {
  /** Which game. */
  game: ToyGame;
  /** Stable id, e.g. `toy2-ddpg-cycles`. */
  id: string;
  /** The claim as the report states it, naming the primary ε when the claim depends on ε. */
  claim: string;
  /** The paper's claim, without the ε. */
  paperClaim: string;
  /** Which FSDDPG variant stands for "FSDDPG" in this row (null if the claim involves none). */
  fsVariant: ToyK1K2 | null;
  /** How the claim is decided at one setting. */
  criterion: string;
  /** Whether a variant of the claim uses ε (false for claims on DDPG alone). */
  dependsOnEpsilon: boolean;
  /** The ε of the primary verdict. */
  epsilon: number;
  /** The primary verdict: the verdict at {@link ClaimVerdict.epsilon}. */
  verdict: Verdict;
  /** Settings where it holds at the primary ε. */
  holdsUnder: ToySetting[];
  /** Settings where it does not hold at the primary ε. */
  failsUnder: ToySetting[];
  /** The verdict at every ε of the grid, ascending. */
  byEpsilon: EpsilonVerdict[];
  /** E.g. "holds at ε ≥ 1e-2 (24/24 settings at each); does not hold at ε = 1e-5 (0/24)". */
  epsilonSummary: string;
  /** What the runs did at the primary ε, e.g. "DDPG spirals in at rate t^−0.50 …" ("" if none). */
  detail: string;
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
  /** The variants the claim compares. */
  variants: ToyVariant[];
  criterion: string;
  test(get: (v: ToyVariant) => TrajectoryClassification, fs: ToyVariant): boolean;
  /** Describes the first variant's classes over the settings at the primary ε. */
  describe?(classes: TrajectoryClassification[]): string;
}

/** "−0.50" or "−0.56 to −0.46"; "–" for none. */
export function rateRange(rates: number[]): string {
  const finite = rates.filter(Number.isFinite);
  if (!finite.length) return "–";
  // Rounded first, so that −0.001 reads "0.00", not "−0.00".
  const f = (x: number) => (Math.round(x * 100) / 100 + 0).toFixed(2).replace("-", "−");
  const lo = f(Math.min(...finite)), hi = f(Math.max(...finite));
  return lo === hi ? lo : `${lo} to ${hi}`;
}

/**
 * DDPG's classes on toy 2: how many settings it spirals in at (with the decay rate s of the
 * amplitude ∝ t^s), how many it cycles at, and the rest.
 */
function describeDdpgToy2(classes: TrajectoryClassification[]): string {
  const n = classes.length;
  const parts: string[] = [];
  const spirals = classes.filter((c) => c.status === "spirals in");
  if (spirals.length) {
    parts.push(
      `DDPG spirals in at rate ${rateRange(spirals.map((c) => c.decayRate))} (amplitude ∝ t^s, ` +
        `log–log slope) at ${spirals.length}/${n} settings: a shrinking spiral, not a limit cycle`,
    );
  }
  const cycles = classes.filter((c) => c.status === "cycles");
  if (cycles.length) {
    parts.push(
      `a limit cycle (amplitude slope ${rateRange(cycles.map((c) => c.decayRate))}) at ` +
        `${cycles.length}/${n}`,
    );
  }
  const rest = new Map<string, number>();
  for (const c of classes) {
    if (c.status !== "spirals in" && c.status !== "cycles") {
      rest.set(c.status, (rest.get(c.status) ?? 0) + 1);
    }
  }
  for (const [status, k] of rest) parts.push(`${status} at ${k}/${n}`);
  return parts.join("; ");
}

/** The variant that runs FSDDPG with a k1/k2 form (read off the one variant list, grid.ts). */
const FS_OF = Object.fromEntries(
  TOY_VARIANTS.flatMap((v) => {
    const k = variantMethod(v).k1k2;
    return k ? [[k, v]] : [];
  }),
) as Record<ToyK1K2, ToyVariant>;

/** The claims of §6.1 ("Results"), each with its criterion at one setting. */
const CLAIMS: ClaimSpec[] = [
  ...(["listing", "per-sample"] as ToyK1K2[]).map((k): ClaimSpec => ({
    game: 1,
    id: `toy1-ddpg-fsddpg-faster-than-sddpg-${k}`,
    claim: "DDPG and FSDDPG converge faster than SDDPG",
    fsVariant: k,
    variants: ["gda", "sddpg", FS_OF[k]],
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
    variants: [...TOY_VARIANTS],
    criterion:
      "DDPG's peak distance to the optimum is ≥ 1.5× its start distance and larger than the peak " +
      "distances of SDDPG and of both FSDDPG variants (diverged = infinite peak)",
    test: (get) => {
      const start = toyDistance(1, TOY_GAMES[1].start.theta, TOY_GAMES[1].start.w);
      const peak = get("gda").maxDistance;
      return peak >= 1.5 * start &&
        TOY_VARIANTS.every((v) => v === "gda" || peak > get(v).maxDistance);
    },
  },
  {
    game: 2,
    id: "toy2-ddpg-cycles",
    claim: "DDPG is trapped in a limit cycle",
    fsVariant: null,
    variants: ["gda"],
    criterion: 'DDPG\'s trajectory is classified "cycles" (its amplitude stops shrinking; one ' +
      'that "spirals in" is not a limit cycle)',
    test: (get) => get("gda").status === "cycles",
    describe: describeDdpgToy2,
  },
  ...(["listing", "per-sample"] as ToyK1K2[]).map((k): ClaimSpec => ({
    game: 2,
    id: `toy2-fsddpg-sddpg-converge-${k}`,
    claim: "FSDDPG and SDDPG converge to the optimum",
    fsVariant: k,
    variants: ["sddpg", FS_OF[k]],
    criterion: 'both trajectories are classified "converged"',
    test: (get, fs) => get(fs).status === "converged" && get("sddpg").status === "converged",
  })),
  ...(["listing", "per-sample"] as ToyK1K2[]).map((k): ClaimSpec => ({
    game: 2,
    id: `toy2-fsddpg-faster-than-sddpg-${k}`,
    claim: "FSDDPG converges faster than SDDPG",
    fsVariant: k,
    variants: ["sddpg", FS_OF[k]],
    criterion:
      "FSDDPG gets within tolerance for good in fewer steps than SDDPG (a run that does not " +
      "converge counts as never)",
    test: (get, fs) => convergeTime(get(fs)) < convergeTime(get("sddpg")),
  })),
];

/** Options of {@link toyVerdicts}. */
export interface ToyVerdictOptions {
  /** Use the classes at the grid's sensitivity tolerance instead of the primary one. */
  loose?: boolean;
  /** Only the settings for which this returns true count. */
  filter?: (s: ToySetting) => boolean;
}

function verdictOf(holds: number, fails: number): Verdict {
  return holds + fails === 0 ? "not tested" : fails === 0 ? "holds" : "does not hold";
}

/**
 * Verdicts of every §6.1 claim over the grid, at every ε. At one ε every variant that uses ε runs
 * with that ε (GDA's single run serves every ε). The primary verdict is the one at the grid's
 * primary ε.
 */
export function toyVerdicts(grid: ToyGrid, opts: ToyVerdictOptions = {}): ClaimVerdict[] {
  const settings = gridSettings(grid).filter(opts.filter ?? (() => true));
  const { epsilons, primaryEpsilon } = grid.config;
  return CLAIMS.map((spec) => {
    const fs = spec.fsVariant ? FS_OF[spec.fsVariant] : "fsddpg-listing";
    const byEpsilon = epsilons.map((epsilon): EpsilonVerdict => {
      const holdsUnder: ToySetting[] = [], failsUnder: ToySetting[] = [];
      for (const s of settings) {
        const runs = new Map(
          spec.variants.map((v) => [v, findRun(grid, spec.game, v, epsilon, s)]),
        );
        if ([...runs.values()].some((r) => r === undefined)) continue;
        const get = (v: ToyVariant) => {
          const r = runs.get(v)!;
          return opts.loose ? r.looseClassification : r.classification;
        };
        (spec.test(get, fs) ? holdsUnder : failsUnder).push(s);
      }
      return {
        epsilon,
        verdict: verdictOf(holdsUnder.length, failsUnder.length),
        holdsUnder,
        failsUnder,
      };
    });
    const primary = byEpsilon.find((b) => b.epsilon === primaryEpsilon)!;
    const described = spec.describe
      ? settings.flatMap((s) => {
        const r = findRun(grid, spec.game, spec.variants[0], primaryEpsilon, s);
        return r ? [opts.loose ? r.looseClassification : r.classification] : [];
      })
      : [];
    const detail = spec.describe && described.length ? spec.describe(described) : "";
    const dependsOnEpsilon = spec.variants.some(usesEpsilon);
    return {
      game: spec.game,
      id: spec.id,
      claim: dependsOnEpsilon
        ? `${spec.claim} (at ε = ${epsilonLabel(primaryEpsilon)})`
        : spec.claim,
      paperClaim: spec.claim,
      fsVariant: spec.fsVariant,
      criterion: spec.criterion,
      dependsOnEpsilon,
      epsilon: primaryEpsilon,
      verdict: primary.verdict,
      holdsUnder: primary.holdsUnder,
      failsUnder: primary.failsUnder,
      byEpsilon,
      epsilonSummary: dependsOnEpsilon
        ? summarizeByEpsilon(byEpsilon)
        : `does not depend on ε (DDPG does not use it): ${primary.verdict} (${
          count(primary)
        } settings)${detail ? `; ${detail}` : ""}`,
      detail,
    };
  });
}

function count(b: EpsilonVerdict): string {
  return `${b.holdsUnder.length}/${b.holdsUnder.length + b.failsUnder.length}`;
}

/** "every ε", "ε ≥ x", "ε ≤ x" or "ε = a, b" for a subset of the ascending list `all`. */
function epsilonSet(subset: number[], all: number[]): string {
  const labels = subset.map(epsilonLabel);
  if (subset.length === all.length) return all.length === 1 ? `ε = ${labels[0]}` : "every ε";
  const at = all.indexOf(subset[0]);
  const contiguous = subset.every((e, i) => all[at + i] === e);
  if (contiguous && subset.length > 1 && at + subset.length === all.length) {
    return `ε ≥ ${labels[0]}`;
  }
  if (contiguous && subset.length > 1 && at === 0) return `ε ≤ ${labels.at(-1)}`;
  return `ε = ${labels.join(", ")}`;
}

/**
 * A claim's verdicts over ε in one line: where it holds (with the settings count, the same at
 * each ε) and where it does not (with the count at each ε).
 */
export function summarizeByEpsilon(byEpsilon: EpsilonVerdict[]): string {
  const all = byEpsilon.map((b) => b.epsilon);
  const parts: string[] = [];
  for (const word of VERDICTS) {
    const group = byEpsilon.filter((b) => b.verdict === word);
    if (!group.length) continue;
    const where = epsilonSet(group.map((b) => b.epsilon), all);
    if (word === "not tested") {
      parts.push(`not tested at ${where === "every ε" ? "any ε" : where}`);
    } else if (word === "holds") {
      const counts = [...new Set(group.map(count))];
      parts.push(
        `holds at ${where === "every ε" ? "every ε tested" : where} (${
          counts.length === 1
            ? `${counts[0]} settings${group.length > 1 ? " at each" : ""}`
            : group.map((b) => `${epsilonLabel(b.epsilon)}: ${count(b)}`).join(", ")
        })`,
      );
    } else {
      parts.push(
        `does not hold at ${where === "every ε" ? "any ε tested" : where} (${
          group.map((b) => `${epsilonLabel(b.epsilon)}: ${count(b)}`).join(", ")
        })`,
      );
    }
  }
  return parts.join("; ");
}

/** A sentence on the claims where the FSDDPG variant (k1k2) changes the primary outcome, or "". */
export function variantDecides(verdicts: ClaimVerdict[]): string {
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
