// lib/report/bench_figures.ts: the training benchmark's saved figures (bench/train.ts) round-trip
// through the file, merge per task, and a missing, corrupt, foreign or stale file gives one line
// and no figures (the reproduction then measures), never an exception.
import {
  type BenchCell,
  benchFilePath,
  type BenchMachine,
  benchStepCosts,
  loadBenchFigures,
  saveBenchFigures,
} from "../lib/report/bench_figures.ts";
import { benchCells } from "../bench/train.ts";
import { assert, assertAlmostEquals, assertEquals } from "./assert.ts";

const MACHINE: BenchMachine = {
  cores: 2,
  os: "linux",
  arch: "x86_64",
  deno: "2.9.6",
  commit: "a".repeat(40),
};
const NOW = Date.parse("2026-12-04T12:00:00Z");
const iso = (daysAgo: number) => new Date(NOW - daysAgo * 86400_000).toISOString();

function cell(
  task: string,
  population: number,
  threads: number,
  rate: number,
  date = iso(1),
): BenchCell {
  return {
    task,
    population,
    threads,
    agentStepsPerSecond: rate,
    updateMs: threads === 1 ? 1 : null,
    physicsMsPerStep: 0.5,
    date,
  };
}

function fields(cells: BenchCell[], machine = MACHINE) {
  return { machine, algo: "td3", backend: "wasm", stepsPerMember: 1000, date: iso(1), cells };
}

