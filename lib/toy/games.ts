/**
 * The paper's two toy games (section 6.1, Fig. 1 and Fig. 7), in closed form with every derivative
 * the GDA (= DDPG), exact Stackelberg (SDDPG) and fast Stackelberg (FSDDPG) actor steps need.
 *
 * Both games have a scalar critic (leader) parameter `w` and a scalar actor (follower) parameter
 * `θ`. The "critic value" is `Q(θ, w)` and the actor objective is `J = Q`. The critic loss is read
 * as a squared TD error `L = (Q − y)²` with target `y(θ) = −θ²` (the reward `r(θ) = −θ²`):
 *
 * | game | Q = J | L | start (θ, w) | optimum (θ, w) |
 * | --- | --- | --- | --- | --- |
 * | 1 | wθ² | (wθ² + θ²)² | (1, 1) | (0, −1) |
 * | 2 | wθ | (wθ + θ²)² | (2, 2) | (0, 0) |
 *
 * The paper does not say whether the target is differentiated in θ, so both treatments exist:
 * `"differentiated"` (y = −θ² is part of L as a function of θ) and `"stop-gradient"` (y is a
 * constant when differentiating in θ, re-evaluated at the current θ each step). Derivatives in w
 * are the same under both; derivatives involving θ differ.
 * @module
 */

/** Which of the paper's toy games: 1 (`Q = wθ²`) or 2 (`Q = wθ`). */
export type ToyGame = 1 | 2;
/** Whether the TD target `y(θ) = −θ²` is differentiated in θ or held constant (stop-gradient). */
export type TargetTreatment = "differentiated" | "stop-gradient";
/** The two target treatments, in report order. */
export const TARGET_TREATMENTS: readonly TargetTreatment[] = ["differentiated", "stop-gradient"];

/** A point of the (θ, w) plane. */
export interface ToyPoint {
  /** The actor's (follower's) parameter. */
  theta: number;
  /** The critic's (leader's) parameter. */
  w: number;
}

/** Static description of a toy game. */
export interface ToyGameSpec {
  /** Which game (1 or 2). */
  game: ToyGame;
  /** `J(θ, w)` as text. */
  j: string;
  /** `L(θ, w)` as text. */
  l: string;
  /** The paper's starting point. */
  start: ToyPoint;
  /** The Stackelberg equilibrium. */
  optimum: ToyPoint;
  /** The critic's best response `argmin_w L(θ, w)` for θ ≠ 0. */
  bestResponse(theta: number): number;
}

/** The paper's two toy games. */
export const TOY_GAMES: Readonly<Record<ToyGame, ToyGameSpec>> = {
  1: {
    game: 1,
    j: "wθ²",
    l: "(wθ² + θ²)²",
    start: { theta: 1, w: 1 },
    optimum: { theta: 0, w: -1 },
    bestResponse: () => -1,
  },
  2: {
    game: 2,
    j: "wθ",
    l: "(wθ + θ²)²",
    start: { theta: 2, w: 2 },
    optimum: { theta: 0, w: 0 },
    bestResponse: (theta) => -theta,
  },
};

/** Every quantity of a toy game at one point (θ, w), under one target treatment. */
export interface ToyDerivatives {
  /** Critic value `Q(θ, w)` (= J). */
  q: number;
  /** `g_θ = ∂Q/∂θ`. */
  gTheta: number;
  /** `g_w = ∂Q/∂w`. */
  gW: number;
  /** `∂²Q/∂θ²`. */
  qThetaTheta: number;
  /** `∂²Q/∂θ∂w`. */
  qThetaW: number;
  /** `∂²Q/∂w²`. */
  qWW: number;
  /** TD target `y(θ) = −θ²`. */
  y: number;
  /** Residual `δ = Q − y`. */
  delta: number;
  /** Actor objective `J = Q`. */
  j: number;
  /** `∂J/∂θ` (= g_θ). */
  dJdTheta: number;
  /** `∂J/∂w` (= g_w). */
  dJdW: number;
  /** Critic loss `L = δ²`. */
  l: number;
  /** `∂L/∂θ` under the target treatment. */
  dLdTheta: number;
  /** `∂L/∂w = 2δ g_w` (same under both treatments). */
  dLdW: number;
  /** `∂²L/∂θ²` under the target treatment. */
  d2LdTheta2: number;
  /** `∂²L/∂θ∂w` under the target treatment (residual term included). */
  d2LdThetadW: number;
  /** `∂²L/∂w² = 2(g_w² + δ ∂²Q/∂w²)` (same under both treatments). */
  d2LdW2: number;
}

