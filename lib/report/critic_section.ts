/**
 * Section 6 of the reproduction report: critic losses (paper Fig. 8 and its text in Appendix H:
 * "SDDPG-CG has smaller losses for the critic … the loss of FSDDPG is between SDDPG-CG and
 * DDPG"). A seed's critic loss is the mean of the logged losses over the last quarter of its
 * run; orderings are decided on log10 losses with 95% bootstrap intervals of the differences.
 * @module
 */
import { linePlot, PALETTE, type Series } from "./svg.ts";
import type { ReportFile } from "./section.ts";
import { csv, interval, mean, num, type Verdict, verdictCell } from "./stats.ts";
import { bootstrapDiffCi, type Interval } from "./rliable.ts";
import { type Method, methodKey, methodLabel } from "./plan.ts";
import { curve, type RunData } from "./run_data.ts";
import { BOOTSTRAP_REPS } from "./mujoco_stats.ts";
import type { ClaimRow, Form } from "./mujoco_claims.ts";

/** log10 of each seed's critic loss over the last quarter of its logged rows. */
function lateLogLoss(r: RunData): number[] {
  return r.criticLoss.map((m) => {
    const late = m.slice(Math.floor(m.length * 0.75)).map((x) => x.value);
    return Math.log10(Math.max(mean(late), 1e-12));
  }).filter(Number.isFinite);
}

/** Section 6: critic losses, with the Fig. 8 ordering decided per FS* form. */
export function buildCriticSection(
  runs: RunData[],
  options: { tasks: readonly string[]; forms: readonly Form[]; evidence: string },
): { markdown: string; files: ReportFile[]; claims: ClaimRow[] } {
  const methods: Method[] = [
    { algo: "ddpg" },
    { algo: "sddpg-cg" },
    ...options.forms.map((f) => f.fsddpg),
  ];
  const runOf = (task: string, m: Method) =>
    runs.find((r) => r.env === task && methodKey(r.method) === methodKey(m));
  const md: string[] = [
    "## 6. Critic losses (paper Fig. 8)",
    "",
    "Critic (TD) loss of the updates logged between metric rows, mean over seeds (log scale). " +
    "Table: per seed, the mean over the last quarter of its rows; mean over seeds of log10 of " +
    "that. The ordering SDDPG-CG < FSDDPG < DDPG **holds** on a task when both differences of " +
    "mean log10 loss have 95% bootstrap intervals below 0, **does not hold** when either lies at " +
    "or above 0, and is **inconclusive** otherwise; over the tasks it holds when it holds on " +
    "every task and does not hold when it does not hold on any.",
    "",
    "| task | method | late critic loss: mean log10 | run |",
    "| --- | --- | --- | --- |",
  ];
  const files: ReportFile[] = [];
  const rows: unknown[][] = [];
  const figures: string[] = [];
  for (const task of options.tasks) {
    const series: Series[] = [];
    methods.forEach((m, i) => {
      const r = runOf(task, m);
      if (!r) {
        md.push(`| ${task} | ${methodLabel(m)} | not run | – |`);
        return;
      }
      const c = curve(r.criticLoss);
      if (c.steps.length) {
        series.push({
          label: methodLabel(m),
          x: c.steps,
          y: c.mean.map((v) => Math.max(v, 1e-12)),
          color: PALETTE[i % PALETTE.length],
        });
      }
      md.push(`| ${task} | ${methodLabel(m)} | ${num(mean(lateLogLoss(r)))} | ${r.id} |`);
      r.criticLoss.forEach((member, k) => {
        for (const { step, value } of member) {
          rows.push([task, methodKey(m), r.id, r.seeds[k], step, value]);
        }
      });
    });
    if (series.length) {
      const path = `critic/critic_loss_${task}.svg`;
      files.push({
        path,
        content: linePlot(series, {
          title: `${task}: critic loss (mean over seeds)`,
          xLabel: "environment steps per seed",
          yLabel: "critic loss",
          logY: true,
        }),
      });
      figures.push(`![${task} critic loss](${path})`, "");
    }
  }
  md.push("", ...figures);
  files.push({
    path: "critic/critic_loss.csv",
    content: csv(["task", "method", "run", "seed", "step", "critic_loss"], rows),
  });
  const claims = options.forms.map((form) => orderingClaim(runOf, options.tasks, form));
  md.push(
    "| claim | FS\\* form | verdict | evidence | detail |",
    "| --- | --- | --- | --- | --- |",
  );
  for (const c of claims) {
    md.push(
      `| ${c.claim} | ${c.form} | ${verdictCell(c.verdict)} | ${options.evidence} | ${c.detail} |`,
    );
  }
  md.push("");
  return { markdown: md.join("\n"), files, claims };
}

function orderingClaim(
  runOf: (task: string, m: Method) => RunData | undefined,
  tasks: readonly string[],
  form: Form,
): ClaimRow {
  const claim = "Critic loss: SDDPG-CG < FSDDPG < DDPG (Fig. 8)";
  const perTask: { task: string; verdict: Verdict; text: string }[] = [];
  for (const task of tasks) {
    const sd = runOf(task, { algo: "sddpg-cg" }), fs = runOf(task, form.fsddpg);
    const dd = runOf(task, { algo: "ddpg" });
    if (!sd || !fs || !dd) continue;
    const a = bootstrapDiffCi(lateLogLoss(sd), lateLogLoss(fs), { reps: BOOTSTRAP_REPS });
    const b = bootstrapDiffCi(lateLogLoss(fs), lateLogLoss(dd), { reps: BOOTSTRAP_REPS });
    const below = (i: Interval) => i.hi < 0, notBelow = (i: Interval) => i.lo >= 0;
    const verdict: Verdict = below(a) && below(b)
      ? "holds"
      : notBelow(a) || notBelow(b)
      ? "does not hold"
      : "inconclusive";
    perTask.push({
      task,
      verdict,
      text: `${task}: SDDPG-CG − FSDDPG ${interval(a)}, FSDDPG − DDPG ${interval(b)} (${verdict})`,
    });
  }
  const verdict: Verdict = perTask.length < tasks.length
    ? "not tested"
    : perTask.every((t) => t.verdict === "holds")
    ? "holds"
    : perTask.some((t) => t.verdict === "does not hold")
    ? "does not hold"
    : "inconclusive";
  return {
    claim,
    verdict,
    form: form.label,
    detail: `differences of mean log10 loss [95% CI]: ${
      perTask.map((t) => t.text).join("; ") || "no task ran all three"
    }`,
  };
}
