/**
 * A worker thread of a split vectorised environment (physics/parallel_vec_env.ts): it loads its
 * own MuJoCo WebAssembly module, makes its share of the instances and then serves commands
 * through shared memory (an `Atomics.wait` loop, so the calling thread's `step` stays
 * synchronous). Layout and commands: {@link VecShare} in physics/vec_share.ts.
 * @module
 */
/// <reference lib="deno.worker" />
import { serialize } from "node:v8";
import { makeEnv } from "./registry.ts";
import type { Env, EnvOptions, Info } from "./types.ts";
import { CMD, CTRL, type ShareBuffers, spinWhile, VecShare } from "./vec_share.ts";

self.onmessage = async (event: MessageEvent) => {
  const { task, options, seeds, buffers, spinMs } = event.data as {
    task: string;
    options: EnvOptions;
    seeds: number[];
    buffers: ShareBuffers;
    spinMs: number;
  };
  const envs: Env[] = [];
  try {
    for (const seed of seeds) envs.push(await makeEnv(task, { ...options, seed }));
  } catch (error) {
    for (const env of envs) env.close();
    self.postMessage({ error: error instanceof Error ? error.message : String(error) });
    return;
  }
  self.postMessage({ ready: true });
  // from here on only shared memory: the event loop is blocked until CLOSE
  serve(new VecShare(buffers), envs, spinMs);
  for (const env of envs) env.close();
  self.close();
};

/** Answers commands until CLOSE. */
function serve(sh: VecShare, envs: Env[], spinMs: number): void {
  const replay = { return: 0, length: 0, ended: false };
  let seen = 0;
  for (;;) {
    // the next step's command usually follows soon: poll a little before sleeping
    spinWhile(sh.ctrl, CTRL.seq, seen, spinMs);
    Atomics.wait(sh.ctrl, CTRL.seq, seen);
    seen = Atomics.load(sh.ctrl, CTRL.seq);
    const cmd = sh.ctrl[CTRL.cmd];
    if (cmd === CMD.close) break;
    const t0 = performance.now();
    sh.ctrl[CTRL.status] = 0;
    try {
      const infos = run(sh, envs, cmd, replay);
      writeBytes(sh, serialize(infos));
    } catch (error) {
      sh.ctrl[CTRL.status] = 1;
      writeBytes(sh, serialize(error instanceof Error ? error.message : String(error)));
    }
    sh.busy[0] += performance.now() - t0;
    Atomics.store(sh.ctrl, CTRL.done, seen);
    Atomics.notify(sh.ctrl, CTRL.done);
  }
}

function writeBytes(sh: VecShare, bytes: Uint8Array): void {
  if (bytes.length > sh.bytes.length) {
    bytes = serialize(
      `the infos of one step take ${bytes.length} bytes, more than ${sh.bytes.length}`,
    );
    sh.ctrl[CTRL.status] = 1;
  }
  sh.bytes.set(bytes);
  sh.ctrl[CTRL.bytes] = bytes.length;
}

const seedOf = (x: number) => (Number.isNaN(x) ? {} : { seed: x });

/** One command on this share; returns what goes back in the info bytes. */
function run(
  sh: VecShare,
  envs: Env[],
  cmd: number,
  replay: { return: number; length: number; ended: boolean },
): unknown {
  const n = envs.length, O = sh.O, A = sh.A;
  if (cmd === CMD.reset) {
    return envs.map((env, j) => {
      const r = env.reset(seedOf(sh.seeds[j]));
      sh.obs.set(r.observation, j * O);
      return r.info ?? {};
    });
  }
  if (cmd === CMD.step) {
    // auto: finished instances reset now with their own seed sequence (no seeds from the caller)
    const auto = sh.ctrl[CTRL.arg] === 1;
    const infos: { s: Info; r?: Info }[] = [];
    for (let j = 0; j < n; j++) {
      const r = envs[j].step(sh.actions.subarray(j * A, (j + 1) * A));
      sh.rewards[j] = r.reward;
      sh.terminated[j] = r.terminated ? 1 : 0;
      sh.truncated[j] = r.truncated ? 1 : 0;
      if ((r.terminated || r.truncated) && auto) {
        sh.finals.set(r.observation, j * O);
        const next = envs[j].reset({});
        sh.obs.set(next.observation, j * O);
        infos.push({ s: r.info ?? {}, r: next.info ?? {} });
      } else {
        // a finished instance waits for RESET_SOME; its row is the episode's last observation
        sh.obs.set(r.observation, j * O);
        infos.push({ s: r.info ?? {} });
      }
    }
    return infos;
  }
  if (cmd === CMD.resetSome) {
    return envs.map((env, j) => {
      if (!sh.mask[j]) return null;
      const r = env.reset(seedOf(sh.seeds[j]));
      sh.obs.set(r.observation, j * O);
      return r.info ?? {};
    });
  }
  if (cmd === CMD.replay) {
    // arg: the instance; seeds[0]: its reset seed; count: actions in this chunk; begin: reset first
    const j = sh.ctrl[CTRL.arg], env = envs[j];
    if (sh.ctrl[CTRL.begin] === 1) {
      sh.obs.set(env.reset(seedOf(sh.seeds[0])).observation, j * O);
      replay.return = 0;
      replay.length = 0;
      replay.ended = false;
    }
    const k = sh.ctrl[CTRL.count];
    let steps = 0;
    while (!replay.ended && steps < k) {
      const r = env.step(sh.actions.subarray(steps * A, (steps + 1) * A));
      replay.return += r.reward;
      replay.length++;
      steps++;
      sh.obs.set(r.observation, j * O);
      replay.ended = r.terminated || r.truncated;
    }
    sh.ctrl[CTRL.count] = steps;
    sh.ctrl[CTRL.begin] = replay.ended ? 1 : 0;
    sh.rewards[0] = replay.return;
    return null;
  }
  throw new Error(`unknown command ${cmd}`);
}
