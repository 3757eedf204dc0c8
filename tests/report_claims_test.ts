// The MuJoCo claims read off bootstrap intervals, on synthetic runs with known answers.
import { assert, assertEquals } from "./assert.ts";
import type { RunData } from "../lib/report/run_data.ts";
import { type Method, methodKey, PAPER_TASKS } from "../lib/report/plan.ts";
import { scoreTable } from "../lib/report/mujoco_stats.ts";
import { bestClaim, countClaim, improvementClaim } from "../lib/report/mujoco_claims.ts";

/** A finished run whose seeds evaluate to `finals` (two evaluations, both equal to the final). */
function run(env: string, method: Method, finals: number[]): RunData {
  return {
    id: `${env}-${methodKey(method)}`,
    dir: "",
    env,
    algo: method.algo,
    method,
    seeds: finals.map((_, i) => i),
    steps: 2,
    stepsDone: 2,
    status: "finished",
    config: {},
    evals: finals.map((v) => [{ step: 1, value: v }, { step: 2, value: v }]),
    criticLoss: finals.map(() => []),
    checkpoints: [],
  };
}

const X: Method = { algo: "fsddpg", k1k2: "per-sample", epsilon: 1e-5 };
const Y: Method = { algo: "ddpg" };
const high = [10, 11, 12, 13, 14], low = [0, 1, 2, 3, 4], mid = [4, 0, 3, 1, 2.5];

function table(xs: (task: number) => number[]) {
  const runs = PAPER_TASKS.flatMap((t, i) => [run(t, X, xs(i)), run(t, Y, low)]);
  return scoreTable(runs, PAPER_TASKS, [X, Y], 2);
}

Deno.test("claims: better on every task holds; worse on three does not hold; mixed is inconclusive", () => {
  const all = table(() => high);
  assertEquals(countClaim(all, "c", PAPER_TASKS, X, Y, 6).verdict, "holds");
  assertEquals(improvementClaim(all, "c", PAPER_TASKS, X, Y).verdict, "holds");
  // X below Y (identical low scores shifted down) on 3 tasks: 6 of 8 can no longer be reached
  const three = table((i) => (i < 3 ? low.map((v) => v - 20) : high));
  assertEquals(countClaim(three, "c", PAPER_TASKS, X, Y, 6).verdict, "does not hold");
  // "all 8" fails on one task that is clearly worse
  const one = table((i) => (i === 0 ? low.map((v) => v - 20) : high));
  assertEquals(countClaim(one, "c", PAPER_TASKS, X, Y, 8).verdict, "does not hold");
  assertEquals(countClaim(one, "c", PAPER_TASKS, X, Y, 6).verdict, "holds");
  // overlapping scores everywhere: neither side excluded
  const overlap = table(() => mid);
  const c = countClaim(overlap, "c", PAPER_TASKS, X, Y, 6);
  assertEquals(c.verdict, "inconclusive", c.detail);
  // identical samples: P(X > Y) = 0.5 exactly; resampling each side moves it both ways
  const same = table(() => low);
  const p = improvementClaim(same, "c", PAPER_TASKS, X, Y);
  assert(p.detail.includes("= 0.5 ["), p.detail);
  assertEquals(p.verdict, "inconclusive");
  // X below Y on every task: P(X > Y) = 0 with an interval at 0
  const below = table(() => low.map((v) => v - 20));
  assertEquals(improvementClaim(below, "c", PAPER_TASKS, X, Y).verdict, "does not hold");
});

Deno.test("claims: a diverged seed scores the task's worst, is counted, never dropped", () => {
  const runs = [
    run("Ant", X, [10, 11, NaN, 13, 14]),
    run("Ant", Y, [3, 4, 5, 6, 7]),
  ];
  const t = scoreTable(runs, ["Ant"], [X, Y], 2);
  const x = t.find((c) => c.method === X)!;
  assertEquals(x.diverged, 1);
  assertEquals(x.scores, [10, 11, 3, 13, 14]); // 3: the worst final score on Ant
  assertEquals(x.mean.estimate, (10 + 11 + 3 + 13 + 14) / 5);
});

Deno.test("claims: best needs every rival excluded; a missing task counts as undecided", () => {
  const Z: Method = { algo: "td3" };
  const runs = PAPER_TASKS.flatMap((t, i) => [
    run(t, X, high),
    run(t, Y, low),
    ...(i < 6 ? [run(t, Z, low)] : []),
  ]);
  const t = scoreTable(runs, PAPER_TASKS, [X, Y, Z], 2);
  const c = bestClaim(t, "c", PAPER_TASKS, X, [Y, Z], 6);
  assertEquals(c.verdict, "holds", c.detail);
  const c7 = bestClaim(t, "c", PAPER_TASKS, X, [Y, Z], 7);
  assertEquals(c7.verdict, "inconclusive", c7.detail);
});
