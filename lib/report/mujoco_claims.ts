/**
 * The paper's claims about returns on MuJoCo (§6.2, Fig. 3, Fig. 5, Fig. 6), each decided from
 * bootstrap intervals. On one task, X is *better* than Y when the 95% interval of
 * mean(X) − mean(Y) lies above 0, and *not better* when it lies at or below 0. A claim "X beats
 * Y on k of n tasks" **holds** when X is better on at least k, **does not hold** when it is not
 * better on more than n − k (so k can no longer be reached), and is **inconclusive** otherwise.
 * An aggregate claim holds when the interval of P(X > Y) lies above 0.5 and does not hold when
 * it lies at or below 0.5.
 * @module
 */
import { claimVerdict } from "./rliable.ts";
import { type Method, methodLabel, PAPER_TASKS } from "./plan.ts";
import { interval, type Verdict } from "./stats.ts";
import { cellOf, differenceOf, improvementProbability, type TaskScores } from "./mujoco_stats.ts";

/** A claim of the paper with our verdict. */
export interface ClaimRow {
  claim: string;
  verdict: Verdict;
  detail: string;
  /** The FS* form the claim was tested with (`listing`, `per-sample, ε = …`), if any. */
  form?: string;
}

/** How X compares with Y on one task: its difference interval and the reading. */
function compare(table: TaskScores[], task: string, x: Method, y: Method) {
  const a = cellOf(table, task, x), b = cellOf(table, task, y);
  if (!a || !b) return undefined;
  const d = differenceOf(a, b);
  return { d, better: d.lo > 0, notBetter: d.hi <= 0 };
}

/**
 * The verdict of "true on at least `need` of `n` tasks" from the tasks where it is shown true
 * (`yes`) and shown false (`no`); a task that did not run counts as neither.
 */
function kOfN(yes: number, no: number, n: number, need: number): Verdict {
  return yes >= need ? "holds" : no > n - need ? "does not hold" : "inconclusive";
}

/** "X beats Y on at least `need` of `tasks`", task by task. */
export function countClaim(
  table: TaskScores[],
  claim: string,
  tasks: readonly string[],
  x: Method,
  y: Method,
  need: number,
): ClaimRow {
  const rows = tasks.map((t) => ({ t, c: compare(table, t, x, y) }));
  const ran = rows.filter((r) => r.c);
  const better = ran.filter((r) => r.c!.better).map((r) => r.t);
  const notBetter = ran.filter((r) => r.c!.notBetter).map((r) => r.t);
  const detail = `${methodLabel(x)} − ${methodLabel(y)}, mean final score [95% CI]: ` +
    ran.map((r) => `${r.t} ${interval(r.c!.d)}`).join("; ") +
    `. Better on ${better.length} (${
      better.join(", ") || "none"
    }), not better on ${notBetter.length}` +
    ` (${notBetter.join(", ") || "none"}), undecided on ${
      ran.length - better.length - notBetter.length
    }; needs ${need} of ${tasks.length}`;
  if (!ran.length) return { claim, verdict: "not tested", detail: "not run at this budget" };
  return { claim, verdict: kOfN(better.length, notBetter.length, tasks.length, need), detail };
}

/** "X is the best method on at least `need` of `tasks`" against `rivals`. */
export function bestClaim(
  table: TaskScores[],
  claim: string,
  tasks: readonly string[],
  x: Method,
  rivals: readonly Method[],
  need: number,
): ClaimRow {
  const best: string[] = [], notBest: string[] = [], missing: string[] = [];
  const ranTasks: string[] = [];
  for (const t of tasks) {
    const cs = rivals.map((r) => compare(table, t, x, r));
    if (cs.some((c) => !c)) {
      missing.push(t);
      continue;
    }
    ranTasks.push(t);
    if (cs.every((c) => c!.better)) best.push(t);
    else if (cs.some((c) => c!.notBetter)) notBest.push(t);
  }
  const detail =
    `${methodLabel(x)} above every rival (${
      rivals.map(methodLabel).join(", ")
    }) with 95% confidence on ${best.length} (${
      best.join(", ") || "none"
    }); at or below some rival on ` +
    `${notBest.length} (${notBest.join(", ") || "none"}); needs ${need} of ${tasks.length}`;
  if (!ranTasks.length) return { claim, verdict: "not tested", detail: "not run at this budget" };
  return { claim, verdict: kOfN(best.length, notBest.length, tasks.length, need), detail };
}

