/** @jsxImportSource npm:preact@10.29.8 */
/**
 * `/`: the runs table (sortable, filterable, checkboxes to compare).
 * @module
 */
import { Island, renderPage } from "../lib/ui/layout.tsx";
import type { RouteContext } from "../lib/ui/route.ts";
import { runSummaries } from "../lib/ui/runs.ts";
import { shownFolder } from "../lib/ui/hide_paths.ts";
import RunsTable, { type RunRow } from "../islands/RunsTable.tsx";

/** Renders the runs page. */
export async function GET(ctx: RouteContext): Promise<Response> {
  const runs: RunRow[] = await runSummaries(ctx.runsDir);
  return renderPage(
    "Runs",
    <>
      <h1>Runs</h1>
      <p class="muted">
        From{" "}
        <code>{shownFolder(ctx.runsDir)}</code>. Click a column to sort; tick runs to compare them.
      </p>
      <Island name="RunsTable" component={RunsTable} props={{ runs }} />
    </>,
  );
}
