/**
 * What a section of the reproduction report produces: its Markdown, its files (figures and
 * tables) and its verdicts. Every section module and lib/report/report.ts, which puts the
 * sections in order, share these types.
 * @module
 */

/** A file of the report: path relative to the report directory, and its content. */
export interface ReportFile {
  /** Relative path, e.g. `toy/toy_runs.csv`. */
  path: string;
  /** The file's text. */
  content: string;
}

/** A verdict as report.json records it. */
export interface VerdictEntry {
  section: string;
  claim: string;
  verdict: string;
  /** The FS* form the claim was tested with, where it depends on one. */
  form?: string;
  /** The intervals and counts behind the verdict. */
  detail?: string;
}

/** One section of the report as it is assembled: where it goes, what it says, what it decided. */
export interface ReportPart {
  /** The section's place in the report (`toy`, `timing`, `environment`, …). */
  key: string;
  /** Its Markdown, from its heading. */
  markdown: string;
  /** Its figures and tables, paths relative to the report directory. */
  files: ReportFile[];
  /** Its verdicts, as report.json records them. */
  verdicts: VerdictEntry[];
}
