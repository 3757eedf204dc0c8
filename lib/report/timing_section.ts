/**
 * Report section 3, "Timing" (paper Table 3, Fig. 4, Fig. 9), and the time half of section 4
 * (degree ablation, Table 2), in the paper's unit: seconds per 1,000-step training episode.
 *
 * What is timed is one environment step of training as Spinning Up's schedule runs it (the
 * paper's code base; lib/config.ts `updatesPerBlock`): an exploratory action, the environment
 * step with the transition stored in replay, and the updates that step pays for, each with its
 * minibatch sampled from replay: one for most algorithms, `criticSteps` (10) for DDPG-TTSU,
 * whose actor steps once per 10 critic steps. One repeat is a block of n such steps followed by
 * their updates; a cell (task × method) is repeated, and every cell of a task is timed
 * round-robin (repeat r of every cell, then repeat r + 1), so that load from other processes
 * falls on all cells alike and repeat r of two cells can be compared as a pair. A claim holds
 * only when its ordering holds in every pair (or, for cells with different repeat counts, between
 * the extremes of the two ranges).
 * @module
 */
import process from "node:process";
import { type Agent, createAgent } from "../agent.ts";
import { type Algorithm, DEFAULTS, traits, updatesPerBlock } from "../config.ts";
import { checkNumber } from "../errors.ts";
import { ReplayBuffer } from "../replay.ts";
import { Rng } from "../rng.ts";
import { type Env, makeEnv } from "../../physics/mod.ts";
import { type Method, methodKey, methodLabel, PAPER_EPSILON } from "./plan.ts";
import { linePlot } from "./svg.ts";
import type { ReportFile } from "./toy_section.ts";
import { csv, type Verdict, verdictCell } from "./stats.ts";

/** Algorithms with dense second-order updates (n_w Hessian-vector products or an n_w × n_w solve). */
export const DENSE = new Set(["sddpg", "sddpg-bd", "std3"]);

const FS_PER_SAMPLE: Method = { algo: "fsddpg", k1k2: "per-sample", epsilon: PAPER_EPSILON };
const FS_CG_PER_SAMPLE: Method = { algo: "fsddpg-cg", k1k2: "per-sample", epsilon: PAPER_EPSILON };

/**
 * The methods timed by default: the baselines of Fig. 4 and the columns of Table 3. FSDDPG and
 * FSDDPG-CG in the per-sample form (the paper's equations, §4, whose cost Table 1 analyses), the
 * per-sample FSDDPG before the listing's so that a look-up by algorithm and degree (section 4)
 * finds it; the listing's FSDDPG (its direction a rescaled ∂J/∂θ) beside them for comparison.
 */
export const TIMING_METHODS: readonly Method[] = [
  { algo: "ddpg" },
  { algo: "td3" },
  { algo: "ddpg-ttsu" },
  FS_PER_SAMPLE,
  FS_CG_PER_SAMPLE,
  { algo: "fsddpg", k1k2: "listing" },
  { algo: "sddpg-cg" },
  { algo: "std3-cg" },
  { algo: "sddpg" },
  { algo: "sddpg-bd" },
];

/** One repeat of a cell: a block of environment steps and the updates they pay for. */
export interface TimingRepeat {
  /** Environment steps in the block. */
  envSteps: number;
  /** Agent updates in the block (`envSteps × updatesPerEnvStep`). */
  updates: number;
  /** Milliseconds per environment step: `env.step` and storing the transition. */
  stepMs: number;
  /** Milliseconds per exploratory action. */
  actMs: number;
  /** Milliseconds per agent update, sampling its minibatch included. */
  updateMs: number;
  /** Milliseconds per environment step of training: step + act + updatesPerEnvStep × update. */
  envStepMs: number;
}

