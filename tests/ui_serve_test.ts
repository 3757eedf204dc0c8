// `serve` end to end: cli/serve.ts started as a process on a free loopback port prints its URL,
// serves the pages and the bundled islands, and rejects bad flags with exit code 2.
import { assert, assertEquals } from "./assert.ts";
import { FIXTURE, writeFixtureRuns } from "./ui_fixture.ts";

const SERVE = new URL("../cli/serve.ts", import.meta.url).pathname;
const FLAGS = [
  "--allow-read",
  "--allow-write",
  "--allow-env",
  "--allow-net",
  "--allow-run",
  "--allow-sys",
];

Deno.test("ui: serve prints its URL and serves pages and islands", async () => {
  const root = await Deno.makeTempDir({ prefix: "stackrl-ui-serve-" });
  await writeFixtureRuns(root);
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", ...FLAGS, SERVE, "--runs", root, "--port", "0"],
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const stderr = child.stderr.pipeThrough(new TextDecoderStream());
  const stderrDone = (async () => {
    let text = "";
    for await (const chunk of stderr) text += chunk;
    return text;
  })();
  try {
    const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
    let out = "";
    while (!/http:\/\/127\.0\.0\.1:\d+\//.test(out)) {
      const { value, done } = await reader.read();
      if (done) break;
      out += value;
    }
    reader.releaseLock();
    const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(out)?.[0];
    assert(url, `no URL printed: ${out}`);
    const page = await fetch(`${url}runs/${FIXTURE.finished}`);
    assertEquals(page.status, 200);
    assert((await page.text()).includes("RunCharts"));
    const js = await fetch(`${url}islands/RunCharts.js`);
    assertEquals([js.status, js.headers.get("content-type")], [
      200,
      "text/javascript; charset=utf-8",
    ]);
    await js.body?.cancel();
    const bad = await fetch(`${url}api/runs/..%2F..%2Fetc`);
    assertEquals(bad.status, 400);
    await bad.body?.cancel();
  } finally {
    child.kill("SIGTERM");
    await child.status;
    await child.stdout.cancel().catch(() => {});
    await stderrDone;
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("ui: serve rejects a bad flag with exit code 2 and names the allowed ones", async () => {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", ...FLAGS, SERVE, "--prot", "80"],
    stdout: "piped",
    stderr: "piped",
  }).output();
  assertEquals(out.code, 2);
  const text = new TextDecoder().decode(out.stderr);
  assert(text.includes('"--prot"') && text.includes("--port"), text);
});
