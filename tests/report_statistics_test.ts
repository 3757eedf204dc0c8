// lib/report/rliable.ts: known answers worked by hand (numpy / scipy / rliable give the same),
// brute-force cross-checks, bootstrap determinism and coverage, and input validation.
import {
  aggregateIqm,
  bootstrapDiffCi,
  bootstrapMeanCi,
  claimVerdict,
  finalScore,
  iqm,
  mannWhitneyU,
  mulberry32,
  normalise,
  performanceProfile,
  probabilityOfImprovement,
  quantile,
  stratifiedBootstrap,
  withDiverged,
} from "../lib/report/rliable.ts";
import { csv, interval, num } from "../lib/report/stats.ts";
import { ValidationError } from "../lib/errors.ts";
import { assert, assertAlmostEquals, assertEquals, assertNotEquals } from "./assert.ts";

/** Asserts that `fn` throws a ValidationError with exactly `message`. */
function assertThrowsValidation(fn: () => unknown, message: string): void {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof ValidationError)) throw new Error(`expected a ValidationError, got ${e}`);
    assertEquals(e.message, message);
    return;
  }
  throw new Error(`expected a throw with "${message}"`);
}

Deno.test("mulberry32() is a reproducible stream in [0, 1)", () => {
  const a = mulberry32(7), b = mulberry32(7), c = mulberry32(8);
  const first = Array.from({ length: 1000 }, a);
  assertEquals(Array.from({ length: 1000 }, b), first);
  assertNotEquals(Array.from({ length: 1000 }, c), first);
  assert(first.every((u) => u >= 0 && u < 1));
  // mean of 1000 uniforms: 0.5 ± 0.009 (one standard error); 0.05 is > 5 of them
  assertAlmostEquals(first.reduce((s, u) => s + u, 0) / first.length, 0.5, 0.05);
});

Deno.test("quantile() interpolates linearly like numpy (type 7)", () => {
  // sorted [1, 2, 3, 4], h = (n − 1)·p = 3p
  assertEquals(quantile([1, 2, 3, 4], 0.25), 1.75); // h = 0.75: 1 + 0.75·(2 − 1)
  assertEquals(quantile([4, 1, 3, 2], 0.5), 2.5); // h = 1.5: 2 + 0.5·(3 − 2); input unsorted
  assertEquals(quantile([1, 2, 3, 4], 0.75), 3.25); // h = 2.25: 3 + 0.25·(4 − 3)
  assertEquals(quantile([1, 2, 3, 4], 0), 1);
  assertEquals(quantile([1, 2, 3, 4], 1), 4);
  assertEquals(quantile([10, 20, 40], 0.975), 39); // h = 1.95: 20 + 0.95·(40 − 20)
  assertEquals(quantile([5], 0.3), 5);
});

Deno.test("iqm() drops floor(n/4) values from each end, like scipy trim_mean(x, 0.25)", () => {
  assertEquals(iqm([1, 2, 3, 4, 5, 6, 7, 8]), 4.5); // n = 8, cut 2: mean(3, 4, 5, 6)
  assertEquals(iqm([8, 1, 7, 2, 6, 3, 5, 4]), 4.5); // same values, unsorted
  assertEquals(iqm([1, 2, 3, 4, 100]), 3); // n = 5, cut 1: mean(2, 3, 4)
  assertEquals(iqm([-50, 2, 3, 100]), 2.5); // n = 4, cut 1: mean(2, 3)
  assertEquals(iqm([1, 2, 30]), 11); // n = 3, cut 0: mean(1, 2, 30)
  assertEquals(iqm([7]), 7);
});

Deno.test("mannWhitneyU() equals the brute-force pairwise count, ties counting 1/2", () => {
  const random = mulberry32(3);
  for (let trial = 0; trial < 200; trial++) {
    // small integers so that ties within and across samples are common
    const draw = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 5));
    const x = draw(1 + Math.floor(random() * 6)), y = draw(1 + Math.floor(random() * 6));
    let pairs = 0;
    for (const xi of x) for (const yj of y) pairs += xi > yj ? 1 : xi === yj ? 0.5 : 0;
    assertEquals(mannWhitneyU(x, y), pairs, `x = ${x}, y = ${y}`);
  }
});

