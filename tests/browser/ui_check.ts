/**
 * Drives the web UI in Debian's chromium with playwright-core and reports what it saw as JSON
 * (used by `tests/ui_browser_test.ts`, which asserts on the report). It runs as its own process
 * because playwright-core probes files (`/proc/sys/fs/binfmt_misc/WSLInterop`) that Deno grants
 * only with `--allow-all`, which the test task does not give.
 *
 * Usage: `deno run -A tests/browser/ui_check.ts <base-url> <runs-dir> <finished-id> <running-id>
 * [chromium] [--video]`
 * (`--video` also exports the rollout to WebM: about 20 s under software rendering).
 * @module
 */
import { launchChromium, recordProblems } from "./chromium.ts";

/** What the browser check observed. */
export interface BrowserReport {
  rows: number;
  filteredRows: number;
  firstAfterSort: string | null;
  compareHref: string | null;
  drawnPixels: number;
  /** Metric rows the running run's page held before and after a row was appended on disk. */
  liveRows: [number, number];
  /** The running run's header (status, steps, best) after its status.json said finished. */
  liveHeader: string[];
  /** Chart canvases on the compare page of the two runs. */
  compareCharts: number;
  canvasChanged: boolean;
  frameIndex: string | null;
  exportLabel: string;
  /** First four bytes of the exported video, or null when not exported (no `--video`, or no WebCodecs). */
  videoMagic: number[] | null;
  videoBytes: number;
  problems: string[];
}

/** Runs the check against the UI at `base`. */
export async function browserCheck(
  base: string,
  runsDir: string,
  runId: string,
  runningId: string,
  executablePath: string,
  video = false,
): Promise<BrowserReport> {
  const browser = await launchChromium(executablePath);
  const problems: string[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    recordProblems(page, problems, { httpErrors: true });

    // runs page: the table hydrates, filters and sorts
    await page.goto(`${base}/`);
    await page.waitForSelector(`tr[data-run="${runId}"]`);
    const rows = await page.locator("tbody tr").count();
    await page.fill('input[type="search"]', "fstd3");
    await page.waitForFunction(() => document.querySelectorAll("tbody tr").length <= 1);
    const filteredRows = await page.locator("tbody tr").count();
    await page.fill('input[type="search"]', "");
    await page.click("th:has-text('Best eval')");
    await page.click("th:has-text('Best eval')");
    const firstAfterSort = await page.locator("tbody tr").first().getAttribute("data-run");
    await page.check(`input[aria-label="Select ${runId}"]`);
    const compareHref = await page.getAttribute("#compare-link", "href");

    // run page: a chart canvas with drawn pixels
    await page.click(`a[href="/runs/${runId}"]`);
    await page.waitForSelector('[data-chart="eval"] canvas');
    const drawnPixels = await page.evaluate(() => {
      const c = document.querySelector('[data-chart="eval"] canvas') as HTMLCanvasElement;
      const d = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
      return n;
    });

    // live updates: a row appended to a running run's metrics arrives over SSE, no reload
    const runPage = page.url();
    await page.goto(`${base}/runs/${runningId}`);
    await page.waitForFunction(() =>
      Number(document.querySelector(".run-charts")?.getAttribute("data-rows")) > 0
    );
    const before0 = Number(await page.getAttribute(".run-charts", "data-rows"));
    const row = {
      type: "eval",
      member: 0,
      seed: 0,
      step: 999_999,
      returnMean: 1,
      returnStd: 0,
      returns: [1],
      time: 1,
    };
    await Deno.writeTextFile(
      `${runsDir}/${runningId}/metrics.jsonl`,
      JSON.stringify(row) + "\n",
      { append: true },
    );
    await page.waitForFunction(
      (n) => Number(document.querySelector(".run-charts")?.getAttribute("data-rows")) > n,
      before0,
      { timeout: 15_000 },
    ).catch(() => {});
    const after0 = Number(await page.getAttribute(".run-charts", "data-rows"));
    // the run finishes while its page is open: the header follows the stream's status event
    const statusPath = `${runsDir}/${runningId}/status.json`;
    const finished = { ...JSON.parse(await Deno.readTextFile(statusPath)) };
    Object.assign(finished, { status: "finished", stepsDone: 10000, bestEval: 321.5 });
    await Deno.writeTextFile(`${statusPath}.tmp`, JSON.stringify(finished));
    await Deno.rename(`${statusPath}.tmp`, statusPath);
    await page.waitForFunction(
      () => document.getElementById("run-status")?.textContent === "finished",
      undefined,
      { timeout: 15_000 },
    ).catch(() => {});
    const liveHeader = await page.evaluate(() =>
      ["run-status", "run-steps", "run-best"].map((id) =>
        document.getElementById(id)?.textContent?.trim() ?? ""
      )
    );
    await page.goto(runPage);
    await page.waitForSelector('[data-chart="eval"] canvas');

    // compare: one chart per environment (the fixture runs are all Hopper)
    await page.goto(`${base}/compare?ids=${runId},${runningId}`);
    await page.waitForSelector('[data-env="Hopper"] canvas');
    const compareCharts = await page.locator(".compare-chart canvas").count();
    await page.goto(runPage);
    await page.waitForSelector('[data-chart="eval"] canvas');

    // rollout: MuJoCo + three.js draw it; playing changes the picture
    // (a small viewport keeps software rendering and encoding quick in headless chromium)
    await page.setViewportSize({ width: 640, height: 600 });
    await page.click(`a[href="/runs/${runId}/rollouts/best"]`);
    await page.waitForSelector('.viewport[data-state="ready"]', { timeout: 60_000 });
    const canvas = page.locator(".viewport canvas");
    const before = await canvas.screenshot();
    await page.click("#play");
    await page.waitForTimeout(700);
    const after = await canvas.screenshot();
    const canvasChanged = before.length !== after.length || before.some((b, i) => b !== after[i]);
    const frameIndex = await page.textContent("#frame-index");

    // video export: WebCodecs where present, otherwise the button says so
    const exportLabel = (await page.textContent("#export-video")) ?? "";
    let videoMagic: number[] | null = null, videoBytes = 0;
    if (video && !exportLabel.includes("unavailable")) {
      if ((await page.textContent("#play")) === "Pause") await page.click("#play");
      const [download] = await Promise.all([
        page.waitForEvent("download", { timeout: 120_000 }),
        page.click("#export-video"),
      ]);
      const bytes = await Deno.readFile(await download.path());
      videoMagic = [...bytes.slice(0, 4)];
      videoBytes = bytes.length;
    }
    return {
      rows,
      filteredRows,
      firstAfterSort,
      compareHref,
      drawnPixels,
      liveRows: [before0, after0],
      liveHeader,
      compareCharts,
      canvasChanged,
      frameIndex,
      exportLabel,
      videoMagic,
      videoBytes,
      problems,
    };
  } finally {
    await browser.close();
  }
}

if (import.meta.main) {
  const [base, runsDir, runId, runningId, chromiumPath = "/usr/bin/chromium"] = Deno.args;
  const report = await browserCheck(
    base,
    runsDir,
    runId,
    runningId,
    chromiumPath.startsWith("--") ? "/usr/bin/chromium" : chromiumPath,
    Deno.args.includes("--video"),
  );
  console.log(JSON.stringify(report));
  // playwright keeps handles open on some platforms; the report is out, so leave now
  Deno.exit(0);
}
