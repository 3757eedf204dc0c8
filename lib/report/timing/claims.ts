/**
 * Report section 3's claims (lib/report/timing_section.ts has the section): the paper's
 * statements about time (Table 3, §6.2, Fig. 4) checked on measured rows, repeat against repeat.
 * @module
 */
import { type Method, methodKey } from "../plan.ts";
import { median, type Verdict } from "../stats.ts";
import { FS_CG_PER_SAMPLE, FS_PER_SAMPLE, type TimingRow } from "./measure.ts";

/**
 * The paper's Table 3 (seconds per episode; FSDDPG and FSDDPG-CG are set beside our per-sample
 * rows); null where our copy of the table is garbled. HalfCheetah's SD entries read "≥ 2000".
 */
export const PAPER_TABLE3: Record<string, Record<string, number | null>> = {
  HalfCheetah: {
    fsddpg: 13.70,
    "fsddpg-cg": 29.27,
    "sddpg-cg": 44.58,
    "sddpg-bd": 2000,
    sddpg: 2000,
  },
  InvertedDoublePendulum: {
    fsddpg: null,
    "fsddpg-cg": 28.45,
    "sddpg-cg": 43.58,
    "sddpg-bd": 446,
    sddpg: 1780,
  },
  InvertedPendulum: {
    fsddpg: 15.25,
    "fsddpg-cg": 30.96,
    "sddpg-cg": 43.69,
    "sddpg-bd": 339,
    sddpg: 1268,
  },
};

/** A ratio of two cells' times per environment step over their repeats. */
export interface TimeRatio {
  /** The median ratio (paired) or the ratio of the medians (unpaired). */
  median: number;
  /** Smallest ratio over the pairs, or min(slow) / max(fast). */
  min: number;
  /** Largest ratio over the pairs, or max(slow) / min(fast). */
  max: number;
  /** Repeat r of one against repeat r of the other (equal repeat counts), else range extremes. */
  paired: boolean;
  /** Pairs compared, or the smaller repeat count. */
  n: number;
}

/**
 * `slow`'s time per environment step over `fast`'s. With equal repeat counts (cells of one task
 * timed round-robin) repeat r is set against repeat r, giving the ratios' median, min and max;
 * otherwise min = min(slow) / max(fast) and max = max(slow) / min(fast), median of medians.
 *
 * @param slow The row claimed to take more time.
 * @param fast The row claimed to take less.
 * @returns The ratio and its spread over the repeats.
 */
export function timeRatio(slow: TimingRow, fast: TimingRow): TimeRatio {
  const s = slow.repeats.map((r) => r.envStepMs), f = fast.repeats.map((r) => r.envStepMs);
  if (s.length === f.length && s.length > 0) {
    const r = s.map((x, i) => x / f[i]);
    return {
      median: median(r),
      min: Math.min(...r),
      max: Math.max(...r),
      paired: true,
      n: r.length,
    };
  }
  return {
    median: median(s) / median(f),
    min: Math.min(...s) / Math.max(...f),
    max: Math.max(...s) / Math.min(...f),
    paired: false,
    n: Math.min(s.length, f.length),
  };
}

/** "holds" when every repeat shows `slow` ≥ factor × `fast`'s time, reversed when none does. */
function ratioVerdict(r: TimeRatio, factor: number): Verdict {
  return r.min > factor ? "holds" : r.max < factor ? "does not hold" : "inconclusive";
}

/** A claim of the paper about time, checked on our measurements. */
export interface TimingClaim {
  /** The claim, with the paper's numbers. */
  claim: string;
  /** "holds" / "does not hold" / "inconclusive" over the repeats, "not tested" if no task had both. */
  verdict: Verdict;
  /** What ran: per task, the methods, implementations, ratio median [min–max] and its verdict. */
  detail: string;
}

interface ClaimSpec {
  claim: string;
  /** [slow, fast] method pairs: slow is claimed to take more than factor × fast's time. */
  pairs: [Method, Method][];
  factor: number;
  /** Table 3's tasks (where measured) or every task timed (Fig. 4 and 9). */
  scope: "table3" | "all";
}

