// The paper's toy games (§6.1): derivatives against hand-expanded closed forms and central finite
// differences, the first steps of every method recomputed by hand, runToy's shapes and options.
// The classifier is in tests/toy_classify_test.ts, the report's toy section in
// tests/toy_report_test.ts.
import { assert, assertAlmostEquals, assertEquals, assertThrowsMatching } from "./assert.ts";
import {
  TARGET_TREATMENTS,
  toyDerivatives,
  toyDistance,
  type ToyGame,
  toyJ,
  toyL,
} from "../lib/toy/games.ts";
import { runToy, toyActorDirection } from "../lib/toy/run.ts";
import { classifyTrajectory } from "../lib/toy/classify.ts";
import { runToyGrid, TOY_VARIANTS, variantMethod } from "../lib/report/toy/grid.ts";
import { byHand, closedForm } from "./toy_hand.ts";

const POINTS: [number, number][] = [[1, 1], [0.7, -0.3], [-1.3, 0.4], [2, 2], [0.25, -1.6]];

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

Deno.test("toy: the first steps of every method equal a hand computation", () => {
  for (const game of [1, 2] as ToyGame[]) {
    for (const target of TARGET_TREATMENTS) {
      for (const order of ["simultaneous", "critic-first"] as const) {
        for (const v of TOY_VARIANTS) {
          const r = runToy({
            game,
            ...variantMethod(v),
            target,
            lrActor: 0.05,
            lrCritic: 0.03,
            steps: 5,
            order,
          });
          const h = byHand(game, v, target, 0.05, 0.03, 5, order);
          for (let k = 0; k <= 5; k++) {
            const where = `game ${game} ${target} ${order} ${v} step ${k}`;
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
