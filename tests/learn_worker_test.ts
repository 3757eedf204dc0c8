// The /learn page's training worker (lib/learn/worker.ts), run as a Deno worker: with the same
// seeds and settings its metric rows equal those `deno task train` writes (wall times and steps
// per second aside), its last checkpoint holds the same tensors, and pause, resume and stop act.
import { assert, assertEquals } from "./assert.ts";
import type { CheckpointMessage, FromWorker, ToWorker } from "../lib/learn/protocol.ts";
import type { MetricRow } from "../lib/store/run_store.ts";

const WORKER = new URL("../lib/learn/worker.ts", import.meta.url);
const MAIN = new URL("../main.ts", import.meta.url).pathname;

/** Settings short enough for a test and long enough for updates, evaluations and a best. */
const SETTINGS = {
  env: "InvertedPendulum",
  algo: "fstd3",
  seeds: "3,4",
  steps: 2000,
  startSteps: 400,
  updateAfter: 400,
  lrActor: 3e-3,
  lrCritic: 3e-3,
  evalEvery: 500,
  evalEpisodes: 2,
  checkpointEvery: 0,
  recordEvery: 1000,
};
const FLAGS = [
  "--env=InvertedPendulum",
  "--algo=fstd3",
  "--seeds=3,4",
  "--steps=2000",
  "--start-steps=400",
  "--update-after=400",
  "--lr-actor=0.003",
  "--lr-critic=0.003",
  "--eval-every=500",
  "--eval-episodes=2",
  "--checkpoint-every=0",
  "--record-every=1000",
];

/** Drops what depends on the clock. */
function timeless(row: MetricRow): Record<string, unknown> {
  const { time: _t, ...rest } = row as MetricRow & { stepsPerSecond?: number };
  delete (rest as { stepsPerSecond?: number }).stepsPerSecond;
  return rest;
}

interface WorkerRun {
  rows: MetricRow[];
  messages: FromWorker[];
  worker: Worker;
  done: Promise<FromWorker & { type: "done" }>;
}

function startWorker(
  input: Record<string, unknown>,
  onMessage?: (m: FromWorker) => void,
): WorkerRun {
  const worker = new Worker(WORKER, { type: "module" });
  const rows: MetricRow[] = [];
  const messages: FromWorker[] = [];
  const done = new Promise<FromWorker & { type: "done" }>((resolve, reject) => {
    worker.onerror = (event) => {
      event.preventDefault();
      reject(new Error(event.message));
    };
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const m = event.data;
      messages.push(m);
      if (m.type === "rows") rows.push(...m.rows);
      if (m.type === "error") reject(new Error(m.message));
      if (m.type === "done") resolve(m);
      onMessage?.(m);
    };
  });
  worker.postMessage({ type: "start", input } satisfies ToWorker);
  return { rows, messages, worker, done };
}

Deno.test("learn worker: the same metric rows and final tensors as deno task train", async () => {
  const out = await Deno.makeTempDir({ prefix: "stackrl-learn-" });
  try {
    const cli = new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", MAIN, "train", ...FLAGS, `--out=${out}`, "--name=cli"],
      stdout: "piped",
      stderr: "piped",
    }).output();
    const run = startWorker(SETTINGS);
    const [result, done] = await Promise.all([cli, run.done]);
    run.worker.terminate();
    assert(result.success, new TextDecoder().decode(result.stderr).slice(-2000));
    assertEquals(done.status, "finished");
    const written = (await Deno.readTextFile(`${out}/cli/metrics.jsonl`)).trim().split("\n")
      .map((line) => JSON.parse(line) as MetricRow);
    const types = (rows: MetricRow[]) => rows.map((r) => r.type).join(",");
    assertEquals(types(run.rows), types(written));
    assertEquals(run.rows.map(timeless), written.map(timeless));
    assert(written.some((r) => r.type === "update" && r.cosine !== null), "actor updates ran");
    assertEquals(written.filter((r) => r.type === "eval").length, 2 * 5);
    // the last checkpoint: the same tensors bit for bit, and the same trainer counters
    const last = run.messages.filter((m): m is CheckpointMessage =>
      m.type === "checkpoint" && m.name === "last"
    ).pop();
    if (!last) throw new Error("no last checkpoint was posted");
    assertEquals(last.tensors, await Deno.readFile(`${out}/cli/checkpoints/last/tensors.bin`));
    const trainer = JSON.parse(await Deno.readTextFile(`${out}/cli/checkpoints/last/trainer.json`));
    const mine = JSON.parse(last.trainerJson);
    for (const key of ["stepsDone", "bestEval", "lastEval", "envRng", "replayRng", "episodes"]) {
      assertEquals(mine[key], trainer[key], `trainer.json ${key}`);
    }
    const labels = run.messages.flatMap((m) => m.type === "rollout" ? [m.label] : []);
    for (const label of ["step-000000", "step-001000", "best", "latest"]) {
      assert(labels.includes(label), `rollout ${label} posted (got ${labels})`);
    }
    const saved = await Array.fromAsync(Deno.readDir(`${out}/cli/rollouts`));
    for (const { name } of saved) assert(labels.includes(name.replace(/\.json$/, "")), name);
  } finally {
    await Deno.remove(out, { recursive: true });
  }
});

Deno.test("learn worker: pause holds the steps, resume goes on, stop ends with a checkpoint", async () => {
  let paused = false;
  const progress: number[] = [];
  const run = startWorker({ ...SETTINGS, seeds: "0", steps: 50_000 }, (m) => {
    if (m.type === "progress") progress.push(m.progress.stepsDone);
  });
  const waitFor = async (check: () => boolean, what: string) => {
    const t0 = performance.now();
    while (!check()) {
      if (performance.now() - t0 > 60_000) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  try {
    await waitFor(() => progress.some((s) => s > 100), "steps");
    run.worker.postMessage({ type: "pause" } satisfies ToWorker);
    paused = true;
    await waitFor(
      () => run.messages.some((m) => m.type === "progress" && m.progress.phase === "paused"),
      "the paused phase",
    );
    const held = progress[progress.length - 1];
    await new Promise((r) => setTimeout(r, 400));
    assertEquals(progress[progress.length - 1], held, "no steps while paused");
    run.worker.postMessage({ type: "resume" } satisfies ToWorker);
    await waitFor(() => progress[progress.length - 1] > held, "steps after resume");
    run.worker.postMessage({ type: "stop" } satisfies ToWorker);
    const done = await run.done;
    assertEquals(done.status, "stopped");
    assert(done.progress.stepsDone < 50_000);
    const last = run.messages.filter((m) => m.type === "checkpoint").pop();
    assert(last?.type === "checkpoint" && last.step === done.progress.stepsDone);
    assert(paused);
  } finally {
    run.worker.terminate();
  }
});
