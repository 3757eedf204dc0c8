// Web UI edges on a real loopback server: `.`/`..` segments sent as they are (a browser or curl
// would drop them, a hand-made request does not), names that are no run (a stray file, a run
// being created), no server path in any answer, and the run page's header following the stream.
import { assert, assertEquals } from "./assert.ts";
import { createApp, hasDotSegment, rawPath } from "../lib/ui/app.ts";
import { hidePaths } from "../lib/ui/hide_paths.ts";
import { applyStatus } from "../islands/run_header.ts";
import { isValidRunId } from "../lib/store/run_store.ts";
import { FIXTURE, writeFixtureRuns } from "./ui_fixture.ts";

/** A served fixture store with a stray file, a half-created run and a run with odd files. */
async function withServer(
  fn: (ctx: { root: string; get: (path: string) => Promise<Answer> }) => Promise<void>,
): Promise<void> {
  const root = await Deno.makeTempDir({ prefix: "stackrl-ui-edges-" });
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen: () => {} },
    createApp({ runsDir: root, reportsDir: `${root}/no-reports`, pollMs: 20 }).fetch,
  );
  try {
    await writeFixtureRuns(root);
    await Deno.writeTextFile(`${root}/stray.txt`, "not a run\n");
    await Deno.mkdir(`${root}/${FIXTURE.finished}.tmp-1234abcd`);
    await Deno.writeTextFile(
      `${root}/${FIXTURE.finished}.tmp-1234abcd/config.json`,
      JSON.stringify({ id: "half", env: "Hopper", algo: "td3" }),
    );
    await fn({ root, get: (path) => rawGet(server.addr.port, path) });
  } finally {
    await server.shutdown();
    await Deno.remove(root, { recursive: true });
  }
}

interface Answer {
  status: number;
  body: string;
}

/** GET `path` exactly as written (no URL normalisation), reading at most the first 64 KiB. */
async function rawGet(port: number, path: string): Promise<Answer> {
  const conn = await Deno.connect({ hostname: "127.0.0.1", port });
  try {
    await conn.write(
      new TextEncoder().encode(
        `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`,
      ),
    );
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    let size = 0;
    const buf = new Uint8Array(16384);
    // a stream that never ends would hang here: the routes under test must answer and close
    while (size < 65536) {
      const n = await conn.read(buf);
      if (n === null) break;
      chunks.push(buf.slice(0, n));
      size += n;
    }
    const text = new TextDecoder().decode(await new Blob(chunks).arrayBuffer());
    const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]);
    return { status, body: text.slice(text.indexOf("\r\n\r\n") + 4) };
  } finally {
    conn.close();
  }
}

Deno.test("ui edges: `.` and `..` segments are 404 on every route, plain or %2e-encoded", async () => {
  await withServer(async ({ root, get }) => {
    const routes = [
      "/runs/.",
      "/runs/..",
      "/runs/./rollouts/best",
      "/api/runs/.",
      "/api/runs/./metrics",
      "/api/runs/./rollouts",
      "/api/runs/./rollouts/best",
      "/api/runs/./stream",
      "/api/runs/./export/model.json",
      "/api/runs/%2e",
      "/api/runs/%2E/metrics",
      "/api/runs/%2e%2e/stream",
      `/api/runs/${FIXTURE.finished}/rollouts/.`,
      "/reports/.",
      "/static/./style.css",
      "/compare/.",
    ];
    for (const path of routes) {
      const r = await get(path);
      assertEquals(r.status, 404, `${path} → ${r.status}: ${r.body.slice(0, 200)}`);
      assert(!r.body.includes(root), `${path}: the body shows the runs folder`);
    }
    // the helpers the guard uses, and the run store's own rule
    assertEquals(rawPath("http://h:1/runs/./x?y=/./"), "/runs/./x");
    assert(hasDotSegment("/a/%2E%2e") && hasDotSegment("/a/./b") && !hasDotSegment("/a/.b/c.d"));
    assert(!isValidRunId(".") && !isValidRunId("..") && isValidRunId(".a"));
    // a healthy run still answers
    assertEquals((await get(`/api/runs/${FIXTURE.finished}`)).status, 200);
  });
});

Deno.test("ui edges: a stray file or a run being created is no run (404, not 500)", async () => {
  await withServer(async ({ root, get }) => {
    const half = `${FIXTURE.finished}.tmp-1234abcd`;
    for (const name of ["stray.txt", half, "no-such-run"]) {
      for (
        const path of [
          `/runs/${name}`,
          `/runs/${name}/rollouts/best`,
          `/api/runs/${name}`,
          `/api/runs/${name}/metrics`,
          `/api/runs/${name}/rollouts`,
          `/api/runs/${name}/rollouts/best`,
          `/api/runs/${name}/stream`,
          `/api/runs/${name}/export/model.json`,
        ]
      ) {
        const r = await get(path);
        assertEquals(r.status, 404, `${path} → ${r.status}: ${r.body.slice(0, 200)}`);
        assert(r.body.includes(name), `${path}: the message names the run as asked`);
      }
    }
    // inside a run, a file where a folder belongs (or the other way round) is no rollout either
    await Deno.writeTextFile(`${root}/${FIXTURE.running}/rollouts`, "");
    await Deno.mkdir(`${root}/${FIXTURE.finished}/rollouts/odd.json`);
    for (
      const path of [
        `/api/runs/${FIXTURE.running}/rollouts/best`,
        `/api/runs/${FIXTURE.finished}/rollouts/odd`,
      ]
    ) {
      assertEquals((await get(path)).status, 404, path);
    }
    // the runs table does not list what is no run
    const list = JSON.parse((await get("/api/runs")).body);
    const ids = list.runs.map((r: { id: string }) => r.id);
    assert(!ids.includes("stray.txt") && !ids.includes(half), ids.join(", "));
  });
});

