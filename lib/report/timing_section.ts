/**
 * Report section 3, "Timing" (paper Table 3, Fig. 4, Fig. 9), and the time half of section 4
 * (degree ablation, Table 2), in the paper's unit: seconds per 1,000-step training episode.
 *
 * What is timed is one environment step of training as Spinning Up's schedule runs it (the
 * paper's code base; lib/config.ts `updatesPerBlock`): an exploratory action, the environment
 * step with the transition stored in replay, and the updates that step pays for, each with its
 * minibatch sampled from replay: one for most algorithms, `criticSteps` (10) for DDPG-TTSU,
 * whose actor steps once per 10 critic steps. One repeat is a block of n such steps followed by
 * their updates; a cell (task × method) is repeated, and every cell of a task is timed
 * round-robin (repeat r of every cell, then repeat r + 1), so that load from other processes
 * falls on all cells alike and repeat r of two cells can be compared as a pair. A claim holds
 * only when its ordering holds in every pair (or, for cells with different repeat counts, between
 * the extremes of the two ranges).
 *
 * The parts live in lib/report/timing/: the measurement (measure.ts) and the claims
 * (claims.ts); this file renders the Markdown, the figure and the CSV.
 * @module
 */
import { methodKey } from "./plan.ts";
import { linePlot } from "./svg.ts";
import type { ReportFile } from "./section.ts";
import { csv, secondsText, verdictCell } from "./stats.ts";
import { FS_PER_SAMPLE, type TimingRow } from "./timing/measure.ts";
import { PAPER_TABLE3, type TimingClaim, timingClaims } from "./timing/claims.ts";

export {
  DENSE,
  FS_CG_PER_SAMPLE,
  FS_PER_SAMPLE,
  measureTiming,
  TIMING_METHODS,
  type TimingClock,
  type TimingOptions,
  type TimingRepeat,
  type TimingRow,
} from "./timing/measure.ts";
export {
  PAPER_TABLE3,
  type TimeRatio,
  timeRatio,
  type TimingClaim,
  timingClaims,
} from "./timing/claims.ts";

/** The Table 3 column a row sits beside: per-sample FS rows and the SD rows at o = 1. */
function paperColumn(r: TimingRow): string | null {
  if (r.degree !== undefined && r.degree !== 1) return null;
  if (r.algo.startsWith("fs")) return r.k1k2 === "per-sample" ? r.algo : null;
  return r.algo;
}

/**
 * Section 3's Markdown, figure and CSV, with verdicts on the paper's timing claims.
 *
 * @param rows What {@linkcode measureTiming} returned (degree-only cells are left out).
 * @param options Timing tasks, the evidence label, and the budget's counts (stated in the text).
 * @returns The Markdown, the files (timing/ratio_to_ddpg.svg, timing/timing.csv) and the claims.
 */
