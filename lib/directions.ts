/**
 * The tfjs reference's actor ascent direction, one function per algorithm family, with the same
 * names as the host path's (lib/fused/directions.ts; docs/algorithms.md maps the twelve
 * algorithms to them):
 * - gradient: ∂J/∂θ (DDPG, TD3, DDPG-TTSU);
 * - fast Stackelberg: ∂J/∂θ − k1 (k2 + εI)⁻¹ ∂J/∂w with k1, k2 from per-sample gradients, or the
 *   paper's listing, which builds them from the batch-mean gradient and adds the term;
 * - Stackelberg: ∂J/∂θ − (∂²L/∂θ∂w)(∂²L/∂w² + εI)⁻¹ ∂J/∂w with exact second derivatives by
 *   double back-propagation (residual terms kept).
 * k1 and k2 are never formed densely on the hot path: k1 v = (2/B) G_θᵀ(G_w v).
 * @module
 */
import { tf } from "./deps.ts";
import { type ActionScale, forward, perSampleGradients } from "./nets.ts";
import { conjugateGradient, solveSpd } from "./solvers.ts";
import { solveDense } from "./linalg.ts";

/** The pieces of an actor step, each `[P, n]`. */
export interface Direction {
  /** The ascent direction handed to the optimizer. */
  direction: tf.Tensor2D;
  /** ∂J/∂θ. */
  dJdTheta: tf.Tensor2D;
  /** ∂J/∂w. */
  dJdW: tf.Tensor2D;
  /** The Stackelberg term added to ∂J/∂θ (zero for gradient methods). */
  correction: tf.Tensor2D;
  /** J = mean_i Q(s_i, π(s_i)), `[P]`. */
  objective: tf.Tensor1D;
}

/** How `(k2 + εI)⁻¹` (or the true Hessian's inverse) is applied. */
export interface SolveOptions {
  solver: "block" | "cg" | "exact";
  degree: number;
  epsilon: number;
  cgIterations: number;
}

/**
 * FSDDPG, FSTD3, FSDDPG-CG, FSTD3-CG with k1, k2 from per-sample gradients (paper §4.1,
 * eq. (7); the block-diagonal inverse of §4.2, CG as in §4.3): with the per-sample gradient
 * matrices G_w `[B, n_w]` and G_θ `[B, n_θ]` of Q(s_i, π_θ(s_i)),
 * k1 = (2/B) G_θᵀ G_w, k2 = (2/B) G_wᵀ G_w, and
 * d = ∂J/∂θ − k1 (k2 + εI)⁻¹ ∂J/∂w.
 */
export function fastPerSampleDirection(
  actor: tf.Tensor[],
  critic: tf.Tensor[],
  observations: tf.Tensor3D,
  scale: ActionScale,
  solve: SolveOptions,
): Direction {
  return tf.tidy(() => {
    const { gw, gtheta, q } = perSampleGradients(actor, critic, observations, scale);
    const dJdW = tf.mean(gw, 1) as tf.Tensor2D;
    const dJdTheta = tf.mean(gtheta, 1) as tf.Tensor2D;
    const x = applyGaussNewtonInverse(gw, dJdW, solve);
    const correction = tf.mul(k1Times(gtheta, gw, x), -1) as tf.Tensor2D;
    return {
      direction: tf.add(dJdTheta, correction) as tf.Tensor2D,
      dJdTheta,
      dJdW,
      correction,
      objective: tf.reshape(tf.mean(q, 1), [-1]) as tf.Tensor1D,
    };
  });
}

/**
 * FSDDPG, FSTD3 and their CG forms as the paper's source listing computes them (Appendix I;
 * docs/algorithms.md "Equations vs. the paper's listing"): the gradients of the batch-mean Q,
 * one "sample" ḡ_w = ∂J/∂w, ḡ_θ = ∂J/∂θ, so k1 = 2 ḡ_θ ḡ_wᵀ, k2 = 2 ḡ_w ḡ_wᵀ, and the term is
 * added where eq. (7) subtracts it: d = ∂J/∂θ + k1 (k2 + εI)⁻¹ ∂J/∂w = (1 + 2 ḡ_w·x) ∂J/∂θ.
 */
