// The paper's toy games (§6.1): derivatives against hand-expanded closed forms and central finite
// differences, the first steps of every method recomputed by hand, the classifier, the SVG helper,
// the verdicts and the `reproduce` CLI.
import {
  assert,
  assertAlmostEquals,
  assertClose,
  assertEquals,
  assertThrowsMatching,
} from "./assert.ts";
import {
  TARGET_TREATMENTS,
  type TargetTreatment,
  toyDerivatives,
  toyDistance,
  type ToyGame,
  toyJ,
  toyL,
} from "../lib/toy/games.ts";
import { runToy, toyActorDirection } from "../lib/toy/run.ts";
import { classifyTrajectory } from "../lib/toy/classify.ts";
import { contourPlot, linePlot, marchingSquares } from "../lib/report/svg.ts";
import {
  buildToySection,
  gridSettings,
  runToyGrid,
  toyVerdicts,
  VERDICTS,
} from "../lib/report/toy_section.ts";
import { main as reproduceMain } from "../cli/reproduce.ts";

const POINTS: [number, number][] = [[1, 1], [0.7, -0.3], [-1.3, 0.4], [2, 2], [0.25, -1.6]];

/** Hand-expanded closed forms of every derivative (independent of lib/toy/games.ts). */
function closedForm(game: ToyGame, t: number, w: number, target: TargetTreatment) {
  const diff = target === "differentiated";
  if (game === 1) {
    return {
      q: w * t * t,
      gTheta: 2 * w * t,
      gW: t * t,
      l: (w + 1) ** 2 * t ** 4,
      dLdW: 2 * (w + 1) * t ** 4,
      d2LdW2: 2 * t ** 4,
      dLdTheta: diff ? 4 * (w + 1) ** 2 * t ** 3 : 4 * w * (w + 1) * t ** 3,
      d2LdThetadW: diff ? 8 * (w + 1) * t ** 3 : 4 * (2 * w + 1) * t ** 3,
      d2LdTheta2: diff ? 12 * (w + 1) ** 2 * t * t : 4 * w * (3 * w + 1) * t * t,
    };
  }
  return {
    q: w * t,
    gTheta: w,
    gW: t,
    l: t * t * (w + t) ** 2,
    dLdW: 2 * t * t * (w + t),
    d2LdW2: 2 * t * t,
    dLdTheta: diff ? 2 * t * (w + t) * (w + 2 * t) : 2 * t * (w + t) * w,
    d2LdThetadW: diff ? 4 * w * t + 6 * t * t : 4 * w * t + 2 * t * t,
    d2LdTheta2: diff ? 2 * ((w + 2 * t) ** 2 + 2 * t * (w + t)) : 2 * w * w,
  };
}

Deno.test("toy: every derivative equals its hand-expanded closed form", () => {
  for (const game of [1, 2] as ToyGame[]) {
    for (const target of TARGET_TREATMENTS) {
      for (const [t, w] of POINTS) {
        const d = toyDerivatives(game, t, w, target);
        const c = closedForm(game, t, w, target);
        const where = `game ${game} ${target} (${t}, ${w})`;
        for (const key of Object.keys(c) as (keyof typeof c)[]) {
          assertAlmostEquals(
            d[key],
            c[key],
            1e-12 * Math.max(1, Math.abs(c[key])),
            `${where} ${key}`,
          );
        }
        assertAlmostEquals(d.j, c.q, 1e-12, where);
        assertAlmostEquals(d.dJdTheta, c.gTheta, 1e-12, where);
        assertAlmostEquals(d.dJdW, c.gW, 1e-12, where);
        assertAlmostEquals(d.y, -t * t, 1e-12, where);
        assertAlmostEquals(d.l, toyL(game, t, w), 1e-12, where);
        assertAlmostEquals(d.j, toyJ(game, t, w), 1e-12, where);
      }
    }
  }
});

