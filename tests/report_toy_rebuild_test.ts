// `deno task reproduce --only toy --into <dir>` (lib/report/toy_rebuild.ts) on a smoke report in
// a temporary folder: the rebuilt toy section, headline rows, verdicts and toy/ files equal what
// a whole report written with the new toy steps has, every other byte of report.md and
// report.json is unchanged, stale toy files go, report.html is re-rendered; a folder that holds
// no report of that budget is one line and is left untouched; a failed write leaves nothing.
import { main as reproduceMain } from "../cli/reproduce.ts";
import { headline } from "../lib/report/headline.ts";
import { budgetSpec } from "../lib/report/plan.ts";
import { toyPart } from "../lib/report/parts.ts";
import type { ReportMeta } from "../lib/report/reader.ts";
import { type ReportOptions, writeReport } from "../lib/report/report.ts";
import type { ReportPart } from "../lib/report/section.ts";
import {
  rebuiltNote,
  replaceToyFiles,
  reportToySteps,
  sectionBounds,
  TOY_HEADING,
} from "../lib/report/toy_rebuild.ts";
import { assert, assertEquals } from "./assert.ts";
import { captured } from "./quiet.ts";

const QUIET = { log: () => {}, warn: () => {} };
const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><path d="M0 0L1 1"/></svg>';

/** Sections 3 and 5 as stand-ins (the real ones need training runs): verdicts, a figure, a CSV. */
const OTHER_PARTS: ReportPart[] = [
  {
    key: "timing",
    markdown: "## 3. Timing\n\n![timing/ratio.svg](timing/ratio.svg)\n",
    files: [{ path: "timing/ratio.svg", content: SVG }],
    verdicts: [{ section: "timing", claim: "FSDDPG is faster", verdict: "holds" }],
  },
  {
    key: "mujoco",
    markdown: "## 5. MuJoCo comparison\n\nStand-in.\n",
    files: [{ path: "mujoco/returns.csv", content: "task,return\nA,1\n" }],
    verdicts: [
      { section: "mujoco", claim: "FSDDPG beats DDPG", verdict: "inconclusive", form: "listing" },
      { section: "mujoco", claim: "FSTD3 beats TD3", verdict: "holds", detail: "[0.1, 0.2]" },
    ],
  },
];

/** A smoke report as `deno task reproduce` writes it, toy section at `toySteps`, into `dir`. */
async function smokeReport(dir: string, toySteps: number): Promise<void> {
  const options: ReportOptions = {
    id: "r",
    budget: "smoke",
    spec: budgetSpec("smoke"),
    only: ["toy", "timing", "mujoco"],
    toySteps,
    collect: null,
    plan: [],
    runsRoot: `${dir}/runs`,
    jobs: 1,
    workerCommand: () => [],
  };
  const parts = [toyPart(toySteps, QUIET), ...OTHER_PARTS];
  await writeReport(dir, options, { parts, runs: [] }, "deno task reproduce --budget smoke", 0);
}

/** Every file under `dir`, relative path → content. */
async function readTree(dir: string, prefix = ""): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for await (const e of Deno.readDir(prefix ? `${dir}/${prefix}` : dir)) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory) { for (const [k, v] of await readTree(dir, rel)) out.set(k, v); }
    else out.set(rel, await Deno.readTextFile(`${dir}/${rel}`));
  }
  return out;
}

/** The section of `md` at `heading`. */
function section(md: string, heading: string): string {
  const b = sectionBounds(md, heading);
  if (!b) throw new Error(`no ${heading}`);
  return md.slice(b[0], b[1]);
}

