/**
 * Live metrics over Server-Sent Events: tails a run's `metrics.jsonl` from a byte offset and its
 * `status.json`, sending `rows`, `status` and finally `end` once the run is no longer running.
 * A run whose status says running but whose writer is gone from this host is reported `stale`
 * (lib/store/run_lock.ts) and ends the stream like a stopped run: no more rows will come. So does
 * a run whose folder was removed.
 * @module
 */
import { type Context, streamSSE } from "./deps.ts";
import { readMetrics } from "./runs.ts";
import { runIsStale } from "../store/run_lock.ts";
import { hidePaths } from "./hide_paths.ts";

/** Streams the run in `dir` from byte `offset`, polling every `pollMs` milliseconds. */
export function streamMetrics(
  c: Context,
  dir: string,
  offset: number,
  pollMs: number,
): Response {
  return streamSSE(c, async (stream) => {
    let aborted = false;
    stream.onAbort(() => {
      aborted = true;
    });
    let lastStatus = "";
    while (!aborted) {
      let rows: unknown[] = [];
      try {
        const next = await readMetrics(dir, offset);
        rows = next.rows;
        offset = next.offset;
      } catch (error) {
        await stream.writeSSE({
          event: "problem",
          data: JSON.stringify({ error: hidePaths((error as Error).message, [dir]) }),
        });
      }
      if (rows.length > 0) {
        await stream.writeSSE({
          event: "rows",
          id: String(offset),
          data: JSON.stringify({ offset, rows }),
        });
      }
      let running = true;
      try {
        let status = JSON.parse(await Deno.readTextFile(`${dir}/status.json`));
        if (status && typeof status === "object" && runIsStale(dir, status)) {
          status = { ...status, status: "stale" };
        }
        running = status?.status === "running";
        const text = JSON.stringify(status);
        if (text !== lastStatus) {
          lastStatus = text;
          await stream.writeSSE({ event: "status", data: text });
        }
      } catch {
        // no status yet, or a malformed one: keep watching, unless the run itself is gone
        running = await Deno.stat(dir).then((st) => st.isDirectory, () => false);
      }
      if (!running && rows.length === 0) {
        await stream.writeSSE({ event: "end", data: JSON.stringify({ offset }) });
        break;
      }
      await stream.sleep(pollMs);
    }
  });
}
