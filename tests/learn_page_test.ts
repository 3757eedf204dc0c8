// The /learn page on the server (no browser): the page and its island, the form's defaults (the
// embedded default on InvertedPendulum, the paper's settings elsewhere), one line per bad query
// value, the worker bundle and the files it fetches next to itself, and the feature check.
import { assert, assertEquals } from "./assert.ts";
import { createApp } from "../lib/ui/app.ts";
import { learnPageProps } from "../lib/learn/page_props.ts";
import { missingFeatures } from "../lib/learn/client.ts";

const root = await Deno.makeTempDir({ prefix: "stackrl-learn-page-" });
const app = createApp({ runsDir: root });

async function get(path: string): Promise<{ status: number; type: string; body: Uint8Array }> {
  const res = await app.request(path);
  return {
    status: res.status,
    type: res.headers.get("content-type") ?? "",
    body: new Uint8Array(await res.arrayBuffer()),
  };
}
const text = (b: Uint8Array) => new TextDecoder().decode(b);

Deno.test("learn page: the page, its island and the nav link; a bad query is one line each", async () => {
  const page = await get("/learn?env=Hopper&algo=td3");
  assertEquals(page.status, 200);
  const html = text(page.body);
  assert(html.includes('data-island="LearnPage"'));
  assert(html.includes('src="/islands/LearnPage.js"'));
  assert(html.includes('href="/learn"'), "the nav links the page");
  assert(html.includes('data-testid="best-eval"'));
  assert(!html.includes("https://"), "no CDN or remote URL in the page");
  const bad = text((await get("/learn?env=Nope&algo=x&autostart=1")).body);
  assert(bad.includes("env: got &quot;Nope&quot;; allowed: InvertedPendulum,"), "env line");
  assert(bad.includes("algo: got &quot;x&quot;; allowed: ddpg,"), "algo line");
  assert(bad.includes("&quot;autostart&quot;:false"), "a bad query does not start");
});

Deno.test("learn page: defaults are deno task train's (embedded default on InvertedPendulum)", () => {
  const props = learnPageProps(new URLSearchParams("autostart=1&steps=5000"));
  assertEquals(props.initial.env, "InvertedPendulum");
  assertEquals(props.initial.algo, "fstd3");
  assertEquals(props.initial.autostart, true);
  assertEquals(props.initial.settings.steps, "5000");
  const ip = props.defaults.InvertedPendulum;
  assertEquals([ip.steps, ip.lrActor, ip.startSteps, ip.evalEvery], [
    "25000",
    "0.003",
    "1000",
    "2500",
  ]);
  const hopper = props.defaults.Hopper;
  assertEquals([hopper.steps, hopper.lrActor, hopper.startSteps], ["1000000", "0.001", "10000"]);
  assertEquals(props.envs.slice(0, 5), [
    "InvertedPendulum",
    "InvertedDoublePendulum",
    "Reacher",
    "HalfCheetah",
    "Hopper",
  ]);
  assertEquals(props.algos.length, 12);
  assertEquals(props.k1k2Algos, ["fsddpg", "fsddpg-cg", "fstd3", "fstd3-cg"]);
  assertEquals(props.errors, []);
});

Deno.test("learn page: the worker bundle, MuJoCo's WebAssembly and the models beside it", async () => {
  const worker = await get("/learn/worker/worker.js");
  assertEquals(worker.status, 200, text(worker.body).slice(0, 300));
  assert(worker.type.startsWith("text/javascript"));
  assert(worker.body.length > 100_000, `${worker.body.length} bytes`);
  const wasm = await get("/learn/worker/mujoco.wasm");
  assertEquals([wasm.status, wasm.type], [200, "application/wasm"]);
  assertEquals([...wasm.body.subarray(0, 4)], [0, 0x61, 0x73, 0x6d]);
  const model = await get("/learn/worker/models/hopper.xml");
  assertEquals(model.status, 200);
  assert(text(model.body).includes("<mujoco"));
  assertEquals((await get("/learn/worker/models/..%2Fdeno.json")).status, 400);
  assertEquals((await get("/learn/worker/models/nope.xml")).status, 404);
  assertEquals((await get("/learn/worker/other.js")).status, 404);
  assertEquals((await get("/api/learn/save")).status, 405);
});

Deno.test("learn page: the feature check names what a runtime lacks", () => {
  assertEquals(missingFeatures({}), ["Web Workers", "WebAssembly"]);
  const noSimd = { Worker: class {}, WebAssembly: { validate: () => false } };
  assertEquals(missingFeatures(noSimd), ["WebAssembly SIMD"]);
  assertEquals(missingFeatures(globalThis as unknown as Record<string, unknown>), []);
});

Deno.test("learn page: cleanup", async () => {
  await Deno.remove(root, { recursive: true });
});
