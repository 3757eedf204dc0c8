/**
 * Checked checkpoints: a checkpoint folder carries `manifest.json`, the size and SHA-256 of each
 * of its files, verified before it is used; the previous checkpoint of the same name is kept as
 * `<name>.prev`, so a damaged one (overwritten bytes, a truncated file, a missing file) is named
 * in a clear error and the reader falls back to the previous good one with a notice.
 *
 * Layout under `checkpoints/` (docs/design.md §8): `<name>/` the newest, `<name>.prev/` the one
 * before it, `<name>.tmp-*` a write that did not finish (never read), `<name>.old-*` what a write
 * interrupted between its renames left (read after `<name>`, as lib/train/checkpoint.ts does).
 * A folder without `manifest.json` (written before checksums existed) is used unchecked.
 *
 * What a checkpoint holds is the writer's business: this module only writes, rotates and
 * verifies a folder of named files.
 * @module
 */

/** The manifest's file name inside a checkpoint folder. */
export const MANIFEST = "manifest.json";

/** `manifest.json`: each file of the checkpoint with its size and SHA-256. */
export interface CheckpointManifest {
  /** Always `"stackrl-checkpoint-manifest/1"`. */
  format: "stackrl-checkpoint-manifest/1";
  /** By file name: its length in bytes and its SHA-256 as 64 lowercase hex digits. */
  files: Record<string, { bytes: number; sha256: string }>;
}

/** A checkpoint file that is missing, of the wrong size or with the wrong checksum. */
export class CheckpointCorruptError extends Error {
  /** The damaged file, as `<checkpoint folder>/<name>`. */
  readonly file: string;
  /** What is wrong, in a few words ("checksum mismatch", "missing", "truncated", …). */
  readonly summary: string;
  constructor(file: string, problem: string, summary: string = problem) {
    super(`${file}: ${problem}`);
    this.name = "CheckpointCorruptError";
    this.file = file;
    this.summary = summary;
  }
}

/** The SHA-256 of `data` as 64 lowercase hex digits. */
export async function sha256Hex(data: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", data as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

const encoder = new TextEncoder();

/** The manifest of `files` (strings are counted as their UTF-8 bytes, as they are written). */
export async function manifestOf(
  files: Record<string, Uint8Array | string>,
): Promise<CheckpointManifest> {
  const out: CheckpointManifest = { format: "stackrl-checkpoint-manifest/1", files: {} };
  for (const [name, data] of Object.entries(files)) {
    if (name === MANIFEST) continue;
    const bytes = typeof data === "string" ? encoder.encode(data) : data;
    out.files[name] = { bytes: bytes.length, sha256: await sha256Hex(bytes) };
  }
  return out;
}

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(path);
    return true;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return false;
    throw error;
  }
}

/**
 * Writes checkpoint `name` under `checkpointsDir` with its manifest: the folder is built beside,
 * the current `<name>` becomes `<name>.prev` (replacing the one before), and the new folder is
 * renamed in. At every instant a complete checkpoint exists under `<name>` or `<name>.prev`.
 * With `keepPrevious: false` (a checkpoint not worth twice its disk space, such as `best`) the
 * current one is moved to `<name>.old-*` instead and removed once the new one is in place (a
 * crash in between leaves it where {@link findGoodCheckpoint} looks). Returns the new folder.
 */
export async function writeCheckedCheckpoint(
  checkpointsDir: string,
  name: string,
  files: Record<string, Uint8Array | string>,
  options: { keepPrevious?: boolean } = {},
): Promise<string> {
  if (MANIFEST in files) throw new Error(`checkpoint file name ${MANIFEST} is reserved`);
  const dir = `${checkpointsDir}/${name}`, prev = `${dir}.prev`;
  const suffix = crypto.randomUUID().slice(0, 8);
  const temp = `${dir}.tmp-${suffix}`, old = `${dir}.old-${suffix}`;
  const keep = options.keepPrevious ?? true;
  await Deno.mkdir(temp, { recursive: true });
  try {
    for (const [file, data] of Object.entries(files)) {
      if (typeof data === "string") await Deno.writeTextFile(`${temp}/${file}`, data);
      else await Deno.writeFile(`${temp}/${file}`, data);
    }
    // the manifest last: a folder with a manifest has every file it lists
    const manifest = JSON.stringify(await manifestOf(files), null, 2) + "\n";
    await Deno.writeTextFile(`${temp}/${MANIFEST}`, manifest);
    const moved = await exists(dir);
    if (moved && keep) {
      await Deno.remove(prev, { recursive: true }).catch((error) => {
        if (!(error instanceof Deno.errors.NotFound)) throw error;
      });
    }
    if (moved) await Deno.rename(dir, keep ? prev : old);
    await Deno.rename(temp, dir);
    if (moved && !keep) await Deno.remove(old, { recursive: true });
  } catch (error) {
    await Deno.remove(temp, { recursive: true }).catch(() => {});
    throw error;
  }
  return dir;
}

/**
 * Verifies the checkpoint folder `dir` against its manifest: every listed file must be there
 * with its size and checksum, and the `required` files must be present. Throws a
 * {@link CheckpointCorruptError} naming the first bad file; returns `checked: false` for a
 * folder without a manifest (its required files present). `only` limits the listed files checked
 * to those a reader needs (an export reads no replay buffer).
 */
