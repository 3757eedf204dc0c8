/** @jsxImportSource npm:preact@10.29.8 */
/**
 * `/runs/:id`: one run: status, learning curves (live while running), config and rollouts.
 * Malformed run files are listed in an error panel; the rest of the run is still shown.
 * @module
 */
import { ErrorPanel, fmt, fmtDuration, Island, renderPage } from "../../lib/ui/layout.tsx";
import type { RouteContext } from "../../lib/ui/route.ts";
import { loadRun, rolloutInfos } from "../../lib/ui/runs.ts";
import { evalSummary } from "../../lib/ui/series.ts";
import { exportCheckpoint } from "../../lib/export/run_checkpoint.ts";
import RunCharts from "../../islands/RunCharts.tsx";

/** Renders the run page. */
export async function GET(ctx: RouteContext): Promise<Response> {
  const run = await loadRun(ctx.runsDir, ctx.params.id);
  const rollouts = await rolloutInfos(ctx.runsDir, run);
  const { config, status } = run;
  const summary = evalSummary(run.metrics);
  const id = encodeURIComponent(run.id);
  const live = status?.status === "running";
  const checkpoint = await exportCheckpoint(run.dir, { verify: false }); // shown, not read
  const seeds = config?.seeds ?? [0];
  return renderPage(
    run.id,
    <>
      <h1>
        {run.id}{" "}
        <span id="run-status" class={`status status-${status?.status ?? "error"}`}>
          {status?.status ?? "unknown"}
        </span>
      </h1>
      {run.errors.length > 0
        ? <ErrorPanel title="Some files of this run could not be read" errors={run.errors} />
        : null}
      {status?.error ? <ErrorPanel title="The run failed" errors={[status.error]} /> : null}
      {status?.stoppedEarly
        ? (
          <p class="muted" id="stopped-note">
            Stopped early by its <code>{status.stoppedBy ?? "callback"}</code> callback, after{" "}
            {fmt(status.stepsDone, 0)} of {fmt(status.stepsTotal, 0)}{" "}
            steps. Continue it to the budget with <code>resumeRun</code> (or{" "}
            <code>deno task train --resume {run.id}</code>
            for a task of physics/).
          </p>
        )
        : null}
      {status?.status === "stale"
        ? (
          <p class="muted" id="stale-note">
            status.json says running, but the process that wrote it is gone from this host (killed
            before it could write its final status). Continue it from its last checkpoint with{" "}
            <code>deno task train --resume {run.id}</code>.
          </p>
        )
        : null}
      <dl class="facts">
        <dt>Environment</dt>
        <dd>{config?.env ?? "–"}</dd>
        <dt>Algorithm</dt>
        <dd>{config?.algo ?? "–"}</dd>
        <dt>Seeds</dt>
        <dd>{config?.seeds?.join(", ") ?? "–"}</dd>
        <dt>Steps</dt>
        <dd id="run-steps">
          {fmt(status?.stepsDone, 0)} / {fmt(status?.stepsTotal ?? config?.steps, 0)}
        </dd>
        <dt>Best evaluation</dt>
        <dd id="run-best">{fmt(status?.bestEval)}</dd>
        <dt>Final eval (mean ± std over seeds)</dt>
        <dd>{fmt(summary.final)} ± {fmt(summary.finalStd)}</dd>
        <dt>Updates ran on</dt>
        <dd>
          {config?.runtime
            ? `${config.runtime.implementation} (${config.runtime.backend})`
            : config?.backend ?? "–"}
        </dd>
        <dt>Wall time</dt>
        <dd id="run-wall">{fmtDuration(status?.wallTime)}</dd>
        <dt>Updated</dt>
        <dd id="run-updated">{status?.updatedAt ?? "–"}</dd>
      </dl>
      <p>
        <a href={`/compare?ids=${id}`}>Compare with other runs</a> ·{" "}
        <a href={`/api/runs/${id}/metrics`}>metrics (JSON)</a> ·{" "}
        <a href={`/api/runs/${id}`}>config (JSON)</a>
      </p>
      <h2>Learning curves</h2>
      <Island name="RunCharts" component={RunCharts} props={{ id: run.id, live }} />
      <h2>Rollouts</h2>
      {rollouts.length === 0
        ? <p class="muted">No rollouts recorded yet.</p>
        : (
          <table class="rollouts">
            <thead>
              <tr>
                <th>Label</th>
                <th>Env</th>
                <th class="num">Episodes</th>
                <th class="num">Frames</th>
                <th class="num">Return</th>
              </tr>
            </thead>
            <tbody>
              {rollouts.map((r) => (
                <tr>
                  <td>
                    {r.error
                      ? r.label
                      : (
                        <a href={`/runs/${id}/rollouts/${encodeURIComponent(r.label)}`}>
                          {r.label}
                        </a>
                      )}
                    {r.error ? <div class="error-text">{r.error}</div> : null}
                  </td>
                  <td>{r.env ?? "–"}</td>
                  <td class="num">{r.episodes?.length ?? "–"}</td>
                  <td class="num">{r.episodes?.reduce((a, e) => a + e.frames, 0) ?? "–"}</td>
                  <td class="num">
                    {r.episodes ? r.episodes.map((e) => fmt(e.return)).join(", ") : "–"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      <h2>Policy</h2>
      {checkpoint
        ? (
          <>
            <p class="muted" id="export-note">
              Each seed's deterministic policy from the <code>{checkpoint.which}</code>{" "}
              checkpoint, for use outside stackrl (an ONNX file, or a TensorFlow.js model: both
              files in one folder); <code>deno task export {run.id}</code> writes the same.
            </p>
            <table class="exports">
              <thead>
                <tr>
                  <th>Seed</th>
                  <th>ONNX</th>
                  <th>TensorFlow.js</th>
                </tr>
              </thead>
              <tbody>
                {seeds.map((seed, p) => {
                  const base = `/api/runs/${id}/export`;
                  return (
                    <tr>
                      <td>{seed}</td>
                      <td>
                        <a href={`${base}/policy.onnx?member=${p}`} download>policy.onnx</a>
                      </td>
                      <td>
                        <a href={`${base}/model.json?member=${p}`} download="model.json">
                          model.json
                        </a>{" "}
                        +{" "}
                        <a
                          href={`${base}/group1-shard1of1.bin?member=${p}`}
                          download="group1-shard1of1.bin"
                        >
                          group1-shard1of1.bin
                        </a>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </>
        )
        : <p class="muted" id="export-note">No checkpoint yet, so no policy to export.</p>}
      <h2>Config</h2>
      {config
        ? <pre class="config">{JSON.stringify(config, null, 2)}</pre>
        : <p class="muted">config.json could not be read.</p>}
    </>,
  );
}
