/**
 * Known answers for the horizon-robust trajectory classifier (lib/toy/classify.ts): the class is
 * decided by the decay rate of the amplitude envelope against log t, so a spiral shrinking as
 * t^−½ is "spirals in" at every horizon and a limit cycle is "cycles" (paper §6.1, Fig. 1).
 */
import { assert, assertAlmostEquals, assertEquals } from "./assert.ts";
import { classifyTrajectory, CYCLE_SLOPE, envelopeSlope } from "../lib/toy/classify.ts";
import { runToy } from "../lib/toy/run.ts";

/** Distances and points of x_t = r_t (cos ωt, sin ωt), t = 0…n−1. */
function spiral(n: number, r: (t: number) => number, omega = 0.3) {
  const theta = new Float64Array(n), w = new Float64Array(n), distance = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    theta[t] = r(t) * Math.cos(omega * t);
    w[t] = r(t) * Math.sin(omega * t);
    distance[t] = Math.hypot(theta[t], w[t]);
  }
  return { distance, theta, w, optimum: { theta: 0, w: 0 } };
}

function classify(s: ReturnType<typeof spiral>, tolerance = 1e-2) {
  return classifyTrajectory(s.distance, { tolerance, optimum: s.optimum, theta: s.theta, w: s.w });
}

Deno.test("classify: a spiral with r_t = t^−½ spirals in at rate −0.5, at every horizon", () => {
  // A tolerance below the final amplitude (1/√200,000 ≈ 2e-3), so no horizon counts as converged.
  for (const n of [2_000, 20_000, 200_000]) {
    const c = classify(spiral(n, (t) => 1 / Math.sqrt(t + 1)), 1e-3);
    assertEquals(c.status, "spirals in", c.reason);
    assertAlmostEquals(c.decayRate, -0.5, 0.02);
  }
  // Its late amplitude ratio is ~0.8 at every horizon: the old fixed-fraction rule said "cycles".
  const c = classify(spiral(20_000, (t) => 1 / Math.sqrt(t + 1)));
  assert(c.lateAmplitudeRatio > 0.8, String(c.lateAmplitudeRatio));
});

Deno.test("classify: a limit cycle (r_t = 1, and the Hopf normal form from r = 0.1) cycles", () => {
  const circle = classify(spiral(10_000, () => 1));
  assertEquals(circle.status, "cycles", circle.reason);
  assertAlmostEquals(circle.decayRate, 0, 1e-9);
  // r' = r(1 − r²): r(t) = 1/√(1 + (1/r0² − 1)e^(−2t)), sampled every 0.01 time units.
  const hopf = classify(
    spiral(20_000, (t) => 1 / Math.sqrt(1 + (1 / 0.01 - 1) * Math.exp(-2 * 0.01 * t)), 0.05),
  );
  assertEquals(hopf.status, "cycles", hopf.reason);
  assert(Math.abs(hopf.decayRate) <= CYCLE_SLOPE, String(hopf.decayRate));
});

Deno.test("classify: divergence, geometric convergence, a stuck point, slow convergence", () => {
  const n = 5_000;
  const seq = (f: (i: number) => number) => Float64Array.from({ length: n }, (_, i) => f(i));
  // A saddle: one coordinate grows as e^(t/50) and leaves the 1e3 bound.
  const saddle = classifyTrajectory(seq((i) => Math.hypot(Math.exp(i / 50), Math.exp(-i / 50))));
  assertEquals(saddle.status, "diverged");
  assertEquals(classify(spiral(n, (t) => 2 * Math.pow(0.99, t))).status, "converged");
  const stuck = classifyTrajectory(seq(() => 0.7));
  assertEquals(stuck.status, "stalled", stuck.reason);
  const slow = classifyTrajectory(seq((i) => 1 / Math.sqrt(i + 1)));
  assertEquals(slow.status, "converging slowly", slow.reason);
  assertAlmostEquals(slow.decayRate, -0.5, 0.02);
  assertAlmostEquals(envelopeSlope(seq((i) => 1 / (i + 1))), -1, 0.02);
});

Deno.test("classify: DDPG on toy 2 from (2, 2), rates 0.05, spirals in at 2,000 and 20,000 steps", () => {
  for (const steps of [2_000, 20_000]) {
    const r = runToy({
      game: 2,
      method: "gda",
      target: "differentiated",
      lrActor: 0.05,
      lrCritic: 0.05,
      steps,
      start: { theta: 2, w: 2 },
    });
    const c = classifyTrajectory(r.distance, { optimum: r.optimum, theta: r.theta, w: r.w });
    assertEquals(c.status, "spirals in", `${steps} steps: ${c.reason}`);
    assert(c.decayRate > -0.55 && c.decayRate < -0.4, `${steps} steps: ${c.decayRate}`);
  }
});

Deno.test("classify: synthetic sequences — geometric decay, a sine, a damped sine, exp growth", () => {
  const n = 1000;
  const seq = (f: (i: number) => number) => Float64Array.from({ length: n }, (_, i) => f(i));
  const conv = classifyTrajectory(seq((i) => 2 * Math.pow(0.99, i)));
  assertEquals(conv.status, "converged");
  // 2·0.99^i < 0.01 ⇔ i > ln(200)/−ln(0.99) = 527.17…
  assertEquals(conv.firstBelow, 528);
  assertEquals(conv.staysBelowFrom, 528);
  assertEquals(classifyTrajectory(seq((i) => 0.5 + 0.3 * Math.sin(i / 20))).status, "cycles");
  // A decaying oscillation that does not reach the tolerance is not a cycle: it spirals in.
  assertEquals(
    classifyTrajectory(seq((i) => (0.5 + 0.3 * Math.sin(i / 20)) * Math.exp(-i / 300)))
      .status,
    "spirals in",
  );
  assertEquals(classifyTrajectory(seq((i) => Math.exp(i / 50))).status, "diverged");
  assertEquals(
    classifyTrajectory(seq((i) => Math.exp(i / 50))).divergedAt,
    Math.ceil(50 * Math.log(1e3) + 1e-9),
  );
  assertEquals(classifyTrajectory(seq(() => 1)).status, "stalled");
  // Oscillating below tolerance only at the last point is not convergence.
  assertEquals(
    classifyTrajectory(seq((i) => (i === n - 1 ? 0.001 : 0.5 + 0.3 * Math.sin(i / 20)))).status,
    "cycles",
  );
  // Winding around the optimum counts as oscillation.
  const th = seq((i) => 0.1 * Math.cos(i / 10)), w = seq((i) => 0.1 * Math.sin(i / 10));
  const circle = classifyTrajectory(seq(() => 0.1), { optimum: { theta: 0, w: 0 }, theta: th, w });
  assertEquals(circle.status, "cycles");
  assert(circle.turnsSecondHalf > 7 && circle.turnsSecondHalf < 9, String(circle.turnsSecondHalf));
});
