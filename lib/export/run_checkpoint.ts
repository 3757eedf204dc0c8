/**
 * Which checkpoint of a run a policy is exported from: `checkpoints/best` (the best evaluation
 * so far), or `checkpoints/last` while the run has not been evaluated. Each is verified against
 * its checksums (lib/train/checkpoint.ts `findRunCheckpoint`): a damaged `best` is skipped with a
 * notice and `last` is used. Kept apart from lib/export/mod.ts so that the UI can ask without
 * loading tfjs or protobufjs.
 * @module
 */
import { findRunCheckpoint } from "../train/checkpoint.ts";
import { FileError } from "../train/files.ts";

/**
 * The checkpoint folder of `runDir` to export, and which one it is; undefined when none. A
 * damaged checkpoint gives `log` one line naming its file; a {@link FileError} when every one
 * there is damaged.
 */
export async function exportCheckpoint(
  runDir: string,
  log: (line: string) => void = console.error,
): Promise<{ dir: string; which: "best" | "last" } | undefined> {
  let damaged: FileError | undefined;
  for (const which of ["best", "last"] as const) {
    try {
      const found = await findRunCheckpoint(runDir, which, log, "exporting from");
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
