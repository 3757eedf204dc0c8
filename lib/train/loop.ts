/**
 * The training loop: P seeds of one algorithm on one task as one population (docs/design.md §6),
 * stepped together as one vectorised environment (physics/vec_env.ts), Spinning Up's schedule
 * (uniform random actions for `startSteps`, no updates before `updateAfter`, then every
 * `updateEvery` steps a block of `updateEvery` updates), deterministic evaluations,
 * checkpoints, rollouts and metrics in the run store.
 *
 * Time-limit truncation does not set `done` (the replay keeps bootstrapping through it);
 * only a true termination does. With the replay buffer saved (`checkpointReplay`) a resumed run
 * reproduces the uninterrupted one bit for bit (lib/train/session.ts says how).
 *
 * The environment is a task of physics/ by name (with `envOptions`) or one the user wrote
 * (lib/train/env_source.ts). Callbacks (`onEval`, `onEpisode`, `onCheckpoint`) see the run as it
 * goes; one that returns `false` stops it early, as a Stable-Baselines3 callback's `_on_step`
 * does: a checkpoint is written and the run is marked finished with `stoppedEarly`.
 * Evaluation: lib/train/evaluate.ts; metrics rows: lib/train/metrics.ts.
 * @module
 */
import { ValidationError } from "../errors.ts";
import { writeFileAtomic } from "../atomic.ts";
import { VERSIONS } from "../deps.ts";
import { gitCommit } from "../provenance.ts";
import { updatesPerBlock } from "../config.ts";
import { envSource } from "./env_source.ts";
import { encodeEnvOptions, resolveTrainConfig, storedFields, type TrainInput } from "./config.ts";
import {
  adoptCheckpoint,
  cleanCheckpoints,
  findRunCheckpoint,
  REPLAY_CAP_BYTES,
} from "./checkpoint.ts";
import {
  checkRunId,
  type MetricRow,
  newRunId,
  type RunConfig,
  type RunState,
  type RunStatus,
  RunWriter,
} from "../store/run_store.ts";
import { acquireRunLock } from "../store/run_lock.ts";
import { Session } from "./session.ts";
import { episodeRow, round, UpdateRows } from "./metrics.ts";
import { FileError, readJsonFile } from "./files.ts";
import { type AdapterInfo, softwareAdapterNotice, webgpuAdapterInfo } from "./adapter.ts";
import {
  checkOptions,
  RESUME_OPTIONS,
  type ResumeOptions,
  TRAIN_OPTIONS,
  type TrainOptions,
  type TrainResult,
} from "./options.ts";

export type {
  CallbackResult,
  CheckpointInfo,
  EpisodeInfo,
  EvalInfo,
  ResumeOptions,
  StopCallback,
  TrainOptions,
  TrainProgress,
  TrainResult,
} from "./options.ts";

/**
 * Trains one run (one env, one algorithm, the config's seeds as one population) and writes it to
 * `<config.out>/<id>/`. The config and options are validated completely before anything is
 * written.
 *
 * `input.env` is a task name (with `input.envOptions`, the task's options) or an environment the
 * user wrote: an `EnvLike` object (a single-seed run; it serves training and evaluation, and the
 * training episode in progress is replayed after each evaluation) or a factory
 * `(options) => EnvLike` called for every environment the run needs. config.json records the
 * environment's `name` (or `"custom"`) and `customEnv: true`; resuming such a run needs the
 * environment passed again (`resumeRun(dir, { env })`). No rollouts are recorded for it (the
 * viewer replays MuJoCo models).
 *
 * @example
 * ```ts
 * import { train } from "./loop.ts";
 * const out = await Deno.makeTempDir();
 * const summary = await train(
 *   { env: "HalfCheetah", envOptions: { ctrlCostWeight: 0.05 }, algo: "td3", steps: 300, startSteps: 100, updateAfter: 100, out },
 *   { onEval: ({ mean }) => mean < 1000 }, // false (a mean of 1000 or more) stops the run
 * );
 * console.log(summary.status, summary.dir, summary.bestEval, summary.stoppedEarly); // "finished" …
 * ```
 */
