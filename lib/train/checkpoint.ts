/**
 * Training checkpoints: `runs/<id>/checkpoints/{last,best}/`, each a directory replaced as a
 * whole (`writeDirAtomic`), holding the agent (`agent.json`, `tensors.bin` as `agent.save`
 * writes them), `trainer.json` ({@link TrainerState}) and optionally `replay.bin`.
 *
 * An interrupted write leaves either the previous directory in place, or (if the process died
 * between moving the old one aside and renaming the new one in) the previous one under
 * `<name>.old-*`, which {@link findCheckpoint} falls back to; `<name>.tmp-*` (a write that
 * did not finish) is never read.
 * @module
 */
import { writeDirAtomic } from "../atomic.ts";
import type { Agent } from "../agent.ts";
import type { ReplayBuffer } from "../replay.ts";

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

/** Writes checkpoint `dir` atomically: the agent, the trainer state and optionally the replay. */
export async function writeCheckpoint(
  dir: string,
  agent: Agent,
  state: TrainerState,
  replay?: ReplayBuffer,
): Promise<void> {
  const scratch = `${dir}.agent-${crypto.randomUUID().slice(0, 8)}`;
  try {
    await agent.save(scratch);
    const files: Record<string, Uint8Array | string> = {
      "agent.json": await Deno.readFile(`${scratch}/agent.json`),
      "tensors.bin": await Deno.readFile(`${scratch}/tensors.bin`),
      "trainer.json": JSON.stringify(state),
    };
    if (replay && state.replay.saved) files["replay.bin"] = replayToBytes(replay);
    await writeDirAtomic(dir, files);
  } finally {
    await Deno.remove(scratch, { recursive: true }).catch(() => {});
  }
}

/**
 * The directory holding the complete checkpoint `name` under `checkpointsDir`: `name` itself,
 * or the newest `name.old-*` left by a write interrupted between its two renames; undefined
 * when there is none.
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
