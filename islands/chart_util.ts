/// <reference lib="dom" />
/**
 * uPlot helpers shared by the chart islands: a chart of curves with mean ± std bands, built from
 * {@link SeedBand}s of `lib/ui/series.ts`.
 * @module
 */
import { loadUPlot, type UPlot } from "./deps.ts";
import type { SeedBand } from "../lib/ui/series.ts";

/** Colours for runs or seeds, in order. */
export const COLORS = [
  "#1f77b4",
  "#d62728",
  "#2ca02c",
  "#ff7f0e",
  "#9467bd",
  "#8c564b",
  "#e377c2",
  "#17becf",
  "#7f7f7f",
  "#bcbd22",
];

/** One group of curves on a chart: a band (mean ± std) and optionally its members. */
export interface BandGroup {
  label: string;
  color: string;
  band: SeedBand;
  /** Draw each member's curve (thin) too. */
  members: boolean;
}

function alpha(hex: string, a: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${n >> 16 & 255},${n >> 8 & 255},${n & 255},${a})`;
}

/** uPlot data and series for `groups`, on the union of their x grids. */
export function buildChart(
  groups: BandGroup[],
): { data: (number | null)[][]; series: UPlot.Series[]; bands: UPlot.Band[] } {
  const xs = [...new Set(groups.flatMap((g) => g.band.x))].sort((a, b) => a - b);
  const index = new Map(xs.map((x, i) => [x, i]));
  const onGrid = (band: SeedBand, y: (number | null)[]) => {
    const out: (number | null)[] = new Array(xs.length).fill(null);
    band.x.forEach((x, i) => out[index.get(x)!] = y[i]);
    return out;
  };
  const data: (number | null)[][] = [xs];
  const series: UPlot.Series[] = [{ label: "step" }];
  const bands: UPlot.Band[] = [];
  for (const g of groups) {
    const { band } = g;
    const lo = band.mean.map((m, i) => m === null ? null : m - (band.std[i] ?? 0));
    const hi = band.mean.map((m, i) => m === null ? null : m + (band.std[i] ?? 0));
    const base = data.length;
    data.push(onGrid(band, band.mean), onGrid(band, lo), onGrid(band, hi));
    series.push(
      { label: `${g.label} mean`, stroke: g.color, width: 2, spanGaps: true },
      { label: `${g.label} −std`, stroke: alpha(g.color, 0.25), width: 0.5, spanGaps: true },
      { label: `${g.label} +std`, stroke: alpha(g.color, 0.25), width: 0.5, spanGaps: true },
    );
    bands.push({ series: [base + 2, base + 1], fill: alpha(g.color, 0.15) });
    if (g.members && band.members.length > 1) {
      band.members.forEach((m, k) => {
        data.push(onGrid(band, m.y));
        series.push({
          label: `${g.label} seed ${m.seed}`,
          stroke: alpha(COLORS[(k + 1) % COLORS.length], 0.55),
          width: 1,
          spanGaps: true,
        });
      });
    }
  }
  return { data, series, bands };
}

/** A live chart: `update(groups)` redraws it with new data. */
export interface LiveChart {
  update(groups: BandGroup[]): void;
  destroy(): void;
}

/** Creates a chart in `el` (its width follows the element's). */
export async function createChart(
  el: HTMLElement,
  groups: BandGroup[],
  opts: { yLabel?: string; log?: boolean; height?: number } = {},
): Promise<LiveChart> {
  const uPlot = await loadUPlot();
  // a logarithmic axis cannot show values ≤ 0: leave those points out
  const prepare = (g: BandGroup[]) => {
    const b = buildChart(g);
    if (opts.log) {
      b.data = b.data.map((col, i) =>
        i === 0 ? col : col.map((v) => v !== null && v > 0 ? v : null)
      );
    }
    return b;
  };
  let built = prepare(groups);
  let shape = built.series.map((s) => s.label).join("|");
  const make = () =>
    new uPlot(
      {
        width: Math.max(300, el.clientWidth || 600),
        height: opts.height ?? 260,
        series: built.series,
        bands: built.bands,
        scales: { x: { time: false }, ...(opts.log ? { y: { distr: 3 } } : {}) },
        axes: [{ label: "environment steps" }, { label: opts.yLabel ?? "" }],
        legend: { live: true },
        cursor: { drag: { x: true, y: false } },
      },
      built.data as UPlot.AlignedData,
      el,
    );
  const hideBandLegends = (p: UPlot) => {
    // the ±std series only carry the band; keep them out of the legend
    const items = p.root.querySelectorAll(".u-legend .u-series");
    p.series.forEach((s, i) => {
      if (/[−+]std$/.test(String(s.label ?? ""))) items[i]?.classList.add("hidden-band");
    });
    return p;
  };
  let plot = hideBandLegends(make());
  const onResize = () =>
    plot.setSize({ width: Math.max(300, el.clientWidth), height: plot.height });
  globalThis.addEventListener("resize", onResize);
  return {
    update(next) {
      built = prepare(next);
      const nextShape = built.series.map((s) => s.label).join("|");
      if (nextShape === shape) {
        plot.setData(built.data as UPlot.AlignedData);
      } else {
        shape = nextShape;
        plot.destroy();
        plot = hideBandLegends(make());
      }
    },
    destroy() {
      globalThis.removeEventListener("resize", onResize);
      plot.destroy();
    },
  };
}
