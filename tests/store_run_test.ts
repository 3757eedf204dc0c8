import { assert, assertEquals } from "./assert.ts";
import {
  checkRunId,
  CSV_COLUMNS,
  isValidRunId,
  listRuns,
  openRun,
  parseMetrics,
  readMetrics,
  type RunConfig,
  type RunStatus,
  RunWriter,
} from "../lib/store/run_store.ts";

function config(id: string, createdAt = "2026-01-01T00:00:00.000Z"): RunConfig {
  return {
    id,
    env: "InvertedPendulum",
    algo: "fstd3",
    seeds: [0, 1],
    steps: 100,
    backend: "wasm",
    hidden: [16, 16],
    lrActor: 1e-3,
    evalEvery: 50,
    evalEpisodes: 2,
    checkpointEvery: 50,
    recordEvery: 0,
    createdAt,
    versions: { deno: "2", tfjs: "4.22.0", mujoco: "3.14.0" },
  };
}

function status(stepsDone = 0): RunStatus {
  return {
    status: "running",
    stepsDone,
    stepsTotal: 100,
    bestEval: null,
    wallTime: 0,
    updatedAt: new Date().toISOString(),
  };
}

Deno.test("store: run ids are validated", () => {
  for (const good of ["a", "Hopper-fstd3-20260101-000000-ab12", "x.y_z-1"]) {
    assert(isValidRunId(good), good);
  }
  for (const bad of ["", "..", "a/b", "../x", "a..b", "a b", "é", 3, null]) {
    assert(!isValidRunId(bad), String(bad));
  }
  let message = "";
  try {
    checkRunId("../etc");
  } catch (error) {
    message = (error as Error).message;
  }
  assert(message.includes('"../etc"') && message.includes("allowed"), message);
});

Deno.test("store: write, read back, csv mirrors jsonl", async () => {
  const root = await Deno.makeTempDir();
  const writer = await RunWriter.create(root, config("r1"), status());
  await writer.append([
    { type: "episode", member: 0, seed: 0, step: 10, return: 5.5, length: 10, time: 0.1 },
    {
      type: "eval",
      member: 1,
      seed: 1,
      step: 50,
      returnMean: 2,
      returnStd: 1,
      returns: [1, 3],
      time: 0.2,
    },
  ]);
  await writer.append([{
    type: "update",
    member: 0,
    seed: 0,
    step: 50,
    criticLoss: 0.5,
    actorObjective: 1,
    gradientNorm: 2,
    correctionNorm: 0.1,
    cosine: 0.99,
    correctionRatio: 0.05,
    stepsPerSecond: 100,
    time: 0.3,
  }]);
  await writer.writeRollout("step-000000", { frames: 3 });
  await writer.writeStatus({ ...status(100), status: "finished", bestEval: 2, wallTime: 1 });
  writer.close();

  const run = await openRun(`${root}/r1`);
  assertEquals(run.id, "r1");
  assertEquals(run.config.seeds, [0, 1]);
  assertEquals(run.status.status, "finished");
  assertEquals(run.metrics.map((r) => r.type), ["episode", "eval", "update"]);
  assertEquals(run.rollouts, ["step-000000"]);
  assertEquals(await run.readRollout("step-000000"), { frames: 3 });
  const csv = (await Deno.readTextFile(`${root}/r1/metrics.csv`)).trim().split("\n");
  assertEquals(csv[0], CSV_COLUMNS.join(","));
  assertEquals(csv.length, 4);
  assert(csv[2].includes("1;3"), csv[2]);

  const runs = await listRuns(root);
  assertEquals(runs.length, 1);
  assertEquals(runs[0].status, "finished");
  assertEquals(runs[0].stepsDone, 100);
  assertEquals(runs[0].bestEval, 2);
  await Deno.remove(root, { recursive: true });
});

Deno.test("store: a torn last line is ignored by the reader and cut by a resume", async () => {
  const root = await Deno.makeTempDir();
  const writer = await RunWriter.create(root, config("torn"), status());
  await writer.append([
    { type: "episode", member: 0, seed: 0, step: 10, return: 1, length: 10, time: 0 },
    { type: "episode", member: 0, seed: 0, step: 60, return: 2, length: 50, time: 0 },
  ]);
  writer.close();
  const path = `${root}/torn/metrics.jsonl`;
  await Deno.writeTextFile(path, '{"type":"episode","member":0,"se', { append: true });
  const parsed = parseMetrics(await Deno.readTextFile(path));
  assertEquals(parsed.rows.length, 2);
  assertEquals((await openRun(`${root}/torn`)).metrics.length, 2);

  // incremental reading: nothing new until a complete line arrives
  const first = await readMetrics(`${root}/torn`);
  assertEquals(first.rows.length, 2);
  assertEquals((await readMetrics(`${root}/torn`, first.offset)).rows.length, 0);

  // resuming from a checkpoint at step 50 drops the torn line and rows after step 50
  const resumed = await RunWriter.open(`${root}/torn`, 50);
  await resumed.append([
    { type: "episode", member: 0, seed: 0, step: 70, return: 3, length: 20, time: 0 },
  ]);
  resumed.close();
  const rows = (await openRun(`${root}/torn`)).metrics;
  assertEquals(rows.map((r) => r.step), [10, 70]);
  const csv = (await Deno.readTextFile(`${root}/torn/metrics.csv`)).trim().split("\n");
  assertEquals(csv.length, 3);
  await Deno.remove(root, { recursive: true });
});

Deno.test("store: status writes are atomic (readers never see a partial file)", async () => {
  const root = await Deno.makeTempDir();
  const writer = await RunWriter.create(root, config("atomic"), status());
  let stop = false;
  let reads = 0;
  const reader = (async () => {
    while (!stop) {
      const text = await Deno.readTextFile(`${root}/atomic/status.json`);
      JSON.parse(text); // throws on a partial file
      reads++;
    }
  })();
  for (let i = 0; i < 200; i++) {
    await writer.writeStatus({ ...status(i), error: "x".repeat(i * 50) });
  }
  stop = true;
  await reader;
  assert(reads > 0);
  writer.close();
  const names = [];
  for await (const e of Deno.readDir(`${root}/atomic`)) names.push(e.name);
  assert(!names.some((n) => n.includes(".tmp-")), names.join(","));
  await Deno.remove(root, { recursive: true });
});

Deno.test("store: listRuns reports malformed runs instead of throwing", async () => {
  const root = await Deno.makeTempDir();
  (await RunWriter.create(root, config("good", "2026-01-02T00:00:00.000Z"), status())).close();
  await Deno.mkdir(`${root}/broken`);
  await Deno.writeTextFile(`${root}/broken/config.json`, "{not json");
  await Deno.mkdir(`${root}/empty`);
  await Deno.mkdir(`${root}/bad name`);
  const runs = await listRuns(root);
  assertEquals(runs.map((r) => r.id).sort(), ["broken", "empty", "good"]);
  assert(runs.find((r) => r.id === "broken")!.error!.includes("JSON"));
  assert(runs.find((r) => r.id === "empty")!.error);
  assertEquals(runs.find((r) => r.id === "good")!.status, "running");
  assertEquals(await listRuns(`${root}/missing`), []);
  let threw = false;
  try {
    await RunWriter.create(root, config("good"), status());
  } catch {
    threw = true;
  }
  assert(threw, "creating over an existing run must fail");
  await Deno.remove(root, { recursive: true });
});