export function fastListingDirection(
  actor: tf.Tensor[],
  critic: tf.Tensor[],
  observations: tf.Tensor3D,
  scale: ActionScale,
  solve: SolveOptions,
): Direction {
  return tf.tidy(() => {
    const { gw, gtheta, q } = perSampleGradients(actor, critic, observations, scale);
    const dJdW = tf.mean(gw, 1) as tf.Tensor2D;
    const dJdTheta = tf.mean(gtheta, 1) as tf.Tensor2D;
    const meanW = tf.expandDims(dJdW, 1) as tf.Tensor3D;
    const x = applyGaussNewtonInverse(meanW, dJdW, solve);
    // added, not subtracted as in eq. (7): the listing's sign
    const correction = k1Times(tf.expandDims(dJdTheta, 1) as tf.Tensor3D, meanW, x);
    return {
      direction: tf.add(dJdTheta, correction) as tf.Tensor2D,
      dJdTheta,
      dJdW,
      correction,
      objective: tf.reshape(tf.mean(q, 1), [-1]) as tf.Tensor1D,
    };
  });
}

/** k1 x = (2/B) G_θᵀ (G_w x), `[P, n_θ]`. */
export function k1Times(gtheta: tf.Tensor3D, gw: tf.Tensor3D, x: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const batch = gw.shape[1];
    const gwx = tf.matMul(gw, tf.expandDims(x, 2)); // [P, B, 1]
    const out = tf.matMul(gtheta, gwx, true, false); // [P, n_θ, 1]
    return tf.mul(tf.squeeze(out, [2]), 2 / batch) as tf.Tensor2D;
  });
}

/** k2 v + εv = (2/B) G_wᵀ (G_w v) + εv, `[P, n_w]`. */
export function k2Times(gw: tf.Tensor3D, v: tf.Tensor2D, epsilon: number): tf.Tensor2D {
  return tf.tidy(() => {
    const batch = gw.shape[1];
    const gwv = tf.matMul(gw, tf.expandDims(v, 2));
    const out = tf.squeeze(tf.matMul(gw, gwv, true, false), [2]);
    return tf.add(tf.mul(out, 2 / batch), tf.mul(v, epsilon)) as tf.Tensor2D;
  });
}

/** x ≈ (k2 + εI)⁻¹ rhs with k2 = (2/B) G_wᵀ G_w, by block-diagonal, CG or exact solve. */
export function applyGaussNewtonInverse(
  gw: tf.Tensor3D,
  rhs: tf.Tensor2D,
  solve: SolveOptions,
): tf.Tensor2D {
  return tf.tidy(() => {
    const [population, batch, n] = gw.shape;
    if (solve.solver === "cg") {
      return conjugateGradient((v) => k2Times(gw, v, solve.epsilon), rhs, solve.cgIterations);
    }
    const o = solve.solver === "exact" ? n : Math.min(solve.degree, n);
    if (o === 1) {
      const diag = tf.add(tf.mul(tf.sum(tf.square(gw), 1), 2 / batch), solve.epsilon);
      return tf.div(rhs, diag) as tf.Tensor2D;
    }
    const blocks = Math.ceil(n / o), padded = blocks * o;
    const gwPad = padded === n ? gw : tf.pad(gw, [[0, 0], [0, 0], [0, padded - n]]);
    const rhsPad = padded === n ? rhs : tf.pad(rhs, [[0, 0], [0, padded - n]]);
    const g = tf.reshape(
      tf.transpose(tf.reshape(gwPad, [population, batch, blocks, o]), [0, 2, 1, 3]),
      [population * blocks, batch, o],
    ) as tf.Tensor3D;
    const k = tf.add(
      tf.mul(tf.matMul(g, g, true, false), 2 / batch),
      tf.mul(tf.eye(o), solve.epsilon),
    );
    const x = solveSpd(
      k as tf.Tensor3D,
      tf.reshape(rhsPad, [population * blocks, o]) as tf.Tensor2D,
    );
    const flat = tf.reshape(x, [population, padded]);
    return (padded === n ? flat : tf.slice(flat, [0, 0], [-1, n])) as tf.Tensor2D;
  });
}

