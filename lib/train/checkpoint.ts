/**
 * Training checkpoints: `runs/<id>/checkpoints/{last,best}/`, each a checked checkpoint
 * (lib/store/checked_checkpoint.ts: `manifest.json` with every file's size and SHA-256), holding
 * the agent (`agent.json`, `tensors.bin` as `agent.save` writes them), `trainer.json`
 * ({@link TrainerState}) and, in `last`, `replay.bin` when the replay buffer is saved
 * ({@link savesReplay}: by default when it fits {@link REPLAY_CAP_BYTES}).
 *
 * `last` keeps the one before it as `last.prev`; `best` keeps none (it is only exported, and a
 * second copy would double its disk use). Resume and export find the newest good one with
 * {@link findRunCheckpoint}: a damaged one (overwritten bytes, truncated, missing) is skipped
 * with a notice naming the file, the previous one is used; `<name>.old-*` (a write interrupted
 * between its renames) is read after `<name>`, and `<name>.tmp-*` never.
 * @module
 */
import type { Agent } from "../agent.ts";
import type { ReplayBuffer } from "../replay.ts";
import {
  type CheckpointCorruptError,
  findGoodCheckpoint,
  writeCheckedCheckpoint,
} from "../store/checked_checkpoint.ts";
import { FileError, readingFile } from "./files.ts";

/** The files every training checkpoint holds. */
export const CHECKPOINT_FILES = ["agent.json", "tensors.bin", "trainer.json"] as const;

/**
 * The largest replay buffer saved in a checkpoint by default: 256 MiB (about 1.6 million
 * HalfCheetah transitions). `checkpointReplay: true` saves any size, `false` none.
 */
export const REPLAY_CAP_BYTES = 256 * 2 ** 20;

/** Bytes of `replay.bin` for a full buffer: P × capacity transitions of 2·O + A + 2 floats. */
export function replayBytes(replay: ReplayBuffer): number {
  const { population, capacity, observationSize: O, actionSize: A } = replay;
  return population * capacity * (2 * O + A + 2) * 4;
}

/**
 * Whether checkpoints hold the replay buffer: as `checkpointReplay` says, or when it is not set,
 * when the full buffer fits {@link REPLAY_CAP_BYTES} (decided once per run, from its capacity,
 * so that every checkpoint of a run is alike).
 */
export function savesReplay(checkpointReplay: boolean | undefined, replay: ReplayBuffer): boolean {
  return checkpointReplay ?? replayBytes(replay) <= REPLAY_CAP_BYTES;
}

type RngState = { words: number[]; spare: number | null };

/** The trainer's own state (everything but the agent and the replay buffer). */
export interface TrainerState {
  format: "stackrl-trainer/1";
  /** Environment steps done per member. */
  stepsDone: number;
  /** Wall time in seconds so far (summed across resumes). */
  wallTime: number;
  bestEval: number | null;
  /** Last evaluation mean return per member (null before the first). */
  lastEval: (number | null)[];
  /** Per member: the environment stream (reset seeds, uniform start actions). */
  envRng: RngState[];
  /** Per member: the replay-sampling stream. */
  replayRng: RngState[];
  /** Per member: finished training episodes so far. */
  episodes: number[];
  /** Per member: the episode in progress (replayed from its reset seed on resume). */
  current: { resetSeed: number; actions: number[]; return: number; length: number }[];
  /** The replay buffer: saved in `replay.bin` or not; its ring position and size. */
  replay: { saved: boolean; capacity: number; position: number; size: number };
  /** Step of the last update-diagnostics row. */
  lastUpdateRowStep: number;
}

const REPLAY_FIELDS = ["observations", "actions", "rewards", "nextObservations", "dones"] as const;

/** Serialises the used part of each member's ring (the first `size` slots). */
export function replayToBytes(replay: ReplayBuffer): Uint8Array {
  const arrays = replay.arrays();
  const { population: P, capacity: C, size } = replay;
  const widths = [replay.observationSize, replay.actionSize, 1, replay.observationSize, 1];
  const total = widths.reduce((a, w) => a + P * size * w, 0);
  const out = new Float32Array(total);
  let offset = 0;
  REPLAY_FIELDS.forEach((name, i) => {
    const w = widths[i];
    for (let p = 0; p < P; p++) {
      out.set(arrays[name].subarray(p * C * w, (p * C + size) * w), offset);
      offset += size * w;
    }
  });
  return new Uint8Array(out.buffer);
}

