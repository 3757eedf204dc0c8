/** @jsxImportSource npm:preact@10.29.8 */
/**
 * `/reports`: the reproduction reports written by `deno task reproduce`.
 * @module
 */
import { renderPage } from "../../lib/ui/layout.tsx";
import { shownFolder } from "../../lib/ui/hide_paths.ts";
import type { RouteContext } from "../../lib/ui/route.ts";
import { reportSummaries } from "../../lib/ui/reports.ts";

/** Renders the reports list. */
export async function GET(ctx: RouteContext): Promise<Response> {
  const reports = await reportSummaries(ctx.reportsDir);
  return renderPage(
    "Reports",
    <>
      <h1>Reports</h1>
      <p class="muted">
        From <code>{shownFolder(ctx.reportsDir)}</code>. Build one with{" "}
        <code>deno task reproduce</code>.
      </p>
      {reports.length === 0 ? <p class="muted">No reports yet.</p> : (
        <table class="runs">
          <thead>
            <tr>
              <th>Report</th>
              <th>Budget</th>
              <th>Sections</th>
              <th>Verdicts</th>
              <th>Created</th>
            </tr>
          </thead>
          <tbody>
            {reports.map((r) => (
              <tr key={r.id}>
                <td>
                  <a href={`/reports/${encodeURIComponent(r.id)}`}>{r.id}</a>
                  <div class="muted">{r.title}</div>
                </td>
                <td>{r.budget ?? "–"}</td>
                <td>{r.sections?.join(", ") ?? "–"}</td>
                <td>
                  {r.verdicts
                    ? Object.entries(r.verdicts).map(([word, n]) => `${n} ${word}`).join(", ") ||
                      "none"
                    : "–"}
                </td>
                <td>{r.createdAt ?? "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>,
  );
}
