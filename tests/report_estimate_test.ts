// lib/report/runs.ts estimatePlan: the wall time printed before a reproduction trains, from the
// measured cost of a step, an action and an update, or from the training benchmark's saved
// figures (lib/report/bench_figures.ts), with known answers on hand-made rows and figures.
import { estimatePlan } from "../lib/report/runs.ts";
import type { BenchFigures } from "../lib/report/bench_figures.ts";
import type { PlannedRun } from "../lib/report/plan.ts";
import type { TimingRow } from "../lib/report/timing_section.ts";
import { assertAlmostEquals, assertEquals } from "./assert.ts";

function run(index: number, env: string, algo: string, seeds: number): PlannedRun {
  return {
    index,
    id: `${env}-${algo}`,
    env,
    algo,
    method: { algo },
    purpose: ["mujoco"],
    input: {
      seeds: Array.from({ length: seeds }, (_, i) => i),
      steps: 1000,
      updateAfter: 200,
      evalEvery: 500,
      evalEpisodes: 2,
    } as unknown as PlannedRun["input"],
  };
}

function row(task: string, key: string, updatesPerEnvStep: number): TimingRow {
  return { task, key, stepMs: 0.1, actMs: 0.2, updateMs: 1, updatesPerEnvStep } as TimingRow;
}

Deno.test("estimatePlan: steps, evaluation episodes and updates at the measured costs, × seeds", () => {
  const rows = [row("Hopper", "ddpg", 1), row("Hopper", "ddpg-ttsu", 10)];
  const est = estimatePlan(
    [run(0, "Hopper", "ddpg", 2), run(1, "Hopper", "ddpg-ttsu", 1)],
    rows,
    1,
  );
  // per seed: (1000 steps + (floor(1000 / 500) + 1) × 2 episodes × 1000 steps) × (0.1 + 0.2) ms
  // + (1000 − 200) × updates per step × 1 ms
  const ddpg = 2 * ((1000 + 6000) * 0.3 + 800 * 1) / 1000;
  const ttsu = 1 * ((1000 + 6000) * 0.3 + 8000 * 1) / 1000;
  assertEquals(est.agentSteps, 3000);
  assertAlmostEquals(est.seconds, ddpg + ttsu, 1e-9);
  assertEquals(est.lines.length, 2);
  assertEquals(est.lines[0], "  0: Hopper-ddpg: 2 × 1000 steps ≈ 6 s");
  // two jobs share the total; a run without a timing row still counts its agent-steps
  const two = estimatePlan([run(0, "Hopper", "ddpg", 2), run(1, "Hopper", "td3", 1)], rows, 2);
  assertAlmostEquals(two.seconds, ddpg / 2, 1e-9);
  assertEquals([two.agentSteps, two.lines.length], [3000, 1]);
});

/** Hand-made benchmark figures for Hopper: loop 2 ms/step at P = 1, 4 ms at P = 8 (2.5 ms on 2 threads). */
function figures(): BenchFigures {
  const date = new Date().toISOString();
  const c = (population: number, threads: number, rate: number, updateMs: number | null) => ({
    task: "Hopper",
    population,
    threads,
    agentStepsPerSecond: rate,
    updateMs,
    physicsMsPerStep: null,
    date,
  });
  return {
    format: "stackrl-bench-train",
    version: 1,
    machine: { cores: 2, os: "linux", arch: "x86_64", deno: "2.9.6" },
    algo: "td3",
    backend: "wasm",
    stepsPerMember: 1000,
    date,
    cells: [c(1, 1, 500, 1.2), c(8, 1, 2000, 2.5), c(1, 2, 500, null), c(8, 2, 3200, null)],
  };
}

Deno.test("estimatePlan: benchmark figures interpolated to the run's seeds, updates scaled by the measured ratio to TD3", () => {
  const rows = [
    { ...row("Hopper", "td3", 1), updateMs: 2 },
    { ...row("Hopper", "ddpg", 1), updateMs: 1 },
    { ...row("Hopper", "ddpg-ttsu", 10), updateMs: 0.5 },
    row("Walker2d", "td3", 1),
  ];
  const threads = (r: PlannedRun, t: number | "auto") => ({
    ...r,
    input: { ...r.input, threads: t },
  });
  const est = estimatePlan(
    [
      run(0, "Hopper", "td3", 5),
      run(1, "Hopper", "ddpg", 5),
      run(2, "Hopper", "ddpg-ttsu", 5),
      threads(run(3, "Hopper", "td3", 5), "auto") as PlannedRun,
      run(4, "Walker2d", "td3", 1),
    ],
    rows,
    1,
    { bench: figures(), cores: 2 },
  );
  // P = 5 lies 4/7 of the way from P = 1 to P = 8: loop 2 + 2 × 4/7 ms per step, update
  // 1.2 + 1.3 × 4/7 ms; evaluation steps one member at a time at P = 1's non-update 2 − 1.2 ms
  const loop = 2 + 2 * 4 / 7, update = 1.2 + 1.3 * 4 / 7, rest = loop - update;
  const evaluation = 5 * 6000 * 0.8 / 1000;
  const seconds = (ratio: number, updatesPerStep: number, factor = 1) =>
    factor * (1000 * rest + 800 * updatesPerStep * update * ratio) / 1000 + evaluation;
  const td3 = seconds(1, 1), ddpg = seconds(0.5, 1), ttsu = seconds(0.25, 10);
  // threads "auto" on 2 cores is 2 threads: the two-thread loop over the one-thread loop
  const twoThreads = seconds(1, 1, (2 + 0.5 * 4 / 7) / loop);
  // Walker2d is not in the figures: measured now, one seed ∝ seeds
  const walker = 1 * ((1000 + 6000) * 0.3 + 800 * 1) / 1000;
  assertEquals(est.fromBench, 4);
  assertAlmostEquals(est.seconds, td3 + ddpg + ttsu + twoThreads + walker, 1e-9);
  assertEquals(est.lines.map((l) => l.replace(/.*\(/, "(")), [
    "(benchmark)",
    "(benchmark)",
    "(benchmark)",
    "(benchmark)",
    "(measured now)",
  ]);
  // two jobs share the total as before
  const two = estimatePlan([run(0, "Hopper", "td3", 5)], rows, 2, { bench: figures(), cores: 2 });
  assertAlmostEquals(two.seconds, td3, 1e-9);
});

Deno.test("estimatePlan: without a TD3 row the ratio is unknown and the run is priced as measured", () => {
  const est = estimatePlan([run(0, "Hopper", "ddpg", 2)], [row("Hopper", "ddpg", 1)], 1, {
    bench: figures(),
  });
  assertEquals(est.fromBench, 0);
  assertAlmostEquals(est.seconds, 2 * ((1000 + 6000) * 0.3 + 800 * 1) / 1000, 1e-9);
});
