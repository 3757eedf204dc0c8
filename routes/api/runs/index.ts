/**
 * `GET /api/runs` → `{ runs: RunSummary[] }` (the run store's summaries without `dir`, newest
 * first; an unreadable run has `error` and may lack other fields).
 * @module
 */
import { json, type RouteContext } from "../../../lib/ui/route.ts";
import { runSummaries } from "../../../lib/ui/runs.ts";

/** Lists the runs. */
export async function GET(ctx: RouteContext): Promise<Response> {
  const runs = await runSummaries(ctx.runsDir);
  return json({ runs });
}
