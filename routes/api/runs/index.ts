/**
 * `GET /api/runs` → `{ runs: RunSummary[] }` (the run store's summaries without `dir`, newest
 * first; an unreadable run has `error` and may lack other fields).
 * @module
 */
import { json, type RouteContext } from "../../../lib/ui/route.ts";
import { listRuns } from "../../../lib/ui/runs.ts";

/** Lists the runs. */
export async function GET(ctx: RouteContext): Promise<Response> {
  const runs = (await listRuns(ctx.runsDir)).map(({ dir: _dir, ...r }) => r);
  return json({ runs });
}
