// lib/report/degree_section.ts degreeClaims: section 4's two verdicts (time grows with the degree
// o, Table 2; a larger o returns more, Fig. 2) on synthetic timing rows and runs with known answers.
import { degreeClaims, degreeMethod } from "../lib/report/degree_section.ts";
import { methodKey } from "../lib/report/plan.ts";
import type { RunData } from "../lib/report/run_data.ts";
import type { TimingRow } from "../lib/report/timing_section.ts";
import { assertEquals } from "./assert.ts";

const TASK = "Swimmer";

/** A finished run of per-sample FSDDPG at degree o whose seeds all end at `finals`. */
function run(o: number, finals: number[]): RunData {
  const method = degreeMethod(o);
  return {
    id: `${TASK}-${methodKey(method)}`,
    dir: "",
    env: TASK,
    algo: "fsddpg",
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

/** Section 3's row of per-sample FSDDPG at degree o taking `seconds` per episode. */
function timed(o: number, seconds: number): TimingRow {
  return {
    task: TASK,
    algo: "fsddpg",
    k1k2: "per-sample",
    ...(o === 1 ? {} : { degree: o }),
    episodeSeconds: seconds,
  } as TimingRow;
}

const options = { tasks: [TASK], degrees: [1, 2], finalEvals: 2 };
const low = [0, 1, 2, 3, 4], high = [10, 11, 12, 13, 14];

Deno.test("degreeClaims: time rising with o and a better return at the top o hold", () => {
  const { rows, claims } = degreeClaims(
    [run(1, low), run(2, high)],
    [timed(1, 10), timed(2, 30)],
    options,
  );
  assertEquals(claims.map((c) => c.verdict), ["holds", "holds"]);
  assertEquals(rows.map((r) => [r.o, r.seconds, r.ratio, r.score?.run.id]), [
    [1, 10, 1, `${TASK}-${methodKey(degreeMethod(1))}`],
    [2, 30, 3, `${TASK}-${methodKey(degreeMethod(2))}`],
  ]);
});

Deno.test("degreeClaims: falling time and a worse return do not hold; nothing measured is not tested", () => {
  const worse = degreeClaims([run(1, high), run(2, low)], [timed(1, 30), timed(2, 10)], options);
  assertEquals(worse.claims.map((c) => c.verdict), ["does not hold", "does not hold"]);
  const none = degreeClaims([], [], options);
  assertEquals(none.claims.map((c) => c.verdict), ["not tested", "not tested"]);
  assertEquals(none.rows.map((r) => [r.seconds, r.score]), [[undefined, undefined], [
    undefined,
    undefined,
  ]]);
});