Deno.test("toy: every derivative matches central finite differences", () => {
  const h1 = 1e-5, h2 = 1e-4;
  for (const game of [1, 2] as ToyGame[]) {
    for (const target of TARGET_TREATMENTS) {
      for (const [t0, w0] of POINTS) {
        // Stop-gradient: the target is frozen at θ0 while differentiating in θ.
        const L = (t: number, w: number) =>
          target === "differentiated" ? toyL(game, t, w) : toyL(game, t, w, t0);
        const J = (t: number, w: number) => toyJ(game, t, w);
        const fd = {
          dJdTheta: (J(t0 + h1, w0) - J(t0 - h1, w0)) / (2 * h1),
          dJdW: (J(t0, w0 + h1) - J(t0, w0 - h1)) / (2 * h1),
          dLdTheta: (L(t0 + h1, w0) - L(t0 - h1, w0)) / (2 * h1),
          dLdW: (L(t0, w0 + h1) - L(t0, w0 - h1)) / (2 * h1),
          d2LdTheta2: (L(t0 + h2, w0) - 2 * L(t0, w0) + L(t0 - h2, w0)) / (h2 * h2),
          d2LdW2: (L(t0, w0 + h2) - 2 * L(t0, w0) + L(t0, w0 - h2)) / (h2 * h2),
          d2LdThetadW: (L(t0 + h2, w0 + h2) - L(t0 + h2, w0 - h2) - L(t0 - h2, w0 + h2) +
            L(t0 - h2, w0 - h2)) / (4 * h2 * h2),
        };
        const d = toyDerivatives(game, t0, w0, target);
        for (const key of Object.keys(fd) as (keyof typeof fd)[]) {
          const tol = key.startsWith("d2") ? 2e-5 : 1e-8;
          assertAlmostEquals(
            d[key],
            fd[key],
            tol * Math.max(1, Math.abs(fd[key])),
            `game ${game} ${target} (${t0}, ${w0}) ${key}`,
          );
        }
        // Q's own derivatives too.
        const Q = J;
        assertAlmostEquals(d.gTheta, fd.dJdTheta, 1e-8);
        assertAlmostEquals(
          d.qThetaW,
          (Q(t0 + h2, w0 + h2) - Q(t0 + h2, w0 - h2) - Q(t0 - h2, w0 + h2) + Q(t0 - h2, w0 - h2)) /
            (4 * h2 * h2),
          1e-6,
        );
        assertAlmostEquals(
          d.qThetaTheta,
          (Q(t0 + h2, w0) - 2 * Q(t0, w0) + Q(t0 - h2, w0)) / (h2 * h2),
          1e-5,
        );
      }
    }
  }
});

Deno.test("toy: the two target treatments differ exactly where y(θ) enters", () => {
  const a = toyDerivatives(1, 0.7, -0.3, "differentiated");
  const b = toyDerivatives(1, 0.7, -0.3, "stop-gradient");
  assertEquals([a.dLdW, a.d2LdW2, a.l], [b.dLdW, b.d2LdW2, b.l]);
  assert(Math.abs(a.d2LdThetadW - b.d2LdThetadW) > 0.1, "cross derivative must differ");
  // Paper appendix D, toy 1: ∂²L/∂θ∂w = 4(2w + 2)θ³ (differentiated target).
  assertAlmostEquals(a.d2LdThetadW, 4 * (2 * -0.3 + 2) * 0.7 ** 3, 1e-12);
});

