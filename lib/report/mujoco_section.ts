/**
 * Section 5 of the reproduction report: the MuJoCo comparison (paper §6.2, Fig. 3, Fig. 5,
 * Fig. 6). Learning curves per task; per task, each method's final score with a 95% bootstrap
 * interval and the FS*-minus-baseline differences; across tasks, the IQM of normalised scores,
 * P(X > Y) and performance profiles (Agarwal et al., 2021); the paper's claims decided from those
 * intervals, separately for each form of FS*.
 * @module
 */
import { linePlot, PALETTE, type Series } from "./svg.ts";
import type { ReportFile } from "./section.ts";
import { csv, interval, num, verdictCell } from "./stats.ts";
import {
  AGREEING_EPSILON,
  ALL_TASKS,
  formatEpsilon,
  type Method,
  methodKey,
  methodLabel,
  PAPER_EPSILON,
  PAPER_TASKS,
} from "./plan.ts";
import { curve, type RunData } from "./run_data.ts";
import {
  type Aggregate,
  aggregates,
  BOOTSTRAP_REPS,
  cellOf,
  differenceOf,
  normalisers,
  scoreTable,
  type TaskScores,
} from "./mujoco_stats.ts";
import { ablationClaims, type ClaimRow, type Form, winClaims } from "./mujoco_claims.ts";

export type { ClaimRow } from "./mujoco_claims.ts";

/** The forms of FS* the comparison trains, in report order. */
export const FORMS: readonly Form[] = [
  {
    label: "listing",
    fsddpg: { algo: "fsddpg", k1k2: "listing" },
    fstd3: { algo: "fstd3", k1k2: "listing" },
  },
  ...[PAPER_EPSILON, AGREEING_EPSILON].map((epsilon) => ({
    label: `per-sample, ε = ${formatEpsilon(epsilon)}`,
    fsddpg: { algo: "fsddpg", k1k2: "per-sample" as const, epsilon },
    fstd3: { algo: "fstd3", k1k2: "per-sample" as const, epsilon },
  })),
];

/** Options of {@link buildMujocoSection}. */
export interface MujocoOptions {
  /** "budget short", "smoke: not evidence", … (a column of every verdict row). */
  evidence: string;
  /** What the runs were (budget, seeds, steps, …). */
  budgetNote: string;
  /** The methods in report order. */
  methods: readonly Method[];
  /** A run's final score is the mean of its last `finalEvals` evaluations. */
  finalEvals: number;
  /** Mean return of the uniformly random policy per task (normalisation's 0). */
  randomScores: Record<string, number>;
}

const FAMILY_COLOUR: Record<string, string> = {
  "ddpg": PALETTE[6],
  "td3": PALETTE[5],
  "ddpg-ttsu": PALETTE[7],
  "sddpg-cg": PALETTE[4],
  "std3-cg": PALETTE[3],
  "fsddpg": PALETTE[0],
  "fsddpg-cg": PALETTE[2],
  "fstd3": PALETTE[1],
};

/** Colour by algorithm, dash by FS* form, so a form reads the same in every figure. */
function styleOf(m: Method): { color: string; dash?: string } {
  const color = FAMILY_COLOUR[m.algo] ?? PALETTE[0];
  if (m.k1k2 === "per-sample") {
    return { color, dash: m.epsilon === AGREEING_EPSILON ? "2,3" : "7,3" };
  }
  return { color };
}

