/**
 * Drives the /learn page in Debian's chromium with playwright-core and prints what it saw as one
 * JSON line (used by tests/learn_browser_test.ts). A process of its own, as tests/browser/ui_check.ts
 * is, because playwright-core needs `--allow-all`.
 *
 * It opens `/learn?env=InvertedPendulum&algo=fstd3&autostart=1`, waits until the page reports a
 * best evaluation of at least `target`, takes a screenshot when asked, stops the run, saves it to
 * the runs (the page's "Save to runs") and looks the run up through `/api/runs`.
 *
 * Usage: `deno run -A tests/browser/learn_check.ts <base-url> <chromium> <timeout-s> [target]
 * [--screenshot=<png>]`
 * @module
 */
import { launchChromium, recordProblems } from "./chromium.ts";

/** What the /learn browser check observed. */
export interface LearnBrowserReport {
  /** The best evaluation the page reported (null: none within the time). */
  bestEval: number | null;
  /** Seconds from opening the page to that best evaluation. */
  secondsToTarget: number | null;
  /** Steps done when the page stopped. */
  stepsDone: number;
  /** The page's steps/s over the run (training time). */
  averageStepsPerSecond: number;
  /** The page's state after Stop (`stopped` or `finished`). */
  stateAfterStop: string | null;
  /** Whether the 3D view drew a canvas. */
  viewCanvas: boolean;
  /** Chart canvases drawn. */
  charts: number;
  /** The saved run's id. */
  savedId: string | null;
  /** Whether `/api/runs` lists it. */
  listed: boolean;
  /** Its best evaluation there. */
  listedBestEval: number | null;
  /** Rollout labels of the saved run (`/api/runs/:id`). */
  savedRollouts: string[];
  /** Its metric rows by type. */
  savedCounts: Record<string, number> | null;
  /** Pause held the steps and Resume went on (null: not tried). */
  pauseHeld: boolean | null;
  /** Whether its run page drew the curves, and its best rollout's page the 3D scene. */
  savedPages: { charts: boolean; rollout: boolean };
  /** What the runtime line said (implementation, SIMD). */
  runtime: string;
  /** The page's message in a browser without Workers and WebAssembly SIMD (both hidden). */
  missingMessage: string | null;
  /** Console errors, page errors, failed requests and failed checks. */
  problems: string[];
}

