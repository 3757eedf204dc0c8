/**
 * Where a result came from: the commit of the checked-out code, recorded in a run's
 * config.json (lib/train/loop.ts) and in a reproduction report (lib/report/).
 * @module
 */

const COMMIT = /^[0-9a-f]{40}$/;

/**
 * The commit checked out in `root`: read from `root/.git` (HEAD, then the loose ref or
 * packed-refs), which needs no git and no permission to run one; failing that (a worktree, a
 * sub-directory of the repository), `git rev-parse HEAD`.
 *
 * @param root The directory whose checkout is asked about (default: the working directory).
 * @returns The 40-hex commit, or undefined when neither way finds one.
 */
export async function gitCommit(root = "."): Promise<string | undefined> {
  return await readGitDir(root) ?? await runGit(root);
}

async function readGitDir(root: string): Promise<string | undefined> {
  try {
    const head = (await Deno.readTextFile(`${root}/.git/HEAD`)).trim();
    if (!head.startsWith("ref: ")) return COMMIT.test(head) ? head : undefined;
    const ref = head.slice(5);
    let commit: string | undefined;
    try {
      commit = (await Deno.readTextFile(`${root}/.git/${ref}`)).trim();
    } catch {
      // a ref that `git gc` moved into packed-refs: "<commit> <ref>" lines
      const packed = await Deno.readTextFile(`${root}/.git/packed-refs`);
      commit = packed.split("\n").find((l) => l.endsWith(` ${ref}`))?.split(" ")[0];
    }
    return commit !== undefined && COMMIT.test(commit) ? commit : undefined;
  } catch {
    return undefined;
  }
}

async function runGit(root: string): Promise<string | undefined> {
  try {
    const out = await new Deno.Command("git", {
      args: ["rev-parse", "HEAD"],
      cwd: root,
      stdout: "piped",
      stderr: "null",
    }).output();
    const text = new TextDecoder().decode(out.stdout).trim();
    return out.success && COMMIT.test(text) ? text : undefined;
  } catch {
    return undefined;
  }
}
