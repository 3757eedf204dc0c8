/** @jsxImportSource npm:preact@10.29.8 */
/// <reference lib="dom" />
/**
 * The learning curves of one run (uPlot): evaluation and training return per seed with their
 * mean ± std, critic loss, the Stackelberg diagnostics (cosine, correction ratio) and steps/s.
 * Rows come from `/api/runs/:id/metrics`; while the run is running, new rows arrive over
 * Server-Sent Events from `/api/runs/:id/stream` and the charts redraw without a reload; each
 * status event also rewrites the page's header facts (islands/run_header.ts).
 * @module
 */
import { useEffect, useRef, useState } from "./deps.ts";
import { type RowLike, seedBand } from "../lib/ui/series.ts";
import { COLORS, createChart, type LiveChart } from "./chart_util.ts";
import { applyStatus } from "./run_header.ts";
import { ChartGrid, RUN_CHARTS } from "./chart_grid.tsx";

/** The run page's charts island. */
export default function RunCharts(props: { id: string; live: boolean }) {
  const refs = useRef<Record<string, HTMLDivElement | null>>({});
  const [note, setNote] = useState("loading metrics…");
  const [empty, setEmpty] = useState<string[]>([]);
  const [count, setCount] = useState(0);
  const [live, setLive] = useState("");

  useEffect(() => {
    let closed = false;
    let source: EventSource | undefined;
    const charts = new Map<string, LiveChart>();
    let rows: RowLike[] = [];
    const draw = async () => {
      const missing: string[] = [];
      for (const spec of RUN_CHARTS) {
        const band = seedBand(rows, spec.type, spec.field, { grid: spec.grid, bins: 100 });
        const el = refs.current[spec.key];
        if (band.x.length === 0 || !el) {
          missing.push(spec.key);
          continue;
        }
        const groups = [{ label: "all seeds", color: COLORS[0], band, members: true }];
        const chart = charts.get(spec.key);
        if (chart) chart.update(groups);
        else if (!closed) charts.set(spec.key, await createChart(el, groups, { log: spec.log }));
      }
      setEmpty(missing);
    };
    (async () => {
      const id = encodeURIComponent(props.id);
      const res = await fetch(`/api/runs/${id}/metrics?max=1000`);
      if (!res.ok) {
        setNote(`cannot load metrics: HTTP ${res.status}`);
        return;
      }
      const body = await res.json();
      rows = body.rows;
      setCount(rows.length);
      setNote(
        `${body.total} metric rows${body.downsampled ? `, downsampled to ${body.returned}` : ""}` +
          (props.live ? " · live" : ""),
      );
      await draw();
      if (props.live && !closed) {
        source = new EventSource(`/api/runs/${id}/stream?offset=${body.offset}`);
        let pending = false;
        source.addEventListener("rows", (e) => {
          rows = rows.concat(JSON.parse((e as MessageEvent).data).rows);
          setCount(rows.length);
          setNote(`${rows.length} metric rows · live`);
          if (!pending) {
            pending = true;
            setTimeout(() => {
              pending = false;
              draw();
            }, 250);
          }
        });
        source.addEventListener("status", (e) => {
          const st = JSON.parse((e as MessageEvent).data);
          // the header above was rendered when the page loaded: keep it in step with the run
          if (st && typeof st === "object") applyStatus(document, st);
          if (st && typeof st.stepsDone === "number") {
            setLive(
              `${st.status} · ${st.stepsDone.toLocaleString("en-US")} / ${
                Number(st.stepsTotal).toLocaleString("en-US")
              } steps` +
                (typeof st.bestEval === "number" ? ` · best eval ${st.bestEval.toFixed(1)}` : ""),
            );
          }
        });
        source.addEventListener("end", () => {
          source?.close();
          setNote((n) => n.replace(" · live", " · run ended"));
        });
      }
    })().catch((e) => setNote(`cannot draw charts: ${e}`));
    return () => {
      closed = true;
      source?.close();
      for (const c of charts.values()) c.destroy();
    };
  }, [props.id, props.live]);

  return (
    <div class="run-charts" data-rows={count}>
      <p class="muted" id="charts-note">
        {note}
        {live ? <span id="live-status">· {live}</span> : null}
      </p>
      <ChartGrid empty={empty} refs={refs} />
    </div>
  );
}