Deno.test("probabilityOfImprovement() known answers", () => {
  // every x above every y: 4 of 4 pairs
  assertEquals(probabilityOfImprovement([[3, 4]], [[1, 2]]).estimate, 1);
  // identical: (1,1) ½ + (1,2) 0 + (2,1) 1 + (2,2) ½ = 2 of 4
  assertEquals(probabilityOfImprovement([[1, 2]], [[1, 2]]).estimate, 0.5);
  // 1 < 2 twice, 3 > 2 twice: 2 of 4
  assertEquals(probabilityOfImprovement([[1, 3]], [[2, 2]]).estimate, 0.5);
  // ties: (2,2) ½ twice, (2,3) 0 twice: 1 of 4
  assertEquals(probabilityOfImprovement([[2, 2]], [[2, 3]]).estimate, 0.25);
  // mean over tasks: task 0 gives 1, task 1 (all tied) gives ½ → 0.75
  assertEquals(probabilityOfImprovement([[3, 4], [1, 1]], [[1, 2], [1, 1]]).estimate, 0.75);
  // every resample of x still beats every resample of y
  const separated = probabilityOfImprovement([[3, 4, 5]], [[0, 1, 2]], { reps: 200 });
  assertEquals(separated, { estimate: 1, lo: 1, hi: 1 });
});

Deno.test("bootstrapMeanCi() of a constant sample is [c, c]", () => {
  assertEquals(bootstrapMeanCi([2.5, 2.5, 2.5, 2.5]), { estimate: 2.5, lo: 2.5, hi: 2.5 });
});

Deno.test("bootstrapMeanCi() is deterministic under a fixed seed", () => {
  const xs = [0.3, 1.2, -0.7, 2.2, 0.9, 1.1];
  const a = bootstrapMeanCi(xs, { seed: 42 });
  assertEquals(bootstrapMeanCi(xs, { seed: 42 }), a);
  assertEquals(bootstrapMeanCi(xs), bootstrapMeanCi(xs, { seed: 0 })); // the documented default
  assertNotEquals(bootstrapMeanCi(xs, { seed: 43 }), a);
  assertAlmostEquals(a.estimate, 5 / 6, 1e-12); // (0.3 + 1.2 − 0.7 + 2.2 + 0.9 + 1.1) / 6
  assert(a.lo < a.estimate && a.estimate < a.hi);
});

Deno.test("bootstrapMeanCi() covers the true mean of normal samples (n = 30) about 95% of the time", () => {
  const random = mulberry32(2021);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const trueMean = 1;
  let covered = 0;
  for (let rep = 0; rep < 200; rep++) {
    const xs = Array.from({ length: 30 }, () => trueMean + normal());
    const { lo, hi } = bootstrapMeanCi(xs, { reps: 500, seed: rep });
    if (lo <= trueMean && trueMean <= hi) covered++;
  }
  // The percentile interval undercovers a little at n = 30 (about 93%); 85% leaves room for
  // the Monte-Carlo error of 200 repetitions (±1.8%).
  assert(covered >= 170, `covered ${covered} of 200`);
});

Deno.test("bootstrapDiffCi() resamples the two methods independently", () => {
  assertEquals(bootstrapDiffCi([3, 3, 3], [1, 1]), { estimate: 2, lo: 2, hi: 2 });
  // Pairing x_i with y_i would make every replicate 0; independent resampling spreads the
  // difference over {−1, −½, 0, ½, 1} with P(−1) = P(1) = 1/16 > alpha/2.
  const { estimate, lo, hi } = bootstrapDiffCi([0, 1], [0, 1], { seed: 5 });
  assertEquals(estimate, 0);
  assertEquals([lo, hi], [-1, 1]);
});

Deno.test("stratifiedBootstrap() resamples runs within each task, never across tasks", () => {
  const scores = [[0, 0, 0], [1, 1, 1, 1, 1]];
  let calls = 0;
  const pooledMean = ([s]: number[][][]) => {
    calls++;
    // each replicate keeps every task's run count and draws only from that task's runs
    assertEquals(s.map((runs) => runs.length), [3, 5]);
    assert(s[0].every((v) => v === 0) && s[1].every((v) => v === 1));
    const all = s.flat();
    return all.reduce((a, b) => a + b, 0) / all.length;
  };
  // pooled mean 5/8 in every replicate: the constant tasks contribute no variance
  assertEquals(stratifiedBootstrap([scores], pooledMean, { reps: 100 }), {
    estimate: 5 / 8,
    lo: 5 / 8,
    hi: 5 / 8,
  });
  assertEquals(calls, 101); // the original data, then 100 replicates
});