Deno.test({
  name: "reproduce --only toy --into: the toy part becomes a full run's, every other byte stays",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const root = await Deno.makeTempDir({ prefix: "stackrl-toy-rebuild-" });
    try {
      const dir = `${root}/old`, ref = `${root}/ref`;
      await smokeReport(dir, 100);
      await smokeReport(ref, 150);
      await Deno.writeTextFile(`${dir}/toy/stale-figure.svg`, SVG);
      // an older toy section's verdicts, as its report.json and headline would have them
      const meta0: ReportMeta = JSON.parse(await Deno.readTextFile(`${dir}/report.json`));
      const md0 = await Deno.readTextFile(`${dir}/report.md`);
      const verdicts0 = [
        { section: "toy", claim: "toy 0: an old claim", verdict: "holds" },
        ...meta0.verdicts.filter((v) => v.section !== "toy"),
      ];
      const evidence = "smoke: not evidence";
      assert(md0.includes(headline(meta0.verdicts, evidence)), "the headline as written");
      await Deno.writeTextFile(
        `${dir}/report.md`,
        md0.replace(headline(meta0.verdicts, evidence), headline(verdicts0, evidence)),
      );
      await Deno.writeTextFile(
        `${dir}/report.json`,
        JSON.stringify({ ...meta0, verdicts: verdicts0 }, null, 2) + "\n",
      );
      const before = await readTree(dir);
      const expected = await readTree(ref);

      const r = await captured(reproduceMain, [
        "--only",
        "toy",
        "--into",
        dir,
        "--budget",
        "smoke",
        "--toy-steps",
        "150",
      ]);
      assertEquals(r.code, 0, r.err);
      assert(/rebuilt the toy section of .*\(1 stale removed\) in [0-9.]+ s/.test(r.out), r.out);
      const after = await readTree(dir);

      // toy/: exactly a full run's files at 150 steps (the stale one gone), nothing temporary
      const toyFiles = (m: Map<string, string>) =>
        new Map([...m].filter(([k]) => k.startsWith("toy/")));
      assertEquals(toyFiles(after), toyFiles(expected));
      assert(![...after.keys()].some((k) => /\.(tmp|old)-/.test(k)), "temporary files left");
      // every file outside toy/ but report.md, report.json and report.html is untouched
      for (const [k, v] of before) {
        if (k.startsWith("toy/") || k.startsWith("report.")) continue;
        assertEquals(after.get(k), v, k);
      }

      // report.json: the toy verdicts are the full run's, in place; the rest byte for byte
      const oldMeta: ReportMeta = JSON.parse(before.get("report.json")!);
      const newMeta: ReportMeta = JSON.parse(after.get("report.json")!);
      const refMeta: ReportMeta = JSON.parse(expected.get("report.json")!);
      const toyOf = (m: ReportMeta) => m.verdicts.filter((v) => v.section === "toy");
      assertEquals(toyOf(newMeta), toyOf(refMeta));
      assert(JSON.stringify(toyOf(newMeta)) !== JSON.stringify(toyOf(oldMeta)), "toy unchanged");
      assertEquals(newMeta.verdicts.map((v) => v.section)[0], "toy");
      const rebuilt = newMeta.rebuilt!;
      assertEquals(rebuilt.length, 1);
      assertEquals([rebuilt[0].section, rebuilt[0].toySteps], ["toy", 150]);
      assert(rebuilt[0].command.includes("--only toy --into"), rebuilt[0].command);
      const withoutToy = (m: ReportMeta) =>
        JSON.stringify(
          { ...m, verdicts: m.verdicts.filter((v) => v.section !== "toy"), rebuilt: undefined },
          null,
          2,
        );
      assertEquals(withoutToy(newMeta), withoutToy(oldMeta));

      // report.md: the toy section is the full run's (and the note); the headline is the full
      // run's; everything else is byte for byte the old report's
      const oldMd = before.get("report.md")!, newMd = after.get("report.md")!;
      const refMd = expected.get("report.md")!;
      assertEquals(
        section(newMd, TOY_HEADING),
        `${section(refMd, TOY_HEADING).slice(0, -1)}${rebuiltNote(rebuilt[0])}\n\n`,
      );
      const HEAD = "## Headline";
      assertEquals(section(newMd, HEAD), section(refMd, HEAD));
      assert(section(oldMd, HEAD) !== section(newMd, HEAD), "headline's toy rows unchanged");
      const rest = (md: string) => {
        const toy = sectionBounds(md, TOY_HEADING)!, head = sectionBounds(md, HEAD)!;
        return [md.slice(0, head[0]), md.slice(head[1], toy[0]), md.slice(toy[1])];
      };
      assertEquals(rest(newMd), rest(oldMd));
      assert(rest(oldMd)[2].startsWith("## 3. Timing"), "the sections after the toy one");

      // report.html: re-rendered with the new toy figures and the old timing figure inline
      const html = after.get("report.html")!;
      assert(html !== before.get("report.html"), "report.html unchanged");
      assert(!html.includes("missing figure"), "a figure missing from report.html");
      assertEquals(
        (html.match(/<svg /g) ?? []).length,
        [...newMd.matchAll(/!\[[^\]]*\]\(([^)]+\.svg)\)/g)].length,
      );
      assert(html.includes("rebuilt on its own"), "the note in report.html");

      // a second rebuild, without --toy-steps, takes the report's (150), replaces the note and
      // the record instead of adding one
      assertEquals(
        (await captured(reproduceMain, ["--only", "toy", "--into", dir, "--budget", "smoke"])).code,
        0,
      );
      const again = await Deno.readTextFile(`${dir}/report.md`);
      assertEquals(again.match(/rebuilt on its own/g)?.length, 1);
      const meta3: ReportMeta = JSON.parse(await Deno.readTextFile(`${dir}/report.json`));
      assertEquals(meta3.rebuilt!.map((p) => p.toySteps), [150]);
      assertEquals(
        await Deno.readTextFile(`${dir}/toy/toy_runs.csv`),
        expected.get("toy/toy_runs.csv"),
      );
      assertEquals(rest(again), rest(oldMd));
    } finally {
      await Deno.remove(root, { recursive: true });
    }
  },
});

