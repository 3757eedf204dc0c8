/** @jsxImportSource npm:preact@10.29.8 */
/// <reference lib="dom" />
/**
 * Several runs side by side, the way the paper's Figure 3 shows methods: one chart per
 * environment, one curve per run with its mean ± std band over seeds, each algorithm in the same
 * colour on every chart; for evaluation or training return.
 * @module
 */
import { useEffect, useRef, useState } from "./deps.ts";
import { type RowLike, seedBand } from "../lib/ui/series.ts";
import { type BandGroup, COLORS, createChart, type LiveChart } from "./chart_util.ts";

const METRICS = {
  eval: { title: "Evaluation return", type: "eval", field: "returnMean", grid: "exact" },
  train: { title: "Training episode return", type: "episode", field: "return", grid: "bins" },
} as const;

/** One run on the compare page. */
export interface CompareRun {
  id: string;
  env: string;
  algo: string;
  /** Legend text. */
  label: string;
}

/** The environments of `runs` in first-appearance order, with their runs. */
export function byEnv(runs: CompareRun[]): [string, CompareRun[]][] {
  const groups = new Map<string, CompareRun[]>();
  for (const r of runs) {
    let g = groups.get(r.env);
    if (!g) groups.set(r.env, g = []);
    g.push(r);
  }
  return [...groups.entries()];
}

/** The compare page's chart island. */
export default function CompareChart(props: { runs: CompareRun[] }) {
  const refs = useRef<Record<string, HTMLDivElement | null>>({});
  const charts = useRef(new Map<string, LiveChart>());
  const [metric, setMetric] = useState<keyof typeof METRICS>("eval");
  const [rowsById, setRows] = useState<Record<string, RowLike[]> | null>(null);
  const [note, setNote] = useState("loading metrics…");
  const [empty, setEmpty] = useState<string[]>([]);
  const envs = byEnv(props.runs);
  const algos = [...new Set(props.runs.map((r) => r.algo))].sort();
  const colorOf = (algo: string, k: number) =>
    COLORS[(algos.indexOf(algo) + k * algos.length) % COLORS.length];

  useEffect(() => {
    Promise.all(props.runs.map(async (r) => {
      const res = await fetch(`/api/runs/${encodeURIComponent(r.id)}/metrics?max=1000`);
      return [r.id, res.ok ? (await res.json()).rows : []] as const;
    })).then((pairs) => {
      setRows(Object.fromEntries(pairs));
      setNote("");
    }).catch((e) => setNote(`cannot load metrics: ${e}`));
  }, [props.runs.map((r) => r.id).join(",")]);

  useEffect(() => {
    if (!rowsById) return;
    const spec = METRICS[metric];
    const missing: string[] = [];
    (async () => {
      for (const [env, runs] of envs) {
        const seen = new Map<string, number>();
        const groups: BandGroup[] = runs.map((r) => {
          const k = seen.get(r.algo) ?? 0;
          seen.set(r.algo, k + 1);
          return {
            label: r.label,
            color: colorOf(r.algo, k),
            band: seedBand(rowsById[r.id] ?? [], spec.type, spec.field, {
              grid: spec.grid,
              bins: 100,
            }),
            members: false,
          };
        }).filter((g) => g.band.x.length > 0);
        const el = refs.current[env];
        const chart = charts.current.get(env);
        if (groups.length === 0 || !el) {
          missing.push(env);
          chart?.destroy();
          charts.current.delete(env);
          continue;
        }
        if (chart) chart.update(groups);
        else charts.current.set(env, await createChart(el, groups, { height: 320 }));
      }
      setEmpty(missing);
    })().catch((e) => setNote(`cannot draw charts: ${e}`));
  }, [rowsById, metric]);

  useEffect(() => () => {
    for (const c of charts.current.values()) c.destroy();
  }, []);

  return (
    <div class="compare-chart">
      <div class="toolbar">
        {Object.entries(METRICS).map(([key, m]) => (
          <label key={key}>
            <input
              type="radio"
              name="metric"
              checked={metric === key}
              onChange={() => setMetric(key as keyof typeof METRICS)}
            />
            {m.title}
          </label>
        ))}
        <span class="muted">mean ± std over each run's seeds</span>
      </div>
      {note ? <p class="muted">{note}</p> : null}
      <div class={envs.length > 1 ? "chart-grid" : ""}>
        {envs.map(([env]) => (
          <section class="chart" key={env} data-env={env}>
            <h3>{env}</h3>
            {empty.includes(env) ? <p class="muted">no data for this metric yet</p> : null}
            <div
              class="chart-canvas"
              ref={(el) => {
                refs.current[env] = el;
              }}
            />
          </section>
        ))}
      </div>
    </div>
  );
}
