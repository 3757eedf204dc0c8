/**
 * `deno task train`: trains a run (or a grid of runs) and writes it to the run store.
 *
 * With no arguments: the embedded default, FSTD3 on InvertedPendulum with seed 0 (see
 * `EMBEDDED_DEFAULT` in lib/train/config.ts). `--help` lists every option with its default.
 * Exit codes: 0 finished, 1 failed (or the run is locked by another writer), 2 bad command line
 * or config, 128 + the signal's number when stopped by SIGINT (Ctrl-C, 130), SIGTERM (143) or
 * SIGHUP (129): a checkpoint was written and the message says how to resume.
 * @module
 */
import { nearest, ValidationError } from "../lib/errors.ts";
import {
  checkKeys,
  convertValue,
  describeDefault,
  EMBEDDED_DEFAULT,
  FIELDS,
  resolveTrainConfig,
  storedFields,
  type TrainConfig,
  type TrainInput,
} from "../lib/train/config.ts";
import { resumeRun, train, type TrainProgress, type TrainResult } from "../lib/train/loop.ts";
import { formatDuration } from "../lib/train/format.ts";
import { isValidRunId } from "../lib/store/run_store.ts";
import { LockLostError, RunLockedError } from "../lib/store/run_lock.ts";
import { listenForStop, type StopSignal } from "../lib/train/signals.ts";
import { applicableHyperparameters, type Hyperparameters } from "../lib/config.ts";

/** Flags that are not config fields. */
const META = [
  {
    flag: "--config",
    help: "JSON file of fields named as in config.json (lrActor, …); flags override it",
  },
  { flag: "--resume", help: "continue run <id> (a directory under --out, or a path)" },
  {
    flag: "--force-unlock",
    help: "with --resume: take over the run's lock from a writer on another host that is gone",
  },
  { flag: "--jobs", help: "worker processes for a grid of runs (default 1)" },
  { flag: "--help", help: "this text" },
];
const BOOL_FLAGS = new Set(["--help", "--checkpoint-replay", "--force-unlock"]);
const ALL_FLAGS = [...FIELDS.map((f) => f.flag), ...META.map((m) => m.flag)];

/** Thrown for bad command-line input; main() prints it and returns 2. */
class UsageError extends Error {}

/** The `--help` text. */
export function helpText(): string {
  const lines = [
    "deno task train [options]",
    "",
    "Trains deterministic actor-critic agents (see docs/algorithms.md) on a MuJoCo task and",
    "writes runs/<id>/ (config.json, status.json, metrics.jsonl/.csv, checkpoints/, rollouts/).",
    "",
    `Without --env: the embedded default, ${EMBEDDED_DEFAULT.algo} on ${EMBEDDED_DEFAULT.env}, seed 0, ${EMBEDDED_DEFAULT.steps}`,
    `steps, a demo budget (start steps ${EMBEDDED_DEFAULT.startSteps}, learning rates ${EMBEDDED_DEFAULT.lrActor}) that learns in under a`,
    "minute. Naming a task with --env gives the paper's settings (learning rates 1e-3, start steps",
    "10000) on every task, InvertedPendulum included.",
    "Seeds of one run train together as one population; lists of --env or --algo make a grid",
    "of runs, run by up to --jobs worker processes. Ctrl-C, SIGTERM and SIGHUP write a checkpoint",
    "and exit with 128 + the signal's number; --resume continues. One process writes a run at a",
    "time (runs/<id>/lock.json); a lock left by a killed process of this host is taken over.",
    "",
    "Options (value forms: --flag value or --flag=value):",
  ];
  const width = 22;
  for (const f of FIELDS) {
    const name = f.kind === "bool"
      ? f.flag
      : `${f.flag} <${
        f.kind === "choice"
          ? "name"
          : f.kind === "ints"
          ? "list"
          : f.kind === "seeds"
          ? "seeds"
          : f.kind === "string"
          ? "text"
          : f.kind === "json"
          ? "json"
          : "n"
      }>`;
    let help = f.help;
    if (f.choices && f.choices.length <= 12) help += `: ${f.choices.join(", ")}`;
    lines.push(`  ${name.padEnd(width)} ${help} (default: ${describeDefault(f)})`);
  }
  for (const m of META) {
    const name = m.flag === "--help" || m.flag === "--force-unlock"
      ? m.flag
      : `${m.flag} <${m.flag === "--jobs" ? "n" : m.flag === "--config" ? "file" : "id"}>`;
    lines.push(`  ${name.padEnd(width)} ${m.help}`);
  }
  lines.push(
    "",
    "Hyper-parameters that do not apply to the algorithm are rejected (td3-family options need a",
    "td3-family algorithm, and so on). View runs with: deno task serve",
  );
  return lines.join("\n") + "\n";
}

