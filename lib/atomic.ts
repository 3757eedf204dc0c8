/**
 * Writes that never leave a half-written file or directory behind: write to a temporary
 * name beside the target, then rename over it (rename is atomic within a file system).
 * @module
 */

/** Options of {@linkcode writeFileAtomic}. */
export interface WriteFileAtomicOptions {
  /** Create the file's missing parent directories first (default false). */
  mkdir?: boolean;
}

/** Writes `data` to `path` through a temporary file and a rename. */
export async function writeFileAtomic(
  path: string,
  data: Uint8Array | string,
  options: WriteFileAtomicOptions = {},
): Promise<void> {
  if (options.mkdir) {
    const dir = path.slice(0, Math.max(0, path.lastIndexOf("/")));
    if (dir) await Deno.mkdir(dir, { recursive: true });
  }
  const temp = `${path}.tmp-${crypto.randomUUID().slice(0, 8)}`;
  try {
    if (typeof data === "string") await Deno.writeTextFile(temp, data);
    else await Deno.writeFile(temp, data);
    await Deno.rename(temp, path);
  } catch (error) {
    await Deno.remove(temp).catch(() => {});
    throw error;
  }
}

/**
 * Replaces directory `dir` with one holding exactly `files`: the new one is written beside
 * it, the old one moved aside, the new one renamed in, then the old one removed. At every
 * instant either the old or the new complete directory exists under `dir` or `dir.old-*`.
 */
export async function writeDirAtomic(
  dir: string,
  files: Record<string, Uint8Array | string>,
): Promise<void> {
  const suffix = crypto.randomUUID().slice(0, 8);
  const temp = `${dir}.tmp-${suffix}`, old = `${dir}.old-${suffix}`;
  await Deno.mkdir(temp, { recursive: true });
  try {
    for (const [name, data] of Object.entries(files)) {
      if (typeof data === "string") await Deno.writeTextFile(`${temp}/${name}`, data);
      else await Deno.writeFile(`${temp}/${name}`, data);
    }
    let moved = false;
    try {
      await Deno.rename(dir, old);
      moved = true;
    } catch (error) {
      if (!(error instanceof Deno.errors.NotFound)) throw error;
    }
    await Deno.rename(temp, dir);
    if (moved) await Deno.remove(old, { recursive: true });
  } catch (error) {
    await Deno.remove(temp, { recursive: true }).catch(() => {});
    throw error;
  }
}