async function withDir(f: (dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "stackrl-bench-figures-" });
  try {
    await f(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** Asserts a fallback: no figures, one line (no stack trace) matching `pattern`. */
function assertFallback(source: { figures: unknown; line: string }, pattern: RegExp): void {
  assertEquals(source.figures, null);
  assert(!source.line.includes("\n") && !/\bat .*:\d+:\d+/.test(source.line), source.line);
  assert(
    source.line.startsWith("reproduce: estimate from the throughput measured now: "),
    source.line,
  );
  assert(pattern.test(source.line), source.line);
}

Deno.test("bench figures: saved file reads back as written, in a nested cache dir, no temp file left", async () => {
  await withDir(async (dir) => {
    const path = `${dir}/cache/stackrl/bench-train.json`;
    const cells = [cell("Hopper", 1, 1, 500), cell("Hopper", 8, 2, 2000)];
    const saved = await saveBenchFigures(path, fields(cells));
    const source = await loadBenchFigures(path, MACHINE, NOW);
    assertEquals(source.figures, saved);
    assertEquals(source.figures?.cells, cells);
    assertEquals([...Deno.readDirSync(`${dir}/cache/stackrl`)].map((e) => e.name), [
      "bench-train.json",
    ]);
    assert(
      source.line.includes(`figures in ${path} (1 days old`) || source.line.includes("24 h old"),
      source.line,
    );
    assert(source.line.includes("commit aaaaaaa"), source.line);
  });
});

Deno.test("bench figures: a save keeps other tasks' cells from the same machine only", async () => {
  await withDir(async (dir) => {
    const path = `${dir}/b.json`;
    await saveBenchFigures(path, fields([cell("Hopper", 1, 1, 500), cell("Ant", 1, 1, 100)]));
    const second = await saveBenchFigures(path, fields([cell("Ant", 1, 1, 200)]));
    assertEquals(second.cells.map((c) => [c.task, c.agentStepsPerSecond]), [["Hopper", 500], [
      "Ant",
      200,
    ]]);
    const other = await saveBenchFigures(
      path,
      fields([cell("Ant", 1, 1, 300)], { ...MACHINE, cores: 4 }),
    );
    assertEquals(other.cells.map((c) => [c.task, c.agentStepsPerSecond]), [["Ant", 300]]);
  });
});

Deno.test("bench figures: missing, corrupt, other-version, other-machine and stale files fall back with one line", async () => {
  await withDir(async (dir) => {
    const path = `${dir}/b.json`;
    assertFallback(await loadBenchFigures(path, MACHINE, NOW), /no benchmark figures at .*b\.json/);
    assertFallback(await loadBenchFigures(undefined, MACHINE, NOW), /no cache location/);
    await Deno.writeTextFile(path, "{ not json");
    assertFallback(
      await loadBenchFigures(path, MACHINE, NOW),
      /b\.json is not usable \(not valid JSON\)/,
    );
    const good = await saveBenchFigures(path, fields([cell("Hopper", 1, 1, 500)]));
    await Deno.writeTextFile(path, JSON.stringify({ ...good, version: 0 }));
    assertFallback(await loadBenchFigures(path, MACHINE, NOW), /version: got 0; allowed: 1/);
    await Deno.writeTextFile(
      path,
      JSON.stringify({ ...good, cells: [{ ...good.cells[0], agentStepsPerSecond: "fast" }] }),
    );
    assertFallback(await loadBenchFigures(path, MACHINE, NOW), /cells\[0\]: got .*"fast"/);
    await Deno.writeTextFile(path, JSON.stringify(good));
    assertFallback(
      await loadBenchFigures(path, { ...MACHINE, cores: 16 }, NOW),
      /another machine \(2 cores, here 16\)/,
    );
    assertFallback(
      await loadBenchFigures(path, { ...MACHINE, arch: "aarch64" }, NOW),
      /linux x86_64, here linux aarch64/,
    );
    assertFallback(
      await loadBenchFigures(path, MACHINE, NOW + 60 * 86400_000),
      /stale \(measured 61 days ago/,
    );
  });
});

Deno.test("bench figures: only cells young enough are used; another commit or Deno is only noted", async () => {
  await withDir(async (dir) => {
    const path = `${dir}/b.json`;
    await saveBenchFigures(
      path,
      fields([cell("Hopper", 1, 1, 500, iso(2)), cell("Ant", 1, 1, 100, iso(45))]),
    );
    const source = await loadBenchFigures(path, {
      ...MACHINE,
      deno: "3.0.0",
      commit: "b".repeat(40),
    }, NOW);
    assertEquals(source.figures?.cells.map((c) => c.task), ["Hopper"]);
    assert(source.line.includes("commit aaaaaaa (now bbbbbbb)"), source.line);
    assert(source.line.includes("1 task(s): Hopper"), source.line);
  });
});

Deno.test("bench figures: the location is STACKRL_BENCH_FILE, else XDG_CACHE_HOME, else HOME/.cache, else LOCALAPPDATA", () => {
  const env = (vars: Record<string, string>) => (name: string) => vars[name];
  assertEquals(benchFilePath(env({ STACKRL_BENCH_FILE: "/x/b.json", HOME: "/h" })), "/x/b.json");
  assertEquals(
    benchFilePath(env({ XDG_CACHE_HOME: "/c", HOME: "/h" })),
    "/c/stackrl/bench-train.json",
  );
  assertEquals(benchFilePath(env({ HOME: "/h" })), "/h/.cache/stackrl/bench-train.json");
  assertEquals(benchFilePath(env({ LOCALAPPDATA: "C:/u" })), "C:/u/stackrl/bench-train.json");
  assertEquals(benchFilePath(env({})), undefined);
});

Deno.test("bench figures: the benchmark's cells save and give back its loop time and update", async () => {
  await withDir(async (dir) => {
    const path = `${dir}/b.json`;
    const date = iso(0);
    const measured = [
      {
        task: "Hopper",
        population: 1,
        rate: [400, 400] as [number, number],
        physics: 4e-4,
        physics2: NaN,
        update: 1e-3,
      },
      {
        task: "Hopper",
        population: 8,
        rate: [1600, 2400] as [number, number],
        physics: 2e-3,
        physics2: 1.5e-3,
        update: 2e-3,
      },
    ];
    const cells = benchCells(measured, date);
    assertEquals(cells.map((c) => [c.population, c.threads, c.physicsMsPerStep, c.updateMs]), [
      [1, 1, 0.4, 1],
      [1, 2, null, null],
      [8, 1, 2, 2],
      [8, 2, 1.5, null],
    ]);
    await saveBenchFigures(path, fields(cells));
    const { figures } = await loadBenchFigures(path, MACHINE, NOW);
    // P = 8, one thread: 8 / 1600 s per loop step, 2 ms of it the update
    const one = benchStepCosts(figures!, "Hopper", 8, 1)!;
    assertAlmostEquals(one.rest + one.update, 8 / 1600, 1e-12);
    assertAlmostEquals(one.update, 2e-3, 1e-12);
    assertAlmostEquals(one.threadFactor, 1, 1e-12);
    assertAlmostEquals(benchStepCosts(figures!, "Hopper", 8, 2)!.threadFactor, 1600 / 2400, 1e-12);
    assertEquals(benchStepCosts(figures!, "Ant", 8, 1), null);
    // an update timed above the loop's time per step: the rest is at least physics alone
    const noisy = { ...figures!, cells: [{ ...figures!.cells[0], updateMs: 5 }] };
    assertAlmostEquals(benchStepCosts(noisy, "Hopper", 1, 1)!.rest, 4e-4, 1e-12);
  });
});
