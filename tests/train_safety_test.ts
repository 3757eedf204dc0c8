// Runs that survive clusters and mistakes: one writer per run (lib/store/run_lock.ts), stop
// signals that checkpoint (lib/train/signals.ts), stale runs in the store and the UI, and a resume
// that cannot shrink a run below the steps it has done.
import { captured } from "./quiet.ts";
import { assert, assertEquals } from "./assert.ts";
import { main } from "../cli/train.ts";
import {
  listRuns,
  openRun,
  type RunConfig,
  type RunStatus,
  RunWriter,
} from "../lib/store/run_store.ts";
import {
  acquireRunLock,
  hostName,
  LOCK_FILE,
  type LockHolder,
  readLock,
  RunLockedError,
} from "../lib/store/run_lock.ts";
import { listenForStop } from "../lib/train/signals.ts";
import { readTrainerState } from "../lib/train/checkpoint.ts";
import { createApp } from "../lib/ui/app.ts";
import { loadRun } from "../lib/ui/runs.ts";

const MAIN = new URL("../main.ts", import.meta.url).pathname;
const LINUX = Deno.build.os === "linux"; // liveness is read from /proc

const capture = (args: string[]) => captured(main, args);

function config(id: string): RunConfig {
  return {
    id,
    env: "InvertedPendulum",
    algo: "td3",
    seeds: [0],
    steps: 1000,
    backend: "wasm",
    hidden: [16, 16],
    evalEvery: 0,
    evalEpisodes: 1,
    checkpointEvery: 0,
    recordEvery: 0,
    createdAt: "2026-01-01T00:00:00.000Z",
    versions: { deno: "2", tfjs: "4.22.0", mujoco: "3.14.0" },
  };
}

/** A run directory with config.json and `status` (no training, no lock left behind). */
async function fakeRun(out: string, id: string, status: Partial<RunStatus> = {}): Promise<string> {
  const writer = await RunWriter.create(out, config(id), {
    status: "running",
    stepsDone: 0,
    stepsTotal: 1000,
    bestEval: null,
    wallTime: 0,
    updatedAt: new Date().toISOString(),
    ...status,
  });
  writer.close();
  return `${out}/${id}`;
}

/** The pid of a process that has exited (and been reaped: /proc has no entry for it). */
async function deadPid(): Promise<number> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["--version"],
    stdout: "null",
    stderr: "null",
  }).spawn();
  await child.status;
  return child.pid;
}

async function writeLock(dir: string, holder: LockHolder): Promise<void> {
  await Deno.writeTextFile(`${dir}/${LOCK_FILE}`, JSON.stringify(holder) + "\n");
}

Deno.test("run lock: a second writer is refused with one line naming the holder", async () => {
  const out = await Deno.makeTempDir();
  try {
    // the first writer: this very process, alive
    const writer = await RunWriter.create(out, config("held"), {
      status: "running",
      stepsDone: 0,
      stepsTotal: 1000,
      bestEval: null,
      wallTime: 0,
      updatedAt: new Date().toISOString(),
    });
    const holder = readLock(`${out}/held`)!;
    assertEquals([holder.pid, holder.host], [Deno.pid, hostName()]);
    let refused: unknown;
    try {
      await RunWriter.open(`${out}/held`);
    } catch (error) {
      refused = error;
    }
    assert(refused instanceof RunLockedError, String(refused));
    const { code, out: printed, err } = await capture(["--resume", "held", "--out", out]);
    assertEquals(code, 1, printed + err);
    const lines = err.trim().split("\n");
    assertEquals(lines.length, 1, err); // one line, no stack trace
    for (const part of [`pid ${Deno.pid}`, `host ${holder.host}`, `since ${holder.startedAt}`]) {
      assert(lines[0].includes(part), `${part} in ${lines[0]}`);
    }
    assertEquals(readLock(`${out}/held`), holder); // the holder keeps it
    writer.close();
    assertEquals(readLock(`${out}/held`), null); // released at the end

    // a writer on another host cannot be checked from here: refused unless forced
    const dir = await fakeRun(out, "elsewhere");
    const remote = { host: "node-that-is-not-here", pid: 4242, startedAt: "2026-01-01T00:00:00Z" };
    await writeLock(dir, remote);
    const other = await capture(["--resume", "elsewhere", "--out", out]);
    assertEquals(other.code, 1);
    assert(other.err.includes("pid 4242 on host node-that-is-not-here"), other.err);
    assert(other.err.includes("--force-unlock"), other.err);
    const notices: string[] = [];
    const lock = await acquireRunLock(dir, { force: true, log: (l) => notices.push(l) });
    assertEquals(readLock(dir)?.pid, Deno.pid);
    assert(notices.join().includes("pid 4242 on host node-that-is-not-here"), notices.join());
    lock.release();

    // --force-unlock means nothing for a new run
    const fresh = await capture(["--force-unlock", "--out", out]);
    assertEquals(fresh.code, 2);
    assert(fresh.err.includes("--force-unlock") && fresh.err.includes("--resume"), fresh.err);
  } finally {
    await Deno.remove(out, { recursive: true });
  }
});

