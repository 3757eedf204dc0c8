/**
 * The one reader of `metrics.jsonl` (the layout is described in lib/store/run_store.ts), used by
 * the run store, the reports and the web UI alike, and the CSV form of a row.
 *
 * A row is a JSON object with a string `type` and numeric `step` and `member`; any other complete
 * line is malformed. A torn last line (no newline yet: the writer is mid-write, or was killed
 * there) is never an error. Two modes:
 * - tolerant (the default): a malformed line is skipped and counted in `problems`, so a page can
 *   show the rest of a run and say what it left out;
 * - strict: a malformed line throws a {@link MetricsError} naming its line.
 * @module
 */
import { CSV_COLUMNS, type MetricRow } from "./types.ts";

/** A malformed line of `metrics.jsonl` met in strict mode. */
export class MetricsError extends Error {
  /** 1-based number of the malformed line. */
  readonly line: number;
  constructor(line: number, text: string) {
    const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
    super(
      `metrics.jsonl line ${line}: got ${JSON.stringify(shown)}; allowed: a JSON object with ` +
        `a string "type" and numeric "step" and "member"`,
    );
    this.name = "MetricsError";
    this.line = line;
  }
}

/** How {@link parseMetrics} and {@link readMetrics} treat a malformed line. */
export interface MetricsOptions {
  /** Throw a {@link MetricsError} on a malformed complete line (default false: skip and count it). */
  strict?: boolean;
  /** Number of the first line of `text` (default 1), for messages when reading from an offset. */
  firstLine?: number;
}

/** What {@link parseMetrics} found. */
export interface ParsedMetrics {
  /** The rows, in file order (a torn last line that parses on its own included). */
  rows: MetricRow[];
  /** Byte length (UTF-8) of the complete lines, the offset to continue reading from. */
  complete: number;
  /** Complete lines read (blank ones included). */
  lines: number;
  /** Malformed complete lines skipped (always 0 in strict mode). */
  bad: number;
  /** Number of the first malformed line (-1: none). */
  firstBad: number;
  /** One message naming the malformed lines, or none. */
  problems: string[];
}

/** The row a line holds, or null when it is not a metric row (the validity rule of the store). */
export function parseMetricLine(line: string): MetricRow | null {
  try {
    const row = JSON.parse(line);
    return row !== null && typeof row === "object" && !Array.isArray(row) &&
        typeof row.type === "string" && typeof row.step === "number" &&
        typeof row.member === "number"
      ? row as MetricRow
      : null;
  } catch {
    return null;
  }
}

/** The message for `bad` malformed lines, the first at `firstBad` (none when `bad` is 0). */
export function metricsProblems(bad: number, firstBad: number): string[] {
  return bad === 0
    ? []
    : [`metrics.jsonl has ${bad} malformed line${bad === 1 ? "" : "s"} (first: line ${firstBad})`];
}

/**
 * Parses `metrics.jsonl` text: every complete line, then the text after the last newline when
 * it parses on its own (a torn write that does not is ignored, never an error).
 */
export function parseMetrics(text: string, options: MetricsOptions = {}): ParsedMetrics {
  const firstLine = options.firstLine ?? 1;
  const complete = text.lastIndexOf("\n") + 1;
  const lines = text.slice(0, complete).split("\n");
  lines.pop(); // the empty string after the last newline
  const rows: MetricRow[] = [];
  let bad = 0, firstBad = -1;
  lines.forEach((line, i) => {
    if (line.trim() === "") return;
    const row = parseMetricLine(line);
    if (row) rows.push(row);
    else if (options.strict) throw new MetricsError(firstLine + i, line);
    else if (bad++ === 0) firstBad = firstLine + i;
  });
  const tail = text.slice(complete);
  const last = tail.trim() === "" ? null : parseMetricLine(tail);
  if (last) rows.push(last);
  return {
    rows,
    complete: new TextEncoder().encode(text.slice(0, complete)).length,
    lines: lines.length,
    bad,
    firstBad,
    problems: metricsProblems(bad, firstBad),
  };
}

/**
 * Reads the complete metric rows of the run in `dir` from byte `offset` on (0: all), for tailing a
 * live run: call again with the returned `offset` to get only the rows appended since. A file
 * shorter than `offset` (a resume rewrote it) is read again from the start; a missing one has no
 * rows. `problems` names the malformed lines of this read in the tolerant mode; `strict` throws a
 * {@link MetricsError} instead (see {@link MetricsOptions}).
 */
export async function readMetrics(
  dir: string,
  offset = 0,
  options: { strict?: boolean } = {},
): Promise<{ rows: MetricRow[]; offset: number; problems: string[] }> {
  let bytes: Uint8Array;
  try {
    bytes = await Deno.readFile(`${dir.replace(/\/+$/, "")}/metrics.jsonl`);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return { rows: [], offset: 0, problems: [] };
    throw error;
  }
  if (offset > bytes.length) offset = 0;
  // only complete lines: the part after the last newline may still be being written
  const end = bytes.lastIndexOf(10) + 1;
  const chunk = end > offset ? bytes.subarray(offset, end) : new Uint8Array(0);
  // in strict mode the error names the line in the whole file, not in this chunk
  let firstLine = 1;
  if (options.strict) { for (let i = 0; i < offset; i++) if (bytes[i] === 10) firstLine++; }
  const parsed = parseMetrics(new TextDecoder().decode(chunk), { ...options, firstLine });
  return { rows: parsed.rows, offset: offset + chunk.length, problems: parsed.problems };
}

function csvCell(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return value.join(";");
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (with newline) for `row`, in {@link CSV_COLUMNS} order. */
export function csvLine(row: MetricRow): string {
  const r = row as unknown as Record<string, unknown>;
  return CSV_COLUMNS.map((c) => csvCell(r[c])).join(",") + "\n";
}
