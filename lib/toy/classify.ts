/**
 * Classifies a toy-game trajectory from its distance to the optimum: converged, spirals in,
 * converging slowly, cycles, diverged or stalled. The rules are fixed up front (not tuned per
 * claim) and stated in the report (§6.1's "DDPG is trapped in a limit cycle" is decided by them).
 * @module
 */

/** The outcome of one trajectory. */
export type TrajectoryClass =
  | "converged"
  | "spirals in"
  | "converging slowly"
  | "cycles"
  | "diverged"
  | "stalled";

/** Every class, in the order the report lists them. */
export const TRAJECTORY_CLASSES: readonly TrajectoryClass[] = [
  "converged",
  "spirals in",
  "converging slowly",
  "cycles",
  "diverged",
  "stalled",
];

/**
 * The amplitude envelope "does not shrink" when its log–log slope against t is above −this: a
 * limit cycle keeps its amplitude (slope 0), GDA's spiral on toy 2 shrinks as t^−0.5.
 */
export const CYCLE_SLOPE = 0.1;
/** Number of log-spaced points t = n/2, n/4, … the envelope is fitted at (t ≥ n/16). */
export const ENVELOPE_WINDOWS = 4;
/** Default fraction of the run, at its end, that must stay below the tolerance to converge. */
export const FINAL_WINDOW = 0.05;
/** Default bound on the distance beyond which a run has diverged. */
export const DIVERGE_ABOVE = 1e3;
/** Oscillating: at least this many local maxima of the distance in the second half, … */
export const OSCILLATION_PEAKS = 3;
/** … or at least this many full turns around the optimum there. */
export const OSCILLATION_TURNS = 1;

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
  /** Largest distance over the final window: what "converged" compares with the tolerance. */
  finalWindowMax: number;
  maxDistance: number;
  minDistance: number;
  /** Local maxima of the distance in the second half of the run. */
  peaksSecondHalf: number;
  /** Full turns around the optimum in the second half (0 when θ, w were not given). */
  turnsSecondHalf: number;
  /** Largest distance over the last quarter divided by that over the third quarter. */
  lateAmplitudeRatio: number;
  /**
   * The decay rate: least-squares slope of log(envelope) against log t, the envelope at t being
   * the largest distance from t to the end, at t = n/2, n/4, …, n/2^{@link ENVELOPE_WINDOWS}
   * (−0.5 for an amplitude ∝ t^−½, 0 for a limit cycle; NaN if diverged or too short to fit).
   */
  decayRate: number;
  /** A one-line human explanation of the class. */
  reason: string;
}

/** First index i with `values[i] < limit`, or null. */
export function firstBelow(values: ArrayLike<number>, limit: number): number | null {
  for (let i = 0; i < values.length; i++) if (values[i] < limit) return i;
  return null;
}

/** The power law c·t^s fitted to a run's amplitude envelope by {@link envelopeFit}. */
export interface EnvelopeFit {
  /** The decay rate s: the least-squares slope of log(envelope) against log t. */
  slope: number;
  /** log c: the fitted line's value at log t = 0. */
  intercept: number;
  /** The smallest and largest t fitted at (n/2^{@link ENVELOPE_WINDOWS} and n/2). */
  from: number;
  to: number;
}

/**
 * Least-squares fit of log(envelope) against log t, the envelope at t being the largest distance
 * from t to the end of the run (non-increasing in t, so windows shorter than one turn of a slow
 * oscillation cannot make it jump), at t = n/2, n/4, … ({@link ENVELOPE_WINDOWS} octaves); null
 * with fewer than two points to fit.
 */
