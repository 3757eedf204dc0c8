import { captured } from "./quiet.ts";
import { assert, assertEquals } from "./assert.ts";
import { helpText, main, parseArgs, resolveRuns } from "../cli/train.ts";
import { FIELDS } from "../lib/train/config.ts";
import { type EpisodeRow, listRuns, openRun } from "../lib/store/run_store.ts";
import { findCheckpoint, readTrainerState } from "../lib/train/checkpoint.ts";

const CLI = new URL("../cli/train.ts", import.meta.url).pathname;
const PERMISSIONS = [
  "--allow-read",
  "--allow-write",
  "--allow-env",
  "--allow-run",
  "--allow-sys",
];
const QUICK = [
  "--start-steps",
  "100",
  "--update-after",
  "100",
  "--eval-episodes",
  "1",
  "--record-every",
  "0",
  "--progress-every",
  "1",
];

const capture = (args: string[]) => captured(main, args);

Deno.test("train cli: --help lists every option with its default", async () => {
  const text = helpText();
  for (const f of FIELDS) assert(text.includes(f.flag), f.flag);
  for (const flag of ["--config", "--resume", "--jobs", "--help"]) {
    assert(text.includes(flag), flag);
  }
  assert(text.includes("default: 16,16") && text.includes("default: fstd3"), text);
  const { code, out } = await capture(["--help"]);
  assertEquals(code, 0);
  assert(out.includes("--lr-actor"));
});

Deno.test("train cli: bad command lines exit 2, name the field, value and what is allowed, write nothing", async () => {
  const root = await Deno.makeTempDir();
  const out = `${root}/runs`;
  const file = `${root}/bad.json`;
  await Deno.writeTextFile(file, JSON.stringify({ lrActr: 0.1 }));
  const cases: [string[], string[]][] = [
    [["--lr-actr", "1"], ["--lr-actor"]],
    [["--algo", "fstd4"], ["algo", '"fstd4"', '"fstd3"', "allowed"]],
    [["--env", "Hoper"], ["env", '"Hoper"', '"Hopper"']],
    [["--steps", "-5"], ["steps", "-5", "allowed: an integer >= 1"]],
    [["--seeds", "0,2"], ["seeds", '"0,2"', "consecutive"]],
    [["--algo", "ddpg", "--policy-delay", "3"], ["--policy-delay", "3", "does not apply to ddpg"]],
    [["--steps", "abc"], ['--steps: got "abc"; allowed: an integer']],
    [["--lr-actor", "fast"], ['--lr-actor: got "fast"']],
    [["--hidden", "16,a"], ["hidden", '"16,a"', "integers"]],
    [["--gamma", "1.5"], ["gamma", "1.5", "<= 1"]],
    [["--k1k2", "both"], ["k1k2", '"both"', '"listing"']],
    [["--steps"], ["--steps: got no value; allowed: an integer 1..1000000000"]],
    [["--jobs", "0"], ["--jobs", "1..64"]],
    [["--config", file], ["lrActr", 'did you mean "lrActor"']],
    [["--config", `${root}/missing.json`], ["--config", "missing.json"]],
    [["--resume", "nope"], ["resume", '"nope"']],
    [["--resume", "nope", "--algo", "td3"], ["--resume", "--algo"]],
    [["--name", "../x"], ["name", '"../x"']],
    [
      [
        "--env",
        "Humanoid",
        "--seeds",
        "0-63",
        "--steps",
        "1000000000",
        "--replay-capacity",
        "2000000000",
      ],
      ["--replay-capacity", "2000000000"],
    ],
  ];
  for (const [args, needles] of cases) {
    const { code, err } = await capture([...args, "--out", out]);
    assertEquals(code, 2, `${args.join(" ")}: ${err}`);
    for (const needle of needles) assert(err.includes(needle), `${args.join(" ")}: ${err}`);
  }
  let exists = true;
  try {
    await Deno.stat(out);
  } catch {
    exists = false;
  }
  assert(!exists, "a run directory was created");
  await Deno.remove(root, { recursive: true });
});

Deno.test("train cli: flags override the config file; lists make a grid", async () => {
  const root = await Deno.makeTempDir();
  const file = `${root}/c.json`;
  await Deno.writeTextFile(
    file,
    JSON.stringify({ algo: "td3", steps: 300, lrActor: 0.002, policyDelay: 3, seeds: "0-2" }),
  );
  const [one] = await resolveRuns(parseArgs(["--config", file, "--steps", "200"]));
  assertEquals([one.algo, one.steps, one.lrActor, one.policyDelay, one.seeds], [
    "td3",
    200,
    0.002,
    3,
    [0, 1, 2],
  ]);
  const grid = await resolveRuns(
    parseArgs(["--config", file, "--algo", "ddpg,td3", "--env", "Hopper,Walker2d"]),
  );
  assertEquals(grid.map((c) => `${c.env}/${c.algo}`), [
    "Hopper/ddpg",
    "Hopper/td3",
    "Walker2d/ddpg",
    "Walker2d/td3",
  ]);
  assertEquals(grid.map((c) => c.policyDelay), [2, 3, 2, 3]); // dropped where it does not apply
  await Deno.remove(root, { recursive: true });
});

