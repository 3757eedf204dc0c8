// The critic's best response w*(θ) = argmin_w L(θ, w) and Fig. 7's J(θ, w*(θ)) on the toy games
// (§6.1): the numerical solve against §6.1's closed forms, finite differences, a grid search,
// and the contours drawn from it.
import { assert, assertAlmostEquals, assertEquals, assertThrowsMatching } from "./assert.ts";
import { TOY_GAMES, type ToyGame, toyJ, toyL } from "../lib/toy/games.ts";
import { bestResponseJ, criticBestResponse } from "../lib/toy/best_response.ts";
import { runToy } from "../lib/toy/run.ts";
import { ValidationError } from "../lib/errors.ts";
import { settingFigures } from "../lib/report/toy/figures.ts";
import { bestResponseGap, type ToySetting } from "../lib/report/toy/grid.ts";

const THETAS = [-2.5, -1, -0.3, 0.05, 0.5, 1, 1.7, 3];

Deno.test("criticBestResponse() matches §6.1's closed forms: w* = −1 (toy 1), w* = −θ (toy 2)", () => {
  for (const t of THETAS) {
    const a = criticBestResponse(1, t), b = criticBestResponse(2, t);
    assertAlmostEquals(a.w, -1, 1e-12, `toy 1 θ ${t}`);
    assertAlmostEquals(b.w, -t, 1e-12, `toy 2 θ ${t}`);
    // The library's own closed form agrees too.
    assertAlmostEquals(a.w, TOY_GAMES[1].bestResponse(t), 1e-12);
    assertAlmostEquals(b.w, TOY_GAMES[2].bestResponse(t), 1e-12);
    // At the best response the critic fits the target exactly: L = 0, and J = Q = y = −θ².
    assertAlmostEquals(a.l, 0, 1e-24);
    assertAlmostEquals(b.l, 0, 1e-24);
    assertAlmostEquals(bestResponseJ(1, t), -t * t, 1e-12);
    assertAlmostEquals(bestResponseJ(2, t), -t * t, 1e-12);
    // L is quadratic in w, so Newton lands in one step and the second confirms it.
    assert(a.iterations <= 3 && b.iterations <= 3, `${a.iterations} ${b.iterations}`);
  }
});

Deno.test("criticBestResponse() is a minimum of L(θ, ·): ∂L/∂w = 0 by finite differences", () => {
  const h = 1e-4;
  for (const game of [1, 2] as ToyGame[]) {
    for (const t of THETAS) {
      const { w } = criticBestResponse(game, t);
      const L = (x: number) => toyL(game, t, x);
      // Central difference of ∂L/∂w at w*, against the scale of ∂L/∂w one unit away.
      const slope = (L(w + h) - L(w - h)) / (2 * h);
      const scale = Math.abs((L(w + 1 + h) - L(w + 1 - h)) / (2 * h));
      assert(Math.abs(slope) <= 1e-9 * Math.max(1, scale), `game ${game} θ ${t}: slope ${slope}`);
      // Curvature > 0 and both neighbours higher: a strict minimum.
      assert((L(w + h) - 2 * L(w) + L(w - h)) / (h * h) > 0, `game ${game} θ ${t}: curvature`);
      assert(L(w + h) > L(w) && L(w - h) > L(w));
      // A grid search over w ∈ [−5, 5] (step 1e-3) finds the same minimiser.
      let best = -5;
      for (let x = -5; x <= 5; x += 1e-3) if (L(x) < L(best)) best = x;
      assertAlmostEquals(best, w, 1.1e-3, `game ${game} θ ${t}: grid search`);
    }
  }
});

