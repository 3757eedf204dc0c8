/**
 * A grid of runs (several tasks × algorithms) trained by worker processes of `deno task train`,
 * each given one run's config; a stop signal to the parent stops every worker, each writing its
 * checkpoint, and no further run starts.
 *
 * A grid has a name (`--name`, or `grid-<8 hex>` from its settings, so that the same command
 * names the same grid) and a manifest, `<out>/<name>.grid.json` ({@link GridManifest}, written
 * atomically): its runs (`<name>-<env>-<algo>`), each one's config and last known status. Running
 * the same command again, or `--resume <name>`, skips the finished runs, resumes the others from
 * their checkpoints and starts the ones never started (docs/design.md §8).
 * @module
 */
import { writeFileAtomic } from "../atomic.ts";
import { listenForStop } from "./signals.ts";
import { resolveTrainConfig, storedFields, type TrainConfig, type TrainInput } from "./config.ts";
import { FileError, readJsonFile } from "./files.ts";
import type { TrainResult } from "./loop.ts";

/** Exit codes of a worker stopped by a signal after writing its checkpoint (129, 130, 143). */
export const STOPPED_CODES = new Set([129, 130, 143]);

/** The manifest's format name. */
export const GRID_FORMAT = "stackrl-grid/1";

/** A run's status as the grid last saw it. */
export type GridRunStatus = "pending" | "running" | "finished" | "interrupted" | "failed";

/** One run of a grid in its manifest. */
export interface GridRun {
  /** The run's id (its folder under the runs folder). */
  id: string;
  env: string;
  algo: string;
  status: GridRunStatus;
  /** The worker's exit code, once one has ended. */
  exitCode?: number;
  stepsDone?: number;
  bestEval?: number | null;
  /** The run's fields as config.json stores them (and `progressEvery`). */
  config: Record<string, unknown>;
}

/** `<out>/<name>.grid.json`. */
export interface GridManifest {
  format: typeof GRID_FORMAT;
  name: string;
  createdAt: string;
  updatedAt: string;
  runs: GridRun[];
}

/** The manifest file of grid `name` in the runs folder `out`. */
export function gridFile(out: string, name: string): string {
  return `${out.replace(/\/+$/, "") || "."}/${name}.grid.json`;
}

/** A run's fields as the manifest keeps them (the runs folder is the manifest's). */
function runFields(config: TrainConfig): Record<string, unknown> {
  return { ...storedFields(config), progressEvery: config.progressEvery };
}

/**
 * The grid's name: the `--name` its runs were named from (cli/train.ts names them
 * `<name>-<env>-<algo>`), else `grid-` and 8 hex digits of the SHA-256 of every run's settings.
 */
