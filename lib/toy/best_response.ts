/**
 * The critic's best response on the paper's toy games and the actor's objective there: the
 * quantity whose contours Fig. 7 draws, J(θ, w*(θ)) with w*(θ) = argmin_w L(θ, w) (§6.1 names
 * the best responses w* = −1 for toy 1 and w* = −θ for toy 2).
 *
 * w*(θ) is found numerically here (Newton's method on ∂L/∂w, with the closed-form derivatives of
 * lib/toy/games.ts), not read off `TOY_GAMES[game].bestResponse`, so the closed form stays an
 * independent check.
 * @module
 */
import { checkNumber, ValidationError } from "../errors.ts";
import { toyDerivatives, type ToyGame } from "./games.ts";

/** The critic's best response at one θ. */
export interface BestResponse {
  /** A minimiser of L(θ, ·); NaN where L(θ, ·) is flat (every w minimises it, θ = 0 here). */
  w: number;
  /** `J(θ, w*)`; where L(θ, ·) is flat, J(θ, ·) is flat too and is read at w = 0. */
  j: number;
  /** `L(θ, w*)` (0 on both games: the critic can fit the target exactly). */
  l: number;
  /** Newton iterations used (0 where L(θ, ·) is flat). */
  iterations: number;
}

/**
 * `w*(θ) = argmin_w L(θ, w)` by Newton's method on ∂L/∂w from w = 0. On both toy games Q is
 * affine in w, so L(θ, ·) is a quadratic and the first step lands on the minimiser; the loop
 * stops when a step is below 1e-14·(1 + |w|), and at most 50 steps are taken (the target
 * treatment does not matter: derivatives in w are the same under both).
 *
 * With L = δ², the Newton step (∂L/∂w)/(∂²L/∂w²) = δg_w/(g_w² + δQ_ww) is taken with g_w
 * cancelled, δ/(g_w + δQ_ww/g_w), so that g_w² cannot underflow near θ = 0 (toy 1's g_w = θ²).
 * Where g_w = Q_ww = 0 (θ = 0 on both games) L(θ, ·) is flat: every w is a best response,
 * `w` is NaN, and J(θ, ·) = Q(θ, ·) is flat too, so `j` is still defined.
 *
 * @param game 1 or 2.
 * @param theta The actor's parameter θ (finite).
 * @returns The minimiser, J and L there, and the number of Newton steps.
 * @example Toy 2's best response traces θ
 * ```ts
 * import { criticBestResponse } from "./best_response.ts";
 * criticBestResponse(2, 0.5).w; // −0.5
 * ```
 */
export function criticBestResponse(game: ToyGame, theta: number): BestResponse {
  if (game !== 1 && game !== 2) throw new ValidationError("game", game, "1 or 2");
  checkNumber("theta", theta);
  let w = 0;
  let d = toyDerivatives(game, theta, w, "differentiated");
  if (d.gW === 0 && d.qWW === 0) return { w: NaN, j: d.j, l: d.l, iterations: 0 };
  let iterations = 0;
  while (iterations < 50) {
    const step = d.gW !== 0 ? d.delta / (d.gW + d.delta * d.qWW / d.gW) : d.dLdW / d.d2LdW2;
    w -= step;
    d = toyDerivatives(game, theta, w, "differentiated");
    iterations++;
    if (Math.abs(step) <= 1e-14 * (1 + Math.abs(w))) break;
  }
  return { w, j: d.j, l: d.l, iterations };
}

/**
 * `J(θ, w*(θ))`, the actor's objective with the critic at its best response (Fig. 7's contours).
 * A function of θ alone; on both toy games it equals −θ².
 *
 * @param game 1 or 2.
 * @param theta The actor's parameter θ.
 * @returns J at (θ, w*(θ)).
 */
export function bestResponseJ(game: ToyGame, theta: number): number {
  return criticBestResponse(game, theta).j;
}
