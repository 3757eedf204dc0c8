/**
 * Statistics for the reproduction report, after Agarwal et al. 2021, "Deep Reinforcement
 * Learning at the Edge of the Statistical Precipice" (the `rliable` library): final scores,
 * diverged seeds, percentile-bootstrap confidence intervals, min–max normalisation, the
 * interquartile mean (IQM), the probability of improvement P(X > Y), performance profiles, and a
 * verdict for a claim read off an interval.
 *
 * Every function is pure. Bootstraps draw from {@linkcode mulberry32} seeded with `opts.seed`
 * ({@linkcode DEFAULT_SEED} = 0 when omitted), so a report recomputed from the same runs prints
 * the same intervals. Intervals are percentile intervals: the alpha/2 and 1 − alpha/2 quantiles
 * of the bootstrap replicates, by linear interpolation (numpy's default, Hyndman–Fan type 7),
 * as rliable's default `percentile` method does.
 *
 * Score layout: `scores[task][run]`; tasks may have different numbers of runs.
 * @module
 */
import { checkNumber, ValidationError } from "../errors.ts";

/** Seed of every bootstrap when `opts.seed` is omitted. */
export const DEFAULT_SEED = 0;

/** Bootstrap settings shared by every interval estimate. */
export interface BootstrapOptions {
  /** Number of bootstrap replicates (an integer >= 1; default 2000). */
  reps?: number;
  /** Two-sided miss rate: the interval covers 1 − alpha (in (0, 1); default 0.05). */
  alpha?: number;
  /** Seed of the {@linkcode mulberry32} stream (an integer in [0, 2^32 − 1]; default 0). */
  seed?: number;
}

/** A point estimate on the original data with its percentile-bootstrap interval [lo, hi]. */
export interface Interval {
  /** The statistic of the original (not resampled) data. */
  estimate: number;
  /** The alpha/2 quantile of the bootstrap replicates. */
  lo: number;
  /** The 1 − alpha/2 quantile of the bootstrap replicates. */
  hi: number;
}

/** One point of a performance profile: the fraction of runs scoring above `tau`, with a band. */
export interface ProfilePoint extends Interval {
  /** The score threshold. */
  tau: number;
}

/** Verdict on a claim read off a confidence interval (see {@linkcode claimVerdict}). */
export type StatVerdict = "holds" | "does not hold" | "inconclusive";

/**
 * mulberry32: a 32-bit seeded generator of uniform numbers in [0, 1). Small and fast, and
 * ample for bootstrap resampling; its only job here is to make reports reproducible.
 *
 * @param seed An integer in [0, 2^32 − 1].
 * @returns A function that returns the next uniform number of the stream on each call.
 */
