/**
 * `deno task export <run-id | run folder | checkpoint folder> --format onnx|tfjs [--member p]
 * [--out path] [--runs dir]`: writes one population member's deterministic policy as an ONNX
 * file or a TensorFlow.js LayersModel folder (lib/export/mod.ts), for use outside stackrl.
 *
 * A run id (or run folder) exports its best checkpoint (the best evaluation so far), or its last
 * one when it has not been evaluated yet. Exit codes: 0 written, 1 failed (a write error),
 * 2 bad command line; every error is one line naming the flag, the value as typed and what is
 * allowed.
 * @module
 */
import { ValidationError } from "../lib/errors.ts";
import { flagHelp, type FlagSpecs, parseFlags, pathFlag, UsageError } from "../lib/cli/flags.ts";
import { EXPORT_FORMATS, type ExportFormat, exportPolicy, writePolicy } from "../lib/export/mod.ts";
import { exportCheckpoint } from "../lib/export/run_checkpoint.ts";
import { isValidRunId } from "../lib/store/run_store.ts";
import { FileError, readJsonFile } from "../lib/train/files.ts";

const FLAGS: FlagSpecs = {
  format: {
    type: "string",
    arg: "onnx|tfjs",
    help: "the file format (required)",
    allowed: EXPORT_FORMATS.join(", "),
  },
  member: {
    type: "string",
    arg: "p",
    help: "population member, from 0",
    default: "0",
    allowed: "an integer from 0 (a population member)",
  },
  out: {
    type: "string",
    arg: "path",
    help: "the .onnx file or the tfjs folder",
    default: "<run>-member<p>.onnx or <run>-member<p>-tfjs here",
    allowed: "a file path (onnx) or a folder path (tfjs)",
  },
  runs: {
    type: "string",
    arg: "dir",
    help: "where run ids are looked up",
    default: "runs",
    allowed: "a folder path",
  },
  help: { type: "boolean", short: "h", help: "this text" },
};

const HELP =
  `deno task export <run-id | run folder | checkpoint folder> --format onnx|tfjs [options]

Writes one population member's deterministic policy for use outside stackrl: onnx, one .onnx
file; tfjs, a folder for tf.loadLayersModel. A run exports its best checkpoint, or its last
when it has no evaluation yet.

Options:
${flagHelp(FLAGS, 22)}
`;

/** The parsed command line of {@link main}. */
export interface ExportArgs {
  /** The run id, run folder or checkpoint folder, as typed. */
  source: string;
  /** `--format`. */
  format: ExportFormat;
  /** The member as typed, and as a number. */
  member: { typed: string; value: number };
  /** `--out` as typed, if given. */
  out?: string;
  /** Runs directory for run ids. */
  runs: string;
}

/** Parses the command line; throws a UsageError naming the flag, the value and what is allowed. */
export function parseExportArgs(args: string[]): ExportArgs | "help" {
  const { values, positionals } = parseFlags(args, FLAGS, {
    command: "deno task export",
    positionals: 1,
    positionalName: "run",
  });
  if (values.help === true) return "help";
  if (positionals.length !== 1) {
    throw new UsageError(
      "<run>: got nothing; allowed: one run id, run folder or checkpoint folder",
    );
  }
  const text = (name: string) => values[name] as string | undefined;
  const format = text("format");
  if (format === undefined) {
    throw new UsageError(`--format: got nothing; allowed: ${FLAGS.format.allowed}`);
  }
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(
      `--format: got ${JSON.stringify(format)}; allowed: ${FLAGS.format.allowed}`,
    );
  }
  const memberTyped = text("member") ?? "0";
  if (!/^\d+$/.test(memberTyped)) {
    throw new UsageError(
      `--member: got ${JSON.stringify(memberTyped)}; allowed: ${FLAGS.member.allowed}`,
    );
  }
  for (const flag of ["out", "runs"]) {
    const v = text(flag);
    if (v !== undefined) pathFlag(`--${flag}`, v, FLAGS[flag].allowed);
  }
  return {
    source: positionals[0],
    format: format as ExportFormat,
    member: { typed: memberTyped, value: Number(memberTyped) },
    out: text("out"),
    runs: (text("runs") ?? "runs").replace(/\/+$/, "") || ".",
  };
}

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * The checkpoint folder `source` names and a name for the default output: the folder itself if
 * it holds agent.json, else a run folder's (or `runs/<source>`'s) best checkpoint, else its last.
 */