Deno.test({
  name:
    "reproduce --only toy --into: a folder without a report of that budget is one line, untouched",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const root = await Deno.makeTempDir({ prefix: "stackrl-toy-rebuild-" });
    try {
      const dir = `${root}/r`;
      await smokeReport(dir, 20);
      const before = await readTree(dir);
      const run = (...args: string[]) =>
        captured(reproduceMain, ["--only", "toy", "--toy-steps", "20", ...args]);
      const cases: [string[], RegExp][] = [
        [
          ["--into", dir],
          /--into .*\/r: the report has budget "smoke" and --budget is "short"; allowed: the report's own budget \(--budget smoke\)/,
        ],
        [["--into", root, "--budget", "smoke"], /--into .*: no report\.json there/],
      ];
      for (const [args, message] of cases) {
        const r = await run(...args);
        assertEquals(r.code, 2, args.join(" "));
        const lines = r.err.trim().split("\n");
        assertEquals(lines.length, 1, r.err);
        assert(message.test(lines[0]), lines[0]);
      }
      // a report without a toy section
      const md = before.get("report.md")!;
      const b = sectionBounds(md, TOY_HEADING)!;
      await Deno.writeTextFile(`${dir}/report.md`, md.slice(0, b[0]) + md.slice(b[1]));
      const r = await run("--into", dir, "--budget", "smoke");
      assertEquals(r.code, 2);
      assert(/report\.md has no "## 1\. Toy games" section/.test(r.err), r.err);
      await Deno.writeTextFile(`${dir}/report.md`, md);
      assertEquals(await readTree(dir), before);
    } finally {
      await Deno.remove(root, { recursive: true });
    }
  },
});

Deno.test("toy rebuild: a write that fails leaves the report as it was, with no temporary file", async () => {
  const dir = await Deno.makeTempDir({ prefix: "stackrl-toy-rebuild-" });
  try {
    await Deno.mkdir(`${dir}/toy`);
    await Deno.writeTextFile(`${dir}/toy/a.svg`, "old");
    await Deno.writeTextFile(`${dir}/report.md`, "old md");
    await Deno.writeTextFile(`${dir}/report.json`, "{}");
    const before = await readTree(dir);
    let failed = false;
    try {
      await replaceToyFiles(dir, [
        { path: "toy/a.svg", content: "new" },
        { path: "toy/b\u0000.svg", content: "a name no file system takes" },
      ], [["report.json", "{ }"], ["report.md", "new md"]]);
    } catch {
      failed = true;
    }
    assert(failed, "the write did not fail");
    assertEquals(await readTree(dir), before);
    // and one that succeeds replaces toy/ as a whole
    await replaceToyFiles(dir, [{ path: "toy/c.svg", content: "new" }], [["report.md", "new"]]);
    assertEquals(
      await readTree(dir),
      new Map([["toy/c.svg", "new"], ["report.md", "new"], ["report.json", "{}"]]),
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("toy rebuild: the steps default to the last rebuild's, else the --toy-steps of the report's command", () => {
  const meta = (
    command: string,
    rebuilt?: ReportMeta["rebuilt"],
  ) => ({ command, rebuilt } as ReportMeta);
  assertEquals(reportToySteps(meta("deno task reproduce --budget smoke")), null);
  assertEquals(reportToySteps(meta("deno task reproduce --toy-steps 600 --id r")), 600);
  assertEquals(reportToySteps(meta("deno task reproduce '--toy-steps' '600'")), 600);
  const record = {
    section: "toy",
    command: "",
    commit: "",
    createdAt: "",
    toySteps: 150,
    wallSeconds: 1,
  };
  assertEquals(reportToySteps(meta("deno task reproduce --toy-steps 600", [record])), 150);
});
