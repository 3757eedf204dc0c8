/**
 * Multi-layer perceptrons with a leading population axis P on every parameter and batch
 * (docs/design.md §6), and their closed-form per-sample gradients (docs/algorithms.md).
 *
 * Parameters of one network are a flat list `[W1, b1, W2, b2, …]` with kernels `[P, in, out]`
 * and biases `[P, out]`; flattened "weight order" is the same list, each tensor row-major.
 * Hidden layers use ReLU. The actor's output is `mid + half·tanh(z)` so it spans the action
 * bounds; the critic's input is `[observation, action]` and its output is linear.
 * @module
 */
import { tf } from "./deps.ts";
import { checkVector, ValidationError } from "./errors.ts";
import type { Rng } from "./rng.ts";

/** Layer widths from input to output, e.g. `[17, 16, 16, 6]`. */
export type LayerSizes = readonly number[];

/** Number of scalars in one member's parameters. */
export function parameterCount(sizes: LayerSizes): number {
  let n = 0;
  for (let l = 0; l + 1 < sizes.length; l++) n += sizes[l] * sizes[l + 1] + sizes[l + 1];
  return n;
}

/** Shapes `[P, in, out]`, `[P, out]` of each parameter tensor, in weight order. */
export function parameterShapes(sizes: LayerSizes, population: number): number[][] {
  const shapes: number[][] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    shapes.push([population, sizes[l], sizes[l + 1]], [population, sizes[l + 1]]);
  }
  return shapes;
}

/**
 * PyTorch `nn.Linear` default initialisation: kernel and bias uniform in ±1/√fan_in, drawn
 * from each member's own generator so member p equals a single-agent run with that seed.
 * Returns one Float32Array per parameter tensor, population-major.
 */
export function initialParameters(sizes: LayerSizes, rngs: readonly Rng[]): Float32Array[] {
  const population = rngs.length;
  const out = parameterShapes(sizes, population).map((shape) =>
    new Float32Array(shape.reduce((a, b) => a * b, 1))
  );
  for (let p = 0; p < population; p++) {
    const rng = rngs[p];
    for (let l = 0; l + 1 < sizes.length; l++) {
      const fanIn = sizes[l], fanOut = sizes[l + 1];
      const bound = 1 / Math.sqrt(fanIn);
      const kernel = out[2 * l], bias = out[2 * l + 1];
      for (let i = 0; i < fanIn * fanOut; i++) {
        kernel[p * fanIn * fanOut + i] = (2 * rng.uniform() - 1) * bound;
      }
      for (let j = 0; j < fanOut; j++) bias[p * fanOut + j] = (2 * rng.uniform() - 1) * bound;
    }
  }
  return out;
}

/** The trained weights at initialisation: the actor's, then each critic's, from the same generators. */
export function initialWeights(
  actorSizes: LayerSizes,
  criticSizes: LayerSizes,
  critics: number,
  rngs: readonly Rng[],
): Float32Array[] {
  let out = initialParameters(actorSizes, rngs);
  for (let c = 0; c < critics; c++) out = out.concat(initialParameters(criticSizes, rngs));
  return out;
}

/** A named tensor of the trained networks, population axis first. */
export interface NamedWeights {
  /** `actor/<layer>/kernel`, `actor/<layer>/bias`, `critic1/…`, `critic2/…` (TD3 family). */
  name: string;
  /** `[P, in, out]` for kernels, `[P, out]` for biases. */
  shape: number[];
  /** Row-major values. */
  values: Float32Array;
}

