/**
 * The reproduction report assembled: its sections measured in order (lib/report/parts.ts), the
 * runs they read collected or trained (lib/report/runs.ts), then section 7 (the environment),
 * the headline, and `report.md`, `report.html`, `report.json` and every figure and table
 * written, each to a temporary name and renamed, so a report is never left half-written.
 * @module
 */
import { VERSIONS } from "../deps.ts";
import { writeFileAtomic } from "../atomic.ts";
import { gitCommit } from "../provenance.ts";
import { headline } from "./headline.ts";
import { renderHtml } from "./html.ts";
import {
  degreePart,
  directionsPart,
  measureTimingRows,
  mujocoParts,
  timingPart,
  toyPart,
} from "./parts.ts";
import type { Budget, BudgetSpec, PlannedRun } from "./plan.ts";
import type { ReportPart, VerdictEntry } from "./section.ts";
import type { ReportMeta } from "./reader.ts";
import type { RunData } from "./run_data.ts";
import { collectRuns, type ReportLog, trainPlan } from "./runs.ts";
import type { TimingRow } from "./timing_section.ts";

/** The report's sections, in the order `--only` names them. */
export const SECTIONS = ["toy", "directions", "timing", "degree", "mujoco"] as const;
/** A section `--only` can name. */
export type Section = (typeof SECTIONS)[number];

/** The order of the parts in report.md. */
const ORDER = [
  "toy",
  "directions",
  "timing",
  "degree",
  "mujoco",
  "critic",
  "environment",
  "tasks",
  "settings",
];

/** What a report is built from. */
export interface ReportOptions {
  /** The report id (the directory name under `--out`). */
  id: string;
  budget: Budget;
  spec: BudgetSpec;
  /** The sections to build. */
  only: readonly Section[];
  /** Updates per toy-game run. */
  toySteps: number;
  /** The run store to collect from instead of training (`--collect`), or null. */
  collect: string | null;
  /** The planned training runs (none when collecting). */
  plan: PlannedRun[];
  /** Where the runs are (the collected store or `<report>/runs`). */
  runsRoot: string;
  /** Training runs in parallel. */
  jobs: number;
  /** The command line of the worker process that trains plan index `i`. */
  workerCommand: (i: number) => string[];
}

/** A report measured and not yet written: its parts and the runs it read. */
export interface MeasuredReport {
  parts: ReportPart[];
  runs: RunData[];
}

/** "smoke: not evidence" or "budget <b>", beside every verdict. */
export function evidenceOf(budget: Budget): string {
  return budget === "smoke" ? "smoke: not evidence" : `budget ${budget}`;
}

/**
 * Measures every selected section, training (or collecting) the runs the later ones read.
 *
 * @returns The parts and runs, or null when `signal` stopped it (finished runs are kept).
 */
export async function measureReport(
  o: ReportOptions,
  signal: AbortSignal,
  out: ReportLog,
): Promise<MeasuredReport | null> {
  const evidence = evidenceOf(o.budget);
  const has = (s: Section) => o.only.includes(s);
  const parts: ReportPart[] = [];
  if (has("toy")) parts.push(toyPart(o.toySteps, out));
  let timing: TimingRow[] = [];
  if (has("timing") || has("degree")) {
    timing = await measureTimingRows(o.spec, { timing: has("timing"), degree: has("degree") }, out);
    if (has("timing")) parts.push(timingPart(timing, o.spec, evidence, out));
  }
  if (signal.aborted) return null;

  let runs: RunData[] = [];
  if (o.collect !== null) runs = await collectRuns(o.collect, out);
  else if (o.plan.length) {
    const trained = await trainPlan(o.plan, o.runsRoot, { ...o, signal }, out);
    if (trained === null) return null;
    runs = trained;
  }

  if (has("directions")) {
    parts.push(await directionsPart(o.spec, runs, has("mujoco") || o.collect !== null, out));
  }
  if (has("degree")) parts.push(degreePart(runs, timing, o.spec, evidence, out));
  if (has("mujoco")) parts.push(...await mujocoParts(runs, o.spec, evidence, budgetNote(o), out));
  return { parts, runs };
}

/** Section 5's account of what the runs were trained with. */
function budgetNote(o: ReportOptions): string {
  const t = o.spec.train;
  return o.collect !== null
    ? `Runs collected from \`${o.collect}\` (steps and seeds per run in the table; ` +
      "each run's resolved settings in report.json)."
    : `Budget ${o.budget}: ${o.spec.seeds} seeds per run (one population), ${t.steps} ` +
      `steps per seed, start steps ${t.startSteps}, update after ${t.updateAfter}, ` +
      `update every ${t.updateEvery}, evaluation every ${t.evalEvery} steps ` +
      `(${t.evalEpisodes} episodes); every other setting is the paper's (Tables 4–5; ` +
      "section 9 lists them). Tasks: " + `${o.spec.tasks.join(", ")}.`;
}