/** One measured cell (task × method). */
export interface TimingRow {
  /** The environment (`makeEnv` name). */
  task: string;
  /** The algorithm name (lib/config.ts `ALGORITHMS`). */
  algo: string;
  /** FS degree o where it is not the default (degree ablation); undefined otherwise. */
  degree?: number;
  /** The method timed. */
  method: Method;
  /** Its `methodKey` (lib/report/plan.ts): `fsddpg-ps1e-5`, `fsddpg-listing`. */
  key: string;
  /** Its `methodLabel`: `fsddpg (per-sample, ε = 1e-5)`. */
  label: string;
  /** The FS* form the agent ran (its resolved config), for FS* methods only. */
  k1k2?: "listing" | "per-sample";
  /** Agent updates one environment step pays for (criticSteps for ddpg-ttsu, else 1). */
  updatesPerEnvStep: number;
  /** Median over the repeats of ms per agent update (sampling its minibatch included). */
  updateMs: number;
  /** Median over the repeats of ms per environment step (the step and storing it). */
  stepMs: number;
  /** Median over the repeats of ms per exploratory action. */
  actMs: number;
  /** Agent updates timed, over all repeats (warm-up excluded). */
  updates: number;
  /** Environment steps timed, over all repeats (warm-up excluded). */
  envSteps: number;
  /** The repeats, in the order they ran (repeat r of every cell of a task ran in round r). */
  repeats: TimingRepeat[];
  /** The clock the repeats were timed with. */
  clock: TimingClock;
  /** The update implementation the agent reported (`agent.implementation`). */
  implementation: string;
  /** Seconds per 1,000-step episode (= ms per environment step of training), median of repeats. */
  episodeSeconds: number;
  /** The smallest repeat's seconds per 1,000-step episode. */
  episodeSecondsMin: number;
  /** The largest repeat's seconds per 1,000-step episode. */
  episodeSecondsMax: number;
  /** Few updates (a dense algorithm), no warm-up: an estimate. */
  estimated: boolean;
}

/**
 * The paper's Table 3 (seconds per episode; FSDDPG and FSDDPG-CG are set beside our per-sample
 * rows); null where our copy of the table is garbled. HalfCheetah's SD entries read "≥ 2000".
 */
export const PAPER_TABLE3: Record<string, Record<string, number | null>> = {
  HalfCheetah: {
    fsddpg: 13.70,
    "fsddpg-cg": 29.27,
    "sddpg-cg": 44.58,
    "sddpg-bd": 2000,
    sddpg: 2000,
  },
  InvertedDoublePendulum: {
    fsddpg: null,
    "fsddpg-cg": 28.45,
    "sddpg-cg": 43.58,
    "sddpg-bd": 446,
    sddpg: 1780,
  },
  InvertedPendulum: {
    fsddpg: 15.25,
    "fsddpg-cg": 30.96,
    "sddpg-cg": 43.69,
    "sddpg-bd": 339,
    sddpg: 1268,
  },
};

/** The clock of a measurement (see {@linkcode TimingOptions.clock}). */
export type TimingClock = "cpu" | "wall";

/** Milliseconds of this process's CPU time, user and system, all threads. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Settings of the timing measurements. */
export interface TimingOptions {
  /** Tasks on which every method is timed. */
  tasks: string[];
  /** Environment steps of training timed per cell, over all repeats (after a warm-up repeat). */
  updates: number;
  /** Environment steps timed per dense cell (`DENSE`), over all its repeats, no warm-up. */
  denseUpdates: number;
  /** Tasks on which the dense algorithms are timed. */
  denseTasks: string[];
  /** Environment steps with uniformly random actions that fill the replay before timing. */
  envSteps: number;
  /** Repeats per cell (default 5). */
  repeats?: number;
  /** Repeats per dense cell (default min(3, denseUpdates)). */
  denseRepeats?: number;
  /**
   * What is timed: `cpu` (default), this process's CPU time (user + system, every thread), which
   * other processes on a shared machine do not inflate, as the paper times "on CPUs" (§6.2); or
   * `wall`, elapsed time.
   */
  clock?: TimingClock;
  /** Methods timed on `tasks` (default {@linkcode TIMING_METHODS}). */
  methods?: readonly Method[];
  /** Degrees of per-sample FSDDPG (ε = 1e-5) to time in addition (degree ablation). */
  degrees?: number[];
  /** Tasks on which `degrees` are timed. */
  degreeTasks?: string[];
  /** Receives one line per cell measured. */
  log?: (line: string) => void;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b), n = s.length;
  return n ? (n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2) : NaN;
}

