/**
 * The messages between the /learn page (islands/LearnPage.tsx) and its training worker
 * (lib/learn/worker.ts). Everything is structured-cloneable; checkpoint bytes are transferred.
 * @module
 */
import type { TrainInput } from "../train/config.ts";
import type { MetricRow } from "../store/run_store.ts";
import type { LearnProgress } from "./trainer.ts";

/** What the page sends. */
export type ToWorker =
  | { type: "start"; input: TrainInput }
  | { type: "pause" }
  | { type: "resume" }
  | { type: "stop" };

/** A checkpoint as sent: `agent.json` and `trainer.json` text, `tensors.bin` bytes. */
export interface CheckpointMessage {
  /** The message's kind. */
  type: "checkpoint";
  /** `last` (every checkpointEvery steps, at the end and at a stop) or `best`. */
  name: "last" | "best";
  /** Environment steps done per member when it was taken. */
  step: number;
  /** `agent.json` as `agent.save` writes it. */
  agentJson: string;
  /** `trainer.json` (lib/train/checkpoint.ts `TrainerState`). */
  trainerJson: string;
  /** `tensors.bin`. */
  tensors: Uint8Array;
}

/** What the worker sends. */
export type FromWorker =
  | {
    type: "ready";
    /** The resolved settings, as config.json stores them (lib/train/config.ts `storedFields`). */
    config: Record<string, unknown>;
    /** The update implementation and tfjs backend in use. */
    runtime: { backend: string; implementation: string };
    /** Whether the fused kernels run on WebAssembly SIMD (else plain JavaScript). */
    simd: boolean;
  }
  | { type: "progress"; progress: LearnProgress }
  | { type: "rows"; rows: MetricRow[] }
  | { type: "rollout"; label: string; step: number; text: string }
  | CheckpointMessage
  | { type: "done"; status: "finished" | "stopped"; progress: LearnProgress }
  | { type: "error"; message: string };
