/**
 * Stop signals of a training process: SIGINT (Ctrl-C), SIGTERM (`kill`, Slurm at its time limit,
 * Kubernetes and systemd on shutdown) and SIGHUP (the terminal closed). Each asks for the same
 * thing: write a checkpoint, mark the run interrupted, exit with 128 + the signal's number (the
 * shell's convention for a process ended by a signal: 129, 130, 143).
 *
 * The same stop request often arrives twice: a terminal signals its whole process group and a
 * parent that forwards signals to its workers sends them one more; Slurm signals every process of
 * a job step. So a repeat within {@link DUPLICATE_MS} of the first signal is ignored, and only a
 * later one counts as "stop now, without the checkpoint".
 * @module
 */

/** The stop signals and their numbers (signal(7), Linux and macOS alike). */
export const STOP_SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;

/** One of {@link STOP_SIGNALS}. */
export type StopSignal = keyof typeof STOP_SIGNALS;

/** A repeat of a stop signal within this many milliseconds is the same request delivered twice. */
export const DUPLICATE_MS = 1000;

/** What {@link listenForStop} returns. */
export interface StopListener {
  /** Aborted at the first stop signal. */
  readonly signal: AbortSignal;
  /** The first stop signal received, if any. */
  readonly received: StopSignal | undefined;
  /** 128 + the first signal's number, or `fallback` when none was received. */
  exitCode(fallback?: number): number;
  /** Stops listening (the signals' default actions return). Idempotent. */
  remove(): void;
}

/** Options of {@link listenForStop}. */
export interface StopOptions {
  /** The signals to listen for (default: all of {@link STOP_SIGNALS}). */
  signals?: readonly StopSignal[];
  /** Called once, at the first signal (after `signal` is aborted). */
  onStop?: (signal: StopSignal) => void;
  /** Called for a repeat that comes {@link DUPLICATE_MS} or more after the first signal. */
  onRepeat?: (signal: StopSignal) => void;
}

/** 128 + the number of `signal`: the exit code of a process stopped by it. */
export function signalExitCode(signal: StopSignal): number {
  return 128 + STOP_SIGNALS[signal];
}

/**
 * Listens for stop signals until `remove()`. Where signals are not supported (Windows for
 * SIGTERM and SIGHUP) those are skipped: the process then ends the default way, and the last
 * checkpoint stays loadable.
 *
 * @example
 * ```ts
 * import { listenForStop } from "./signals.ts";
 * const stop = listenForStop({ onStop: (s) => console.error(`stopping on ${s}`) });
 * try {
 *   // long work that checks stop.signal.aborted
 * } finally {
 *   stop.remove();
 * }
 * console.log(stop.exitCode(0)); // 0, or 130 after Ctrl-C, 143 after SIGTERM
 * ```
 */
export function listenForStop(options: StopOptions = {}): StopListener {
  const controller = new AbortController();
  let received: StopSignal | undefined;
  let firstAt = 0;
  const listeners: [StopSignal, () => void][] = [];
  for (const name of options.signals ?? (Object.keys(STOP_SIGNALS) as StopSignal[])) {
    const listener = () => {
      if (received === undefined) {
        received = name;
        firstAt = performance.now();
        controller.abort();
        options.onStop?.(name);
      } else if (performance.now() - firstAt >= DUPLICATE_MS) {
        options.onRepeat?.(name);
      }
    };
    try {
      Deno.addSignalListener(name, listener);
      listeners.push([name, listener]);
    } catch { /* unsupported on this platform */ }
  }
  return {
    signal: controller.signal,
    get received() {
      return received;
    },
    exitCode(fallback = 130) {
      return received === undefined ? fallback : signalExitCode(received);
    },
    remove() {
      for (const [name, listener] of listeners.splice(0)) {
        try {
          Deno.removeSignalListener(name, listener);
        } catch { /* see above */ }
      }
    },
  };
}
