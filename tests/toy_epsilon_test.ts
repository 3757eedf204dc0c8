// The toy games over the damping ε (§6.1, Fig. 1): which methods converge at which ε, the
// verdicts' by-ε summaries, and the grid's options.
import { assert, assertEquals, assertThrowsMatching } from "./assert.ts";
import {
  type EpsilonVerdict,
  findRun,
  gridSettings,
  runToyGrid,
  summarizeByEpsilon,
  sweepRows,
  TOY_EPSILONS,
  type ToyGrid,
  type ToySetting,
  toyVerdicts,
} from "../lib/report/toy_section.ts";
import { sweepCsv, sweepTable } from "../lib/report/toy/tables.ts";
import { epsilonSweepFigure } from "../lib/report/toy/figures.ts";

const STEPS = 10_000;
let cached: ToyGrid | null = null;
/** The default settings (24) at the paper's ε and at 1e-2, with the `short` budget's steps. */
function grid(): ToyGrid {
  cached ??= runToyGrid({ steps: STEPS, epsilons: [1e-5, 1e-2] });
  return cached;
}

Deno.test("TOY_EPSILONS spans the paper's 1e-5 to 1", () => {
  assertEquals([...TOY_EPSILONS], [1e-5, 1e-3, 1e-2, 1e-1, 1]);
  assertEquals(runToyGrid({ steps: 10, lrPairs: [[0.1, 0.1]] }).config.epsilons, [...TOY_EPSILONS]);
});

Deno.test("toy 1, FSDDPG per-sample: converges in every setting at ε = 1e-2, in none at 1e-5", () => {
  const g = grid();
  const settings = gridSettings(g);
  assertEquals(settings.length, 24);
  const row = (e: number) =>
    sweepRows(g).find((r) => r.game === 1 && r.variant === "fsddpg-per-sample" && r.epsilon === e)!;
  assertEquals(row(1e-2).counts.converged, 24);
  assertEquals(row(1e-2).settings, 24);
  assertEquals(row(1e-5).counts.converged, 0);
  // Why, from the scalar formula: d = g_θ·ε/(2g_w² + ε). Along these runs |w| ≤ 1 and θ stays
  // near 1, so |g_θ| = 2|w|θ ≤ 2 and g_w² = θ⁴ ≥ θ_T⁴, hence |d| ≤ ε/θ_T⁴ ≤ 1.1ε (θ_T ≥ 0.98):
  // in T steps θ moves at most 1.1·T·α_θ·ε (≤ 0.011 for α_θ ≤ 0.1), far from θ* = 0.
  for (const s of settings) {
    const r = findRun(g, 1, "fsddpg-per-sample", 1e-5, s)!;
    const theta = r.final.theta;
    assert(theta >= 0.98, `θ_T = ${theta}`);
    assert(1 - theta <= 1.1 * STEPS * s.lrActor * 1e-5, `${JSON.stringify(s)}: θ_T = ${theta}`);
    assertEquals(r.classification.status, "stalled");
  }
});

Deno.test("the sweep: GDA's single run fills every ε column; counts add up; table, CSV, figure", () => {
  const g = grid();
  const rows = sweepRows(g);
  assertEquals(rows.length, 2 * 4 * 2);
  for (const r of rows) {
    assertEquals(Object.values(r.counts).reduce((a, b) => a + b, 0), r.settings);
  }
  for (const game of [1, 2]) {
    const gda = rows.filter((r) => r.game === game && r.variant === "gda");
    assertEquals(gda[0].counts, gda[1].counts);
  }
  assertEquals(g.runs.filter((r) => r.variant === "gda").length, 2 * 24);
  const table = sweepTable(g, rows);
  assertEquals(table[0], "| toy | method | ε = 1e-5 | ε = 1e-2 |");
  assert(table.includes("| 1 | FSDDPG per-sample | 0/24 (stalled 24) | 24/24 |"), table.join("\n"));
  const csv = sweepCsv(rows).trim().split("\n");
  assertEquals(csv.length, 1 + rows.length);
  assert(csv.includes("1,fsddpg-per-sample,0.01,true,24,24,0,0,0,0,0,1"), csv.join("\n"));
  const fig = epsilonSweepFigure(1, [{
    variant: "fsddpg-per-sample",
    epsilons: [1e-5, 1e-2],
    fractions: [0, 1],
  }], 24);
  assertEquals(fig.path, "toy/toy1-epsilon-sweep.svg");
  assert(/<path d="M[^"]+L[^"]+"[^>]*stroke="#009E73"/.test(fig.content), "a curve was drawn");
});