Deno.test("toy: actor directions — per-sample is ε-scaled, listing is (1 + c)·∂J/∂θ, SDDPG exact", () => {
  const eps = 1e-5;
  for (const game of [1, 2] as ToyGame[]) {
    for (const target of TARGET_TREATMENTS) {
      for (const [t, w] of POINTS) {
        const d = toyDerivatives(game, t, w, target);
        const c = closedForm(game, t, w, target);
        const gda = toyActorDirection(d, "gda", null, eps);
        assertEquals(gda.direction, c.gTheta);
        assertEquals(gda.correction, 0);
        const ps = toyActorDirection(d, "fsddpg", "per-sample", eps);
        assertAlmostEquals(
          ps.direction,
          c.gTheta * eps / (2 * c.gW ** 2 + eps),
          1e-12 * Math.max(1, Math.abs(c.gTheta)),
          "per-sample",
        );
        const cc = 2 * c.gW ** 2 / (2 * c.gW ** 2 + eps);
        const li = toyActorDirection(d, "fsddpg", "listing", eps);
        assertAlmostEquals(
          li.direction,
          (1 + cc) * c.gTheta,
          1e-12 * Math.max(1, Math.abs(c.gTheta)),
        );
        const sd = toyActorDirection(d, "sddpg", null, eps);
        assertAlmostEquals(
          sd.direction,
          c.gTheta - c.d2LdThetadW * c.gW / (c.d2LdW2 + eps),
          1e-10 * Math.max(1, Math.abs(c.gTheta)),
          "sddpg",
        );
        assertAlmostEquals(sd.correction, sd.direction - c.gTheta, 1e-12);
      }
    }
  }
  // A concrete number: toy 1 at the start (1, 1): g_θ = 2, g_w = 1.
  const d0 = toyDerivatives(1, 1, 1, "differentiated");
  assertAlmostEquals(
    toyActorDirection(d0, "fsddpg", "per-sample", eps).direction,
    2e-5 / 2.00001,
    1e-15,
  );
  assertAlmostEquals(
    toyActorDirection(d0, "fsddpg", "listing", eps).direction,
    2 * (1 + 2 / 2.00001),
    1e-12,
  );
  // SDDPG: 2 − 16·1/(2 + ε) (differentiated), 2 − 12/(2 + ε) (stop-gradient).
  assertAlmostEquals(
    toyActorDirection(d0, "sddpg", null, eps).direction,
    2 - 16 / (2 + eps),
    1e-12,
  );
  const s0 = toyDerivatives(1, 1, 1, "stop-gradient");
  assertAlmostEquals(
    toyActorDirection(s0, "sddpg", null, eps).direction,
    2 - 12 / (2 + eps),
    1e-12,
  );
});

/** The first steps by hand: an independent loop over the closed forms. */
function byHand(
  game: ToyGame,
  method: string,
  target: TargetTreatment,
  a: number,
  b: number,
  steps: number,
  order: "simultaneous" | "critic-first",
  eps = 1e-5,
): [number, number][] {
  let [t, w] = game === 1 ? [1, 1] : [2, 2];
  const out: [number, number][] = [[t, w]];
  for (let k = 0; k < steps; k++) {
    const c = closedForm(game, t, w, target);
    const wNew = w - b * c.dLdW;
    const e = order === "simultaneous" ? c : closedForm(game, t, wNew, target);
    let d: number;
    if (method === "gda") d = e.gTheta;
    else if (method === "sddpg") d = e.gTheta - e.d2LdThetadW * e.gW / (e.d2LdW2 + eps);
    else if (method === "per-sample") d = e.gTheta * eps / (2 * e.gW ** 2 + eps);
    else d = (1 + 2 * e.gW ** 2 / (2 * e.gW ** 2 + eps)) * e.gTheta;
    t = t + a * d;
    w = wNew;
    out.push([t, w]);
  }
  return out;
}

