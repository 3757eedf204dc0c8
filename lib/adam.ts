/**
 * Adam (Kingma & Ba) over tfjs variables, with PyTorch's defaults (β₁ 0.9, β₂ 0.999, ε 1e-8).
 * Elementwise, so a population axis on the variables gives P independent optimizers. The state
 * is explicit so that it can be checkpointed.
 * @module
 */
import { tf } from "./deps.ts";
import { ADAM } from "./adam_constants.ts";

const { beta1: BETA1, beta2: BETA2, epsilon: EPS } = ADAM;

/** Adam moments and step count for one list of variables. */
export class Adam {
  readonly m: tf.Variable[];
  readonly v: tf.Variable[];
  step = 0;

  constructor(readonly variables: tf.Variable[], public learningRate: number) {
    this.m = variables.map((x) => tf.variable(tf.zerosLike(x), false));
    this.v = variables.map((x) => tf.variable(tf.zerosLike(x), false));
  }

  /** One descent step along `gradients` (same order and shapes as the variables). */
  apply(gradients: tf.Tensor[]): void {
    this.step++;
    const c1 = 1 - BETA1 ** this.step, c2 = 1 - BETA2 ** this.step;
    tf.tidy(() => {
      gradients.forEach((g, i) => {
        const m = tf.add(tf.mul(this.m[i], BETA1), tf.mul(g, 1 - BETA1));
        const v = tf.add(tf.mul(this.v[i], BETA2), tf.mul(tf.square(g), 1 - BETA2));
        const denom = tf.add(tf.sqrt(tf.div(v, c2)), EPS);
        const delta = tf.div(tf.mul(m, this.learningRate / c1), denom);
        this.variables[i].assign(tf.sub(this.variables[i], delta));
        this.m[i].assign(m);
        this.v[i].assign(v);
      });
    });
  }

  dispose(): void {
    for (const t of [...this.m, ...this.v]) t.dispose();
  }
}

/** targ ← (1 − τ)·targ + τ·source, for each pair. */
export function polyakUpdate(targets: tf.Variable[], sources: tf.Tensor[], tau: number): void {
  tf.tidy(() => {
    targets.forEach((t, i) => t.assign(tf.add(tf.mul(t, 1 - tau), tf.mul(sources[i], tau))));
  });
}