/** Section 5: the MuJoCo comparison. */
export function buildMujocoSection(
  runs: RunData[],
  options: MujocoOptions,
): { markdown: string; files: ReportFile[]; claims: ClaimRow[] } {
  const order = (t: string) => {
    const i = (ALL_TASKS as readonly string[]).indexOf(t);
    return i < 0 ? 99 : i;
  };
  const tasks = [...new Set(runs.map((r) => r.env))].sort((a, b) =>
    order(a) - order(b) || (a < b ? -1 : 1)
  );
  const methods = options.methods.filter((m) =>
    runs.some((r) => methodKey(r.method) === methodKey(m))
  );
  const table = scoreTable(runs, tasks, methods, options.finalEvals);
  const files: ReportFile[] = [];
  const md: string[] = [
    "## 5. MuJoCo comparison (paper Fig. 3, Fig. 5, Fig. 6)",
    "",
    options.budgetNote,
    "",
    "FS\\* runs in two forms, named in every table and figure: **listing** (the paper's code " +
    "listing: its direction is (1 + c)·∂J/∂θ, a rescaled DDPG step) and **per-sample** (the " +
    "paper's equations, §4) at the paper's ε = 1e-5, where on fresh networks its block-diagonal " +
    `direction points against ∂J/∂θ, and at ε = ${AGREEING_EPSILON}, the smallest ε at which it ` +
    "agrees with ∂J/∂θ on every task but Humanoid (section 2). FSDDPG-CG runs in the per-sample " +
    "form (CG on the listing's rank-one matrix returns exactly 2·∂J/∂θ).",
    "",
    "**Statistics** (Agarwal et al., 2021, *Deep RL at the Edge of the Statistical Precipice*). " +
    `A seed's final score is the mean of its last ${options.finalEvals} evaluations. A seed that ` +
    "diverged (a non-finite evaluation) scores the worst final score seen on that task and is " +
    "counted in the tables, never dropped. Per task: the mean over seeds with a 95% percentile " +
    `bootstrap interval (${BOOTSTRAP_REPS} resamples of the seeds), and the same for differences ` +
    "of two methods (their seeds resampled independently). Across tasks: scores normalised " +
    "min–max per task (0 = the uniformly random policy's mean return over 10 episodes, 1 = the " +
    "best method's mean final score on that task), their interquartile mean (IQM) and " +
    "performance profiles with stratified-bootstrap intervals (seeds resampled within each " +
    "task), and the probability of improvement P(X > Y) (Mann–Whitney, averaged over tasks).",
    "",
    "**Verdicts.** A claim **holds** only when its interval excludes no improvement, **does not " +
    "hold** only when it excludes the claimed improvement, and is **inconclusive** otherwise. " +
    "On one task X is *better* than Y when the interval of mean(X) − mean(Y) lies above 0 and " +
    '*not better* when it lies at or below 0; "X beats Y on k of n tasks" holds when X is ' +
    "better on at least k and does not hold when it is not better on more than n − k. " +
    '"P(X > Y) > 0.5" holds when its interval lies above 0.5 and does not hold when it lies ' +
    "at or below 0.5.",
    "",
  ];
  const unfinished = runs.filter((r) => r.status !== "finished");
  if (unfinished.length) {
    md.push(
      `Unfinished runs (numbers below use what they wrote): ${
        unfinished.map((r) => `${r.id} (${r.status}, ${r.stepsDone}/${r.steps})`).join(", ")
      }.`,
      "",
    );
  }
  md.push(...curveFigures(runs, tasks, methods, files));
  md.push(...scoreTables(table, tasks, files));
  const norms = normalisers(table, PAPER_TASKS, options.randomScores);
  const aggs = aggregates(table, norms, methods);
  md.push(...aggregateTables(norms, aggs, options.randomScores, files));

  const claims: ClaimRow[] = [
    ...FORMS.flatMap((form) => winClaims(table, form)),
    ...ablationClaims(table, FORMS[1].fsddpg),
  ];
  md.push(
    "### Verdicts on the paper's claims about returns, by FS\\* form",
    "",
    "| claim | FS\\* form | verdict | evidence | detail |",
    "| --- | --- | --- | --- | --- |",
  );
  for (const c of claims) {
    md.push(
      `| ${c.claim} | ${c.form ?? "–"} | ${
        verdictCell(c.verdict)
      } | ${options.evidence} | ${c.detail} |`,
    );
  }
  md.push("");
  files.push({
    path: "mujoco/verdicts.csv",
    content: csv(
      ["claim", "form", "verdict", "detail"],
      claims.map((c) => [c.claim, c.form ?? "", c.verdict, c.detail]),
    ),
  });
  return { markdown: md.join("\n"), files, claims };
}

function curveFigures(
  runs: RunData[],
  tasks: string[],
  methods: readonly Method[],
  files: ReportFile[],
): string[] {
  const md: string[] = [];
  for (const task of tasks) {
    const series: Series[] = [];
    for (const m of methods) {
      const r = runs.find((x) => x.env === task && methodKey(x.method) === methodKey(m));
      if (!r) continue;
      const c = curve(r.evals);
      if (!c.steps.length) continue;
      series.push({ label: methodLabel(m), x: c.steps, y: c.mean, width: 1.6, ...styleOf(m) });
    }
    if (!series.length) continue;
    const path = `mujoco/curves_${task}.svg`;
    files.push({
      path,
      content: linePlot(series, {
        title: `${task}: evaluation return (mean over seeds)`,
        xLabel: "environment steps per seed",
        yLabel: "return",
        width: 820,
        height: 520,
      }),
    });
    md.push(`![${task} learning curves](${path})`, "");
  }
  return md;
}