/** Checks `weights` against the names and shapes `expected` (`weights` as typed by a user). */
export function checkNamedWeights(
  weights: NamedWeights[],
  expected: readonly { name: string; shape: number[] }[],
): void {
  if (!Array.isArray(weights) || weights.length !== expected.length) {
    throw new ValidationError(
      "weights",
      weights,
      `${expected.length} tensors: ${expected.map((e) => e.name).join(", ")}`,
    );
  }
  weights.forEach((w, i) => {
    const e = expected[i];
    if (w.name !== e.name || JSON.stringify(w.shape) !== JSON.stringify(e.shape)) {
      throw new ValidationError(
        `weights[${i}]`,
        `${w.name} ${JSON.stringify(w.shape)}`,
        `${e.name} with shape ${JSON.stringify(e.shape)}`,
      );
    }
    checkVector(`weights[${i}].values`, w.values, e.shape.reduce((a, b) => a * b, 1));
  });
}

/** Activations of a forward pass, kept for the closed-form backward pass. */
export interface Forward {
  /** Inputs of each layer: `inputs[0]` is the network input, `inputs[l]` = relu(z_l). */
  inputs: tf.Tensor3D[];
  /** Pre-activations z_l of each layer; the last one is the output before any squashing. */
  preActivations: tf.Tensor3D[];
  /** The network output (after the actor's tanh scaling, if any). */
  output: tf.Tensor3D;
}

/** Action scaling of the actor's output: `a = mid + half·tanh(z)`, both `[act]`. */
export interface ActionScale {
  mid: tf.Tensor1D;
  half: tf.Tensor1D;
}

/** Forward pass over `[P, B, in]`; `scale` turns on the actor's tanh output. */
export function forward(params: tf.Tensor[], x: tf.Tensor3D, scale?: ActionScale): Forward {
  const layers = params.length / 2;
  const inputs: tf.Tensor3D[] = [x];
  const preActivations: tf.Tensor3D[] = [];
  let h = x;
  for (let l = 0; l < layers; l++) {
    const z = tf.add(
      tf.matMul(h, params[2 * l] as tf.Tensor3D),
      tf.expandDims(params[2 * l + 1], 1),
    ) as tf.Tensor3D;
    preActivations.push(z);
    if (l + 1 < layers) {
      h = tf.relu(z);
      inputs.push(h);
    } else {
      h = scale ? tf.add(scale.mid, tf.mul(scale.half, tf.tanh(z))) as tf.Tensor3D : z;
    }
  }
  return { inputs, preActivations, output: h };
}

/**
 * Back-propagates `outputDelta` (∂q/∂z_L, `[P, B, out]`) per sample. Returns the per-sample
 * gradient rows `[P, B, n]` in weight order and ∂q/∂input `[P, B, in]`.
 */
export function perSampleBackward(
  params: tf.Tensor[],
  fwd: Forward,
  outputDelta: tf.Tensor3D,
): { gradients: tf.Tensor3D; inputGradient: tf.Tensor3D } {
  const layers = params.length / 2;
  const [population, batch] = outputDelta.shape;
  const pieces: tf.Tensor[] = new Array(2 * layers);
  let delta = outputDelta;
  for (let l = layers - 1; l >= 0; l--) {
    const input = fwd.inputs[l];
    const fanIn = input.shape[2], fanOut = delta.shape[2];
    // per-sample kernel gradient: outer(input_i, delta_i), flattened row-major [in, out]
    const outer = tf.mul(tf.expandDims(input, 3), tf.expandDims(delta, 2));
    pieces[2 * l] = tf.reshape(outer, [population, batch, fanIn * fanOut]);
    pieces[2 * l + 1] = delta;
    const back = tf.matMul(delta, params[2 * l] as tf.Tensor3D, false, true) as tf.Tensor3D;
    delta = l > 0 ? tf.mul(back, tf.step(fwd.preActivations[l - 1])) as tf.Tensor3D : back;
  }
  return { gradients: tf.concat(pieces, 2) as tf.Tensor3D, inputGradient: delta };
}

/** Per-sample gradients of Q_w(s, π_θ(s)) and the quantities built from them. */
export interface PerSample {
  /** G_w: `[P, B, n_w]`, row i = ∂Q_w(s_i, π_θ(s_i))/∂w. */
  gw: tf.Tensor3D;
  /** G_θ: `[P, B, n_θ]`, row i = (∂π_θ/∂θ)ᵀ ∂_a Q_w(s_i, a). */
  gtheta: tf.Tensor3D;
  /** Q_w(s_i, π_θ(s_i)): `[P, B, 1]`. */
  q: tf.Tensor3D;
}