/** Restores what {@link replayToBytes} wrote into `replay` (whose capacity may be larger). */
export function replayFromBytes(
  replay: ReplayBuffer,
  bytes: Uint8Array,
  saved: { position: number; size: number; capacity: number },
): void {
  const data = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  const arrays = replay.arrays();
  const { population: P, capacity: C } = replay;
  const size = saved.size;
  if (size > C) throw new Error(`replay.bin holds ${size} transitions, capacity is ${C}`);
  const widths = [replay.observationSize, replay.actionSize, 1, replay.observationSize, 1];
  const expected = widths.reduce((a, w) => a + P * size * w, 0);
  if (data.length !== expected) {
    throw new Error(`replay.bin: ${data.length} floats, expected ${expected}`);
  }
  let offset = 0;
  REPLAY_FIELDS.forEach((name, i) => {
    const w = widths[i];
    for (let p = 0; p < P; p++) {
      arrays[name].set(data.subarray(offset, offset + size * w), p * C * w);
      offset += size * w;
    }
  });
  replay.size = size;
  // a larger buffer (the run was extended): the saved ring never wrapped, so continue linearly
  replay.position = C === saved.capacity ? saved.position : size % C;
}

/**
 * Writes checkpoint `dir` (`…/checkpoints/last` or `…/best`) as a checked checkpoint: the agent,
 * the trainer state and, in `last` when `state.replay.saved`, the replay. `last` keeps its
 * previous one as `last.prev`; `best` holds no replay and keeps no previous one.
 */
export async function writeCheckpoint(
  dir: string,
  agent: Agent,
  state: TrainerState,
  replay?: ReplayBuffer,
): Promise<void> {
  const slash = dir.lastIndexOf("/");
  const parent = slash < 0 ? "." : dir.slice(0, slash), name = dir.slice(slash + 1);
  const last = name !== "best";
  const scratch = `${dir}.agent-${crypto.randomUUID().slice(0, 8)}`;
  try {
    await agent.save(scratch);
    const saved = last && replay !== undefined && state.replay.saved;
    const files: Record<string, Uint8Array | string> = {
      "agent.json": await Deno.readFile(`${scratch}/agent.json`),
      "tensors.bin": await Deno.readFile(`${scratch}/tensors.bin`),
      "trainer.json": JSON.stringify(
        saved ? state : { ...state, replay: { ...state.replay, saved } },
      ),
    };
    if (saved) files["replay.bin"] = replayToBytes(replay);
    await writeCheckedCheckpoint(parent, name, files, { keepPrevious: last });
  } finally {
    await Deno.remove(scratch, { recursive: true }).catch(() => {});
  }
}

/**
 * The directory holding the complete checkpoint `name` under `checkpointsDir`: `name` itself,
 * or the newest `name.old-*` left by a write interrupted between its two renames; undefined
 * when there is none. Checks only that its files exist: resume and export use
 * {@link findRunCheckpoint}, which verifies checksums.
 */
