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
  type: "checkpoint";
  name: "last" | "best";
  step: number;
  agentJson: string;
  trainerJson: string;
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