export async function verifyCheckpoint(
  dir: string,
  required: readonly string[] = [],
  only?: readonly string[],
): Promise<{ checked: boolean }> {
  let text: string | undefined;
  try {
    text = await Deno.readTextFile(`${dir}/${MANIFEST}`);
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
  let manifest: CheckpointManifest | undefined;
  if (text !== undefined) {
    try {
      manifest = JSON.parse(text);
    } catch (error) {
      throw new CheckpointCorruptError(
        `${dir}/${MANIFEST}`,
        `not valid JSON (${(error as Error).message})`,
        "not valid JSON",
      );
    }
    if (
      manifest?.format !== "stackrl-checkpoint-manifest/1" || typeof manifest.files !== "object" ||
      manifest.files === null
    ) {
      throw new CheckpointCorruptError(
        `${dir}/${MANIFEST}`,
        'not a "stackrl-checkpoint-manifest/1" manifest',
        "not a manifest",
      );
    }
  }
  const listed = (manifest ? Object.keys(manifest.files) : []).filter((name) =>
    only === undefined || only.includes(name)
  );
  for (const name of [...required.filter((r) => !listed.includes(r)), ...listed]) {
    const file = `${dir}/${name}`;
    let data: Uint8Array;
    try {
      data = await Deno.readFile(file);
    } catch (error) {
      if (error instanceof Deno.errors.NotFound) {
        throw new CheckpointCorruptError(file, "missing");
      }
      throw error;
    }
    const want = manifest?.files[name];
    if (!want) {
      if (manifest) {
        throw new CheckpointCorruptError(file, `not listed in ${MANIFEST}`, "not in its manifest");
      }
      continue;
    }
    if (data.length !== want.bytes) {
      const how = data.length < want.bytes ? "truncated" : "grown";
      throw new CheckpointCorruptError(
        file,
        `${data.length} bytes, expected ${want.bytes} (${how} since it was written)`,
        `${how} (${data.length} bytes, expected ${want.bytes})`,
      );
    }
    const got = await sha256Hex(data);
    if (got !== want.sha256) {
      throw new CheckpointCorruptError(
        file,
        `checksum mismatch: SHA-256 ${got.slice(0, 12)}…, expected ${
          want.sha256.slice(0, 12)
        }… (its bytes changed since it was written)`,
        "checksum mismatch",
      );
    }
  }
  return { checked: manifest !== undefined };
}

/** What {@link findGoodCheckpoint} chose. */
export interface GoodCheckpoint {
  /** The folder to load. */
  dir: string;
  /** Whether it was verified against a manifest (false: written before checksums). */
  checked: boolean;
  /** One line per newer candidate that was skipped, naming its bad file (empty: none). */
  skipped: string[];
}

/**
 * The newest good checkpoint `name` under `checkpointsDir`: `<name>`, then what an interrupted
 * write left (`<name>.old-*`, newest first), then `<name>.prev`; each must hold the `required`
 * files and pass {@link verifyCheckpoint}. Each candidate skipped is passed to `notice` (and
 * listed in `skipped`). Undefined when there is no candidate at all; when every candidate is
 * damaged, throws the newest one's {@link CheckpointCorruptError}.
 */
export async function findGoodCheckpoint(
  checkpointsDir: string,
  name: string,
  options: {
    required?: readonly string[];
    /** Check only these of the listed files (see {@link verifyCheckpoint}). */
    only?: readonly string[];
    notice?: (line: string) => void;
    /** Called for each skipped candidate with its error (to word one's own notice). */
    onSkip?: (error: CheckpointCorruptError, dir: string) => void;
  } = {},
): Promise<GoodCheckpoint | undefined> {
  const candidates: string[] = [];
  if (await exists(`${checkpointsDir}/${name}`)) candidates.push(`${checkpointsDir}/${name}`);
  const old: { path: string; mtime: number }[] = [];
  try {
    for await (const e of Deno.readDir(checkpointsDir)) {
      if (e.isDirectory && e.name.startsWith(`${name}.old-`)) {
        const path = `${checkpointsDir}/${e.name}`;
        old.push({ path, mtime: (await Deno.stat(path)).mtime?.getTime() ?? 0 });
      }
    }
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
  candidates.push(...old.sort((a, b) => b.mtime - a.mtime).map((o) => o.path));
  if (await exists(`${checkpointsDir}/${name}.prev`)) {
    candidates.push(`${checkpointsDir}/${name}.prev`);
  }
  const skipped: string[] = [];
  let first: CheckpointCorruptError | undefined;
  for (const dir of candidates) {
    try {
      const { checked } = await verifyCheckpoint(dir, options.required, options.only);
      return { dir, checked, skipped };
    } catch (error) {
      if (!(error instanceof CheckpointCorruptError)) throw error;
      first ??= error;
      const next = candidates[candidates.indexOf(dir) + 1];
      const line = `${error.message}; ${
        next ? `falling back to ${next}` : "no earlier checkpoint to fall back to"
      }`;
      skipped.push(line);
      options.notice?.(line);
      options.onSkip?.(error, dir);
    }
  }
  if (first) throw first;
  return undefined;
}
