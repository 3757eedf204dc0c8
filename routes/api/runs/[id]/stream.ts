/**
 * `GET /api/runs/:id/stream[?offset=N]`: Server-Sent Events with the run's new metric rows.
 * Events: `rows` (`{offset, rows}`, rows appended since `offset`, default 0 = all), `status`
 * (the status.json object, when it changes) and `end` (the run is no longer running and every
 * row was sent; the stream then closes).
 * @module
 */
import type { RouteContext } from "../../../../lib/ui/route.ts";
import { findRun, HttpError } from "../../../../lib/ui/runs.ts";
import { streamMetrics } from "../../../../lib/ui/sse.ts";

/** Streams the run's metrics. */
export async function GET(ctx: RouteContext): Promise<Response> {
  const dir = await findRun(ctx.runsDir, ctx.params.id);
  const raw = ctx.url.searchParams.get("offset");
  const offset = raw === null ? 0 : Number(raw);
  if (!Number.isInteger(offset) || offset < 0) {
    throw new HttpError(400, `offset: got ${JSON.stringify(raw)}; allowed: an integer ≥ 0`);
  }
  return streamMetrics(ctx.hono, dir, offset, ctx.pollMs);
}
