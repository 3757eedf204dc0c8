/**
 * Rollout recording for replay in the web UI: the joint positions (qpos) at a fixed render
 * rate, with the simulation time and the reward earned since the previous frame. With the
 * model file (named in the rollout) a viewer sets `qpos`, runs `mj_kinematics` and draws, so
 * the replay is exact.
 *
 * ## JSON encoding (`encodeRollout` / `decodeRollout`), format "stackrl-rollout/1"
 *
 * ```json
 * {
 *   "format": "stackrl-rollout/1",
 *   "env": "Hopper",              // task name (listEnvs)
 *   "model": "hopper.xml",        // MJCF file, in physics/models/ unless the env used xmlFile
 *   "mujoco": "3.14.0",
 *   "nq": 6,                      // qpos length per frame
 *   "fps": 30,                    // nominal render rate
 *   "dt": 0.008,                  // seconds per env step
 *   "episodes": [{
 *     "frames": 34,               // F
 *     "time": [0, 0.04, …],       // F simulation times (s); frame 0 is the reset state
 *     "qpos": [ …F × nq… ],       // row-major, one row per frame
 *     "reward": [0, 1.02, …],     // F: sum of step rewards since the previous frame (0 at frame 0)
 *     "return": 31.7, "length": 125, "terminated": true
 *   }]
 * }
 * ```
 * Numbers are written with full float64 precision; `reward` sums to `return`.
 * @module
 */
import { checkKnownKeys, checkNumber, ValidationError } from "../lib/errors.ts";
import { MUJOCO_VERSION } from "./deps.ts";
import type { Env } from "./types.ts";

/** One recorded episode. */
export interface RolloutEpisode {
  /** Number of frames F. */
  frames: number;
  /** F simulation times, in seconds (frame 0 is the reset state). */
  time: Float64Array;
  /** F × nq joint positions, row-major. */
  qpos: Float64Array;
  /** F rewards: the sum of step rewards since the previous frame (0 for frame 0). */
  reward: Float64Array;
  /** Sum of all step rewards. */
  return: number;
  /** Number of env steps. */
  length: number;
  /** Whether the episode terminated (rather than hitting the step limit). */
  terminated: boolean;
}

/** A recorded rollout: enough to replay it exactly with the named model. */
export interface Rollout {
  /** Always "stackrl-rollout/1". */
  format: "stackrl-rollout/1";
  /** Task name. */
  env: string;
  /** MJCF model file (ours, in physics/models/, unless the env was made with `xmlFile`). */
  model: string;
  /** MuJoCo version that produced it. */
  mujoco: string;
  /** qpos length per frame. */
  nq: number;
  /** Nominal frames per second. */
  fps: number;
  /** Seconds of simulated time per env step. */
  dt: number;
  /** The episodes, in order. */
  episodes: RolloutEpisode[];
}

/** A policy maps an observation to an action (synchronously or not). */
export type Policy = (observation: Float32Array) => Float32Array | Promise<Float32Array>;

/** Options of {@link recordRollout}. */
export interface RolloutOptions {
  /** Number of episodes (default 1). */
  episodes?: number;
  /** Render rate in frames per second (default 30, at most 1000). */
  fps?: number;
  /** Seed for the first reset (later episodes continue the env's noise stream). */
  seed?: number;
}

/**
 * Runs `policy` in `env` for whole episodes and records qpos frames at `fps`. A frame is the
 * env state at the first env step whose time reaches the frame's nominal time k/fps, so if
 * `fps` exceeds the env's step rate (1/dt) consecutive frames may repeat a state; the last
 * state of each episode is always recorded as a final frame.
 *
 * @param env An env from `makeEnv` (it is reset; it is not closed).
 * @param policy Observation → action.
 * @param options `episodes`, `fps`, `seed`.
 * @returns The rollout; see {@link encodeRollout} for its JSON form.
 * @example
 * ```ts
 * import { makeEnv, recordRollout } from "./mod.ts";
 * const env = await makeEnv("InvertedPendulum", { seed: 0 });
 * const rollout = await recordRollout(env, () => new Float32Array(1), { episodes: 1, fps: 25 });
 * console.log(rollout.episodes[0].frames, rollout.nq); // a few frames, 2
 * env.close();
 * ```
 */