export function envelopeFit(distance: ArrayLike<number>): EnvelopeFit | null {
  const n = distance.length;
  const ts: number[] = [], xs: number[] = [], ys: number[] = [];
  let m = 0, i = n;
  for (let k = 0; k < ENVELOPE_WINDOWS; k++) {
    const a = Math.floor(n / 2 ** (k + 1));
    if (a < 1 || a >= i) break;
    for (i--; i >= a; i--) m = Math.max(m, distance[i]);
    i = a;
    ts.push(a);
    xs.push(Math.log(a));
    ys.push(Math.log(Math.max(m, Number.MIN_VALUE)));
  }
  if (xs.length < 2) return null;
  const mx = xs.reduce((p, c) => p + c, 0) / xs.length;
  const my = ys.reduce((p, c) => p + c, 0) / ys.length;
  let sxy = 0, sxx = 0;
  for (let k = 0; k < xs.length; k++) {
    sxy += (xs[k] - mx) * (ys[k] - my);
    sxx += (xs[k] - mx) ** 2;
  }
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx, from: ts.at(-1)!, to: ts[0] };
}

/** The decay rate s of {@link envelopeFit} (NaN with fewer than two points to fit). */
export function envelopeSlope(distance: ArrayLike<number>): number {
  return envelopeFit(distance)?.slope ?? NaN;
}

/**
 * Rules, in order:
 * 1. **diverged**: some point is non-finite or farther than `divergeAbove` from the optimum;
 * 2. **converged**: the distance is below `tolerance` over the final window (the last 5% of the
 *    points by default, so the phase of an oscillation at the last step cannot decide it; reported
 *    with the first step it got below, and the step from which it stayed below);
 * 3. otherwise the decay rate s (see {@link envelopeSlope}; a slowly shrinking spiral and a
 *    cycle look alike over any fixed fraction of a run, so the rule must not depend on the horizon)
 *    decides, with *oscillating* meaning ≥ 3 local maxima of the distance, or ≥ 1 full turn around
 *    the optimum, in the second half:
 *    - |s| ≤ {@link CYCLE_SLOPE} and oscillating: **cycles** — the amplitude neither shrinks nor
 *      grows, and stays above the tolerance (the floor: the run did not converge);
 *    - |s| ≤ {@link CYCLE_SLOPE}, not oscillating: **stalled** — stopped away from the optimum;
 *    - s < −{@link CYCLE_SLOPE} and oscillating: **spirals in** at rate s;
 *    - s < −{@link CYCLE_SLOPE}, not oscillating: **converging slowly** at rate s (still
 *      approaching, not within tolerance in the step budget).
 */
export function classifyTrajectory(
  distance: ArrayLike<number>,
  opts: ClassifyOptions = {},
): TrajectoryClassification {
  const tol = opts.tolerance ?? 1e-2;
  const limit = opts.divergeAbove ?? DIVERGE_ABOVE;
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
  const windowStart = Math.max(
    0,
    n - Math.max(1, Math.ceil(n * (opts.finalWindow ?? FINAL_WINDOW))),
  );
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
    finalWindowMax: divergedAt === null ? windowMax : NaN,
    maxDistance: divergedAt === null ? maxDistance : Infinity,
    minDistance,
    peaksSecondHalf: peaks,
    turnsSecondHalf: turns,
    lateAmplitudeRatio,
    decayRate: divergedAt === null ? envelopeSlope(distance) : NaN,
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
  const oscillating = peaks >= OSCILLATION_PEAKS || turns >= OSCILLATION_TURNS;
  const rate = base.decayRate;
  const s = Number.isFinite(rate) ? rate : 0;
  const osc = `second half: ${peaks} distance peaks, ${turns.toFixed(1)} turns around the optimum`;
  const env = `amplitude envelope ∝ t^${
    rate.toFixed(2)
  } (log–log slope over ${ENVELOPE_WINDOWS} octaves)`;
  const fin = `final distance ${finalDistance.toExponential(2)}`;
  if (s >= -CYCLE_SLOPE) {
    // The envelope never increases, so s ≤ 0: a growing amplitude that stays under the bound
    // "does not shrink" and is classed with the cycles.
    return oscillating
      ? { ...base, status: "cycles", reason: `${osc}; ${env}: does not shrink; ${fin}` }
      : { ...base, status: "stalled", reason: `no oscillation; ${env}: no decay; ${fin}` };
  }
  return oscillating
    ? { ...base, status: "spirals in", reason: `${osc}; ${env}: shrinks; ${fin}` }
    : { ...base, status: "converging slowly", reason: `no oscillation; ${env}; ${fin}` };
}