/**
 * DDPG, TD3, DDPG-TTSU (the deterministic policy gradient of the paper's eq. (4), §3):
 * d = ∂J/∂θ = (1/B) Σ_i J_π(s_i)ᵀ ∂_a Q_w(s_i, a)|_{a = π(s_i)}, by back-propagation.
 */
export function gradientDirection(
  actor: tf.Tensor[],
  critic: tf.Tensor[],
  observations: tf.Tensor3D,
  scale: ActionScale,
): Omit<Direction, "dJdW"> & { dJdW?: undefined } {
  return tf.tidy(() => {
    const [population, batch] = observations.shape;
    let objective: tf.Tensor1D | undefined;
    const grads = tf.grads((...theta: tf.Tensor[]) => {
      const q = criticQ(critic, observations, forward(theta, observations, scale).output);
      objective = tf.keep(tf.reshape(tf.mean(q, 1), [population]) as tf.Tensor1D);
      // summed over members so that each member's gradient is its own
      return tf.div(tf.sum(q), batch) as tf.Scalar;
    })(actor);
    const dJdTheta = flatten(grads, population);
    return {
      direction: dJdTheta,
      dJdTheta,
      correction: tf.zerosLike(dJdTheta) as tf.Tensor2D,
      objective: objective!,
    };
  });
}

/** Q_w(s, a) for `[P, B, obs]` and `[P, B, act]`: `[P, B, 1]`. */
export function criticQ(
  critic: tf.Tensor[],
  observations: tf.Tensor,
  actions: tf.Tensor,
): tf.Tensor3D {
  return forward(critic, tf.concat([observations, actions], 2) as tf.Tensor3D).output;
}

/** Flattens per-member tensors `[P, …]` into `[P, n]` in weight order. */
export function flatten(tensors: tf.Tensor[], population: number): tf.Tensor2D {
  return tf.concat(tensors.map((t) => tf.reshape(t, [population, -1])), 1) as tf.Tensor2D;
}

/** Splits `[P, n]` back into tensors shaped like `like`. */
export function unflatten(flat: tf.Tensor2D, like: tf.Tensor[]): tf.Tensor[] {
  const population = flat.shape[0];
  const sizes = like.map((t) => t.size / population);
  return tf.split(flat, sizes, 1).map((part, i) => tf.reshape(part, like[i].shape));
}

/**
 * SDDPG, SDDPG-CG, SDDPG-BD, STD3, STD3-CG (paper §3, eqs. (1)–(4), with the exact second
 * derivatives of §4.1, Proposition 1, eqs. (5)–(6)): with L = mean_i (Q_w(s_i, π_θ(s_i)) − y_i)²,
 * d = ∂J/∂θ − (∂²L/∂θ∂w)(∂²L/∂w² + εI)⁻¹ ∂J/∂w.
 * `targets` are the TD targets y_i `[P, B]`. The CG form multiplies by
 * ∂²L/∂w² through double back-propagation; exact and block forms build ∂²L/∂w² column by
 * column (n_w products, as costly as the paper reports) and solve in float64 on the host.
 */
