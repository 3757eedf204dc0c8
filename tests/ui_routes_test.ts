// Web UI route tests through the Hono app (no socket): pages, JSON API, traversal, error panels.
import { assert, assertEquals } from "./assert.ts";
import { createApp, isTraversal } from "../lib/ui/app.ts";
import { FIXTURE, writeFixtureRuns } from "./ui_fixture.ts";
import { ROUTES } from "../lib/ui/manifest.ts";
import { patternOf } from "../lib/ui/route.ts";
import { readRunMetrics } from "../lib/ui/runs.ts";
import { parseMetrics } from "../lib/store/metrics.ts";
import { downsampleRows, evalSummary, seedBand } from "../lib/ui/series.ts";
import { parseServeArgs } from "../cli/serve.ts";
import { npmPackageDir, parseNpmSpecifier, repoRoot } from "../lib/ui/bundle.ts";

const root = await Deno.makeTempDir({ prefix: "stackrl-ui-" });
const app = createApp({ runsDir: root, pollMs: 20 });
// one fixture store for the module's tests, removed after the last one whatever its outcome
Deno.test.beforeAll(() => writeFixtureRuns(root));
Deno.test.afterAll(() => Deno.remove(root, { recursive: true }));

async function get(path: string): Promise<{ status: number; type: string; text: string }> {
  const res = await app.request(path);
  return {
    status: res.status,
    type: res.headers.get("content-type") ?? "",
    text: await res.text(),
  };
}

async function getJson(path: string) {
  const r = await get(path);
  assertEquals(r.status, 200, `${path}: HTTP ${r.status} ${r.text.slice(0, 300)}`);
  assert(r.type.startsWith("application/json"), `${path}: ${r.type}`);
  return JSON.parse(r.text);
}

Deno.test("ui: the route manifest lists every file of routes/", async () => {
  const files: string[] = [];
  const walk = async (dir: string, prefix: string) => {
    for await (const e of Deno.readDir(dir)) {
      if (e.isDirectory) await walk(`${dir}/${e.name}`, `${prefix}${e.name}/`);
      else if (/\.tsx?$/.test(e.name)) files.push(`${prefix}${e.name}`);
    }
  };
  await walk(new URL("../routes", import.meta.url).pathname, "");
  assertEquals(files.sort(), Object.keys(ROUTES).sort());
  assertEquals(patternOf("runs/[id].tsx"), "/runs/:id");
  assertEquals(patternOf("index.tsx"), "/");
  assertEquals(patternOf("api/runs/[id]/index.ts"), "/api/runs/:id");
});

Deno.test("ui: the runs page lists every run, with an error on the unreadable one", async () => {
  const r = await get("/");
  assertEquals(r.status, 200);
  assert(r.type.startsWith("text/html"));
  for (const id of Object.values(FIXTURE).filter((v) => v !== "best")) {
    assert(r.text.includes(id), `runs page lacks ${id}`);
  }
  assert(r.text.includes('data-island="RunsTable"'));
  assert(r.text.includes('src="/islands/RunsTable.js"'));
  assert(r.text.includes("status-finished") && r.text.includes("status-running"));
  assert(r.text.includes("not valid JSON"), "the run with a corrupt config shows its error");
  assert(!r.text.includes("https://"), "no CDN or remote URL in the page");
});

Deno.test("ui: a run page renders facts, charts island, rollouts and config", async () => {
  const r = await get(`/runs/${FIXTURE.finished}`);
  assertEquals(r.status, 200);
  assert(r.text.includes('data-island="RunCharts"'));
  assert(r.text.includes("Evaluation return") && r.text.includes("Critic loss"));
  assert(r.text.includes("Correction ratio") && r.text.includes("Steps per second"));
  assert(r.text.includes(`/runs/${FIXTURE.finished}/rollouts/best`), "rollout link");
  assert(r.text.includes("Updates ran on") && r.text.includes("fused (wasm)"), "runtime fact");
  assert(r.text.includes("&quot;algo&quot;: &quot;fstd3&quot;") || r.text.includes('"algo"'));
  assert(!r.text.includes("error-panel"), "a healthy run has no error panel");
  const live = await get(`/runs/${FIXTURE.running}`);
  assert(live.text.includes("&quot;live&quot;:true"), "running run subscribes to live updates");
});