Deno.test("stratifiedBootstrap() resamples each sample independently", () => {
  // The same data as two samples: shared draws would make every difference 0.
  const data = [[0, 1, 2, 3]];
  const diff = stratifiedBootstrap(
    [data, data],
    ([x, y]) => x[0].reduce((a, b) => a + b, 0) - y[0].reduce((a, b) => a + b, 0),
    { reps: 500 },
  );
  assertEquals(diff.estimate, 0);
  assert(diff.lo < 0 && diff.hi > 0, JSON.stringify(diff));
});

Deno.test("aggregateIqm() pools all task × run scores", () => {
  // pooled [0, …, 7], cut 2 each end: mean(2, 3, 4, 5) = 3.5
  const result = aggregateIqm([[0, 1, 2, 3], [7, 6, 5, 4]], { reps: 500 });
  assertEquals(result.estimate, 3.5);
  assert(result.lo <= 3.5 && 3.5 <= result.hi && result.lo < result.hi);
  assertEquals(aggregateIqm([[1, 1], [1, 1, 1]]), { estimate: 1, lo: 1, hi: 1 });
});

Deno.test("performanceProfile() averages the fraction of runs above tau over tasks", () => {
  const scores = [[0, 0.5, 1, 1], [0.2, 0.2]];
  const profile = performanceProfile(scores, [0, 0.5, 1], { reps: 300 });
  assertEquals(profile.map((p) => p.tau), [0, 0.5, 1]);
  // tau 0:   task 0 3/4 above, task 1 2/2 → (0.75 + 1) / 2 = 0.875 (pooled would be 5/6)
  // tau 0.5: task 0 2/4, task 1 0/2      → 0.25
  // tau 1:   nothing strictly above 1    → 0, in every replicate
  assertEquals(profile.map((p) => p.estimate), [0.875, 0.25, 0]);
  assertEquals([profile[2].lo, profile[2].hi], [0, 0]);
  for (const p of profile) assert(p.lo <= p.estimate && p.estimate <= p.hi, JSON.stringify(p));
  // the all-0.2 task always sits above 0, so the tau-0 band never falls below (0 + 1) / 2
  assert(profile[0].lo >= 0.5 && profile[0].hi === 1);
});

Deno.test("claimVerdict() holds, does not hold, or is inconclusive", () => {
  assertEquals(claimVerdict({ lo: 0.1, hi: 0.5 }), "holds"); // excludes 0
  assertEquals(claimVerdict({ lo: -0.5, hi: -0.1 }), "does not hold"); // entirely below 0
  assertEquals(claimVerdict({ lo: -0.3, hi: 0 }), "does not hold"); // at or below 0
  assertEquals(claimVerdict({ lo: -0.1, hi: 0.3 }), "inconclusive"); // contains 0 and more
  assertEquals(claimVerdict({ lo: 0, hi: 0.3 }), "inconclusive"); // lo = 0 is not above 0
  // P(X > Y): no improvement is 0.5
  assertEquals(claimVerdict({ lo: 0.55, hi: 0.8 }, { noImprovement: 0.5 }), "holds");
  assertEquals(claimVerdict({ lo: 0.3, hi: 0.6 }, { noImprovement: 0.5 }), "inconclusive");
  assertEquals(claimVerdict({ lo: 0.1, hi: 0.45 }, { noImprovement: 0.5 }), "does not hold");
  // a claimed size of 0.2: excluded by hi = 0.15 although the interval contains 0
  assertEquals(claimVerdict({ lo: -0.1, hi: 0.15 }, { claimedImprovement: 0.2 }), "does not hold");
  assertEquals(claimVerdict({ lo: -0.1, hi: 0.25 }, { claimedImprovement: 0.2 }), "inconclusive");
  // "holds" comes first: above 0 confirms the direction even below the claimed size
  assertEquals(claimVerdict({ lo: 0.05, hi: 0.1 }, { claimedImprovement: 0.2 }), "holds");
});

Deno.test("finalScore() averages the last K evaluations; non-finite makes NaN", () => {
  assertEquals(finalScore([1, 2, 3, 4], 2), 3.5); // (3 + 4) / 2
  assertEquals(finalScore([1, 2, 3, 4], 10), 2.5); // fewer than K: all four
  assertEquals(finalScore([1, NaN, 3, 4], 2), 3.5); // the NaN is outside the window
  assert(Number.isNaN(finalScore([1, NaN, 3, 4], 3)));
  assert(Number.isNaN(finalScore([1, 2, Infinity], 1)));
});