interface Cell {
  method: Method;
  degree?: number;
  dense: boolean;
  agent: Agent;
  perRepeat: number;
  repeatCount: number;
  updatesPerEnvStep: number;
  repeats: TimingRepeat[];
}

/** What one task's cells share: the environment, its current observation and the replay. */
interface Stage {
  env: Env;
  observation: Float32Array;
  replay: ReplayBuffer;
  sampler: Rng[];
}

/** One repeat: n environment steps (act, step, store), then the n × k updates they pay for. */
async function runRepeat(stage: Stage, cell: Cell, now: () => number): Promise<TimingRepeat> {
  const { env, replay } = stage;
  const n = cell.perRepeat, k = cell.updatesPerEnvStep;
  let act = 0, step = 0;
  let t0 = now();
  for (let i = 0; i < n; i++) {
    const a = cell.agent.act(stage.observation, { explore: true });
    const t1 = now();
    const s = env.step(a);
    replay.add(stage.observation, a, [s.reward], s.observation, [s.terminated ? 1 : 0]);
    stage.observation = s.terminated || s.truncated ? env.reset().observation : s.observation;
    const t2 = now();
    act += t1 - t0;
    step += t2 - t1;
    t0 = t2;
  }
  const u0 = now();
  for (let j = 0; j < n * k; j++) {
    await cell.agent.update(replay.sample(DEFAULTS.batchSize, stage.sampler));
  }
  const update = now() - u0;
  return {
    envSteps: n,
    updates: n * k,
    stepMs: step / n,
    actMs: act / n,
    updateMs: update / (n * k),
    envStepMs: (step + act + update) / n,
  };
}

/**
 * Times every method on every task (and per-sample FSDDPG at the extra degrees), per
 * environment step of training, each cell repeated; see the module documentation.
 *
 * @param options Tasks, counts and repeats; see {@linkcode TimingOptions}.
 * @returns One row per cell, tasks in order, methods in the order given.
 */
