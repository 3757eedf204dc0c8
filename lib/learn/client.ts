/**
 * Browser-side helpers of the /learn page (islands/LearnPage.tsx) that need no DOM: what the
 * browser lacks, the checkpoint download (a tar archive of the folder `loadAgent` reads) and the
 * "Save to runs" payload (lib/learn/save_run.ts checks it on the server). Imports nothing heavy.
 * @module
 */
import type { MetricRow } from "../store/run_store.ts";
import type { CheckpointMessage } from "./protocol.ts";

/** The smallest module using a v128 instruction (the usual WebAssembly SIMD probe). */
const SIMD_PROBE = new Uint8Array([
  0,
  97,
  115,
  109,
  1,
  0,
  0,
  0,
  1,
  5,
  1,
  96,
  0,
  1,
  123,
  3,
  2,
  1,
  0,
  10,
  10,
  1,
  8,
  0,
  65,
  0,
  253,
  15,
  253,
  98,
  11,
]);

/** What this runtime lacks for the page to train (empty: nothing). */
export function missingFeatures(scope: Record<string, unknown> = globalThis): string[] {
  const missing: string[] = [];
  if (typeof scope.Worker !== "function") missing.push("Web Workers");
  const wasm = scope.WebAssembly as typeof WebAssembly | undefined;
  if (!wasm || typeof wasm.validate !== "function") missing.push("WebAssembly");
  else if (!wasm.validate(SIMD_PROBE)) missing.push("WebAssembly SIMD");
  return missing;
}

/** A ustar archive of `files` (path → content), each under `folder/`. */
export function tarArchive(folder: string, files: Record<string, Uint8Array | string>): Uint8Array {
  const encoder = new TextEncoder();
  const blocks: Uint8Array[] = [];
  const header = (name: string, size: number, type: "0" | "5") => {
    const h = new Uint8Array(512);
    const put = (text: string, offset: number, length: number) =>
      h.set(encoder.encode(text).subarray(0, length), offset);
    const octal = (n: number, length: number) => n.toString(8).padStart(length - 1, "0") + "\0";
    put(name, 0, 100);
    put(octal(type === "5" ? 0o755 : 0o644, 8), 100, 8);
    put(octal(0, 8), 108, 8);
    put(octal(0, 8), 116, 8);
    put(octal(size, 12), 124, 12);
    put(octal(Math.floor(Date.now() / 1000), 12), 136, 12);
    put("        ", 148, 8);
    put(type, 156, 1);
    put("ustar\0", 257, 6);
    put("00", 263, 2);
    const sum = h.reduce((a, b) => a + b, 0);
    put(sum.toString(8).padStart(6, "0") + "\0 ", 148, 8);
    return h;
  };
  blocks.push(header(`${folder}/`, 0, "5"));
  for (const [name, content] of Object.entries(files)) {
    const bytes = typeof content === "string" ? encoder.encode(content) : content;
    blocks.push(header(`${folder}/${name}`, bytes.byteLength, "0"), bytes);
    const pad = (512 - (bytes.byteLength % 512)) % 512;
    if (pad) blocks.push(new Uint8Array(pad));
  }
  blocks.push(new Uint8Array(1024));
  const out = new Uint8Array(blocks.reduce((a, b) => a + b.byteLength, 0));
  let offset = 0;
  for (const b of blocks) {
    out.set(b, offset);
    offset += b.byteLength;
  }
  return out;
}

/** The files of a checkpoint message, as a run's `checkpoints/<name>/` holds them. */
export function checkpointFiles(c: CheckpointMessage): Record<string, Uint8Array | string> {
  return { "agent.json": c.agentJson, "tensors.bin": c.tensors, "trainer.json": c.trainerJson };
}

/** Base64 of `bytes` (in slices, so large tensors do not overflow the argument list). */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** What the page has of a run, to save. */
export interface PageRun {
  /** The settings as config.json stores them (the worker's `ready` message). */
  config: Record<string, unknown>;
  /** What ran the updates. */
  runtime: { backend: string; implementation: string };
  /** Whether the run spent its budget (else it was stopped). */
  finished: boolean;
  /** Environment steps done per member. */
  stepsDone: number;
  /** Best evaluation (null: none yet). */
  bestEval: number | null;
  /** Seconds of training. */
  wallTime: number;
  /** Every metric row so far. */
  rows: MetricRow[];
  /** Rollouts by label. */
  rollouts: Map<string, string>;
  /** The latest checkpoint of each name. */
  checkpoints: Map<"last" | "best", CheckpointMessage>;
}

/** The "stackrl-learn-run/1" payload of `POST /api/learn/save`. */
export function savePayload(run: PageRun, name?: string): Record<string, unknown> {
  const checkpoints: Record<string, unknown> = {};
  for (const [key, c] of run.checkpoints) {
    checkpoints[key] = {
      agentJson: c.agentJson,
      trainerJson: c.trainerJson,
      tensors: toBase64(c.tensors),
    };
  }
  return {
    format: "stackrl-learn-run/1",
    ...(name ? { name } : {}),
    config: run.config,
    runtime: run.runtime,
    status: {
      status: run.finished ? "finished" : "interrupted",
      stepsDone: run.stepsDone,
      bestEval: run.bestEval,
      wallTime: Math.round(run.wallTime * 1000) / 1000,
    },
    metrics: run.rows,
    rollouts: Object.fromEntries([...run.rollouts].filter(([label]) => label !== "latest")),
    checkpoints,
  };
}
