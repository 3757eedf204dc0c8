/** @jsxImportSource npm:preact@10.29.8 */
/// <reference lib="dom" />
/**
 * The /learn page's live curves: the run page's charts (evaluation and training return, critic
 * loss, the Stackelberg diagnostics cosine and correction ratio, steps/s), drawn from the rows
 * the training worker posts, redrawn at most twice a second.
 * @module
 */
import { useEffect, useRef, useState } from "./deps.ts";
import type { RowLike } from "../lib/ui/series.ts";
import { seedBand } from "../lib/ui/series.ts";
import { COLORS, createChart, type LiveChart } from "./chart_util.ts";
import { ChartGrid, RUN_CHARTS } from "./chart_grid.tsx";

/** Props: the rows so far (the array grows in place) and a counter that changes with it. */
export interface LearnChartsProps {
  rows: RowLike[];
  version: number;
}

/** The charts, redrawn as rows arrive. */
export default function LearnCharts({ rows, version }: LearnChartsProps) {
  const refs = useRef<Record<string, HTMLDivElement | null>>({});
  const charts = useRef(new Map<string, LiveChart>());
  const drawn = useRef({ at: 0, timer: 0 as number | 0, version: -1, chain: Promise.resolve() });
  const [empty, setEmpty] = useState<string[]>(RUN_CHARTS.map((s) => s.key));

  useEffect(() => () => {
    for (const c of charts.current.values()) c.destroy();
    charts.current.clear();
  }, []);

  useEffect(() => {
    const draw = async () => {
      drawn.current.at = performance.now();
      drawn.current.version = version;
      const missing: string[] = [];
      for (const spec of RUN_CHARTS) {
        const band = seedBand(rows, spec.type, spec.field, { grid: spec.grid, bins: 100 });
        const el = refs.current[spec.key];
        if (band.x.length === 0 || !el) {
          missing.push(spec.key);
          continue;
        }
        const groups = [{ label: "all seeds", color: COLORS[0], band, members: true }];
        const chart = charts.current.get(spec.key);
        if (chart) chart.update(groups);
        else {charts.current.set(
            spec.key,
            await createChart(el, groups, { log: spec.log, height: 200 }),
          );}
      }
      setEmpty(missing);
    };
    if (version === 0) {
      drawn.current.chain = drawn.current.chain.then(() => {
        for (const c of charts.current.values()) c.destroy();
        charts.current.clear();
        setEmpty(RUN_CHARTS.map((s) => s.key));
      });
      return;
    }
    const wait = 500 - (performance.now() - drawn.current.at);
    if (drawn.current.timer) return;
    drawn.current.timer = setTimeout(() => {
      drawn.current.timer = 0;
      // one draw at a time: two overlapping ones would each create the charts
      drawn.current.chain = drawn.current.chain.then(draw).catch((e) =>
        console.warn(`learn charts: ${e}`)
      );
    }, Math.max(0, wait)) as unknown as number;
  }, [version]);

  return <ChartGrid empty={empty} refs={refs} rows={rows.length} />;
}
