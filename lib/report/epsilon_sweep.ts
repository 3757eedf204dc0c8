/**
 * Part of report section 2: the per-sample FS direction (block-diagonal, o = 1) over the damping
 * ε on freshly initialised networks. It shows the two regimes the MuJoCo comparison trains: at
 * small ε the correction is many times as long as ∂J/∂θ and points against it; above a task's
 * threshold the direction agrees with ∂J/∂θ. The comparison's second ε (`AGREEING_EPSILON` in
 * lib/report/plan.ts) is chosen from this measurement.
 * @module
 */
import { type DirectionVariant, measureDirections } from "./directions_section.ts";
import { linePlot, PALETTE, type Series } from "./svg.ts";
import { csv, mean, num } from "./stats.ts";
import { AGREEING_EPSILON, formatEpsilon } from "./plan.ts";
import type { ReportFile } from "./section.ts";

/** The ε values of the sweep. */
export const SWEEP_EPSILONS: readonly number[] = [1e-5, 1e-3, 1e-1, 1, 3, 10, 30, 100, 1000];

/** Cosine and correction ratio of one task at one ε, one entry per seed. */
export interface SweepRow {
  task: string;
  epsilon: number;
  cosine: number[];
  ratio: number[];
}

/** Measures the per-sample FSDDPG direction (o = 1) over `epsilons` on fresh networks. */
export async function measureEpsilonSweep(
  tasks: readonly string[],
  seeds: number,
  epsilons: readonly number[] = SWEEP_EPSILONS,
): Promise<SweepRow[]> {
  const variants: DirectionVariant[] = epsilons.map((epsilon) => ({
    label: `ε = ${formatEpsilon(epsilon)}`,
    algo: "fsddpg",
    options: { k1k2: "per-sample", epsilon },
  }));
  const rows = await measureDirections({ tasks: [...tasks], seeds, variants });
  return rows.map((r) => ({
    task: r.task,
    epsilon: epsilons[variants.findIndex((v) => v.label === r.variant)],
    cosine: r.cosine,
    ratio: r.ratio,
  }));
}

/** The sweep's table, figure and CSV. */
export function buildEpsilonSweep(rows: SweepRow[]): { markdown: string; files: ReportFile[] } {
  const tasks = [...new Set(rows.map((r) => r.task))];
  const epsilons = [...new Set(rows.map((r) => r.epsilon))].sort((a, b) => a - b);
  const md = [
    "### The per-sample direction over ε (why the MuJoCo comparison trains ε = 1e-5 and " +
    `ε = ${AGREEING_EPSILON})`,
    "",
    "FSDDPG per-sample, o = 1, fresh networks, the batch above; mean over seeds of the cosine " +
    "with ∂J/∂θ. The comparison trains the paper's ε = 1e-5 and the smallest ε of this grid at " +
    "which the cosine is at least 0.97 on every task but Humanoid.",
    "",
    `| task | ${epsilons.map((e) => `ε = ${formatEpsilon(e)}`).join(" | ")} |`,
    `| --- | ${epsilons.map(() => "---").join(" | ")} |`,
  ];
  for (const task of tasks) {
    const cells = epsilons.map((e) => {
      const r = rows.find((x) => x.task === task && x.epsilon === e);
      return r ? num(mean(r.cosine)) : "–";
    });
    md.push(`| ${task} | ${cells.join(" | ")} |`);
  }
  md.push("");
  const series: Series[] = tasks.map((task, i) => {
    const mine = rows.filter((r) => r.task === task).sort((a, b) => a.epsilon - b.epsilon);
    return {
      label: task,
      x: mine.map((r) => r.epsilon),
      y: mine.map((r) => mean(r.cosine)),
      color: PALETTE[i % PALETTE.length],
      dash: i >= PALETTE.length ? "5,3" : undefined,
    };
  });
  const files: ReportFile[] = [
    {
      path: "directions/epsilon_sweep.svg",
      content: linePlot(series, {
        title: "FSDDPG per-sample (o = 1): cosine with ∂J/∂θ over ε, fresh networks",
        xLabel: "ε",
        yLabel: "cosine with ∂J/∂θ",
        logX: true,
        yRange: [-1, 1],
      }),
    },
    {
      path: "directions/epsilon_sweep.csv",
      content: csv(
        ["task", "epsilon", "seed", "cosine", "ratio"],
        rows.flatMap((r) => r.cosine.map((c, s) => [r.task, r.epsilon, s, c, r.ratio[s]])),
      ),
    },
  ];
  md.push("![cosine over ε](directions/epsilon_sweep.svg)", "");
  return { markdown: md.join("\n"), files };
}
