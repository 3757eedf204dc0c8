/**
 * Training throughput on every task: agent-steps per second of the whole training loop
 * (environment step, acting, replay write and one update per step, as Spinning Up's schedule
 * averages out), TD3 at the paper's settings, population 1 and 8, one and two threads, and
 * where the time goes. Agent-steps count every member: a population of 8 doing 100 steps is
 * 800 agent-steps. The loop's rate comes from its own `update` rows (blocks of 50 steps + 50
 * updates) after a warm-up, evaluation and checkpoints excluded.
 *
 * Shares: physics alone (the task's vectorised env stepped with random actions, P instances,
 * the loop's env calls and nothing else) and one update alone (the same agent's `updateBlock`
 * from a replay buffer), each timed in this run, as fractions of the one-thread loop's time per
 * step; "other" is the rest (acting, replay writes, bookkeeping). They say which part to speed
 * up next, and the two-thread speed-up says how much a worker already takes off.
 *
 * Run: `deno task bench --only train`. `STACKRL_BENCH_STEPS` sets the steps per member (default
 * 1000), `STACKRL_BENCH_TASKS` a comma-separated list of tasks (default all).
 *
 * The figures are also saved for this machine (lib/report/bench_figures.ts: `STACKRL_BENCH_FILE`,
 * else `$XDG_CACHE_HOME/stackrl/bench-train.json` or `~/.cache/stackrl/bench-train.json`; cells
 * of tasks not run now are kept), and `deno task reproduce` estimates its wall time from them.
 * @module
 */
import { createAgent, listEnvs, makeVecEnv, openRun, ReplayBuffer, Rng, train } from "../mod.ts";
import type { UpdateRow } from "../mod.ts";
import { makeParallelVecEnv } from "../physics/parallel_vec_env.ts";
import type { VecEnv } from "../physics/vec_env.ts";
import { agentHyperparameters, resolveTrainConfig } from "../lib/train/config.ts";
import {
  type BenchCell,
  benchFilePath,
  saveBenchFigures,
  thisMachine,
} from "../lib/report/bench_figures.ts";

const ALGO = "td3";
const BLOCK = 50;

/** One task at one population, as measured. */
export interface Cell {
  task: string;
  population: number;
  /** Loop agent-steps/s at one and two threads. */
  rate: [number, number];
  /** Seconds per loop step (all members) spent in physics alone, and in one update alone. */
  physics: number;
  /** Seconds per vectorised step split over two threads (NaN for P = 1). */
  physics2: number;
  update: number;
}

/** Agent-steps per second of `train()` on `task` from its own update rows. */
async function loopRate(
  task: string,
  population: number,
  threads: number,
  steps: number,
): Promise<number> {
  const out = await Deno.makeTempDir({ prefix: "stackrl-bench-train-" });
  try {
    const result = await train({
      env: task,
      algo: ALGO,
      seeds: Array.from({ length: population }, (_, i) => i),
      steps,
      backend: "wasm",
      threads,
      startSteps: 0,
      updateAfter: 100,
      updateEvery: BLOCK,
      evalEvery: 0,
      evalEpisodes: 1,
      checkpointEvery: 0,
      recordEvery: 0,
      out,
    });
    const run = await openRun(result.dir);
    const warmUp = Math.min(300, steps / 2);
    const rows = run.metrics.filter((r): r is UpdateRow =>
      r.type === "update" && r.member === 0 && r.step > warmUp
    );
    let seconds = 0, counted = 0, previous = warmUp;
    for (const row of rows) {
      const block = row.step - previous;
      seconds += block / row.stepsPerSecond;
      counted += block;
      previous = row.step;
    }
    return (counted / seconds) * population;
  } finally {
    await Deno.remove(out, { recursive: true });
  }
}

/** Steps `env` `n` times with random actions from `rng` (auto-reset); returns the seconds. */
function stepRandom(env: VecEnv, rng: Rng, n: number): number {
  const actions = new Float32Array(env.count * env.actionSize);
  const t0 = performance.now();
  for (let t = 0; t < n; t++) {
    for (let i = 0; i < actions.length; i++) {
      const j = i % env.actionSize;
      actions[i] = env.actionLow[j] + (env.actionHigh[j] - env.actionLow[j]) * rng.uniform();
    }
    env.step(actions);
  }
  return (performance.now() - t0) / 1000;
}

/**
 * Seconds per vectorised step of P instances of `task` with random actions (auto-reset), on one
 * thread and, for P > 1, split over two (physics/parallel_vec_env.ts; NaN for P = 1). The two
 * alternate in rounds in this process, so a machine busy with other work slows both alike; each
 * is the median round.
 */
