/** @jsxImportSource npm:preact@10.29.8 */
/**
 * `/reports/:id`: one report — its self-contained HTML in a frame (or its Markdown where no HTML
 * was written), the command that regenerates it, and its figures and tables.
 * @module
 */
import { renderPage } from "../../lib/ui/layout.tsx";
import type { RouteContext } from "../../lib/ui/route.ts";
import { loadReport } from "../../lib/ui/reports.ts";

/** Renders one report. */
export async function GET(ctx: RouteContext): Promise<Response> {
  const report = await loadReport(ctx.reportsDir, ctx.params.id);
  const base = `/reports/${encodeURIComponent(report.id)}`;
  return renderPage(
    `Report ${report.id}`,
    <>
      <h1>Report {report.id}</h1>
      {report.meta
        ? (
          <p class="muted">
            Budget {report.meta.budget} · built {report.meta.createdAt} in{" "}
            {report.meta.wallSeconds.toFixed(0)} s · regenerate with{" "}
            <code>{report.meta.command}</code>
          </p>
        )
        : null}
      {report.html
        ? (
          <iframe
            class="report"
            src={`${base}/html`}
            title={`report ${report.id}`}
            style="width:100%;height:80vh;border:1px solid #ddd"
          />
        )
        : <pre class="report-md">{report.markdown}</pre>}
      <h2>Figures and tables</h2>
      <ul>
        {report.files.map((f) => (
          <li key={f}>
            <a href={`${base}/file?path=${encodeURIComponent(f)}`}>{f}</a>
          </li>
        ))}
      </ul>
    </>,
  );
}
