/**
 * One population member's actor, read from a live {@link Agent} or from a checkpoint folder,
 * in the layout of lib/nets.ts: kernels `[in, out]` row-major, biases `[out]`, ReLU between
 * layers and `mid + half·tanh(z)` on the output.
 * @module
 */
import type { Agent } from "../agent.ts";
import type { AgentConfig } from "../config.ts";
import { checkNumber, ValidationError } from "../errors.ts";

/** One dense layer of the actor: `z = x·kernel + bias`. */
export interface DenseLayer {
  /** Input width. */
  inputs: number;
  /** Output width. */
  outputs: number;
  /** `[inputs, outputs]`, row-major. */
  kernel: Float32Array;
  /** `[outputs]`. */
  bias: Float32Array;
}

/** The deterministic policy of one member, with what an exported file records about it. */
export interface ActorSnapshot {
  /** Layer widths `[obs, …hidden, act]`. */
  sizes: number[];
  /** Dense layers from input to output; ReLU after all but the last. */
  layers: DenseLayer[];
  /** `(low + high) / 2` per action, rounded to float32 as the agent does. */
  mid: Float32Array;
  /** `(high - low) / 2` per action, rounded to float32 as the agent does. */
  half: Float32Array;
  /** Action bounds. */
  actionLow: number[];
  /** Action bounds. */
  actionHigh: number[];
  /** The algorithm that trained it. */
  algo: string;
  /** The member exported. */
  member: number;
  /** Members in the population. */
  population: number;
  /** Updates the agent had performed. */
  updates: number;
}

/** A saved tensor's entry in `agent.json` (written by `Agent.save`). */
interface SavedEntry {
  name: string;
  shape: number[];
  offset: number;
}

const SOURCE_ALLOWED =
  "an Agent, or a folder written by agent.save() such as a run's checkpoints/best or checkpoints/last (with agent.json and tensors.bin)";

/** The actor of member `member` (default 0) of `source`. */
export async function actorSnapshot(
  source: Agent | string,
  member: number | undefined,
): Promise<ActorSnapshot> {
  if (typeof source === "string") return await readCheckpointActor(source, member);
  if (typeof source !== "object" || source === null || typeof source.getWeights !== "function") {
    throw new ValidationError("source", source, SOURCE_ALLOWED);
  }
  const named = new Map(source.getWeights().map((w) => [w.name, w.values]));
  return snapshot(source.config, source.updates, member, (name) => named.get(name));
}

/**
 * Reads the actor straight from `agent.json` and `tensors.bin` rather than through `loadAgent`:
 * exporting then needs no tfjs backend (loading would switch the process's backend, which the
 * UI server and a training process share) and allocates no critics or optimizer state.
 */
async function readCheckpointActor(
  dir: string,
  member: number | undefined,
): Promise<ActorSnapshot> {
  let meta: { format?: unknown; config?: AgentConfig; updates?: number; tensors?: SavedEntry[] };
  let bytes: Uint8Array;
  try {
    meta = JSON.parse(await Deno.readTextFile(`${dir}/agent.json`));
    bytes = await Deno.readFile(`${dir}/tensors.bin`);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound || error instanceof SyntaxError) {
      throw new ValidationError("source", dir, SOURCE_ALLOWED);
    }
    throw error;
  }
  if (meta.format !== "stackrl-agent/1" || !meta.config || !Array.isArray(meta.tensors)) {
    throw new ValidationError(`${dir}/agent.json: format`, meta.format, `"stackrl-agent/1"`);
  }
  // copy: a Uint8Array's offset need not be a multiple of 4
  const blob = new Float32Array(bytes.slice().buffer, 0, Math.floor(bytes.byteLength / 4));
  const entries = new Map(meta.tensors.map((e) => [e.name, e]));
  return snapshot(meta.config, meta.updates ?? 0, member, (name) => {
    const e = entries.get(name);
    if (!e) return undefined;
    const size = e.shape.reduce((a, b) => a * b, 1);
    if (e.offset + size > blob.length) {
      throw new ValidationError(`${dir}/tensors.bin`, `${bytes.byteLength} bytes`, "complete");
    }
    return blob.subarray(e.offset, e.offset + size);
  });
}

/** Slices member `member` out of the population tensors `actor/<l>/{kernel,bias}`. */
function snapshot(
  config: AgentConfig,
  updates: number,
  member: number | undefined,
  tensor: (name: string) => Float32Array | undefined,
): ActorSnapshot {
  const P = config.population;
  const p = checkNumber("member", member ?? 0, { min: 0, max: P - 1, integer: true });
  const sizes = [config.observationSize, ...config.hidden, config.actionSize];
  const layers: DenseLayer[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const inputs = sizes[l], outputs = sizes[l + 1];
    const kernel = tensor(`actor/${l}/kernel`), bias = tensor(`actor/${l}/bias`);
    if (!kernel || kernel.length !== P * inputs * outputs || !bias || bias.length !== P * outputs) {
      throw new Error(`agent: actor layer ${l} is missing or not [${P}, ${inputs}, ${outputs}]`);
    }
    layers.push({
      inputs,
      outputs,
      kernel: kernel.slice(p * inputs * outputs, (p + 1) * inputs * outputs),
      bias: bias.slice(p * outputs, (p + 1) * outputs),
    });
  }
  const low = [...config.actionLow], high = [...config.actionHigh];
  return {
    sizes,
    layers,
    // the same float32 rounding as the Agent constructor, so exported actions match act()
    mid: Float32Array.from(low, (lo, i) => (lo + high[i]) / 2),
    half: Float32Array.from(low, (lo, i) => (high[i] - lo) / 2),
    actionLow: low,
    actionHigh: high,
    algo: config.algo,
    member: p,
    population: P,
    updates,
  };
}