async function physicsSeconds(
  task: string,
  population: number,
  steps: number,
): Promise<[number, number]> {
  const envs = [await makeVecEnv(task, { count: population, seed: 0 })];
  try {
    if (population > 1) {
      envs.push(await makeParallelVecEnv(task, { count: population, seed: 0, threads: 2 }));
    }
    const rng = new Rng(7);
    const rounds = 5, n = Math.max(20, Math.round(steps / rounds));
    const times: number[][] = envs.map(() => []);
    envs.forEach((env) => {
      env.reset();
      stepRandom(env, rng, Math.min(200, steps)); // warm-up: V8 optimises WASM after a while
    });
    for (let r = 0; r < rounds; r++) {
      envs.forEach((env, k) => times[k].push(stepRandom(env, rng, n) / n));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    return [median(times[0]), times[1] ? median(times[1]) : NaN];
  } finally {
    for (const env of envs) env.close();
  }
}

/** Seconds per update of the loop's agent (the task's sizes, the paper's settings), one thread. */
async function updateSeconds(task: string, population: number): Promise<number> {
  const env = await makeVecEnv(task, { count: 1, seed: 0 });
  const [obs, act] = [env.observationSize, env.actionSize];
  env.close();
  const config = resolveTrainConfig({ env: task, algo: ALGO });
  const agent = await createAgent(ALGO, {
    ...agentHyperparameters(config),
    observationSize: obs,
    actionSize: act,
    population,
    hidden: config.hidden,
    backend: "wasm",
    seed: 0,
  });
  try {
    const replay = new ReplayBuffer(population, 1000, obs, act);
    const data = new Rng(1);
    const f = (n: number) => Float32Array.from({ length: n }, () => data.normal());
    for (let i = 0; i < 1000; i++) {
      replay.add(
        f(population * obs),
        f(population * act),
        f(population),
        f(population * obs),
        new Float32Array(population),
      );
    }
    const rngs = Array.from({ length: population }, (_, p) => new Rng(100 + p));
    const samples: number[] = [];
    for (let round = -1; round < 5; round++) {
      const t0 = performance.now();
      await agent.updateBlock(replay, rngs, BLOCK, config.batchSize);
      if (round >= 0) samples.push((performance.now() - t0) / 1000 / BLOCK);
    }
    return samples.sort((a, b) => a - b)[2];
  } finally {
    agent.dispose();
  }
}

/** The saved form of the cells (lib/report/bench_figures.ts): one per thread count. */
export function benchCells(cells: Cell[], date: string): BenchCell[] {
  const ms = (s: number) => (Number.isFinite(s) ? s * 1000 : null);
  return cells.flatMap((c) => [
    {
      task: c.task,
      population: c.population,
      threads: 1,
      agentStepsPerSecond: c.rate[0],
      updateMs: ms(c.update),
      physicsMsPerStep: ms(c.physics),
      date,
    },
    {
      task: c.task,
      population: c.population,
      threads: 2,
      agentStepsPerSecond: c.rate[1],
      updateMs: null, // the update alone is timed on one thread only
      physicsMsPerStep: c.population > 1 ? ms(c.physics2) : null,
      date,
    },
  ]);
}

/** Saves the cells for this machine; returns the line that says where (or why not). */
async function save(cells: Cell[], steps: number, path = benchFilePath()): Promise<string> {
  if (!path) return "Figures not saved: no cache location (set STACKRL_BENCH_FILE or HOME).";
  const date = new Date().toISOString();
  try {
    await saveBenchFigures(path, {
      machine: await thisMachine(),
      algo: ALGO,
      backend: "wasm",
      stepsPerMember: steps,
      date,
      cells: benchCells(cells, date),
    });
    return `Figures saved to ${path} (STACKRL_BENCH_FILE sets the place); ` +
      "`deno task reproduce` estimates its wall time from them on this machine.";
  } catch (error) {
    return `Figures not saved to ${path}: ${String((error as Error).message).split("\n")[0]}`;
  }
}

/** Runs the benchmark, saves its figures for this machine and returns a Markdown table. */
export async function benchTrain(
  {
    steps = Number(Deno.env.get("STACKRL_BENCH_STEPS") ?? 1000),
    tasks = Deno.env.get("STACKRL_BENCH_TASKS")?.split(",") ?? listEnvs(),
  } = {},
): Promise<string> {
  const cells: Cell[] = [];
  for (const task of tasks) {
    for (const population of [1, 8]) {
      const one = await loopRate(task, population, 1, steps);
      const two = await loopRate(task, population, 2, steps);
      const [physics, physics2] = await physicsSeconds(task, population, Math.max(200, steps));
      cells.push({
        task,
        population,
        rate: [one, two],
        physics,
        physics2,
        update: await updateSeconds(task, population),
      });
    }
  }
  const pct = (x: number) => `${Math.round(100 * x)}%`;
  const lines = [
    `Training throughput per task, ${ALGO} at the paper's settings, wasm, ${steps} steps per ` +
    `member, one update per step (blocks of ${BLOCK}), evaluation excluded; wall time`,
    "",
    "| task | P | agent-steps/s, 1 thread | 2 threads | speed-up | physics | update | other | env steps/s, 1 thread | 2 threads | speed-up |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const c of cells) {
    const loopStep = c.population / c.rate[0]; // seconds per loop step, one thread
    const physics = c.physics / loopStep, update = c.update / loopStep;
    const split = c.population > 1;
    lines.push(
      `| ${c.task} | ${c.population} | ${c.rate[0].toFixed(0)} | ${c.rate[1].toFixed(0)} | ${
        (c.rate[1] / c.rate[0]).toFixed(2)
      }× | ${pct(physics)} | ${pct(update)} | ${pct(Math.max(0, 1 - physics - update))} | ${
        (c.population / c.physics).toFixed(0)
      } | ${split ? (c.population / c.physics2).toFixed(0) : "–"} | ${
        split ? `${(c.physics / c.physics2).toFixed(2)}×` : "–"
      } |`,
    );
  }
  lines.push(
    "",
    "physics: the task's vectorised env alone; update: the agent's update alone; both timed in " +
      "this run as shares of the one-thread loop's time per step. Two threads split the " +
      "population's environments (physics/parallel_vec_env.ts) and its updates; env steps/s is " +
      "the vectorised env alone (agent-steps), one thread against two in alternating rounds. " +
      "For scale: the paper reports 13.7 s per 1000-step HalfCheetah episode for FSDDPG " +
      "(about 73 steps/s) on its CPU.",
    "",
    await save(cells, steps),
  );
  return lines.join("\n");
}

if (import.meta.main) console.log(await benchTrain());
