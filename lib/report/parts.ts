/**
 * The reproduction report's sections, one function each: measure (or read the runs), decide the
 * claims, render the Markdown and files, and turn the claims into report.json's verdicts. The
 * sections themselves live in lib/report/*_section.ts; lib/report/report.ts puts them in order.
 * @module
 */
import { listEnvs } from "../../physics/mod.ts";
import { buildCriticSection } from "./critic_section.ts";
import { buildDegreeSection } from "./degree_section.ts";
import { buildDirectionsSection, measureDirections } from "./directions_section.ts";
import { buildEpsilonSweep, measureEpsilonSweep } from "./epsilon_sweep.ts";
import { buildSettingsSection } from "./settings_section.ts";
import { buildMujocoSection, FORMS } from "./mujoco_section.ts";
import { type BudgetSpec, CRITIC_TASKS, methodKey } from "./plan.ts";
import type { RunData } from "./run_data.ts";
import type { ReportLog } from "./runs.ts";
import { buildTasksSection, measureTasks } from "./tasks_section.ts";
import { buildTimingSection, DENSE, measureTiming, type TimingRow } from "./timing_section.ts";
import { buildToySection, runToyGrid } from "./toy_section.ts";
import type { ReportPart, VerdictEntry } from "./section.ts";

/** Section 1: the toy games, `steps` updates per run. */
export function toyPart(steps: number, out: ReportLog): ReportPart {
  out.log(`reproduce: 1. toy games (${steps} updates per run) ...`);
  const section = buildToySection(runToyGrid({ steps }));
  const verdicts: VerdictEntry[] = [];
  for (const v of section.verdicts) {
    const claim = `toy ${v.game}: ${v.claim}${v.fsVariant ? ` [FSDDPG ${v.fsVariant}]` : ""}`;
    verdicts.push({
      section: "toy",
      claim,
      verdict: v.verdict,
      detail: [v.detail, v.epsilonSummary ? `over ε: ${v.epsilonSummary}` : ""]
        .filter(Boolean).join("; "),
    });
    out.log(
      `  ${claim}: ${v.verdict}` +
        ` (${v.holdsUnder.length}/${v.holdsUnder.length + v.failsUnder.length} settings)` +
        (v.epsilonSummary ? `; over ε: ${v.epsilonSummary}` : ""),
    );
  }
  return { key: "toy", markdown: section.markdown, files: section.files, verdicts };
}

/**
 * The timing measurements sections 3 and 4 share: every method on the budget's timing tasks
 * (when `timing`), per-sample FSDDPG at each degree on its tasks (when `degree`).
 */
export async function measureTimingRows(
  spec: BudgetSpec,
  sections: { timing: boolean; degree: boolean },
  out: ReportLog,
): Promise<TimingRow[]> {
  out.log(
    `reproduce: 3. timing on ${spec.timingTasks.join(", ")} (${spec.timingUpdates} environment ` +
      `steps per method, ${spec.timingDenseUpdates} for ${[...DENSE].join(", ")} on ${
        spec.timingDenseTasks.join(", ")
      }) ...`,
  );
  return await measureTiming({
    tasks: sections.timing ? spec.timingTasks : [],
    updates: spec.timingUpdates,
    denseUpdates: spec.timingDenseUpdates,
    denseTasks: spec.timingDenseTasks,
    envSteps: spec.timingEnvSteps,
    degrees: sections.degree ? spec.degrees : [],
    degreeTasks: sections.degree ? spec.degreeTasks : [],
    log: (l) => out.log(l),
  });
}

/** Section 3: timing, from {@linkcode measureTimingRows}. */
export function timingPart(
  rows: TimingRow[],
  spec: BudgetSpec,
  evidence: string,
  out: ReportLog,
): ReportPart {
  const section = buildTimingSection(rows, {
    tasks: spec.timingTasks,
    evidence,
    updates: spec.timingUpdates,
    denseUpdates: spec.timingDenseUpdates,
  });
  return {
    key: "timing",
    markdown: section.markdown,
    files: section.files,
    verdicts: section.claims.map((c) => {
      out.log(`  timing: ${c.claim}: ${c.verdict}`);
      return { section: "timing", claim: c.claim, verdict: c.verdict };
    }),
  };
}

/**
 * Section 2: the actor's direction on fresh networks of the budget's tasks, on the trained
 * networks of `runs` (per-sample FSDDPG at the paper's ε, its last checkpoint) when
 * `withTrained`, and the per-sample direction over ε.
 */
