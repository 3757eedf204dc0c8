/**
 * Gradient play on the paper's toy games: the critic descends L, the actor ascends J along the
 * direction of the chosen method (GDA = DDPG, exact Stackelberg SDDPG, fast Stackelberg FSDDPG in
 * its two k1/k2 variants).
 * @module
 */
import { checkChoice, checkKnownKeys, checkNumber, ValidationError } from "../errors.ts";
import {
  type TargetTreatment,
  TOY_GAMES,
  type ToyDerivatives,
  toyDerivatives,
  toyDistance,
  type ToyGame,
  type ToyPoint,
} from "./games.ts";

/** Actor-step methods: `gda` (= DDPG, `ddpg` is accepted as an alias), `sddpg`, `fsddpg`. */
export type ToyMethod = "gda" | "sddpg" | "fsddpg";
/** How FSDDPG builds k1 and k2: the equations per sample, or the paper's code listing. */
export type ToyK1K2 = "per-sample" | "listing";
/** `simultaneous`: both updates from the same (θ, w); `critic-first`: the actor sees the new w. */
export type ToyOrder = "simultaneous" | "critic-first";

/** Allowed `method` values (`ddpg` is an alias of `gda`). */
export const TOY_METHODS: readonly string[] = ["gda", "ddpg", "sddpg", "fsddpg"];
/** Allowed `k1k2` values. */
export const TOY_K1K2: readonly ToyK1K2[] = ["per-sample", "listing"];
/** Allowed `order` values. */
export const TOY_ORDERS: readonly ToyOrder[] = ["simultaneous", "critic-first"];
/** Default damping ε of the inverse (the paper's 1e-5). */
export const TOY_DEFAULT_EPSILON = 1e-5;

/** Options of {@link runToy}. */
export interface ToyRunOptions {
  /** 1 or 2. */
  game: ToyGame;
  /** `gda` (alias `ddpg`), `sddpg` or `fsddpg`. */
  method: ToyMethod | "ddpg";
  /** Only for `fsddpg`; default `listing` (as for `fsddpg` on networks). */
  k1k2?: ToyK1K2;
  /** Whether the target −θ² is differentiated in θ. Only SDDPG depends on it. */
  target: TargetTreatment;
  /** Actor step size α_θ (> 0). */
  lrActor: number;
  /** Critic step size α_w (> 0). */
  lrCritic: number;
  /** Number of updates (integer ≥ 1). */
  steps: number;
  /** Damping ε added to the (scalar) critic curvature before inverting; default 1e-5. */
  epsilon?: number;
  /** Default `simultaneous`. */
  order?: ToyOrder;
  /** Start point; default the paper's (toy 1: (1, 1), toy 2: (2, 2)). */
  start?: ToyPoint;
}

/** Resolved options (defaults filled in, alias `ddpg` mapped to `gda`). */
export interface ToyRunConfig {
  /** Which game. */
  game: ToyGame;
  /** GDA (= DDPG), exact SDDPG or FSDDPG. */
  method: ToyMethod;
  /** `null` unless the method is `fsddpg`. */
  k1k2: ToyK1K2 | null;
  /** Whether the target −θ² is differentiated in θ. */
  target: TargetTreatment;
  /** Actor step size (ascent on J). */
  lrActor: number;
  /** Critic step size (descent on L). */
  lrCritic: number;
  /** Number of steps. */
  steps: number;
  /** Damping ε of the inverse. */
  epsilon: number;
  /** Simultaneous updates, or the critic first and the actor at the new w. */
  order: ToyOrder;
  /** Starting point. */
  start: ToyPoint;
}

/** A trajectory of {@link runToy}. Arrays of points have `steps + 1` entries (start first). */
export interface ToyRunResult {
  /** The resolved options. */
  config: ToyRunConfig;
  /** The game's optimum. */
  optimum: ToyPoint;
  /** θ_t, t = 0…steps. */
  theta: Float64Array;
  /** w_t, t = 0…steps. */
  w: Float64Array;
  /** Euclidean distance from (θ_t, w_t) to the optimum. */
  distance: Float64Array;
  /** Critic loss L(θ_t, w_t). */
  loss: Float64Array;
  /** Actor objective J(θ_t, w_t). */
  j: Float64Array;
  /** Per update t (length `steps`): the actor's ascent direction d_t. */
  direction: Float64Array;
  /** Per update t (length `steps`): ∂J/∂θ where the actor direction was evaluated. */
  dJdTheta: Float64Array;
  /**
   * First update index after which (θ, w) was no longer finite, or `null`. From there on every
   * entry is NaN (the run stops computing).
   */
  nonFiniteAt: number | null;
}

/** The ascent direction of the actor and its parts, at one point. */
export interface ToyDirection {
  /** The direction d handed to the actor step θ ← θ + α_θ d. */
  direction: number;
  /** ∂J/∂θ. */
  dJdTheta: number;
  /** The correction d − ∂J/∂θ (0 for GDA). */
  correction: number;
}

/**
 * The actor's ascent direction at (θ, w):
 * - `gda`: `∂J/∂θ`;
 * - `sddpg`: `∂J/∂θ − (∂²L/∂θ∂w)(∂²L/∂w² + ε)⁻¹ ∂J/∂w` with the true second derivatives;
 * - `fsddpg`/`per-sample`: `∂J/∂θ − k1 (k2 + ε)⁻¹ ∂J/∂w`, `k1 = 2 g_θ g_w`, `k2 = 2 g_w²`, which on
 *   one scalar sample equals `g_θ · ε / (2 g_w² + ε)`;
 * - `fsddpg`/`listing`: `(1 + c)·∂J/∂θ`, `c = 2 g_w² / (2 g_w² + ε)` (the paper's code adds the
 *   correction).
 */