export function buildTimingSection(
  rows: TimingRow[],
  options: { tasks: string[]; evidence: string; updates: number; denseUpdates: number },
): { markdown: string; files: ReportFile[]; claims: TimingClaim[] } {
  const tasks = options.tasks.filter((t) => rows.some((r) => r.task === t));
  const shown = rows.filter((r) => tasks.includes(r.task) && r.degree === undefined);
  const cheap = shown.filter((r) => !r.estimated), dense = shown.filter((r) => r.estimated);
  const spread = (xs: number[]) =>
    xs.length
      ? Math.min(...xs) === Math.max(...xs) ? `${xs[0]}` : `${Math.min(...xs)}–${Math.max(...xs)}`
      : "–";
  const impls = [...new Set(shown.map((r) => r.implementation))];
  const implText = impls.length === 1
    ? `${impls[0]} for every cell`
    : impls.map((i) =>
      `${i}: ${
        [...new Set(shown.filter((r) => r.implementation === i).map((r) => r.label))]
          .join(", ")
      }`
    ).join("; ");
  const clocks = [...new Set(shown.map((r) => r.clock))];
  const clockText =
    clocks.map((c) =>
      c === "cpu"
        ? "this process's CPU time (user + system, all threads), which other processes on a " +
          "shared machine do not inflate (the paper timed on CPUs, §6.2)"
        : "elapsed wall time"
    ).join(" and ") || "–";
  const md: string[] = [
    "## 3. Timing (paper Table 3, Fig. 4, Fig. 9)",
    "",
    "Seconds per 1,000-step training episode = 1,000 × the time of one environment step of " +
    "training as Spinning Up's schedule runs it (lib/config.ts `updatesPerBlock`): an " +
    "exploratory action, the environment step with its transition stored in replay, and the " +
    "updates that step pays for, each sampling its minibatch from replay: 1 for most " +
    "algorithms, 10 (criticSteps) for DDPG-TTSU, whose critic steps 10 times per actor step " +
    "(§6.2). Each task's own sizes, hidden 16×16, batch 100, one agent, wasm backend, default " +
    `update path; the implementation that ran, as each agent reports it: ${implText || "–"}. ` +
    `Clock: ${clockText}. ` +
    "One repeat is a block of n environment steps followed by their updates; every cell of a " +
    "task is timed round-robin (repeat r of each cell, then repeat r + 1), after one untimed " +
    "warm-up repeat. The table gives the median over repeats and the min–max spread. " +
    `Budget: ${options.updates} environment steps per cell, in ${
      spread([...new Set(cheap.map((r) => r.repeats.length))])
    } repeats; **exact SDDPG and SDDPG-BD (dense n_w × n_w second-order updates): ${options.denseUpdates} environment step(s) per cell in ${
      spread([...new Set(dense.map((r) => r.repeats.length))])
    } repeat(s) of ${
      spread([...new Set(dense.flatMap((r) => r.repeats.map((x) => x.envSteps)))])
    } step(s), no warm-up** (marked *est.*), only on the tasks listed. ` +
    "FS* rows: *per-sample* is the form of the paper's equations (§4), whose cost its Table 1 " +
    "analyses, and the one Table 3's FSDDPG and FSDDPG-CG columns are set beside; *listing* is " +
    "the paper's code listing (Appendix I), whose direction is (1 + c)·∂J/∂θ, timed for " +
    "comparison. The paper ran PyTorch on an Intel Xeon E5-2680 CPU; absolute seconds are not " +
    "comparable across machines and frameworks, ratios measured side by side in one run are. " +
    "A claim **holds** only when its ordering holds in every repeat pair (repeat r against " +
    "repeat r; for cells with different repeat counts, the extremes of the two ranges), " +
    "**does not hold** when it is reversed in every pair, and is **inconclusive** otherwise.",
    "",
  ];
  const files: ReportFile[] = [];
  const fsKey = methodKey(FS_PER_SAMPLE);
  for (const task of tasks) {
    const mine = shown.filter((r) => r.task === task);
    const ddpg = mine.find((r) => r.key === "ddpg");
    const fs = mine.find((r) => r.key === fsKey);
    const paper = PAPER_TABLE3[task] ?? {};
    const paperFs = paper.fsddpg ?? null;
    md.push(`### ${task}`, "");
    md.push(
      "| method | implementation | updates / env step | ms / update | s / episode (ours): median [min–max] | repeats × env steps | × DDPG (ours) | × FSDDPG per-sample (ours) | s / episode (paper) | × FSDDPG (paper) |",
      "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    );
    for (const r of mine) {
      const col = paperColumn(r);
      const p = col === null ? undefined : paper[col];
      const pText = p === undefined
        ? "–"
        : p === null
        ? "garbled in our copy"
        : `${p >= 2000 && task === "HalfCheetah" ? "≥ " : ""}${
          Number.isInteger(p) ? p : p.toFixed(2)
        }`;
      const n = r.repeats.length;
      md.push(
        `| ${r.label} | ${r.implementation} | ${r.updatesPerEnvStep} | ${r.updateMs.toFixed(3)} | ${
          secondsText(r.episodeSeconds)
        } [${secondsText(r.episodeSecondsMin)}–${secondsText(r.episodeSecondsMax)}]${
          r.estimated ? " *est.*" : ""
        } | ${n} × ${n ? r.repeats[0].envSteps : 0} | ${
          ddpg ? (r.episodeSeconds / ddpg.episodeSeconds).toFixed(2) : "–"
        } | ${fs ? (r.episodeSeconds / fs.episodeSeconds).toFixed(2) : "–"} | ${pText} | ${
          p && paperFs ? (p / paperFs).toFixed(2) : "–"
        } |`,
      );
    }
    const missing = ["sddpg", "sddpg-bd"].filter((a) => !mine.some((r) => r.algo === a));
    if (missing.length) md.push("", `Not timed on ${task} at this budget: ${missing.join(", ")}.`);
    md.push("");
  }
  // figure: ratio to DDPG per method (x: method index), one series per task
  const keys = [...new Set(shown.map((r) => r.key))];
  const series = tasks.map((task) => {
    const ddpg = shown.find((r) => r.task === task && r.key === "ddpg");
    const xs: number[] = [], ys: number[] = [];
    keys.forEach((k, i) => {
      const r = shown.find((r) => r.task === task && r.key === k);
      if (r && ddpg) {
        xs.push(i);
        ys.push(r.episodeSeconds / ddpg.episodeSeconds);
      }
    });
    return { label: task, x: xs, y: ys };
  }).filter((s) => s.x.length >= 2);
  if (series.length) {
    files.push({
      path: "timing/ratio_to_ddpg.svg",
      content: linePlot(series, {
        title: "Seconds per episode / DDPG's, medians (log scale)",
        xLabel: `method: ${keys.map((k, i) => `${i} ${k}`).join(", ")}`,
        yLabel: "× DDPG",
        logY: true,
        width: 760,
      }),
    });
    md.push("![time per episode, ratio to DDPG](timing/ratio_to_ddpg.svg)", "");
  }
  const claims = timingClaims(rows, tasks);
  md.push("### Verdicts on the paper's timing claims", "");
  md.push("| claim | verdict | evidence | what ran |", "| --- | --- | --- | --- |");
  for (const c of claims) {
    md.push(`| ${c.claim} | ${verdictCell(c.verdict)} | ${options.evidence} | ${c.detail} |`);
  }
  md.push("");
  files.push({
    path: "timing/timing.csv",
    content: csv(
      [
        "task",
        "method",
        "label",
        "algo",
        "k1k2",
        "epsilon",
        "degree",
        "implementation",
        "updates_per_env_step",
        "repeats",
        "env_steps_timed",
        "updates_timed",
        "step_ms",
        "act_ms",
        "update_ms",
        "episode_seconds_median",
        "episode_seconds_min",
        "episode_seconds_max",
        "episode_seconds_per_repeat",
        "estimated",
      ],
      rows.map((r) => [
        r.task,
        r.key,
        r.label,
        r.algo,
        r.k1k2 ?? "",
        r.method.epsilon ?? "",
        r.degree ?? "",
        r.implementation,
        r.updatesPerEnvStep,
        r.repeats.length,
        r.envSteps,
        r.updates,
        r.stepMs,
        r.actMs,
        r.updateMs,
        r.episodeSeconds,
        r.episodeSecondsMin,
        r.episodeSecondsMax,
        r.repeats.map((x) => x.envStepMs.toPrecision(4)).join(";"),
        r.estimated,
      ]),
    ),
  });
  return { markdown: md.join("\n"), files, claims };
}