/** Section 7: what the report ran on, and the command that regenerates it. */
function environmentPart(
  o: ReportOptions,
  m: MeasuredReport,
  commit: string,
  command: string,
  wall: number,
): ReportPart {
  const trainedAt = [
    ...new Set(m.runs.map((r) => r.config.git).filter((g) => typeof g === "string")),
  ] as string[];
  const markdown = [
    "## 7. Environment",
    "",
    `- Deno ${Deno.version.deno} (V8 ${Deno.version.v8}, TypeScript ${Deno.version.typescript}); ` +
    `@tensorflow/tfjs ${VERSIONS.tfjs}; MuJoCo (@mujoco/mujoco) ${VERSIONS.mujoco}`,
    `- stackrl commit ${commit} (this report)` +
    (trainedAt.length ? `; the training runs were made at commit ${trainedAt.join(", ")}` : ""),
    `- backend: wasm (tfjs-backend-wasm) for every run and measurement; update path per algorithm ` +
    "as in section 3",
    `- machine: ${Deno.build.os}/${Deno.build.arch}, ${navigator.hardwareConcurrency} logical cores`,
    `- budget: ${o.budget} (${evidenceOf(o.budget)}); ` +
    (o.collect !== null
      ? `${m.runs.length} runs collected from \`${o.runsRoot}\` (trained with their own settings: ` +
        "steps and seeds in section 5's table; config.json of each run has the rest)"
      : `training settings ${JSON.stringify(o.spec.train)}, ${o.spec.seeds} seeds per run; ` +
        `${o.plan.length} planned training runs; run store \`${o.runsRoot}\``),
    `- this invocation took ${wall.toFixed(1)} s (finished runs reused from an earlier ` +
    "invocation are not counted)",
    "",
    "Regenerate every figure and table of this report with:",
    "",
    "```sh",
    command,
    "```",
    "",
  ].join("\n");
  return { key: "environment", markdown, files: [], verdicts: [] };
}

/**
 * Writes the measured report into `dir`: every figure and table, then report.html,
 * report.json and report.md (report.md last: a directory without it is not a report).
 *
 * @param command The command line that regenerates the report.
 * @param started `performance.now()` when the command started (the wall time it records).
 * @returns How many figure and table files were written, and the seconds the command took.
 */
export async function writeReport(
  dir: string,
  o: ReportOptions,
  m: MeasuredReport,
  command: string,
  started: number,
): Promise<{ files: number; wallSeconds: number }> {
  const commit = await gitCommit() ?? "unknown";
  const wall = (performance.now() - started) / 1000;
  const parts = [...m.parts, environmentPart(o, m, commit, command, wall)];
  const verdicts: VerdictEntry[] = parts.flatMap((p) => p.verdicts);
  const files = parts.flatMap((p) => p.files);
  const evidence = evidenceOf(o.budget);
  const md: string[] = [
    `# Reproduction report ${o.id}`,
    "",
    'Paper: "Fast Stackelberg Deterministic Actor-Critic" (ICLR 2022 submission). Every number ' +
    "below comes from runs and measurements this command made" +
    (o.collect !== null ? ` or from the run store \`${o.collect}\`` : "") +
    ". Verdicts: **holds**, **does not hold**, **inconclusive** (at this budget) or **not " +
    "tested**, with the settings that produced them; no setting was tuned to make a claim pass.",
    "",
    `Command: \`${command}\``,
    "",
    headline(verdicts, evidence),
  ];
  if (o.budget === "smoke") {
    md.push("**Budget smoke: not evidence.** Verdicts below are from tiny settings.", "");
  }
  for (const key of ORDER) {
    const part = parts.find((p) => p.key === key);
    if (part?.markdown) md.push(part.markdown, "");
  }
  const markdown = md.join("\n");
  const write = (path: string, text: string) => writeFileAtomic(path, text, { mkdir: true });
  for (const f of files) await write(`${dir}/${f.path}`, f.content);
  const figures = new Map(
    files.filter((f) => f.path.endsWith(".svg")).map((f) => [f.path, f.content]),
  );
  await write(`${dir}/report.html`, renderHtml(markdown, figures, `Reproduction report ${o.id}`));
  const runSettings = m.runs.map((r) => ({ id: r.id, config: r.config }));
  const meta: ReportMeta = {
    id: o.id,
    budget: o.budget,
    sections: [...o.only],
    command,
    createdAt: new Date().toISOString(),
    wallSeconds: wall,
    commit,
    verdicts,
    ...(o.plan.length || o.collect !== null ? { runs: o.runsRoot } : {}),
    ...(runSettings.length ? { runSettings } : {}),
  };
  await write(`${dir}/report.json`, JSON.stringify(meta, null, 2) + "\n");
  await write(`${dir}/report.md`, markdown);
  return { files: files.length, wallSeconds: wall };
}
