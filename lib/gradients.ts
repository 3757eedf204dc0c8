/**
 * Second-order-correct gradients for tfjs ops whose stock gradient reuses the op's output.
 *
 * tfjs differentiates its own gradient functions to get second derivatives; tanh's stock
 * gradient saves its output y and returns dy·(1 − y²), which drops the dependence of y on x
 * under a second differentiation (docs/design.md §13). We re-register it to save the input and
 * recompute tanh(x), once per process; a float64 regression test pins it.
 * @module
 */
import { tf } from "./deps.ts";

let installed = false;

/** Re-registers tanh's gradient so Hessian-vector products through it are exact. */
export function installSecondOrderGradients(): void {
  if (installed) return;
  installed = true;
  const warn = console.warn;
  console.warn = () => {}; // tfjs warns when a gradient is overridden; that is the intent here
  try {
    tf.registerGradient({
      kernelName: "Tanh",
      inputsToSave: ["x"],
      gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
        const [x] = saved;
        return {
          x: () => tf.mul(dy as tf.Tensor, tf.sub(tf.scalar(1), tf.square(tf.tanh(x)))),
        };
      },
    });
  } finally {
    console.warn = warn;
  }
}