interface ParsedArgs {
  /** Field values from flags (strings, converted later). */
  fields: Record<string, string | boolean>;
  config?: string;
  resume?: string;
  jobs: number;
  help: boolean;
  /** `--force-unlock`: take over a lock from another host (only with `--resume`). */
  forceUnlock: boolean;
}

/** Parses flags; unknown flags suggest the nearest valid one. */
export function parseArgs(args: string[]): ParsedArgs {
  const out: ParsedArgs = { fields: {}, jobs: 1, help: false, forceUnlock: false };
  for (let i = 0; i < args.length; i++) {
    let flag = args[i];
    let value: string | undefined;
    const eq = flag.indexOf("=");
    if (flag.startsWith("--") && eq > 0) [flag, value] = [flag.slice(0, eq), flag.slice(eq + 1)];
    if (!ALL_FLAGS.includes(flag)) {
      const hint = nearest(flag, ALL_FLAGS);
      throw new UsageError(
        `unknown ${flag.startsWith("-") ? "flag" : "argument"} ${JSON.stringify(flag)}${
          hint ? `; did you mean ${hint}?` : ""
        } (deno task train --help lists every option)`,
      );
    }
    if (BOOL_FLAGS.has(flag)) {
      const v = value ?? "true";
      if (!["true", "false", "1", "0"].includes(v)) {
        throw new UsageError(`${flag}: got ${JSON.stringify(v)}; allowed: true or false`);
      }
      if (flag === "--help") out.help = v === "true" || v === "1";
      else if (flag === "--force-unlock") out.forceUnlock = v === "true" || v === "1";
      else out.fields.checkpointReplay = v === "true" || v === "1";
      continue;
    }
    if (value === undefined) {
      if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
        throw new UsageError(`${flag} needs a value`);
      }
      value = args[++i];
    }
    if (flag === "--config") out.config = value;
    else if (flag === "--resume") out.resume = value;
    else if (flag === "--jobs") {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1 || n > 64) {
        throw new UsageError(`--jobs: got ${JSON.stringify(value)}; allowed: an integer 1..64`);
      }
      out.jobs = n;
    } else {
      const field = FIELDS.find((f) => f.flag === flag)!;
      if (field.key in out.fields) throw new UsageError(`${flag} given twice`);
      out.fields[field.key] = value;
    }
  }
  return out;
}

