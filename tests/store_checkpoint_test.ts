// Checked checkpoints (lib/store/checked_checkpoint.ts): every file's size and SHA-256 in
// manifest.json, verified before use; the previous checkpoint kept as <name>.prev; a damaged one
// (overwritten bytes, truncated, missing, a bad manifest) named in one line, and the reader falls
// back to the previous good one with a notice.
import { assert, assertEquals } from "./assert.ts";
import {
  CheckpointCorruptError,
  findGoodCheckpoint,
  MANIFEST,
  sha256Hex,
  verifyCheckpoint,
  writeCheckedCheckpoint,
} from "../lib/store/checked_checkpoint.ts";

const REQUIRED = ["agent.json", "tensors.bin", "trainer.json"];

function files(step: number): Record<string, Uint8Array | string> {
  return {
    "agent.json": JSON.stringify({ format: "test-agent", step }),
    "tensors.bin": Uint8Array.from({ length: 4096 }, (_, i) => (i * 7 + step) & 255),
    "trainer.json": JSON.stringify({ stepsDone: step, note: "é" }),
  };
}

async function withDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "stackrl-store-checkpoint-" });
  try {
    await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

const stepOf = async (dir: string) =>
  JSON.parse(await Deno.readTextFile(`${dir}/trainer.json`)).stepsDone;

async function errorOf(promise: Promise<unknown>): Promise<CheckpointCorruptError> {
  try {
    await promise;
  } catch (error) {
    assert(error instanceof CheckpointCorruptError, String(error));
    return error as CheckpointCorruptError;
  }
  throw new Error("expected a CheckpointCorruptError");
}

Deno.test("store checkpoint: a manifest lists each file's size and SHA-256; the previous one is kept", async () => {
  await withDir(async (root) => {
    assertEquals(await findGoodCheckpoint(root, "last"), undefined);
    await writeCheckedCheckpoint(root, "last", files(100));
    await writeCheckedCheckpoint(root, "last", files(200));
    await writeCheckedCheckpoint(root, "last", files(300));
    const manifest = JSON.parse(await Deno.readTextFile(`${root}/last/${MANIFEST}`));
    assertEquals(manifest.format, "stackrl-checkpoint-manifest/1");
    assertEquals(Object.keys(manifest.files).sort(), REQUIRED);
    const tensors = await Deno.readFile(`${root}/last/tensors.bin`);
    assertEquals(manifest.files["tensors.bin"], {
      bytes: 4096,
      sha256: await sha256Hex(tensors),
    });
    // "é" is two bytes: strings are counted as written
    assertEquals(
      manifest.files["trainer.json"].bytes,
      new TextEncoder().encode(files(300)["trainer.json"] as string).length,
    );
    assertEquals([await stepOf(`${root}/last`), await stepOf(`${root}/last.prev`)], [300, 200]);
    const names = [];
    for await (const e of Deno.readDir(root)) names.push(e.name);
    assertEquals(names.sort(), ["last", "last.prev"], "two checkpoints kept, no leftovers");
    const good = await findGoodCheckpoint(root, "last", { required: REQUIRED });
    assertEquals(good, { dir: `${root}/last`, checked: true, skipped: [] });
  });
});

Deno.test("store checkpoint: overwritten bytes, a truncated or missing file are named; the reader falls back", async () => {
  await withDir(async (root) => {
    await writeCheckedCheckpoint(root, "last", files(100));
    await writeCheckedCheckpoint(root, "last", files(200));
    const tensors = `${root}/last/tensors.bin`;
    const original = await Deno.readFile(tensors);

    // overwritten bytes, same length
    const flipped = original.slice();
    flipped[1000] ^= 0xff;
    await Deno.writeFile(tensors, flipped);
    let e = await errorOf(verifyCheckpoint(`${root}/last`));
    assertEquals(e.file, tensors);
    assert(e.message.startsWith(`${tensors}: checksum mismatch`), e.message);
    const notices: string[] = [];
    const good = await findGoodCheckpoint(root, "last", {
      required: REQUIRED,
      notice: (line) => notices.push(line),
    });
    assertEquals(good?.dir, `${root}/last.prev`);
    assertEquals(await stepOf(good!.dir), 100);
    assertEquals(notices.length, 1);
    assert(
      notices[0].includes(tensors) && notices[0].includes(`falling back to ${root}/last.prev`),
    );
    assertEquals(good!.skipped, notices);

    // truncated
    await Deno.writeFile(tensors, original.slice(0, 1000));
    e = await errorOf(verifyCheckpoint(`${root}/last`));
    assertEquals(
      e.message,
      `${tensors}: 1000 bytes, expected 4096 (truncated since it was written)`,
    );

    // missing
    await Deno.remove(tensors);
    e = await errorOf(verifyCheckpoint(`${root}/last`));
    assertEquals(e.message, `${tensors}: missing`);

    // a damaged manifest names itself
    await Deno.writeFile(tensors, original);
    await verifyCheckpoint(`${root}/last`);
    await Deno.writeTextFile(`${root}/last/${MANIFEST}`, '{"format": "stackrl-che');
    e = await errorOf(verifyCheckpoint(`${root}/last`));
    assert(e.message.startsWith(`${root}/last/${MANIFEST}: not valid JSON`), e.message);
  });
});

Deno.test("store checkpoint: when every candidate is damaged, the newest one's error is thrown", async () => {
  await withDir(async (root) => {
    await writeCheckedCheckpoint(root, "best", files(100));
    await writeCheckedCheckpoint(root, "best", files(200));
    await Deno.writeTextFile(`${root}/best/agent.json`, "{}");
    await Deno.writeTextFile(`${root}/best.prev/trainer.json`, "{}");
    const notices: string[] = [];
    const e = await errorOf(
      findGoodCheckpoint(root, "best", { notice: (line) => notices.push(line) }),
    );
    assertEquals(e.file, `${root}/best/agent.json`);
    assertEquals(notices.length, 2);
    assert(notices[1].endsWith("no earlier checkpoint to fall back to"), notices[1]);
  });
});

Deno.test("store checkpoint: a folder from before checksums is used unchecked; an interrupted write is read after <name>", async () => {
  await withDir(async (root) => {
    // written before manifests existed: accepted when its required files are there
    await Deno.mkdir(`${root}/last`);
    for (const [name, data] of Object.entries(files(50))) {
      if (typeof data === "string") await Deno.writeTextFile(`${root}/last/${name}`, data);
      else await Deno.writeFile(`${root}/last/${name}`, data);
    }
    assertEquals(await verifyCheckpoint(`${root}/last`, REQUIRED), { checked: false });
    await Deno.remove(`${root}/last/trainer.json`);
    const e = await errorOf(verifyCheckpoint(`${root}/last`, REQUIRED));
    assertEquals(e.message, `${root}/last/trainer.json: missing`);
    await Deno.remove(`${root}/last`, { recursive: true });

    // a write that stopped between its renames left last.old-*: it comes before last.prev
    await writeCheckedCheckpoint(root, "last", files(100));
    await writeCheckedCheckpoint(root, "last", files(200));
    await Deno.rename(`${root}/last`, `${root}/last.old-1234abcd`);
    await Deno.mkdir(`${root}/last.tmp-99999999`); // an unfinished write: never read
    const good = await findGoodCheckpoint(root, "last", { required: REQUIRED });
    assertEquals([good?.dir, good?.checked], [`${root}/last.old-1234abcd`, true]);
    assertEquals(await stepOf(good!.dir), 200);
  });
});

Deno.test("store checkpoint: keepPrevious: false replaces the folder without keeping <name>.prev", async () => {
  await withDir(async (root) => {
    await writeCheckedCheckpoint(root, "best", files(100), { keepPrevious: false });
    await writeCheckedCheckpoint(root, "best", files(200), { keepPrevious: false });
    const names: string[] = [];
    for await (const e of Deno.readDir(root)) names.push(e.name);
    assertEquals(names, ["best"]);
    assertEquals(await stepOf(`${root}/best`), 200);
    assertEquals((await findGoodCheckpoint(root, "best", { required: REQUIRED }))?.checked, true);
  });
});

Deno.test("store checkpoint: `only` checks just the files a reader needs", async () => {
  await withDir(async (root) => {
    await writeCheckedCheckpoint(root, "last", { ...files(100), "replay.bin": new Uint8Array(64) });
    await Deno.writeFile(`${root}/last/replay.bin`, new Uint8Array(64).fill(1));
    const error = await errorOf(verifyCheckpoint(`${root}/last`, REQUIRED));
    assertEquals([error.file, error.summary], [`${root}/last/replay.bin`, "checksum mismatch"]);
    assertEquals(await verifyCheckpoint(`${root}/last`, REQUIRED, REQUIRED), { checked: true });
  });
});