Deno.test("ui: a corrupt metrics file or config gives an error panel, not a crash", async () => {
  const m = await get(`/runs/${FIXTURE.corruptMetrics}`);
  assertEquals(m.status, 200);
  assert(m.text.includes("error-panel"));
  assert(m.text.includes("metrics.jsonl has 1 malformed line (first: line"), m.text);
  const c = await get(`/runs/${FIXTURE.corruptConfig}`);
  assertEquals(c.status, 200);
  assert(c.text.includes("error-panel") && c.text.includes("config.json is not valid JSON"));
  const api = await getJson(`/api/runs/${FIXTURE.corruptMetrics}`);
  assertEquals(api.errors.length, 1);
  // the torn last line is tolerated; the complete rows are still served
  const metrics = await getJson(`/api/runs/${FIXTURE.corruptMetrics}/metrics`);
  assert(metrics.total > 0);
});

Deno.test("ui: fields of the wrong type are named on the run, the pages still render", async () => {
  const weird = await Deno.makeTempDir({ prefix: "stackrl-ui-weird-" });
  try {
    await Deno.mkdir(`${weird}/weird-run`);
    await Deno.writeTextFile(
      `${weird}/weird-run/config.json`,
      JSON.stringify({ id: "weird-run", env: 3, algo: "td3", seeds: "0,1", steps: "many" }),
    );
    await Deno.writeTextFile(
      `${weird}/weird-run/status.json`,
      JSON.stringify({ status: "dancing", stepsDone: "x", bestEval: {}, wallTime: [] }),
    );
    await Deno.writeTextFile(
      `${weird}/weird-run/metrics.jsonl`,
      '{"type":"eval","member":"a","seed":0,"step":1}\n[1,2]\n',
    );
    const weirdApp = createApp({ runsDir: weird });
    for (const path of ["/", "/runs/weird-run", "/compare?ids=weird-run", "/api/runs"]) {
      const res = await weirdApp.request(path);
      const text = await res.text();
      assertEquals(res.status, 200, `${path}: ${text.slice(0, 400)}`);
      if (path === "/") assert(text.includes("unexpected value"), "the table names the bad field");
      if (path === "/runs/weird-run") {
        assert(text.includes("error-panel") && text.includes("&quot;seeds&quot; should be"));
        assert(text.includes("metrics.jsonl has 2 malformed lines"));
      }
    }
  } finally {
    await Deno.remove(weird, { recursive: true });
  }
});

Deno.test("ui: compare, toys and player pages render", async () => {
  const c = await get(`/compare?ids=${FIXTURE.finished},${FIXTURE.running}`);
  assertEquals(c.status, 200);
  assert(c.text.includes('data-island="CompareChart"'));
  assert(c.text.includes("Final (mean ± std over seeds)"));
  // eval means at the last step: 250 + 15·seed for seeds 0,1,2 → 265 ± 12.2
  assert(c.text.includes("265.0 ± 12.2"), c.text.slice(c.text.indexOf("<tbody")));
  const pick = await get("/compare");
  assertEquals(pick.status, 200);
  assert(pick.text.includes(FIXTURE.finished));
  const missing = await get(`/compare?ids=${FIXTURE.finished},no-such-run`);
  assertEquals(missing.status, 200);
  assert(missing.text.includes("error-panel"));
  const toys = await get("/toys?game=2&steps=300&lrActor=0.1&lrCritic=0.1");
  assertEquals(toys.status, 200);
  assert(toys.text.includes("<svg") && toys.text.includes("SDDPG"));
  const badToys = await get("/toys?steps=-4");
  assertEquals(badToys.status, 200);
  assert(badToys.text.includes("error-panel"));
  const p = await get(`/runs/${FIXTURE.finished}/rollouts/best`);
  assertEquals(p.status, 200);
  assert(p.text.includes('data-island="RolloutPlayer"'));
  assert(p.text.includes("/api/models/hopper.xml"));
  assertEquals((await get(`/runs/${FIXTURE.finished}/rollouts/nope`)).status, 404);
});

