// Every user-facing failure of `train`, `serve` and `export`, run as the user runs them (main.ts in
// a subprocess): one line naming the flag or file, no stack frame, exit 2 (usage) or 1 (runtime),
// and nothing on disk changed. Each case fails before any training starts.
import { assert, assertEquals } from "./assert.ts";
import { train } from "../lib/train/loop.ts";
import { quietly } from "./quiet.ts";

const MAIN = new URL("../main.ts", import.meta.url).pathname;
const PERMISSIONS = [
  "--allow-read",
  "--allow-write",
  "--allow-env",
  "--allow-run",
  "--allow-sys",
  "--allow-net=127.0.0.1",
];

/** One bad command line: the exit code and what its one line must contain. */
interface Case {
  args: string[];
  code: 1 | 2;
  needles: string[];
}

/** A trained run, and copies of it with one file damaged each. */
async function fixture(root: string): Promise<void> {
  const runs = `${root}/runs`;
  await quietly(() =>
    train({
      env: "InvertedPendulum",
      steps: 200,
      startSteps: 100,
      updateAfter: 100,
      evalEvery: 0,
      recordEvery: 0,
      out: runs,
      name: "good",
    })
  );
  const last = "checkpoints/last";
  const damage: Record<string, (dir: string) => Promise<void>> = {
    "cut-agent": (d) => cut(`${d}/${last}/agent.json`, 300),
    "cut-tensors": (d) => cut(`${d}/${last}/tensors.bin`, 4000),
    "cut-actor": (d) => cut(`${d}/${last}/tensors.bin`, 100),
    "odd-tensors": (d) => cut(`${d}/${last}/tensors.bin`, 4001),
    "cut-trainer": (d) => cut(`${d}/${last}/trainer.json`, 50),
    "cut-config": (d) => cut(`${d}/config.json`, 100),
    "array-config": (d) => Deno.writeTextFile(`${d}/config.json`, "[]"),
    "custom-env": async (d) => {
      const config = JSON.parse(await Deno.readTextFile(`${d}/config.json`));
      await Deno.writeTextFile(`${d}/config.json`, JSON.stringify({ ...config, customEnv: true }));
    },
    "claims-replay": async (d) => {
      // trainer.json says the replay buffer was saved, but replay.bin is not there
      const path = `${d}/${last}/trainer.json`;
      const state = JSON.parse(await Deno.readTextFile(path));
      state.replay.saved = true;
      await Deno.writeTextFile(path, JSON.stringify(state));
      await Deno.remove(`${d}/${last}/replay.bin`).catch(() => {}); // saved by default
    },
    "shape": async (d) => {
      const path = `${d}/${last}/agent.json`;
      const meta = JSON.parse(await Deno.readTextFile(path));
      meta.tensors[0].shape = [1, 5, 16];
      await Deno.writeTextFile(path, JSON.stringify(meta));
    },
  };
  for (const [name, f] of Object.entries(damage)) {
    await copyDir(`${runs}/good`, `${runs}/${name}`);
    // as written before checksums: the loaders' own checks answer (the manifest's: "scribbled")
    await Deno.remove(`${runs}/${name}/${last}/manifest.json`);
    await f(`${runs}/${name}`);
  }
  await copyDir(`${runs}/good`, `${runs}/scribbled`);
  const tensors = await Deno.readFile(`${runs}/scribbled/${last}/tensors.bin`);
  await Deno.writeFile(`${runs}/scribbled/${last}/tensors.bin`, tensors.fill(7, 100, 116));
  await Deno.writeTextFile(`${root}/file.txt`, "not a folder\n");
  await Deno.writeTextFile(`${root}/cut.json`, '{"algo": "td3", "ste');
  await Deno.writeTextFile(`${root}/unknown.json`, JSON.stringify({ lrActr: 0.1 }));
  await Deno.writeTextFile(`${root}/badvalue.json`, JSON.stringify({ gamma: "high" }));
  await Deno.mkdir(`${root}/outdir`);
}

async function cut(path: string, bytes: number): Promise<void> {
  const data = await Deno.readFile(path);
  await Deno.writeFile(path, data.subarray(0, bytes));
}

async function copyDir(from: string, to: string): Promise<void> {
  await Deno.mkdir(to, { recursive: true });
  for await (const e of Deno.readDir(from)) {
    if (e.isDirectory) await copyDir(`${from}/${e.name}`, `${to}/${e.name}`);
    else if (e.isFile && e.name !== "lock.json") {
      await Deno.copyFile(`${from}/${e.name}`, `${to}/${e.name}`);
    }
  }
}