Deno.test("train cli: a grid of 2 algorithms × 2 environments with --jobs 2 gives 4 complete runs", async () => {
  const out = await Deno.makeTempDir();
  const result = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      ...PERMISSIONS,
      CLI,
      "--algo",
      "ddpg,td3",
      "--env",
      "InvertedPendulum,InvertedDoublePendulum",
      "--jobs",
      "2",
      "--steps",
      "300",
      ...QUICK,
      "--out",
      out,
    ],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(result.stdout);
  assertEquals(result.code, 0, text + new TextDecoder().decode(result.stderr));
  const runs = await listRuns(out);
  assertEquals(runs.length, 4);
  assertEquals(runs.map((r) => `${r.env}/${r.algo}`).sort(), [
    "InvertedDoublePendulum/ddpg",
    "InvertedDoublePendulum/td3",
    "InvertedPendulum/ddpg",
    "InvertedPendulum/td3",
  ]);
  for (const r of runs) {
    assertEquals([r.status, r.stepsDone, r.error], ["finished", 300, undefined]);
  }
  assert(text.includes(`View them with: deno task serve --runs ${out}`), text); // not runs/
  await Deno.remove(out, { recursive: true });
});

async function waitForStep(statusFile: string, step: number, timeoutMs = 45_000): Promise<void> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    try {
      const status = JSON.parse(await Deno.readTextFile(statusFile));
      if (status.stepsDone >= step) return;
    } catch {
      // not there yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${statusFile} did not reach step ${step}`);
}

Deno.test("train cli: a run killed with SIGKILL resumes, losing at most the steps since its checkpoint", async () => {
  const out = await Deno.makeTempDir();
  const child = new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      ...PERMISSIONS,
      CLI,
      "--algo",
      "td3",
      "--steps",
      "2500",
      "--checkpoint-every",
      "500",
      "--eval-every",
      "500",
      "--name",
      "killed",
      ...QUICK,
      "--out",
      out,
    ],
    stdout: "null",
    stderr: "null",
  }).spawn();
  await waitForStep(`${out}/killed/status.json`, 1000);
  child.kill("SIGKILL");
  await child.status;
  const before = await openRun(`${out}/killed`); // nothing corrupt
  // status.json still says running, but its writer is gone: the store says stale
  assertEquals(before.status.status, "stale");
  const last = await findCheckpoint(`${out}/killed/checkpoints`, "last");
  const saved = (await readTrainerState(last!)).stepsDone;
  assert(saved >= 1000 && saved % 500 === 0, `checkpoint at ${saved}`);

  const { code, out: printed, err } = await capture(["--resume", "killed", "--out", out]);
  assertEquals(code, 0, printed);
  assert(err.includes("taking over the lock"), err); // the killed writer's lock was left behind
  // the finish hint names the runs folder, since it is not the default
  assert(printed.includes(`View it with: deno task serve --runs ${out}\n`), printed);
  const run = await openRun(`${out}/killed`);
  assertEquals([run.status.status, run.status.stepsDone], ["finished", 2500]);
  const episodes = run.metrics.filter((r): r is EpisodeRow => r.type === "episode");
  const steps = episodes.map((e) => e.step);
  assertEquals(steps, [...steps].sort((a, b) => a - b)); // no duplicated stretch
  const evals = run.metrics.filter((r) => r.type === "eval").map((r) => r.step);
  assertEquals(evals, [0, 500, 1000, 1500, 2000, 2500]);
  await Deno.remove(out, { recursive: true });
});

Deno.test("train cli: SIGINT writes a checkpoint, marks the run interrupted and says how to resume", async () => {
  const out = await Deno.makeTempDir();
  const child = new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      ...PERMISSIONS,
      CLI,
      "--algo",
      "ddpg",
      "--steps",
      "100000",
      "--checkpoint-every",
      "300",
      "--eval-every",
      "0",
      "--name",
      "stopped",
      ...QUICK,
      "--out",
      out,
    ],
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  await waitForStep(`${out}/stopped/status.json`, 300);
  child.kill("SIGINT");
  const result = await child.output();
  const text = new TextDecoder().decode(result.stdout);
  assertEquals(result.code, 130, text + new TextDecoder().decode(result.stderr));
  assert(text.includes(`deno task train --resume stopped --out ${out}`), text);
  const run = await openRun(`${out}/stopped`);
  assertEquals(run.status.status, "interrupted");
  const state = await readTrainerState(`${out}/stopped/checkpoints/last`);
  assertEquals(state.stepsDone, run.status.stepsDone);
  await Deno.remove(out, { recursive: true });
});
