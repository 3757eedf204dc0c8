/**
 * Which checkpoint of a run a policy is exported from: `checkpoints/best` (the best evaluation
 * so far), or `checkpoints/last` while the run has not been evaluated. Checked by default
 * against its checksums (lib/train/checkpoint.ts `findRunCheckpoint`, the agent's files only): a
 * damaged `best` is skipped with a notice and `last` is used. Kept apart from lib/export/mod.ts
 * so that the UI can ask without loading tfjs or protobufjs.
 * @module
 */
import { findCheckpoint, findRunCheckpoint } from "../train/checkpoint.ts";
import { FileError } from "../train/files.ts";

/** Options of {@link exportCheckpoint}. */
export interface ExportCheckpointOptions {
  /** Where notices of a damaged checkpoint go (default: stderr). */
  log?: (line: string) => void;
  /**
   * Verify checksums (default true). False: only whether a complete checkpoint is there, for a
   * page that offers the export without reading the files.
   */
  verify?: boolean;
}

/**
 * The checkpoint folder of `runDir` to export, and which one it is; undefined when none. A
 * damaged checkpoint gives `log` one line naming its file; a {@link FileError} when every one
 * there is damaged.
 */
export async function exportCheckpoint(
  runDir: string,
  options: ExportCheckpointOptions = {},
): Promise<{ dir: string; which: "best" | "last" } | undefined> {
  const { log = console.error, verify = true } = options;
  let damaged: FileError | undefined;
  for (const which of ["best", "last"] as const) {
    if (!verify) {
      const dir = await findCheckpoint(`${runDir}/checkpoints`, which);
      if (dir) return { dir, which };
      continue;
    }
    try {
      const found = await findRunCheckpoint(runDir, which, {
        log,
        verb: "exporting from",
        withReplay: false,
      });
      if (found) {
        if (damaged) log(`${damaged.message}; exporting from checkpoints/${which} instead`);
        return { dir: found.dir, which };
      }
    } catch (error) {
      if (!(error instanceof FileError)) throw error;
      damaged ??= error;
    }
  }
  if (damaged) throw damaged;
  return undefined;
}
