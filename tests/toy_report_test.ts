// The report's toy section (paper §6.1, Fig. 1 and Fig. 7): the SVG helper, the verdict rule at
// every ε, and `reproduce --only toy` end to end (files, figures with data, CSVs checked against an
// independent hand loop).
import { assert, assertAlmostEquals, assertClose, assertEquals } from "./assert.ts";
import { contourPlot, linePlot, marchingSquares } from "../lib/report/svg.ts";
import {
  buildToySection,
  gridSettings,
  runToyGrid,
  toyVerdicts,
  VERDICTS,
} from "../lib/report/toy_section.ts";
import { main as reproduceMain } from "../cli/reproduce.ts";
import { byHand } from "./toy_hand.ts";

Deno.test("toy: SVG helper draws contours and curves as path data", () => {
  // Marching squares on f = x² + y² over [−1, 1]²: level 0.25 crosses at radius 0.5.
  const n = 41, values = new Float64Array(n * n);
  const coord = (g: number) => -1 + 2 * g / (n - 1);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) values[j * n + i] = coord(i) ** 2 + coord(j) ** 2;
  }
  const segs = marchingSquares(values, n, n, 0.25);
  assert(segs.length > 40, `${segs.length} segments`);
  for (const [a, b, c, d] of segs) {
    for (const [x, y] of [[a, b], [c, d]]) {
      assertAlmostEquals(Math.hypot(coord(x), coord(y)), 0.5, 0.01);
    }
  }
  const svg = contourPlot({
    f: (x, y) => x * x + y * y,
    xRange: [-1, 1],
    yRange: [-1, 1],
    levels: [0.25, 0.5],
    overlays: [{ label: "a <line>", x: [0, 0.5, -0.5], y: [0, 0.5, 0.2] }],
    markers: [{ x: 0, y: 0, label: "origin", shape: "star" }],
  });
  assert(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
  assert(svg.endsWith("</svg>"));
  assert(svg.includes("a &lt;line&gt;"), "labels are escaped");
  assertEquals((svg.match(/<path class="contour" d="M/g) ?? []).length, 2);
  const lp = linePlot([{ label: "d", x: [0, 1, 2, 3], y: [1, 0.1, NaN, 0.001] }], { logY: true });
  const d = lp.match(/<path d="([^"]+)"[^>]*stroke="#0072B2"/);
  assert(d !== null, "series path present");
  assertEquals((d![1].match(/[ML]/g) ?? []).join(""), "MLM", "the NaN breaks the curve");
  const lx = linePlot([{ label: "s", x: [1, 10, 100, 1000], y: [3, 2, 1, 0.5] }], { logX: true });
  for (const label of ["1e0", "1e1", "1e2", "1e3"]) assert(lx.includes(`>${label}</text>`), label);
  const lxd = lx.match(/<path d="([^"]+)"[^>]*stroke="#0072B2"/)![1];
  const xs = [...lxd.matchAll(/[ML](-?[\d.]+) /g)].map((m) => Number(m[1]));
  assertEquals(xs.length, 4);
  // Decades are equally spaced on a log axis.
  assertAlmostEquals(xs[1] - xs[0], xs[3] - xs[2], 0.2);
});

