/**
 * Known answers for the horizon-robust trajectory classifier (lib/toy/classify.ts): the class is
 * decided by the decay rate of the amplitude envelope against log t, so a spiral shrinking as
 * t^−½ is "spirals in" at every horizon and a limit cycle is "cycles" (paper §6.1, Fig. 1).
 * Trajectories with a known answer: damped spirals (synthetic, and DDPG on toy 2), true limit
 * cycles (the Hopf normal form, Van der Pol integrated with RK4) and a conservative orbit, a
 * saddle, and divergence (exponential growth, simultaneous gradient play on θw).
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

/** n steps of a map of the plane from (x0, y0): distances to the origin and the points. */
function iterate(n: number, x0: number, y0: number, step: (x: number, y: number) => number[]) {
  const theta = new Float64Array(n), w = new Float64Array(n), distance = new Float64Array(n);
  let x = x0, y = y0;
  for (let t = 0; t < n; t++) {
    theta[t] = x;
    w[t] = y;
    distance[t] = Math.hypot(x, y);
    [x, y] = step(x, y);
  }
  return { distance, theta, w, optimum: { theta: 0, w: 0 } };
}

Deno.test("classify: Van der Pol's limit cycle (integrated, RK4) cycles around its equilibrium", () => {
  // x'' − (1 − x²)x' + x = 0 has one stable limit cycle (amplitude ≈ 2) around the unstable
  // equilibrium (0, 0); from (0.1, 0) the orbit spirals out onto it. dt = 0.01, 200 time units.
  const dt = 0.01;
  const f = (x: number, v: number) => [v, (1 - x * x) * v - x];
  const rk4 = (x: number, v: number) => {
    const k1 = f(x, v);
    const k2 = f(x + dt / 2 * k1[0], v + dt / 2 * k1[1]);
    const k3 = f(x + dt / 2 * k2[0], v + dt / 2 * k2[1]);
    const k4 = f(x + dt * k3[0], v + dt * k3[1]);
    return [
      x + dt / 6 * (k1[0] + 2 * k2[0] + 2 * k3[0] + k4[0]),
      v + dt / 6 * (k1[1] + 2 * k2[1] + 2 * k3[1] + k4[1]),
    ];
  };
  for (const n of [20_000, 200_000]) {
    const orbit = iterate(n, 0.1, 0, rk4);
    const c = classify(orbit);
    assertEquals(c.status, "cycles", `${n} steps: ${c.reason}`);
    assert(Math.abs(c.decayRate) < 0.01, `${n} steps: ${c.decayRate}`);
    assert(c.turnsSecondHalf > 10, String(c.turnsSecondHalf));
    // On the cycle x swings between ±2.009 (μ = 1): the orbit did reach it.
    const late = orbit.theta.subarray(n >> 1).map(Math.abs);
    assertAlmostEquals(Math.max(...late), 2.009, 0.01);
  }
});

Deno.test("classify: gradient play on f = θw — simultaneous spirals out, alternating orbits", () => {
  // Simultaneous GDA multiplies the radius by √(1 + η²) per step: it first exceeds 1e3 at
  // t = ⌈ln(1e3) / ½ln(1 + η²)⌉ (1,389 for η = 0.1).
  const eta = 0.1;
  const out = classify(iterate(5_000, 1, 0, (x, y) => [x + eta * y, y - eta * x]));
  assertEquals(out.status, "diverged", out.reason);
  assertEquals(out.divergedAt, Math.ceil(Math.log(1e3) / (0.5 * Math.log(1 + eta * eta))));
  // Alternating GDA (the critic sees the new θ) preserves area: a closed orbit, never shrinking.
  const alt = classify(iterate(20_000, 1, 0, (x, y) => {
    const xn = x + eta * y;
    return [xn, y - eta * xn];
  }));
  assertEquals(alt.status, "cycles", alt.reason);
  assert(Math.abs(alt.decayRate) < 1e-3, String(alt.decayRate));
});

Deno.test("classify: a saddle — approaches along the stable direction, then leaves along the other", () => {
  // (x, y) ← (1.01x, 0.99y) from (1e-6, 1): the distance falls to ~1.4e-3 first (near t = 691), then grows past
  // 1e3 once 1e-6·1.01^t > 1e3, at t = ⌈ln(1e9)/ln(1.01)⌉ = 2,083.
  const c = classify(iterate(5_000, 1e-6, 1, (x, y) => [1.01 * x, 0.99 * y]));
  assertEquals(c.status, "diverged", c.reason);
  assertEquals(c.divergedAt, Math.ceil(Math.log(1e9) / Math.log(1.01)));
  assert(c.minDistance < 2e-3, String(c.minDistance));
  // Cut early, the same run is on its way in (400 steps) or counts as converged (600 steps: below
  // 0.01 from step 459): a class reads the run it is given, which is why the report also runs
  // every toy setting 10× longer and lists the runs whose class changes.
  const cut = (n: number) => classify(iterate(n, 1e-6, 1, (x, y) => [1.01 * x, 0.99 * y]));
  assertEquals(cut(400).status, "converging slowly", cut(400).reason);
  assertEquals(cut(600).status, "converged", cut(600).reason);
  assertEquals(cut(600).staysBelowFrom, 459);
});
