/**
 * TensorFlow.js export of one actor: a `LayersModel` (`tf.loadLayersModel` loads it) in the
 * format tfjs writes itself, `model.json` plus one weights file.
 *
 * A Sequential of `Dense` layers: ReLU on the hidden ones, tanh on the last, then one more
 * `Dense` (linear) with a diagonal kernel `diag(half)` and bias `mid`, which computes
 * `mid + half·tanh(z)` exactly (the off-diagonal products are zeros). The scaling cannot be
 * folded into the last layer's weights because it comes after the tanh, and a `Lambda` layer
 * would not survive serialisation (tfjs-layers has none that does), so the model stays
 * custom-free and loads in any tfjs 4 page.
 * @module
 */
import { tf } from "../deps.ts";
import type { ActorSnapshot } from "./_actor.ts";
import { metadata } from "./onnx.ts";

/** The weights file's name, as tfjs names a model's single shard. */
export const TFJS_WEIGHTS_FILE = "group1-shard1of1.bin";

/** The two files of a tfjs LayersModel: the topology and manifest, and the float32 weights. */
export interface TfjsFiles {
  /** The model topology and weights manifest (tfjs `ModelJSON`). */
  "model.json": string;
  /** Every weight, float32 little-endian, in the order of the manifest. */
  "group1-shard1of1.bin": Uint8Array<ArrayBuffer>;
}

/** The tfjs LayersModel files of `actor` (uses the active tfjs backend briefly to build it). */
export async function tfjsModel(actor: ActorSnapshot): Promise<TfjsFiles> {
  await tf.ready();
  const A = actor.mid.length;
  const model = tf.sequential({ name: "stackrl_actor" });
  const kernels: tf.Tensor[] = [];
  try {
    actor.layers.forEach((layer, l) => {
      const last = l === actor.layers.length - 1;
      model.add(tf.layers.dense({
        units: layer.outputs,
        activation: last ? "tanh" : "relu",
        // names fix the weight names in the manifest; tfjs's defaults count up per process
        name: last ? "output" : `hidden${l + 1}`,
        ...(l === 0 ? { inputShape: [layer.inputs] } : {}),
      }));
      kernels.push(
        tf.tensor2d(layer.kernel, [layer.inputs, layer.outputs]),
        tf.tensor1d(layer.bias),
      );
    });
    model.add(tf.layers.dense({ units: A, activation: "linear", name: "action_scale" }));
    const diagonal = new Float32Array(A * A);
    for (let j = 0; j < A; j++) diagonal[j * A + j] = actor.half[j];
    kernels.push(tf.tensor2d(diagonal, [A, A]), tf.tensor1d(actor.mid));
    model.setWeights(kernels);
    let artifacts: tf.io.ModelArtifacts | undefined;
    await model.save(tf.io.withSaveHandler((a) => {
      artifacts = a;
      return Promise.resolve({
        modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: "JSON" },
      });
    }));
    const saved = artifacts!;
    const modelJson: tf.io.ModelJSON = {
      modelTopology: saved.modelTopology as object,
      format: saved.format,
      generatedBy: saved.generatedBy,
      convertedBy: "stackrl",
      weightsManifest: [{ paths: [TFJS_WEIGHTS_FILE], weights: saved.weightSpecs! }],
      userDefinedMetadata: { stackrl: metadata(actor) },
    };
    return {
      "model.json": JSON.stringify(modelJson),
      "group1-shard1of1.bin": new Uint8Array(tf.io.CompositeArrayBuffer.join(saved.weightData!)),
    };
  } finally {
    tf.dispose(kernels);
    model.dispose();
  }
}