/** "X improves on Y across tasks": P(X > Y) with its stratified-bootstrap interval. */
export function improvementClaim(
  table: TaskScores[],
  claim: string,
  tasks: readonly string[],
  x: Method,
  y: Method,
): ClaimRow {
  const p = improvementProbability(table, tasks, x, y);
  if (!p) return { claim, verdict: "not tested", detail: "not run at this budget" };
  const { interval: i } = p;
  // over fewer tasks than claimed, the interval cannot settle the claim either way
  const verdict: Verdict = p.tasks.length < tasks.length
    ? "inconclusive"
    : claimVerdict(i, { noImprovement: 0.5 });
  return {
    claim,
    verdict,
    detail: `P(${methodLabel(x)} > ${methodLabel(y)}) = ${interval(i)} over ${p.tasks.length} ` +
      `task(s) (${p.tasks.join(", ")})`,
  };
}

/** The FS* methods of one form. */
export interface Form {
  /** Label of the form: `listing`, `per-sample, ε = 1e-5`. */
  label: string;
  fsddpg: Method;
  fstd3: Method;
}

/** The paper's win claims (§6.2, Fig. 3) for one FS* form. */
export function winClaims(table: TaskScores[], form: Form): ClaimRow[] {
  const tasks = PAPER_TASKS;
  const rivals: Method[] = [
    { algo: "ddpg" },
    { algo: "td3" },
    { algo: "ddpg-ttsu" },
    { algo: "sddpg-cg" },
    { algo: "std3-cg" },
    form.fsddpg,
  ];
  const rows: ClaimRow[] = [
    bestClaim(
      table,
      "FSTD3 reaches the best performance in 6 of 8 tasks (Fig. 3)",
      tasks,
      form.fstd3,
      rivals,
      6,
    ),
    countClaim(
      table,
      "FSDDPG outperforms DDPG in 6 of 8 tasks (Fig. 3)",
      tasks,
      form.fsddpg,
      { algo: "ddpg" },
      6,
    ),
    countClaim(
      table,
      "FSTD3 outperforms TD3 in all 8 tasks (Fig. 3)",
      tasks,
      form.fstd3,
      { algo: "td3" },
      8,
    ),
    improvementClaim(
      table,
      "FSDDPG improves on DDPG across the 8 tasks: P(FSDDPG > DDPG) > 0.5",
      tasks,
      form.fsddpg,
      { algo: "ddpg" },
    ),
    improvementClaim(
      table,
      "FSTD3 improves on TD3 across the 8 tasks: P(FSTD3 > TD3) > 0.5",
      tasks,
      form.fstd3,
      { algo: "td3" },
    ),
  ];
  return rows.map((r) => ({ ...r, form: form.label }));
}

/** Tasks of the paper's Fig. 5 (CG against block-diagonal). */
export const FIG5_TASKS = ["HalfCheetah", "InvertedPendulum", "InvertedDoublePendulum"] as const;
/** Tasks of the paper's Fig. 6 (exact SDDPG). */
export const FIG6_TASKS = ["InvertedPendulum", "InvertedDoublePendulum"] as const;

/**
 * The ablation claims on returns (Fig. 5 and 6), with the per-sample form at the paper's ε on
 * both sides of every FS comparison (the listing has no CG form).
 */
export function ablationClaims(table: TaskScores[], perSample: Method): ClaimRow[] {
  const cg: Method = { ...perSample, algo: "fsddpg-cg" };
  const withForm = [
    countClaim(
      table,
      "FSDDPG-CG returns more than FSDDPG (block-diagonal) in 2 of 3 environments (Fig. 5)",
      FIG5_TASKS,
      cg,
      perSample,
      2,
    ),
    countClaim(
      table,
      "FSDDPG-CG performs much better than SDDPG-CG (Fig. 5 with Fig. 3)",
      FIG5_TASKS,
      cg,
      { algo: "sddpg-cg" },
      FIG5_TASKS.length,
    ),
    countClaim(
      table,
      "FSDDPG converges faster than exact SDDPG: higher return at the same step (Fig. 6)",
      FIG6_TASKS,
      perSample,
      { algo: "sddpg" },
      FIG6_TASKS.length,
    ),
  ];
  return [
    ...withForm.map((r): ClaimRow => ({ ...r, form: "per-sample, ε = 1e-5" })),
    countClaim(
      table,
      "SDDPG (exact) outperforms SDDPG-BD (Fig. 5)",
      FIG6_TASKS,
      { algo: "sddpg" },
      { algo: "sddpg-bd" },
      FIG6_TASKS.length,
    ),
  ];
}
