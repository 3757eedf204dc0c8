/**
 * Reading reports back from disk (for the web UI's `/reports` and `/reports/<id>` pages). Needs
 * only read permission and imports nothing heavy (no tfjs, no MuJoCo).
 *
 * A report is a directory `<root>/<id>/` holding `report.md`, `report.html` (self-contained),
 * `report.json` ({@link ReportMeta}), figures `<section>/*.svg`, tables `<section>/*.csv`, and,
 * when the report trained its own runs, the run store `runs/`. Directories without `report.md`
 * and names containing `.tmp-` are skipped.
 *
 * @example
 * ```ts
 * import { listReports, readReport } from "./reader.ts";
 * for (const r of await listReports("reports")) console.log(r.id, r.budget, r.createdAt);
 * const one = await readReport("reports/20260101-120000");
 * console.log(one.markdown.slice(0, 200), one.files);
 * ```
 * @module
 */
import type { VerdictEntry } from "./section.ts";

/** `report.json`: what the report was built from. */
export interface ReportMeta {
  id: string;
  budget: string;
  sections: string[];
  /** The command that regenerates it. */
  command: string;
  createdAt: string;
  /** Seconds the command took (this invocation). */
  wallSeconds: number;
  commit: string;
  /** Every verdict of the report: section, claim, verdict, FS* form and the evidence. */
  verdicts: VerdictEntry[];
  /** The resolved training settings (config.json) of every run the report read. */
  runSettings?: { id: string; config: Record<string, unknown> }[];
  /** Run store the report read (relative to the report directory when inside it). */
  runs?: string;
  /** Sections rebuilt on their own after the report was written (lib/report/toy_rebuild.ts). */
  rebuilt?: RebuiltPart[];
}

/** A section rebuilt on its own into an existing report: by what, when, at which commit. */
export interface RebuiltPart {
  section: string;
  /** The command that rebuilt it. */
  command: string;
  commit: string;
  createdAt: string;
  /** Updates per toy-game run. */
  toySteps: number;
  /** Seconds the rebuild took. */
  wallSeconds: number;
}

/** One entry of {@link listReports}. */
export interface ReportSummary {
  id: string;
  dir: string;
  /** The first heading of report.md. */
  title: string;
  budget?: string;
  createdAt?: string;
  sections?: string[];
  /** Verdict counts by word. */
  verdicts?: Record<string, number>;
  hasHtml: boolean;
}

/** A report read back by {@link readReport}. */
export interface Report {
  id: string;
  dir: string;
  markdown: string;
  /** report.html, or null when absent. */
  html: string | null;
  meta: ReportMeta | null;
  /** Figure and table paths relative to the report directory, sorted. */
  files: string[];
  /** Reads a figure or table by its relative path (refuses paths that leave the report). */
  readFile(path: string): Promise<string>;
}

const ID = /^[A-Za-z0-9._-]+$/;

/** Whether `id` is a valid report id. */
export function isValidReportId(id: unknown): id is string {
  return typeof id === "string" && ID.test(id) && !id.includes("..") && !id.includes(".tmp-");
}

async function readMaybe(path: string): Promise<string | null> {
  try {
    return await Deno.readTextFile(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return null;
    throw error;
  }
}

/** Summaries of the reports under `root`, newest first; a missing root gives `[]`. */
export async function listReports(root: string): Promise<ReportSummary[]> {
  const out: ReportSummary[] = [];
  try {
    for await (const entry of Deno.readDir(root)) {
      if (!entry.isDirectory || !isValidReportId(entry.name)) continue;
      const dir = `${root.replace(/\/+$/, "")}/${entry.name}`;
      const md = await readMaybe(`${dir}/report.md`);
      if (md === null) continue;
      let meta: ReportMeta | null = null;
      try {
        meta = JSON.parse((await readMaybe(`${dir}/report.json`)) ?? "null");
      } catch { /* malformed: list it without meta */ }
      const verdicts: Record<string, number> = {};
      for (const v of meta?.verdicts ?? []) verdicts[v.verdict] = (verdicts[v.verdict] ?? 0) + 1;
      out.push({
        id: entry.name,
        dir,
        title: md.match(/^# (.*)$/m)?.[1] ?? entry.name,
        budget: meta?.budget,
        createdAt: meta?.createdAt,
        sections: meta?.sections,
        verdicts: meta ? verdicts : undefined,
        hasHtml: (await readMaybe(`${dir}/report.html`)) !== null,
      });
    }
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return [];
    throw error;
  }
  return out.sort((a, b) => (b.createdAt ?? b.id).localeCompare(a.createdAt ?? a.id));
}

async function listFiles(dir: string, prefix = ""): Promise<string[]> {
  const out: string[] = [];
  for await (const e of Deno.readDir(`${dir}/${prefix}`)) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.name.includes(".tmp-")) continue;
    if (e.isDirectory && !(prefix === "" && e.name === "runs")) {
      out.push(...await listFiles(dir, rel));
    } else if (e.isFile && /\.(svg|csv)$/.test(e.name)) out.push(rel);
  }
  return out.sort();
}

/** Reads the report in `dir` (throws NotFound when it has no report.md). */
export async function readReport(dir: string): Promise<Report> {
  dir = dir.replace(/\/+$/, "");
  const id = dir.split("/").pop() ?? "";
  if (!isValidReportId(id)) throw new Error(`report id: got ${JSON.stringify(id)}`);
  const markdown = await Deno.readTextFile(`${dir}/report.md`);
  const html = await readMaybe(`${dir}/report.html`);
  let meta: ReportMeta | null = null;
  try {
    meta = JSON.parse((await readMaybe(`${dir}/report.json`)) ?? "null");
  } catch { /* malformed */ }
  const files = await listFiles(dir);
  return {
    id,
    dir,
    markdown,
    html,
    meta,
    files,
    readFile(path: string) {
      if (!files.includes(path)) {
        return Promise.reject(new Deno.errors.NotFound(`${path}: not a file of report ${id}`));
      }
      return Deno.readTextFile(`${dir}/${path}`);
    },
  };
}