Deno.test("toy: verdicts are one of three words and follow the stated rule at every ε", () => {
  const grid = runToyGrid({
    steps: 400,
    lrPairs: [[0.05, 0.05], [0.01, 0.05]],
    orders: ["simultaneous"],
    epsilons: [1e-2, 1e-5],
  });
  // Per game and setting: GDA once, SDDPG and both FSDDPG forms at each of the 2 ε.
  assertEquals(grid.runs.length, 2 * (1 + 3 * 2) * 2 * 2);
  assertEquals(grid.config.epsilons, [1e-5, 1e-2]);
  assertEquals(grid.config.primaryEpsilon, 1e-5);
  assertEquals(grid.runs.filter((r) => r.variant === "gda").every((r) => r.epsilon === null), true);
  // Trajectories are kept at the primary ε (and for GDA) only.
  for (const r of grid.runs) {
    assertEquals(r.result !== null, r.epsilon === null || r.epsilon === 1e-5);
  }
  const verdicts = toyVerdicts(grid);
  assertEquals(verdicts.length, 8);
  for (const v of verdicts) {
    assert(VERDICTS.includes(v.verdict), v.verdict);
    assertEquals(v.byEpsilon.map((b) => b.epsilon), [1e-5, 1e-2]);
    for (const b of v.byEpsilon) {
      assertEquals(b.holdsUnder.length + b.failsUnder.length, 4);
      assertEquals(b.verdict, b.failsUnder.length === 0 ? "holds" : "does not hold");
    }
    // The primary verdict is the one at the paper's ε = 1e-5, and the claim names it.
    const atPrimary = v.byEpsilon.find((b) => b.epsilon === 1e-5)!;
    assertEquals([v.verdict, v.holdsUnder, v.failsUnder], [
      atPrimary.verdict,
      atPrimary.holdsUnder,
      atPrimary.failsUnder,
    ]);
    assertEquals(v.claim.includes("(at ε = 1e-5)"), v.dependsOnEpsilon, v.claim);
  }
  // Independently: toy 2 DDPG "cycles" holds at a setting iff its run is classified "cycles",
  // and DDPG does not use ε, so every ε gives the same answer.
  const ddpgCycles = verdicts.find((v) => v.id === "toy2-ddpg-cycles")!;
  const cyc = grid.runs.filter((r) =>
    r.game === 2 && r.variant === "gda" && r.classification.status === "cycles"
  );
  assertEquals(ddpgCycles.dependsOnEpsilon, false);
  for (const b of ddpgCycles.byEpsilon) assertEquals(b.holdsUnder.length, cyc.length);
  // Toy 2 "FSDDPG and SDDPG converge" at ε = 1e-2 reads the runs at ε = 1e-2.
  const conv = verdicts.find((v) => v.id === "toy2-fsddpg-sddpg-converge-per-sample")!;
  const both = gridSettings(grid).filter((s) =>
    (["fsddpg-per-sample", "sddpg"] as const).every((v) =>
      grid.runs.find((r) =>
        r.game === 2 && r.variant === v && r.epsilon === 1e-2 && r.target === s.target &&
        r.lrActor === s.lrActor && r.lrCritic === s.lrCritic
      )!.classification.status === "converged"
    )
  );
  assertEquals(conv.byEpsilon[1].holdsUnder.length, both.length);
  // Nothing tested → "not tested" at every ε.
  for (const v of toyVerdicts(grid, { filter: () => false })) {
    assertEquals(v.verdict, "not tested");
    assert(v.byEpsilon.every((b) => b.verdict === "not tested"));
  }
  const section = buildToySection(grid);
  assert(section.markdown.includes("## 1. Toy games"));
  assert(section.markdown.includes("The primary verdict of a claim is its verdict at the paper's"));
  assert(section.files.some((f) => f.path.endsWith("-L.svg")));
  assert(section.files.some((f) => f.path.endsWith("-Jbr.svg")));
});