Deno.test("ui: the JSON API returns the documented shapes", async () => {
  const index = await getJson("/api");
  assert(index.endpoints.some((e: { path: string }) => e.path === "/api/runs/:id/stream?offset=N"));
  const list = await getJson("/api/runs");
  assertEquals(list.runs.length, 4);
  const fin = list.runs.find((r: { id: string }) => r.id === FIXTURE.finished);
  assertEquals(
    [fin.env, fin.algo, fin.seeds, fin.stepsDone, fin.stepsTotal, fin.status, fin.bestEval],
    ["Hopper", "fstd3", [0, 1, 2], 6000, 6000, "finished", 280],
  );
  assert(!("dir" in fin), "server paths are not exposed");
  const run = await getJson(`/api/runs/${FIXTURE.finished}`);
  assertEquals(run.config.algo, "fstd3");
  assertEquals(run.status.status, "finished");
  assertEquals(run.rollouts, ["best"]);
  assertEquals(run.counts, { episode: 60, eval: 18, update: 180 });
  assertEquals(run.errors, []);

  const all = await getJson(`/api/runs/${FIXTURE.finished}/metrics`);
  assertEquals([all.total, all.returned, all.downsampled], [258, 258, false]);
  assert(all.offset > 0);
  const evals = await getJson(`/api/runs/${FIXTURE.finished}/metrics?type=eval&member=1`);
  assertEquals(evals.total, 6);
  assert(
    evals.rows.every((r: { type: string; member: number }) => r.type === "eval" && r.member === 1),
  );
  const small = await getJson(`/api/runs/${FIXTURE.finished}/metrics?type=update&max=10`);
  assertEquals([small.total, small.returned, small.downsampled], [180, 30, true]);
  assertEquals((await get(`/api/runs/${FIXTURE.finished}/metrics?max=0`)).status, 400);
  assertEquals((await get(`/api/runs/${FIXTURE.finished}/metrics?type=bogus`)).status, 400);

  const rollouts = await getJson(`/api/runs/${FIXTURE.finished}/rollouts`);
  assertEquals(rollouts.rollouts[0].label, "best");
  assertEquals(rollouts.rollouts[0].model, "hopper.xml");
  assertEquals(rollouts.rollouts[0].episodes[0].frames, 90);
  const rollout = await getJson(`/api/runs/${FIXTURE.finished}/rollouts/best`);
  assertEquals([rollout.format, rollout.nq, rollout.episodes[0].qpos.length], [
    "stackrl-rollout/1",
    6,
    540,
  ]);
  const models = await getJson("/api/models");
  assert(models.models.includes("hopper.xml"));
  const xml = await get("/api/models/hopper.xml");
  assert(xml.type.startsWith("application/xml") && xml.text.includes("<mujoco"));
  const missing = await get("/api/runs/no-such-run");
  assertEquals(missing.status, 404);
  assert(JSON.parse(missing.text).error.includes("no-such-run"));
});

