/**
 * Environments alone, split across threads (physics/parallel_vec_env.ts): wall seconds per
 * vectorised step of a population of P instances of each task with random actions (auto-reset),
 * on one thread and split over 2, 4, … threads, timed in alternating rounds in one process (each
 * round starting one cell later) so that load from other work falls on every cell alike; rates
 * are median rounds, speed-ups the median of per-round ratios to the same round's one thread,
 * and the round spread (one thread's slowest round over its fastest) says how steady it was.
 *
 * Beside the speed-ups it prints what bounds them: the largest share stepped alone on one thread
 * (a plain physics/vec_env.ts batch of that many instances), whose time is the split's floor,
 * so `ceiling` = one thread / largest share is the best a split can do and `efficiency` =
 * speed-up / ceiling is what the split's own costs (commands, copies, infos, waiting for the
 * slowest share) leave of it; the episodes that end per 1000 instance-steps (a reset costs
 * more than a step, and lands on one share at a time); the share imbalance (each instance
 * stepped and timed on its own, summed per share: slowest share over the mean); and, for the
 * first split, its speed-up when each side polls the shared counter for up to POLL_MS before
 * it sleeps (`spinMs`; physics/vec_share.ts) and where the
 * calling thread's step goes (its own share, waiting for the workers, the rest) beside the
 * busiest worker's time per step (physics/parallel_vec_env.ts's `splitStats`).
 *
 * Run: `deno run -A bench/physics_split.ts [--population=8] [--threads=1,2,4] [--steps=100] [--rounds=9]
 * [--tasks=Ant,…]`; `--threads` may name `auto` (what `--threads auto` gives a training run:
 * lib/train/config.ts). Rows print as they are measured. Benchmarks report; they never pass or
 * fail on time.
 * @module
 */
import { listEnvs, makeVecEnv } from "../physics/mod.ts";
import { makeParallelVecEnv, type SplitStats, splitStats } from "../physics/parallel_vec_env.ts";
import type { VecEnv } from "../physics/vec_env.ts";
import { autoThreads } from "../lib/train/config.ts";
import { Rng } from "../lib/rng.ts";

/** One task's figures: seconds per vectorised step per thread count, and the floor. */
export interface SplitCell {
  task: string;
  population: number;
  threads: number[];
  /** Median wall seconds per step, one per entry of `threads`. */
  seconds: number[];
  /** Median wall seconds per step of the largest share alone on one thread. */
  share: number;
  /** Speed-up over one thread per entry of `threads`: the median of per-round ratios. */
  speedups: number[];
  /** One thread over the largest share alone: the median of per-round ratios. */
  ceiling: number;
  /** The first split's speed-up when each side polls before sleeping (`spinMs: POLL_MS`). */
  polled: number;
  /** One thread's slowest round over its fastest (how steady the machine was). */
  spread: number;
  /** Instances in the largest share of the first split (threads[1]). */
  shareSize: number;
  /** Episodes ended per 1000 instance-steps (one thread's count). */
  endsPerThousand: number;
  /**
   * The first split's shares timed instance by instance on one thread: the slowest share's
   * time over the mean share's (1 = even; the split's speed-up is at most threads / this).
   */
  imbalance: number;
  /**
   * The first split's step (threads[1]) in ms per step: the calling thread's own share, its
   * waiting for workers, the rest of its step (copies, infos), and the busiest worker's time.
   */
  parts: { local: number; wait: number; other: number; worker: number } | null;
}

/** Steps `env` `n` times with random actions from `rng`; seconds and episodes ended. */
function stepRandom(env: VecEnv, rng: Rng, n: number): [number, number] {
  const actions = new Float32Array(env.count * env.actionSize);
  let ends = 0;
  const t0 = performance.now();
  for (let t = 0; t < n; t++) {
    for (let i = 0; i < actions.length; i++) {
      const j = i % env.actionSize;
      actions[i] = env.actionLow[j] + (env.actionHigh[j] - env.actionLow[j]) * rng.uniform();
    }
    const r = env.step(actions);
    for (let i = 0; i < env.count; i++) ends += r.terminated[i] | r.truncated[i];
  }
  return [(performance.now() - t0) / 1000, ends];
}