export async function train(input: TrainInput, options: TrainOptions = {}): Promise<TrainResult> {
  checkOptions(options, TRAIN_OPTIONS);
  const envInput = (input as TrainInput | undefined)?.env;
  const custom = envInput !== undefined && typeof envInput !== "string";
  const config = custom
    ? resolveTrainConfig({ ...input, env: undefined }, "custom")
    : resolveTrainConfig(input);
  const source = await envSource(
    custom ? envInput : config.env,
    config.envOptions,
    config.seeds.length,
    config.seeds[0],
  );
  // everything that can fail on a bad config happens before the run directory exists
  let session: Session;
  let id: string;
  try {
    config.env = source.name;
    id = checkRunId(options.id ?? config.name ?? newRunId(config.env, config.algo));
    session = await Session.create(config, undefined, source);
  } catch (error) {
    source.dispose();
    throw error;
  }
  try {
    const stored = storedFields(config);
    if (config.envOptions) stored.envOptions = encodeEnvOptions(config.envOptions);
    const runConfig: RunConfig = {
      id,
      ...stored,
      ...(source.custom ? { customEnv: true } : {}),
      createdAt: new Date().toISOString(),
      versions: { deno: Deno.version.deno, tfjs: VERSIONS.tfjs, mujoco: VERSIONS.mujoco },
      runtime: session.runtime,
    } as RunConfig;
    const git = await gitCommit();
    if (git) runConfig.git = git;
    const adapter = await checkAdapter(session, options.log);
    if (adapter) (runConfig.runtime as Record<string, unknown>).adapter = adapter;
    const writer = await RunWriter.create(config.out, runConfig, session.status("running"));
    return await runSession(session, writer, id, options);
  } finally {
    session.dispose();
    source.dispose();
  }
}

/**
 * Continues the run in `dir` from its last checkpoint (or from the start if it has none), with
 * the agent, optimizer, RNG and (if saved) replay state restored. `steps` extends the budget;
 * `backend` and `threads` change only where and how fast it runs.
 *
 * The run's lock is taken first (lib/store/run_lock.ts): a run another live process writes is
 * refused with a `RunLockedError` naming it; a lock left by a killed process of this host is
 * taken over with a notice. `steps` below the steps already done is a `ValidationError`, and so
 * is a missing `env` for a run trained on a user's environment.
 */
