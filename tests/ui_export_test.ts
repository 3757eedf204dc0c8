// The run page's policy downloads and GET /api/runs/:id/export/:file, through the Hono app (no
// socket): the ONNX file runs in onnxruntime and the tfjs model loads over the API with
// tf.loadLayersModel, both giving the checkpoint's act(); bad members and files are refused.
import * as ort from "npm:onnxruntime-web@1.30.0";
import { assert, assertEquals } from "./assert.ts";
import { createApp } from "../lib/ui/app.ts";
import { FIXTURE, writeFixtureRuns } from "./ui_fixture.ts";
import { loadAgent } from "../lib/agent.ts";
import { tf } from "../lib/deps.ts";
import { Rng } from "../lib/rng.ts";
import { train } from "../lib/train/loop.ts";

ort.env.wasm.numThreads = 1; // no worker threads: the machine's cores are busy

const root = await Deno.makeTempDir({ prefix: "stackrl-ui-export-" });
const app = createApp({ runsDir: root, pollMs: 20 });
let id = "";
// one store (the fixture and a trained run) for the module's tests, removed after the last one
Deno.test.beforeAll(async () => {
  await writeFixtureRuns(root);
  id = await trainedRun();
});
Deno.test.afterAll(() => Deno.remove(root, { recursive: true }));

/** A tiny trained InvertedPendulum run (obs 4, act 1) with two seeds; only checkpoints/last. */
async function trainedRun(): Promise<string> {
  const { log } = console;
  console.log = () => {};
  try {
    return (await train({
      env: "InvertedPendulum",
      seeds: [0, 1],
      steps: 300,
      startSteps: 100,
      updateAfter: 100,
      evalEvery: 0,
      recordEvery: 0,
      out: root,
      name: "exported",
    })).id;
  } finally {
    console.log = log;
  }
}

function observations(n: number): Float32Array {
  const rng = new Rng(7);
  return Float32Array.from({ length: n * 4 }, () => rng.normal());
}

/** Member p's actions from the checkpoint, for `obs` `[n, 4]`. */
async function expected(p: number, obs: Float32Array): Promise<Float32Array> {
  const agent = await loadAgent(`${root}/${id}/checkpoints/last`, { backend: "cpu" });
  try {
    const n = obs.length / 4;
    const all = new Float32Array(2 * n * 4);
    all.set(obs, p * n * 4);
    return agent.act(all).slice(p * n, (p + 1) * n);
  } finally {
    agent.dispose();
  }
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  assertEquals(a.length, b.length);
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
}

Deno.test("ui export: the run page links each seed's ONNX and tfjs files; a run without checkpoint says so", async () => {
  const page = await (await app.request(`/runs/${id}`)).text();
  for (const p of [0, 1]) {
    assert(page.includes(`/api/runs/${id}/export/policy.onnx?member=${p}`), `onnx link ${p}`);
    assert(page.includes(`/api/runs/${id}/export/model.json?member=${p}`), `model.json link ${p}`);
    assert(page.includes(`/api/runs/${id}/export/group1-shard1of1.bin?member=${p}`), `bin ${p}`);
  }
  assert(page.includes("<code>last</code>"), "names the checkpoint it exports");
  const none = await (await app.request(`/runs/${FIXTURE.finished}`)).text();
  assert(none.includes("No checkpoint yet, so no policy to export."));
  assert(!none.includes("/export/policy.onnx"));
});

Deno.test("ui export: policy.onnx is a download that onnxruntime runs to act()", async () => {
  const obs = observations(50);
  for (const p of [0, 1]) {
    const res = await app.request(`/api/runs/${id}/export/policy.onnx?member=${p}`);
    assertEquals(res.status, 200);
    assertEquals(res.headers.get("content-type"), "application/octet-stream");
    assertEquals(
      res.headers.get("content-disposition"),
      `attachment; filename="${id}-member${p}.onnx"`,
    );
    const session = await ort.InferenceSession.create(new Uint8Array(await res.arrayBuffer()));
    const out = await session.run({ observation: new ort.Tensor("float32", obs, [50, 4]) });
    await session.release();
    const diff = maxAbsDiff(out.action.data as Float32Array, await expected(p, obs));
    assert(diff <= 1e-5, `member ${p}: max |Δa| ${diff}`);
  }
});