/** ms per step of each part between two readings of a split's counters. */
function parts(a: SplitStats, b: SplitStats): SplitCell["parts"] {
  const n = b.steps - a.steps;
  const per = (x: number, y: number) => (y - x) / n;
  const step = per(a.step, b.step), local = per(a.local, b.local), wait = per(a.wait, b.wait);
  const worker = Math.max(...b.workers.map((w, k) => per(a.workers[k], w)));
  return { local, wait, other: step - local - wait, worker };
}

/** ms the polling variant of the first split polls before sleeping. */
const POLL_MS = 0.5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The shares physics/parallel_vec_env.ts gives `count` instances over `threads`: [from, to). */
function shares(count: number, threads: number): [number, number][] {
  const t = Math.max(1, Math.min(threads, count));
  return Array.from({ length: t }, (_, k) => [
    Math.round((k * count) / t),
    Math.round(((k + 1) * count) / t),
  ]);
}

function largestShare(count: number, threads: number): number {
  return Math.max(...shares(count, threads).map(([a, b]) => b - a));
}

/**
 * Steps each instance of `env` on its own `n` times (random actions, reset when done) and
 * returns each instance's milliseconds: instances that cost more (contacts, say) make one
 * share slower than another however fast the split's signalling is.
 */
function instanceMs(env: VecEnv, rng: Rng, n: number): number[] {
  const ms = env.envs.map(() => 0);
  const a = new Float32Array(env.actionSize);
  for (let t = 0; t < n; t++) {
    env.envs.forEach((e, i) => {
      for (let j = 0; j < a.length; j++) {
        a[j] = env.actionLow[j] + (env.actionHigh[j] - env.actionLow[j]) * rng.uniform();
      }
      const t0 = performance.now();
      const r = e.step(a);
      if (r.terminated || r.truncated) e.reset();
      ms[i] += performance.now() - t0;
    });
  }
  return ms;
}

/** Measures one task (see the module comment). */
export async function splitCell(
  task: string,
  population: number,
  threads: number[],
  steps: number,
  rounds = 9,
): Promise<SplitCell> {
  const shareSize = largestShare(population, threads[1] ?? 1);
  const envs: VecEnv[] = [];
  try {
    for (const t of threads) {
      envs.push(
        t === 1
          ? await makeVecEnv(task, { count: population, seed: 0 })
          : await makeParallelVecEnv(task, { count: population, seed: 0, threads: t }),
      );
    }
    envs.push(await makeVecEnv(task, { count: shareSize, seed: 0 }));
    // the first split again, each side polling before it sleeps
    if (threads[1]) {
      envs.push(
        await makeParallelVecEnv(task, {
          count: population,
          seed: 0,
          threads: threads[1],
          spinMs: POLL_MS,
        }),
      );
    }
    const rng = new Rng(7);
    // warm-up: V8 optimises each thread's WebAssembly only after a while
    for (const env of envs) {
      env.reset();
      stepRandom(env, rng, steps);
    }
    const times: number[][] = envs.map(() => []);
    const before = envs[1] ? splitStats(envs[1]) : null;
    let ends = 0, counted = 0;
    for (let r = 0; r < rounds; r++) {
      // each round starts one cell later, so no cell always follows the same other
      envs.forEach((_, i) => {
        const k = (i + r) % envs.length, env = envs[k];
        const [s, e] = stepRandom(env, rng, steps);
        times[k].push(s / steps);
        if (k === 0) {
          ends += e;
          counted += steps * env.count;
        }
      });
    }
    const seconds = times.map(median);
    // speed-ups paired round by round (one thread's round over the same round's split): drift
    // in the machine's speed between rounds cancels
    const paired = times.map((t) => median(t.map((x, r) => times[0][r] / x)));
    const after = envs[1] ? splitStats(envs[1]) : null;
    // the same instances one at a time, after the rounds (the plain batch is not used again)
    const perInstance = instanceMs(envs[0], rng, steps * rounds);
    const sums = shares(population, threads[1] ?? 1).map(([a, b]) =>
      perInstance.slice(a, b).reduce((x, y) => x + y, 0)
    );
    return {
      parts: before && after ? parts(before, after) : null,
      task,
      population,
      threads,
      seconds: seconds.slice(0, threads.length),
      share: seconds[threads.length],
      speedups: paired.slice(0, threads.length),
      ceiling: paired[threads.length],
      polled: threads[1] ? paired[threads.length + 1] : NaN,
      spread: Math.max(...times[0]) / Math.min(...times[0]),
      shareSize,
      endsPerThousand: (1000 * ends) / counted,
      imbalance: Math.max(...sums) / (sums.reduce((x, y) => x + y, 0) / sums.length),
    };
  } finally {
    for (const env of envs) env.close();
  }
}

