// A bounded load test of the web UI on loopback: 50 clients request pages and the JSON API
// without pause while 10 live streams follow a run whose metrics a RunWriter appends, as a
// training run would. No request may fail and every stream must see every row, in order, once.
// It lasts STACKRL_UI_LOAD_SECONDS (default 8) seconds; its figures are printed.
import { assert, assertEquals } from "./assert.ts";
import { createApp } from "../lib/ui/app.ts";
import { type MetricRow, type RunConfig, RunWriter } from "../lib/store/run_store.ts";
import { FIXTURE, writeFixtureRuns } from "./ui_fixture.ts";

const SECONDS = Number(Deno.env.get("STACKRL_UI_LOAD_SECONDS") ?? "8");
const CLIENTS = 50;
const STREAMS = 10;
const LIVE = "Hopper-fstd3-20260105-000000-load";

function liveConfig(): RunConfig {
  return {
    id: LIVE,
    env: "Hopper",
    algo: "fstd3",
    seeds: [0, 1],
    steps: 1_000_000,
    backend: "wasm",
    hidden: [16, 16],
    evalEvery: 1000,
    evalEpisodes: 2,
    checkpointEvery: 0,
    recordEvery: 0,
    createdAt: "2026-01-05T00:00:00.000Z",
    versions: { deno: "2.9.6", tfjs: "4.22.0", mujoco: "3.14.0" },
  };
}

function updateRow(member: number, step: number): MetricRow {
  return {
    type: "update",
    member,
    seed: member,
    step,
    criticLoss: 1 / step,
    actorObjective: step / 1000,
    gradientNorm: 1,
    correctionNorm: 0.5,
    cosine: 0.9,
    correctionRatio: 0.5,
    stepsPerSecond: 900,
    time: step / 1000,
  };
}

/** Follows the run's stream until `end`; returns the steps of member 0's rows as they came. */
async function follow(base: string, signal: AbortSignal): Promise<number[]> {
  const res = await fetch(`${base}/api/runs/${LIVE}/stream`, { signal });
  assertEquals(res.status, 200);
  const steps: number[] = [];
  let buffer = "";
  for await (const chunk of res.body!.pipeThrough(new TextDecoderStream())) {
    buffer += chunk;
    let cut;
    while ((cut = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = block.split("\n").filter((l) => l.startsWith("data: ")).map((l) => l.slice(6))
        .join("\n");
      if (event === "rows") {
        for (const r of JSON.parse(data).rows) if (r.member === 0) steps.push(r.step);
      }
      if (event === "end") return steps;
      if (event === "problem") throw new Error(`stream problem: ${data}`);
    }
  }
  throw new Error("the stream closed without `end`");
}

Deno.test({
  name: "ui load: 50 clients and 10 live streams while a run appends metrics lose nothing",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: async () => {
    const root = await Deno.makeTempDir({ prefix: "stackrl-ui-load-" });
    const server = Deno.serve(
      { hostname: "127.0.0.1", port: 0, onListen: () => {} },
      createApp({ runsDir: root, pollMs: 50 }).fetch,
    );
    const base = `http://127.0.0.1:${server.addr.port}`;
    const abort = new AbortController();
    let writer: RunWriter | undefined;
    try {
      await writeFixtureRuns(root);
      writer = await RunWriter.create(root, liveConfig(), {
        status: "running",
        stepsDone: 0,
        stepsTotal: 1_000_000,
        bestEval: null,
        wallTime: 0,
        updatedAt: new Date().toISOString(),
      });
      const streams = Array.from({ length: STREAMS }, () => follow(base, abort.signal));

      // the trainer: a block of rows for both members every 20 ms, a status now and then
      const w = writer;
      const stop = Date.now() + SECONDS * 1000;
      let written = 0;
      const training = (async () => {
        let step = 0;
        while (Date.now() < stop) {
          const rows: MetricRow[] = [];
          for (let k = 0; k < 5; k++) {
            step += 100;
            rows.push(updateRow(0, step), updateRow(1, step));
          }
          await w.append(rows);
          written += 5;
          if (step % 5000 === 0) {
            await w.writeStatus({
              status: "running",
              stepsDone: step,
              stepsTotal: 1_000_000,
              bestEval: null,
              wallTime: step / 1000,
              updatedAt: new Date().toISOString(),
            });
          }
          await new Promise((r) => setTimeout(r, 20));
        }
        await w.writeStatus({
          status: "finished",
          stepsDone: step,
          stepsTotal: step,
          bestEval: null,
          wallTime: step / 1000,
          updatedAt: new Date().toISOString(),
        });
      })();

      const paths = [
        "/api/runs",
        `/api/runs/${LIVE}`,
        `/api/runs/${LIVE}/metrics?type=update&max=200`,
        `/api/runs/${FIXTURE.finished}/metrics?type=eval`,
        `/api/runs/${FIXTURE.finished}/rollouts`,
        `/runs/${LIVE}`,
        "/",
      ];
      let requests = 0;
      const errors: string[] = [];
      const latencies: number[] = [];
      const clients = Array.from({ length: CLIENTS }, async (_, c) => {
        for (let i = c; Date.now() < stop; i++) {
          const path = paths[i % paths.length];
          const t0 = performance.now();
          try {
            const res = await fetch(`${base}${path}`, { signal: abort.signal });
            await res.arrayBuffer();
            if (res.status !== 200) errors.push(`${path}: HTTP ${res.status}`);
          } catch (error) {
            errors.push(`${path}: ${(error as Error).message}`);
          }
          latencies.push(performance.now() - t0);
          requests++;
        }
      });
      await Promise.all([training, ...clients]);
      const seen = await Promise.race([
        Promise.all(streams),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error("the streams did not end")), 30_000)
        ),
      ]);
      latencies.sort((a, b) => a - b);
      const q = (p: number) => latencies[Math.floor(p * (latencies.length - 1))].toFixed(0);
      console.log(
        `ui load: ${SECONDS} s, ${CLIENTS} clients: ${requests} requests ` +
          `(${(requests / SECONDS).toFixed(0)}/s, p50 ${q(0.5)} ms, p99 ${q(0.99)} ms), ` +
          `${errors.length} errors; ${STREAMS} streams saw ` +
          `${seen.map((s) => s.length).join("/")} of ${written} rows per member`,
      );
      assertEquals(errors.slice(0, 5), [], `${errors.length} failed requests`);
      assert(requests > CLIENTS, `only ${requests} requests`);
      assert(written > 0);
      const expected = Array.from({ length: written }, (_, i) => 100 * (i + 1));
      for (const steps of seen) {
        assertEquals(steps, expected, "a stream lost, repeated or reordered rows");
      }
    } finally {
      abort.abort();
      writer?.close();
      await server.shutdown();
      await Deno.remove(root, { recursive: true });
    }
  },
});