Deno.test("ui: traversal attempts and bad names get 400", async () => {
  const attempts = [
    "/runs/..%2F..%2Fetc%2Fpasswd",
    "/runs/%2E%2E%2Fsecret",
    "/api/runs/..%2F..%2Fetc/metrics",
    "/api/runs/..%5C..%5Cwindows",
    "/api/runs/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    `/api/runs/${FIXTURE.finished}/rollouts/..%2F..%2Fconfig`,
    "/api/models/..%2F..%2Fdeno.json",
    "/static/..%2F..%2Fdeno.json",
    "/vendor/..%2F..%2F..%2Fdeno.json",
    "/api/runs/bad%00id",
    "/runs/bad%20id",
    "/api/runs/a%2Fb",
    "/compare?ids=..%2F..%2Fetc",
  ];
  for (const path of attempts) {
    const r = await get(path);
    assertEquals(r.status, 400, `${path} → ${r.status}`);
  }
  assert(isTraversal("/a/%2e%2e/b") && isTraversal("/a/..%5cb") && !isTraversal("/a/b.c"));
  assertEquals((await get("/api/models/deno.json")).status, 400);
  assertEquals((await get("/api/models/nothere.xml")).status, 404);
  assertEquals((await get("/nowhere")).status, 404);
});

Deno.test("ui: static, vendor and island bundles are served with content types", async () => {
  const css = await get("/static/style.css");
  assertEquals([css.status, css.type], [200, "text/css; charset=utf-8"]);
  const uplot = await get("/vendor/uplot.min.css");
  assertEquals([uplot.status, uplot.type], [200, "text/css; charset=utf-8"]);
  const wasm = await app.request("/vendor/mujoco.wasm");
  assertEquals([wasm.status, wasm.headers.get("content-type")], [200, "application/wasm"]);
  const bytes = new Uint8Array(await wasm.arrayBuffer());
  assertEquals([...bytes.slice(0, 4)], [0, 0x61, 0x73, 0x6d]);
  for (const name of ["RunsTable", "RunCharts", "CompareChart", "RolloutPlayer"]) {
    const js = await get(`/islands/${name}.js`);
    assertEquals([js.status, js.type], [200, "text/javascript; charset=utf-8"], name);
    assert(js.text.includes("data-island"), name);
    assert(!/from\s*["']npm:/.test(js.text), `${name}: npm: specifier left in the bundle`);
  }
  assertEquals((await get("/islands/Nope.js")).status, 404);
});

Deno.test("ui: islands resolve pinned npm specifiers to installed packages", async () => {
  assertEquals(parseNpmSpecifier("npm:@mujoco/mujoco@3.14.0/mt"), {
    name: "@mujoco/mujoco",
    version: "3.14.0",
    subpath: "/mt",
  });
  assertEquals(parseNpmSpecifier("npm:preact@10.29.8"), {
    name: "preact",
    version: "10.29.8",
    subpath: "",
  });
  assertEquals(parseNpmSpecifier("npm:preact"), null);
  assert((await npmPackageDir(repoRoot(), "preact", "10.29.8")).endsWith("/preact"));
  let message = "";
  try {
    await npmPackageDir(repoRoot(), "preact", "1.0.0");
  } catch (e) {
    message = (e as Error).message;
  }
  assert(message.includes("preact@1.0.0") && message.includes("npm install"), message);
});

Deno.test("ui: live metrics arrive over Server-Sent Events", async () => {
  const res = await app.request(`/api/runs/${FIXTURE.running}/stream`);
  assertEquals(res.status, 200);
  assert(res.headers.get("content-type")?.startsWith("text/event-stream"));
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = "";
  while (!text.includes("event: status")) {
    const { value, done } = await reader.read();
    if (done) break;
    text += value;
  }
  assert(text.includes("event: rows"), text.slice(0, 200));
  const block = text.split("\n\n").find((b) => b.includes("event: rows"))!;
  const first = JSON.parse(block.split("\n").find((l) => l.startsWith("data: "))!.slice(6));
  assertEquals(first.rows.length, 2 * (40 + 13 + 4));
  // a new row appended by the trainer shows up on the open stream
  await Deno.writeTextFile(
    `${root}/${FIXTURE.running}/metrics.jsonl`,
    JSON.stringify({
      type: "eval",
      member: 0,
      seed: 0,
      step: 5000,
      returnMean: 7,
      returnStd: 0,
      returns: [7],
      time: 1,
    }) + "\n",
    { append: true },
  );
  text = "";
  while (!text.includes('"step":5000')) {
    const { value, done } = await reader.read();
    if (done) break;
    text += value;
  }
  assert(text.includes('"returnMean":7'));
  await reader.cancel();
  // a finished run: all rows, its status, then `end`
  const fin = await app.request(`/api/runs/${FIXTURE.finished}/stream`);
  const all = await fin.text();
  assert(all.includes("event: rows") && all.includes("event: end"));
  assertEquals((await get("/api/runs/no-such/stream")).status, 404);
  assertEquals((await get(`/api/runs/${FIXTURE.finished}/stream?offset=-1`)).status, 400);
});

Deno.test("ui: series helpers: mean ± std over seeds, summaries, downsampling", () => {
  const rows = [0, 1].flatMap((member) =>
    [1000, 2000].map((step) => ({
      type: "eval",
      member,
      seed: member + 10,
      step,
      returnMean: step / 100 + 2 * member,
    }))
  );
  const band = seedBand(rows, "eval", "returnMean");
  assertEquals(band.x, [1000, 2000]);
  assertEquals(band.mean, [11, 21]);
  assertEquals(band.std, [1, 1]);
  assertEquals(band.members.map((m) => m.seed), [10, 11]);
  assertEquals(evalSummary(rows), { final: 21, finalStd: 1, best: 21, bestStep: 2000 });
  const binned = seedBand(rows, "eval", "returnMean", { grid: "bins", bins: 1 });
  assertEquals([binned.x, binned.mean], [[2000], [16]]);
  const down = downsampleRows(rows, 1);
  assertEquals(down.length, 2);
  assertEquals(down[0], { type: "eval", member: 0, seed: 10, step: 2000, returnMean: 15 });
  const { rows: ok, problems } = parseMetrics('{"type":"eval","member":0,"seed":0,"step":1}\n{"ty');
  assertEquals([ok.length, problems], [1, []]);
  assertEquals(parseMetrics("garbage\n").problems.length, 1);
});

Deno.test("ui: metrics are read incrementally; a torn line, a rewrite and a shrink are handled", async () => {
  const dir = await Deno.makeTempDir({ prefix: "stackrl-ui-metrics-" });
  const path = `${dir}/metrics.jsonl`;
  const row = (step: number) =>
    JSON.stringify({ type: "update", member: 0, seed: 0, step, cosine: 1 }) + "\n";
  try {
    assertEquals((await readRunMetrics(dir)).rows, []);
    await Deno.writeTextFile(path, row(1) + row(2) + row(3).slice(0, 10));
    let m = await readRunMetrics(dir);
    assertEquals([m.rows.map((r) => r.step), m.problems], [[1, 2], []]);
    assertEquals(m.offset, new TextEncoder().encode(row(1) + row(2)).length);
    await Deno.writeTextFile(path, row(3).slice(10) + "oops\n" + row(4), { append: true });
    m = await readRunMetrics(dir);
    assertEquals(m.rows.map((r) => r.step), [1, 2, 3, 4]);
    assertEquals(m.problems, ["metrics.jsonl has 1 malformed line (first: line 4)"]);
    await Deno.writeTextFile(path, row(7)); // a resume rewrote the file shorter
    m = await readRunMetrics(dir);
    assertEquals([m.rows.map((r) => r.step), m.problems], [[7], []]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("ui: serve's command line", () => {
  assertEquals(parseServeArgs([]), {
    runs: "runs/",
    reports: "reports/",
    host: "127.0.0.1",
    port: 8000,
  });
  assertEquals(parseServeArgs(["--runs", "r", "--port=0", "--host", "::1", "--reports", "q"]), {
    runs: "r",
    reports: "q",
    host: "::1",
    port: 0,
  });
  assertEquals(parseServeArgs(["--help"]), "help");
  let message = "";
  try {
    parseServeArgs(["--prot", "1"]);
  } catch (e) {
    message = (e as Error).message;
  }
  assert(message.includes("--prot") && message.includes("--port"));
});
