// Grids (lib/train/grid.ts): one SIGTERM to the parent stops the whole grid (the running worker
// writes its checkpoint, no new run starts), the manifest <out>/<name>.grid.json says where each
// run is, and the same command again resumes the grid to the same metrics as an uninterrupted one.
import { captured } from "./quiet.ts";
import { assert, assertEquals } from "./assert.ts";
import { main } from "../cli/train.ts";
import { openRun } from "../lib/store/run_store.ts";
import { gridFile, type GridManifest } from "../lib/train/grid.ts";
import { readTrainerState } from "../lib/train/checkpoint.ts";

const MAIN = new URL("../main.ts", import.meta.url).pathname;
const RUNS = ["g-InvertedPendulum-td3", "g-InvertedPendulum-fstd3"];

/** A two-run grid, one worker at a time; the replay buffer is saved by default (it is small). */
const gridArgs = (out: string) => [
  ...["--env", "InvertedPendulum", "--algo", "td3,fstd3", "--steps", "6000", "--hidden", "16,16"],
  ...["--start-steps", "100", "--update-after", "100", "--eval-every", "1000"],
  ...["--eval-episodes", "1", "--checkpoint-every", "0", "--record-every", "0"],
  ...["--name", "g", "--out", out, "--jobs", "1", "--progress-every", "0.1"],
];

const manifest = async (out: string): Promise<GridManifest> =>
  JSON.parse(await Deno.readTextFile(gridFile(out, "g")));

/** Metric rows without their wall times (update rows carry rates, which vary run to run). */
async function rows(dir: string): Promise<unknown[]> {
  return (await openRun(dir)).metrics.filter((r) => r.type !== "update").map((r) => ({
    ...r,
    time: 0,
  }));
}

Deno.test("grid: one SIGTERM stops the whole grid; the same command again resumes it to the uninterrupted grid's metrics", async () => {
  const whole = await Deno.makeTempDir({ prefix: "stackrl-grid-whole-" });
  const root = await Deno.makeTempDir({ prefix: "stackrl-grid-part-" });
  const part = `${root}/runs`; // not there yet: the grid makes it
  try {
    const first = await captured(main, gridArgs(whole));
    assertEquals(first.code, 0, first.out + first.err);
    assertEquals((await manifest(whole)).runs.map((r) => r.status), ["finished", "finished"]);

    // the parent alone gets SIGTERM once the first run is under way
    const child = new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", MAIN, "train", ...gridArgs(part)],
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    const stderr = new Response(child.stderr).text();
    let printed = "", signalled = false;
    const decoder = new TextDecoder();
    for await (const chunk of child.stdout) {
      printed += decoder.decode(chunk, { stream: true });
      const steps = [...printed.matchAll(/\[g-InvertedPendulum-td3\] step (\d+)\//g)];
      if (!signalled && steps.some((m) => Number(m[1]) >= 300)) {
        child.kill("SIGTERM");
        signalled = true;
      }
    }
    const { code } = await child.status;
    printed += await stderr;
    assertEquals(code, 143, printed);
    assert(printed.includes("Resume the grid with: deno task train --resume g --out"), printed);
    const stopped = await manifest(part);
    assertEquals(stopped.runs.map((r) => [r.id, r.status]), [
      [RUNS[0], "interrupted"],
      [RUNS[1], "pending"],
    ]);
    const state = await readTrainerState(`${part}/${RUNS[0]}/checkpoints/last`);
    assert(state.stepsDone >= 300 && state.stepsDone < 6000, `checkpoint at ${state.stepsDone}`);
    assert(state.replay.saved, "the replay buffer is saved by default");
    await Deno.stat(`${part}/${RUNS[1]}`).then(
      () => assert(false, "the second run must not start"),
      () => {},
    );

    const again = await captured(main, gridArgs(part));
    assertEquals(again.code, 0, again.out + again.err);
    assert(again.out.includes("1 to resume, 1 to start"), again.out);
    assertEquals((await manifest(part)).runs.map((r) => r.status), ["finished", "finished"]);
    for (const id of RUNS) {
      assertEquals(await rows(`${part}/${id}`), await rows(`${whole}/${id}`), id);
      const a = await Deno.readFile(`${whole}/${id}/checkpoints/last/tensors.bin`);
      const b = await Deno.readFile(`${part}/${id}/checkpoints/last/tensors.bin`);
      assert(a.length === b.length && a.every((x, i) => x === b[i]), `${id}: weights differ`);
    }

    // --resume <grid> of a finished grid skips every run
    const done = await captured(main, ["--resume", "g", "--out", part]);
    assertEquals(done.code, 0, done.out + done.err);
    assert(done.out.includes("all 2 runs are finished"), done.out);
  } finally {
    await Deno.remove(whole, { recursive: true });
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("grid: the same --name with other settings is one line naming the manifest, exit 1", async () => {
  const out = await Deno.makeTempDir({ prefix: "stackrl-grid-other-" });
  try {
    await Deno.writeTextFile(
      gridFile(out, "g"),
      JSON.stringify({
        format: "stackrl-grid/1",
        name: "g",
        createdAt: "2026-01-01T00:00:00.000Z",
        updatedAt: "2026-01-01T00:00:00.000Z",
        runs: [],
      }),
    );
    const r = await captured(main, gridArgs(out));
    assertEquals(r.code, 1, r.out + r.err);
    assertEquals(r.err.trim().split("\n").length, 1, r.err);
    assert(r.err.includes(`${out}/g.grid.json: grid "g" exists with other settings`), r.err);
  } finally {
    await Deno.remove(out, { recursive: true });
  }
});