Deno.test("summarizeByEpsilon() says at which ε a claim holds", () => {
  const s: ToySetting = {
    target: "differentiated",
    order: "simultaneous",
    lrActor: 1,
    lrCritic: 1,
  };
  const at = (epsilon: number, holds: number, fails: number): EpsilonVerdict => ({
    epsilon,
    verdict: holds + fails === 0 ? "not tested" : fails === 0 ? "holds" : "does not hold",
    holdsUnder: Array(holds).fill(s),
    failsUnder: Array(fails).fill(s),
  });
  assertEquals(
    summarizeByEpsilon([at(1e-5, 0, 12), at(1e-3, 6, 6), at(1e-2, 12, 0), at(1e-1, 12, 0)]),
    "holds at ε ≥ 1e-2 (12/12 settings at each); does not hold at ε ≤ 1e-3 (1e-5: 0/12, " +
      "1e-3: 6/12)",
  );
  assertEquals(
    summarizeByEpsilon([at(1e-5, 3, 0), at(1e-2, 0, 3), at(1, 3, 0)]),
    "holds at ε = 1e-5, 1 (3/3 settings at each); does not hold at ε = 1e-2 (1e-2: 0/3)",
  );
  assertEquals(
    summarizeByEpsilon([at(1e-5, 0, 2), at(1e-2, 1, 1)]),
    "does not hold at any ε tested (1e-5: 0/2, 1e-2: 1/2)",
  );
  assertEquals(summarizeByEpsilon([at(1e-5, 2, 0)]), "holds at ε = 1e-5 (2/2 settings)");
});

Deno.test("the verdicts of a per-sample claim list every ε of the grid", () => {
  for (const v of toyVerdicts(grid()).filter((x) => x.fsVariant === "per-sample")) {
    assertEquals(v.byEpsilon.map((b) => b.epsilon), [1e-5, 1e-2]);
    assert(v.claim.endsWith("(at ε = 1e-5)"), v.claim);
    assertEquals(v.epsilonSummary, summarizeByEpsilon(v.byEpsilon));
  }
});

Deno.test("grid options: bad ε lists are rejected with the field, the value and what is allowed", () => {
  assertThrowsMatching(
    () => runToyGrid({ epsilons: [] }),
    /epsilons: got \[\]; allowed: a non-empty/,
  );
  assertThrowsMatching(
    () => runToyGrid({ epsilons: [1e-2, 0] }),
    /epsilons\[1\]: got 0; allowed: a finite number > 0/,
  );
  assertThrowsMatching(
    () => runToyGrid({ epsilons: [1e-2, 1e-2] }),
    /epsilons: got \[0.01,0.01\]; allowed: distinct values/,
  );
  assertThrowsMatching(
    () => runToyGrid({ epsilons: [1e-2], primaryEpsilon: 1e-5 }),
    /primaryEpsilon: got 0.00001; allowed: one of the grid's epsilons \(0.01\)/,
  );
  // deno-lint-ignore no-explicit-any
  const old = { epsilon: 1e-2 } as any;
  assertThrowsMatching(() => runToyGrid(old), /toy grid\.epsilon: .*did you mean "epsilons"/);
  assertThrowsMatching(
    // deno-lint-ignore no-explicit-any
    () => runToyGrid({ orders: ["leader-first" as any] }),
    /orders\[0\]: got "leader-first"; allowed: "simultaneous" or "critic-first"/,
  );
  // Without 1e-5 in the list the primary ε is the smallest.
  assertEquals(
    runToyGrid({ steps: 10, lrPairs: [[0.1, 0.1]], epsilons: [1, 1e-2] }).config.primaryEpsilon,
    1e-2,
  );
});
