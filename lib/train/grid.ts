/**
 * A grid of runs (several tasks × algorithms) trained by worker processes of `deno task train`,
 * each given one run's config; a stop signal to the parent stops every worker, each writing its
 * checkpoint.
 * @module
 */
import { listenForStop } from "./signals.ts";
import { storedFields, type TrainConfig } from "./config.ts";
import type { TrainResult } from "./loop.ts";

/** Exit codes of a worker stopped by a signal after writing its checkpoint (129, 130, 143). */
export const STOPPED_CODES = new Set([129, 130, 143]);

/**
 * Runs a grid of configs in up to `jobs` worker processes. A stop signal to this process is
 * forwarded to every worker (each writes its checkpoint; one that also got it from the terminal
 * takes the two as one request) and no further run starts. Each worker runs `script` (the train
 * CLI) with `--config <file>` holding its run's config.
 */
export async function runGrid(
  configs: TrainConfig[],
  jobs: number,
  script: string,
): Promise<number> {
  const dir = await Deno.makeTempDir({ prefix: "stackrl-grid-" });
  const results: { config: TrainConfig; code: number; result?: TrainResult }[] = [];
  let next = 0;
  const children = new Set<Deno.ChildProcess>();
  const stop = listenForStop({
    onStop: (signal) => {
      console.error(`\nStopping the grid on ${signal}: every running worker writes a checkpoint…`);
      for (const child of children) {
        try {
          child.kill(signal);
        } catch { /* already gone */ }
      }
    },
  });
  console.log(`Grid of ${configs.length} runs, ${Math.min(jobs, configs.length)} at a time.`);
  const worker = async () => {
    while (next < configs.length && !stop.signal.aborted) {
      const config = configs[next++];
      const file = `${dir}/${results.length}-${config.env}-${config.algo}.json`;
      await Deno.writeTextFile(
        file,
        JSON.stringify({
          ...storedFields(config),
          out: config.out,
          progressEvery: config.progressEvery,
        }),
      );
      const child = new Deno.Command(Deno.execPath(), {
        args: [
          "run",
          "--allow-read",
          "--allow-write",
          "--allow-env",
          "--allow-run",
          "--allow-sys",
          script,
          "--config",
          file,
        ],
        env: { STACKRL_TRAIN_WORKER: "1" },
        stdout: "piped",
        stderr: "inherit",
      }).spawn();
      children.add(child);
      const entry: { config: TrainConfig; code: number; result?: TrainResult } = {
        config,
        code: -1,
      };
      results.push(entry);
      const decoder = new TextDecoder();
      let buffer = "";
      for await (const chunk of child.stdout) {
        buffer += decoder.decode(chunk, { stream: true });
        let nl;
        while ((nl = buffer.indexOf("\n")) >= 0) {
          const line = buffer.slice(0, nl);
          buffer = buffer.slice(nl + 1);
          if (line.startsWith("STACKRL_RESULT ")) entry.result = JSON.parse(line.slice(15));
          else console.log(`[${config.env}/${config.algo}] ${line}`);
        }
      }
      entry.code = (await child.status).code;
      children.delete(child);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(jobs, configs.length) }, worker));
  } finally {
    stop.remove();
  }
  await Deno.remove(dir, { recursive: true }).catch(() => {});
  console.log("");
  for (const { config, code, result } of results) {
    const status = result?.status ?? (STOPPED_CODES.has(code) ? "interrupted" : "failed");
    console.log(
      `${config.env}/${config.algo}: ${status}${
        result ? ` best ${result.bestEval?.toFixed(1) ?? "-"} ${result.dir}` : ` (exit ${code})`
      }`,
    );
  }
  if (results.length < configs.length) {
    console.log(`${configs.length - results.length} runs not started.`);
  }
  const out = configs[0].out.replace(/\/+$/, "") || configs[0].out;
  console.log(`View them with: deno task serve${out === "runs" ? "" : ` --runs ${out}`}`);
  if (stop.received) return stop.exitCode();
  const stopped = results.find((r) => STOPPED_CODES.has(r.code));
  return results.every((r) => r.code === 0) ? 0 : stopped ? stopped.code : 1;
}