export async function resolveCheckpoint(
  source: string,
  runs: string,
): Promise<{ dir: string; name: string }> {
  const trimmed = source.replace(/\/+$/, "") || source;
  const base = (path: string) => path.split("/").filter(Boolean).pop() ?? "policy";
  if (await exists(`${trimmed}/agent.json`)) {
    // runs/<id>/checkpoints/<best|last> → "<id>-<best|last>"
    const m = /(?:^|\/)([^/]+)\/checkpoints\/(best|last)[^/]*$/.exec(trimmed);
    return { dir: trimmed, name: m ? `${m[1]}-${m[2]}` : base(trimmed) };
  }
  const runDirs = [trimmed];
  if (isValidRunId(trimmed)) runDirs.push(`${runs}/${trimmed}`);
  for (const run of runDirs) {
    if (!(await exists(`${run}/config.json`)) && !(await exists(`${run}/checkpoints`))) continue;
    const found = await exportCheckpoint(run);
    if (!found) {
      throw new UsageError(
        `<run>: got ${
          JSON.stringify(source)
        }; allowed: a run with a checkpoint (${run}/checkpoints has neither best nor last yet)`,
      );
    }
    return { dir: found.dir, name: base(run) };
  }
  throw new UsageError(
    `<run>: got ${
      JSON.stringify(source)
    }; allowed: a run id in ${runs}/, a run folder, or a checkpoint folder (one with agent.json)`,
  );
}

/** Entry point: `main(Deno.args)`; returns the exit code. */
export async function main(args: string[]): Promise<number> {
  let parsed: ExportArgs | "help";
  let checkpoint: { dir: string; name: string };
  let exported: Awaited<ReturnType<typeof exportPolicy>>;
  try {
    parsed = parseExportArgs(args);
    if (parsed === "help") {
      console.log(HELP);
      return 0;
    }
    checkpoint = await resolveCheckpoint(parsed.source, parsed.runs);
    const { dir } = checkpoint;
    try {
      // agent.json cut short names itself, rather than "not a checkpoint folder"
      await readJsonFile(`${dir}/agent.json`);
      exported = await exportPolicy(dir, { format: parsed.format, member: parsed.member.value });
    } catch (error) {
      if (error instanceof ValidationError && error.field === "member") {
        throw new UsageError(
          `--member: got ${
            JSON.stringify(parsed.member.typed)
          }; allowed: ${error.allowed} (${checkpoint.dir})`,
        );
      }
      // anything else wrong with the checkpoint's files: one line naming it (exit 1)
      if (
        error instanceof ValidationError || error instanceof SyntaxError ||
        error instanceof RangeError || /^agent\b/.test((error as Error)?.message ?? "")
      ) {
        throw new FileError(dir, `cannot be exported (damaged?): ${(error as Error).message}`);
      }
      throw error;
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof ValidationError) {
      console.error(`error: ${error.message}`);
      return 2;
    }
    if (error instanceof FileError) {
      console.error(`error: ${error.message}`);
      return 1;
    }
    console.error(`error: ${(error as Error).message ?? String(error)}`);
    return 1;
  }
  const { format, member } = parsed;
  const out = parsed.out ??
    `${checkpoint.name}-member${member.value}${format === "onnx" ? ".onnx" : "-tfjs"}`;
  try {
    await writePolicy(out, exported);
  } catch (error) {
    console.error(`error: cannot write ${out}: ${(error as Error).message ?? String(error)}`);
    return 1;
  }
  const bytes = exported instanceof Uint8Array
    ? exported.byteLength
    : new TextEncoder().encode(exported["model.json"]).byteLength +
      exported["group1-shard1of1.bin"].byteLength;
  console.log(
    `wrote ${out} (${format}, member ${member.value}, ${
      (bytes / 1024).toFixed(1)
    } KiB) from ${checkpoint.dir}`,
  );
  return 0;
}

if (import.meta.main) Deno.exit(await main(Deno.args));