Deno.test("toy: the first steps of every method equal a hand computation", () => {
  const methods = [
    { name: "gda", opts: { method: "gda" as const } },
    { name: "sddpg", opts: { method: "sddpg" as const } },
    { name: "per-sample", opts: { method: "fsddpg" as const, k1k2: "per-sample" as const } },
    { name: "listing", opts: { method: "fsddpg" as const, k1k2: "listing" as const } },
  ];
  for (const game of [1, 2] as ToyGame[]) {
    for (const target of TARGET_TREATMENTS) {
      for (const order of ["simultaneous", "critic-first"] as const) {
        for (const m of methods) {
          const r = runToy({
            game,
            ...m.opts,
            target,
            lrActor: 0.05,
            lrCritic: 0.03,
            steps: 5,
            order,
          });
          const h = byHand(game, m.name, target, 0.05, 0.03, 5, order);
          for (let k = 0; k <= 5; k++) {
            const where = `game ${game} ${target} ${order} ${m.name} step ${k}`;
            assertAlmostEquals(r.theta[k], h[k][0], 1e-12, where);
            assertAlmostEquals(r.w[k], h[k][1], 1e-12, where);
            const opt = game === 1 ? [0, -1] : [0, 0];
            assertAlmostEquals(
              r.distance[k],
              Math.hypot(h[k][0] - opt[0], h[k][1] - opt[1]),
              1e-12,
            );
          }
        }
      }
    }
  }
  // Fully written out: toy 2, GDA, simultaneous, α = β = 0.1, from (2, 2).
  // w1 = 2 − 0.1·2·4·(2 + 2) = −1.2, θ1 = 2 + 0.1·2 = 2.2.
  const r = runToy({
    game: 2,
    method: "ddpg",
    target: "differentiated",
    lrActor: 0.1,
    lrCritic: 0.1,
    steps: 2,
  });
  assertAlmostEquals(r.w[1], -1.2, 1e-12);
  assertAlmostEquals(r.theta[1], 2.2, 1e-12);
  // w2 = −1.2 − 0.1·2·4.84·(−1.2 + 2.2) = −2.168, θ2 = 2.2 + 0.1·(−1.2) = 2.08.
  assertAlmostEquals(r.w[2], -2.168, 1e-12);
  assertAlmostEquals(r.theta[2], 2.08, 1e-12);
  assertEquals(r.config.method, "gda");
  assertEquals(r.config.order, "simultaneous");
  assertEquals(r.config.epsilon, 1e-5);
  // Critic-first: θ1 = 2 + 0.1·w1 = 1.88.
  const cf = runToy({
    game: 2,
    method: "gda",
    target: "differentiated",
    lrActor: 0.1,
    lrCritic: 0.1,
    steps: 1,
    order: "critic-first",
  });
  assertAlmostEquals(cf.theta[1], 1.88, 1e-12);
});

Deno.test("toy: FSDDPG/GDA ignore the target treatment; SDDPG does not", () => {
  const base = { game: 2 as const, lrActor: 0.05, lrCritic: 0.05, steps: 200 };
  for (
    const m of [{ method: "gda" as const }, {
      method: "fsddpg" as const,
      k1k2: "per-sample" as const,
    }]
  ) {
    const a = runToy({ ...base, ...m, target: "differentiated" });
    const b = runToy({ ...base, ...m, target: "stop-gradient" });
    assertEquals(Array.from(a.theta), Array.from(b.theta));
  }
  const a = runToy({ ...base, method: "sddpg", target: "differentiated" });
  const b = runToy({ ...base, method: "sddpg", target: "stop-gradient" });
  assert(Math.abs(a.theta[200] - b.theta[200]) > 1e-3);
});

Deno.test("toy: runToy output shapes, distance and non-finite handling", () => {
  const r = runToy({
    game: 1,
    method: "sddpg",
    target: "stop-gradient",
    lrActor: 0.01,
    lrCritic: 0.05,
    steps: 50,
  });
  assertEquals([r.theta.length, r.w.length, r.distance.length, r.loss.length, r.direction.length], [
    51,
    51,
    51,
    51,
    50,
  ]);
  assertEquals(r.nonFiniteAt, null);
  for (let k = 0; k <= 50; k++) {
    assertAlmostEquals(r.distance[k], toyDistance(1, r.theta[k], r.w[k]), 1e-15);
    assertAlmostEquals(r.loss[k], toyL(1, r.theta[k], r.w[k]), 1e-12 * Math.max(1, r.loss[k]));
  }
  // A huge critic step overflows: the run stops and the rest is NaN.
  const big = runToy({
    game: 2,
    method: "gda",
    target: "differentiated",
    lrActor: 1,
    lrCritic: 1e6,
    steps: 40,
  });
  assert(big.nonFiniteAt !== null, "expected overflow");
  assert(Number.isNaN(big.distance[40]));
  assertEquals(classifyTrajectory(big.distance).status, "diverged");
});