function scoreTables(
  table: TaskScores[],
  tasks: string[],
  files: ReportFile[],
): string[] {
  const md: string[] = [
    "### Final scores per task",
    "",
    "| task | method | seeds | steps | diverged | final score: mean [95% CI] | run |",
    "| --- | --- | --- | --- | --- | --- | --- |",
  ];
  const rows: unknown[][] = [];
  for (const c of table) {
    md.push(
      `| ${c.task} | ${
        methodLabel(c.method)
      } | ${c.scores.length} | ${c.run.stepsDone} | ${c.diverged} | ${
        interval(c.mean)
      } | ${c.run.id} |`,
    );
    rows.push([
      c.task,
      methodKey(c.method),
      c.run.id,
      c.scores.length,
      c.run.stepsDone,
      c.diverged,
      c.mean.estimate,
      c.mean.lo,
      c.mean.hi,
      c.scores.join(" "),
    ]);
  }
  md.push("");
  files.push({
    path: "mujoco/returns.csv",
    content: csv(
      [
        "task",
        "method",
        "run",
        "seeds",
        "steps",
        "diverged",
        "final_mean",
        "final_ci_lo",
        "final_ci_hi",
        "final_scores",
      ],
      rows,
    ),
  });
  // differences FS* − baseline per form
  const pairs = FORMS.flatMap((f) => [
    { x: f.fsddpg, y: { algo: "ddpg" } as Method },
    { x: f.fstd3, y: { algo: "td3" } as Method },
  ]);
  const present = pairs.filter((p) => tasks.some((t) => cellOf(table, t, p.x)));
  if (present.length) {
    md.push(
      "### FS\\* minus its baseline, per task (mean final score difference [95% CI])",
      "",
      `| task | ${present.map((p) => `${methodLabel(p.x)} − ${p.y.algo}`).join(" | ")} |`,
      `| --- | ${present.map(() => "---").join(" | ")} |`,
    );
    const diffRows: unknown[][] = [];
    for (const t of tasks) {
      const cells = present.map((p) => {
        const a = cellOf(table, t, p.x), b = cellOf(table, t, p.y);
        if (!a || !b) return "–";
        const d = differenceOf(a, b);
        diffRows.push([t, methodKey(p.x), methodKey(p.y), d.estimate, d.lo, d.hi]);
        return interval(d);
      });
      md.push(`| ${t} | ${cells.join(" | ")} |`);
    }
    md.push("");
    files.push({
      path: "mujoco/differences.csv",
      content: csv(["task", "method", "baseline", "difference", "ci_lo", "ci_hi"], diffRows),
    });
  }
  return md;
}

function aggregateTables(
  norms: ReturnType<typeof normalisers>,
  aggs: Aggregate[],
  randomScores: Record<string, number>,
  files: ReportFile[],
): string[] {
  const md: string[] = ["### Across the paper's tasks: normalised scores", ""];
  if (!aggs.length) {
    md.push("Not computed: no method ran on every paper task that has a normaliser.", "");
    return md;
  }
  md.push(
    "Normalisers (0 = random policy, 1 = best method's mean final score): " +
      norms.map((n) => `${n.task} ${num(n.random)} → ${num(n.best)} (${n.bestMethod})`).join(
        "; ",
      ) +
      ". Left out (no run, or no method's mean above the random policy's): " +
      (PAPER_TASKS.filter((t) => !norms.some((n) => n.task === t)).map((t) =>
        `${t} (random ${num(randomScores[t] ?? NaN)})`
      ).join(", ") || "none") + ".",
    "",
    "| method | tasks | IQM of normalised score [95% CI] | fraction of runs above 0.5 [95% CI] |",
    "| --- | --- | --- | --- |",
  );
  const rows: unknown[][] = [];
  for (const a of aggs) {
    const half = a.profile.find((p) => Math.abs(p.tau - 0.5) < 1e-9)!;
    md.push(`| ${methodLabel(a.method)} | ${a.tasks} | ${interval(a.iqm)} | ${interval(half)} |`);
    rows.push([methodKey(a.method), a.tasks, a.iqm.estimate, a.iqm.lo, a.iqm.hi]);
  }
  md.push("");
  files.push({
    path: "mujoco/aggregate.csv",
    content: csv(["method", "tasks", "iqm", "iqm_ci_lo", "iqm_ci_hi"], rows),
  });
  const series: Series[] = aggs.flatMap((a) => {
    const style = styleOf(a.method);
    const taus = a.profile.map((p) => p.tau);
    return [
      { label: methodLabel(a.method), x: taus, y: a.profile.map((p) => p.estimate), ...style },
    ];
  });
  files.push({
    path: "mujoco/performance_profile.svg",
    content: linePlot(series, {
      title: "Performance profiles over the paper's tasks (fraction of runs scoring above τ)",
      xLabel: "normalised score τ",
      yLabel: "fraction of runs > τ",
      width: 820,
      height: 520,
      yRange: [0, 1],
    }),
  });
  files.push({
    path: "mujoco/performance_profile.csv",
    content: csv(
      ["method", "tau", "fraction", "ci_lo", "ci_hi"],
      aggs.flatMap((a) =>
        a.profile.map((p) => [methodKey(a.method), p.tau, p.estimate, p.lo, p.hi])
      ),
    ),
  });
  md.push(
    "![Performance profiles](mujoco/performance_profile.svg)",
    "",
    "Performance profiles: the fraction of all runs (seeds × tasks, each task weighted equally) " +
      "whose normalised final score exceeds τ; the 95% bands are in `performance_profile.csv`.",
    "",
  );
  return md;
}
