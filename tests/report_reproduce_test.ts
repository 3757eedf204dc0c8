// `deno task reproduce` end to end at the smoke budget: every section present, every figure a
// well-formed SVG with data drawn, every verdict cell one of the three words, report.html
// self-contained, reader.ts reads it back; a rerun reuses finished runs (files unchanged) and
// redoes a missing one; a report collected from the run store equals the in-process one.
import { main as reproduceMain } from "../cli/reproduce.ts";
import { listReports, readReport } from "../lib/report/reader.ts";
import { VERDICTS } from "../lib/report/stats.ts";
import { assert, assertEquals } from "./assert.ts";
import { quietly } from "./quiet.ts";

/** Tags balance, attributes are quoted, nothing else looks like a tag. */
export function assertWellFormedSvg(svg: string, name: string): void {
  assert(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'), `${name}: root`);
  const stack: string[] = [];
  const tag = /<(\/?)([a-zA-Z]+)((?:\s+[a-zA-Z0-9:-]+="[^"<]*")*)\s*(\/?)>/g;
  for (const m of svg.matchAll(tag)) {
    if (m[1]) assertEquals(stack.pop(), m[2], `${name}: closing </${m[2]}>`);
    else if (!m[4]) stack.push(m[2]);
  }
  assertEquals(stack, [], `${name}: unclosed tags`);
  assert(!svg.replace(tag, "").includes("<"), `${name}: a malformed tag`);
}

/** Every file under `dir` (relative path → [size, mtime ms]). */
async function snapshot(dir: string, prefix = ""): Promise<Map<string, [number, number]>> {
  const out = new Map<string, [number, number]>();
  for await (const e of Deno.readDir(`${dir}/${prefix}`)) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory) { for (const [k, v] of await snapshot(dir, rel)) out.set(k, v); }
    else {
      const st = await Deno.stat(`${dir}/${rel}`);
      out.set(rel, [st.size, st.mtime?.getTime() ?? 0]);
    }
  }
  return out;
}

const SECTION_HEADINGS = [
  "## 1. Toy games",
  "## 2. Directions",
  "## 3. Timing",
  "## 4. Degree ablation",
  "## 5. MuJoCo comparison",
  "## 6. Critic losses",
  "## 7. Environment",
  "## 8. Tasks",
  "## 9. Settings",
  "## Headline",
];

