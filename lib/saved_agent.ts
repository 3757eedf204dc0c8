/**
 * The saved-agent format (`stackrl-agent/1`): a folder with `agent.json` (config, counters,
 * random-stream states, the package versions that wrote it, and the tensor index) and
 * `tensors.bin` (every state tensor, float32, in the checkpoint order of
 * lib/update/contract.ts `stateNames`), written atomically (lib/atomic.ts). `Agent.save` and
 * `loadAgent` (lib/agent.ts) use it; lib/export/ reads the actor from it directly.
 * @module
 */
import { writeDirAtomic } from "./atomic.ts";
import {
  type AgentConfig,
  type AgentOptions,
  type Algorithm,
  applicableHyperparameters,
  resolveConfig,
  STRUCTURAL_KEYS,
} from "./config.ts";
import { VERSIONS } from "./deps.ts";
import { ValidationError } from "./errors.ts";
import type { Rng } from "./rng.ts";
import type { TensorName } from "./update/contract.ts";

/** The format name in `agent.json`. */
export const AGENT_FORMAT = "stackrl-agent/1";

/** What `agent.json` holds. */
export interface SavedMeta {
  format: string;
  config: AgentConfig;
  updates: number;
  actorSteps: number;
  criticSteps: number;
  rng: { exploration: Rng["state"][]; smoothing: Rng["state"][] };
  /** Package versions of the writer (absent in folders written before they were recorded). */
  versions?: Record<string, string>;
  tensors: { name: string; shape: number[]; offset: number }[];
}

/** Writes `dir` atomically: `meta` (format, versions and index added) and the tensors' values. */
export async function writeSavedAgent(
  dir: string,
  meta: Omit<SavedMeta, "format" | "versions" | "tensors">,
  names: readonly TensorName[],
  values: readonly Float32Array[],
): Promise<void> {
  const index: SavedMeta["tensors"] = [];
  let total = 0;
  names.forEach(({ name, shape }, i) => {
    index.push({ name, shape, offset: total });
    total += values[i].length;
  });
  const blob = new Float32Array(total);
  values.forEach((v, i) => blob.set(v, index[i].offset));
  const full: SavedMeta = {
    format: AGENT_FORMAT,
    ...meta,
    versions: { ...VERSIONS },
    tensors: index,
  };
  await writeDirAtomic(dir, {
    "agent.json": JSON.stringify(full, null, 1),
    "tensors.bin": new Uint8Array(blob.buffer),
  });
}

/** Reads `dir` (clear errors for a missing folder, bad JSON or another format). */
export async function readSavedAgent(
  dir: string,
): Promise<{ meta: SavedMeta; blob: Float32Array }> {
  let text: string;
  try {
    text = await Deno.readTextFile(`${dir}/agent.json`);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) {
      throw new ValidationError(
        "dir",
        dir,
        "a folder written by agent.save() or a run's checkpoints/last or checkpoints/best (it has no agent.json)",
      );
    }
    throw error;
  }
  let meta: SavedMeta;
  try {
    meta = JSON.parse(text) as SavedMeta;
  } catch {
    throw new ValidationError(`${dir}/agent.json`, `${text.slice(0, 40)}…`, "complete JSON");
  }
  if (meta.format !== AGENT_FORMAT) {
    throw new ValidationError(`${dir}/agent.json: format`, meta.format, `"${AGENT_FORMAT}"`);
  }
  const bytes = await Deno.readFile(`${dir}/tensors.bin`);
  const blob = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  return { meta, blob };
}

/** The saved tensors' values in `names` order, checked against the names and shapes expected. */
export function savedTensors(
  meta: SavedMeta,
  blob: Float32Array,
  names: readonly TensorName[],
): Float32Array[] {
  if (names.length !== meta.tensors.length) {
    throw new Error("agent.json: tensor list does not match the config");
  }
  return names.map(({ name, shape }, i) => {
    const entry = meta.tensors[i];
    if (entry.name !== name || JSON.stringify(entry.shape) !== JSON.stringify(shape)) {
      throw new Error(
        `agent.json: tensor ${i} is ${entry.name} ${
          JSON.stringify(entry.shape)
        }, expected ${name} ${JSON.stringify(shape)}`,
      );
    }
    const size = shape.reduce((a, b) => a * b, 1);
    if (entry.offset + size > blob.length) {
      // a cut-short file would otherwise load short arrays and fail later, far from the cause
      throw new Error(
        `tensors.bin: holds ${blob.length} values, but ${name} ends at ${
          entry.offset + size
        } (cut short?)`,
      );
    }
    return blob.subarray(entry.offset, entry.offset + size);
  });
}

/**
 * The saved config, validated again, with `backend`, `implementation`, `precision` and `threads` from
 * `overrides` where given.
 */
export function savedConfig(
  meta: SavedMeta,
  overrides: Partial<Pick<AgentConfig, "backend" | "implementation" | "precision" | "threads">>,
): AgentConfig {
  const { algo, ...rest } = meta.config;
  return resolveConfig(algo, {
    ...savedOptions(rest, algo),
    backend: overrides.backend ?? rest.backend,
    implementation: overrides.implementation ?? rest.implementation,
    precision: overrides.precision ?? rest.precision,
    threads: overrides.threads ?? rest.threads,
  });
}

/** The saved config's options that apply to its algorithm (others were defaults). */
function savedOptions(config: Omit<AgentConfig, "algo">, algo: Algorithm): AgentOptions {
  const keep = new Set<string>([...STRUCTURAL_KEYS, ...applicableHyperparameters(algo)]);
  return Object.fromEntries(
    Object.entries(config).filter(([k]) => keep.has(k)),
  ) as unknown as AgentOptions;
}