/** Q and its derivatives up to second order, in closed form. */
function qParts(game: ToyGame, theta: number, w: number) {
  if (game === 1) {
    // Q = wθ²
    return {
      q: w * theta * theta,
      gTheta: 2 * w * theta,
      gW: theta * theta,
      qThetaTheta: 2 * w,
      qThetaW: 2 * theta,
      qWW: 0,
    };
  }
  // Q = wθ
  return { q: w * theta, gTheta: w, gW: theta, qThetaTheta: 0, qThetaW: 1, qWW: 0 };
}

/**
 * Every value and derivative of toy game `game` at (θ, w).
 *
 * With `δ = Q − y` and `δ_θ = g_θ − y'(θ)` (differentiated) or `δ_θ = g_θ` (stop-gradient),
 * `δ_θθ = Q_θθ − y''(θ)` or `Q_θθ`:
 * `∂L/∂θ = 2δ δ_θ`, `∂L/∂w = 2δ g_w`, `∂²L/∂θ² = 2(δ_θ² + δ δ_θθ)`,
 * `∂²L/∂θ∂w = 2(δ_θ g_w + δ Q_θw)`, `∂²L/∂w² = 2(g_w² + δ Q_ww)` (Proposition 1 on scalars).
 */
export function toyDerivatives(
  game: ToyGame,
  theta: number,
  w: number,
  target: TargetTreatment,
): ToyDerivatives {
  const p = qParts(game, theta, w);
  const y = -theta * theta;
  const dy = -2 * theta;
  const d2y = -2;
  const delta = p.q - y;
  const differentiated = target === "differentiated";
  const deltaTheta = differentiated ? p.gTheta - dy : p.gTheta;
  const deltaThetaTheta = differentiated ? p.qThetaTheta - d2y : p.qThetaTheta;
  return {
    // Listed field by field: a spread here was the hot spot of long toy runs.
    q: p.q,
    gTheta: p.gTheta,
    gW: p.gW,
    qThetaTheta: p.qThetaTheta,
    qThetaW: p.qThetaW,
    qWW: p.qWW,
    y,
    delta,
    j: p.q,
    dJdTheta: p.gTheta,
    dJdW: p.gW,
    l: delta * delta,
    dLdTheta: 2 * delta * deltaTheta,
    dLdW: 2 * delta * p.gW,
    d2LdTheta2: 2 * (deltaTheta * deltaTheta + delta * deltaThetaTheta),
    d2LdThetadW: 2 * (deltaTheta * p.gW + delta * p.qThetaW),
    d2LdW2: 2 * (p.gW * p.gW + delta * p.qWW),
  };
}

/** `J(θ, w)` of a toy game. */
export function toyJ(game: ToyGame, theta: number, w: number): number {
  return qParts(game, theta, w).q;
}

/** `L(θ, w)` of a toy game; with `frozenTheta`, the target is evaluated there (stop-gradient). */
export function toyL(game: ToyGame, theta: number, w: number, frozenTheta?: number): number {
  const t = frozenTheta ?? theta;
  const delta = qParts(game, theta, w).q + t * t;
  return delta * delta;
}

/** Euclidean distance from (θ, w) to the game's optimum. */
export function toyDistance(game: ToyGame, theta: number, w: number): number {
  const o = TOY_GAMES[game].optimum;
  return Math.hypot(theta - o.theta, w - o.w);
}