/** Every file under `dir` with a hash of its bytes (and every folder), sorted. */
async function snapshot(dir: string, prefix = ""): Promise<string[]> {
  const out: string[] = [];
  for await (const e of Deno.readDir(dir)) {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory) {
      out.push(`${prefix}${e.name}/`, ...await snapshot(path, `${prefix}${e.name}/`));
    } else {
      const digest = await crypto.subtle.digest("SHA-256", await Deno.readFile(path));
      const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0"));
      out.push(`${prefix}${e.name} ${hex.join("").slice(0, 16)}`);
    }
  }
  return out.sort();
}

function cases(root: string, busyPort: number): Case[] {
  const runs = `${root}/runs`;
  const t = (args: string[], code: 1 | 2, ...needles: string[]): Case => ({
    args: ["train", ...args, ...(args.includes("--out") ? [] : ["--out", runs])],
    code,
    needles,
  });
  const resume = (id: string, ...needles: string[]): Case =>
    t(["--resume", id, "--steps", "300"], 1, ...needles);
  const e = (args: string[], code: 1 | 2, ...needles: string[]): Case => ({
    args: ["export", ...args],
    code,
    needles,
  });
  const s = (args: string[], code: 1 | 2, ...needles: string[]): Case => ({
    args: ["serve", ...args],
    code,
    needles,
  });
  return [
    // train: the command line
    t(["--stpes", "5"], 2, '"--stpes"', "--steps"),
    t(["--steps", "abc"], 2, "--steps", '"abc"', "an integer"),
    t(["--steps"], 2, "--steps", "got no value"),
    t(["--steps", "0"], 2, "--steps", '"0"'),
    t(["--steps", "1e99"], 2, "--steps", '"1e99"'),
    t(["--lr-actor", "fast"], 2, "--lr-actor", '"fast"'),
    t(["--lr-actor", "-1"], 2, "--lr-actor", '"-1"'),
    t(["--gamma", "2"], 2, "--gamma", '"2"', "<= 1"),
    t(["--algo", "fstd4"], 2, "--algo", '"fstd4"', "fstd3"),
    t(["--env", "Hoper"], 2, "--env", '"Hoper"', "Hopper"),
    t(["--env", "Hopper,Hoper"], 2, "--env", '"Hoper"'),
    t(["--seeds", "0,2"], 2, "--seeds", '"0,2"', "consecutive"),
    t(["--hidden", "16,a"], 2, "--hidden", '"16,a"'),
    t(["--threads", "0"], 2, "--threads", '"0"'),
    t(["--precision", "f16"], 2, "--precision", '"f16"', "mixed"),
    t(["--jobs", "0"], 2, "--jobs", '"0"', "1..64"),
    t(["--jobs", "many"], 2, "--jobs", '"many"'),
    t(["--checkpoint-replay=maybe"], 2, "--checkpoint-replay", '"maybe"'),
    t(["--algo", "ddpg", "--policy-delay", "3"], 2, "--policy-delay", "does not apply to ddpg"),
    t(["--env-options", "[1]"], 2, "--env-options", '"[1]"'),
    t(["--env", "Hopper", "--env-options", '{"nope":1}'], 2, "--env-options nope"),
    t(["--name", "../x"], 2, "--name", '"../x"'),
    t(["--name", "good"], 2, "--name", '"good"', "--resume good"),
    t(["--force-unlock"], 2, "--force-unlock", "--resume"),
    t(["stray"], 2, '"stray"'),
    // train: files and folders named on the command line
    t(["--config", `${root}/missing.json`], 2, "--config", "missing.json"),
    t(["--config", `${root}/cut.json`], 2, "--config", "cut.json", "not valid JSON"),
    t(["--config", `${root}/unknown.json`], 2, "unknown.json", "lrActr", "lrActor"),
    t(["--config", `${root}/badvalue.json`], 2, "gamma", "badvalue.json", '"high"'),
    t(["--out", `${root}/file.txt`], 2, "--out", "file.txt", "a file"),
    t(["--out", `${root}/file.txt/runs`], 2, "--out", "file.txt"),
    // a folder the task's permissions do not reach (Deno asks --allow-all for /sys)
    ...(Deno.build.os === "linux" ? [t(["--out", "/sys/stackrl-runs"], 2, "--out", "/sys")] : []),
    t(["--resume", "nope"], 2, "--resume", '"nope"'),
    t(["--resume", `${root}/file.txt`], 2, "--resume", "file.txt"),
    t(["--resume", "good", "--algo", "td3"], 2, "--resume", "--algo"),
    t(["--resume", "good", "--steps", "100"], 2, "--steps", "100", ">= 200"),
    t(["--resume", "custom-env"], 2, "--resume", "user's environment", "resumeRun"),
    // train: damaged runs and checkpoints (runtime: exit 1)
    resume("cut-config", "cut-config/config.json", "not valid JSON"),
    resume("array-config", "array-config/config.json"),
    resume("cut-trainer", "cut-trainer/checkpoints/last/trainer.json"),
    resume("cut-agent", "cut-agent/checkpoints/last", "agent.json"),
    resume("claims-replay", "claims-replay/checkpoints/last/replay.bin", "missing"),
    resume("cut-tensors", "cut-tensors/checkpoints/last", "tensors.bin", "cut short"),
    resume("odd-tensors", "odd-tensors/checkpoints/last"),
    resume("shape", "shape/checkpoints/last", "[1,5,16]", "expected actor/0/kernel [1,4,16]"),
    resume("scribbled", "scribbled/checkpoints/last/tensors.bin", "checksum mismatch"),
    // export
    e([], 2, "<run>"),
    e(["good", "--runs", runs], 2, "--format"),
    e(["good", "--format", "pt", "--runs", runs], 2, "--format", '"pt"', "onnx"),
    e(["good", "--fromat", "onnx"], 2, '"--fromat"', "--format"),
    e(["nope", "--format", "onnx", "--runs", runs], 2, '"nope"'),
    e(["good", "--format", "onnx", "--member", "x", "--runs", runs], 2, "--member", '"x"'),
    e(["good", "--format", "onnx", "--member", "3", "--runs", runs], 2, "--member", '"3"'),
    e(["good", "--format", "onnx", "--runs", runs, "--out", `${root}/outdir`], 1, "outdir"),
    e([`${runs}/cut-agent/checkpoints/last`, "--format", "onnx"], 1, "cut-agent", "agent.json"),
    e([`${runs}/cut-actor/checkpoints/last`, "--format", "tfjs"], 1, "cut-actor", "tensors.bin"),
    e([`${runs}/shape/checkpoints/last`, "--format", "onnx"], 1, "shape", "[1, 4, 16]"),
    // serve
    s(["--prot", "1"], 2, '"--prot"', "--port"),
    s(["--port", "abc"], 2, "--port", '"abc"'),
    s(["--port", "70000"], 2, "--port", '"70000"', "0..65535"),
    s(["--runs", `${root}/file.txt`], 2, "--runs", "file.txt"),
    s(["--runs", runs, "--reports", `${root}/file.txt`], 2, "--reports", "file.txt"),
    s(["--runs", runs, "--port", String(busyPort)], 1, "--port", String(busyPort), "in use"),
    s(["extra"], 2, '"extra"'),
    // the entry point
    { args: ["trian"], code: 2, needles: ['"trian"', "train"] },
  ];
}

