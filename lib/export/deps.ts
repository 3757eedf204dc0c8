/**
 * The one place that names npm packages for policy export. Specifiers are fully qualified and
 * pinned (as in lib/deps.ts) so that `mod.ts` works when imported by URL, without our deno.json.
 *
 * `onnx-proto` is the ONNX protobuf schema (onnx.proto) compiled by protobufjs into JavaScript
 * message classes with TypeScript types: the most used npm package for writing ONNX messages, and
 * it keeps the wire format out of our hands (field numbers, packing, int64 encoding). It is kept
 * out of lib/deps.ts so that training never loads protobufjs.
 * @module
 */
import onnxProto from "npm:onnx-proto@8.0.1";

/**
 * The `onnx` namespace of onnx.proto: `ModelProto`, `GraphProto`, `TensorProto`, …, each with
 * `create` and `encode`. The package is CommonJS (`module.exports = $root`), which gives no
 * named ES exports, hence the default import.
 */
export const onnx: typeof onnxProto.onnx = onnxProto.onnx;
/** The message interfaces of {@link onnx} (`onnxTypes.ITensorProto`, …), for annotations. */
export type { onnx as onnxTypes } from "npm:onnx-proto@8.0.1";
