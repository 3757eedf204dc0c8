/**
 * Policies that leave stackrl: one population member's deterministic actor as an ONNX model
 * (onnx.ts) or a TensorFlow.js LayersModel (tfjs.ts), from a live agent or a checkpoint folder.
 * Both compute `mid + half·tanh(actor(observation))` as `agent.act(obs, { explore: false })` does.
 * @module
 */
import type { Agent } from "../agent.ts";
import { writeDirAtomic, writeFileAtomic } from "../atomic.ts";
import { checkChoice, ValidationError } from "../errors.ts";
import { actorSnapshot } from "./_actor.ts";
import { onnxModel } from "./onnx.ts";
import { type TfjsFiles, tfjsModel } from "./tfjs.ts";

export { ONNX_IR_VERSION, ONNX_OPSET } from "./onnx.ts";
export { TFJS_WEIGHTS_FILE, type TfjsFiles } from "./tfjs.ts";

/** Export formats: `onnx` (one `.onnx` file) and `tfjs` (a LayersModel folder). */
export const EXPORT_FORMATS = ["onnx", "tfjs"] as const;
/** One of {@link EXPORT_FORMATS}. */
export type ExportFormat = typeof EXPORT_FORMATS[number];

/** Options of {@link exportPolicy}. */
export interface ExportOptions<F extends ExportFormat = ExportFormat> {
  /** `onnx` or `tfjs`. */
  format: F;
  /** The population member to export, from 0 (default 0). */
  member?: number;
}

/**
 * What {@link exportPolicy} returns: the ONNX model's bytes, or the files of a tfjs LayersModel
 * (`model.json` and its weights), keyed by file name.
 */
export type ExportedPolicy<F extends ExportFormat = ExportFormat> = F extends "onnx"
  ? Uint8Array<ArrayBuffer>
  : TfjsFiles;

/**
 * Exports member `member`'s deterministic policy (observation `[batch, obs]` → action
 * `[batch, act]`, float32) from `source`: an {@link Agent} or a folder written by `agent.save`,
 * such as `runs/<id>/checkpoints/best`.
 *
 * ONNX: input `observation`, output `action`, a dynamic `batch` dimension, opset 13; `MatMul` +
 * `Add` per layer, `Relu` on hidden layers, `Tanh` then `mid + half·tanh` on the output.
 * tfjs: `model.json` and `group1-shard1of1.bin`, loadable with `tf.loadLayersModel`. Both record
 * the algorithm, member, population and action bounds as metadata.
 *
 * @param source An agent, or the path of a checkpoint folder.
 * @param options The format and the member.
 * @returns The ONNX bytes, or the tfjs files by name.
 * @throws {ValidationError} for an unknown format, a member outside the population, or a folder
 * that is not a checkpoint.
 *
 * @example Export member 1 of a population to ONNX and write it
 * ```ts
 * import { createAgent } from "../agent.ts";
 * import { exportPolicy, writePolicy } from "./mod.ts";
 * const agent = await createAgent("td3", { observationSize: 3, actionSize: 1, population: 2 });
 * const bytes = await exportPolicy(agent, { format: "onnx", member: 1 });
 * await writePolicy(await Deno.makeTempFile({ suffix: ".onnx" }), bytes);
 * agent.dispose();
 * ```
 */
export async function exportPolicy<F extends ExportFormat>(
  source: Agent | string,
  options: ExportOptions<F>,
): Promise<ExportedPolicy<F>> {
  if (typeof options !== "object" || options === null) {
    throw new ValidationError("options", options, `{ format: "onnx" | "tfjs", member?: number }`);
  }
  const format = checkChoice("format", options.format, EXPORT_FORMATS);
  const actor = await actorSnapshot(source, options.member);
  return (format === "onnx" ? onnxModel(actor) : await tfjsModel(actor)) as ExportedPolicy<F>;
}

/**
 * Writes what {@link exportPolicy} returned to `path`: the ONNX bytes as one file, the tfjs files
 * into a folder (created, or replaced whole). Parent folders are created. Each write goes to a
 * temporary name beside `path` first and is renamed into place, so a reader never sees half a
 * model.
 *
 * @param path The `.onnx` file, or the tfjs model's folder.
 * @param exported The result of {@link exportPolicy}.
 * @returns Once the file or folder is in place.
 *
 * @example Write a tfjs model folder
 * ```ts
 * import { createAgent } from "../agent.ts";
 * import { exportPolicy, writePolicy } from "./mod.ts";
 * const agent = await createAgent("ddpg", { observationSize: 3, actionSize: 1 });
 * const dir = `${await Deno.makeTempDir()}/policy`;
 * await writePolicy(dir, await exportPolicy(agent, { format: "tfjs" }));
 * // dir/model.json and dir/group1-shard1of1.bin
 * agent.dispose();
 * ```
 */
export async function writePolicy(path: string, exported: ExportedPolicy): Promise<void> {
  const parent = path.replace(/\/+$/, "").split("/").slice(0, -1).join("/");
  if (parent) await Deno.mkdir(parent, { recursive: true });
  if (exported instanceof Uint8Array) await writeFileAtomic(path, exported);
  else {
    await writeDirAtomic(path.replace(/\/+$/, ""), {
      "model.json": exported["model.json"],
      "group1-shard1of1.bin": exported["group1-shard1of1.bin"],
    });
  }
}
