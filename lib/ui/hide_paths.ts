/**
 * Keeps server paths out of what the UI sends: error messages from the file system and the run
 * store name files by their full path (`readfile '/home/me/runs/x/config.json'`), which a browser
 * should not learn. Paths under a served folder are shown relative to it; any other quoted
 * absolute path keeps only its last two components.
 * @module
 */

/**
 * The absolute spellings of `root` a message may contain: as given (when absolute), joined to the
 * working directory, and with links resolved. A relative path as the user typed it is left alone.
 */
function spellings(root: string): string[] {
  const trimmed = root.replace(/\/+$/, "") || "/";
  const out = new Set<string>();
  if (trimmed.startsWith("/")) out.add(trimmed);
  try {
    const cwd = Deno.cwd();
    out.add(trimmed.startsWith("/") ? trimmed : `${cwd}/${trimmed.replace(/^\.(\/|$)/, "")}`);
  } catch {
    // no permission to read the working directory: the spelling as given must do
  }
  try {
    out.add(Deno.realPathSync(trimmed));
  } catch {
    // the folder is missing: nothing to resolve
  }
  // longest first, so that an absolute spelling is replaced before the relative one inside it
  return [...out].map((p) => p.replace(/\/+$/, "")).filter((p) => p !== "")
    .sort((a, b) => b.length - a.length);
}

/**
 * `text` with the served folders `roots` and the working directory (stack traces name source
 * files under it) taken out, and other quoted absolute paths shortened (see the module).
 */
export function hidePaths(text: string, roots: readonly string[]): string {
  let out = text;
  for (const root of [...roots, "."]) {
    for (const prefix of spellings(root)) {
      const bare = new RegExp(
        `${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![^\\s'"\`:;,)])`,
        "g",
      );
      out = out.split(`${prefix}/`).join("").replace(bare, ".");
    }
  }
  // an OS error's quoted path outside the served folders: keep only its end
  return out.replace(
    /(['"`])\/(?:[^'"`\s/]+\/)*?([^'"`\s/]+\/[^'"`\s/]+)\1/g,
    (_m, q: string, end: string) => `${q}…/${end}${q}`,
  );
}

/** A served folder as a page may name it: as typed when relative, else only its last part. */
export function shownFolder(folder: string): string {
  if (!folder.startsWith("/")) return folder;
  const last = folder.replace(/\/+$/, "").split("/").pop();
  return last ? `…/${last}` : "/";
}
