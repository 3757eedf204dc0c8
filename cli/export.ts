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
import { nearest, ValidationError } from "../lib/errors.ts";
import { EXPORT_FORMATS, type ExportFormat, exportPolicy, writePolicy } from "../lib/export/mod.ts";
import { exportCheckpoint } from "../lib/export/run_checkpoint.ts";
import { isValidRunId } from "../lib/store/run_store.ts";

const HELP =
  `deno task export <run-id | run folder | checkpoint folder> --format onnx|tfjs [options]

Writes one population member's deterministic policy (observation in, action out, the same
actions as agent.act(obs, { explore: false })) for use outside stackrl:
  onnx   one .onnx file (opset 13; input "observation" [batch, obs], output "action" [batch, act])
  tfjs   a folder with model.json and group1-shard1of1.bin (tf.loadLayersModel loads it)

A run id or run folder exports runs/<id>/checkpoints/best, or checkpoints/last when the run has
no evaluation yet; a checkpoint folder (one with agent.json) is exported as it is.

Options (value forms: --flag value or --flag=value):
  --format <onnx|tfjs>  the file format (required)
  --member <p>          population member, from 0 (default 0)
  --out <path>          the .onnx file or the tfjs folder (default: <run>-member<p>.onnx or
                        <run>-member<p>-tfjs in the current folder)
  --runs <dir>          where run ids are looked up (default: runs)
  --help                this text
`;

const FLAGS = ["--format", "--member", "--out", "--runs", "--help"];

/** Bad command-line input: {@link main} prints the message as one line and returns 2. */
class UsageError extends Error {}

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
  const values: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    let flag = args[i], value: string | undefined;
    if (!flag.startsWith("-")) {
      positional.push(flag);
      continue;
    }
    const eq = flag.indexOf("=");
    if (eq > 0) [flag, value] = [flag.slice(0, eq), flag.slice(eq + 1)];
    if (flag === "--help" || flag === "-h") return "help";
    if (!FLAGS.includes(flag)) {
      const hint = nearest(flag, FLAGS);
      throw new UsageError(
        `unknown flag ${JSON.stringify(flag)}${hint ? `; did you mean ${hint}?` : ""}; allowed: ${
          FLAGS.join(", ")
        }`,
      );
    }
    if (value === undefined) {
      if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
        throw new UsageError(`${flag}: got no value; allowed: ${allowedOf(flag)}`);
      }
      value = args[++i];
    }
    if (flag in values) throw new UsageError(`${flag}: given twice; allowed: once`);
    values[flag] = value;
  }
  if (positional.length !== 1) {
    throw new UsageError(
      `<run>: got ${
        positional.length === 0 ? "nothing" : positional.map((p) => JSON.stringify(p)).join(" ")
      }; allowed: one run id, run folder or checkpoint folder`,
    );
  }
  const format = values["--format"];
  if (format === undefined) {
    throw new UsageError(`--format: got nothing; allowed: ${allowedOf("--format")}`);
  }
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(
      `--format: got ${JSON.stringify(format)}; allowed: ${allowedOf("--format")}`,
    );
  }
  const memberTyped = values["--member"] ?? "0";
  if (!/^\d+$/.test(memberTyped)) {
    throw new UsageError(
      `--member: got ${JSON.stringify(memberTyped)}; allowed: ${allowedOf("--member")}`,
    );
  }
  for (const flag of ["--out", "--runs"]) {
    if (values[flag] === "") throw new UsageError(`${flag}: got ""; allowed: ${allowedOf(flag)}`);
  }
  return {
    source: positional[0],
    format: format as ExportFormat,
    member: { typed: memberTyped, value: Number(memberTyped) },
    out: values["--out"],
    runs: (values["--runs"] ?? "runs").replace(/\/+$/, "") || ".",
  };
}

function allowedOf(flag: string): string {
  switch (flag) {
    case "--format":
      return EXPORT_FORMATS.join(", ");
    case "--member":
      return "an integer from 0 (a population member)";
    case "--out":
      return "a file path (onnx) or a folder path (tfjs)";
    default:
      return "a folder path";
  }
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
    try {
      exported = await exportPolicy(checkpoint.dir, {
        format: parsed.format,
        member: parsed.member.value,
      });
    } catch (error) {
      if (error instanceof ValidationError && error.field === "member") {
        const allowed = error.message.split("; allowed: ")[1];
        throw new UsageError(
          `--member: got ${
            JSON.stringify(parsed.member.typed)
          }; allowed: ${allowed} (${checkpoint.dir})`,
        );
      }
      throw error;
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof ValidationError) {
      console.error(`error: ${error.message}`);
      return 2;
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
