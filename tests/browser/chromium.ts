/**
 * What every browser check shares: Debian's chromium launched headless through playwright-core,
 * and a page's problems (console errors, page errors, failed requests) collected as lines.
 * @module
 */
import type { Browser, Page } from "npm:playwright-core@1.65.1";

/** Launches chromium at `executablePath` headless, with software WebGL. */
export async function launchChromium(executablePath: string): Promise<Browser> {
  const { chromium } = await import("npm:playwright-core@1.65.1");
  return await chromium.launch({
    executablePath,
    headless: true,
    args: ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader"],
  });
}

/**
 * Pushes each console error, page error and failed request of `page` onto `problems`, and with
 * `httpErrors` each answer of status 400 or more. Blob URLs, and event streams aborted by leaving
 * their page, are not failures.
 */
export function recordProblems(page: Page, problems: string[], { httpErrors = false } = {}): void {
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e}`));
  page.on("requestfailed", (r) => {
    const aborted = r.url().includes("/stream") && /ABORTED/.test(r.failure()?.errorText ?? "");
    if (!r.url().startsWith("blob:") && !aborted) {
      problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`);
    }
  });
  if (httpErrors) {
    page.on("response", (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
    });
  }
}