export async function stackelbergDirection(
  actor: tf.Tensor[],
  critic: tf.Tensor[],
  observations: tf.Tensor3D,
  targets: tf.Tensor2D,
  scale: ActionScale,
  solve: SolveOptions,
): Promise<Direction> {
  const [population] = observations.shape;
  const base = fastPerSampleDirection(actor, critic, observations, scale, {
    ...solve,
    solver: "block",
    degree: 1,
  });
  tf.dispose(base.direction);
  tf.dispose(base.correction);
  const { dJdTheta, dJdW, objective } = base;
  let x: tf.Tensor2D;
  if (solve.solver === "cg") {
    x = conjugateGradient(
      (v) =>
        tf.tidy(() => {
          const { hww } = hessianVectorProduct(actor, critic, observations, targets, scale, v);
          return tf.add(hww, tf.mul(v, solve.epsilon)) as tf.Tensor2D;
        }),
      dJdW,
      solve.cgIterations,
    );
  } else {
    const n = dJdW.shape[1];
    const hessian = new Float64Array(population * n * n); // [P, n, n], column j filled per product
    for (let j = 0; j < n; j++) {
      const column = tf.tidy(() => {
        const unit = tf.tile(tf.reshape(tf.oneHot(tf.tensor1d([j], "int32"), n), [1, n]), [
          population,
          1,
        ]);
        return hessianVectorProduct(
          actor,
          critic,
          observations,
          targets,
          scale,
          unit as tf.Tensor2D,
        ).hww;
      });
      const values = await column.data();
      column.dispose();
      for (let p = 0; p < population; p++) {
        for (let i = 0; i < n; i++) hessian[p * n * n + i * n + j] = values[p * n + i];
      }
    }
    const rhs = await dJdW.data();
    const solution = new Float32Array(population * n);
    const o = solve.solver === "exact" ? n : Math.min(solve.degree, n);
    for (let p = 0; p < population; p++) {
      for (let start = 0; start < n; start += o) {
        const size = Math.min(o, n - start);
        const block = new Float64Array(size * size);
        const b = new Float64Array(size);
        for (let i = 0; i < size; i++) {
          b[i] = rhs[p * n + start + i];
          for (let k = 0; k < size; k++) {
            block[i * size + k] = hessian[p * n * n + (start + i) * n + start + k] +
              (i === k ? solve.epsilon : 0);
          }
        }
        const xb = solveDense(block, b, size);
        for (let i = 0; i < size; i++) solution[p * n + start + i] = xb[i];
      }
    }
    x = tf.tensor2d(solution, [population, n]);
  }
  const { htw } = hessianVectorProduct(actor, critic, observations, targets, scale, x);
  const correction = tf.neg(htw) as tf.Tensor2D;
  htw.dispose();
  x.dispose();
  const direction = tf.add(dJdTheta, correction) as tf.Tensor2D;
  return { direction, dJdTheta, dJdW, correction, objective };
}

/**
 * (∂²L/∂w² v, ∂²L/∂θ∂w v) for L = mean_i (Q_w(s_i, π_θ(s_i)) − y_i)² per member, by
 * differentiating ∂L/∂w · v once more (tfjs records its gradient ops for that).
 */
export function hessianVectorProduct(
  actor: tf.Tensor[],
  critic: tf.Tensor[],
  observations: tf.Tensor3D,
  targets: tf.Tensor2D,
  scale: ActionScale,
  v: tf.Tensor2D,
): { hww: tf.Tensor2D; htw: tf.Tensor2D } {
  return tf.tidy(() => {
    const [population, batch] = observations.shape;
    const nTheta = actor.length;
    const loss = (...params: tf.Tensor[]) => {
      const theta = params.slice(0, nTheta), w = params.slice(nTheta);
      const q = criticQ(w, observations, forward(theta, observations, scale).output);
      const delta = tf.sub(tf.reshape(q, [population, batch]), targets);
      return tf.div(tf.sum(tf.square(delta)), batch) as tf.Scalar;
    };
    const directional = (...params: tf.Tensor[]) => {
      const theta = params.slice(0, nTheta), w = params.slice(nTheta);
      const gradW = tf.grads((...wInner: tf.Tensor[]) => loss(...theta, ...wInner))(w);
      return tf.sum(tf.mul(flatten(gradW, population), v)) as tf.Scalar;
    };
    const second = tf.grads(directional)([...actor, ...critic]);
    return {
      htw: flatten(second.slice(0, nTheta), population),
      hww: flatten(second.slice(nTheta), population),
    };
  });
}