export async function directionsPart(
  spec: BudgetSpec,
  runs: RunData[],
  withTrained: boolean,
  out: ReportLog,
): Promise<ReportPart> {
  const tasks = spec.directionTasks === "all" ? listEnvs() : spec.directionTasks;
  const trained = withTrained
    ? runs.filter((r) =>
      methodKey(r.method) === methodKey(FORMS[1].fsddpg) && r.checkpoints.includes("last")
    ).map((r) => ({ task: r.env, checkpoint: `${r.dir}/checkpoints/last`, run: r.id }))
    : [];
  const options = { tasks, seeds: spec.directionSeeds, denseLimit: 1000, trained };
  out.log(
    `reproduce: 2. directions on fresh networks of ${tasks.join(", ")} (${options.seeds} ` +
      `seed(s)) and ${trained.length} trained network(s) ...`,
  );
  const section = buildDirectionsSection(
    await measureDirections({ ...options, log: (line: string) => out.log(line) }),
    options,
  );
  out.log(`reproduce: 2. the per-sample direction over ε on ${tasks.join(", ")} ...`);
  const sweep = buildEpsilonSweep(await measureEpsilonSweep(tasks, options.seeds));
  return {
    key: "directions",
    markdown: `${section.markdown}\n${sweep.markdown}`,
    files: [...section.files, ...sweep.files],
    verdicts: [],
  };
}

/** Section 4: the degree ablation, returns from `runs` and time from `timing`. */
export function degreePart(
  runs: RunData[],
  timing: TimingRow[],
  spec: BudgetSpec,
  evidence: string,
  out: ReportLog,
): ReportPart {
  const section = buildDegreeSection(runs, timing, {
    tasks: spec.degreeTasks,
    degrees: spec.degrees,
    evidence,
    finalEvals: spec.finalEvals,
  });
  return {
    key: "degree",
    markdown: section.markdown,
    files: section.files,
    verdicts: section.claims.map((c) => {
      out.log(`  degree: ${c.claim}: ${c.verdict}`);
      return { section: "degree", claim: c.claim, verdict: c.verdict };
    }),
  };
}

/**
 * Sections 5, 6, 8 and 9 (they read the same runs): the MuJoCo comparison, the critic losses,
 * the tasks' facts (measured on every task the budget or a run names) and every run's settings.
 *
 * @param budgetNote What the runs were trained with, for section 5's text.
 */
export async function mujocoParts(
  runs: RunData[],
  spec: BudgetSpec,
  evidence: string,
  budgetNote: string,
  out: ReportLog,
): Promise<ReportPart[]> {
  const tasks = await measureTasks([...new Set([...spec.tasks, ...runs.map((r) => r.env)])]);
  const tasksSection = buildTasksSection(tasks);
  const mujoco = buildMujocoSection(runs, {
    evidence,
    budgetNote,
    methods: spec.methods,
    finalEvals: spec.finalEvals,
    randomScores: Object.fromEntries(tasks.map((t) => [t.task, t.randomReturn])),
  });
  const mujocoVerdicts = mujoco.claims.map((c): VerdictEntry => {
    out.log(`  mujoco: ${c.claim}${c.form ? ` [${c.form}]` : ""}: ${c.verdict}`);
    return {
      section: "mujoco",
      claim: c.claim,
      verdict: c.verdict,
      ...(c.form ? { form: c.form } : {}),
      detail: c.detail,
    };
  });
  const critic = buildCriticSection(runs, { tasks: CRITIC_TASKS, forms: FORMS, evidence });
  const criticVerdicts = critic.claims.map((c): VerdictEntry => {
    out.log(`  critic: ${c.claim} [${c.form}]: ${c.verdict}`);
    return {
      section: "critic",
      claim: c.claim,
      verdict: c.verdict,
      form: c.form,
      detail: c.detail,
    };
  });
  const settings = buildSettingsSection(runs);
  return [
    { key: "tasks", markdown: tasksSection.markdown, files: tasksSection.files, verdicts: [] },
    { key: "mujoco", markdown: mujoco.markdown, files: mujoco.files, verdicts: mujocoVerdicts },
    { key: "critic", markdown: critic.markdown, files: critic.files, verdicts: criticVerdicts },
    { key: "settings", markdown: settings.markdown, files: settings.files, verdicts: [] },
  ];
}
