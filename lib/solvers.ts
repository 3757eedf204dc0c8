/**
 * Batched linear solves used by the Stackelberg actor steps, as tfjs ops so they stay on the
 * device: Gauss–Jordan elimination for small symmetric positive definite blocks, and
 * conjugate gradient with a caller-supplied matrix-vector product.
 * @module
 */
import { tf } from "./deps.ts";

/**
 * Solves `K x = rhs` for a batch of SPD matrices `K [N, o, o]`, `rhs [N, o]` by Gauss–Jordan
 * elimination without pivoting (safe for SPD). o elimination steps of a few ops each.
 */
export function solveSpd(k: tf.Tensor3D, rhs: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const o = k.shape[1];
    // augmented [N, o, o+1]
    let a = tf.concat([k, tf.expandDims(rhs, 2)], 2) as tf.Tensor3D;
    const rowIndex = tf.range(0, o, 1, "int32");
    for (let c = 0; c < o; c++) {
      const pivotRow = tf.slice(a, [0, c, 0], [-1, 1, -1]); // [N, 1, o+1]
      const pivot = tf.slice(a, [0, c, c], [-1, 1, 1]); // [N, 1, 1]
      const column = tf.slice(a, [0, 0, c], [-1, -1, 1]); // [N, o, 1]
      // eliminate column c from every row but the pivot row
      const notPivot = tf.reshape(tf.cast(tf.notEqual(rowIndex, c), "float32"), [1, o, 1]);
      const factor = tf.mul(tf.div(column, pivot), notPivot);
      a = tf.sub(a, tf.mul(factor, pivotRow)) as tf.Tensor3D;
    }
    const diagonal = tf.sum(tf.mul(tf.slice(a, [0, 0, 0], [-1, -1, o]), tf.eye(o)), 2);
    const last = tf.reshape(tf.slice(a, [0, 0, o], [-1, -1, 1]), [-1, o]);
    return tf.div(last, diagonal) as tf.Tensor2D;
  });
}

/**
 * Conjugate gradient on `A x = b` for a batch of independent systems (`b [P, n]`), with a
 * fixed number of iterations and x₀ = 0. `multiply(v)` returns `A v` for `v [P, n]`.
 * Guards against 0/0 once a system has converged exactly.
 */
export function conjugateGradient(
  multiply: (v: tf.Tensor2D) => tf.Tensor2D,
  b: tf.Tensor2D,
  iterations: number,
): tf.Tensor2D {
  return tf.tidy(() => {
    let x = tf.zerosLike(b) as tf.Tensor2D;
    let r = b;
    let p = b;
    let rr = tf.sum(tf.mul(r, r), 1, true);
    for (let it = 0; it < iterations; it++) {
      const ap = multiply(p);
      const alpha = tf.divNoNan(rr, tf.sum(tf.mul(p, ap), 1, true));
      x = tf.add(x, tf.mul(alpha, p)) as tf.Tensor2D;
      r = tf.sub(r, tf.mul(alpha, ap)) as tf.Tensor2D;
      const rrNext = tf.sum(tf.mul(r, r), 1, true);
      const beta = tf.divNoNan(rrNext, rr);
      p = tf.add(r, tf.mul(beta, p)) as tf.Tensor2D;
      rr = rrNext;
    }
    return x;
  });
}