const CLAIMS: ClaimSpec[] = [
  {
    claim: "FSDDPG (per-sample, o = 1) takes less time per episode than FSDDPG-CG (per-sample) " +
      "(Table 3: 13.70 vs 29.27 s on HalfCheetah, 15.25 vs 30.96 s on InvertedPendulum, about 2×)",
    pairs: [[FS_CG_PER_SAMPLE, FS_PER_SAMPLE]],
    factor: 1,
    scope: "table3",
  },
  {
    claim: "SDDPG-CG takes more time per episode than FSDDPG (per-sample) and FSDDPG-CG " +
      "(per-sample) (Table 3: 44.58 vs 13.70 and 29.27 s on HalfCheetah)",
    pairs: [[{ algo: "sddpg-cg" }, FS_PER_SAMPLE], [{ algo: "sddpg-cg" }, FS_CG_PER_SAMPLE]],
    factor: 1,
    scope: "table3",
  },
  {
    claim: "Exact SDDPG and SDDPG-BD take at least 10× the time per episode of FSDDPG " +
      "(per-sample) (Table 3: 22× to ≥ 146×, exact SDDPG about 100×)",
    pairs: [[{ algo: "sddpg" }, FS_PER_SAMPLE], [{ algo: "sddpg-bd" }, FS_PER_SAMPLE]],
    factor: 10,
    scope: "table3",
  },
  {
    claim: "DDPG-TTSU (10 critic updates per actor update, the actor stepping as often as " +
      "DDPG's) takes more training time per episode than DDPG (§6.2, Fig. 4)",
    pairs: [[{ algo: "ddpg-ttsu" }, { algo: "ddpg" }]],
    factor: 1,
    scope: "all",
  },
  {
    claim: "DDPG-TTSU and SDDPG-CG take more training time per episode than FSDDPG " +
      "(per-sample) (§6.2, Fig. 4)",
    pairs: [[{ algo: "ddpg-ttsu" }, FS_PER_SAMPLE], [{ algo: "sddpg-cg" }, FS_PER_SAMPLE]],
    factor: 1,
    scope: "all",
  },
];

/** Every timing claim's verdict on `rows`, over `timingTasks` (Table 3's where measured). */
export function timingClaims(rows: TimingRow[], timingTasks: string[]): TimingClaim[] {
  const get = (task: string, m: Method) =>
    rows.find((r) => r.task === task && r.key === methodKey(m) && r.degree === undefined);
  return CLAIMS.map((spec) => {
    const inTable = timingTasks.filter((t) => t in PAPER_TABLE3);
    const tasks = spec.scope === "table3" && inTable.length ? inTable : timingTasks;
    const verdicts: Verdict[] = [], parts: string[] = [];
    for (const task of tasks) {
      for (const [slowM, fastM] of spec.pairs) {
        const slow = get(task, slowM), fast = get(task, fastM);
        if (!slow || !fast) continue;
        const r = timeRatio(slow, fast);
        const v = ratioVerdict(r, spec.factor);
        verdicts.push(v);
        parts.push(
          `${task}: ${slow.label} [${slow.implementation}] / ${fast.label} [${fast.implementation}]` +
            ` = ${r.median.toFixed(2)}× [${r.min.toFixed(2)}–${r.max.toFixed(2)}] over ${r.n} ` +
            `${r.paired ? "paired repeats" : "repeats (range against range)"}: ${v}`,
        );
      }
    }
    // the paper states each ordering on each task: one task where it is reversed refutes it
    const verdict: Verdict = !verdicts.length
      ? "not tested"
      : verdicts.includes("does not hold")
      ? "does not hold"
      : verdicts.every((v) => v === "holds")
      ? "holds"
      : "inconclusive";
    const skipped = tasks.filter((t) => !spec.pairs.some(([s, f]) => get(t, s) && get(t, f)));
    return {
      claim: spec.claim,
      verdict,
      detail: (parts.join("; ") || "no task timed both") +
        (parts.length && skipped.length ? `; not timed on ${skipped.join(", ")}` : ""),
    };
  });
}
