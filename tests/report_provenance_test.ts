// lib/provenance.ts: the commit a report or run records, read from .git (loose ref, packed ref,
// detached HEAD) or, from a sub-directory, from git itself; undefined where there is none.
import { gitCommit } from "../lib/provenance.ts";
import { assertEquals } from "./assert.ts";

const A = "0123456789abcdef0123456789abcdef01234567";
const B = "fedcba9876543210fedcba9876543210fedcba98";

async function fakeRepo(files: Record<string, string>): Promise<string> {
  const root = await Deno.makeTempDir({ prefix: "stackrl-provenance-" });
  for (const [path, text] of Object.entries(files)) {
    await Deno.mkdir(`${root}/.git/${path}`.replace(/\/[^/]+$/, ""), { recursive: true });
    await Deno.writeTextFile(`${root}/.git/${path}`, text);
  }
  return root;
}

Deno.test("gitCommit reads a loose ref, a packed ref and a detached HEAD from .git", async () => {
  const roots = [
    await fakeRepo({ HEAD: "ref: refs/heads/main\n", "refs/heads/main": `${A}\n` }),
    await fakeRepo({
      HEAD: "ref: refs/heads/main\n",
      "packed-refs": `# pack-refs with: peeled\n${B} refs/heads/other\n${A} refs/heads/main\n`,
    }),
    await fakeRepo({ HEAD: `${A}\n` }),
  ];
  try {
    for (const root of roots) assertEquals(await gitCommit(root), A, root);
  } finally {
    for (const root of roots) await Deno.remove(root, { recursive: true });
  }
});

Deno.test("gitCommit is undefined without a commit: no .git, a ref to nothing, garbage", async () => {
  const roots = [
    await fakeRepo({}),
    await fakeRepo({ HEAD: "ref: refs/heads/unborn\n" }),
    await fakeRepo({ HEAD: "not a commit\n" }),
  ];
  try {
    for (const root of roots) assertEquals(await gitCommit(root), undefined, root);
  } finally {
    for (const root of roots) await Deno.remove(root, { recursive: true });
  }
});

Deno.test("gitCommit asks git from a sub-directory of a repository", async () => {
  const root = await Deno.makeTempDir({ prefix: "stackrl-provenance-" });
  const git = (...args: string[]) =>
    new Deno.Command("git", {
      args: ["-c", "user.name=t", "-c", "user.email=t@t", "-C", root, ...args],
      stdout: "piped",
      stderr: "null",
    }).output();
  try {
    await git("init", "-q");
    await git("commit", "-q", "--allow-empty", "-m", "x");
    const head = new TextDecoder().decode((await git("rev-parse", "HEAD")).stdout).trim();
    await Deno.mkdir(`${root}/sub`);
    assertEquals(await gitCommit(`${root}/sub`), head);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});