Deno.test({
  name: "run lock: a lock whose process is gone is taken over with a notice",
  ignore: !LINUX,
  fn: async () => {
    const out = await Deno.makeTempDir();
    try {
      const dir = await fakeRun(out, "orphan");
      const pid = await deadPid();
      await writeLock(dir, { host: hostName()!, pid, startedAt: "2026-01-01T00:00:00Z" });
      const notices: string[] = [];
      const lock = await acquireRunLock(dir, { log: (l) => notices.push(l) });
      assertEquals(notices.length, 1);
      assert(notices[0].includes(`pid ${pid}`) && notices[0].includes("gone"), notices[0]);
      assertEquals(readLock(dir)?.pid, Deno.pid);
      lock.release();
      assertEquals(readLock(dir), null);
    } finally {
      await Deno.remove(out, { recursive: true });
    }
  },
});

Deno.test({
  name: "store: a run that says running with a dead writer reads as stale, and its stream ends",
  ignore: !LINUX,
  fn: async () => {
    const out = await Deno.makeTempDir();
    try {
      const pid = await deadPid();
      const host = hostName()!;
      // killed outright: status.json says running, its pid is gone (no lock: a pre-lock run)
      await fakeRun(out, "by-status", { pid, host });
      // killed outright: the lock it left names a gone process
      const byLock = await fakeRun(out, "by-lock");
      await writeLock(byLock, { host, pid, startedAt: "2026-01-01T00:00:00Z" });
      // written on another host, or with no writer named: cannot tell, still running
      await fakeRun(out, "remote", { pid, host: "node-that-is-not-here" });
      await fakeRun(out, "unnamed");
      const states = Object.fromEntries((await listRuns(out)).map((r) => [r.id, r.status]));
      assertEquals(states, {
        "by-status": "stale",
        "by-lock": "stale",
        remote: "running",
        unnamed: "running",
      });
      assertEquals((await openRun(`${out}/by-lock`)).status.status, "stale");
      assertEquals((await loadRun(out, "by-status")).status?.status, "stale");

      const app = createApp({ runsDir: out, pollMs: 20 });
      const res = await app.request("/api/runs/by-lock/stream");
      const text = await res.text(); // returns only because the stream ends
      assert(text.includes("event: end"), text);
      assert(text.includes('"status":"stale"'), text);
      const page = await (await app.request("/runs/by-lock")).text();
      assert(page.includes("status-stale") && page.includes("--resume by-lock"), page);
    } finally {
      await Deno.remove(out, { recursive: true });
    }
  },
});