/** A tiny well-formedness check: tags balance and attributes are quoted. */
function assertWellFormedSvg(svg: string, name: string) {
  assert(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'), `${name}: root`);
  const stack: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z]+)((?:\s+[a-zA-Z0-9:-]+="[^"<]*")*)\s*(\/?)>/g)) {
    if (m[1]) assertEquals(stack.pop(), m[2], `${name}: closing </${m[2]}>`);
    else if (!m[4]) stack.push(m[2]);
  }
  assertEquals(stack, [], `${name}: unclosed tags`);
  const stripped = svg.replace(/<(\/?)([a-zA-Z]+)((?:\s+[a-zA-Z0-9:-]+="[^"<]*")*)\s*(\/?)>/g, "");
  assert(!stripped.includes("<"), `${name}: a malformed tag`);
}

Deno.test("toy: `reproduce --only toy` writes report.md, valid SVGs with data and CSVs", async () => {
  const dir = await Deno.makeTempDir({ prefix: "stackrl-toy-" });
  const log = console.log, err = console.error;
  const errors: string[] = [];
  console.log = () => {};
  console.error = (...a: unknown[]) => errors.push(a.join(" "));
  try {
    assertEquals(
      await reproduceMain(["--only", "toy", "--out", dir, "--id", "t", "--toy-steps", "600"]),
      0,
    );
    assertEquals(await reproduceMain(["--ony", "toy"]), 2);
    assert(/unknown flag "--ony"; did you mean --only\?/.test(errors.at(-1) ?? ""), errors.at(-1));
    assertEquals(await reproduceMain(["--only", "toys"]), 2);
    assert(/did you mean "toy"/.test(errors.at(-1) ?? ""), errors.at(-1));
    assertEquals(await reproduceMain(["--toy-steps", "abc"]), 2);
    assertEquals(await reproduceMain(["--help"]), 0);
  } finally {
    console.log = log;
    console.error = err;
  }
  try {
    const root = `${dir}/t`;
    const md = await Deno.readTextFile(`${root}/report.md`);
    assert(md.includes("## 1. Toy games (paper §6.1"));
    // Every verdict cell is one of the three words; the toy section itself has 16 (8 claims at
    // the primary ε, at the primary and the loose tolerance), whatever the report puts above it.
    const verdictCells = (text: string) =>
      [...text.matchAll(/\| \*\*([^*]+)\*\* \|/g)].map((m) => m[1]);
    const cells = verdictCells(md);
    assertEquals(verdictCells(md.slice(md.indexOf("## 1. Toy games"))).length, 16);
    for (const c of cells) assert(VERDICTS.includes(c as never), c);
    // Every linked figure exists, is well-formed and has path data with points.
    const links = [...md.matchAll(/!\[[^\]]*\]\(([^)]+\.svg)\)/g)].map((m) => m[1]);
    // Per game: the sweep figure, FSDDPG per-sample by ε (2), the log–log rates figure, and 4
    // per simultaneous setting.
    assertEquals(links.length, 2 * (1 + 2 + 1 + 2 * 6 * 4));
    for (const link of links) {
      const svg = await Deno.readTextFile(`${root}/${link}`);
      assertWellFormedSvg(svg, link);
      const paths = [...svg.matchAll(/<path[^>]* d="(M[^"]+)"/g)].map((m) => m[1]);
      assert(paths.some((d) => (d.match(/L/g) ?? []).length >= 2), `${link}: no curve with points`);
    }
    const names = [];
    for await (const e of Deno.readDir(`${root}/toy`)) names.push(e.name);
    assert(!names.some((n) => n.includes(".tmp-")), "no temporary files left");
    // The CSV's final points equal an independent hand loop (not the report's code path).
    const csv = (await Deno.readTextFile(`${root}/toy/toy_runs.csv`)).trim().split("\n");
    const head = csv[0].split(",");
    const col = (row: string[], name: string) => row[head.indexOf(name)];
    const rows = csv.slice(1).map((l) => l.split(","));
    assertEquals(rows.length, 2 * (1 + 3 * 5) * 2 * 2 * 6);
    for (
      const [game, variant] of [[2, "gda"], [2, "sddpg"], [1, "fsddpg-listing"], [
        1,
        "fsddpg-per-sample",
      ]] as const
    ) {
      const row = rows.find((r) =>
        col(r, "game") === String(game) && col(r, "variant") === variant &&
        col(r, "target") === "differentiated" &&
        col(r, "order") === "simultaneous" && col(r, "lr_actor") === "0.05" &&
        col(r, "lr_critic") === "0.05" && col(r, "epsilon") === (variant === "gda" ? "" : "0.00001")
      )!;
      const h = byHand(game, variant, "differentiated", 0.05, 0.05, 600, "simultaneous");
      assertClose(
        [Number(col(row, "final_theta")), Number(col(row, "final_w"))],
        h[600],
        1e-9,
        `${game} ${variant}`,
      );
    }
    // A run at another ε: its final point is the hand loop's at that ε.
    const at = rows.find((r) =>
      col(r, "game") === "1" && col(r, "variant") === "fsddpg-per-sample" &&
      col(r, "target") === "stop-gradient" && col(r, "order") === "critic-first" &&
      col(r, "lr_actor") === "0.01" && col(r, "lr_critic") === "0.05" &&
      col(r, "epsilon") === "0.01"
    )!;
    const h = byHand(
      1,
      "fsddpg-per-sample",
      "stop-gradient",
      0.01,
      0.05,
      600,
      "critic-first",
      0.01,
    );
    assertClose([Number(col(at, "final_theta")), Number(col(at, "final_w"))], h[600], 1e-9);
    const sweep = (await Deno.readTextFile(`${root}/toy/toy_epsilon_sweep.csv`)).trim().split("\n");
    assertEquals(sweep.length, 1 + 2 * 4 * 5);
    const verdictCsv = await Deno.readTextFile(`${root}/toy/toy_verdicts.csv`);
    // One row per tolerance (2) × claim (8) × ε (5).
    assertEquals(verdictCsv.trim().split("\n").length, 1 + 2 * 8 * 5);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
