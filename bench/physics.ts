/**
 * Physics throughput per task on MuJoCo WebAssembly (single-threaded build):
 * - env steps/s of one env (`makeEnv`, default options, reset when an episode ends) and of a
 *   `makeVecEnv` batch of 8 (instance-steps/s, auto-reset);
 * - the overhead of our wrapper over a raw loop of `mj_step` × frame_skip on the same model,
 *   measured on identical trajectories (same start state and actions, no early termination),
 *   in alternating chunks so both see the same machine state;
 * - `mj_step`/s in WASM on `mujoco-testspeed`'s workload (from rest, 1% control noise) and,
 *   when Debian's `mujoco-testspeed` is installed, the native rate of the same model file and
 *   step count, and the WASM/native ratio.
 * Rates are per second of this process's CPU time (user + system), not wall time, so that other
 * work on a shared machine does not distort them; medians of chunks of about 30 ms, after a
 * warm-up (V8 first runs the 10 MB WASM module with its baseline compiler and only later with the
 * optimising one, which is several times faster). Native runs are timed the same way (the
 * child's CPU time, via bash's `time`).
 * Benchmarks report; they never pass or fail on time.
 * Run alone: `deno run --allow-read --allow-run --allow-env bench/physics.ts`.
 * @module
 */
import process from "node:process";
import { listEnvs, makeEnv, makeVecEnv } from "../physics/mod.ts";
import type { Env } from "../physics/mod.ts";
import { taskSpec } from "../physics/registry.ts";
import { compileModel, loadMujoco, readBundledModel, Sim } from "../physics/mujoco.ts";
import type { MainModule, MjModel } from "../physics/deps.ts";
import { Rng } from "../lib/rng.ts";

const CHUNKS = 15;
/** Control noise of the testspeed workload, as a fraction of each actuator's half range. */
const CTRL_NOISE = 0.01;
const CHUNK_MS = 30;

/** Seconds of CPU time (user + system) this process has used. */
function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** A fixed, deterministic action sequence inside the bounds. */
function actionAt(
  t: number,
  low: Float32Array,
  high: Float32Array,
  out: Float32Array,
): Float32Array {
  for (let j = 0; j < out.length; j++) {
    out[j] = low[j] + (0.5 * Math.sin(0.1 * t + j) + 1) * (high[j] - low[j]) / 2;
  }
  return out;
}

/** How many calls of `f` fit in about CHUNK_MS (at least 10). */
function calibrate(f: () => void): number {
  let n = 10;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) f();
    const ms = performance.now() - t0;
    if (ms >= CHUNK_MS / 4 || n > 1e6) {
      return Math.max(10, Math.round(n * CHUNK_MS / Math.max(ms, 0.01)));
    }
    n *= 4;
  }
}

/** Runs each function for about `ms` milliseconds (lets V8 tier the WASM code up). */
function warm(fs: (() => void)[], ms: number): void {
  for (const f of fs) {
    const t0 = performance.now();
    while (performance.now() - t0 < ms) for (let i = 0; i < 10; i++) f();
  }
}

/** Calls per second of each function in each of the alternating chunks, after a warm-up. */
function samples(fs: (() => void)[]): number[][] {
  warm(fs, 300);
  const sizes = fs.map(calibrate);
  const out = fs.map(() => [] as number[]);
  for (let c = 0; c < CHUNKS; c++) {
    fs.forEach((f, i) => {
      const t0 = cpuSeconds();
      for (let k = 0; k < sizes[i]; k++) f();
      out[i].push(sizes[i] / Math.max(cpuSeconds() - t0, 1e-6));
    });
  }
  return out;
}

/** Median calls per second of each function, timed in alternating chunks after a warm-up. */
function rates(fs: (() => void)[]): number[] {
  return samples(fs).map(median);
}

function singleEnvStepper(env: Env): () => void {
  const a = new Float32Array(env.actionSize);
  let t = 0;
  env.reset();
  return () => {
    const r = env.step(actionAt(t++, env.actionLow, env.actionHigh, a));
    if (r.terminated || r.truncated) env.reset();
  };
}