Deno.test("criticBestResponse() at θ = 0 (L flat in w) and at θ tiny enough that θ⁴ underflows", () => {
  for (const game of [1, 2] as ToyGame[]) {
    const r = criticBestResponse(game, 0);
    assert(Number.isNaN(r.w), "every w is a best response");
    assertEquals([r.j, r.l, r.iterations], [0, 0, 0]);
    // J(0, w) = 0 for every w, so J(0, w*) is 0 whichever w* is picked.
    for (const w of [-3, 0, 2]) assert(toyJ(game, 0, w) === 0, `J(0, ${w})`);
  }
  // Toy 1 at θ = 1e-90: g_w = θ² = 1e-180 but g_w² = θ⁴ underflows to 0; still w* = −1.
  assertEquals(1e-90 ** 4, 0);
  assertAlmostEquals(criticBestResponse(1, 1e-90).w, -1, 1e-12);
  assertAlmostEquals(criticBestResponse(2, 1e-90).w, -1e-90, 1e-102);
});

Deno.test("criticBestResponse() rejects a bad game or θ with the field, value and what is allowed", () => {
  // deno-lint-ignore no-explicit-any
  assertThrowsMatching(() => criticBestResponse(3 as any, 1), /game: got 3; allowed: 1 or 2/);
  assertThrowsMatching(() => criticBestResponse(1, NaN), /theta: got NaN; allowed: a finite/);
  try {
    criticBestResponse(1, Infinity);
  } catch (e) {
    assert(e instanceof ValidationError && e.field === "theta");
  }
});

Deno.test("bestResponseGap() measures |w − w*(θ)| along a run", () => {
  const r = runToy({
    game: 2,
    method: "gda",
    target: "differentiated",
    lrActor: 0.05,
    lrCritic: 0.05,
    steps: 300,
  });
  const gap = bestResponseGap(2, r);
  // By hand: toy 2's w* = −θ, so the gap is |w + θ|, from 4 at the start (2, 2).
  let sum = 0, maxHalf = 0;
  for (let i = 0; i <= 300; i++) {
    const g = Math.abs(r.w[i] + r.theta[i]);
    sum += g;
    if (i >= 150) maxHalf = Math.max(maxHalf, g);
  }
  assertAlmostEquals(gap.mean, sum / 301, 1e-12);
  assertAlmostEquals(gap.maxSecondHalf, maxHalf, 1e-12);
  assertAlmostEquals(gap.final, Math.abs(r.w[300] + r.theta[300]), 1e-12);
});

Deno.test("the Fig. 7 figure draws J(θ, w*(θ)) = −θ²: every contour segment is vertical", () => {
  const s: ToySetting = {
    target: "differentiated",
    order: "simultaneous",
    lrActor: 0.05,
    lrCritic: 0.05,
  };
  for (const game of [1, 2] as ToyGame[]) {
    const result = runToy({ game, method: "sddpg", ...s, steps: 200 });
    const files = settingFigures(
      game,
      s,
      [{ variant: "sddpg", status: "stalled", result }],
      1e-2,
      1e-5,
    );
    const fig = files.find((f) => f.path.endsWith("-Jbr.svg"))!;
    assert(fig.content.includes("J(θ, w*(θ)) (Fig. 7)"));
    const contours = [...fig.content.matchAll(/<path class="contour" d="([^"]+)"/g)].map((m) =>
      m[1]
    );
    assert(contours.length >= 6, `${contours.length} contour levels`);
    let segments = 0;
    for (const d of contours) {
      for (const m of d.matchAll(/M(-?[\d.]+) (-?[\d.]+)L(-?[\d.]+) (-?[\d.]+)/g)) {
        segments++;
        // x = θ is the same at both ends (coordinates are rounded to 0.1 px).
        assert(Math.abs(Number(m[1]) - Number(m[3])) <= 0.11, m[0]);
      }
    }
    assert(segments > 100, `${segments} segments`);
    // The contours of J itself (Fig. 1) are not vertical: the two figures differ.
    const j = files.find((f) => f.path.endsWith("-J.svg"))!;
    assert(
      [...j.content.matchAll(/M(-?[\d.]+) (-?[\d.]+)L(-?[\d.]+) (-?[\d.]+)/g)]
        .some((m) => Math.abs(Number(m[1]) - Number(m[3])) > 0.5),
    );
  }
});
