/**
 * What `deno task train` prints while a run trains: a live bar on a terminal, a plain line every
 * few seconds otherwise (a log file, a cluster job).
 * @module
 */
import { formatDuration } from "./format.ts";
import type { TrainProgress } from "./loop.ts";

function formatEval(p: TrainProgress): string {
  const evals = p.lastEval.map((e) => (e === null ? "-" : e.toFixed(1)));
  return `eval ${evals.length > 4 ? `${evals.slice(0, 4).join(" ")} …` : evals.join(" ")}` +
    (p.bestEval === null ? "" : ` best ${p.bestEval.toFixed(1)}`);
}

/** Progress display: a live bar on a terminal, a plain line every `every` seconds otherwise. */
export function progressPrinter(
  every: number,
): { onProgress: (p: TrainProgress) => void; finish: () => void } {
  const tty = Deno.stdout.isTerminal();
  const encoder = new TextEncoder();
  let lastLine = 0;
  let drawn = false;
  return {
    onProgress(p) {
      const pct = (100 * p.stepsDone) / p.stepsTotal;
      const rate = `${p.stepsPerSecond.toFixed(0)} steps/s`;
      if (tty) {
        const width = 24;
        const filled = Math.round((width * p.stepsDone) / p.stepsTotal);
        const bar = "#".repeat(filled) + "-".repeat(width - filled);
        const line = `[${bar}] ${p.stepsDone}/${p.stepsTotal} ${pct.toFixed(0)}% ${rate} ETA ${
          formatDuration(p.etaSeconds)
        } ${formatEval(p)} ${p.phase === "learning" || p.phase === "random" ? "" : p.phase}`;
        Deno.stdout.writeSync(
          encoder.encode(`\r\x1b[2K${line.slice(0, (Deno.consoleSize?.().columns ?? 120) - 1)}`),
        );
        drawn = true;
      } else {
        const now = performance.now();
        if (now - lastLine < every * 1000 && p.phase !== "done") return;
        lastLine = now;
        console.log(
          `[${p.id}] step ${p.stepsDone}/${p.stepsTotal} (${pct.toFixed(1)}%) ${rate} ETA ${
            formatDuration(p.etaSeconds)
          } ${formatEval(p)}`,
        );
      }
    },
    finish() {
      if (tty && drawn) Deno.stdout.writeSync(encoder.encode("\n"));
    },
  };
}
