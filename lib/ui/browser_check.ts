/**
 * Drives the web UI in Debian's chromium with playwright-core and reports what it saw as JSON
 * (used by `tests/ui_browser_test.ts`, which asserts on the report). It runs as its own process
 * because playwright-core probes files (`/proc/sys/fs/binfmt_misc/WSLInterop`) that Deno grants
 * only with `--allow-all`, which the test task does not give.
 *
 * Usage: `deno run -A lib/ui/browser_check.ts <base-url> <finished-run-id> [chromium] [--video]`
 * (`--video` also exports the rollout to WebM: about 20 s under software rendering).
 * @module
 */

/** What the browser check observed. */
export interface BrowserReport {
  rows: number;
  filteredRows: number;
  firstAfterSort: string | null;
  compareHref: string | null;
  drawnPixels: number;
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
  runId: string,
  executablePath: string,
  video = false,
): Promise<BrowserReport> {
  const { chromium } = await import("npm:playwright-core@1.65.1");
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader"],
  });
  const problems: string[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`console: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`page error: ${e}`));
    page.on("requestfailed", (r) => {
      if (!r.url().startsWith("blob:")) problems.push(`request failed: ${r.url()}`);
    });
    page.on("response", (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
    });

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
  const [base, runId, chromiumPath = "/usr/bin/chromium"] = Deno.args;
  const report = await browserCheck(base, runId, chromiumPath, Deno.args.includes("--video"));
  console.log(JSON.stringify(report));
  // playwright keeps handles open on some platforms; the report is out, so leave now
  Deno.exit(0);
}
