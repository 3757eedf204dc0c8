// Browser test of the /learn page: playwright-core drives Debian's chromium (headless) against a
// server this test starts on a free loopback port with an empty runs folder. The page trains
// InvertedPendulum with fstd3 in its Web Worker (autostart), is paused and resumed, reports a best
// evaluation of at least 900, draws its curves and the 3D view, stops, saves to the runs, and the
// run is found through /api/runs with its rollouts and metrics, and its run and rollout pages
// draw; no console error on the way. Its rows equal those of `deno task train` (the embedded
// default) up to the step where the page stopped. A page whose browser lacks Workers and
// WebAssembly SIMD says so and does not start. The browser side runs in a child process
// (tests/browser/learn_check.ts: playwright-core needs --allow-all). Skipped, with the reason
// printed, when /usr/bin/chromium is absent.
import { assert, assertEquals } from "./assert.ts";
import { createApp } from "../lib/ui/app.ts";
import type { LearnBrowserReport } from "./browser/learn_check.ts";

const CHROMIUM = "/usr/bin/chromium";
const MAIN = new URL("../main.ts", import.meta.url).pathname;

/** The rows of a metrics.jsonl without what depends on the clock. */
async function timelessRows(path: string): Promise<Record<string, unknown>[]> {
  return (await Deno.readTextFile(path)).trim().split("\n").map((line) => {
    const { time: _t, stepsPerSecond: _s, ...rest } = JSON.parse(line);
    return rest;
  });
}
const chromiumPresent = await Deno.stat(CHROMIUM).then(() => true, () => false);
if (!chromiumPresent) {
  console.log(`learn_browser_test: skipped: ${CHROMIUM} is absent (apt-get install -y chromium)`);
}
/** Seconds the page may take to reach the target (about 10 s here); the whole check is bounded too. */
const TARGET_SECONDS = 150;

Deno.test({
  name:
    "learn (browser): the page learns InvertedPendulum to 900+, saves to runs, no console error",
  ignore: !chromiumPresent,
  fn: async () => {
    const root = await Deno.makeTempDir({ prefix: "stackrl-learn-browser-" });
    const app = createApp({ runsDir: root, pollMs: 200, bundleAtStart: true });
    const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, app.fetch);
    try {
      const base = `http://127.0.0.1:${server.addr.port}`;
      const driver = new URL("./browser/learn_check.ts", import.meta.url).pathname;
      const out = await new Deno.Command(Deno.execPath(), {
        args: ["run", "-A", driver, base, CHROMIUM, String(TARGET_SECONDS), "900"],
        stdout: "piped",
        stderr: "piped",
        signal: AbortSignal.timeout((TARGET_SECONDS + 90) * 1000),
      }).output();
      const stdout = new TextDecoder().decode(out.stdout);
      const stderr = new TextDecoder().decode(out.stderr);
      assert(out.success, `browser check failed:\n${stderr.slice(-3000)}`);
      const report = JSON.parse(stdout.trim().split("\n").pop()!) as LearnBrowserReport;
      console.log(
        `learn (browser): best ${report.bestEval} after ${report.secondsToTarget?.toFixed(1)} s; ` +
          `${report.stepsDone} steps at ${report.averageStepsPerSecond} steps/s; ${report.runtime}`,
      );
      assertEquals(report.problems, []);
      assert(report.bestEval !== null && report.bestEval >= 900, `best eval ${report.bestEval}`);
      assert(report.charts >= 4, `only ${report.charts} chart canvases`);
      assert(report.viewCanvas, "the 3D view drew no canvas");
      assert(report.stateAfterStop === "stopped" || report.stateAfterStop === "finished");
      assert(report.savedId, "the page reported no saved run");
      assert(report.listed, `/api/runs does not list ${report.savedId}`);
      assert((report.listedBestEval ?? 0) >= 900, `listed best eval ${report.listedBestEval}`);
      assert(report.savedRollouts.includes("best"), `rollouts ${report.savedRollouts}`);
      assert((report.savedCounts?.eval ?? 0) >= 2, `counts ${JSON.stringify(report.savedCounts)}`);
      assertEquals(report.savedPages, { charts: true, rollout: true }, "the saved run's pages");
      assertEquals(report.pauseHeld, true, "Pause held the steps and Resume went on");
      assert(
        /Web Workers and WebAssembly SIMD/.test(report.missingMessage ?? ""),
        `missing-features message: ${report.missingMessage}`,
      );
      const dirs = (await Array.fromAsync(Deno.readDir(root))).map((e) => e.name);
      assertEquals(dirs, [report.savedId], "the save wrote exactly one run folder");
      // the same curve as `deno task train` (the page's defaults are the embedded default's)
      const cli = await new Deno.Command(Deno.execPath(), {
        args: ["run", "-A", MAIN, "train", `--out=${root}/cli`, "--name=cli"],
        stdout: "piped",
        stderr: "piped",
      }).output();
      assert(cli.success, new TextDecoder().decode(cli.stderr).slice(-2000));
      const page = await timelessRows(`${root}/${report.savedId}/metrics.jsonl`);
      const stepsDone = Math.max(...page.map((r) => Number(r.step)));
      const trained = (await timelessRows(`${root}/cli/cli/metrics.jsonl`))
        .filter((r) => Number(r.step) <= stepsDone);
      assert(page.length > 100, `${page.length} rows`);
      assertEquals(page, trained, "the page's rows and deno task train's differ");
    } finally {
      await server.shutdown();
      await Deno.remove(root, { recursive: true });
    }
  },
});
