// Checked checkpoints in training (lib/train/checkpoint.ts over lib/store/checked_checkpoint.ts):
// a damaged checkpoints/last is skipped with one notice and the resume continues from
// checkpoints/last.prev; every copy damaged is one line and exit 1; a checkpoint written before
// checksums still loads; best keeps no previous copy.
import { captured } from "./quiet.ts";
import { assert, assertEquals } from "./assert.ts";
import { helpText, main } from "../cli/train.ts";
import { openRun } from "../lib/store/run_store.ts";
import { MANIFEST } from "../lib/store/checked_checkpoint.ts";
import {
  readTrainerState,
  REPLAY_CAP_BYTES,
  replayBytes,
  savesReplay,
} from "../lib/train/checkpoint.ts";
import type { ReplayBuffer } from "../lib/replay.ts";
import { exportCheckpoint } from "../lib/export/run_checkpoint.ts";
import { FileError } from "../lib/train/files.ts";

const capture = (args: string[]) => captured(main, args);

/** A 300-step run `id` in `out` with checkpoints at 100, 200 and 300 (last and last.prev). */
async function trainRun(out: string, id: string, extra: string[] = []): Promise<void> {
  const r = await capture([
    ...extra,
    ...["--env", "InvertedPendulum", "--algo", "td3", "--steps", "300", "--hidden", "16,16"],
    ...["--start-steps", "100", "--update-after", "100", "--eval-every", "150"],
    ...["--eval-episodes", "1", "--checkpoint-every", "100", "--record-every", "0"],
    ...["--name", id, "--out", out],
  ]);
  assertEquals(r.code, 0, r.out + r.err);
}

/** Overwrites 16 bytes in the middle of `file` (its size unchanged). */
async function scribble(file: string): Promise<void> {
  const bytes = await Deno.readFile(file);
  bytes.fill(0x7f, bytes.length >> 1, (bytes.length >> 1) + 16);
  await Deno.writeFile(file, bytes);
}

async function withOut(fn: (out: string) => Promise<void>): Promise<void> {
  const out = await Deno.makeTempDir({ prefix: "stackrl-train-checkpoint-" });
  try {
    await fn(out);
  } finally {
    await Deno.remove(out, { recursive: true });
  }
}

Deno.test("train checkpoints: last keeps last.prev, each with a manifest; best keeps no previous copy", async () => {
  await withOut(async (out) => {
    await trainRun(out, "kept");
    const checkpoints = `${out}/kept/checkpoints`;
    const names = [];
    for await (const e of Deno.readDir(checkpoints)) names.push(e.name);
    assertEquals(names.sort(), ["best", "last", "last.prev"]);
    for (const name of names) await Deno.stat(`${checkpoints}/${name}/${MANIFEST}`);
    assertEquals((await readTrainerState(`${checkpoints}/last`)).stepsDone, 300);
    assertEquals((await readTrainerState(`${checkpoints}/last.prev`)).stepsDone, 200);
    // the replay buffer goes with last by default (it fits the cap); best is only exported
    assert((await readTrainerState(`${checkpoints}/last`)).replay.saved);
    await Deno.stat(`${checkpoints}/last/replay.bin`);
    assert(!(await readTrainerState(`${checkpoints}/best`)).replay.saved);
  });
});

Deno.test("train --resume: overwritten bytes in last/tensors.bin fall back to last.prev with one notice, and finish", async () => {
  await withOut(async (out) => {
    await trainRun(out, "scribbled");
    await scribble(`${out}/scribbled/checkpoints/last/tensors.bin`);
    const r = await capture(["--resume", "scribbled", "--out", out, "--steps", "400"]);
    assertEquals(r.code, 0, r.out + r.err);
    const notices = r.err.split("\n").filter((l) => l.includes("tensors.bin"));
    assertEquals(notices, [
      "checkpoints/last/tensors.bin: checksum mismatch; resuming from checkpoints/last.prev (step 200)",
    ]);
    const run = await openRun(`${out}/scribbled`);
    assertEquals([run.status.status, run.status.stepsDone], ["finished", 400]);
    const checkpoints = `${out}/scribbled/checkpoints`;
    assertEquals((await readTrainerState(`${checkpoints}/last`)).stepsDone, 400);
    // the damaged one is kept aside for a look, never read again
    await Deno.stat(`${checkpoints}/last.damaged/tensors.bin`);
  });
});

Deno.test("train --resume: every copy of last damaged is one line naming both files, exit 1", async () => {
  await withOut(async (out) => {
    await trainRun(out, "ruined");
    const checkpoints = `${out}/ruined/checkpoints`;
    await scribble(`${checkpoints}/last/tensors.bin`);
    const trainer = await Deno.readFile(`${checkpoints}/last.prev/trainer.json`);
    await Deno.writeFile(`${checkpoints}/last.prev/trainer.json`, trainer.subarray(0, 40));
    const before = (await openRun(`${out}/ruined`)).status;
    const r = await capture(["--resume", "ruined", "--out", out, "--steps", "400"]);
    assertEquals(r.code, 1, r.out + r.err);
    const lines = r.err.trim().split("\n");
    assertEquals(lines.length, 1, r.err);
    assert(lines[0].startsWith("error: "), lines[0]);
    assert(lines[0].includes("ruined/checkpoints/last/tensors.bin: checksum mismatch"), lines[0]);
    assert(lines[0].includes("checkpoints/last.prev/trainer.json: truncated"), lines[0]);
    assert(!/\n\s+at /.test(r.err), r.err);
    // nothing was moved or rewritten
    assertEquals((await openRun(`${out}/ruined`)).status, before);
    await Deno.stat(`${checkpoints}/last.prev`);
  });
});

