/**
 * Run ids (the names of run folders; rollout labels follow the same rule) and the path joining the
 * store uses. Imports nothing.
 * @module
 */

const ID_PATTERN = /^[A-Za-z0-9._-]+$/;

/** Whether `id` is a valid run id (also used for rollout labels); `.` names a folder itself. */
export function isValidRunId(id: unknown): id is string {
  return typeof id === "string" && id.length > 0 && id.length <= 200 && ID_PATTERN.test(id) &&
    id !== "." && !id.includes("..");
}

/** Throws unless `id` is a valid run id. */
export function checkRunId(id: unknown, what = "run id"): string {
  if (!isValidRunId(id)) {
    throw new Error(
      `${what}: got ${
        JSON.stringify(id)
      }; allowed: letters, digits, ".", "_", "-" (not "." alone, no "..")`,
    );
  }
  return id;
}

/** Joins path parts with single slashes. */
export function join(...parts: string[]): string {
  return parts.join("/").replace(/\/+/g, "/");
}

/** A new run id: `<env>-<algo>-<UTC yyyymmdd-hhmmss>-<4 hex>`. */
export function newRunId(env: string, algo: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  const tag = crypto.randomUUID().slice(0, 4);
  return `${env}-${algo}-${stamp}-${tag}`.replace(/[^A-Za-z0-9._-]/g, "_");
}
