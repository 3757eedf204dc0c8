/**
 * The run page's header facts (status badge, steps, best evaluation, wall time, last update) are
 * rendered by the server once; while the page follows a live run, each `status` event of the
 * stream rewrites them here, so a run that finishes while watched no longer reads "running".
 * The elements are found by id (routes/runs/[id].tsx gives them), outside the charts island.
 * @module
 */
import { fmt, fmtDuration } from "../lib/ui/format.ts";

/** What of a document {@link applyStatus} uses (a test passes a stand-in). */
export interface HeaderDocument {
  getElementById(id: string): { textContent: string | null; className: string } | null;
}

/** The status.json fields the header shows (as the stream sends them; any may be missing). */
export interface HeaderStatus {
  status?: unknown;
  stepsDone?: unknown;
  stepsTotal?: unknown;
  bestEval?: unknown;
  wallTime?: unknown;
  updatedAt?: unknown;
}

const num = (v: unknown): number | undefined => typeof v === "number" ? v : undefined;

/** Rewrites the header facts of `doc` from `status`; fields of the wrong type are left as they are. */
export function applyStatus(doc: HeaderDocument, status: HeaderStatus): void {
  const set = (id: string, text: string) => {
    const el = doc.getElementById(id);
    if (el) el.textContent = text;
  };
  if (typeof status.status === "string" && /^[a-z]+$/.test(status.status)) {
    const badge = doc.getElementById("run-status");
    if (badge) {
      badge.textContent = status.status;
      badge.className = `status status-${status.status}`;
    }
  }
  if (num(status.stepsDone) !== undefined) {
    set("run-steps", `${fmt(num(status.stepsDone), 0)} / ${fmt(num(status.stepsTotal), 0)}`);
  }
  if (status.bestEval === null || num(status.bestEval) !== undefined) {
    set("run-best", fmt(num(status.bestEval)));
  }
  if (num(status.wallTime) !== undefined) set("run-wall", fmtDuration(num(status.wallTime)));
  if (typeof status.updatedAt === "string") set("run-updated", status.updatedAt);
}
