/**
 * ONNX export of one actor: observation `[batch, obs]` in, action `[batch, act]` out, float32.
 *
 * The graph is the actor of lib/nets.ts written out node by node: per layer `MatMul` (kernel
 * `[in, out]`, so no transpose) and `Add` (bias), `Relu` after hidden layers, `Tanh` after the
 * last, then `Mul` by `half` and `Add` of `mid` (a = mid + half·tanh(z)). Opset 13 (ONNX 1.8,
 * IR version 7) has every one of these operators with float32 and broadcasting, so any runtime
 * that supports ONNX 1.8 or later loads the file; nothing newer is needed.
 * @module
 */
import { onnx, type onnxTypes } from "./deps.ts";
import type { ActorSnapshot } from "./_actor.ts";

/** The ONNX operator set the graph is written against. */
export const ONNX_OPSET = 13;
/** The ONNX IR version that goes with {@link ONNX_OPSET} (ONNX 1.8). */
export const ONNX_IR_VERSION = 7;

/** A float32 initializer; `raw_data` is little-endian by the ONNX spec (onnx.proto TensorProto). */
function floatTensor(name: string, dims: number[], values: Float32Array): onnxTypes.ITensorProto {
  const raw = new Uint8Array(values.length * 4);
  const view = new DataView(raw.buffer);
  values.forEach((v, i) => view.setFloat32(4 * i, v, true));
  return { name, dims, dataType: onnx.TensorProto.DataType.FLOAT, rawData: raw };
}

/** A float32 `[batch, width]` graph input or output with a symbolic batch dimension. */
function batchOf(name: string, width: number, doc: string): onnxTypes.IValueInfoProto {
  return {
    name,
    docString: doc,
    type: {
      tensorType: {
        elemType: onnx.TensorProto.DataType.FLOAT,
        shape: { dim: [{ dimParam: "batch" }, { dimValue: width }] },
      },
    },
  };
}

/** The serialized ONNX `ModelProto` of `actor`. */
export function onnxModel(actor: ActorSnapshot): Uint8Array<ArrayBuffer> {
  const nodes: onnxTypes.INodeProto[] = [];
  const initializers: onnxTypes.ITensorProto[] = [];
  const node = (opType: string, input: string[], output: string) =>
    nodes.push({ name: `${output}/${opType}`, opType, input, output: [output] });
  let h = "observation";
  actor.layers.forEach((layer, l) => {
    const last = l === actor.layers.length - 1;
    initializers.push(
      floatTensor(`actor.${l}.kernel`, [layer.inputs, layer.outputs], layer.kernel),
      floatTensor(`actor.${l}.bias`, [layer.outputs], layer.bias),
    );
    node("MatMul", [h, `actor.${l}.kernel`], `layer${l}.matmul`);
    node("Add", [`layer${l}.matmul`, `actor.${l}.bias`], `layer${l}.z`);
    node(last ? "Tanh" : "Relu", [`layer${l}.z`], last ? "tanh" : `layer${l}.relu`);
    h = last ? "tanh" : `layer${l}.relu`;
  });
  const A = actor.mid.length;
  initializers.push(
    floatTensor("action.half", [A], actor.half),
    floatTensor("action.mid", [A], actor.mid),
  );
  node("Mul", ["tanh", "action.half"], "scaled");
  node("Add", ["scaled", "action.mid"], "action");
  const O = actor.sizes[0];
  const model = onnx.ModelProto.create({
    irVersion: ONNX_IR_VERSION,
    opsetImport: [{ domain: "", version: ONNX_OPSET }],
    producerName: "stackrl",
    producerVersion: "stackrl-agent/1",
    docString: `Deterministic policy of member ${actor.member} of ${actor.population} ` +
      `(${actor.algo}, ${actor.updates} updates): action = mid + half·tanh(actor(observation)).`,
    graph: {
      name: "stackrl_actor",
      node: nodes,
      initializer: initializers,
      input: [batchOf("observation", O, `observations, ${O} per row`)],
      output: [batchOf("action", A, `actions within [action_low, action_high], ${A} per row`)],
    },
    metadataProps: Object.entries(metadata(actor)).map(([key, value]) => ({ key, value })),
  });
  // copy out: protobufjs may hand back a view into a pooled Node Buffer
  return new Uint8Array(onnx.ModelProto.encode(model).finish());
}

/** What the exported files record about the policy (ONNX metadata_props, tfjs user metadata). */
export function metadata(actor: ActorSnapshot): Record<string, string> {
  return {
    "stackrl.algo": actor.algo,
    "stackrl.member": String(actor.member),
    "stackrl.population": String(actor.population),
    "stackrl.updates": String(actor.updates),
    "stackrl.layer_sizes": JSON.stringify(actor.sizes),
    "stackrl.action_low": JSON.stringify(actor.actionLow),
    "stackrl.action_high": JSON.stringify(actor.actionHigh),
  };
}
