/**
 * Classifies a toy-game trajectory from its distance to the optimum: converged, cycles, diverged
 * or stalled. The rules are fixed up front (not tuned per claim) and stated in the report.
 * @module
 */

/** The outcome of one trajectory. */
export type TrajectoryClass = "converged" | "cycles" | "diverged" | "stalled";

/** Thresholds of {@link classifyTrajectory}. */
export interface ClassifyOptions {
  /** Converged: distance below this over the final window (default 1e-2). */
  tolerance?: number;
  /** Fraction of the run at its end that must stay below the tolerance (default 0.05). */
  finalWindow?: number;
  /** Diverged: a non-finite point, or distance above this anywhere (default 1e3). */
  divergeAbove?: number;
  /** The optimum, to measure winding around it (default none: winding is not used). */
  optimum?: { theta: number; w: number };
  theta?: ArrayLike<number>;
  w?: ArrayLike<number>;
}

/** What {@link classifyTrajectory} found. */
export interface TrajectoryClassification {
  status: TrajectoryClass;
  /** First step with distance < tolerance, or null if never. */
  firstBelow: number | null;
  /** First step from which the distance stays < tolerance to the end, or null. */
  staysBelowFrom: number | null;
  /** First step where it diverged (non-finite or above the threshold), or null. */
  divergedAt: number | null;
  finalDistance: number;
  maxDistance: number;
  minDistance: number;
  /** Local maxima of the distance in the second half of the run. */
  peaksSecondHalf: number;
  /** Full turns around the optimum in the second half (0 when θ, w were not given). */
  turnsSecondHalf: number;
  /** Largest distance over the last quarter divided by that over the third quarter. */
  lateAmplitudeRatio: number;
  /** A one-line human explanation of the class. */
  reason: string;
}

/** First index i with `values[i] < limit`, or null. */
export function firstBelow(values: ArrayLike<number>, limit: number): number | null {
  for (let i = 0; i < values.length; i++) if (values[i] < limit) return i;
  return null;
}

/**
 * Rules, in order:
 * 1. **diverged**: some point is non-finite or farther than `divergeAbove` from the optimum;
 * 2. **converged**: the distance is below `tolerance` over the final window (the last 5% of the
 *    points by default, so the phase of an oscillation at the last step cannot decide it; reported
 *    with the first step it got below, and the step from which it stayed below);
 * 3. **cycles**: in the second half the distance keeps oscillating (≥ 3 local maxima, or ≥ 1 full
 *    turn around the optimum) and does not decay (the largest distance over the last quarter is at
 *    least half the largest over the third quarter);
 * 4. **stalled**: everything else — it stopped away from the optimum, or it still creeps towards it
 *    too slowly to get within tolerance in the step budget.
 */
export function classifyTrajectory(
  distance: ArrayLike<number>,
  opts: ClassifyOptions = {},
): TrajectoryClassification {
  const tol = opts.tolerance ?? 1e-2;
  const limit = opts.divergeAbove ?? 1e3;
  const n = distance.length;
  let divergedAt: number | null = null;
  let maxDistance = -Infinity, minDistance = Infinity;
  for (let i = 0; i < n; i++) {
    const d = distance[i];
    if (!Number.isFinite(d) || d > limit) {
      divergedAt = i;
      break;
    }
    maxDistance = Math.max(maxDistance, d);
    minDistance = Math.min(minDistance, d);
  }
  const finalDistance = divergedAt === null ? distance[n - 1] : NaN;
  const windowStart = Math.max(0, n - Math.max(1, Math.ceil(n * (opts.finalWindow ?? 0.05))));
  let windowMax = -Infinity;
  for (let i = windowStart; i < n; i++) windowMax = Math.max(windowMax, distance[i]);
  const half = Math.floor(n / 2), q3 = Math.floor(n * 3 / 4);
  let peaks = 0;
  for (let i = Math.max(1, half); i < n - 1; i++) {
    if (distance[i] > distance[i - 1] && distance[i] >= distance[i + 1]) peaks++;
  }
  let turns = 0;
  if (opts.optimum && opts.theta && opts.w) {
    const o = opts.optimum, th = opts.theta, w = opts.w;
    let prev = Math.atan2(w[half] - o.w, th[half] - o.theta);
    for (let i = half + 1; i < n; i++) {
      const a = Math.atan2(w[i] - o.w, th[i] - o.theta);
      if (!Number.isFinite(a)) break;
      let da = a - prev;
      if (da > Math.PI) da -= 2 * Math.PI;
      if (da < -Math.PI) da += 2 * Math.PI;
      turns += da;
      prev = a;
    }
    turns = Math.abs(turns) / (2 * Math.PI);
  }
  let maxQ3 = 0, maxQ4 = 0;
  for (let i = half; i < q3; i++) maxQ3 = Math.max(maxQ3, distance[i]);
  for (let i = q3; i < n; i++) maxQ4 = Math.max(maxQ4, distance[i]);
  const lateAmplitudeRatio = maxQ3 > 0 ? maxQ4 / maxQ3 : 1;
  let below: number | null = null;
  for (let i = n - 1; i >= 0 && distance[i] < tol; i--) below = i;
  const base = {
    firstBelow: firstBelow(distance, tol),
    staysBelowFrom: divergedAt === null ? below : null,
    divergedAt,
    finalDistance,
    maxDistance: divergedAt === null ? maxDistance : Infinity,
    minDistance,
    peaksSecondHalf: peaks,
    turnsSecondHalf: turns,
    lateAmplitudeRatio,
  };
  if (divergedAt !== null) {
    return {
      ...base,
      status: "diverged",
      reason: `distance non-finite or > ${limit} at step ${divergedAt}`,
    };
  }
  if (windowMax < tol) {
    return {
      ...base,
      status: "converged",
      reason: `distance < ${tol} over the last ${
        n - windowStart
      } points, for good from step ${base.staysBelowFrom}`,
    };
  }
  const oscillating = peaks >= 3 || turns >= 1;
  if (oscillating && lateAmplitudeRatio >= 0.5) {
    return {
      ...base,
      status: "cycles",
      reason: `second half: ${peaks} distance peaks, ${
        turns.toFixed(1)
      } turns around the optimum; amplitude ratio last/third quarter ${
        lateAmplitudeRatio.toFixed(2)
      }`,
    };
  }
  return {
    ...base,
    status: "stalled",
    reason: `final distance ${
      finalDistance.toExponential(2)
    }, not < ${tol} over the final window; ${
      oscillating ? "oscillation decays" : "no oscillation"
    } (amplitude ratio ${lateAmplitudeRatio.toFixed(2)})`,
  };
}