/** Closed-form, batched per-sample gradients G_w and G_θ of Q_w(s, π_θ(s)) (no sample loop). */
export function perSampleGradients(
  actor: tf.Tensor[],
  critic: tf.Tensor[],
  observations: tf.Tensor3D,
  scale: ActionScale,
): PerSample {
  const actorFwd = forward(actor, observations, scale);
  const criticFwd = forward(critic, tf.concat([observations, actorFwd.output], 2) as tf.Tensor3D);
  const [population, batch] = observations.shape;
  const ones = tf.ones([population, batch, 1]) as tf.Tensor3D;
  const criticBack = perSampleBackward(critic, criticFwd, ones);
  const obsSize = observations.shape[2];
  const actSize = actorFwd.output.shape[2];
  const dqda = tf.slice(criticBack.inputGradient, [0, 0, obsSize], [-1, -1, actSize]);
  const tanhZ = tf.tanh(actorFwd.preActivations[actorFwd.preActivations.length - 1]);
  const actorDelta = tf.mul(tf.mul(dqda, scale.half), tf.sub(1, tf.square(tanhZ))) as tf.Tensor3D;
  const actorBack = perSampleBackward(actor, actorFwd, actorDelta);
  return { gw: criticBack.gradients, gtheta: actorBack.gradients, q: criticFwd.output };
}

/**
 * Plain-JavaScript forward pass of one member's actor, used for acting: weights come from a
 * host copy, so acting never waits on the device. `out` receives `mid + half·tanh(z)`.
 */
export function actorForwardHost(
  sizes: LayerSizes,
  params: readonly Float32Array[],
  member: number,
  observation: ArrayLike<number>,
  offset: number,
  mid: Float32Array,
  half: Float32Array,
  out: Float32Array,
  outOffset: number,
): void {
  let h: Float64Array = Float64Array.from({ length: sizes[0] }, (_, i) => observation[offset + i]);
  const layers = sizes.length - 1;
  for (let l = 0; l < layers; l++) {
    const fanIn = sizes[l], fanOut = sizes[l + 1];
    const kernel = params[2 * l], bias = params[2 * l + 1];
    const kBase = member * fanIn * fanOut, bBase = member * fanOut;
    const z = new Float64Array(fanOut);
    for (let j = 0; j < fanOut; j++) z[j] = bias[bBase + j];
    for (let i = 0; i < fanIn; i++) {
      const hi = h[i];
      if (hi === 0) continue;
      const row = kBase + i * fanOut;
      for (let j = 0; j < fanOut; j++) z[j] += hi * kernel[row + j];
    }
    if (l + 1 < layers) { for (let j = 0; j < fanOut; j++) z[j] = z[j] > 0 ? z[j] : 0; }
    h = z;
  }
  for (let j = 0; j < h.length; j++) out[outOffset + j] = mid[j] + half[j] * Math.tanh(h[j]);
}

/**
 * The deterministic actions of P members' actors for `observations` (`[P·k, obs]`, member p's
 * k rows together), from host copies of the actor's tensors (`actorForwardHost` per row).
 */
export function policyActions(
  sizes: LayerSizes,
  actor: readonly Float32Array[],
  observations: Float32Array,
  P: number,
  mid: Float32Array,
  half: Float32Array,
): Float32Array {
  const O = sizes[0], A = sizes[sizes.length - 1], rows = observations.length / O;
  const out = new Float32Array(rows * A);
  for (let r = 0; r < rows; r++) {
    const member = Math.floor(r / (rows / P));
    actorForwardHost(sizes, actor, member, observations, r * O, mid, half, out, r * A);
  }
  return out;
}