/** Options that keep an env running through unhealthy states, so trajectories match a raw loop. */
function noTerminationOptions(name: string): Record<string, unknown> {
  return "terminateWhenUnhealthy" in taskSpec(name).defaults
    ? { terminateWhenUnhealthy: false }
    : {};
}

/** CPU seconds (user + system) of one `mujoco-testspeed model nstep 1 noise` run, or null. */
async function testspeedCpuSeconds(modelPath: string, nstep: number): Promise<number | null> {
  try {
    const out = await new Deno.Command("bash", {
      args: [
        "-c",
        'TIMEFORMAT="%U %S"; time mujoco-testspeed "$0" "$1" 1 "$2" > /dev/null 2>&1',
        modelPath,
        String(nstep),
        String(CTRL_NOISE),
      ],
      stdout: "piped",
      stderr: "piped",
    }).output();
    const text = new TextDecoder().decode(out.stderr).trim().split("\n").pop() ?? "";
    const m = text.match(/^([\d.]+) ([\d.]+)$/);
    return out.success && m ? Number(m[1]) + Number(m[2]) : null;
  } catch {
    return null; // no bash (or not runnable here)
  }
}

/** The installed libmujoco-samples version (Debian), or "not installed". */
async function nativeVersion(): Promise<string> {
  try {
    const out = await new Deno.Command("dpkg-query", {
      args: ["-W", "-f=${Version}", "libmujoco-samples"],
      stdout: "piped",
      stderr: "null",
    }).output();
    const text = new TextDecoder().decode(out.stdout).trim();
    return out.success && text ? `libmujoco-samples ${text}` : "not installed";
  } catch {
    return "not installed";
  }
}

/**
 * Native mj_step per CPU-second from `mujoco-testspeed` (one thread), or null when it is not
 * installed. Two runs of n and 2n steps are differenced, which removes loading and compiling.
 */
async function nativeStepsPerSecond(modelPath: string, nstep: number): Promise<number | null> {
  const found = await new Deno.Command("bash", { args: ["-c", "command -v mujoco-testspeed"] })
    .output().then((o) => o.success, () => false);
  if (!found) return null;
  const one = await testspeedCpuSeconds(modelPath, nstep);
  const two = await testspeedCpuSeconds(modelPath, 2 * nstep);
  if (one === null || two === null || two <= one) return null;
  return nstep / (two - one);
}

/**
 * WASM mj_step per CPU-second on `mujoco-testspeed`'s workload: a fresh MjData (qpos0, at rest),
 * then 2 × `nstep` steps with pseudo-random controls of CTRL_NOISE × the half range around each
 * range's centre; the second half is timed (the same steps the native difference measures).
 */
function wasmTestspeed(mj: MainModule, model: MjModel, nstep: number): number {
  const sim = new Sim(mj, model);
  try {
    const range = model.actuator_ctrlrange as Float64Array;
    const rng = new Rng(0);
    const ctrl = new Float64Array(sim.nu);
    let t0 = 0;
    for (let i = 0; i < 2 * nstep; i++) {
      if (i === nstep) t0 = cpuSeconds();
      for (let j = 0; j < sim.nu; j++) {
        const center = (range[2 * j] + range[2 * j + 1]) / 2;
        const radius = (range[2 * j + 1] - range[2 * j]) / 2;
        ctrl[j] = center + radius * CTRL_NOISE * (2 * rng.uniform() - 1);
      }
      sim.v.ctrl.set(ctrl);
      mj.mj_step(model, sim.data);
    }
    return nstep / (cpuSeconds() - t0);
  } finally {
    sim.close();
  }
}