export async function measureTiming(options: TimingOptions): Promise<TimingRow[]> {
  const log = options.log ?? (() => {});
  const repeats = checkNumber("repeats", options.repeats ?? 5, { min: 1, integer: true });
  checkNumber("updates", options.updates, { min: 1, integer: true });
  checkNumber("denseUpdates", options.denseUpdates, { min: 1, integer: true });
  const denseRepeats = checkNumber(
    "denseRepeats",
    options.denseRepeats ?? Math.min(3, options.denseUpdates),
    { min: 1, integer: true },
  );
  // an even block, so that TD3's policy delay of 2 steps the actor equally often in every repeat
  const perRepeat = 2 * Math.max(1, Math.round(options.updates / repeats / 2));
  const densePerRepeat = Math.max(1, Math.floor(options.denseUpdates / denseRepeats));
  const methods = options.methods ?? TIMING_METHODS;
  const clock = options.clock ?? "cpu";
  const now = clock === "cpu" ? cpuMs : () => performance.now();
  const rows: TimingRow[] = [];
  const tasks = [...new Set([...options.tasks, ...(options.degreeTasks ?? [])])];
  for (const task of tasks) {
    const env = await makeEnv(task, { seed: 0 });
    const cells: Cell[] = [];
    try {
      const O = env.observationSize, A = env.actionSize;
      const rng = new Rng(11);
      const replay = new ReplayBuffer(1, 10_000, O, A);
      let observation = env.reset({ seed: 1 }).observation;
      const action = new Float32Array(A);
      for (let i = 0; i < Math.max(options.envSteps, 2 * DEFAULTS.batchSize); i++) {
        for (let j = 0; j < A; j++) {
          action[j] = env.actionLow[j] + (env.actionHigh[j] - env.actionLow[j]) * rng.uniform();
        }
        const s = env.step(action);
        replay.add(observation, action, [s.reward], s.observation, [s.terminated ? 1 : 0]);
        observation = s.terminated || s.truncated ? env.reset().observation : s.observation;
      }
      const stage: Stage = { env, observation, replay, sampler: [rng] };
      {
        // warm the JIT and the wasm kernels so the first cell timed does not pay for it
        const warm = await createAgent("ddpg", {
          observationSize: O,
          actionSize: A,
          backend: "wasm",
        });
        for (let i = 0; i < 20; i++) await warm.update(replay.sample(DEFAULTS.batchSize, [rng]));
        warm.dispose();
      }
      const wanted: { method: Method; degree?: number }[] = [];
      // one cell per method key (o = 1 of the degree list is the default per-sample cell)
      const want = (method: Method) => {
        if (wanted.some((w) => methodKey(w.method) === methodKey(method))) return;
        const o = method.degree;
        wanted.push({ method, ...(o !== undefined && o !== 1 ? { degree: o } : {}) });
      };
      if (options.tasks.includes(task)) {
        for (const method of methods) {
          if (DENSE.has(method.algo) && !options.denseTasks.includes(task)) continue;
          want(method);
        }
      }
      if (options.degreeTasks?.includes(task)) {
        for (const o of options.degrees ?? []) {
          want({ ...FS_PER_SAMPLE, ...(o === 1 ? {} : { degree: o }) });
        }
      }
      for (const { method, degree } of wanted) {
        const dense = DENSE.has(method.algo);
        const agent = await createAgent(method.algo, {
          observationSize: O,
          actionSize: A,
          actionLow: env.actionLow,
          actionHigh: env.actionHigh,
          seed: 0,
          backend: "wasm",
          ...(method.k1k2 !== undefined ? { k1k2: method.k1k2 } : {}),
          ...(method.epsilon !== undefined ? { epsilon: method.epsilon } : {}),
          ...(method.degree !== undefined ? { degree: method.degree } : {}),
        });
        cells.push({
          method,
          ...(degree !== undefined ? { degree } : {}),
          dense,
          agent,
          perRepeat: dense ? densePerRepeat : perRepeat,
          repeatCount: dense ? denseRepeats : repeats,
          updatesPerEnvStep: updatesPerBlock({
            algo: method.algo as Algorithm,
            updateEvery: 1,
            criticSteps: agent.config.criticSteps,
          }),
          repeats: [],
        });
      }
      // round −1 warms every cheap cell up (JIT, kernel tier-up); the dense cells, whose single
      // update takes 10²–10³ cheap ones, run without
      const rounds = Math.max(0, ...cells.map((c) => c.repeatCount));
      for (let round = -1; round < rounds; round++) {
        for (const cell of cells) {
          if ((round < 0 && cell.dense) || round >= cell.repeatCount) continue;
          const r = await runRepeat(stage, cell, now);
          if (round >= 0) cell.repeats.push(r);
        }
      }
      for (const cell of cells) {
        const rs = cell.repeats, per = rs.map((r) => r.envStepMs);
        const row: TimingRow = {
          task,
          algo: cell.method.algo,
          ...(cell.degree !== undefined ? { degree: cell.degree } : {}),
          method: cell.method,
          key: methodKey(cell.method),
          label: methodLabel(cell.method),
          ...(traits(cell.method.algo as Algorithm).actor.kind === "fast"
            ? { k1k2: cell.agent.config.k1k2 }
            : {}),
          updatesPerEnvStep: cell.updatesPerEnvStep,
          updateMs: median(rs.map((r) => r.updateMs)),
          stepMs: median(rs.map((r) => r.stepMs)),
          actMs: median(rs.map((r) => r.actMs)),
          updates: rs.reduce((a, r) => a + r.updates, 0),
          envSteps: rs.reduce((a, r) => a + r.envSteps, 0),
          repeats: rs,
          clock,
          implementation: cell.agent.implementation,
          episodeSeconds: median(per),
          episodeSecondsMin: Math.min(...per),
          episodeSecondsMax: Math.max(...per),
          estimated: cell.dense,
        };
        rows.push(row);
        log(
          `  timing ${task} ${row.label} [${row.implementation}]: ${
            fmtSeconds(row.episodeSeconds)
          } s/episode [${fmtSeconds(row.episodeSecondsMin)}–${
            fmtSeconds(row.episodeSecondsMax)
          }] over ${rs.length} × ${cell.perRepeat} env steps (${
            row.updateMs.toFixed(2)
          } ms/update, ${row.updatesPerEnvStep} per env step)`,
        );
      }
    } finally {
      for (const cell of cells) cell.agent.dispose();
      env.close();
    }
  }
  return rows;
}