Deno.test("toy: options are validated with the field, the value and what is allowed", () => {
  const ok = {
    game: 1 as const,
    method: "gda" as const,
    target: "differentiated" as const,
    lrActor: 0.1,
    lrCritic: 0.1,
    steps: 3,
  };
  // deno-lint-ignore no-explicit-any
  const run = (o: any) => () => runToy(o);
  assertThrowsMatching(run({ ...ok, game: 3 }), /game: got 3; allowed: 1 or 2/);
  assertThrowsMatching(
    run({ ...ok, method: "sgd" }),
    /method: got "sgd"; allowed: one of "gda", "ddpg", "sddpg", "fsddpg"/,
  );
  assertThrowsMatching(
    run({ ...ok, k1k2: "listing" }),
    /k1k2: got "listing"; allowed: only with method "fsddpg"/,
  );
  assertThrowsMatching(
    run({ ...ok, method: "fsddpg", k1k2: "persample" }),
    /k1k2: got "persample"; allowed: one of "per-sample", "listing"/,
  );
  assertThrowsMatching(run({ ...ok, target: undefined }), /target: got undefined/);
  assertThrowsMatching(
    run({ ...ok, lrActor: -1 }),
    /lrActor: got -1; allowed: a finite number > 0/,
  );
  assertThrowsMatching(run({ ...ok, lrCritic: NaN }), /lrCritic: got NaN/);
  assertThrowsMatching(run({ ...ok, steps: 2.5 }), /steps: got 2.5; allowed: an integer/);
  assertThrowsMatching(run({ ...ok, epsilon: 0 }), /epsilon: got 0/);
  assertThrowsMatching(
    run({ ...ok, order: "leader-first" }),
    /order: got "leader-first"; allowed: one of "simultaneous", "critic-first"/,
  );
  assertThrowsMatching(run({ ...ok, lrActr: 0.1 }), /runToy\.lrActr.*did you mean "lrActor"/);
  assertThrowsMatching(run({ ...ok, start: { theta: 1 } }), /start\.w: got undefined/);
  assertEquals(runToy({ ...ok, start: { theta: 0.5, w: 0 } }).theta[0], 0.5);
  assertEquals(runToy({ ...ok, method: "fsddpg" }).config.k1k2, "listing");
  assertThrowsMatching(() => runToyGrid({ steps: 5 }), /steps: got 5/);
  assertThrowsMatching(() => runToyGrid({ lrPairs: [[0.1, -1]] }), /lrPairs\[0\]\[1\]: got -1/);
});