/** Runs the physics benchmark and returns the table as text. */
export async function benchPhysics(): Promise<string> {
  const mj = await loadMujoco();
  const lines = [
    `physics throughput, MuJoCo ${mj.mj_versionString()} WASM (single-threaded), Deno ${Deno.version.deno}; per CPU-second of this process, medians of ${CHUNKS} chunks of ~${CHUNK_MS} ms`,
    "",
    "| task | frame_skip | env steps/s (1 env) | env steps/s (vec 8) | raw mj_step loop, env steps/s | wrapper overhead | mj_step/s WASM (testspeed workload) | mj_step/s native (mujoco-testspeed) | WASM/native |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  // Global warm-up: every model once, so the shared engine code is optimised before timing.
  for (const name of listEnvs()) {
    const env = await makeEnv(name, { seed: 0 });
    warm([singleEnvStepper(env)], 200);
    env.close();
  }
  for (const name of listEnvs()) {
    const spec = taskSpec(name);
    // Throughput as a trainer sees it: default options, resets included.
    const single = await makeEnv(name, { seed: 0 });
    const vec = await makeVecEnv(name, { count: 8, seed: 0 });
    vec.reset();
    const batch = new Float32Array(8 * vec.actionSize);
    const row = new Float32Array(vec.actionSize);
    let vt = 0;
    const vecStep = () => {
      actionAt(vt++, vec.actionLow, vec.actionHigh, row);
      for (let i = 0; i < 8; i++) batch.set(row, i * row.length);
      vec.step(batch);
    };
    const [singleRate, vecRate] = rates([singleEnvStepper(single), vecStep]);
    single.close();
    vec.close();

    // Overhead: identical trajectories through the wrapper and through a bare mj_step loop.
    const env = await makeEnv(name, {
      seed: 0,
      maxEpisodeSteps: 1e9,
      ...noTerminationOptions(name),
    });
    env.reset();
    const model = await compileModel(spec.modelFile, await readBundledModel(spec.modelFile));
    const sim = new Sim(mj, model);
    const s0 = env.state();
    sim.v.qpos.set(s0.qpos);
    sim.v.qvel.set(s0.qvel);
    sim.forward();
    const a = new Float32Array(env.actionSize), b = new Float32Array(env.actionSize);
    let te = 0, tr = 0;
    const frameSkip = env.frameSkip;
    const data = sim.data;
    const wrapped = () => void env.step(actionAt(te++, env.actionLow, env.actionHigh, a));
    const raw = () => {
      sim.v.ctrl.set(actionAt(tr++, env.actionLow, env.actionHigh, b));
      for (let k = 0; k < frameSkip; k++) mj.mj_step(model, data);
    };
    // Paired chunks run back to back, so their ratio cancels most of the machine's load drift.
    const [wrappedSamples, rawSamples] = samples([wrapped, raw]);
    const rawRate = median(rawSamples);
    const overhead = median(rawSamples.map((r, i) => r / wrappedSamples[i])) - 1;
    env.close();
    sim.close();

    const path = new URL(`../physics/models/${spec.modelFile}`, import.meta.url);
    // Same workload natively and in WASM, about half a second of stepping each.
    const nstep = Math.max(1000, Math.min(20000, Math.round(rawRate * frameSkip / 2)));
    wasmTestspeed(mj, model, Math.min(nstep, 2000)); // warm-up
    const mjStepRate = wasmTestspeed(mj, model, nstep);
    const native = path.protocol === "file:"
      ? await nativeStepsPerSecond(path.pathname, nstep)
      : null;
    lines.push(
      `| ${name} | ${frameSkip} | ${fmt(singleRate)} | ${fmt(vecRate * 8)} | ${fmt(rawRate)} | ${
        pct(overhead)
      } | ${fmt(mjStepRate)} | ${native === null ? "n/a" : fmt(native)} | ${
        native === null ? "n/a" : (mjStepRate / native).toFixed(2)
      } |`,
    );
  }
  lines.push(
    "",
    "wrapper overhead = median over paired chunks of (raw loop rate / wrapped rate) − 1, on the same",
    "trajectory (same start state and actions, no early termination); the wrapper adds",
    "action validation, mj_rnePostConstraint (Ant, Humanoid), observation, reward, termination and",
    "the float32 copy.",
    "testspeed workload: from rest, pseudo-random controls of 1% of the range, one thread; native is",
    "Debian's `mujoco-testspeed` (libmujoco-samples, whatever MuJoCo version it ships) on the same",
    "model file with the same step count; n/a when it is not installed.",
    `native package: ${await nativeVersion()}`,
  );
  return lines.join("\n");
}

function fmt(x: number): string {
  return x >= 1e4 ? `${(x / 1000).toFixed(1)}k` : x.toFixed(0);
}

function pct(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}

if (import.meta.main) console.log(await benchPhysics());
