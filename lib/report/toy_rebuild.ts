/**
 * Rebuilding only section 1 (the toy games) of a report that is already on disk
 * (`deno task reproduce --only toy --into <dir>`): the toy games need no training runs, so a
 * report whose MuJoCo runs are elsewhere (docs/results/short/) can take a new toy section
 * without them. Everything else in the report is kept byte for byte: report.md outside its
 * `## 1. Toy games` section and its headline's toy rows, report.json outside its toy verdicts.
 *
 * Every new file is first written under a temporary name (the toy folder as a whole beside the
 * old one); only when all of them are written are they renamed into place, report.md last, so a
 * failure before that leaves the report as it was and no temporary file behind.
 * @module
 */
import { writeFileAtomic } from "../atomic.ts";
import { gitCommit } from "../provenance.ts";
import { headline } from "./headline.ts";
import { renderHtml } from "./html.ts";
import { toyPart } from "./parts.ts";
import type { Budget } from "./plan.ts";
import type { RebuiltPart, ReportMeta } from "./reader.ts";
import { evidenceOf } from "./report.ts";
import type { ReportLog } from "./runs.ts";
import type { ReportFile, VerdictEntry } from "./section.ts";

/** The heading that starts section 1 in report.md (lib/report/toy_section.ts writes it). */
export const TOY_HEADING = "## 1. Toy games";
/** The folder of section 1's figures and tables, relative to the report directory. */
export const TOY_DIR = "toy";

/** What {@linkcode rebuildToySection} needs besides the report directory. */
export interface ToyRebuildOptions {
  /** The budget the report must have been built with (`--budget`). */
  budget: Budget;
  /** Updates per toy-game run (`--toy-steps`), or null: the report's own, else `defaultToySteps`. */
  toySteps: number | null;
  /** The budget's updates per toy-game run. */
  defaultToySteps: number;
  /** The command line of this rebuild with `steps` (recorded in report.json and the section). */
  command: (steps: number) => string;
}

/** What {@linkcode rebuildToySection} wrote. */
export interface ToyRebuildResult {
  /** Files written under `toy/`. */
  files: number;
  /** Files of the old `toy/` that the new section no longer has (removed). */
  removed: string[];
  /** Whether report.html was re-rendered (only where the folder had one). */
  html: boolean;
  /** Seconds the rebuild took. */
  wallSeconds: number;
}

/** A report folder that cannot take a new toy section: the message is one line. */
export class ToyRebuildError extends Error {
  /** @param message One line naming the folder and what is wrong with it. */
  constructor(message: string) {
    super(message);
    this.name = "ToyRebuildError";
  }
}

/** Start and end (exclusive: the next `## ` heading, or the end) of the section at `heading`. */
export function sectionBounds(md: string, heading: string): [number, number] | null {
  const start = md.startsWith(heading) ? 0 : md.indexOf(`\n${heading}`) + 1;
  if (start === 0 && !md.startsWith(heading)) return null;
  const next = md.indexOf("\n## ", start + heading.length);
  return [start, next < 0 ? md.length : next + 1];
}

/** The report's metadata, checked: it exists, parses, and has the budget asked for. */
async function readMeta(dir: string, budget: Budget): Promise<{ meta: ReportMeta; md: string }> {
  const read = async (name: string) => {
    try {
      return await Deno.readTextFile(`${dir}/${name}`);
    } catch (error) {
      if (error instanceof Deno.errors.NotFound) {
        throw new ToyRebuildError(
          `--into ${dir}: no ${name} there (give the folder of a report deno task reproduce wrote)`,
        );
      }
      throw error;
    }
  };
  const text = await read("report.json");
  let meta: ReportMeta;
  try {
    meta = JSON.parse(text);
  } catch {
    throw new ToyRebuildError(`--into ${dir}: report.json is not valid JSON`);
  }
  if (typeof meta !== "object" || meta === null || !Array.isArray(meta.verdicts)) {
    throw new ToyRebuildError(`--into ${dir}: report.json has no verdicts list`);
  }
  if (meta.budget !== budget) {
    throw new ToyRebuildError(
      `--into ${dir}: the report has budget ${JSON.stringify(meta.budget)} and --budget is ` +
        `"${budget}"; allowed: the report's own budget (--budget ${meta.budget})`,
    );
  }
  return { meta, md: await read("report.md") };
}