export async function resumeRun(
  dir: string,
  options: ResumeOptions = {},
): Promise<TrainResult> {
  checkOptions(options, RESUME_OPTIONS);
  dir = dir.replace(/\/+$/, "");
  const id = checkRunId(dir.split("/").pop());
  const stored = await readJsonFile(`${dir}/config.json`) as RunConfig;
  if (stored === null || typeof stored !== "object" || Array.isArray(stored)) {
    throw new FileError(`${dir}/config.json`, "not a run's config (a JSON object of fields)");
  }
  const {
    id: _id,
    createdAt: _c,
    versions: _v,
    git: _g,
    runtime: _r,
    customEnv,
    env: storedEnv,
    ...fields
  } = stored;
  const out = dir.split("/").slice(0, -1).join("/") || ".";
  if (customEnv && options.env === undefined) {
    throw new ValidationError(
      "env",
      undefined,
      `the environment run ${id} trained on ("${storedEnv}"), passed again: resumeRun(dir, { env }). It was a user's environment, which a run store cannot hold`,
    );
  }
  if (!customEnv && options.env !== undefined) {
    throw new ValidationError(
      "env",
      typeof options.env === "function" ? "a function" : options.env,
      `nothing: run ${id} trains on the task "${storedEnv}" named in its config.json`,
    );
  }
  const config = resolveTrainConfig(
    {
      ...fields,
      ...(customEnv ? {} : { env: storedEnv }),
      out,
      ...(options.steps !== undefined ? { steps: options.steps } : {}),
      ...(options.backend !== undefined ? { backend: options.backend } : {}),
      ...(options.threads !== undefined ? { threads: options.threads } : {}),
    } as TrainInput,
    customEnv ? String(storedEnv) : undefined,
  );
  // the lock before anything of the run is read for resuming or changed
  const lock = await acquireRunLock(dir, { force: options.forceUnlock, log: options.log });
  try {
    await checkNotRunning(dir);
    const checkpointsDir = `${dir}/checkpoints`;
    // the newest good checkpoint: a damaged one is skipped with a notice (lib/train/checkpoint.ts)
    const found = await findRunCheckpoint(dir, "last", { log: options.log });
    const last = found?.dir;
    const done = found?.state.stepsDone ?? 0;
    if (options.steps !== undefined && options.steps < done) {
      // a smaller budget would end the loop at once and call the run finished past 100%
      throw new ValidationError(
        "steps",
        options.steps,
        `an integer >= ${done}, the steps its last checkpoint has done (a resume cannot undo steps)`,
      );
    }
    if (found && !found.state.replay.saved && found.state.replay.size > 0) {
      const why = config.checkpointReplay === false
        ? "checkpointReplay is false in its config.json"
        : `the buffer is over the ${
          REPLAY_CAP_BYTES / 2 ** 20
        } MiB that checkpoints hold by default`;
      (options.log ?? console.error)(
        `notice: run ${id} resumes from step ${done} without its replay buffer (${why}), so the continuation is not exact: the buffer starts empty and refills from step ${done}`,
      );
    }
    const source = await envSource(
      customEnv ? options.env : config.env,
      config.envOptions,
      config.seeds.length,
      config.seeds[0],
    );
    if (source.name !== config.env) {
      source.dispose();
      throw new ValidationError(
        "env",
        source.name,
        `the environment run ${id} trained on, named "${config.env}"`,
      );
    }
    let session: Session;
    try {
      session = await Session.create(config, last, source);
    } catch (error) {
      source.dispose();
      throw error;
    }
    try {
      await cleanCheckpoints(checkpointsDir, last);
      // a fallback (last.old-* of an interrupted write, or last.prev) becomes last again
      if (last) await adoptCheckpoint(checkpointsDir, "last", last);
      await checkAdapter(session, options.log);
      const writer = await RunWriter.open(dir, session.stepsDone, { lock });
      if (options.steps !== undefined && options.steps !== stored.steps) {
        await writeFileAtomic(
          `${dir}/config.json`,
          JSON.stringify({ ...stored, steps: config.steps }, null, 2) + "\n",
        );
      }
      return await runSession(session, writer, id, options);
    } finally {
      session.dispose();
      source.dispose();
    }
  } finally {
    lock.release();
  }
}

/**
 * Refuses to resume a run whose status says a live process is still training it (Linux), for runs
 * written before run locks: a status that names its host comes from a writer that held the lock.
 */
async function checkNotRunning(dir: string): Promise<void> {
  let status: RunStatus;
  try {
    status = JSON.parse(await Deno.readTextFile(`${dir}/status.json`));
  } catch {
    return;
  }
  if (status.host !== undefined) return;
  if (status.status !== "running" || !status.pid || status.pid === Deno.pid) return;
  let cmdline: string;
  try {
    cmdline = await Deno.readTextFile(`/proc/${status.pid}/cmdline`);
  } catch {
    return; // no such process (or no /proc here)
  }
  if (/deno/.test(cmdline)) {
    throw new Error(
      `${dir} is still being trained by process ${status.pid}; stop it first (Ctrl-C writes a checkpoint)`,
    );
  }
}

/**
 * The WebGPU adapter of a run whose updates run on WebGPU (null otherwise); a software adapter
 * gets a notice.
 */
async function checkAdapter(
  session: Session,
  log: (line: string) => void = console.error,
): Promise<AdapterInfo | null> {
  if (session.runtime.backend !== "webgpu") return null;
  const adapter = await webgpuAdapterInfo();
  if (adapter?.software) log(softwareAdapterNotice(adapter));
  return adapter;
}

