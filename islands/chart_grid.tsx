/** @jsxImportSource npm:preact@10.29.8 */
/// <reference lib="dom" />
/**
 * The grid of run charts (one titled section per chart of `RUN_CHARTS`) that the run page and the
 * /learn page share; uPlot draws into each section's `.chart-canvas`.
 * @module
 */
import type { Ref } from "./deps.ts";

/** One chart: the metric rows of `type` it plots, and their `field`. */
export interface ChartSpec {
  key: string;
  title: string;
  type: string;
  field: string;
  grid: "exact" | "bins";
  log?: boolean;
}

/** The charts of the run page, in order. */
export const RUN_CHARTS: ChartSpec[] = [
  { key: "eval", title: "Evaluation return", type: "eval", field: "returnMean", grid: "exact" },
  {
    key: "train",
    title: "Training episode return",
    type: "episode",
    field: "return",
    grid: "bins",
  },
  {
    key: "critic",
    title: "Critic loss (log scale)",
    type: "update",
    field: "criticLoss",
    grid: "bins",
    log: true,
  },
  {
    key: "cosine",
    title: "Cosine of direction with ∂J/∂θ",
    type: "update",
    field: "cosine",
    grid: "bins",
  },
  {
    key: "ratio",
    title: "Correction ratio |correction| / |∂J/∂θ| (log scale)",
    type: "update",
    field: "correctionRatio",
    grid: "bins",
    log: true,
  },
  { key: "sps", title: "Steps per second", type: "update", field: "stepsPerSecond", grid: "bins" },
];

/** The sections, with "no data yet" where `empty` names a chart, registering each canvas in `refs`. */
export function ChartGrid(
  { empty, refs, rows }: {
    empty: string[];
    refs: Ref<Record<string, HTMLDivElement | null>>;
    rows?: number;
  },
) {
  return (
    <div class="chart-grid" data-rows={rows}>
      {RUN_CHARTS.map((spec) => (
        <section class="chart" data-chart={spec.key} key={spec.key}>
          <h3>{spec.title}</h3>
          {empty.includes(spec.key) ? <p class="muted">no data yet</p> : null}
          <div
            class="chart-canvas"
            ref={(el) => {
              refs.current[spec.key] = el;
            }}
          />
        </section>
      ))}
    </div>
  );
}