export function mulberry32(seed: number): () => number {
  let state = checkSeed(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The final score of one run: the mean of its last `lastK` evaluation returns (all of them if
 * there are fewer). Any non-finite value among those makes the run diverged, reported as NaN.
 *
 * @param evals The run's evaluation returns, oldest first (at least one).
 * @param lastK How many of the last evaluations to average (an integer >= 1).
 * @returns The mean of the last `lastK` returns, or NaN if any of them is not finite.
 */
export function finalScore(evals: number[], lastK: number): number {
  checkNonEmpty("evals", evals);
  checkNumber("lastK", lastK, { min: 1, integer: true });
  const tail = evals.slice(-lastK);
  return tail.every(Number.isFinite) ? average(tail) : NaN;
}

/**
 * Counts diverged runs as the worst score. Agarwal et al. 2021 report over all runs; dropping a
 * diverged seed would flatter the method, so its non-finite score becomes `worst` instead.
 *
 * @param scores One score per run; NaN or ±Infinity marks a diverged run.
 * @param worst The finite score a diverged run is given (e.g. the random-policy return).
 * @returns The scores with non-finite ones replaced by `worst`, and how many were replaced.
 */
export function withDiverged(
  scores: number[],
  worst: number,
): { scores: number[]; diverged: number } {
  checkFiniteNumber("worst", worst);
  let diverged = 0;
  const replaced = scores.map((s) => {
    if (Number.isFinite(s)) return s;
    diverged++;
    return worst;
  });
  return { scores: replaced, diverged };
}

/**
 * Min–max normalisation: 0 at `low`, 1 at `high`. The report takes `low` = the random policy's
 * return and `high` = the best method's mean return on the task.
 *
 * @param score A raw return (NaN stays NaN).
 * @param low The return mapped to 0.
 * @param high The return mapped to 1 (must differ from `low`).
 * @returns (score − low) / (high − low).
 */
export function normalise(score: number, low: number, high: number): number {
  checkFiniteNumber("low", low);
  checkFiniteNumber("high", high);
  if (high === low) throw new ValidationError("high", high, `a number other than low (${low})`);
  return (score - low) / (high - low);
}

/**
 * The p-quantile of `xs` by linear interpolation between order statistics (Hyndman–Fan type 7,
 * numpy's default): with the values sorted ascending, h = (n − 1)·p and the result is
 * x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]).
 *
 * @param xs At least one finite number (need not be sorted).
 * @param p The probability, in [0, 1].
 * @returns The p-quantile; e.g. quantile([1, 2, 3, 4], 0.25) = 1.75.
 */
export function quantile(xs: number[], p: number): number {
  checkFinite("xs", xs);
  checkNumber("p", p, { min: 0, max: 1 });
  return quantileSorted([...xs].sort(ascending), p);
}

/**
 * The interquartile mean as rliable defines it (`scipy.stats.trim_mean(x, 0.25)`): sort, drop
 * ⌊n/4⌋ values from each end, average the rest. Robust to outlier runs yet, unlike the median,
 * it uses half of the data (Agarwal et al. 2021, Sec. 4).
 *
 * @param xs At least one finite number.
 * @returns The mean of the middle values; e.g. iqm([1, …, 8]) = mean(3, 4, 5, 6) = 4.5.
 */
export function iqm(xs: number[]): number {
  checkFinite("xs", xs);
  const sorted = [...xs].sort(ascending);
  const cut = Math.floor(sorted.length / 4);
  return average(sorted.slice(cut, sorted.length - cut));
}

/**
 * The Mann–Whitney U statistic of `x` over `y`: the number of pairs (x_i, y_j) with
 * x_i > y_j, ties counting 1/2. Computed from the mid-ranks of the pooled sample,
 * U = R_x − n(n + 1)/2, as `scipy.stats.mannwhitneyu` does.
 *
 * @param x At least one finite number.
 * @param y At least one finite number.
 * @returns U, between 0 and x.length · y.length.
 */
export function mannWhitneyU(x: number[], y: number[]): number {
  checkFinite("x", x);
  checkFinite("y", y);
  const pooled = [...x.map((v) => ({ v, fromX: true })), ...y.map((v) => ({ v, fromX: false }))]
    .sort((a, b) => a.v - b.v);
  let rankSumX = 0;
  for (let start = 0; start < pooled.length;) {
    let end = start;
    while (end < pooled.length && pooled[end].v === pooled[start].v) end++;
    // Tied values share the mean of the ranks start + 1 … end.
    const midRank = (start + 1 + end) / 2;
    for (let i = start; i < end; i++) if (pooled[i].fromX) rankSumX += midRank;
    start = end;
  }
  return rankSumX - (x.length * (x.length + 1)) / 2;
}

/**
 * The general stratified bootstrap of Agarwal et al. 2021 (Sec. 4, rliable's
 * `StratifiedIndependentBootstrap`): each replicate resamples, for every sample and every task,
 * that task's runs with replacement, independently of the other tasks and samples. Tasks are
 * the strata, so a replicate keeps each task's number of runs and never mixes scores across
 * tasks or across samples.
 *
 * @param samples One `scores[task][run]` array per method (e.g. [x] or [x, y]); the draws go
 *   sample by sample, task by task, run by run.
 * @param statistic The statistic of one set of samples, called once on the original data and
 *   once per replicate; must return a finite number.
 * @param opts Replicates, alpha and seed.
 * @returns The statistic of the original data and its percentile interval.
 */
export function stratifiedBootstrap(
  samples: number[][][],
  statistic: (resampled: number[][][]) => number,
  opts: BootstrapOptions = {},
): Interval {
  return stratifiedBootstrapBands(samples, (s) => [statistic(s)], opts)[0];
}

/**
 * Percentile-bootstrap interval of the mean of one method's runs on one task.
 *
 * @param xs One score per run (at least one, all finite; see {@linkcode withDiverged}).
 * @param opts Replicates, alpha and seed.
 * @returns The sample mean and its interval.
 */
export function bootstrapMeanCi(xs: number[], opts: BootstrapOptions = {}): Interval {
  checkFinite("xs", xs);
  return stratifiedBootstrap([[xs]], ([[runs]]) => average(runs), opts);
}

/**
 * Percentile-bootstrap interval of mean(xs) − mean(ys). The two methods' seeds are independent
 * runs, so each sample is resampled on its own (not as pairs).
 *
 * @param xs One score per run of the first method (at least one, all finite).
 * @param ys One score per run of the second method (at least one, all finite).
 * @param opts Replicates, alpha and seed.
 * @returns mean(xs) − mean(ys) and its interval.
 */
export function bootstrapDiffCi(xs: number[], ys: number[], opts: BootstrapOptions = {}): Interval {
  checkFinite("xs", xs);
  checkFinite("ys", ys);
  return stratifiedBootstrap([[xs], [ys]], ([[x], [y]]) => average(x) - average(y), opts);
}

/**
 * The IQM of one method over all tasks and runs, pooled (rliable's `aggregate_iqm`), with a
 * stratified-bootstrap interval.
 *
 * @param scores Normalised scores, `scores[task][run]` (every task with at least one run).
 * @param opts Replicates, alpha and seed.
 * @returns The pooled IQM and its interval.
 */
export function aggregateIqm(scores: number[][], opts: BootstrapOptions = {}): Interval {
  checkTasks("scores", scores);
  return stratifiedBootstrap([scores], ([s]) => iqm(s.flat()), opts);
}

/**
 * The probability of improvement P(X > Y) as rliable defines it (Agarwal et al. 2021, Sec. 4):
 * per task, U / (n·m) with U the Mann–Whitney statistic of X's n runs over Y's m runs (ties
 * count 1/2), then the mean over tasks. 0.5 means no improvement. The interval resamples the
 * runs of X and of Y independently within each task.
 *
 * @param x Scores of method X, `x[task][run]`.
 * @param y Scores of method Y on the same tasks in the same order, `y[task][run]`.
 * @param opts Replicates, alpha and seed.
 * @returns P(X > Y) and its interval.
 */
export function probabilityOfImprovement(
  x: number[][],
  y: number[][],
  opts: BootstrapOptions = {},
): Interval {
  checkTasks("x", x);
  checkTasks("y", y);
  if (x.length !== y.length) {
    throw new ValidationError("y.length", y.length, `${x.length} (one entry per task of x)`);
  }
  return stratifiedBootstrap([x, y], ([xs, ys]) => {
    const perTask = xs.map((runs, t) => mannWhitneyU(runs, ys[t]) / (runs.length * ys[t].length));
    return average(perTask);
  }, opts);
}

/**
 * The performance profile of one method (Agarwal et al. 2021, Sec. 4): for each threshold tau,
 * the fraction of runs whose score exceeds tau, computed per task and averaged over tasks so
 * that every task weighs the same (rliable's run-score distribution). Bands are stratified
 * bootstrap intervals; one replicate yields the whole profile, so the bands of nearby taus
 * come from the same resamples.
 *
 * @param scores Normalised scores, `scores[task][run]`.
 * @param taus The thresholds (finite numbers; at least one).
 * @param opts Replicates, alpha and seed.
 * @returns One point per tau, in the order given.
 */
export function performanceProfile(
  scores: number[][],
  taus: number[],
  opts: BootstrapOptions = {},
): ProfilePoint[] {
  checkTasks("scores", scores);
  checkFinite("taus", taus);
  const profile = (s: number[][]) =>
    taus.map((tau) => average(s.map((runs) => runs.filter((v) => v > tau).length / runs.length)));
  return stratifiedBootstrapBands([scores], ([s]) => profile(s), opts).map((band, i) => ({
    tau: taus[i],
    ...band,
  }));
}

/**
 * The verdict on a claim "X improves on Y" from the interval of an improvement statistic
 * (a difference of means, or P(X > Y)):
 * - "holds": the interval excludes no improvement, lo > `noImprovement`;
 * - "does not hold": the interval excludes the claimed improvement, hi < `claimedImprovement`,
 *   or, when no size is claimed, the interval lies at or below no improvement,
 *   hi <= `noImprovement`;
 * - "inconclusive": otherwise (the interval contains both).
 *
 * "holds" is checked first: an interval above no improvement but below a claimed size confirms
 * the direction; to test a size, pass it as `noImprovement`.
 *
 * @param ci The interval; `lo <= hi`, both finite.
 * @param claim `noImprovement`: the value meaning no improvement (0 for a difference,
 *   0.5 for P(X > Y); default 0). `claimedImprovement`: the smallest improvement the claim
 *   asserts, above `noImprovement`; omit it for a plain "X is better than Y".
 * @returns "holds", "does not hold" or "inconclusive".
 */
export function claimVerdict(
  ci: { lo: number; hi: number },
  claim: { noImprovement?: number; claimedImprovement?: number } = {},
): StatVerdict {
  const { noImprovement = 0, claimedImprovement } = claim;
  checkFiniteNumber("ci.lo", ci.lo);
  checkNumber("ci.hi", ci.hi, { min: ci.lo });
  checkFiniteNumber("noImprovement", noImprovement);
  if (claimedImprovement !== undefined) {
    checkNumber("claimedImprovement", claimedImprovement, {
      min: noImprovement,
      exclusiveMin: true,
    });
  }
  if (ci.lo > noImprovement) return "holds";
  const excludesClaim = claimedImprovement === undefined
    ? ci.hi <= noImprovement
    : ci.hi < claimedImprovement;
  return excludesClaim ? "does not hold" : "inconclusive";
}

/** The vector-valued stratified bootstrap behind every interval above: one band per entry. */
function stratifiedBootstrapBands(
  samples: number[][][],
  statistic: (resampled: number[][][]) => number[],
  opts: BootstrapOptions,
): Interval[] {
  const { reps = 2000, alpha = 0.05, seed = DEFAULT_SEED } = opts;
  checkNumber("reps", reps, { min: 1, integer: true });
  if (typeof alpha !== "number" || !(alpha > 0 && alpha < 1)) {
    throw new ValidationError("alpha", alpha, "a number strictly between 0 and 1");
  }
  if (!Array.isArray(samples) || samples.length === 0) {
    throw new ValidationError("samples", samples, "a non-empty array of scores[task][run]");
  }
  samples.forEach((tasks, i) => checkTasks(`samples[${i}]`, tasks));
  const estimates = checkStatistic(statistic(samples));
  const random = mulberry32(seed);
  const replicates = estimates.map(() => new Array<number>(reps));
  for (let r = 0; r < reps; r++) {
    const resampled = samples.map((tasks) =>
      tasks.map((runs) => runs.map(() => runs[Math.floor(random() * runs.length)]))
    );
    const values = checkStatistic(statistic(resampled), estimates.length);
    values.forEach((v, i) => (replicates[i][r] = v));
  }
  return estimates.map((estimate, i) => {
    const sorted = replicates[i].sort(ascending);
    return {
      estimate,
      lo: quantileSorted(sorted, alpha / 2),
      hi: quantileSorted(sorted, 1 - alpha / 2),
    };
  });
}

function quantileSorted(sorted: number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const below = Math.floor(h);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
}

function average(xs: number[]): number {
  let sum = 0;
  for (const x of xs) sum += x;
  return sum / xs.length;
}

function ascending(a: number, b: number): number {
  return a - b;
}

function checkSeed(seed: number): number {
  return checkNumber("seed", seed, { min: 0, max: 0xffffffff, integer: true });
}

function checkFiniteNumber(field: string, value: number): void {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new ValidationError(field, value, "a finite number");
  }
}

function checkNonEmpty(field: string, xs: unknown): void {
  if (!Array.isArray(xs) || xs.length === 0) {
    throw new ValidationError(field, xs, "a non-empty array of numbers");
  }
}

function checkFinite(field: string, xs: number[]): void {
  checkNonEmpty(field, xs);
  xs.forEach((v, i) => {
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new ValidationError(
        `${field}[${i}]`,
        v,
        "a finite number (pass diverged runs through withDiverged first)",
      );
    }
  });
}

function checkTasks(field: string, tasks: number[][]): void {
  if (!Array.isArray(tasks) || tasks.length === 0) {
    throw new ValidationError(field, tasks, "a non-empty array of tasks, each an array of runs");
  }
  tasks.forEach((runs, t) => checkFinite(`${field}[${t}]`, runs));
}

function checkStatistic(values: number[], length?: number): number[] {
  if (length !== undefined && values.length !== length) {
    throw new ValidationError("statistic result", values, `${length} numbers on every call`);
  }
  values.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new ValidationError(`statistic result[${i}]`, v, "finite");
  });
  return values;
}
