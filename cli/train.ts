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
import { ValidationError } from "../lib/errors.ts";
import {
  flagHelp,
  type FlagSpecs,
  intFlag,
  parseFlags,
  pathFlag,
  UsageError,
} from "../lib/cli/flags.ts";
import {
  checkKeys,
  convertValue,
  describeDefault,
  EMBEDDED_DEFAULT,
  type Field,
  FIELDS,
  resolveTrainConfig,
  storedFields,
  type TrainConfig,
  type TrainInput,
} from "../lib/train/config.ts";
import { resumeRun, train, type TrainProgress, type TrainResult } from "../lib/train/loop.ts";
import { progressPrinter } from "../lib/train/progress.ts";
import { gridConfigs, gridFile, runGrid } from "../lib/train/grid.ts";
import { checkFolder, describeFailure, FileError, readJsonFile } from "../lib/train/files.ts";
import { isValidRunId } from "../lib/store/run_store.ts";
import { LockLostError, RunLockedError } from "../lib/store/run_lock.ts";
import { listenForStop, type StopSignal } from "../lib/train/signals.ts";
import { applicableHyperparameters, type Hyperparameters } from "../lib/config.ts";

/** What a field's value is, in `--help` and in the message for a missing value. */
function fieldSpec(f: Field): FlagSpecs[string] {
  const allowed = f.kind === "int"
    ? `an integer ${f.min}..${f.max}`
    : f.kind === "number"
    ? `a number from ${f.min} to ${f.max}`
    : f.choices
    ? f.choices.join(", ")
    : f.help;
  const arg = {
    choice: "name",
    ints: "list",
    seeds: "seeds",
    string: "text",
    json: "json",
  } as Record<string, string>;
  let help = f.help;
  if (f.choices && f.choices.length <= 12) help += `: ${f.choices.join(", ")}`;
  return {
    type: f.kind === "bool" ? "boolean" : "string",
    arg: arg[f.kind] ?? "n",
    help,
    allowed,
    default: describeDefault(f),
  };
}

/** Flags that are not config fields. */
const META: FlagSpecs = {
  config: {
    type: "string",
    arg: "file",
    help: "JSON file of fields named as in config.json (lrActor, …); flags override it",
    allowed: "a JSON file",
  },
  resume: {
    type: "string",
    arg: "id",
    help: "continue run <id> or grid <name> (under --out, or a path)",
    allowed: "a run id or run folder, or a grid's name",
  },
  "force-unlock": {
    type: "boolean",
    help: "with --resume: take over the run's lock from a writer on another host that is gone",
  },
  jobs: {
    type: "string",
    arg: "n",
    help: "worker processes for a grid of runs",
    default: "1",
    allowed: "an integer 1..64",
  },
  help: { type: "boolean", short: "h", help: "this text" },
};

const FLAGS: FlagSpecs = {
  ...Object.fromEntries(FIELDS.map((f) => [f.flag.slice(2), fieldSpec(f)])),
  ...META,
};

/** The `--help` text. */
export function helpText(): string {
  return `deno task train [options]

Trains deterministic actor-critic agents (docs/algorithms.md) and writes runs/<id>/.
Without --env: the embedded default, ${EMBEDDED_DEFAULT.algo} on ${EMBEDDED_DEFAULT.env}, a demo budget that
learns in under a minute; naming a task with --env gives the paper's settings. Seeds train
together as one population; lists of --env or --algo make a grid of runs, named by --name (or
grid-<8 hex> from its settings) with a manifest <out>/<name>.grid.json: the same command again, or
--resume <name>, skips its finished runs and resumes the others. Ctrl-C, SIGTERM and SIGHUP write
a checkpoint (a grid's every run) and exit 128 + the signal; --resume continues (README: Runs on
disk).

Options (--flag value or --flag=value):
${flagHelp(FLAGS, 28)}
`;
}

/** The parsed command line. */
export interface ParsedArgs {
  /** Field values from flags, converted (a grid field given as a list: an array). */
  fields: Record<string, unknown>;
  /** `--config` file. */
  config?: string;
  /** `--resume` run id or folder. */
  resume?: string;
  /** `--jobs`. */
  jobs: number;
  /** `--help`. */
  help: boolean;
  /** `--force-unlock`: take over a lock from another host (only with `--resume`). */
  forceUnlock: boolean;
}

