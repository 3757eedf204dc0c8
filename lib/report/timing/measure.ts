/**
 * Report section 3's measurement (lib/report/timing_section.ts has the section): times one
 * environment step of training per cell (task × method), repeated round-robin, on this machine.
 * @module
 */
import process from "node:process";
import { type Agent, createAgent } from "../../agent.ts";
import { type Algorithm, DEFAULTS, traits, updatesPerBlock } from "../../config.ts";
import { checkNumber } from "../../errors.ts";
import { ReplayBuffer } from "../../replay.ts";
import { Rng } from "../../rng.ts";
import { type Env, makeEnv } from "../../../physics/mod.ts";
import { type Method, methodKey, methodLabel, PAPER_EPSILON } from "../plan.ts";
import { median, secondsText } from "../stats.ts";

/** Algorithms with dense second-order updates (n_w Hessian-vector products or an n_w × n_w solve). */
export const DENSE = new Set(["sddpg", "sddpg-bd", "std3"]);

/** Per-sample FSDDPG at the paper's ε: the FS* row Table 3 is set beside. */
export const FS_PER_SAMPLE: Method = { algo: "fsddpg", k1k2: "per-sample", epsilon: PAPER_EPSILON };
/** Per-sample FSDDPG-CG at the paper's ε. */
export const FS_CG_PER_SAMPLE: Method = {
  algo: "fsddpg-cg",
  k1k2: "per-sample",
  epsilon: PAPER_EPSILON,
};

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
            secondsText(row.episodeSeconds)
          } s/episode [${secondsText(row.episodeSecondsMin)}–${
            secondsText(row.episodeSecondsMax)
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