Deno.test("withDiverged() gives diverged runs the worst score and counts them", () => {
  const scores = [1, NaN, 3, Infinity, -Infinity];
  assertEquals(withDiverged(scores, -5), { scores: [1, -5, 3, -5, -5], diverged: 3 });
  assert(Number.isNaN(scores[1])); // the input is left alone
  assertEquals(withDiverged([2, 4], 0), { scores: [2, 4], diverged: 0 });
});

Deno.test("normalise() maps low to 0 and high to 1", () => {
  assertEquals(normalise(5, 1, 9), 0.5); // (5 − 1) / (9 − 1)
  assertEquals(normalise(1, 1, 9), 0);
  assertEquals(normalise(-7, 1, 9), -1);
});

Deno.test("invalid inputs throw errors naming the argument, the value and what is allowed", () => {
  assertThrowsValidation(
    () => bootstrapMeanCi([1, 2], { alpha: 0 }),
    "alpha: got 0; allowed: a number strictly between 0 and 1",
  );
  assertThrowsValidation(
    () => bootstrapMeanCi([1, 2], { alpha: 1 }),
    "alpha: got 1; allowed: a number strictly between 0 and 1",
  );
  assertThrowsValidation(
    () => bootstrapMeanCi([1, 2], { reps: 0 }),
    "reps: got 0; allowed: an integer >= 1",
  );
  assertThrowsValidation(
    () => bootstrapMeanCi([1, 2], { seed: -1 }),
    "seed: got -1; allowed: an integer >= 0 and <= 4294967295",
  );
  assertThrowsValidation(
    () => bootstrapMeanCi([]),
    "xs: got []; allowed: a non-empty array of numbers",
  );
  assertThrowsValidation(
    () => bootstrapDiffCi([1], [1, NaN]),
    "ys[1]: got NaN; allowed: a finite number (pass diverged runs through withDiverged first)",
  );
  assertThrowsValidation(() => iqm([]), "xs: got []; allowed: a non-empty array of numbers");
  assertThrowsValidation(
    () => quantile([1], 1.5),
    "p: got 1.5; allowed: a finite number >= 0 and <= 1",
  );
  assertThrowsValidation(
    () => finalScore([], 3),
    "evals: got []; allowed: a non-empty array of numbers",
  );
  assertThrowsValidation(() => finalScore([1], 0), "lastK: got 0; allowed: an integer >= 1");
  assertThrowsValidation(
    () => withDiverged([1], NaN),
    "worst: got NaN; allowed: a finite number",
  );
  assertThrowsValidation(
    () => normalise(1, 2, 2),
    "high: got 2; allowed: a number other than low (2)",
  );
  assertThrowsValidation(
    () => aggregateIqm([[1], []]),
    "scores[1]: got []; allowed: a non-empty array of numbers",
  );
  assertThrowsValidation(
    () => probabilityOfImprovement([[1], [2]], [[1]]),
    "y.length: got 1; allowed: 2 (one entry per task of x)",
  );
  assertThrowsValidation(
    () => claimVerdict({ lo: 1, hi: 0 }),
    "ci.hi: got 0; allowed: a finite number >= 1",
  );
  assertThrowsValidation(
    () => claimVerdict({ lo: 0.4, hi: 0.6 }, { noImprovement: 0.5, claimedImprovement: 0.5 }),
    "claimedImprovement: got 0.5; allowed: a finite number > 0.5",
  );
});

Deno.test("the report's formatters: num's cut-offs, interval, csv quoting", () => {
  assertEquals([num(1234.567), num(0.012345), num(123456), num(0.0001234)], [
    "1230",
    "0.0123",
    "1.23e+5",
    "1.23e-4",
  ]);
  assertEquals([num(0), num(NaN), num(null)], ["0", "–", ""]);
  assertEquals(interval({ estimate: 1.5, lo: 1, hi: 2.25 }), "1.5 [1, 2.25]");
  assertEquals(interval({ estimate: NaN, lo: NaN, hi: NaN }), "–");
  assertEquals(
    csv(["task", "variant"], [["Hopper", 'fsddpg (per-sample, "ε")'], ["Ant", null]]),
    'task,variant\nHopper,"fsddpg (per-sample, ""ε"")"\nAnt,\n',
  );
});