async function run(c: Case, cwd: string): Promise<{ code: number; out: string; err: string }> {
  const result = await new Deno.Command(Deno.execPath(), {
    args: ["run", ...PERMISSIONS, MAIN, ...c.args],
    cwd,
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1", STACKRL_DEBUG: "" },
  }).output();
  const text = (b: Uint8Array) => new TextDecoder().decode(b);
  return { code: result.code, out: text(result.stdout), err: text(result.stderr) };
}

Deno.test("cli messages: bad command lines and damaged files (40+) each give one line naming the flag or file, no stack, exit 2 or 1, and change nothing on disk", async () => {
  const root = await Deno.makeTempDir({ prefix: "stackrl-messages-" });
  const busy = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  try {
    await fixture(root);
    const all = cases(root, (busy.addr as Deno.NetAddr).port);
    assert(all.length >= 40, `${all.length} cases`);
    const before = await snapshot(root);
    const failures: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < all.length) {
        const c = all[next++];
        const { code, out, err } = await run(c, root);
        const lines = err.trim().split("\n");
        const problems = [
          code !== c.code ? `exit ${code}, expected ${c.code}` : "",
          lines.length !== 1 ? `${lines.length} lines on stderr` : "",
          /^\s+at /m.test(err + out) ? "a stack frame" : "",
          !err.startsWith("error: ") ? 'no "error: "' : "",
          ...c.needles.filter((n) => !err.includes(n)).map((n) => `no ${JSON.stringify(n)}`),
        ].filter(Boolean);
        if (problems.length > 0) {
          failures.push(`${c.args.join(" ")}: ${problems.join(", ")}\n    ${err.trim()}`);
        }
      }
    };
    // a few at a time: each is a short-lived process, most of them exit before loading a model
    await Promise.all(Array.from({ length: 4 }, worker));
    assertEquals(failures, []);
    assertEquals(await snapshot(root), before, "a failing command changed the folder");
  } finally {
    busy.close();
    await Deno.remove(root, { recursive: true });
  }
});
