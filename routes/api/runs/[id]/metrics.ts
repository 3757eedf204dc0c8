/**
 * `GET /api/runs/:id/metrics[?type=eval,episode,update][&member=0][&max=2000]` →
 * `{ id, offset, total, returned, downsampled, rows: MetricRow[] }`.
 *
 * `total` counts the rows that match the filters; when a (type, member) group is longer than
 * `max` (default 5000, at most 100000) it is downsampled to `max` rows (bucket means; see
 * `downsampleRows`). `offset` is the byte offset after the last complete line, to continue with
 * `/api/runs/:id/stream?offset=…`.
 * @module
 */
import { json, type RouteContext } from "../../../../lib/ui/route.ts";
import { findRun, HttpError, readRunMetrics } from "../../../../lib/ui/runs.ts";
import { downsampleRows } from "../../../../lib/ui/series.ts";

const TYPES = ["episode", "eval", "update"];

/** The run's metric rows, filtered and downsampled. */
export async function GET(ctx: RouteContext): Promise<Response> {
  const dir = await findRun(ctx.runsDir, ctx.params.id);
  const q = ctx.url.searchParams;
  const types = q.get("type")?.split(",").filter(Boolean) ?? TYPES;
  for (const t of types) {
    if (!TYPES.includes(t)) {
      throw new HttpError(400, `type: got ${JSON.stringify(t)}; allowed: ${TYPES.join(", ")}`);
    }
  }
  const maxRaw = q.get("max");
  const max = maxRaw === null ? 5000 : Number(maxRaw);
  if (!Number.isInteger(max) || max < 1 || max > 100_000) {
    throw new HttpError(400, `max: got ${JSON.stringify(maxRaw)}; allowed: an integer 1..100000`);
  }
  const memberRaw = q.get("member");
  const member = memberRaw === null ? null : Number(memberRaw);
  if (member !== null && !(Number.isInteger(member) && member >= 0)) {
    throw new HttpError(400, `member: got ${JSON.stringify(memberRaw)}; allowed: an integer ≥ 0`);
  }
  // rows and offset from one read, so that a stream continuing at `offset` misses nothing
  const { rows: all, offset } = await readRunMetrics(dir);
  const rows = all.filter((r) =>
    types.includes(r.type) && (member === null || r.member === member)
  );
  const out = downsampleRows(rows, max);
  return json({
    id: ctx.params.id,
    offset,
    total: rows.length,
    returned: out.length,
    downsampled: out.length < rows.length,
    rows: out,
  });
}