Deno.test("resume: --steps below the steps already done is an error naming the flag, value and minimum", async () => {
  const out = await Deno.makeTempDir();
  try {
    const dir = await fakeRun(out, "done500", { status: "interrupted", stepsDone: 500 });
    // a checkpoint at step 500 (only trainer.json is read before the check)
    await Deno.mkdir(`${dir}/checkpoints/last`, { recursive: true });
    await Deno.writeTextFile(`${dir}/checkpoints/last/agent.json`, "{}");
    await Deno.writeFile(`${dir}/checkpoints/last/tensors.bin`, new Uint8Array());
    await Deno.writeTextFile(
      `${dir}/checkpoints/last/trainer.json`,
      JSON.stringify({ format: "stackrl-trainer/1", stepsDone: 500 }),
    );
    const configBefore = await Deno.readTextFile(`${dir}/config.json`);
    const statusBefore = await Deno.readTextFile(`${dir}/status.json`);
    const { code, err } = await capture(["--resume", "done500", "--out", out, "--steps", "100"]);
    assertEquals(code, 2, err);
    assertEquals(err.trim().split("\n").length, 1, err);
    assert(err.startsWith("error: --steps: got 100; allowed: an integer >= 500"), err);
    assertEquals(await Deno.readTextFile(`${dir}/config.json`), configBefore);
    assertEquals(await Deno.readTextFile(`${dir}/status.json`), statusBefore);
    assertEquals(readLock(dir), null); // released on the error too
  } finally {
    await Deno.remove(out, { recursive: true });
  }
});

Deno.test("listenForStop: SIGHUP aborts with exit code 129; a repeat at once is the same request", async () => {
  let repeats = 0;
  const stop = listenForStop({ onRepeat: () => repeats++ });
  try {
    Deno.kill(Deno.pid, "SIGHUP");
    while (!stop.signal.aborted) await new Promise((r) => setTimeout(r, 10));
    Deno.kill(Deno.pid, "SIGHUP"); // e.g. from the process group and a forwarding parent
    await new Promise((r) => setTimeout(r, 100));
  } finally {
    stop.remove();
  }
  assertEquals([stop.received, stop.exitCode(), repeats], ["SIGHUP", 129, 0]);
});

async function waitForStep(statusFile: string, step: number, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    try {
      if (JSON.parse(await Deno.readTextFile(statusFile)).stepsDone >= step) return;
    } catch { /* not there yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${statusFile} did not reach step ${step}`);
}

Deno.test("train cli: SIGTERM writes a loadable checkpoint, marks the run interrupted, exits 143; --resume continues", async () => {
  const out = await Deno.makeTempDir();
  try {
    const child = new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "-A",
        MAIN,
        "train",
        ...["--env", "InvertedPendulum", "--algo", "td3", "--steps", "200000"],
        ...["--start-steps", "100", "--update-after", "100", "--eval-every", "0"],
        ...["--eval-episodes", "1", "--checkpoint-every", "0", "--record-every", "0"],
        ...["--checkpoint-replay", "--progress-every", "1", "--name", "term", "--out", out],
      ],
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    await waitForStep(`${out}/term/status.json`, 1);
    child.kill("SIGTERM");
    const result = await child.output();
    const printed = new TextDecoder().decode(result.stdout) +
      new TextDecoder().decode(result.stderr);
    assertEquals(result.code, 143, printed);
    assert(printed.includes(`deno task train --resume term --out ${out}`), printed);
    const run = await openRun(`${out}/term`);
    assertEquals(run.status.status, "interrupted");
    assertEquals(readLock(`${out}/term`), null); // released on the way out
    const state = await readTrainerState(`${out}/term/checkpoints/last`);
    assert(state.stepsDone > 0, `checkpoint at ${state.stepsDone}`);
    assertEquals(state.stepsDone, run.status.stepsDone);
    assert(state.replay.saved, "replay saved");

    // the resume loads that checkpoint (agent, replay, RNG) and carries on to a new budget
    const steps = state.stepsDone + 200;
    const resumed = await capture(["--resume", "term", "--out", out, "--steps", String(steps)]);
    assertEquals(resumed.code, 0, resumed.out + resumed.err);
    const after = await openRun(`${out}/term`);
    assertEquals([after.status.status, after.status.stepsDone], ["finished", steps]);
    assertEquals(after.config.steps, steps);
    assertEquals(readLock(`${out}/term`), null);
  } finally {
    await Deno.remove(out, { recursive: true });
  }
});
