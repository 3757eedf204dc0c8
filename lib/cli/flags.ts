/**
 * The command-line flag parser of every CLI (`train`, `serve`, `export`, `reproduce`), built on
 * `node:util`'s `parseArgs`. Each command declares its flags once; the parser splits the command
 * line and this module's messages name the flag as the user typed it (`--lr-actor`, never a
 * config field), show the value as typed (`--steps abc` shows "abc") and say what is allowed.
 * An unknown flag names the nearest known one.
 *
 * Values arrive as the strings typed; {@link intFlag}, {@link numberFlag} and
 * {@link choiceFlag} convert them with messages of that form.
 * @module
 */
import { parseArgs } from "node:util";
import { nearest, ValidationError } from "../errors.ts";

/** Bad command-line input: a CLI prints its message as one line and exits 2. */
export class UsageError extends Error {
  /** The message, one line: what was wrong, the value as typed and what is allowed. */
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** One declared flag. */
export interface FlagSpec {
  /** `"boolean"`: a switch (`--flag`, or `--flag=false`); `"string"`: takes a value. */
  type: "boolean" | "string";
  /** What the value is, in `--help` (`n`, `dir`, …); default `value`. */
  arg?: string;
  /** One line for `--help`. */
  help: string;
  /** What is allowed, for the message when the value is missing (default: the help line). */
  allowed?: string;
  /** The default as `--help` shows it. */
  default?: string;
  /** A one-letter alias (`h` for `-h`). */
  short?: string;
}

/** Flags by name, without the leading `--` (`"lr-actor"`). */
export type FlagSpecs = Record<string, FlagSpec>;

/** What {@link parseFlags} returns. */
export interface ParsedFlags {
  /** The given flags by name (without `--`): the text as typed, or `true`/`false` for switches. */
  values: Record<string, string | boolean>;
  /** Arguments that are not flags, in order. */
  positionals: string[];
}

/** Options of {@link parseFlags}. */
export interface ParseOptions {
  /** The command, for messages (`deno task train`). */
  command: string;
  /** How many positional arguments are allowed (default 0). */
  positionals?: number;
  /** What a positional argument is, for messages (default `argument`). */
  positionalName?: string;
}

/**
 * Splits `args` by `specs`. Both `--flag value` and `--flag=value` are accepted; a flag given
 * twice, a value-taking flag without a value, a switch with a value other than true/false, an
 * unknown flag (naming the nearest known one) or an extra argument is a {@link UsageError}.
 */
export function parseFlags(args: string[], specs: FlagSpecs, options: ParseOptions): ParsedFlags {
  const config: Record<string, { type: "boolean" | "string"; short?: string }> = {};
  for (const [name, spec] of Object.entries(specs)) {
    config[name] = { type: spec.type, ...(spec.short ? { short: spec.short } : {}) };
  }
  // non-strict: this module writes the messages; tokens say how each flag was typed
  const { tokens } = parseArgs({
    args,
    options: config,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const values: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  const known = Object.keys(specs).map((n) => `--${n}`);
  for (const token of tokens ?? []) {
    if (token.kind === "option-terminator") continue;
    if (token.kind === "positional") {
      positionals.push(token.value);
      continue;
    }
    const typed = token.rawName;
    const spec = specs[token.name];
    if (!spec || (typed.startsWith("--") && typed !== `--${token.name}`)) {
      throw unknownFlag(typed, known, options.command);
    }
    const flag = `--${token.name}`;
    if (token.name in values) throw new UsageError(`${flag}: given twice; allowed: once`);
    if (spec.type === "boolean") {
      const text = token.value ?? "true";
      if (!["true", "false", "1", "0"].includes(text)) {
        throw new ValidationError(flag, text, "true or false (or the flag alone)");
      }
      values[token.name] = text === "true" || text === "1";
      continue;
    }
    // a value that is the next flag means this one's value is missing
    if (token.value === undefined || (!token.inlineValue && token.value.startsWith("--"))) {
      throw new UsageError(`${flag}: got no value; allowed: ${spec.allowed ?? spec.help}`);
    }
    values[token.name] = token.value;
  }
  const max = options.positionals ?? 0;
  if (positionals.length > max) {
    const extra = positionals.slice(max).map((p) => JSON.stringify(p)).join(" ");
    throw new UsageError(
      max === 0
        ? `unexpected argument ${extra}: ${options.command} takes only flags (${options.command} --help lists them)`
        : `unexpected argument ${extra}: ${options.command} takes ${max} ${
          options.positionalName ?? "argument"
        }${max > 1 ? "s" : ""}`,
    );
  }
  return { values, positionals };
}

function unknownFlag(typed: string, known: string[], command: string): UsageError {
  const hint = nearest(typed.startsWith("--") ? typed : `-${typed}`, known);
  const list = known.length <= 8
    ? `allowed: ${known.join(", ")}`
    : `${command} --help lists every option`;
  return new UsageError(
    `unknown flag ${JSON.stringify(typed)}${hint ? `; did you mean ${hint}?` : ""}; ${list}`,
  );
}

/** An integer flag's value: `--steps abc` → `--steps: got "abc"; allowed: an integer 1..1e9`. */
export function intFlag(flag: string, text: string, min: number, max: number): number {
  const n = /^\s*[+-]?\d+\s*$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new ValidationError(flag, text, `an integer ${min}..${max}`);
  }
  return n;
}

/** A finite number flag within [min, max]. */
export function numberFlag(flag: string, text: string, min: number, max: number): number {
  const n = text.trim() === "" ? NaN : Number(text);
  if (!Number.isFinite(n) || n < min || n > max) {
    throw new ValidationError(flag, text, `a number from ${min} to ${max}`);
  }
  return n;
}

/** One of `choices`, naming the nearest when the text is close to one. */
export function choiceFlag<T extends string>(flag: string, text: string, choices: readonly T[]): T {
  if ((choices as readonly string[]).includes(text)) return text as T;
  const hint = nearest(text, choices);
  throw new ValidationError(
    flag,
    text,
    `${choices.join(", ")}${hint ? ` (did you mean ${hint}?)` : ""}`,
  );
}

/** A non-empty path flag. */
export function pathFlag(flag: string, text: string, what = "a path"): string {
  if (text.trim() === "") throw new ValidationError(flag, text, what);
  return text;
}

/** The `Options:` block of a `--help` text, one line per flag. */
export function flagHelp(specs: FlagSpecs, width = 24): string {
  return Object.entries(specs).map(([name, spec]) => {
    const left = `${spec.short ? `-${spec.short}, ` : ""}--${name}${
      spec.type === "string" ? ` <${spec.arg ?? "value"}>` : ""
    }`;
    const def = spec.default === undefined ? "" : ` (default: ${spec.default})`;
    return `  ${left.padEnd(width)} ${spec.help}${def}`;
  }).join("\n");
}
