/**
 * Which checkpoint of a run a policy is exported from: `checkpoints/best` (the best evaluation
 * so far), or `checkpoints/last` while the run has not been evaluated. Kept apart from
 * lib/export/mod.ts so that the UI can ask without loading tfjs or protobufjs.
 * @module
 */
import { findCheckpoint } from "../train/checkpoint.ts";

/** The checkpoint folder of `runDir` to export, and which one it is; undefined when none. */
export async function exportCheckpoint(
  runDir: string,
): Promise<{ dir: string; which: "best" | "last" } | undefined> {
  for (const which of ["best", "last"] as const) {
    const dir = await findCheckpoint(`${runDir}/checkpoints`, which);
    if (dir) return { dir, which };
  }
  return undefined;
}