/** Runs `session` to the end of its budget (or until aborted); returns the summary. */
async function runSession(
  session: Session,
  writer: RunWriter,
  id: string,
  options: TrainOptions,
): Promise<TrainResult> {
  session.begin(writer, id, options);
  const { config, P, O, A, vec } = session;
  let state: RunState = "running";
  try {
    await writer.writeStatus(session.status("running"));
    session.progress(true);
    if (session.stepsDone === 0) {
      await session.evaluate();
      await session.record("step-000000");
    }
    const rows = session.rows = new UpdateRows(
      config,
      session.lastUpdateRowStep,
      session.stepsDone,
    );
    const next = new Float32Array(P * O);
    const actions = new Float32Array(P * A);
    while (session.stepsDone < config.steps) {
      if (options.signal?.aborted) {
        state = "interrupted";
        break;
      }
      if (session.stopBy) break;
      // act
      const random = session.stepsDone < config.startSteps;
      session.phase = random ? "random" : "learning";
      if (random) {
        const low = vec.actionLow, high = vec.actionHigh;
        for (let p = 0; p < P; p++) {
          for (let j = 0; j < A; j++) {
            actions[p * A + j] = low[j] + (high[j] - low[j]) * session.envRng[p].uniform();
          }
        }
      } else {
        actions.set(session.agent.act(session.obs, { explore: true }));
      }
      // step every member; a finished episode restarts in the same call (a seed from its stream)
      for (let p = 0; p < P; p++) {
        const taken = session.current[p].actions;
        for (let j = 0; j < A; j++) taken.push(actions[p * A + j]);
      }
      const r = vec.step(actions);
      next.set(r.observations);
      const finished: number[] = [];
      for (let p = 0; p < P; p++) {
        if (!r.terminated[p] && !r.truncated[p]) continue;
        // the transition ends in the episode's last observation, not the next one's first
        next.set(r.infos[p].final_observation as Float32Array, p * O);
        finished.push(p);
      }
      // truncation is not a termination: `done` is `terminated` alone
      session.replay.add(session.obs, actions, r.rewards, next, r.terminated);
      session.obs.set(r.observations);
      session.stepsDone++;
      const s = session.stepsDone;
      const metrics: MetricRow[] = [];
      for (const p of finished) {
        session.episodesDone[p]++;
        const episode = r.infos[p].episode as { return: number; length: number };
        metrics.push(episodeRow(config, p, s, episode, session.wallTime));
      }
      // a block of updates
      if (
        s >= config.updateAfter && s % config.updateEvery === 0 &&
        session.replay.size >= Math.min(config.batchSize, config.updateAfter || 1)
      ) {
        // one block (on WebGPU: one submission and one readback)
        rows.add(
          await session.agent.updateBlock(
            session.replay,
            session.replayRng,
            updatesPerBlock(config),
            config.batchSize,
          ),
        );
        session.progress();
      }
      metrics.push(...rows.due(s, session.wallTime));
      await writer.append(metrics);
      // evaluation, rollouts, checkpoints and callbacks (their time is left out of stepsPerSecond)
      const pauseStart = performance.now();
      if (options.onEpisode) {
        for (const row of metrics) {
          if (row.type !== "episode") continue;
          const info = { id, dir: writer.dir, step: s, row };
          await session.callback("onEpisode", options.onEpisode, info);
        }
      }
      const end = s === config.steps;
      if ((config.evalEvery > 0 && s % config.evalEvery === 0) || end) await session.evaluate();
      if (config.recordEvery > 0 && s % config.recordEvery === 0) {
        await session.record(`step-${String(s).padStart(6, "0")}`);
      }
      if ((config.checkpointEvery > 0 && s % config.checkpointEvery === 0) || end) {
        await session.checkpoint();
      }
      rows.pause(performance.now() - pauseStart);
      if (performance.now() - session.lastStatus > 2000) {
        session.lastStatus = performance.now();
        await writer.writeStatus(session.status("running"));
      }
      session.progress();
    }
    if (state === "interrupted") await session.checkpoint();
    else {
      if (session.stopBy && session.stepsDone < config.steps) {
        await session.checkpoint();
        session.stoppedEarly = true;
      }
      state = "finished";
    }
    session.phase = "done";
    await writer.writeStatus(session.status(state));
    session.progress(true);
  } catch (error) {
    state = "failed";
    await writer.writeStatus(session.status("failed", String((error as Error)?.stack ?? error)))
      .catch(() => {});
    throw error;
  } finally {
    writer.close();
  }
  return {
    id,
    dir: writer.dir,
    env: config.env,
    algo: config.algo,
    seeds: config.seeds,
    stepsDone: session.stepsDone,
    stepsTotal: config.steps,
    status: state,
    ...(session.stoppedEarly ? { stoppedEarly: true, stoppedBy: session.stopBy! } : {}),
    bestEval: session.bestEval,
    wallTime: round(session.wallTime, 3),
    lastEval: [...session.lastEval],
  };
}
