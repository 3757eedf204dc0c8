// lib/report/runs.ts estimatePlan: the wall time printed before a reproduction trains, from the
// measured cost of a step, an action and an update, with known answers on hand-made rows.
import { estimatePlan } from "../lib/report/runs.ts";
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
