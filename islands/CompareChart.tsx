/** @jsxImportSource npm:preact@10.29.8 */
/// <reference lib="dom" />
/**
 * Several runs on one chart, mean ± std over each run's seeds (the paper's Figure 3 layout),
 * for evaluation or training return.
 * @module
 */
import { useEffect, useRef, useState } from "./deps.ts";
import { type RowLike, seedBand } from "../lib/ui/series.ts";
import { type BandGroup, COLORS, createChart, type LiveChart } from "./chart_util.ts";

const METRICS = {
  eval: { title: "Evaluation return", type: "eval", field: "returnMean", grid: "exact" },
  train: { title: "Training episode return", type: "episode", field: "return", grid: "bins" },
} as const;

/** The compare page's chart island. */
export default function CompareChart(props: { ids: string[]; labels: string[] }) {
  const el = useRef<HTMLDivElement>(null);
  const [metric, setMetric] = useState<keyof typeof METRICS>("eval");
  const [rowsById, setRows] = useState<Record<string, RowLike[]> | null>(null);
  const [note, setNote] = useState("loading metrics…");
  const chart = useRef<LiveChart | null>(null);

  useEffect(() => {
    Promise.all(props.ids.map(async (id) => {
      const res = await fetch(`/api/runs/${encodeURIComponent(id)}/metrics?max=2000`);
      return [id, res.ok ? (await res.json()).rows : []] as const;
    })).then((pairs) => {
      setRows(Object.fromEntries(pairs));
      setNote("");
    }).catch((e) => setNote(`cannot load metrics: ${e}`));
  }, [props.ids.join(",")]);

  useEffect(() => {
    if (!rowsById || !el.current) return;
    const spec = METRICS[metric];
    const groups: BandGroup[] = props.ids.map((id, i) => ({
      label: props.labels[i] ?? id,
      color: COLORS[i % COLORS.length],
      band: seedBand(rowsById[id] ?? [], spec.type, spec.field, { grid: spec.grid, bins: 100 }),
      members: false,
    })).filter((g) => g.band.x.length > 0);
    if (groups.length === 0) {
      setNote("no data for this metric yet");
      chart.current?.destroy();
      chart.current = null;
      return;
    }
    setNote("");
    if (chart.current) chart.current.update(groups);
    else createChart(el.current, groups, { height: 380 }).then((c) => chart.current = c);
  }, [rowsById, metric]);

  useEffect(() => () => chart.current?.destroy(), []);

  return (
    <div class="compare-chart">
      <div class="toolbar">
        {Object.entries(METRICS).map(([key, m]) => (
          <label>
            <input
              type="radio"
              name="metric"
              checked={metric === key}
              onChange={() => setMetric(key as keyof typeof METRICS)}
            />
            {m.title}
          </label>
        ))}
      </div>
      {note ? <p class="muted">{note}</p> : null}
      <div class="chart-canvas" ref={el} />
    </div>
  );
}
