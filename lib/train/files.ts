/**
 * The run's files as the training commands meet them: a folder flag that names a file, a
 * config.json cut short, a checkpoint that cannot be loaded. Each becomes one line that names the
 * file or the flag, never a stack trace.
 * @module
 */
import { ValidationError } from "../errors.ts";

/** A file of a run (or a checkpoint) that is missing, unreadable or damaged; `path` names it. */
export class FileError extends Error {
  /** The file. */
  readonly path: string;
  /** `<path>: <problem>`. */
  constructor(path: string, problem: string) {
    super(`${path}: ${problem}`);
    this.name = "FileError";
    this.path = path;
  }
}

/**
 * Checks, without writing anything, that `path` can be a folder: it is one, or it does not exist
 * yet and no part of it is a file. Throws a ValidationError naming `flag`.
 */
export async function checkFolder(flag: string, path: string): Promise<void> {
  let current = path.replace(/\/+$/, "") || path;
  for (;;) {
    try {
      const stat = await Deno.stat(current);
      if (stat.isDirectory) return;
      throw new ValidationError(
        flag,
        path,
        current === path.replace(/\/+$/, "")
          ? "a folder (this is a file)"
          : `a folder path (${current} is a file)`,
      );
    } catch (error) {
      if (error instanceof ValidationError) throw error;
      if (error instanceof Deno.errors.NotADirectory) {
        throw new ValidationError(flag, path, "a folder path (a part of it is a file)");
      }
      if (!(error instanceof Deno.errors.NotFound)) {
        throw new ValidationError(
          flag,
          path,
          `a folder this user can read (${(error as Error).message})`,
        );
      }
    }
    const parent = current.includes("/") ? current.slice(0, current.lastIndexOf("/")) : ".";
    if (parent === current || parent === "") return;
    current = parent;
  }
}

/** Reads and parses a JSON file; a missing, unreadable or damaged one is a {@link FileError}. */
export async function readJsonFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (error) {
    throw new FileError(
      path,
      error instanceof Deno.errors.NotFound
        ? "missing"
        : `cannot be read (${(error as Error).message})`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new FileError(
      path,
      `not valid JSON (cut short or damaged?): ${(error as Error).message}`,
    );
  }
}

/**
 * Runs `read`, which reads the checkpoint file (or folder) `path`; what fails because the file is
 * missing, cut short or damaged becomes a {@link FileError} naming `path`. Other failures (a
 * backend that cannot start, a bad option) pass through.
 */
export async function readingFile<T>(path: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof FileError) throw error;
    const message = (error as Error)?.message?.split("\n")[0] ?? String(error);
    if (error instanceof Deno.errors.NotFound) throw new FileError(path, `missing (${message})`);
    if (
      error instanceof SyntaxError || error instanceof RangeError ||
      /^(agent\.json|tensors\.bin|trainer\.json|replay\.bin)|\/(agent|trainer)\.json/.test(message)
    ) {
      throw new FileError(path, `cannot be loaded (cut short or damaged?): ${message}`);
    }
    throw error;
  }
}

/** Whether `error` is one of Deno's file-system errors (their message names the path). */
function isFileSystemError(error: unknown): boolean {
  const e = Deno.errors;
  return [
    e.NotFound,
    e.PermissionDenied,
    e.AlreadyExists,
    e.NotADirectory,
    e.IsADirectory,
    e.NotCapable,
    e.FilesystemLoop,
  ].some((kind) => kind !== undefined && error instanceof kind) ||
    (error instanceof Error && /\(os error \d+\)/.test(error.message));
}

/**
 * One line for an unexpected failure: a file-system error with the path it names (and `where`,
 * the flag that chose it), anything else as "training failed: <message>". The stack is printed
 * only with STACKRL_DEBUG=1 (a failed run keeps it in status.json).
 */
export function describeFailure(error: unknown, where: string): string {
  const message = (error as Error)?.message ?? String(error);
  if (Deno.env.get("STACKRL_DEBUG") === "1" && error instanceof Error && error.stack) {
    return `training failed: ${error.stack}`;
  }
  if (isFileSystemError(error)) return `cannot write the run (${where}): ${message}`;
  return `training failed: ${message.split("\n")[0]} (STACKRL_DEBUG=1 shows where)`;
}