Deno.test("ui edges: no response body shows an absolute server path", async () => {
  await withServer(async ({ root, get }) => {
    const real = await Deno.realPath(root);
    // a failed run whose error names files by their absolute path, as a stack trace does
    const failed = `${root}/${FIXTURE.corruptMetrics}/status.json`;
    const status = JSON.parse(await Deno.readTextFile(failed));
    status.error = `NotFound: readfile '${real}/${FIXTURE.corruptMetrics}/x.bin'\n` +
      `    at load (file://${Deno.cwd()}/lib/train/checkpoint.ts:10:5)`;
    await Deno.writeTextFile(failed, JSON.stringify(status));
    // a rollout that is no rollout: its error is shown on the run page
    await Deno.writeTextFile(`${root}/${FIXTURE.finished}/rollouts/broken.json`, "{");
    const paths = [
      "/",
      "/api/runs",
      `/runs/${FIXTURE.corruptConfig}`,
      `/api/runs/${FIXTURE.corruptConfig}`,
      `/runs/${FIXTURE.corruptMetrics}`,
      `/api/runs/${FIXTURE.corruptMetrics}`,
      `/runs/${FIXTURE.finished}`,
      `/api/runs/${FIXTURE.finished}/rollouts`,
      `/runs/${FIXTURE.finished}/rollouts/broken`,
      "/runs/no-such-run",
      "/api/runs/no-such-run",
      "/api/runs/no-such-run/metrics",
      "/api/runs/stray.txt/rollouts/best",
      "/compare?ids=no-such-run",
      "/reports",
      "/reports/nothing",
      "/nowhere",
    ];
    for (const path of paths) {
      const r = await get(path);
      assert(r.status < 500, `${path} → ${r.status}: ${r.body.slice(0, 300)}`);
      for (const secret of [root, real, Deno.cwd()]) {
        assert(!r.body.includes(secret), `${path} shows ${secret}: ${r.body.slice(0, 400)}`);
      }
    }
    // what the failed run's error still says: the file by its name in the run
    const api = JSON.parse((await get(`/api/runs/${FIXTURE.corruptMetrics}`)).body);
    assert(api.status.error.includes("'x.bin'"), api.status.error);
  });
});

Deno.test("ui edges: hidePaths shortens served folders and other quoted absolute paths", () => {
  const cwd = Deno.cwd();
  assertEquals(
    hidePaths(`/srv/runs/a/config.json: not valid JSON; no run in /srv/runs`, ["/srv/runs/"]),
    "a/config.json: not valid JSON; no run in .",
  );
  assertEquals(hidePaths("open '/etc/x/y/z.json'", []), "open '…/y/z.json'");
  assertEquals(hidePaths(`at file://${cwd}/lib/a.ts:1:2`, []), "at file://lib/a.ts:1:2");
  // a relative folder as typed, and URL paths in a message, are not paths to hide
  assertEquals(
    hidePaths("runs/a: no page at /api/runs/a", ["runs"]),
    "runs/a: no page at /api/runs/a",
  );
});

Deno.test("ui edges: a live run page's header follows the status the stream sends", async () => {
  // the page gives the header's facts ids that the charts island rewrites
  await withServer(async ({ get }) => {
    const page = (await get(`/runs/${FIXTURE.running}`)).body;
    for (const id of ["run-status", "run-steps", "run-best", "run-wall", "run-updated"]) {
      assert(page.includes(`id="${id}"`), `the run page lacks #${id}`);
    }
    assert(page.includes(">running<"), "rendered as running");
  });
  const els = new Map<string, { textContent: string | null; className: string }>();
  for (const id of ["run-status", "run-steps", "run-best", "run-wall", "run-updated"]) {
    els.set(id, {
      textContent: "old",
      className: id === "run-status" ? "status status-running" : "",
    });
  }
  const doc = { getElementById: (id: string) => els.get(id) ?? null };
  applyStatus(doc, {
    status: "finished",
    stepsDone: 10000,
    stepsTotal: 10000,
    bestEval: 312.25,
    wallTime: 125,
    updatedAt: "2026-01-02T01:00:00.000Z",
  });
  assertEquals(els.get("run-status"), {
    textContent: "finished",
    className: "status status-finished",
  });
  assertEquals(els.get("run-steps")!.textContent, "10,000 / 10,000");
  assertEquals(els.get("run-best")!.textContent, "312.3");
  assertEquals(els.get("run-wall")!.textContent, "2m 05s");
  assertEquals(els.get("run-updated")!.textContent, "2026-01-02T01:00:00.000Z");
  // a malformed status changes nothing it cannot read
  applyStatus(doc, { status: "<b>", stepsDone: "x", bestEval: "y" });
  assertEquals(els.get("run-status")!.textContent, "finished");
  assertEquals(els.get("run-steps")!.textContent, "10,000 / 10,000");
  assertEquals(els.get("run-best")!.textContent, "312.3");
});
