// The one reader of metrics.jsonl (lib/store/metrics.ts): its validity rule is the same for the
// run store and the web UI; tolerant mode skips and counts malformed lines, strict mode names the
// first; a torn last line is never an error; reading from an offset returns only new rows.
import { assert, assertEquals } from "./assert.ts";
import { MetricsError, parseMetricLine, parseMetrics, readMetrics } from "../lib/store/metrics.ts";
import { openRun } from "../lib/store/run_store.ts";
import { readRunMetrics } from "../lib/ui/runs.ts";

const row = (step: number, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ type: "eval", member: 0, seed: 0, step, returnMean: step, ...extra });

Deno.test("store metrics: one validity rule: an object with a string type and numeric step and member", () => {
  assert(parseMetricLine(row(1)) !== null);
  for (
    const line of [
      "garbage",
      "[1,2]",
      "null",
      '{"type":"eval","step":1}',
      '{"type":"eval","member":"0","step":1}',
      '{"type":3,"member":0,"step":1}',
      '{"member":0,"step":1}',
    ]
  ) {
    assertEquals(parseMetricLine(line), null, line);
  }
});

Deno.test("store metrics: tolerant mode counts malformed lines, strict mode names the first", () => {
  const text = `${row(1)}\n{"type":"eval","step":2}\n\n${row(3)}\nnot json\n${row(5).slice(0, 9)}`;
  const tolerant = parseMetrics(text);
  assertEquals(tolerant.rows.map((r) => r.step), [1, 3]);
  assertEquals([tolerant.bad, tolerant.firstBad, tolerant.lines], [2, 2, 5]);
  assertEquals(tolerant.problems, ["metrics.jsonl has 2 malformed lines (first: line 2)"]);
  let error: unknown;
  try {
    parseMetrics(text, { strict: true, firstLine: 11 });
  } catch (e) {
    error = e;
  }
  assert(error instanceof MetricsError, String(error));
  const named = error as MetricsError;
  assertEquals(named.line, 12);
  assert(
    named.message.startsWith('metrics.jsonl line 12: got "{\\"type\\":\\"eval\\",\\"step\\":2}"'),
  );
  // the torn tail is no error in either mode; a tail that parses on its own is a row
  assertEquals(parseMetrics(`${row(1)}\n${row(2)}`, { strict: true }).rows.length, 2);
  assertEquals(parseMetrics(`${row(1)}\n{"ty`, { strict: true }).rows.length, 1);
});

Deno.test("store metrics: the run store, the UI and a tail from an offset read the same rows", async () => {
  const dir = await Deno.makeTempDir({ prefix: "stackrl-store-metrics-" });
  try {
    await Deno.writeTextFile(
      `${dir}/config.json`,
      JSON.stringify({ id: "x", env: "Hopper", algo: "td3", seeds: [0], steps: 10 }),
    );
    const body = `${row(1)}\n{"type":"eval","step":2}\n${row(3, { note: "é" })}\n`;
    await Deno.writeTextFile(`${dir}/metrics.jsonl`, body + row(4).slice(0, 12));
    const store = await readMetrics(dir);
    assertEquals(store.rows.map((r) => r.step), [1, 3]);
    assertEquals(store.offset, new TextEncoder().encode(body).length, "bytes, not characters");
    assertEquals(store.problems, ["metrics.jsonl has 1 malformed line (first: line 2)"]);
    const ui = await readRunMetrics(dir);
    assertEquals([ui.rows.map((r) => r.step), ui.problems, ui.offset], [
      [1, 3],
      store.problems,
      store.offset,
    ]);
    assertEquals((await openRun(dir)).metrics.map((r) => r.step), [1, 3]);
    // the rest of the torn line arrives: only the new row comes from the offset
    await Deno.writeTextFile(`${dir}/metrics.jsonl`, row(4).slice(12) + "\n", { append: true });
    assertEquals((await readMetrics(dir, store.offset)).rows.map((r) => r.step), [4]);
    // strict reading names the malformed line by its number in the file, from any offset
    await Deno.writeTextFile(`${dir}/metrics.jsonl`, "oops\n", { append: true });
    const from = new TextEncoder().encode(body).length;
    let error: unknown;
    try {
      await readMetrics(dir, from, { strict: true });
    } catch (e) {
      error = e;
    }
    assert(error instanceof MetricsError && error.message.startsWith("metrics.jsonl line 5:"));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
