// Browser test of the web UI: playwright-core drives Debian's chromium (headless) against a
// server this test starts on a free loopback port: the runs table, a run's chart canvas with
// drawn pixels, a live row arriving over SSE on a running run's page and its header following
// the run to finished, a rollout that changes the canvas while playing, video export, no console
// errors. The browser side runs in a child process (tests/browser/ui_check.ts) because
// playwright-core needs --allow-all. Skipped, with the reason printed, when /usr/bin/chromium is
// absent (`apt-get install -y chromium` installs it). Set STACKRL_UI_VIDEO_TEST=1 to also export
// the rollout to WebM with WebCodecs (about 20 s more under software rendering).
import { assert, assertEquals } from "./assert.ts";
import { createApp } from "../lib/ui/app.ts";
import { FIXTURE, writeFixtureRuns } from "./ui_fixture.ts";
import type { BrowserReport } from "./browser/ui_check.ts";

const CHROMIUM = "/usr/bin/chromium";
const chromiumPresent = await Deno.stat(CHROMIUM).then(() => true, () => false);
if (!chromiumPresent) {
  console.log(`ui_browser_test: skipped: ${CHROMIUM} is absent (apt-get install -y chromium)`);
}

Deno.test({
  name: "ui (browser): runs page, run charts, rollout playback and video export in chromium",
  ignore: !chromiumPresent,
  fn: async () => {
    const root = await Deno.makeTempDir({ prefix: "stackrl-ui-browser-" });
    await writeFixtureRuns(root);
    const app = createApp({ runsDir: root, pollMs: 200, bundleAtStart: true });
    const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, app.fetch);
    try {
      const base = `http://127.0.0.1:${server.addr.port}`;
      const driver = new URL("./browser/ui_check.ts", import.meta.url).pathname;
      const out = await new Deno.Command(Deno.execPath(), {
        args: [
          "run",
          "-A",
          driver,
          base,
          root,
          FIXTURE.finished,
          FIXTURE.running,
          CHROMIUM,
          ...(Deno.env.get("STACKRL_UI_VIDEO_TEST") === "1" ? ["--video"] : []),
        ],
        stdout: "piped",
        stderr: "piped",
      }).output();
      const stdout = new TextDecoder().decode(out.stdout);
      const stderr = new TextDecoder().decode(out.stderr);
      assert(out.success, `browser check failed:\n${stderr.slice(-3000)}`);
      const report = JSON.parse(stdout.trim().split("\n").pop()!) as BrowserReport;
      assertEquals(report.rows, 4);
      assertEquals(report.filteredRows, 1);
      assertEquals(report.firstAfterSort, FIXTURE.finished);
      assert(report.compareHref?.includes(FIXTURE.finished));
      assert(report.drawnPixels > 1000, `eval chart: only ${report.drawnPixels} drawn pixels`);
      assert(report.liveRows[0] > 0, "the running run's charts loaded no rows");
      assertEquals(report.liveRows[1], report.liveRows[0] + 1, "the appended row arrived over SSE");
      assertEquals(
        report.liveHeader,
        ["finished", "10,000 / 10,000", "321.5"],
        "the header follows the stream",
      );
      assertEquals(report.compareCharts, 1, "one compare chart for the one environment");
      assert(report.canvasChanged, "the rollout canvas did not change while playing");
      assert(/^\d+ \/ 90$/.test(report.frameIndex ?? ""), `frame index ${report.frameIndex}`);
      assert(report.exportLabel.startsWith("Export video"), report.exportLabel);
      if (report.videoMagic !== null) {
        assertEquals(report.videoMagic, [0x1a, 0x45, 0xdf, 0xa3], "a WebM (EBML) file");
        assert(report.videoBytes > 1000);
      }
      assertEquals(report.problems, []);
    } finally {
      await server.shutdown();
      await Deno.remove(root, { recursive: true });
    }
  },
});
