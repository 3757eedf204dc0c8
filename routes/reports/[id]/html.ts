/**
 * `/reports/:id/html`: the report's self-contained `report.html` (inline SVG and CSS).
 * @module
 */
import type { RouteContext } from "../../../lib/ui/route.ts";
import { loadReport } from "../../../lib/ui/reports.ts";
import { HttpError } from "../../../lib/ui/runs.ts";

/** Serves report.html. */
export async function GET(ctx: RouteContext): Promise<Response> {
  const report = await loadReport(ctx.reportsDir, ctx.params.id);
  if (report.html === null) throw new HttpError(404, `report ${report.id} has no report.html`);
  return new Response(report.html, { headers: { "content-type": "text/html; charset=utf-8" } });
}