/** `verdicts` with the toy ones replaced by `toy`, where the old ones stood (else first). */
function spliceToyVerdicts(verdicts: VerdictEntry[], toy: VerdictEntry[]): VerdictEntry[] {
  const at = Math.max(0, verdicts.findIndex((v) => v.section === "toy"));
  const rest = verdicts.filter((v) => v.section !== "toy");
  return [...rest.slice(0, at), ...toy, ...rest.slice(at)];
}

/**
 * The updates per toy-game run the report in hand was built with: its last rebuild's, else the
 * `--toy-steps` of the command that wrote it; null when neither says (the budget's default).
 */
export function reportToySteps(meta: ReportMeta): number | null {
  const rebuilt = meta.rebuilt?.findLast((r) => r.section === "toy");
  if (rebuilt && Number.isInteger(rebuilt.toySteps)) return rebuilt.toySteps;
  const m = typeof meta.command === "string"
    ? meta.command.match(/--toy-steps'?[= ]'?(\d+)/)
    : null;
  return m ? Number(m[1]) : null;
}

/** The note under the rebuilt section: when, at which commit and by which command. */
export function rebuiltNote(part: RebuiltPart): string {
  return `*Section 1 was rebuilt on its own on ${part.createdAt.slice(0, 10)} at stackrl commit ` +
    `${part.commit} with \`${part.command}\`; the other sections are as section 7 describes.*`;
}

/**
 * Builds a new toy section and puts it into the report in `dir`: its part of report.md, the
 * toy rows of the headline, the toy verdicts of report.json, the files under `toy/` (stale ones
 * removed) and report.html (where the folder has one).
 *
 * @throws ToyRebuildError (one line) when `dir` holds no report of `o.budget` with a toy section.
 */
export async function rebuildToySection(
  dir: string,
  o: ToyRebuildOptions,
  out: ReportLog,
): Promise<ToyRebuildResult> {
  const started = performance.now();
  const { meta, md } = await readMeta(dir, o.budget);
  const evidence = evidenceOf(o.budget);
  const bounds = sectionBounds(md, TOY_HEADING);
  if (!bounds) {
    throw new ToyRebuildError(
      `--into ${dir}: report.md has no "${TOY_HEADING}" section to replace (build the whole ` +
        "report with --only toy,… instead)",
    );
  }
  const oldHeadline = headline(meta.verdicts, evidence);
  const headlineAt = md.indexOf(oldHeadline);
  if (headlineAt < 0 || headlineAt > bounds[0]) {
    throw new ToyRebuildError(
      `--into ${dir}: report.md's headline is not the one its report.json gives (edited, or ` +
        "written by another version); rebuild the whole report instead",
    );
  }

  const steps = o.toySteps ?? reportToySteps(meta) ?? o.defaultToySteps;
  const part = toyPart(steps, out);
  const stray = part.files.find((f) => !f.path.startsWith(`${TOY_DIR}/`));
  if (stray) throw new Error(`toy section file outside ${TOY_DIR}/: ${stray.path}`);
  const commit = await gitCommit() ?? "unknown";
  const rebuilt: RebuiltPart = {
    section: "toy",
    command: o.command(steps),
    commit,
    createdAt: new Date().toISOString(),
    toySteps: steps,
    wallSeconds: 0,
  };
  const verdicts = spliceToyVerdicts(meta.verdicts, part.verdicts);
  // writeReport lays a part out as `${markdown}\n\n` before the next heading
  const section = `${part.markdown}\n${rebuiltNote(rebuilt)}\n\n`;
  const markdown = md.slice(0, headlineAt) + headline(verdicts, evidence) +
    md.slice(headlineAt + oldHeadline.length, bounds[0]) + section + md.slice(bounds[1]);

  const old = await listFiles(`${dir}/${TOY_DIR}`);
  const removed = old.filter((p) => !part.files.some((f) => f.path === `${TOY_DIR}/${p}`));
  const hasHtml = await exists(`${dir}/report.html`);
  const html = hasHtml ? await renderReportHtml(dir, markdown, part.files, meta.id) : null;
  rebuilt.wallSeconds = (performance.now() - started) / 1000;
  const json = JSON.stringify(
    {
      ...meta,
      verdicts,
      rebuilt: [...(meta.rebuilt ?? []).filter((r) => r.section !== "toy"), rebuilt],
    },
    null,
    2,
  ) + "\n";

  await replaceToyFiles(dir, part.files, [
    ["report.json", json],
    ...(html !== null ? [["report.html", html] as [string, string]] : []),
    ["report.md", markdown],
  ]);
  return {
    files: part.files.length,
    removed,
    html: html !== null,
    wallSeconds: rebuilt.wallSeconds,
  };
}

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(path);
    return true;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return false;
    throw error;
  }
}

