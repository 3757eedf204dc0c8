/**
 * `/reports/:id/file?path=<section>/<name>.svg|csv`: one figure or table of a report.
 * @module
 */
import type { RouteContext } from "../../../lib/ui/route.ts";
import { loadReport } from "../../../lib/ui/reports.ts";
import { HttpError } from "../../../lib/ui/runs.ts";

const TYPES: Record<string, string> = {
  svg: "image/svg+xml; charset=utf-8",
  csv: "text/csv; charset=utf-8",
};

/** Serves a figure or table listed by the report. */
export async function GET(ctx: RouteContext): Promise<Response> {
  const report = await loadReport(ctx.reportsDir, ctx.params.id);
  const path = ctx.url.searchParams.get("path") ?? "";
  if (!report.files.includes(path)) {
    throw new HttpError(
      path.split("/").some((s) => s === ".." || s === "") ? 400 : 404,
      `report ${report.id} has no figure or table ${JSON.stringify(path)}`,
    );
  }
  const type = TYPES[path.slice(path.lastIndexOf(".") + 1)];
  return new Response(await report.readFile(path), { headers: { "content-type": type } });
}
