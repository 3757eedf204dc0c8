/**
 * The tasks of the report (paper Table 6): our observation and action sizes beside the paper's,
 * and each task's uniformly random policy return, which is the 0 of section 5's normalised
 * scores.
 * @module
 */
import { makeEnv } from "../../physics/mod.ts";
import { Rng } from "../rng.ts";
import { csv, num } from "./stats.ts";
import type { ReportFile } from "./section.ts";

/** The paper's Table 6 (state dimension, action dimension). */
export const PAPER_TABLE6: Record<string, [number, number]> = {
  Ant: [125, 8],
  HalfCheetah: [20, 6],
  Humanoid: [102, 10],
  InvertedDoublePendulum: [6, 1],
  InvertedPendulum: [3, 1],
  Swimmer: [13, 2],
  Reacher: [6, 2],
  Walker2d: [24, 6],
};

/** One task as this repository runs it. */
export interface TaskRow {
  task: string;
  observationSize: number;
  actionSize: number;
  /** Mean return of uniformly random actions over `episodes` episodes (fixed seeds). */
  randomReturn: number;
  episodes: number;
}

/** Sizes and random-policy returns of `tasks` (episodes seeded 0..episodes−1). */
export async function measureTasks(tasks: readonly string[], episodes = 10): Promise<TaskRow[]> {
  const rows: TaskRow[] = [];
  for (const task of tasks) {
    const env = await makeEnv(task, { seed: 0 });
    const rng = new Rng(1234);
    const action = new Float32Array(env.actionSize);
    let total = 0;
    for (let e = 0; e < episodes; e++) {
      env.reset({ seed: e });
      for (;;) {
        for (let j = 0; j < action.length; j++) {
          action[j] = env.actionLow[j] + (env.actionHigh[j] - env.actionLow[j]) * rng.uniform();
        }
        const s = env.step(action);
        total += s.reward;
        if (s.terminated || s.truncated) break;
      }
    }
    rows.push({
      task,
      observationSize: env.observationSize,
      actionSize: env.actionSize,
      randomReturn: total / episodes,
      episodes,
    });
    env.close();
  }
  return rows;
}

/** The Table 6 section: sizes beside the paper's, and why they differ. */
export function buildTasksSection(rows: TaskRow[]): { markdown: string; files: ReportFile[] } {
  const md = [
    "## 8. Tasks (paper Table 6)",
    "",
    "Our tasks are Gymnasium v5's MuJoCo tasks (observation layout, reward, termination and " +
    "episode length of v5, rebuilt on MuJoCo's WebAssembly build in `physics/`). The paper's " +
    "Table 6 lists other sizes: they match no Gymnasium version (v2 to v5 give HalfCheetah 17 and " +
    "Humanoid 376 or 348 observations); the paper cites rllab (Duan et al., 2016) and the " +
    "DeepMind Control Suite (Tunyasuvunakool et al., 2020) for the dynamics and Spinning Up for " +
    "its code, without naming the versions. Returns are therefore comparable across methods " +
    "here, not with the paper's absolute numbers. The random policy's return (uniform actions, " +
    "episodes seeded 0 to 9) is the 0 of section 5's normalised scores.",
    "",
    "| task | observation (ours) | action (ours) | state (paper) | action (paper) | random policy return |",
    "| --- | --- | --- | --- | --- | --- |",
  ];
  for (const r of rows) {
    const paper = PAPER_TABLE6[r.task];
    md.push(
      `| ${r.task} | ${r.observationSize} | ${r.actionSize} | ${paper?.[0] ?? "–"} | ${
        paper?.[1] ?? "–"
      } | ${num(r.randomReturn)} |`,
    );
  }
  md.push("");
  return {
    markdown: md.join("\n"),
    files: [{
      path: "tasks/tasks.csv",
      content: csv(
        [
          "task",
          "observation_size",
          "action_size",
          "paper_state",
          "paper_action",
          "random_return",
          "episodes",
        ],
        rows.map((r) => [
          r.task,
          r.observationSize,
          r.actionSize,
          PAPER_TABLE6[r.task]?.[0] ?? "",
          PAPER_TABLE6[r.task]?.[1] ?? "",
          r.randomReturn,
          r.episodes,
        ]),
      ),
    }],
  };
}