export function toyActorDirection(
  d: ToyDerivatives,
  method: ToyMethod,
  k1k2: ToyK1K2 | null,
  epsilon: number,
): ToyDirection {
  const g = d.dJdTheta;
  let direction: number;
  if (method === "gda") {
    direction = g;
  } else if (method === "sddpg") {
    direction = g - d.d2LdThetadW * d.dJdW / (d.d2LdW2 + epsilon);
  } else if (k1k2 === "listing") {
    const c = 2 * d.gW * d.gW / (2 * d.gW * d.gW + epsilon);
    direction = (1 + c) * g;
  } else {
    const k1 = 2 * d.gTheta * d.gW;
    const k2 = 2 * d.gW * d.gW;
    direction = g - k1 * d.dJdW / (k2 + epsilon);
  }
  return { direction, dJdTheta: g, correction: direction - g };
}

const KNOWN_KEYS = [
  "game",
  "method",
  "k1k2",
  "target",
  "lrActor",
  "lrCritic",
  "steps",
  "epsilon",
  "order",
  "start",
] as const;

/** Validates {@link ToyRunOptions} and fills in defaults; errors name the field and what is allowed. */
export function resolveToyOptions(options: ToyRunOptions): ToyRunConfig {
  if (typeof options !== "object" || options === null) {
    throw new ValidationError("runToy options", options, "an object");
  }
  const raw = options as unknown as Record<string, unknown>;
  checkKnownKeys("runToy", raw, KNOWN_KEYS);
  if (raw.game !== 1 && raw.game !== 2) throw new ValidationError("game", raw.game, "1 or 2");
  const game = raw.game as ToyGame;
  const methodName = checkChoice("method", raw.method, TOY_METHODS);
  const method: ToyMethod = methodName === "ddpg" ? "gda" : methodName as ToyMethod;
  let k1k2: ToyK1K2 | null = null;
  if (method === "fsddpg") {
    k1k2 = raw.k1k2 === undefined ? "listing" : checkChoice("k1k2", raw.k1k2, TOY_K1K2);
  } else if (raw.k1k2 !== undefined) {
    throw new ValidationError(
      "k1k2",
      raw.k1k2,
      `only with method "fsddpg" (method is "${method}")`,
    );
  }
  const target = checkChoice("target", raw.target, ["differentiated", "stop-gradient"] as const);
  const lrActor = checkNumber("lrActor", raw.lrActor, { min: 0, exclusiveMin: true });
  const lrCritic = checkNumber("lrCritic", raw.lrCritic, { min: 0, exclusiveMin: true });
  const steps = checkNumber("steps", raw.steps, { min: 1, max: 10_000_000, integer: true });
  const epsilon = raw.epsilon === undefined
    ? TOY_DEFAULT_EPSILON
    : checkNumber("epsilon", raw.epsilon, { min: 0, exclusiveMin: true });
  const order = raw.order === undefined
    ? "simultaneous"
    : checkChoice("order", raw.order, TOY_ORDERS);
  let start = TOY_GAMES[game].start;
  if (raw.start !== undefined) {
    const s = raw.start as Record<string, unknown>;
    if (typeof s !== "object" || s === null) {
      throw new ValidationError("start", raw.start, "an object { theta, w } of finite numbers");
    }
    checkKnownKeys("start", s, ["theta", "w"]);
    start = { theta: checkNumber("start.theta", s.theta), w: checkNumber("start.w", s.w) };
  }
  return { game, method, k1k2, target, lrActor, lrCritic, steps, epsilon, order, start };
}

/**
 * Runs `steps` updates of a toy game. Critic: `w ← w − α_w ∂L/∂w` (descent). Actor:
 * `θ ← θ + α_θ d` (ascent on J) with d from {@link toyActorDirection}. With `order: "simultaneous"`
 * (default) both use the same (θ, w); with `"critic-first"` the actor's direction is evaluated at
 * (θ, w_new).
 */
export function runToy(options: ToyRunOptions): ToyRunResult {
  const config = resolveToyOptions(options);
  const { game, method, k1k2, target, lrActor, lrCritic, steps, epsilon, order } = config;
  const n = steps + 1;
  const theta = new Float64Array(n).fill(NaN);
  const w = new Float64Array(n).fill(NaN);
  const distance = new Float64Array(n).fill(NaN);
  const loss = new Float64Array(n).fill(NaN);
  const j = new Float64Array(n).fill(NaN);
  const direction = new Float64Array(steps).fill(NaN);
  const dJdTheta = new Float64Array(steps).fill(NaN);
  let th = config.start.theta, ww = config.start.w;
  let nonFiniteAt: number | null = null;
  const record = (t: number) => {
    const d = toyDerivatives(game, th, ww, target);
    theta[t] = th;
    w[t] = ww;
    distance[t] = toyDistance(game, th, ww);
    loss[t] = d.l;
    j[t] = d.j;
    return d;
  };
  let here = record(0);
  for (let t = 0; t < steps; t++) {
    const wNew = ww - lrCritic * here.dLdW;
    const at = order === "simultaneous" ? here : toyDerivatives(game, th, wNew, target);
    const dir = toyActorDirection(at, method, k1k2, epsilon);
    direction[t] = dir.direction;
    dJdTheta[t] = dir.dJdTheta;
    th = th + lrActor * dir.direction;
    ww = wNew;
    if (!Number.isFinite(th) || !Number.isFinite(ww)) {
      nonFiniteAt = t + 1;
      break;
    }
    here = record(t + 1);
  }
  return {
    config,
    optimum: { ...TOY_GAMES[game].optimum },
    theta,
    w,
    distance,
    loss,
    j,
    direction,
    dJdTheta,
    nonFiniteAt,
  };
}