/** Every file under `dir`, relative to it, sorted ([] when `dir` does not exist). */
async function listFiles(dir: string, prefix = ""): Promise<string[]> {
  const out: string[] = [];
  try {
    for await (const e of Deno.readDir(prefix ? `${dir}/${prefix}` : dir)) {
      const rel = prefix ? `${prefix}/${e.name}` : e.name;
      if (e.isDirectory) out.push(...await listFiles(dir, rel));
      else out.push(rel);
    }
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
  return out.sort();
}

/** report.html of `markdown`: the new toy figures, every other figure read from `dir`. */
async function renderReportHtml(
  dir: string,
  markdown: string,
  toyFiles: ReportFile[],
  id: string,
): Promise<string> {
  const figures = new Map(
    toyFiles.filter((f) => f.path.endsWith(".svg")).map((f) => [f.path, f.content]),
  );
  for (const [, path] of markdown.matchAll(/!\[[^\]]*\]\(([^)\s]+\.svg)\)/g)) {
    if (figures.has(path) || path.includes("..")) continue;
    try {
      figures.set(path, await Deno.readTextFile(`${dir}/${path}`));
    } catch (error) {
      if (!(error instanceof Deno.errors.NotFound)) throw error;
    }
  }
  return renderHtml(markdown, figures, `Reproduction report ${id}`);
}

/**
 * Writes everything under temporary names, then renames it into place: the toy folder (the old
 * one moved aside and removed afterwards), then `top` in order. A failure while writing removes
 * the temporary files and leaves the report untouched.
 *
 * @param dir The report directory.
 * @param toy The new files of `toy/` (paths relative to `dir`, each under `toy/`).
 * @param top File name (in `dir`) and text of each other file, in the order to rename them.
 */
export async function replaceToyFiles(
  dir: string,
  toy: ReportFile[],
  top: [string, string][],
): Promise<void> {
  const suffix = crypto.randomUUID().slice(0, 8);
  const newToy = `${dir}/${TOY_DIR}.tmp-${suffix}`, oldToy = `${dir}/${TOY_DIR}.old-${suffix}`;
  const staged = top.map((
    [name, text],
  ) => [`${dir}/${name}.tmp-${suffix}`, `${dir}/${name}`, text]);
  try {
    for (const f of toy) {
      await writeFileAtomic(`${newToy}/${f.path.slice(TOY_DIR.length + 1)}`, f.content, {
        mkdir: true,
      });
    }
    for (const [temp, , text] of staged) await Deno.writeTextFile(temp, text);
  } catch (error) {
    await Deno.remove(newToy, { recursive: true }).catch(() => {});
    for (const [temp] of staged) await Deno.remove(temp).catch(() => {});
    throw error;
  }
  const cleanUp = async () => {
    await Deno.remove(newToy, { recursive: true }).catch(() => {});
    for (const [temp] of staged) await Deno.remove(temp).catch(() => {});
  };
  let moved = false;
  try {
    await Deno.rename(`${dir}/${TOY_DIR}`, oldToy);
    moved = true;
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) {
      await cleanUp();
      throw error;
    }
  }
  try {
    await Deno.rename(newToy, `${dir}/${TOY_DIR}`);
  } catch (error) {
    // put the old folder back: the report stays as it was
    if (moved) await Deno.rename(oldToy, `${dir}/${TOY_DIR}`).catch(() => {});
    await cleanUp();
    throw error;
  }
  try {
    for (const [temp, path] of staged) await Deno.rename(temp, path);
  } finally {
    await cleanUp();
  }
  if (moved) await Deno.remove(oldToy, { recursive: true });
}