export async function gridName(configs: TrainConfig[]): Promise<string> {
  const c = configs[0];
  const suffix = `-${c.env}-${c.algo}`;
  if (c.name?.endsWith(suffix) && c.name.length > suffix.length) {
    return c.name.slice(0, -suffix.length);
  }
  const settings = configs.map((config) => {
    const { name: _name, ...fields } = storedFields(config);
    return fields;
  });
  const bytes = new TextEncoder().encode(JSON.stringify(settings));
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return `grid-${[...digest.slice(0, 4)].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
}

/** Reads a grid manifest (one {@link FileError} line if it is not one). */
export async function readGridManifest(file: string): Promise<GridManifest> {
  const manifest = await readJsonFile(file) as GridManifest;
  if (
    manifest === null || typeof manifest !== "object" || manifest.format !== GRID_FORMAT ||
    typeof manifest.name !== "string" || !Array.isArray(manifest.runs)
  ) {
    throw new FileError(file, `not a grid manifest (format "${GRID_FORMAT}")`);
  }
  return manifest;
}

/** The configs of the runs of the grid whose manifest is `file` (for `--resume <grid>`). */
export async function gridConfigs(file: string): Promise<TrainConfig[]> {
  const manifest = await readGridManifest(file);
  const out = file.split("/").slice(0, -1).join("/") || ".";
  return manifest.runs.map((run, i) => {
    try {
      return resolveTrainConfig({ ...run.config, name: run.id, out } as TrainInput);
    } catch (error) {
      throw new FileError(file, `runs[${i}]: ${(error as Error).message}`);
    }
  });
}

/** What is on disk of run `dir`: finished (with its status.json), there to resume, or not started. */
async function runOnDisk(
  dir: string,
): Promise<{ disk: "finished" | "resume" | "new"; stepsDone?: number; bestEval?: number | null }> {
  try {
    const status = JSON.parse(await Deno.readTextFile(`${dir}/status.json`));
    if (status?.status === "finished") {
      return { disk: "finished", stepsDone: status.stepsDone, bestEval: status.bestEval };
    }
  } catch { /* none, or damaged: the resume says which */ }
  try {
    await Deno.stat(`${dir}/config.json`);
    return { disk: "resume" };
  } catch {
    return { disk: "new" };
  }
}

/**
 * Runs a grid of configs in up to `jobs` worker processes, keeping its manifest. A stop signal to
 * this process is forwarded to every worker (each writes its checkpoint; one that also got it
 * from the terminal takes the two as one request) and no further run starts. Each worker runs
 * `script` (the train CLI) with `--config <file>` holding its run's config, or `--resume <run>`
 * for a run already on disk; a finished run is skipped. Returns the exit code: 0 when every run
 * finished, 128 + the signal's number when stopped, else a worker's failing code.
 */
export async function runGrid(
  configs: TrainConfig[],
  jobs: number,
  script: string,
): Promise<number> {
  const name = await gridName(configs);
  const out = configs[0].out.replace(/\/+$/, "") || configs[0].out;
  const file = gridFile(out, name);
  configs = configs.map((c) => ({ ...c, name: c.name ?? `${name}-${c.env}-${c.algo}` }));
  let existing: GridManifest | undefined;
  try {
    await Deno.stat(file);
    existing = await readGridManifest(file);
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
  const same = (fields: Record<string, unknown>) => {
    const { progressEvery: _p, ...rest } = fields;
    return JSON.stringify(rest);
  };
  if (
    existing &&
    JSON.stringify(existing.runs.map((r) => same(r.config))) !==
      JSON.stringify(configs.map((c) => same(runFields(c))))
  ) {
    throw new FileError(
      file,
      `grid "${name}" exists with other settings: resume it with --resume ${name}, or pick another --name`,
    );
  }
  const now = new Date().toISOString();
  const manifest: GridManifest = {
    format: GRID_FORMAT,
    name,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
    runs: [],
  };
  const plan: { config: TrainConfig; run: GridRun; mode: "resume" | "new" }[] = [];
  for (const [i, config] of configs.entries()) {
    const dir = `${out}/${config.name}`;
    const { disk, ...done } = await runOnDisk(dir);
    const before = { ...existing?.runs[i], ...done };
    const run: GridRun = {
      id: config.name!,
      env: config.env,
      algo: config.algo,
      status: disk === "finished"
        ? "finished"
        : disk === "new"
        ? "pending"
        : before.status === "failed"
        ? "failed"
        : "interrupted",
      ...(before.exitCode !== undefined ? { exitCode: before.exitCode } : {}),
      ...(before.stepsDone !== undefined ? { stepsDone: before.stepsDone } : {}),
      ...(before.bestEval !== undefined ? { bestEval: before.bestEval } : {}),
      config: runFields(config),
    };
    manifest.runs.push(run);
    if (disk !== "finished") plan.push({ config, run, mode: disk });
  }
  // one write at a time, each replacing the whole file
  let writing = Promise.resolve();
  const save = () => {
    manifest.updatedAt = new Date().toISOString();
    const text = JSON.stringify(manifest, null, 2) + "\n";
    writing = writing.then(() => writeFileAtomic(file, text, { mkdir: true }));
    return writing;
  };
  await save();

  const temp = await Deno.makeTempDir({ prefix: "stackrl-grid-" });
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
  const finished = configs.length - plan.length;
  const resuming = plan.filter((p) => p.mode === "resume").length;
  console.log(
    plan.length === 0
      ? `Grid ${name}: all ${configs.length} runs are finished; manifest ${file}`
      : `Grid ${name}: ${configs.length} runs (${finished} finished, ${resuming} to resume, ${
        plan.length - resuming
      } to start), ${Math.min(jobs, plan.length)} at a time; manifest ${file}`,
  );
  const worker = async () => {
    while (next < plan.length && !stop.signal.aborted) {
      const { config, run, mode } = plan[next++];
      let args: string[];
      if (mode === "resume") args = ["--resume", `${out}/${config.name}`];
      else {
        const configFile = `${temp}/${config.name}.json`;
        await Deno.writeTextFile(configFile, JSON.stringify({ ...run.config, out: config.out }));
        args = ["--config", configFile];
      }
      const child = new Deno.Command(Deno.execPath(), {
        args: [
          "run",
          "--allow-read",
          "--allow-write",
          "--allow-env",
          "--allow-run",
          "--allow-sys",
          script,
          ...args,
        ],
        env: { STACKRL_TRAIN_WORKER: "1" },
        stdout: "piped",
        stderr: "inherit",
      }).spawn();
      children.add(child);
      run.status = "running";
      await save();
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
      run.exitCode = entry.code;
      run.status = entry.result?.status === "finished" || entry.result?.status === "interrupted"
        ? entry.result.status
        : STOPPED_CODES.has(entry.code)
        ? "interrupted"
        : "failed";
      if (entry.result) {
        run.stepsDone = entry.result.stepsDone;
        run.bestEval = entry.result.bestEval;
      }
      await save();
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(jobs, plan.length) }, worker));
  } finally {
    stop.remove();
    await writing.catch(() => {});
    await Deno.remove(temp, { recursive: true }).catch(() => {});
  }
  console.log("");
  for (const run of manifest.runs) {
    console.log(
      `${run.env}/${run.algo}: ${run.status}${
        run.bestEval !== undefined ? ` best ${run.bestEval?.toFixed(1) ?? "-"}` : ""
      } ${out}/${run.id}${
        run.exitCode && run.status !== "finished" ? ` (exit ${run.exitCode})` : ""
      }`,
    );
  }
  const notStarted = plan.length - results.length;
  if (notStarted > 0) console.log(`${notStarted} runs not started.`);
  const outFlag = out === "runs" ? "" : ` --out ${out}`;
  if (manifest.runs.some((r) => r.status !== "finished")) {
    console.log(
      `Resume the grid with: deno task train --resume ${name}${outFlag} (or the same command again)`,
    );
  }
  console.log(`View them with: deno task serve${out === "runs" ? "" : ` --runs ${out}`}`);
  if (stop.received) return stop.exitCode();
  const stopped = results.find((r) => STOPPED_CODES.has(r.code));
  return results.every((r) => r.code === 0) ? 0 : stopped ? stopped.code : 1;
}
