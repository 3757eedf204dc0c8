// The toy section at two horizons (lib/report/toy/horizons.ts): the budget's T steps and 10× T.
// What a class change means, which runs change, verdicts at both horizons, the decay-rate table,
// the log–log figure of every method, and the text of the toy 2 DDPG claim (paper §6.1, Fig. 1).
import { assert, assertAlmostEquals, assertEquals, assertThrowsMatching } from "./assert.ts";
import {
  classifyTrajectory,
  envelopeFit,
  type TrajectoryClassification,
} from "../lib/toy/classify.ts";
import { runToy } from "../lib/toy/run.ts";
import { buildToySection, runToyGrid, toyVerdicts } from "../lib/report/toy_section.ts";
import {
  changeKind,
  classChanges,
  ddpgToy2Meaning,
  HORIZON_FACTOR,
  horizonVerdictTable,
  longHorizonGrid,
  ratesTable,
} from "../lib/report/toy/horizons.ts";
import { rateRange } from "../lib/report/toy/claims.ts";
import { logThin, rateFigure } from "../lib/report/toy/figures.ts";
import type { ToyGrid } from "../lib/report/toy/grid.ts";

let cached: { short: ToyGrid; long: ToyGrid } | null = null;
/** Every lr pair and target, simultaneous order, at the paper's ε and 1e-2: 2,000 and 20,000 steps. */
function grids() {
  if (!cached) {
    const short = runToyGrid({ steps: 2_000, epsilons: [1e-5, 1e-2], orders: ["simultaneous"] });
    cached = { short, long: longHorizonGrid(short) };
  }
  return cached;
}

/** A classification with only the fields changeKind reads. */
const as = (status: TrajectoryClassification["status"]) => ({ status }) as TrajectoryClassification;

Deno.test("horizons: what each class change means", () => {
  assertEquals(changeKind(as("spirals in"), as("converged")), "reached the tolerance");
  assertEquals(changeKind(as("converging slowly"), as("converged")), "reached the tolerance");
  assertEquals(changeKind(as("converged"), as("spirals in")), "left the tolerance");
  assertEquals(changeKind(as("cycles"), as("diverged")), "diverged");
  // A cycle or plateau at T that shrinks afterwards: s fell below −CYCLE_SLOPE.
  assertEquals(changeKind(as("cycles"), as("spirals in")), "started approaching");
  assertEquals(changeKind(as("stalled"), as("converging slowly")), "started approaching");
  assertEquals(changeKind(as("converging slowly"), as("stalled")), "stopped approaching");
  assertEquals(changeKind(as("spirals in"), as("cycles")), "stopped approaching");
  assertEquals(changeKind(as("converging slowly"), as("spirals in")), "began oscillating");
  assertEquals(changeKind(as("cycles"), as("stalled")), "stopped oscillating");
});

Deno.test("horizons: the long grid is 10× longer, keeps no trajectories, and starts as the short one", () => {
  const { short, long } = grids();
  assertEquals(HORIZON_FACTOR, 10);
  assertEquals(long.config.steps, 20_000);
  assertEquals(long.runs.length, short.runs.length);
  assert(long.runs.every((r) => r.result === null && Number.isNaN(r.bestResponseGap.mean)));
  // The long run's first T steps are the short run: classifying that prefix gives the short class.
  const r = runToy({
    game: 2,
    method: "gda",
    target: "differentiated",
    lrActor: 0.01,
    lrCritic: 0.01,
    steps: 20_000,
  });
  const prefix = classifyTrajectory(r.distance.subarray(0, 2_001), {
    optimum: r.optimum,
    theta: r.theta.subarray(0, 2_001),
    w: r.w.subarray(0, 2_001),
  });
  const shortRun = short.runs.find((x) =>
    x.game === 2 && x.variant === "gda" && x.target === "differentiated" && x.lrActor === 0.01 &&
    x.lrCritic === 0.01
  )!;
  assertEquals(prefix, shortRun.classification);
  assertThrowsMatching(
    () => runToyGrid({ steps: 10, trajectories: "no" as never }),
    /trajectories: got "no"/,
  );
});

Deno.test("horizons: every run whose class changes is listed, with its kind", () => {
  const { short, long } = grids();
  const changes = classChanges(short, long);
  const changed = short.runs.filter((s) => {
    const l = long.runs.find((x) =>
      x.game === s.game && x.variant === s.variant && x.epsilon === s.epsilon &&
      x.target === s.target && x.order === s.order && x.lrActor === s.lrActor &&
      x.lrCritic === s.lrCritic
    )!;
    return l.classification.status !== s.classification.status;
  });
  assertEquals(changes.length, changed.length);
  assert(changes.length > 0, "this grid has class changes (slow runs that reach the tolerance)");
  for (const c of changes) {
    assertEquals(c.kind, changeKind(c.short.classification, c.long.classification));
  }
  // DDPG on toy 2 is never a cycle, at either horizon: it spirals in, or is still on its way.
  for (const g of [short, long]) {
    const ddpg = g.runs.filter((r) => r.game === 2 && r.variant === "gda");
    assert(ddpg.every((r) => r.classification.status !== "cycles"));
  }
});