function fmtSeconds(s: number): string {
  return s >= 100 ? s.toFixed(0) : s >= 10 ? s.toFixed(1) : s >= 0.1 ? s.toFixed(2) : s.toFixed(3);
}

/** A ratio of two cells' times per environment step over their repeats. */
export interface TimeRatio {
  /** The median ratio (paired) or the ratio of the medians (unpaired). */
  median: number;
  /** Smallest ratio over the pairs, or min(slow) / max(fast). */
  min: number;
  /** Largest ratio over the pairs, or max(slow) / min(fast). */
  max: number;
  /** Repeat r of one against repeat r of the other (equal repeat counts), else range extremes. */
  paired: boolean;
  /** Pairs compared, or the smaller repeat count. */
  n: number;
}

/**
 * `slow`'s time per environment step over `fast`'s. With equal repeat counts (cells of one task
 * timed round-robin) repeat r is set against repeat r, giving the ratios' median, min and max;
 * otherwise min = min(slow) / max(fast) and max = max(slow) / min(fast), median of medians.
 *
 * @param slow The row claimed to take more time.
 * @param fast The row claimed to take less.
 * @returns The ratio and its spread over the repeats.
 */
export function timeRatio(slow: TimingRow, fast: TimingRow): TimeRatio {
  const s = slow.repeats.map((r) => r.envStepMs), f = fast.repeats.map((r) => r.envStepMs);
  if (s.length === f.length && s.length > 0) {
    const r = s.map((x, i) => x / f[i]);
    return {
      median: median(r),
      min: Math.min(...r),
      max: Math.max(...r),
      paired: true,
      n: r.length,
    };
  }
  return {
    median: median(s) / median(f),
    min: Math.min(...s) / Math.max(...f),
    max: Math.max(...s) / Math.min(...f),
    paired: false,
    n: Math.min(s.length, f.length),
  };
}

/** "holds" when every repeat shows `slow` ≥ factor × `fast`'s time, reversed when none does. */
function ratioVerdict(r: TimeRatio, factor: number): Verdict {
  return r.min > factor ? "holds" : r.max < factor ? "does not hold" : "inconclusive";
}

/** A claim of the paper about time, checked on our measurements. */
export interface TimingClaim {
  /** The claim, with the paper's numbers. */
  claim: string;
  /** "holds" / "does not hold" / "inconclusive" over the repeats, "not tested" if no task had both. */
  verdict: Verdict;
  /** What ran: per task, the methods, implementations, ratio median [min–max] and its verdict. */
  detail: string;
}

interface ClaimSpec {
  claim: string;
  /** [slow, fast] method pairs: slow is claimed to take more than factor × fast's time. */
  pairs: [Method, Method][];
  factor: number;
  /** Table 3's tasks (where measured) or every task timed (Fig. 4 and 9). */
  scope: "table3" | "all";
}