Deno.test("ui export: tf.loadLayersModel loads model.json over the API, weights of the same member", async () => {
  const obs = observations(50);
  for (const p of [0, 1]) {
    const fetched: string[] = [];
    const handler = tf.io.http(`http://ui.test/api/runs/${id}/export/model.json?member=${p}`, {
      fetchFunc: (async (input: URL | RequestInfo, init?: RequestInit) => {
        const url = new URL(input instanceof Request ? input.url : input);
        fetched.push(url.pathname + url.search);
        return await app.request(url.href, init);
      }) as typeof fetch,
    });
    const model = await tf.loadLayersModel(handler);
    assertEquals(fetched, [
      `/api/runs/${id}/export/model.json?member=${p}`,
      `/api/runs/${id}/export/group1-shard1of1.bin?member=${p}`,
    ]);
    const actions = tf.tidy(() =>
      (model.predict(tf.tensor2d(obs, [50, 4])) as tf.Tensor).dataSync()
    );
    model.dispose();
    const diff = maxAbsDiff(actions, await expected(p, obs));
    assert(diff <= 1e-5, `member ${p}: max |Δa| ${diff}`);
  }
});

Deno.test("ui export: a member outside the population, a bad member, an unknown file, no checkpoint", async () => {
  const cases: [string, number, string][] = [
    [
      `/api/runs/${id}/export/policy.onnx?member=2`,
      400,
      'member: got "2"; allowed: an integer >= 0 and <= 1',
    ],
    [
      `/api/runs/${id}/export/model.json?member=x`,
      400,
      'member: got "x"; allowed: an integer from 0 (a population member)',
    ],
    [
      `/api/runs/${id}/export/policy.pt`,
      404,
      'no export file "policy.pt"; allowed: policy.onnx, model.json, group1-shard1of1.bin',
    ],
    [
      `/api/runs/${FIXTURE.finished}/export/policy.onnx`,
      404,
      `run ${FIXTURE.finished} has no checkpoint yet (checkpoints/best or last)`,
    ],
  ];
  for (const [path, status, error] of cases) {
    const res = await app.request(path);
    assertEquals([res.status, await res.json()], [status, { error, status }], path);
  }
});

Deno.test("ui export: a run whose every checkpoint copy is damaged is a 409 naming the file, not a 500", async () => {
  const copy = `${root}/damaged`;
  await copyDir(`${root}/${id}`, copy);
  for await (const entry of Deno.readDir(`${copy}/checkpoints`)) {
    const tensors = `${copy}/checkpoints/${entry.name}/tensors.bin`;
    const bytes = await Deno.readFile(tensors);
    bytes.fill(7, 0, 64); // same size, other bytes: only the checksum can tell
    await Deno.writeFile(tensors, bytes);
  }
  const quiet = console.error;
  console.error = () => {};
  try {
    const res = await app.request("/api/runs/damaged/export/policy.onnx");
    const body = await res.json();
    assertEquals(res.status, 409);
    assert(/tensors\.bin: checksum mismatch/.test(body.error), body.error);
    assert(!body.error.includes(root), "no absolute path in the answer");
  } finally {
    console.error = quiet;
  }
});

async function copyDir(from: string, to: string): Promise<void> {
  await Deno.mkdir(to, { recursive: true });
  for await (const entry of Deno.readDir(from)) {
    if (entry.isDirectory) await copyDir(`${from}/${entry.name}`, `${to}/${entry.name}`);
    else if (entry.isFile) await Deno.copyFile(`${from}/${entry.name}`, `${to}/${entry.name}`);
  }
}