Deno.test("train --resume: a checkpoint written before checksums (no manifest.json) still loads", async () => {
  await withOut(async (out) => {
    await trainRun(out, "older");
    const checkpoints = `${out}/older/checkpoints`;
    await Deno.remove(`${checkpoints}/last/${MANIFEST}`);
    await Deno.remove(`${checkpoints}/last.prev`, { recursive: true });
    const r = await capture(["--resume", "older", "--out", out, "--steps", "400"]);
    assertEquals(r.code, 0, r.out + r.err);
    assert(!r.err.includes("checksum"), r.err);
    const run = await openRun(`${out}/older`);
    assertEquals([run.status.status, run.status.stepsDone], ["finished", 400]);
    // the next checkpoint is checked again, and the unchecked one is kept as last.prev
    await Deno.stat(`${checkpoints}/last/${MANIFEST}`);
    assertEquals((await readTrainerState(`${checkpoints}/last.prev`)).stepsDone, 300);
  });
});

Deno.test("replay in checkpoints: saved by default up to the stated cap; the flag decides either way", () => {
  const buffer = (capacity: number) =>
    ({ population: 2, capacity, observationSize: 17, actionSize: 6 }) as ReplayBuffer;
  // HalfCheetah: 2·17 + 6 + 2 floats a transition
  assertEquals(replayBytes(buffer(1000)), 2 * 1000 * 42 * 4);
  const fits = Math.floor(REPLAY_CAP_BYTES / (2 * 42 * 4));
  assertEquals([savesReplay(undefined, buffer(fits)), savesReplay(undefined, buffer(fits + 1))], [
    true,
    false,
  ]);
  assertEquals([savesReplay(true, buffer(fits + 1)), savesReplay(false, buffer(10))], [
    true,
    false,
  ]);
  assert(REPLAY_CAP_BYTES === 256 * 2 ** 20 && helpText().includes("256 MiB"), helpText());
});

Deno.test("train --resume: a run whose checkpoints hold no replay buffer says the continuation is not exact", async () => {
  await withOut(async (out) => {
    await trainRun(out, "without", ["--checkpoint-replay=false"]);
    const checkpoints = `${out}/without/checkpoints`;
    assert(!(await readTrainerState(`${checkpoints}/last`)).replay.saved);
    const r = await capture(["--resume", "without", "--out", out, "--steps", "400"]);
    assertEquals(r.code, 0, r.out + r.err);
    const notices = r.err.split("\n").filter((l) => l.includes("not exact"));
    assertEquals(notices, [
      "notice: run without resumes from step 300 without its replay buffer (checkpointReplay is false in its config.json), so the continuation is not exact: the buffer starts empty and refills from step 300",
    ]);
    // with the buffer saved (the default) nothing is said
    await trainRun(out, "with");
    const exact = await capture(["--resume", "with", "--out", out, "--steps", "400"]);
    assertEquals(exact.code, 0, exact.out + exact.err);
    assert(!exact.err.includes("not exact"), exact.err);
  });
});

Deno.test("export: a damaged best falls back to last with a notice; a damaged replay.bin does not matter; all damaged is a FileError", async () => {
  await withOut(async (out) => {
    await trainRun(out, "exported");
    const run = `${out}/exported`;
    const notices: string[] = [];
    const log = (line: string) => notices.push(line);
    assertEquals(await exportCheckpoint(run, { log }), {
      dir: `${run}/checkpoints/best`,
      which: "best",
    });
    await scribble(`${run}/checkpoints/best/tensors.bin`);
    await scribble(`${run}/checkpoints/last/replay.bin`); // an export reads no replay buffer
    assertEquals(await exportCheckpoint(run, { log }), {
      dir: `${run}/checkpoints/last`,
      which: "last",
    });
    assertEquals(notices.length, 1, notices.join("\n"));
    assert(notices[0].includes("checkpoints/best/tensors.bin: checksum mismatch"), notices[0]);
    assert(notices[0].endsWith("exporting from checkpoints/last instead"), notices[0]);
    // the run page only asks whether there is one, reading nothing
    assertEquals((await exportCheckpoint(run, { verify: false }))?.which, "best");
    await scribble(`${run}/checkpoints/last/tensors.bin`);
    await scribble(`${run}/checkpoints/last.prev/agent.json`);
    let error: unknown;
    await exportCheckpoint(run, { log }).catch((e) => (error = e));
    assert(error instanceof FileError, String(error));
    assert((error as Error).message.includes("checkpoints/best/tensors.bin"), String(error));
  });
});