const CLAIMS: ClaimSpec[] = [
  {
    claim: "FSDDPG (per-sample, o = 1) takes less time per episode than FSDDPG-CG (per-sample) " +
      "(Table 3: 13.70 vs 29.27 s on HalfCheetah, 15.25 vs 30.96 s on InvertedPendulum, about 2×)",
    pairs: [[FS_CG_PER_SAMPLE, FS_PER_SAMPLE]],
    factor: 1,
    scope: "table3",
  },
  {
    claim: "SDDPG-CG takes more time per episode than FSDDPG (per-sample) and FSDDPG-CG " +
      "(per-sample) (Table 3: 44.58 vs 13.70 and 29.27 s on HalfCheetah)",
    pairs: [[{ algo: "sddpg-cg" }, FS_PER_SAMPLE], [{ algo: "sddpg-cg" }, FS_CG_PER_SAMPLE]],
    factor: 1,
    scope: "table3",
  },
  {
    claim: "Exact SDDPG and SDDPG-BD take at least 10× the time per episode of FSDDPG " +
      "(per-sample) (Table 3: 22× to ≥ 146×, exact SDDPG about 100×)",
    pairs: [[{ algo: "sddpg" }, FS_PER_SAMPLE], [{ algo: "sddpg-bd" }, FS_PER_SAMPLE]],
    factor: 10,
    scope: "table3",
  },
  {
    claim: "DDPG-TTSU (10 critic updates per actor update, the actor stepping as often as " +
      "DDPG's) takes more training time per episode than DDPG (§6.2, Fig. 4)",
    pairs: [[{ algo: "ddpg-ttsu" }, { algo: "ddpg" }]],
    factor: 1,
    scope: "all",
  },
  {
    claim: "DDPG-TTSU and SDDPG-CG take more training time per episode than FSDDPG " +
      "(per-sample) (§6.2, Fig. 4)",
    pairs: [[{ algo: "ddpg-ttsu" }, FS_PER_SAMPLE], [{ algo: "sddpg-cg" }, FS_PER_SAMPLE]],
    factor: 1,
    scope: "all",
  },
];

function timingClaims(rows: TimingRow[], timingTasks: string[]): TimingClaim[] {
  const get = (task: string, m: Method) =>
    rows.find((r) => r.task === task && r.key === methodKey(m) && r.degree === undefined);
  return CLAIMS.map((spec) => {
    const inTable = timingTasks.filter((t) => t in PAPER_TABLE3);
    const tasks = spec.scope === "table3" && inTable.length ? inTable : timingTasks;
    const verdicts: Verdict[] = [], parts: string[] = [];
    for (const task of tasks) {
      for (const [slowM, fastM] of spec.pairs) {
        const slow = get(task, slowM), fast = get(task, fastM);
        if (!slow || !fast) continue;
        const r = timeRatio(slow, fast);
        const v = ratioVerdict(r, spec.factor);
        verdicts.push(v);
        parts.push(
          `${task}: ${slow.label} [${slow.implementation}] / ${fast.label} [${fast.implementation}]` +
            ` = ${r.median.toFixed(2)}× [${r.min.toFixed(2)}–${r.max.toFixed(2)}] over ${r.n} ` +
            `${r.paired ? "paired repeats" : "repeats (range against range)"}: ${v}`,
        );
      }
    }
    // the paper states each ordering on each task: one task where it is reversed refutes it
    const verdict: Verdict = !verdicts.length
      ? "not tested"
      : verdicts.includes("does not hold")
      ? "does not hold"
      : verdicts.every((v) => v === "holds")
      ? "holds"
      : "inconclusive";
    const skipped = tasks.filter((t) => !spec.pairs.some(([s, f]) => get(t, s) && get(t, f)));
    return {
      claim: spec.claim,
      verdict,
      detail: (parts.join("; ") || "no task timed both") +
        (parts.length && skipped.length ? `; not timed on ${skipped.join(", ")}` : ""),
    };
  });
}

/** The Table 3 column a row sits beside: per-sample FS rows and the SD rows at o = 1. */
function paperColumn(r: TimingRow): string | null {
  if (r.degree !== undefined && r.degree !== 1) return null;
  if (r.algo.startsWith("fs")) return r.k1k2 === "per-sample" ? r.algo : null;
  return r.algo;
}

/**
 * Section 3's Markdown, figure and CSV, with verdicts on the paper's timing claims.
 *
 * @param rows What {@linkcode measureTiming} returned (degree-only cells are left out).
 * @param options Timing tasks, the evidence label, and the budget's counts (stated in the text).
 * @returns The Markdown, the files (timing/ratio_to_ddpg.svg, timing/timing.csv) and the claims.
 */