export async function recordRollout(
  env: Env,
  policy: Policy,
  options: RolloutOptions = {},
): Promise<Rollout> {
  checkKnownKeys("recordRollout", options as Record<string, unknown>, ["episodes", "fps", "seed"]);
  if (typeof policy !== "function") {
    throw new ValidationError("policy", policy, "a function from observation to action");
  }
  const episodes = checkNumber("episodes", options.episodes ?? 1, {
    min: 1,
    max: 10000,
    integer: true,
  });
  const fps = checkNumber("fps", options.fps ?? 30, { min: 0, max: 1000, exclusiveMin: true });
  const out: Rollout = {
    format: "stackrl-rollout/1",
    env: env.name,
    model: env.modelFile,
    mujoco: MUJOCO_VERSION,
    nq: env.state().qpos.length,
    fps,
    dt: env.dt,
    episodes: [],
  };
  for (let e = 0; e < episodes; e++) {
    let { observation } = env.reset(
      e === 0 && options.seed !== undefined ? { seed: options.seed } : {},
    );
    const times: number[] = [];
    const qpos: number[] = [];
    const rewards: number[] = [];
    const start = env.state();
    const t0 = start.time;
    const push = (time: number, q: Float64Array, reward: number) => {
      times.push(time - t0);
      for (const x of q) qpos.push(x);
      rewards.push(reward);
    };
    push(start.time, start.qpos, 0);
    let nextFrame = 1;
    let pending = 0, total = 0, length = 0, terminated = false, done = false;
    while (!done) {
      const action = await policy(observation);
      const r = env.step(action);
      observation = r.observation;
      pending += r.reward;
      total += r.reward;
      length++;
      terminated = r.terminated;
      done = r.terminated || r.truncated;
      const s = env.state();
      const elapsed = s.time - t0;
      // Tolerance keeps frames on the grid despite round-off in the accumulated time.
      while (nextFrame / fps <= elapsed + 1e-9) {
        push(s.time, s.qpos, pending);
        pending = 0;
        nextFrame++;
      }
      if (done && (pending !== 0 || times[times.length - 1] !== elapsed)) {
        push(s.time, s.qpos, pending);
        pending = 0;
      }
    }
    out.episodes.push({
      frames: times.length,
      time: Float64Array.from(times),
      qpos: Float64Array.from(qpos),
      reward: Float64Array.from(rewards),
      return: total,
      length,
      terminated,
    });
  }
  return out;
}

/** Encodes a rollout as JSON text (format "stackrl-rollout/1", documented in this module). */
export function encodeRollout(rollout: Rollout): string {
  return JSON.stringify({
    ...rollout,
    episodes: rollout.episodes.map((e) => ({
      frames: e.frames,
      time: Array.from(e.time),
      qpos: Array.from(e.qpos),
      reward: Array.from(e.reward),
      return: e.return,
      length: e.length,
      terminated: e.terminated,
    })),
  });
}

/** Decodes {@link encodeRollout}'s JSON, checking the format and array lengths. */
export function decodeRollout(text: string): Rollout {
  const raw = JSON.parse(text);
  if (raw?.format !== "stackrl-rollout/1") {
    throw new ValidationError("rollout.format", raw?.format, '"stackrl-rollout/1"');
  }
  const nq = checkNumber("rollout.nq", raw.nq, { min: 1, integer: true });
  if (!Array.isArray(raw.episodes)) {
    throw new ValidationError("rollout.episodes", raw.episodes, "an array");
  }
  const episodes = raw.episodes.map((e: Record<string, unknown>, i: number) => {
    const frames = checkNumber(`rollout.episodes[${i}].frames`, e.frames, {
      min: 0,
      integer: true,
    });
    const arr = (key: string, length: number) => {
      const value = e[key];
      if (!Array.isArray(value) || value.length !== length) {
        throw new ValidationError(
          `rollout.episodes[${i}].${key}`,
          value,
          `an array of ${length} numbers`,
        );
      }
      return Float64Array.from(value as number[]);
    };
    return {
      frames,
      time: arr("time", frames),
      qpos: arr("qpos", frames * nq),
      reward: arr("reward", frames),
      return: Number(e.return),
      length: Number(e.length),
      terminated: Boolean(e.terminated),
    };
  });
  return { ...raw, nq, episodes } as Rollout;
}
