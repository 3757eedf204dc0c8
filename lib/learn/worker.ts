/**
 * The /learn page's training worker: receives `start` with the settings, trains with
 * {@link LearnSession} (the same agent, replay, environments and schedule as `deno task train`)
 * and posts rows, progress, rollouts and checkpoints (lib/learn/protocol.ts). `pause`, `resume`
 * and `stop` act between environment steps; the loop hands the event loop a turn every ~50 ms so
 * that they arrive while it trains. The same module runs in a browser (bundled by
 * lib/learn/bundle.ts) and in a Deno worker (tests/learn_worker_test.ts).
 * @module
 */
import { simdKernels } from "../fused/simd.ts";
import { storedFields } from "../train/config.ts";
import type { MetricRow } from "../store/run_store.ts";
import { LearnSession, resolveLearnConfig } from "./trainer.ts";
import type { FromWorker, ToWorker } from "./protocol.ts";

const scope = globalThis as unknown as {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
};

function post(message: FromWorker, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

let started = false;
let stopped = false;
let resumeWaiters: (() => void)[] | null = null;
let lastTurn = 0;

/** A macrotask turn, so that queued messages (pause, stop) are handled. */
function turn(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === "start" && !started) {
    started = true;
    start(message.input).catch((error) => {
      post({ type: "error", message: (error as Error)?.message ?? String(error) });
    });
  } else if (message.type === "pause") {
    resumeWaiters ??= [];
  } else if (message.type === "resume") {
    const waiters = resumeWaiters ?? [];
    resumeWaiters = null;
    for (const w of waiters) w();
  } else if (message.type === "stop") {
    stopped = true;
    const waiters = resumeWaiters ?? [];
    resumeWaiters = null;
    for (const w of waiters) w();
  }
};

async function start(input: ToWorker & { type: "start" } extends { input: infer I } ? I : never) {
  const config = resolveLearnConfig(input);
  const session = await LearnSession.create(config);
  try {
    post({
      type: "ready",
      config: storedFields(config),
      runtime: { backend: session.agent.backend, implementation: session.agent.implementation },
      simd: simdKernels() !== null,
    });
    let pending: MetricRow[] = [];
    const flush = () => {
      if (pending.length === 0) return;
      post({ type: "rows", rows: pending });
      pending = [];
    };
    const status = await session.run({
      rows: (rows) => {
        pending.push(...rows);
        if (rows.some((r) => r.type === "eval")) flush();
      },
      progress: (progress) => {
        flush();
        post({ type: "progress", progress });
      },
      rollout: (label, text) => post({ type: "rollout", label, step: session.stepsDone, text }),
      checkpoint: (name, files) => {
        const tensors = files["tensors.bin"] as Uint8Array;
        post({
          type: "checkpoint",
          name,
          step: session.stepsDone,
          agentJson: String(files["agent.json"]),
          trainerJson: String(files["trainer.json"]),
          tensors,
        }, [tensors.buffer as ArrayBuffer]);
      },
      turn: () => {
        const now = performance.now();
        if (now - lastTurn < 50) return;
        lastTurn = now;
        return turn();
      },
      paused: () => {
        if (resumeWaiters) return new Promise<void>((resolve) => resumeWaiters!.push(resolve));
      },
      stopped: () => stopped,
    });
    flush();
    post({
      type: "done",
      status,
      progress: {
        stepsDone: session.stepsDone,
        stepsTotal: config.steps,
        stepsPerSecond: 0,
        etaSeconds: 0,
        bestEval: session.bestEval,
        phase: status === "finished" ? "done" : "stopped",
        wallTime: session.wallTime,
      },
    });
  } finally {
    session.dispose();
  }
}