Deno.test({
  name: "reproduce --budget smoke: every section, valid figures, verdict words, resume, collect",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const out = await Deno.makeTempDir({ prefix: "stackrl-report-" });
    try {
      const started = performance.now();
      const code = await quietly(() =>
        reproduceMain([
          "--budget",
          "smoke",
          "--jobs",
          "2",
          "--toy-steps",
          "600",
          "--out",
          out,
          "--id",
          "r",
        ])
      );
      assertEquals(code, 0);
      const seconds = (performance.now() - started) / 1000;
      assert(seconds < 180, `smoke took ${seconds.toFixed(0)} s`);
      const root = `${out}/r`;
      const md = await Deno.readTextFile(`${root}/report.md`);
      for (const h of SECTION_HEADINGS) assert(md.includes(h), `missing ${h}`);
      assert(md.includes("smoke: not evidence"));
      assert(md.includes("| trained (InvertedPendulum-fsddpg-"), "trained-network directions");
      // verdict cells: every bold table cell is one of the three words
      const cells = [...md.matchAll(/\| \*\*([^*]+)\*\* \|/g)].map((m) => m[1]);
      assert(cells.length >= 16 + 4 + 2 + 3, `${cells.length} verdict cells`);
      for (const c of cells) assert(VERDICTS.includes(c as never), c);
      // every verdict of sections 3-5 is marked as smoke (the toy section says it once, on top)
      const later = md.slice(md.indexOf("## 2. Directions"));
      const verdictLines = later.split("\n").filter((l) => /\| \*\*[^*]+\*\* \|/.test(l));
      // timing, degree (2), mujoco (5 per FS form × 3 forms + 4 ablations), critic (3)
      assert(verdictLines.length >= 2 + 19 + 3, `${verdictLines.length} verdict lines`);
      for (const l of verdictLines) assert(l.includes("| smoke: not evidence |"), l);
      // figures: linked, well-formed, with a path of at least 3 points
      const links = [...md.matchAll(/!\[[^\]]*\]\(([^)]+\.svg)\)/g)].map((m) => m[1]);
      for (const dir of ["timing/", "degree/", "mujoco/", "critic/"]) {
        assert(links.some((l) => l.startsWith(dir)), `no figure in ${dir}`);
      }
      for (const link of links) {
        const svg = await Deno.readTextFile(`${root}/${link}`);
        assertWellFormedSvg(svg, link);
        const paths = [...svg.matchAll(/<path[^>]* d="(M[^"]+)"/g)].map((m) => m[1]);
        assert(paths.some((d) => (d.match(/L/g) ?? []).length >= 2), `${link}: no curve`);
      }
      // CSV tables
      for (
        const f of [
          "timing/timing.csv",
          "degree/degree.csv",
          "mujoco/returns.csv",
          "mujoco/differences.csv",
          "mujoco/verdicts.csv",
          "tasks/tasks.csv",
          "settings/runs.csv",
          "directions/epsilon_sweep.csv",
          "critic/critic_loss.csv",
          "directions/directions.csv",
        ]
      ) {
        const lines = (await Deno.readTextFile(`${root}/${f}`)).trim().split("\n");
        assert(lines.length >= 2, `${f}: no rows`);
      }
      const returns = (await Deno.readTextFile(`${root}/mujoco/returns.csv`)).trim().split("\n");
      assertEquals(returns.length, 1 + 2 * 12); // two smoke tasks × twelve methods
      // both FS* forms trained, labelled; the paper's learning rates in every run, per report.json
      for (const form of ["listing", "per-sample, ε = 1e-5", "per-sample, ε = 30"]) {
        assert(md.includes(`fsddpg (${form})`) && md.includes(`fstd3 (${form})`), form);
      }
      const meta = JSON.parse(await Deno.readTextFile(`${root}/report.json`));
      const pendulum = meta.runSettings.filter((r: { config: { env: string } }) =>
        r.config.env === "InvertedPendulum"
      );
      assert(pendulum.length >= 12, `${pendulum.length} InvertedPendulum runs`);
      for (const r of pendulum) {
        assertEquals([r.config.lrActor, r.config.lrCritic], [1e-3, 1e-3], r.id);
      }
      // every MuJoCo claim carries its intervals
      for (const v of meta.verdicts.filter((v: { section: string }) => v.section === "critic")) {
        assert(/\[-?[0-9.e-]+, -?[0-9.e-]+\]/.test(v.detail), v.detail);
      }
      // report.html: self-contained (inline SVG, no external references)
      const html = await Deno.readTextFile(`${root}/report.html`);
      assertEquals((html.match(/<svg /g) ?? []).length, links.length);
      assert(!/(src|href)="(https?:)?\/\//.test(html), "external reference in report.html");
      assert(!/<link |<script/.test(html), "report.html loads something");
      // no temporary files anywhere
      const before = await snapshot(root);
      assert(![...before.keys()].some((k) => k.includes(".tmp-")), "temporary files left");
      // reader.ts
      const list = await listReports(out);
      assertEquals(list.map((r) => r.id), ["r"]);
      assertEquals(list[0].budget, "smoke");
      const report = await readReport(root);
      assertEquals(report.markdown, md);
      assert(report.files.includes("mujoco/returns.csv"));
      assert(!report.files.some((f) => f.startsWith("runs/")));
      assert(report.meta!.verdicts.every((v) => VERDICTS.includes(v.verdict as never)));
      assert((await report.readFile(links[0])).startsWith("<svg"));

      // rerun with one run removed: the others are reused, files unchanged; the removed one redone
      const runsBefore = new Map([...before].filter(([k]) => k.startsWith("runs/")));
      const victim = [...runsBefore.keys()].find((k) => k.includes("InvertedPendulum-ddpg-"))!
        .split("/")[1];
      await Deno.remove(`${root}/runs/${victim}`, { recursive: true });
      assertEquals(
        await quietly(() =>
          reproduceMain(["--budget", "smoke", "--only", "mujoco", "--out", out, "--id", "r"])
        ),
        0,
      );
      const after = await snapshot(root);
      for (const [k, v] of runsBefore) {
        if (k.startsWith(`runs/${victim}/`)) continue;
        assertEquals(after.get(k), v, `${k} changed on rerun`);
      }
      const redone = JSON.parse(await Deno.readTextFile(`${root}/runs/${victim}/status.json`));
      assertEquals(redone.status, "finished");
      // the redone run reproduces the removed one (seeded): same evaluation returns
      const md2 = await Deno.readTextFile(`${root}/report.md`);
      const table = (text: string) =>
        text.slice(text.indexOf("### Final scores per task"), text.indexOf("## 6. Critic"));
      assertEquals(table(md2), table(md));

      // --collect from the run store gives the same MuJoCo tables and verdicts
      assertEquals(
        await quietly(() =>
          reproduceMain([
            "--collect",
            `${root}/runs`,
            "--budget",
            "smoke",
            "--only",
            "mujoco",
            "--out",
            out,
            "--id",
            "c",
          ])
        ),
        0,
      );
      const collected = await Deno.readTextFile(`${out}/c/report.md`);
      assertEquals(table(collected), table(md));
    } finally {
      await Deno.remove(out, { recursive: true });
    }
  },
});