/** Parses flags; unknown flags suggest the nearest valid one; bad values name the flag as typed. */
export function parseArgs(args: string[]): ParsedArgs {
  const { values } = parseFlags(args, FLAGS, { command: "deno task train" });
  const text = (name: string) =>
    values[name] === undefined
      ? undefined
      : pathFlag(`--${name}`, values[name] as string, FLAGS[name].allowed);
  const out: ParsedArgs = {
    fields: {},
    jobs: values.jobs === undefined ? 1 : intFlag("--jobs", values.jobs as string, 1, 64),
    help: values.help === true,
    forceUnlock: values["force-unlock"] === true,
    config: text("config"),
    resume: text("resume"),
  };
  if (out.help) return out;
  for (const f of FIELDS) {
    const value = values[f.flag.slice(2)];
    if (value === undefined) continue;
    out.fields[f.key] = f.grid && typeof value === "string" && value.includes(",")
      ? value.split(",").map((v) => convertValue(f, v.trim(), f.flag))
      : convertValue(f, value, f.flag);
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

/** How messages name a field: its flag if the value came from one, else as the config file does. */
function namer(parsed: ParsedArgs): (key: string) => string {
  return (key) => {
    const field = FIELDS.find((f) => f.key === key);
    if (field && key in parsed.fields) return field.flag;
    return parsed.config ? `${key} (${parsed.config})` : field?.flag ?? key;
  };
}

/**
 * The validated configs of every run the command line asks for (one, or a grid over env ×
 * algo). Throws ValidationError/UsageError before anything is written.
 */
export async function resolveRuns(parsed: ParsedArgs): Promise<TrainConfig[]> {
  const file = parsed.config ? await readConfigFile(parsed.config) : {};
  checkKeys(file, parsed.config ?? "config");
  const nameOf = namer(parsed);
  const merged: Record<string, unknown> = { ...file, ...parsed.fields };
  const envs = merged.env === undefined ? [undefined] : listOf(merged.env);
  const algos = merged.algo === undefined ? [undefined] : listOf(merged.algo);
  const grid = envs.length > 1 || algos.length > 1;
  const field = (key: string) => FIELDS.find((f) => f.key === key)!;
  // a hyper-parameter given for a grid must apply to at least one of its algorithms
  const algoNames = algos.map((a) =>
    convertValue(field("algo"), a ?? EMBEDDED_DEFAULT.algo, nameOf("algo")) as TrainConfig["algo"]
  );
  for (const env of envs) {
    if (env !== undefined) convertValue(field("env"), env, nameOf("env"));
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
                nameOf(f.key),
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
      configs.push(resolveTrainConfig(input as TrainInput, undefined, nameOf));
    }
  }
  await checkFolder(nameOf("out"), configs[0].out);
  const names = configs.map((c) => c.name).filter((n) => n !== undefined);
  // a grid's runs that exist already are resumed or skipped by its manifest (lib/train/grid.ts)
  for (const c of configs.length > 1 ? [] : configs) {
    if (c.name !== undefined) {
      try {
        await Deno.stat(`${c.out}/${c.name}`);
        throw new ValidationError(
          nameOf("name"),
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

/** `--out` and `--runs` as the hints print them: left out when they are the default. */
function outFlag(flag: string, out: string): string {
  const trimmed = out.replace(/\/+$/, "") || out;
  return trimmed === "runs" ? "" : ` ${flag} ${trimmed}`;
}

/** A config field's error named as typed: `envOptions.nope` → `--env-options nope`. */
function asTyped(error: ValidationError, nameOf: (key: string) => string): ValidationError {
  const field = FIELDS.find((f) =>
    error.field === f.key || error.field.startsWith(`${f.key}.`) ||
    error.field.startsWith(`${f.key}[`)
  );
  if (!field) return error;
  const rest = error.field.slice(field.key.length).replace(/^\./, "");
  return error.renamed(`${nameOf(field.key)}${rest ? ` ${rest}` : ""}`);
}

function stopMessage(signal: StopSignal): string {
  return signal === "SIGINT"
    ? "\nInterrupted: writing a checkpoint (Ctrl-C again to quit without it)…"
    : `\nStopping on ${signal}: writing a checkpoint (${signal} again to quit without it)…`;
}

/**
 * Runs one training (fresh or resumed) in this process with progress and stop-signal handling:
 * SIGINT, SIGTERM or SIGHUP write a checkpoint and give 128 + the signal's number; a repeat
 * (lib/train/signals.ts) quits at once. Every failure is one line: 2 for bad input, 1 otherwise.
 */
async function runOne(
  start: (
    options: { onProgress: (p: TrainProgress) => void; signal: AbortSignal },
  ) => Promise<TrainResult>,
  out: string,
  progressEvery: number,
  nameOf: (key: string) => string,
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
      console.error(`error: ${asTyped(error, nameOf).message}`);
      return 2;
    }
    if (
      error instanceof RunLockedError || error instanceof LockLostError ||
      error instanceof FileError
    ) {
      console.error(`error: ${error.message}`);
      return 1;
    }
    console.error(`error: ${describeFailure(error, `--out ${out}`)}`);
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
    console.log(`Resume with: deno task train --resume ${result.id}${outFlag("--out", out)}`);
    return stop.exitCode();
  }
  console.log(
    `Finished ${result.stepsDone} steps in ${
      result.wallTime.toFixed(1)
    } s; last evaluation ${evals}; best ${result.bestEval?.toFixed(1) ?? "-"}.`,
  );
  console.log(`Run written to ${result.dir}`);
  console.log(`View it with: deno task serve${outFlag("--runs", out)}`);
  return 0;
}

/** The fields a resume may change. */
const RESUMABLE = new Set(["steps", "backend", "threads", "out", "progressEvery"]);

/** `--resume <id>`: checks the command line and continues the run. */
async function resume(parsed: ParsedArgs, id: string): Promise<number> {
  const extra = Object.keys(parsed.fields).filter((k) => !RESUMABLE.has(k));
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
  const fields = parsed.fields;
  const out = (fields.out as string | undefined) ?? "runs";
  const dir = id.includes("/") ? id.replace(/\/+$/, "") : `${out}/${id}`;
  const grid = gridFile(dir.split("/").slice(0, -1).join("/") || ".", dir.split("/").pop()!);
  if (!(await exists(`${dir}/config.json`)) && await exists(grid)) {
    // a grid: its manifest holds every run's config (--steps and the like would change them)
    if (
      extra.length > 0 || parsed.config || ["steps", "backend", "threads"].some((k) => k in fields)
    ) {
      throw new UsageError(
        "--resume <grid> continues a grid with its stored configs; only --out, --jobs and --progress-every may be given with it",
      );
    }
    return await runGrid(await gridConfigs(grid), parsed.jobs, new URL(import.meta.url).pathname);
  }
  if (!isValidRunId(dir.split("/").pop())) {
    throw new ValidationError("--resume", id, 'a run id (letters, digits, ".", "_", "-")');
  }
  await checkFolder("--resume", dir);
  try {
    await Deno.stat(`${dir}/config.json`);
  } catch {
    throw new ValidationError("--resume", id, `a run in ${out}/ (no ${dir}/config.json)`);
  }
  const stored = await readJsonFile(`${dir}/config.json`) as { customEnv?: unknown; env?: unknown };
  if (stored?.customEnv === true) {
    // the command line cannot pass a user's environment object
    throw new ValidationError(
      "--resume",
      id,
      `a run trained on a task of physics/ (this one trained on the user's environment "${stored.env}": resume it from code, resumeRun(dir, { env }))`,
    );
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
    (key) => FIELDS.find((f) => f.key === key)?.flag ?? key,
  );
}

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(path);
    return true;
  } catch {
    return false;
  }
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
    if (parsed.resume !== undefined) return await resume(parsed, parsed.resume);
    configs = await resolveRuns(parsed);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ValidationError) {
      console.error(`error: ${error.message}`);
      return 2;
    }
    if (error instanceof FileError) {
      console.error(`error: ${error.message}`);
      return 1;
    }
    throw error;
  }
  if (configs.length > 1) {
    try {
      return await runGrid(configs, parsed.jobs, new URL(import.meta.url).pathname);
    } catch (error) {
      if (!(error instanceof FileError)) throw error;
      console.error(`error: ${error.message}`);
      return 1;
    }
  }
  const config = configs[0];
  const input = {
    ...storedFields(config),
    out: config.out,
    progressEvery: config.progressEvery,
  } as TrainInput;
  return await runOne((o) => train(input, o), config.out, config.progressEvery, namer(parsed));
}

if (import.meta.main) Deno.exit(await main(Deno.args));