async function readConfigFile(path: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (error) {
    throw new UsageError(
      `--config: cannot read ${JSON.stringify(path)}: ${(error as Error).message}`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--config ${path}: not valid JSON: ${(error as Error).message}`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new UsageError(`--config ${path}: must hold a JSON object of fields`);
  }
  return value as Record<string, unknown>;
}

function listOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === "string" && value.includes(",")) {
    return value.split(",").map((s) => s.trim());
  }
  return [value];
}

/**
 * The validated configs of every run the command line asks for (one, or a grid over env ×
 * algo). Throws ValidationError/UsageError before anything is written.
 */
export async function resolveRuns(parsed: ParsedArgs): Promise<TrainConfig[]> {
  const file = parsed.config ? await readConfigFile(parsed.config) : {};
  checkKeys(file, parsed.config ?? "config");
  const merged: Record<string, unknown> = { ...file, ...parsed.fields };
  const envs = merged.env === undefined ? [undefined] : listOf(merged.env);
  const algos = merged.algo === undefined ? [undefined] : listOf(merged.algo);
  const grid = envs.length > 1 || algos.length > 1;
  // a hyper-parameter given for a grid must apply to at least one of its algorithms
  const algoNames = algos.map((a) =>
    convertValue(
      FIELDS.find((f) => f.key === "algo")!,
      a ?? EMBEDDED_DEFAULT.algo,
    ) as TrainConfig["algo"]
  );
  for (const env of envs) {
    if (env !== undefined) convertValue(FIELDS.find((f) => f.key === "env")!, env);
  }
  const configs: TrainConfig[] = [];
  for (const env of envs) {
    for (const algo of algoNames) {
      const input: Record<string, unknown> = { ...merged, env, algo };
      if (grid) {
        const applicable = new Set<string>(applicableHyperparameters(algo));
        for (const f of FIELDS) {
          if (f.hyper && f.key in input && !applicable.has(f.key)) {
            if (
              !algoNames.some((a) =>
                applicableHyperparameters(a).includes(f.key as keyof Hyperparameters)
              )
            ) {
              throw new ValidationError(
                f.key,
                input[f.key],
                `nothing: it applies to none of ${algoNames.join(", ")}`,
              );
            }
            delete input[f.key];
          }
        }
        if (typeof merged.name === "string") {
          input.name = `${merged.name}-${env ?? EMBEDDED_DEFAULT.env}-${algo}`;
        }
      }
      configs.push(resolveTrainConfig(input as TrainInput));
    }
  }
  const names = configs.map((c) => c.name).filter((n) => n !== undefined);
  for (const c of configs) {
    if (c.name !== undefined) {
      try {
        await Deno.stat(`${c.out}/${c.name}`);
        throw new ValidationError(
          "name",
          c.name,
          `a name not already used in ${c.out}/ (resume it with --resume ${c.name})`,
        );
      } catch (error) {
        if (!(error instanceof Deno.errors.NotFound)) throw error;
      }
    }
  }
  if (new Set(names).size !== names.length) {
    throw new UsageError("--name: grid runs would share a name");
  }
  return configs;
}

function formatEval(p: TrainProgress): string {
  const evals = p.lastEval.map((e) => (e === null ? "-" : e.toFixed(1)));
  return `eval ${evals.length > 4 ? `${evals.slice(0, 4).join(" ")} …` : evals.join(" ")}` +
    (p.bestEval === null ? "" : ` best ${p.bestEval.toFixed(1)}`);
}

/** Progress display: a live bar on a terminal, a plain line every `every` seconds otherwise. */
function progressPrinter(
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

function resumeCommand(result: { id: string; dir: string }, out: string): string {
  const outFlag = out === "runs" ? "" : ` --out ${out}`;
  return `deno task train --resume ${result.id}${outFlag}`;
}

/**
 * A validation message with the field named by its flag (`steps: got …` → `--steps: got …`), for
 * input that can only have come from flags (a resume takes no config file).
 */
function asFlag(error: ValidationError): string {
  const field = FIELDS.find((f) => f.key === error.field);
  return field && error.message.startsWith(`${field.key}:`)
    ? field.flag + error.message.slice(field.key.length)
    : error.message;
}

function stopMessage(signal: StopSignal): string {
  return signal === "SIGINT"
    ? "\nInterrupted: writing a checkpoint (Ctrl-C again to quit without it)…"
    : `\nStopping on ${signal}: writing a checkpoint (${signal} again to quit without it)…`;
}

/**
 * Runs one training (fresh or resumed) in this process with progress and stop-signal handling:
 * SIGINT, SIGTERM or SIGHUP write a checkpoint and give 128 + the signal's number; a repeat
 * (lib/train/signals.ts) quits at once.
 */
async function runOne(
  start: (
    options: { onProgress: (p: TrainProgress) => void; signal: AbortSignal },
  ) => Promise<TrainResult>,
  out: string,
  progressEvery: number,
  flagNames = false,
): Promise<number> {
  const stop = listenForStop({
    onStop: (signal) => console.error(stopMessage(signal)),
    // without a checkpoint: the lock stays and the next resume takes it over (this host)
    onRepeat: () => Deno.exit(stop.exitCode()),
  });
  const printer = progressPrinter(progressEvery);
  let result: TrainResult;
  try {
    result = await start({ onProgress: printer.onProgress, signal: stop.signal });
  } catch (error) {
    printer.finish();
    if (error instanceof ValidationError) {
      console.error(`error: ${flagNames ? asFlag(error) : error.message}`);
      return 2;
    }
    if (error instanceof RunLockedError || error instanceof LockLostError) {
      console.error(`error: ${error.message}`);
      return 1;
    }
    console.error(`training failed: ${(error as Error).stack ?? error}`);
    return 1;
  } finally {
    stop.remove();
  }
  printer.finish();
  if (Deno.env.get("STACKRL_TRAIN_WORKER") === "1") {
    console.log(`STACKRL_RESULT ${JSON.stringify(result)}`);
  }
  const evals = result.lastEval.map((e) => (e === null ? "-" : e.toFixed(1))).join(", ");
  if (result.status === "interrupted") {
    console.log(
      `Interrupted at step ${result.stepsDone}/${result.stepsTotal}; checkpoint written.`,
    );
    console.log(`Run: ${result.dir}`);
    console.log(`Resume with: ${resumeCommand(result, out)}`);
    return stop.exitCode();
  }
  console.log(
    `Finished ${result.stepsDone} steps in ${
      result.wallTime.toFixed(1)
    } s; last evaluation ${evals}; best ${result.bestEval?.toFixed(1) ?? "-"}.`,
  );
  console.log(`Run written to ${result.dir}`);
  console.log("View it with: deno task serve");
  return 0;
}

/** Exit codes of a worker stopped by a signal after writing its checkpoint (129, 130, 143). */
const STOPPED_CODES = new Set([129, 130, 143]);

/**
 * Runs a grid of configs in up to `jobs` worker processes. A stop signal to this process is
 * forwarded to every worker (each writes its checkpoint; one that also got it from the terminal
 * takes the two as one request) and no further run starts.
 */
async function runGrid(configs: TrainConfig[], jobs: number): Promise<number> {
  const script = new URL(import.meta.url).pathname;
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
  console.log("View them with: deno task serve");
  if (stop.received) return stop.exitCode();
  const stopped = results.find((r) => STOPPED_CODES.has(r.code));
  return results.every((r) => r.code === 0) ? 0 : stopped ? stopped.code : 1;
}

/** Entry point: `main(Deno.args)`; returns the exit code. */
export async function main(args: string[]): Promise<number> {
  let parsed: ParsedArgs;
  let configs: TrainConfig[] = [];
  try {
    parsed = parseArgs(args);
    if (parsed.help) {
      console.log(helpText());
      return 0;
    }
    if (parsed.forceUnlock && parsed.resume === undefined) {
      throw new UsageError(
        "--force-unlock: allowed only with --resume <id> (a new run has no lock to take over)",
      );
    }
    if (parsed.resume !== undefined) {
      const allowed = new Set(["steps", "backend", "threads", "out", "progressEvery"]);
      const extra = Object.keys(parsed.fields).filter((k) => !allowed.has(k));
      if (extra.length > 0 || parsed.config) {
        throw new UsageError(
          `--resume continues a run with its stored config; only --steps, --backend, --threads, --out and --progress-every may be given with it (got ${
            [
              ...extra.map((k) => FIELDS.find((f) => f.key === k)!.flag),
              ...(parsed.config ? ["--config"] : []),
            ].join(", ")
          })`,
        );
      }
      const fields: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(parsed.fields)) {
        try {
          fields[key] = convertValue(FIELDS.find((f) => f.key === key)!, value);
        } catch (error) {
          if (error instanceof ValidationError) throw new UsageError(asFlag(error));
          throw error;
        }
      }
      const out = (fields.out as string | undefined) ?? "runs";
      const id = parsed.resume;
      const dir = id.includes("/") ? id : `${out}/${id}`;
      if (!isValidRunId(dir.replace(/\/+$/, "").split("/").pop())) {
        throw new ValidationError("resume", id, 'a run id (letters, digits, ".", "_", "-")');
      }
      try {
        await Deno.stat(`${dir}/config.json`);
      } catch {
        throw new ValidationError("resume", id, `a run in ${out}/ (no ${dir}/config.json)`);
      }
      return await runOne(
        (o) =>
          resumeRun(dir, {
            ...o,
            steps: fields.steps as number | undefined,
            backend: fields.backend as TrainConfig["backend"] | undefined,
            threads: fields.threads as number | undefined,
            forceUnlock: parsed.forceUnlock,
          }),
        dir.split("/").slice(0, -1).join("/") || ".",
        (fields.progressEvery as number | undefined) ?? 10,
        true,
      );
    }
    configs = await resolveRuns(parsed);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ValidationError) {
      console.error(`error: ${error.message}`);
      return 2;
    }
    throw error;
  }
  if (configs.length > 1) return await runGrid(configs, parsed.jobs);
  const config = configs[0];
  return await runOne((o) => train(storedInput(config), o), config.out, config.progressEvery);
}

function storedInput(config: TrainConfig): TrainInput {
  return {
    ...storedFields(config),
    out: config.out,
    progressEvery: config.progressEvery,
  } as TrainInput;
}

if (import.meta.main) Deno.exit(await main(Deno.args));