/** The table's header for `threads`. */
export function splitHeader(
  population: number,
  threads: number[],
  steps: number,
  rounds = 9,
): string[] {
  const rest = threads.slice(1);
  return [
    `Environments alone, P = ${population}, random actions with automatic resets, ${steps} ` +
    `steps per round, ${rounds} rounds in rotating order (medians; speed-ups paired by round); ` +
    `wall time; ${navigator.hardwareConcurrency} cores`,
    "",
    `| task | env steps/s, 1 thread | ${
      rest.map((t) => `${t} threads | speed-up`).join(" | ")
    } | largest share of ${
      threads[1] ?? 1
    } alone, ms/step | ceiling | efficiency | episodes ended per 1000 steps | share imbalance | round spread | ${
      threads[1] ?? 1
    } threads polling ${POLL_MS} ms: speed-up | ${
      threads[1] ?? 1
    } threads, ms/step: own share | waiting | rest | busiest worker |`,
    `| --- | ---: | ${
      rest.map(() => "---: | ---:").join(" | ")
    } | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`,
  ];
}

/** One table row of `c`. */
export function splitRow(c: SplitCell): string {
  const rate = (s: number) => (c.population / s).toFixed(0);
  const up = c.speedups, ceiling = c.ceiling;
  return `| ${c.task} | ${rate(c.seconds[0])} | ${
    c.seconds.slice(1).map((s, k) => `${rate(s)} | ${up[k + 1].toFixed(2)}×`).join(" | ")
  } | ${(1000 * c.share).toFixed(3)} | ${ceiling.toFixed(2)}× | ${
    c.threads.length > 1 ? `${Math.round((100 * up[1]) / ceiling)}%` : "–"
  } | ${c.endsPerThousand.toFixed(1)} | ${c.imbalance.toFixed(3)} | ${c.spread.toFixed(2)} | ${
    Number.isNaN(c.polled) ? "–" : `${c.polled.toFixed(2)}×`
  } | ${
    c.parts
      ? [c.parts.local, c.parts.wait, c.parts.other, c.parts.worker].map((x) => x.toFixed(3))
        .join(" | ")
      : "– | – | – | –"
  } |`;
}

if (import.meta.main) {
  const flag = (name: string) => Deno.args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
  const population = Number(flag("population") ?? 8);
  const cores = navigator.hardwareConcurrency ?? 1;
  const threads = [
    ...new Set(
      (flag("threads") ?? "1,2,4").split(",").map((t) =>
        t === "auto" ? autoThreads(population, cores) : Number(t)
      ),
    ),
  ];
  for (const t of threads) {
    if (!Number.isInteger(t) || t < 1 || t > population) {
      console.error(`--threads: got ${flag("threads")}; allowed: 1 to ${population}, or auto`);
      Deno.exit(2);
    }
  }
  if (threads[0] !== 1) threads.unshift(1);
  const steps = Number(flag("steps") ?? 100), rounds = Number(flag("rounds") ?? 9);
  for (const [name, value] of [["steps", steps], ["rounds", rounds]] as const) {
    if (!Number.isInteger(value) || value < 1) {
      console.error(`--${name}: got ${flag(name)}; allowed: a whole number of at least 1`);
      Deno.exit(2);
    }
  }
  const tasks = flag("tasks")?.split(",") ?? listEnvs();
  splitHeader(population, threads, steps, rounds).forEach((line) => console.log(line));
  for (const task of tasks) {
    console.log(splitRow(await splitCell(task, population, threads, steps, rounds)));
  }
}
