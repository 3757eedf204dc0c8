/** @jsxImportSource npm:preact@10.29.8 */
/**
 * `/compare?ids=a,b,…`: several runs side by side (the paper's Figure 3: one chart per environment,
 * one mean ± std band over seeds per run) and a table of final and best evaluation returns.
 * Without ids, a list of runs to pick from.
 * @module
 */
import { ErrorPanel, fmt, Island, renderPage } from "../lib/ui/layout.tsx";
import type { RouteContext } from "../lib/ui/route.ts";
import { HttpError, loadRun, runDir, runSummaries, type RunView } from "../lib/ui/runs.ts";
import { evalSummary } from "../lib/ui/series.ts";
import CompareChart, { type CompareRun } from "../islands/CompareChart.tsx";

/** Run ids of the query: `ids=a,b` and/or repeated `ids`/`id` parameters, de-duplicated. */
export function idsOf(url: URL): string[] {
  const raw = [...url.searchParams.getAll("ids"), ...url.searchParams.getAll("id")]
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
  return [...new Set(raw)];
}

/** Renders the compare page. */
export async function GET(ctx: RouteContext): Promise<Response> {
  const ids = idsOf(ctx.url);
  for (const id of ids) runDir(ctx.runsDir, id); // 400 on a bad id
  if (ids.length === 0) {
    const runs = await runSummaries(ctx.runsDir);
    return renderPage(
      "Compare",
      <>
        <h1>Compare runs</h1>
        <form method="get" action="/compare" class="pick">
          {runs.length === 0 ? <p class="muted">No runs yet.</p> : null}
          {runs.map((r) => (
            <label>
              <input type="checkbox" name="id" value={r.id} /> {r.id}{" "}
              <span class="muted">{r.env} · {r.algo} · seeds {r.seeds?.join(",")}</span>
            </label>
          ))}
          <button type="submit">Compare</button>
        </form>
      </>,
    );
  }
  const runs: RunView[] = [];
  const problems: string[] = [];
  for (const id of ids) {
    try {
      const run = await loadRun(ctx.runsDir, id);
      runs.push(run);
      for (const e of run.errors) problems.push(`${id}: ${e}`);
    } catch (error) {
      if (error instanceof HttpError && error.status === 404) problems.push(error.message);
      else throw error;
    }
  }
  // legend: the algorithm, plus the id where one environment has the algorithm twice
  const count = new Map<string, number>();
  for (const r of runs) {
    const key = `${r.config?.env}\u0000${r.config?.algo}`;
    count.set(key, (count.get(key) ?? 0) + 1);
  }
  const compareRuns: CompareRun[] = runs.map((r) => {
    const env = r.config?.env ?? "unknown env", algo = r.config?.algo ?? "unknown algorithm";
    const twice = (count.get(`${r.config?.env}\u0000${r.config?.algo}`) ?? 0) > 1;
    return { id: r.id, env, algo, label: twice ? `${algo} (${r.id})` : algo };
  });
  return renderPage(
    "Compare",
    <>
      <h1>Compare {runs.length} run{runs.length === 1 ? "" : "s"}</h1>
      {problems.length > 0 ? <ErrorPanel title="Problems" errors={problems} /> : null}
      <Island
        name="CompareChart"
        component={CompareChart}
        props={{ runs: compareRuns }}
      />
      <h2>Final and best evaluation returns</h2>
      <table class="compare-table">
        <thead>
          <tr>
            <th>Run</th>
            <th>Env</th>
            <th>Algorithm</th>
            <th class="num">Seeds</th>
            <th class="num">Steps done</th>
            <th class="num">Final (mean ± std over seeds)</th>
            <th class="num">Best mean</th>
            <th class="num">at step</th>
            <th class="num">Best eval (run status)</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => {
            const s = evalSummary(r.metrics);
            return (
              <tr>
                <td>
                  <a href={`/runs/${encodeURIComponent(r.id)}`}>{r.id}</a>
                </td>
                <td>{r.config?.env ?? "–"}</td>
                <td>{r.config?.algo ?? "–"}</td>
                <td class="num">{r.config?.seeds?.length ?? "–"}</td>
                <td class="num">{fmt(r.status?.stepsDone, 0)}</td>
                <td class="num">{fmt(s.final)} ± {fmt(s.finalStd)}</td>
                <td class="num">{fmt(s.best)}</td>
                <td class="num">{fmt(s.bestStep, 0)}</td>
                <td class="num">{fmt(r.status?.bestEval)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>,
  );
}