export function buildTimingSection(
  rows: TimingRow[],
  options: { tasks: string[]; evidence: string; updates: number; denseUpdates: number },
): { markdown: string; files: ReportFile[]; claims: TimingClaim[] } {
  const tasks = options.tasks.filter((t) => rows.some((r) => r.task === t));
  const shown = rows.filter((r) => tasks.includes(r.task) && r.degree === undefined);
  const cheap = shown.filter((r) => !r.estimated), dense = shown.filter((r) => r.estimated);
  const spread = (xs: number[]) =>
    xs.length
      ? Math.min(...xs) === Math.max(...xs) ? `${xs[0]}` : `${Math.min(...xs)}–${Math.max(...xs)}`
      : "–";
  const impls = [...new Set(shown.map((r) => r.implementation))];
  const implText = impls.length === 1
    ? `${impls[0]} for every cell`
    : impls.map((i) =>
      `${i}: ${
        [...new Set(shown.filter((r) => r.implementation === i).map((r) => r.label))]
          .join(", ")
      }`
    ).join("; ");
  const clocks = [...new Set(shown.map((r) => r.clock))];
  const clockText =
    clocks.map((c) =>
      c === "cpu"
        ? "this process's CPU time (user + system, all threads), which other processes on a " +
          "shared machine do not inflate (the paper timed on CPUs, §6.2)"
        : "elapsed wall time"
    ).join(" and ") || "–";
  const md: string[] = [
    "## 3. Timing (paper Table 3, Fig. 4, Fig. 9)",
    "",
    "Seconds per 1,000-step training episode = 1,000 × the time of one environment step of " +
    "training as Spinning Up's schedule runs it (lib/config.ts `updatesPerBlock`): an " +
    "exploratory action, the environment step with its transition stored in replay, and the " +
    "updates that step pays for, each sampling its minibatch from replay: 1 for most " +
    "algorithms, 10 (criticSteps) for DDPG-TTSU, whose critic steps 10 times per actor step " +
    "(§6.2). Each task's own sizes, hidden 16×16, batch 100, one agent, wasm backend, default " +
    `update path; the implementation that ran, as each agent reports it: ${implText || "–"}. ` +
    `Clock: ${clockText}. ` +
    "One repeat is a block of n environment steps followed by their updates; every cell of a " +
    "task is timed round-robin (repeat r of each cell, then repeat r + 1), after one untimed " +
    "warm-up repeat. The table gives the median over repeats and the min–max spread. " +
    `Budget: ${options.updates} environment steps per cell, in ${
      spread([...new Set(cheap.map((r) => r.repeats.length))])
    } repeats; **exact SDDPG and SDDPG-BD (dense n_w × n_w second-order updates): ${options.denseUpdates} environment step(s) per cell in ${
      spread([...new Set(dense.map((r) => r.repeats.length))])
    } repeat(s) of ${
      spread([...new Set(dense.flatMap((r) => r.repeats.map((x) => x.envSteps)))])
    } step(s), no warm-up** (marked *est.*), only on the tasks listed. ` +
    "FS* rows: *per-sample* is the form of the paper's equations (§4), whose cost its Table 1 " +
    "analyses, and the one Table 3's FSDDPG and FSDDPG-CG columns are set beside; *listing* is " +
    "the paper's code listing (Appendix I), whose direction is (1 + c)·∂J/∂θ, timed for " +
    "comparison. The paper ran PyTorch on an Intel Xeon E5-2680 CPU; absolute seconds are not " +
    "comparable across machines and frameworks, ratios measured side by side in one run are. " +
    "A claim **holds** only when its ordering holds in every repeat pair (repeat r against " +
    "repeat r; for cells with different repeat counts, the extremes of the two ranges), " +
    "**does not hold** when it is reversed in every pair, and is **inconclusive** otherwise.",
    "",
  ];
  const files: ReportFile[] = [];
  const fsKey = methodKey(FS_PER_SAMPLE);
  for (const task of tasks) {
    const mine = shown.filter((r) => r.task === task);
    const ddpg = mine.find((r) => r.key === "ddpg");
    const fs = mine.find((r) => r.key === fsKey);
    const paper = PAPER_TABLE3[task] ?? {};
    const paperFs = paper.fsddpg ?? null;
    md.push(`### ${task}`, "");
    md.push(
      "| method | implementation | updates / env step | ms / update | s / episode (ours): median [min–max] | repeats × env steps | × DDPG (ours) | × FSDDPG per-sample (ours) | s / episode (paper) | × FSDDPG (paper) |",
      "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    );
    for (const r of mine) {
      const col = paperColumn(r);
      const p = col === null ? undefined : paper[col];
      const pText = p === undefined
        ? "–"
        : p === null
        ? "garbled in our copy"
        : `${p >= 2000 && task === "HalfCheetah" ? "≥ " : ""}${
          Number.isInteger(p) ? p : p.toFixed(2)
        }`;
      const n = r.repeats.length;
      md.push(
        `| ${r.label} | ${r.implementation} | ${r.updatesPerEnvStep} | ${r.updateMs.toFixed(3)} | ${
          fmtSeconds(r.episodeSeconds)
        } [${fmtSeconds(r.episodeSecondsMin)}–${fmtSeconds(r.episodeSecondsMax)}]${
          r.estimated ? " *est.*" : ""
        } | ${n} × ${n ? r.repeats[0].envSteps : 0} | ${
          ddpg ? (r.episodeSeconds / ddpg.episodeSeconds).toFixed(2) : "–"
        } | ${fs ? (r.episodeSeconds / fs.episodeSeconds).toFixed(2) : "–"} | ${pText} | ${
          p && paperFs ? (p / paperFs).toFixed(2) : "–"
        } |`,
      );
    }
    const missing = ["sddpg", "sddpg-bd"].filter((a) => !mine.some((r) => r.algo === a));
    if (missing.length) md.push("", `Not timed on ${task} at this budget: ${missing.join(", ")}.`);
    md.push("");
  }
  // figure: ratio to DDPG per method (x: method index), one series per task
  const keys = [...new Set(shown.map((r) => r.key))];
  const series = tasks.map((task) => {
    const ddpg = shown.find((r) => r.task === task && r.key === "ddpg");
    const xs: number[] = [], ys: number[] = [];
    keys.forEach((k, i) => {
      const r = shown.find((r) => r.task === task && r.key === k);
      if (r && ddpg) {
        xs.push(i);
        ys.push(r.episodeSeconds / ddpg.episodeSeconds);
      }
    });
    return { label: task, x: xs, y: ys };
  }).filter((s) => s.x.length >= 2);
  if (series.length) {
    files.push({
      path: "timing/ratio_to_ddpg.svg",
      content: linePlot(series, {
        title: "Seconds per episode / DDPG's, medians (log scale)",
        xLabel: `method: ${keys.map((k, i) => `${i} ${k}`).join(", ")}`,
        yLabel: "× DDPG",
        logY: true,
        width: 760,
      }),
    });
    md.push("![time per episode, ratio to DDPG](timing/ratio_to_ddpg.svg)", "");
  }
  const claims = timingClaims(rows, tasks);
  md.push("### Verdicts on the paper's timing claims", "");
  md.push("| claim | verdict | evidence | what ran |", "| --- | --- | --- | --- |");
  for (const c of claims) {
    md.push(`| ${c.claim} | ${verdictCell(c.verdict)} | ${options.evidence} | ${c.detail} |`);
  }
  md.push("");
  files.push({
    path: "timing/timing.csv",
    content: csv(
      [
        "task",
        "method",
        "label",
        "algo",
        "k1k2",
        "epsilon",
        "degree",
        "implementation",
        "updates_per_env_step",
        "repeats",
        "env_steps_timed",
        "updates_timed",
        "step_ms",
        "act_ms",
        "update_ms",
        "episode_seconds_median",
        "episode_seconds_min",
        "episode_seconds_max",
        "episode_seconds_per_repeat",
        "estimated",
      ],
      rows.map((r) => [
        r.task,
        r.key,
        r.label,
        r.algo,
        r.k1k2 ?? "",
        r.method.epsilon ?? "",
        r.degree ?? "",
        r.implementation,
        r.updatesPerEnvStep,
        r.repeats.length,
        r.envSteps,
        r.updates,
        r.stepMs,
        r.actMs,
        r.updateMs,
        r.episodeSeconds,
        r.episodeSecondsMin,
        r.episodeSecondsMax,
        r.repeats.map((x) => x.envStepMs.toPrecision(4)).join(";"),
        r.estimated,
      ]),
    ),
  });
  return { markdown: md.join("\n"), files, claims };
}