export async function findCheckpoint(
  checkpointsDir: string,
  name: "last" | "best",
): Promise<string | undefined> {
  const complete = async (dir: string) => {
    try {
      await Deno.stat(`${dir}/agent.json`);
      await Deno.stat(`${dir}/tensors.bin`);
      await Deno.stat(`${dir}/trainer.json`);
      return true;
    } catch {
      return false;
    }
  };
  if (await complete(`${checkpointsDir}/${name}`)) return `${checkpointsDir}/${name}`;
  const old: { path: string; mtime: number }[] = [];
  try {
    for await (const e of Deno.readDir(checkpointsDir)) {
      if (e.isDirectory && e.name.startsWith(`${name}.old-`)) {
        const path = `${checkpointsDir}/${e.name}`;
        if (await complete(path)) {
          old.push({ path, mtime: (await Deno.stat(path)).mtime?.getTime() ?? 0 });
        }
      }
    }
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
  old.sort((a, b) => b.mtime - a.mtime);
  return old[0]?.path;
}

/** Reads `trainer.json` of a checkpoint directory. */
export async function readTrainerState(dir: string): Promise<TrainerState> {
  const state = JSON.parse(await Deno.readTextFile(`${dir}/trainer.json`)) as TrainerState;
  if (state.format !== "stackrl-trainer/1") {
    throw new Error(
      `${dir}/trainer.json: format ${JSON.stringify(state.format)}, expected "stackrl-trainer/1"`,
    );
  }
  return state;
}

/** Removes leftovers of interrupted checkpoint writes (`*.tmp-*`, `*.old-*`, `*.agent-*`). */
export async function cleanCheckpoints(checkpointsDir: string, keep?: string): Promise<void> {
  try {
    for await (const e of Deno.readDir(checkpointsDir)) {
      const path = `${checkpointsDir}/${e.name}`;
      if (path === keep) continue;
      if (/\.(tmp|old|agent)-/.test(e.name)) await Deno.remove(path, { recursive: true });
    }
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
}

/** What {@link findRunCheckpoint} found. */
export interface RunCheckpoint {
  /** The folder to load. */
  dir: string;
  /** Its `trainer.json`. */
  state: TrainerState;
  /** Whether it was verified against a manifest (false: written before checksums). */
  checked: boolean;
  /** Whether newer candidates were skipped as damaged. */
  fellBack: boolean;
}

/**
 * The newest good checkpoint `name` of the run in `runDir` (lib/store/checked_checkpoint.ts
 * `findGoodCheckpoint`: `<name>`, `<name>.old-*`, `<name>.prev`, each verified). A damaged one
 * skipped gives `log` one line naming its file relative to the run folder and what is used
 * instead (`checkpoints/last/tensors.bin: checksum mismatch; resuming from checkpoints/last.prev
 * (step 400)`); `verb` words it. `withReplay: false` leaves `replay.bin` unchecked (a reader of
 * the agent alone). Undefined when the run has no checkpoint `name`; when every candidate is
 * damaged, a {@link FileError} naming each.
 */
export async function findRunCheckpoint(
  runDir: string,
  name: "last" | "best",
  options: { log?: (line: string) => void; verb?: string; withReplay?: boolean } = {},
): Promise<RunCheckpoint | undefined> {
  const { log = console.error, verb = "resuming from", withReplay = true } = options;
  const rel = (path: string) =>
    path.startsWith(`${runDir}/`) ? path.slice(runDir.length + 1) : path;
  const skipped: CheckpointCorruptError[] = [];
  let good;
  try {
    good = await findGoodCheckpoint(`${runDir}/checkpoints`, name, {
      required: CHECKPOINT_FILES,
      only: withReplay ? undefined : CHECKPOINT_FILES,
      onSkip: (error) => skipped.push(error),
    });
  } catch (error) {
    if (skipped.length === 0) throw error;
    const [first, ...rest] = skipped;
    throw new FileError(
      first.file,
      [first.summary, ...rest.map((e) => `${rel(e.file)}: ${e.summary}`)].join("; ") +
        `; no earlier good checkpoint of checkpoints/${name}`,
    );
  }
  if (!good) return undefined;
  const dir = good.dir;
  const state = await readingFile(`${dir}/trainer.json`, () => readTrainerState(dir));
  for (const error of skipped) {
    log(`${rel(error.file)}: ${error.summary}; ${verb} ${rel(dir)} (step ${state.stepsDone})`);
  }
  return { dir, state, checked: good.checked, fellBack: skipped.length > 0 };
}

/**
 * Makes `found` (a checkpoint {@link findRunCheckpoint} chose under `checkpointsDir`) the
 * current `<name>` again before training writes the next one: a damaged `<name>` is kept
 * as `<name>.damaged` (replacing an older one) for a look, and `found` is renamed to `<name>`.
 * Otherwise the next write would turn the damaged one into `<name>.prev` and drop the good one.
 */
export async function adoptCheckpoint(
  checkpointsDir: string,
  name: "last" | "best",
  found: string,
): Promise<void> {
  const current = `${checkpointsDir}/${name}`;
  if (found === current) return;
  try {
    await Deno.stat(current);
    await Deno.remove(`${current}.damaged`, { recursive: true }).catch(() => {});
    await Deno.rename(current, `${current}.damaged`);
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
  await Deno.rename(found, current);
}