Deno.test("toy: trajectory classifier on synthetic sequences", () => {
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

Deno.test("toy: SVG helper draws contours and curves as path data", () => {
  // Marching squares on f = x² + y² over [−1, 1]²: level 0.25 crosses at radius 0.5.
  const n = 41, values = new Float64Array(n * n);
  const coord = (g: number) => -1 + 2 * g / (n - 1);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) values[j * n + i] = coord(i) ** 2 + coord(j) ** 2;
  }
  const segs = marchingSquares(values, n, n, 0.25);
  assert(segs.length > 40, `${segs.length} segments`);
  for (const [a, b, c, d] of segs) {
    for (const [x, y] of [[a, b], [c, d]]) {
      assertAlmostEquals(Math.hypot(coord(x), coord(y)), 0.5, 0.01);
    }
  }
  const svg = contourPlot({
    f: (x, y) => x * x + y * y,
    xRange: [-1, 1],
    yRange: [-1, 1],
    levels: [0.25, 0.5],
    overlays: [{ label: "a <line>", x: [0, 0.5, -0.5], y: [0, 0.5, 0.2] }],
    markers: [{ x: 0, y: 0, label: "origin", shape: "star" }],
  });
  assert(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
  assert(svg.endsWith("</svg>"));
  assert(svg.includes("a &lt;line&gt;"), "labels are escaped");
  assertEquals((svg.match(/<path class="contour" d="M/g) ?? []).length, 2);
  const lp = linePlot([{ label: "d", x: [0, 1, 2, 3], y: [1, 0.1, NaN, 0.001] }], { logY: true });
  const d = lp.match(/<path d="([^"]+)"[^>]*stroke="#0072B2"/);
  assert(d !== null, "series path present");
  assertEquals((d![1].match(/[ML]/g) ?? []).join(""), "MLM", "the NaN breaks the curve");
  const lx = linePlot([{ label: "s", x: [1, 10, 100, 1000], y: [3, 2, 1, 0.5] }], { logX: true });
  for (const label of ["1e0", "1e1", "1e2", "1e3"]) assert(lx.includes(`>${label}</text>`), label);
  const lxd = lx.match(/<path d="([^"]+)"[^>]*stroke="#0072B2"/)![1];
  const xs = [...lxd.matchAll(/[ML](-?[\d.]+) /g)].map((m) => Number(m[1]));
  assertEquals(xs.length, 4);
  // Decades are equally spaced on a log axis.
  assertAlmostEquals(xs[1] - xs[0], xs[3] - xs[2], 0.2);
});

Deno.test("toy: verdicts are one of three words and follow the stated rule at every ε", () => {
  const grid = runToyGrid({
    steps: 400,
    lrPairs: [[0.05, 0.05], [0.01, 0.05]],
    orders: ["simultaneous"],
    epsilons: [1e-2, 1e-5],
  });
  // Per game and setting: GDA once, SDDPG and both FSDDPG forms at each of the 2 ε.
  assertEquals(grid.runs.length, 2 * (1 + 3 * 2) * 2 * 2);
  assertEquals(grid.config.epsilons, [1e-5, 1e-2]);
  assertEquals(grid.config.primaryEpsilon, 1e-5);
  assertEquals(grid.runs.filter((r) => r.variant === "gda").every((r) => r.epsilon === null), true);
  // Trajectories are kept at the primary ε (and for GDA) only.
  for (const r of grid.runs) {
    assertEquals(r.result !== null, r.epsilon === null || r.epsilon === 1e-5);
  }
  const verdicts = toyVerdicts(grid);
  assertEquals(verdicts.length, 8);
  for (const v of verdicts) {
    assert(VERDICTS.includes(v.verdict), v.verdict);
    assertEquals(v.byEpsilon.map((b) => b.epsilon), [1e-5, 1e-2]);
    for (const b of v.byEpsilon) {
      assertEquals(b.holdsUnder.length + b.failsUnder.length, 4);
      assertEquals(b.verdict, b.failsUnder.length === 0 ? "holds" : "does not hold");
    }
    // The primary verdict is the one at the paper's ε = 1e-5, and the claim names it.
    const atPrimary = v.byEpsilon.find((b) => b.epsilon === 1e-5)!;
    assertEquals([v.verdict, v.holdsUnder, v.failsUnder], [
      atPrimary.verdict,
      atPrimary.holdsUnder,
      atPrimary.failsUnder,
    ]);
    assertEquals(v.claim.includes("(at ε = 1e-5)"), v.dependsOnEpsilon, v.claim);
  }
  // Independently: toy 2 DDPG "cycles" holds at a setting iff its run is classified "cycles",
  // and DDPG does not use ε, so every ε gives the same answer.
  const ddpgCycles = verdicts.find((v) => v.id === "toy2-ddpg-cycles")!;
  const cyc = grid.runs.filter((r) =>
    r.game === 2 && r.variant === "gda" && r.classification.status === "cycles"
  );
  assertEquals(ddpgCycles.dependsOnEpsilon, false);
  for (const b of ddpgCycles.byEpsilon) assertEquals(b.holdsUnder.length, cyc.length);
  // Toy 2 "FSDDPG and SDDPG converge" at ε = 1e-2 reads the runs at ε = 1e-2.
  const conv = verdicts.find((v) => v.id === "toy2-fsddpg-sddpg-converge-per-sample")!;
  const both = gridSettings(grid).filter((s) =>
    (["fsddpg-per-sample", "sddpg"] as const).every((v) =>
      grid.runs.find((r) =>
        r.game === 2 && r.variant === v && r.epsilon === 1e-2 && r.target === s.target &&
        r.lrActor === s.lrActor && r.lrCritic === s.lrCritic
      )!.classification.status === "converged"
    )
  );
  assertEquals(conv.byEpsilon[1].holdsUnder.length, both.length);
  // Nothing tested → "not tested" at every ε.
  for (const v of toyVerdicts(grid, { filter: () => false })) {
    assertEquals(v.verdict, "not tested");
    assert(v.byEpsilon.every((b) => b.verdict === "not tested"));
  }
  const section = buildToySection(grid);
  assert(section.markdown.includes("## 1. Toy games"));
  assert(section.markdown.includes("The primary verdict of a claim is its verdict at the paper's"));
  assert(section.files.some((f) => f.path.endsWith("-L.svg")));
  assert(section.files.some((f) => f.path.endsWith("-Jbr.svg")));
});

/** A tiny well-formedness check: tags balance and attributes are quoted. */
function assertWellFormedSvg(svg: string, name: string) {
  assert(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'), `${name}: root`);
  const stack: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z]+)((?:\s+[a-zA-Z0-9:-]+="[^"<]*")*)\s*(\/?)>/g)) {
    if (m[1]) assertEquals(stack.pop(), m[2], `${name}: closing </${m[2]}>`);
    else if (!m[4]) stack.push(m[2]);
  }
  assertEquals(stack, [], `${name}: unclosed tags`);
  const stripped = svg.replace(/<(\/?)([a-zA-Z]+)((?:\s+[a-zA-Z0-9:-]+="[^"<]*")*)\s*(\/?)>/g, "");
  assert(!stripped.includes("<"), `${name}: a malformed tag`);
}

Deno.test("toy: `reproduce --only toy` writes report.md, valid SVGs with data and CSVs", async () => {
  const dir = await Deno.makeTempDir({ prefix: "stackrl-toy-" });
  const log = console.log, err = console.error;
  const errors: string[] = [];
  console.log = () => {};
  console.error = (...a: unknown[]) => errors.push(a.join(" "));
  try {
    assertEquals(
      await reproduceMain(["--only", "toy", "--out", dir, "--id", "t", "--toy-steps", "600"]),
      0,
    );
    assertEquals(await reproduceMain(["--ony", "toy"]), 2);
    assert(/unknown flag "--ony"; did you mean --only\?/.test(errors.at(-1) ?? ""), errors.at(-1));
    assertEquals(await reproduceMain(["--only", "toys"]), 2);
    assert(/did you mean "toy"/.test(errors.at(-1) ?? ""), errors.at(-1));
    assertEquals(await reproduceMain(["--toy-steps", "abc"]), 2);
    assertEquals(await reproduceMain(["--help"]), 0);
  } finally {
    console.log = log;
    console.error = err;
  }
  try {
    const root = `${dir}/t`;
    const md = await Deno.readTextFile(`${root}/report.md`);
    assert(md.includes("## 1. Toy games (paper §6.1"));
    // Every verdict cell is one of the three words; the toy section itself has 16 (8 claims at
    // the primary ε, at the primary and the loose tolerance), whatever the report puts above it.
    const verdictCells = (text: string) =>
      [...text.matchAll(/\| \*\*([^*]+)\*\* \|/g)].map((m) => m[1]);
    const cells = verdictCells(md);
    assertEquals(verdictCells(md.slice(md.indexOf("## 1. Toy games"))).length, 16);
    for (const c of cells) assert(VERDICTS.includes(c as never), c);
    // Every linked figure exists, is well-formed and has path data with points.
    const links = [...md.matchAll(/!\[[^\]]*\]\(([^)]+\.svg)\)/g)].map((m) => m[1]);
    // Per game: the sweep figure, FSDDPG per-sample by ε (2), and 4 per simultaneous setting.
    assertEquals(links.length, 2 * (1 + 2 + 2 * 6 * 4));
    for (const link of links) {
      const svg = await Deno.readTextFile(`${root}/${link}`);
      assertWellFormedSvg(svg, link);
      const paths = [...svg.matchAll(/<path[^>]* d="(M[^"]+)"/g)].map((m) => m[1]);
      assert(paths.some((d) => (d.match(/L/g) ?? []).length >= 2), `${link}: no curve with points`);
    }
    const names = [];
    for await (const e of Deno.readDir(`${root}/toy`)) names.push(e.name);
    assert(!names.some((n) => n.includes(".tmp-")), "no temporary files left");
    // The CSV's final points equal an independent hand loop (not the report's code path).
    const csv = (await Deno.readTextFile(`${root}/toy/toy_runs.csv`)).trim().split("\n");
    const head = csv[0].split(",");
    const col = (row: string[], name: string) => row[head.indexOf(name)];
    const rows = csv.slice(1).map((l) => l.split(","));
    assertEquals(rows.length, 2 * (1 + 3 * 5) * 2 * 2 * 6);
    for (
      const [game, variant, method] of [[2, "gda", "gda"], [2, "sddpg", "sddpg"], [
        1,
        "fsddpg-listing",
        "listing",
      ], [1, "fsddpg-per-sample", "per-sample"]] as const
    ) {
      const row = rows.find((r) =>
        col(r, "game") === String(game) && col(r, "variant") === variant &&
        col(r, "target") === "differentiated" &&
        col(r, "order") === "simultaneous" && col(r, "lr_actor") === "0.05" &&
        col(r, "lr_critic") === "0.05" && col(r, "epsilon") === (variant === "gda" ? "" : "0.00001")
      )!;
      const h = byHand(game, method, "differentiated", 0.05, 0.05, 600, "simultaneous");
      assertClose(
        [Number(col(row, "final_theta")), Number(col(row, "final_w"))],
        h[600],
        1e-9,
        `${game} ${variant}`,
      );
    }
    // A run at another ε: its final point is the hand loop's at that ε.
    const at = rows.find((r) =>
      col(r, "game") === "1" && col(r, "variant") === "fsddpg-per-sample" &&
      col(r, "target") === "stop-gradient" && col(r, "order") === "critic-first" &&
      col(r, "lr_actor") === "0.01" && col(r, "lr_critic") === "0.05" &&
      col(r, "epsilon") === "0.01"
    )!;
    const h = byHand(1, "per-sample", "stop-gradient", 0.01, 0.05, 600, "critic-first", 0.01);
    assertClose([Number(col(at, "final_theta")), Number(col(at, "final_w"))], h[600], 1e-9);
    const sweep = (await Deno.readTextFile(`${root}/toy/toy_epsilon_sweep.csv`)).trim().split("\n");
    assertEquals(sweep.length, 1 + 2 * 4 * 5);
    const verdictCsv = await Deno.readTextFile(`${root}/toy/toy_verdicts.csv`);
    // One row per tolerance (2) × claim (8) × ε (5).
    assertEquals(verdictCsv.trim().split("\n").length, 1 + 2 * 8 * 5);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