Deno.test("horizons: the verdict words agree at both horizons, at every ε", () => {
  const { short, long } = grids();
  const a = toyVerdicts(short), b = toyVerdicts(long);
  const { lines, changed } = horizonVerdictTable(a, b, 2_000, 20_000);
  assertEquals(lines.length, 2 + a.length);
  assertEquals(changed, []);
  a.forEach((v, i) => {
    assertEquals(v.byEpsilon.map((x) => x.verdict), b[i].byEpsilon.map((x) => x.verdict), v.id);
  });
  assert(lines[0].includes("verdict at 2000 | at 20000"), lines[0]);
});

Deno.test("horizons: the decay-rate table and the toy 2 DDPG text give the rate, not a limit cycle", () => {
  const { short, long } = grids();
  const table = ratesTable(short, long);
  const ddpg2 = table.find((l) => l.startsWith("| 2 | DDPG (GDA) |"))!;
  // At 20,000 steps every setting spirals in at about t^−½.
  assert(ddpg2.includes("| spirals in 12 | −0.5"), ddpg2);
  const text = ddpgToy2Meaning(short, long);
  assert(text.includes("DDPG circles the optimum on a shrinking spiral"), text);
  assert(text.includes("is not trapped in a limit cycle"), text);
  assert(/and −0\.[45]\d to −0\.[45]\d at 20000/.test(text), text);
  assert(text.includes("at no setting does its amplitude level off (s ≥ −0.1)"), text);
  assertEquals(rateRange([-0.001, 0.002]), "0.00");
  assertEquals(rateRange([-0.56, -0.46, NaN]), "−0.56 to −0.46");
  assertEquals(rateRange([NaN]), "–");
});

Deno.test("horizons: the section states the rule up front and embeds a log–log figure per game", () => {
  const { short, long } = grids();
  const section = buildToySection(short, long);
  const md = section.markdown;
  const rule = md.indexOf("**How every run is classified**");
  assert(rule > 0 && rule < md.indexOf("Toy 1: J(θ,w)"), "the rule comes first");
  for (
    const s of ["tolerance 0.01", "final window 5%", "divergence bound 1000", "cycle threshold 0.1"]
  ) {
    assert(md.includes(s), s);
  }
  assert(md.includes("### Two horizons: 2000 and 20000 steps per run"));
  assert(md.includes('**What "DDPG is trapped in a limit cycle" means here**'));
  for (const game of [1, 2]) {
    const path = `toy/toy${game}-rates.svg`;
    assert(md.includes(`![${path}](${path})`), path);
    const svg = section.files.find((f) => f.path === path)!.content;
    // Four methods, each with its curve and two fitted envelopes (dashed 8 4), the horizon's
    // line and the tolerance's.
    assertEquals((svg.match(/<path d="M/g) ?? []).length, 4 + 4 * 2 + 1 + 1, path);
    assertEquals((svg.match(/<path [^>]*stroke-dasharray="8 4"/g) ?? []).length, 4 * 2, path);
  }
  const v = section.verdicts.find((x) => x.id === "toy2-ddpg-cycles")!;
  assert(v.detail.includes("is not trapped in a limit cycle"), v.detail);
  assert(v.detail.includes("at 20000 steps (10× the budget's): does not hold"), v.detail);
  const csv = section.files.find((f) => f.path === "toy/toy_runs.csv")!.content.split("\n");
  assert(csv[0].endsWith("steps_long,class_long,decay_rate_long,final_distance_long"), csv[0]);
});

Deno.test("envelopeFit and logThin: a power law is fitted exactly; thinning keeps each bucket's extremes", () => {
  const n = 10_000;
  const d = Float64Array.from({ length: n }, (_, t) => 3 * Math.pow(t + 1, -0.5));
  const fit = envelopeFit(d)!;
  assertAlmostEquals(fit.slope, -0.5, 1e-3);
  assertAlmostEquals(Math.exp(fit.intercept), 3, 0.01);
  assertEquals([fit.from, fit.to], [625, 5_000]);
  // An oscillation: thinned to ≤ 2 points per bucket, its largest and smallest values survive.
  const y = Float64Array.from({ length: n }, (_, t) => (1 + 0.5 * Math.sin(t)) / Math.sqrt(t + 1));
  const thin = logThin(y, 100);
  assert(thin.x.length <= 200, String(thin.x.length));
  assertEquals(thin.x[0], 1);
  assert(thin.x.every((x, i) => i === 0 || x > thin.x[i - 1]), "steps increase");
  assertEquals(Math.max(...thin.y), Math.max(...y));
  assertEquals(Math.min(...thin.y), Math.min(...y));
  const fig = rateFigure(
    2,
    { target: "differentiated", order: "simultaneous", lrActor: 0.05, lrCritic: 0.05 },
    200,
    2_000,
    1e-5,
    1e-2,
  );
  assertEquals(fig.path, "toy/toy2-rates.svg");
  assert(fig.content.includes("DDPG: spirals in, s −0."), "the legend gives DDPG's class and rate");
});