/** Runs the check; see the module's text. */
export async function learnBrowserCheck(
  base: string,
  executablePath: string,
  timeoutSeconds: number,
  target = 900,
  screenshot?: string,
): Promise<LearnBrowserReport> {
  const browser = await launchChromium(executablePath);
  const problems: string[] = [];
  const report: LearnBrowserReport = {
    bestEval: null,
    secondsToTarget: null,
    stepsDone: 0,
    averageStepsPerSecond: 0,
    stateAfterStop: null,
    viewCanvas: false,
    charts: 0,
    savedId: null,
    listed: false,
    listedBestEval: null,
    savedRollouts: [],
    savedCounts: null,
    runtime: "",
    pauseHeld: null,
    savedPages: { charts: false, rollout: false },
    missingMessage: null,
    problems,
  };
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    recordProblems(page, problems);
    const t0 = performance.now();
    await page.goto(`${base}/learn?env=InvertedPendulum&algo=fstd3&autostart=1`);
    const best = page.getByTestId("best-eval");
    const deadline = t0 + timeoutSeconds * 1000;
    // Pause holds the steps, Resume goes on
    const steps = async () =>
      Number(
        ((await page.getByTestId("progress-text").textContent()) ?? "").split(" /")[0]
          .replace(/,/g, ""),
      ) || 0;
    const state = () => page.locator(".learn").getAttribute("data-state");
    await page.getByRole("button", { name: "Pause" }).click({ timeout: 60_000 });
    await page.waitForFunction(
      () => document.querySelector(".learn")?.getAttribute("data-state") === "paused",
      undefined,
      { timeout: 30_000 },
    );
    const held = await steps();
    await page.waitForTimeout(800);
    const still = await steps();
    await page.getByRole("button", { name: "Resume" }).click();
    await page.waitForFunction(
      (n) => {
        const text = document.querySelector("[data-testid=progress-text]")?.textContent ?? "";
        return Number(text.split(" /")[0].replace(/,/g, "")) > n;
      },
      held,
      { timeout: 30_000 },
    );
    report.pauseHeld = still === held && await state() !== "paused";
    while (performance.now() < deadline) {
      const value = await best.getAttribute("data-best-eval");
      if (value) report.bestEval = Number(value);
      if (report.bestEval !== null && report.bestEval >= target) break;
      const state = await page.locator(".learn").getAttribute("data-state");
      if (state === "failed" || state === "finished") break;
      await page.waitForTimeout(250);
    }
    if (report.bestEval === null || report.bestEval < target) {
      const state = await page.locator(".learn").getAttribute("data-state");
      const text = await page.locator(".learn [role=status]").textContent().catch(() => "");
      problems.push(
        `no best evaluation >= ${target} (page state ${state}${text ? `: ${text}` : ""})`,
      );
      return report;
    }
    report.secondsToTarget = (performance.now() - t0) / 1000;
    // the run may finish on its own meanwhile (then Stop is disabled)
    const stop = page.getByRole("button", { name: "Stop" });
    if (await stop.isEnabled()) await stop.click({ timeout: 5000 }).catch(() => {});
    await page.waitForFunction(
      () =>
        ["stopped", "finished"].includes(
          document.querySelector(".learn")?.getAttribute("data-state") ?? "",
        ),
      undefined,
      { timeout: 30_000 },
    );
    // let the view and charts catch up with the evaluation
    report.viewCanvas = await page.locator(".learn-view canvas").first()
      .waitFor({ timeout: 30_000 }).then(() => true, () => false);
    await page.waitForTimeout(1200);
    report.charts = await page.locator(".chart-canvas canvas").count();
    report.runtime = ((await page.locator(".learn-status .muted").textContent()) ?? "").replace(
      /^·\s*/,
      "",
    );
    report.stateAfterStop = await page.locator(".learn").getAttribute("data-state");
    if (screenshot) {
      // the view's last refresh (at most 8 s after the previous one), then its first frame
      await page.waitForTimeout(9000);
      await page.locator(".learn-view canvas").first().waitFor({ timeout: 30_000 });
      await page.waitForTimeout(1500);
      await page.screenshot({ path: screenshot, fullPage: true });
    }
    report.stepsDone = Number(
      ((await page.getByTestId("progress-text").textContent()) ?? "").split(" /")[0].replace(
        /,/g,
        "",
      ),
    );
    report.averageStepsPerSecond = Number(await best.getAttribute("data-average-sps"));
    await page.getByTestId("save").click();
    const saved = page.getByTestId("saved");
    await saved.waitFor({ timeout: 30_000 });
    report.savedId = ((await saved.textContent()) ?? "").replace(/^saved as /, "");
    const runs = await (await fetch(`${base}/api/runs`)).json();
    const listed = runs.runs.find((r: { id: string }) => r.id === report.savedId);
    report.listed = listed !== undefined;
    report.listedBestEval = listed?.bestEval ?? listed?.status?.bestEval ?? null;
    const run = await (await fetch(`${base}/api/runs/${encodeURIComponent(report.savedId!)}`))
      .json();
    report.savedRollouts = (run.rollouts ?? []).map((r: string | { label: string }) =>
      typeof r === "string" ? r : r.label
    );
    report.savedCounts = run.counts ?? null;
    // the saved run's own page draws its curves
    const runUrl = `${base}/runs/${encodeURIComponent(report.savedId!)}`;
    await page.goto(runUrl);
    report.savedPages.charts = await page.locator(".chart-canvas canvas").first()
      .waitFor({ timeout: 30_000 }).then(() => true, () => false);
    await page.goto(`${runUrl}/rollouts/best`);
    report.savedPages.rollout = await page.locator("[data-island=RolloutPlayer] canvas").first()
      .waitFor({ timeout: 30_000 }).then(() => true, () => false);
    // a browser that lacks what the worker needs: a message instead of a start
    const bare = await browser.newPage();
    await bare.addInitScript(() => {
      const scope = globalThis as unknown as Record<string, unknown>;
      delete scope.Worker;
      WebAssembly.validate = () => false;
    });
    await bare.goto(`${base}/learn?autostart=1`);
    const missing = bare.getByTestId("missing");
    await missing.waitFor({ timeout: 30_000 });
    report.missingMessage = await missing.textContent();
    if (await bare.locator(".learn").getAttribute("data-state") !== "idle") {
      problems.push("the page without Workers started anyway");
    }
  } catch (error) {
    problems.push(`check: ${(error as Error).message}`);
  } finally {
    await browser.close();
  }
  return report;
}

if (import.meta.main) {
  const [base, executable, timeout, target] = Deno.args;
  const shot = Deno.args.find((a) => a.startsWith("--screenshot="))?.slice(13);
  const report = await learnBrowserCheck(
    base,
    executable,
    Number(timeout),
    target && !target.startsWith("--") ? Number(target) : 900,
    shot,
  );
  console.log(JSON.stringify(report));
}
