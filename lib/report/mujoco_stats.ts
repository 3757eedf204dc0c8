/**
 * The statistics of the MuJoCo comparison, after Agarwal et al. (2021): per task, each method's
 * final scores (diverged seeds at the task's worst score) with a 95% bootstrap interval of the
 * mean and of pairwise differences; across tasks, min–max normalised scores (random policy = 0,
 * the best method's mean = 1), their interquartile mean, P(X > Y) and performance profiles,
 * each with a stratified-bootstrap interval.
 * @module
 */
import {
  aggregateIqm,
  bootstrapDiffCi,
  bootstrapMeanCi,
  type Interval,
  normalise,
  performanceProfile,
  probabilityOfImprovement,
  type ProfilePoint,
  withDiverged,
} from "./rliable.ts";
import { type Method, methodKey } from "./plan.ts";
import { finalScores, type RunData } from "./run_data.ts";

/** Bootstrap replicates of every interval in the report. */
export const BOOTSTRAP_REPS = 2000;

/** One method's final scores on one task. */
export interface TaskScores {
  task: string;
  method: Method;
  run: RunData;
  /** Final score per seed, diverged seeds replaced by the task's worst score. */
  scores: number[];
  /** Seeds that diverged (a non-finite evaluation). */
  diverged: number;
  /** Mean over seeds with its 95% bootstrap interval. */
  mean: Interval;
}

/** Final scores of every (task, method) that has a run, diverged seeds counted as the worst. */
export function scoreTable(
  runs: RunData[],
  tasks: readonly string[],
  methods: readonly Method[],
  finalEvals: number,
): TaskScores[] {
  const out: TaskScores[] = [];
  for (const task of tasks) {
    const cells = methods.flatMap((method) => {
      const run = runs.find((r) => r.env === task && methodKey(r.method) === methodKey(method));
      return run ? [{ method, run, raw: finalScores(run, finalEvals) }] : [];
    });
    const finite = cells.flatMap((c) => c.raw.filter(Number.isFinite));
    const worst = finite.length ? Math.min(...finite) : 0;
    for (const c of cells) {
      const { scores, diverged } = withDiverged(c.raw, worst);
      out.push({
        task,
        method: c.method,
        run: c.run,
        scores,
        diverged,
        mean: bootstrapMeanCi(scores, { reps: BOOTSTRAP_REPS }),
      });
    }
  }
  return out;
}

/** The scores of `method` on `task`, if it ran. */
export function cellOf(
  table: TaskScores[],
  task: string,
  method: Method,
): TaskScores | undefined {
  return table.find((c) => c.task === task && methodKey(c.method) === methodKey(method));
}

/** 95% bootstrap interval of mean(x) − mean(y) on one task. */
export function differenceOf(x: TaskScores, y: TaskScores): Interval {
  return bootstrapDiffCi(x.scores, y.scores, { reps: BOOTSTRAP_REPS });
}

/** The normalisation of one task: random policy = 0, the best method's mean = 1. */
export interface Normaliser {
  task: string;
  random: number;
  best: number;
  bestMethod: string;
}

/** Normalisers of the tasks where at least one method beat the random policy. */
export function normalisers(
  table: TaskScores[],
  tasks: readonly string[],
  randomScores: Record<string, number>,
): Normaliser[] {
  const out: Normaliser[] = [];
  for (const task of tasks) {
    const cells = table.filter((c) => c.task === task);
    const random = randomScores[task];
    if (!cells.length || !Number.isFinite(random)) continue;
    const top = cells.reduce((a, b) => (b.mean.estimate > a.mean.estimate ? b : a));
    if (!(top.mean.estimate > random)) continue;
    out.push({ task, random, best: top.mean.estimate, bestMethod: methodKey(top.method) });
  }
  return out;
}

/** `scores[task][seed]` of `method`, normalised; tasks where it did not run are left out. */
export function normalisedScores(
  table: TaskScores[],
  norms: Normaliser[],
  method: Method,
): number[][] {
  return norms.flatMap((n) => {
    const c = cellOf(table, n.task, method);
    return c ? [c.scores.map((s) => normalise(s, n.random, n.best))] : [];
  });
}

/** Aggregate statistics of one method across the normalised tasks. */
export interface Aggregate {
  method: Method;
  tasks: number;
  iqm: Interval;
  profile: ProfilePoint[];
}

/** Thresholds τ of the performance profiles (normalised score). */
export const PROFILE_TAUS: readonly number[] = Array.from({ length: 26 }, (_, i) => i * 0.05 - 0.1);

/** IQM and performance profile of every method that ran on every normalised task. */
export function aggregates(
  table: TaskScores[],
  norms: Normaliser[],
  methods: readonly Method[],
): Aggregate[] {
  return methods.flatMap((method) => {
    const scores = normalisedScores(table, norms, method);
    if (!scores.length || scores.length < norms.length) return [];
    return [{
      method,
      tasks: scores.length,
      iqm: aggregateIqm(scores, { reps: BOOTSTRAP_REPS }),
      profile: performanceProfile(scores, [...PROFILE_TAUS], { reps: BOOTSTRAP_REPS }),
    }];
  });
}

/** P(X > Y) over the tasks both ran (raw scores: the statistic is invariant to normalisation). */
export function improvementProbability(
  table: TaskScores[],
  tasks: readonly string[],
  x: Method,
  y: Method,
): { tasks: string[]; interval: Interval } | undefined {
  const both = tasks.filter((t) => cellOf(table, t, x) && cellOf(table, t, y));
  if (!both.length) return undefined;
  return {
    tasks: both,
    interval: probabilityOfImprovement(
      both.map((t) => cellOf(table, t, x)!.scores),
      both.map((t) => cellOf(table, t, y)!.scores),
      { reps: BOOTSTRAP_REPS },
    ),
  };
}
