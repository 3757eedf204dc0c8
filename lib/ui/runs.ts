/**
 * The web UI's view of the run store (`lib/store/run_store.ts`): run ids are validated before any
 * path is built, and every file of a run is read on its own so that one malformed or half-written
 * file becomes an error shown on that run instead of an exception.
 * @module
 */
import { runIsStale } from "../store/run_lock.ts";
import { hidePaths } from "./hide_paths.ts";
import {
  isValidRunId,
  listRollouts,
  listRuns,
  type MetricRow,
  metricsProblems,
  parseMetrics,
  readMetrics,
  type RunConfig,
  type RunStatus,
  type RunSummary,
} from "../store/run_store.ts";

export { isValidRunId, listRuns, readMetrics };
export type { MetricRow, RunConfig, RunStatus, RunSummary };

/** An error that becomes an HTTP response with `status`. */
export class HttpError extends Error {
  readonly status: 400 | 404 | 409 | 500;
  constructor(status: 400 | 404 | 409 | 500, message: string) {
    super(message);
    this.name = "HttpError";
    this.status = status;
  }
}

/** The directory of run `id` under `runsDir`; an invalid id (traversal included) is a 400. */
export function runDir(runsDir: string, id: string): string {
  if (!isValidRunId(id)) {
    throw new HttpError(
      400,
      `invalid run id ${JSON.stringify(id)}: allowed are letters, digits, ".", "_", "-" (no "..")`,
    );
  }
  return `${runsDir.replace(/\/+$/, "")}/${id}`;
}

/**
 * The directory of run `id` under `runsDir` when there is one: 400 for an invalid id, 404 when
 * the name is not a run directory (missing, a stray file, or a run still being created).
 */
export async function findRun(runsDir: string, id: string): Promise<string> {
  const dir = runDir(runsDir, id);
  let isDirectory = false;
  try {
    isDirectory = (await Deno.stat(dir)).isDirectory;
  } catch {
    // missing or unreadable: no run to show
  }
  // `<id>.tmp-*` is a run being created (lib/store/run_store.ts); listRuns skips it too
  if (!isDirectory || id.includes(".tmp-")) {
    throw new HttpError(404, `no run ${JSON.stringify(id)}`);
  }
  return dir;
}

/** Checks a rollout label like a run id (400 otherwise). */
export function checkLabel(label: string): string {
  if (!isValidRunId(label)) {
    throw new HttpError(400, `invalid rollout label ${JSON.stringify(label)}`);
  }
  return label;
}

/** A run as the UI shows it: whatever could be read, and what could not. */
export interface RunView {
  id: string;
  dir: string;
  config: RunConfig | null;
  status: RunStatus | null;
  metrics: MetricRow[];
  rollouts: string[];
  /** One message per file that is missing, malformed or inconsistent. */
  errors: string[];
}

async function readJsonFile(path: string, name: string, errors: string[]): Promise<unknown> {
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (error) {
    errors.push(
      error instanceof Deno.errors.NotFound
        ? `${name} is missing`
        : `${name}: ${(error as Error).message}`,
    );
    return null;
  }
  try {
    const value = JSON.parse(text);
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      errors.push(`${name} is not a JSON object`);
      return null;
    }
    return value;
  } catch (error) {
    errors.push(`${name} is not valid JSON (${(error as Error).message})`);
    return null;
  }
}

interface MetricsCacheEntry {
  ident: string;
  /** Bytes of complete lines parsed so far. */
  offset: number;
  lines: number;
  rows: MetricRow[];
  bad: number;
  firstBad: number;
}

const metricsCache = new Map<string, MetricsCacheEntry>();
const METRICS_CACHE_RUNS = 8;

/**
 * The metric rows of the run in `dir`, its problems, and the byte offset after the last complete
 * line (to continue with the live stream). Reads incrementally: the parsed rows of the last few
 * runs are kept, and only the bytes appended since are parsed on the next call (a file that
 * shrank or was replaced is read again). The returned `rows` must not be modified.
 */
export async function readRunMetrics(
  dir: string,
): Promise<{ rows: MetricRow[]; problems: string[]; offset: number }> {
  const path = `${dir}/metrics.jsonl`;
  let file: Deno.FsFile;
  try {
    file = await Deno.open(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return { rows: [], problems: [], offset: 0 };
    throw error;
  }
  let entry: MetricsCacheEntry;
  let bytes: Uint8Array;
  try {
    const st = await file.stat();
    const ident = `${st.dev}:${st.ino}:${st.birthtime?.getTime() ?? ""}`;
    const cached = metricsCache.get(path);
    entry = cached && cached.ident === ident && st.size >= cached.offset
      ? cached
      : { ident, offset: 0, lines: 0, rows: [], bad: 0, firstBad: -1 };
    await file.seek(entry.offset, Deno.SeekMode.Start);
    bytes = new Uint8Array(await new Response(file.readable).arrayBuffer());
  } finally {
    try {
      file.close();
    } catch {
      // closed by reading the stream to its end
    }
  }
  // the store's reader, in its tolerant mode, over the bytes appended since the last call
  const lastNewline = bytes.lastIndexOf(10);
  const parsed = parseMetrics(new TextDecoder().decode(bytes.subarray(0, lastNewline + 1)), {
    firstLine: entry.lines + 1,
  });
  for (const row of parsed.rows) entry.rows.push(row); // (a spread overflows on long files)
  if (parsed.bad > 0 && entry.bad === 0) entry.firstBad = parsed.firstBad;
  entry.bad += parsed.bad;
  entry.lines += parsed.lines;
  entry.offset += lastNewline + 1;
  metricsCache.delete(path);
  metricsCache.set(path, entry);
  while (metricsCache.size > METRICS_CACHE_RUNS) {
    metricsCache.delete(metricsCache.keys().next().value!);
  }
  // a torn last line counts when it parses on its own, but is read again next time
  const last = parseMetrics(new TextDecoder().decode(bytes.subarray(lastNewline + 1))).rows;
  return {
    rows: last.length > 0 ? [...entry.rows, ...last] : entry.rows,
    problems: metricsProblems(entry.bad, entry.firstBad),
    offset: entry.offset,
  };
}

/** What status.json may say; `stale` is what readers report for a running run with no writer. */
const STATES = ["running", "finished", "failed", "interrupted", "stale"];
const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const isStr = (v: unknown): v is string => typeof v === "string";
const isSeeds = (v: unknown): v is number[] => Array.isArray(v) && v.every(isNum);

/**
 * Checks the fields of a config the UI shows; a field of the wrong type is removed and named in
 * `errors` (so a page never calls a method on it).
 */
export function sanitizeConfig(raw: Record<string, unknown>, errors: string[]): RunConfig {
  const out = { ...raw };
  const checks: [string, (v: unknown) => boolean, string][] = [
    ["env", isStr, "a string"],
    ["algo", isStr, "a string"],
    ["seeds", isSeeds, "a list of numbers"],
    ["steps", isNum, "a number"],
    ["createdAt", isStr, "a string"],
  ];
  for (const [key, ok, what] of checks) {
    if (out[key] !== undefined && !ok(out[key])) {
      errors.push(`config.json: "${key}" should be ${what}, got ${JSON.stringify(out[key])}`);
      delete out[key];
    }
  }
  return out as unknown as RunConfig;
}

/** Like {@link sanitizeConfig}, for `status.json`. */
export function sanitizeStatus(raw: Record<string, unknown>, errors: string[]): RunStatus {
  const out = { ...raw };
  const checks: [string, (v: unknown) => boolean, string][] = [
    ["status", (v) => STATES.includes(v as string), `one of ${STATES.join(", ")}`],
    ["stepsDone", isNum, "a number"],
    ["stepsTotal", isNum, "a number"],
    ["bestEval", (v) => v === null || isNum(v), "a number or null"],
    ["wallTime", isNum, "a number"],
    ["updatedAt", isStr, "a string"],
    ["error", isStr, "a string"],
    ["stoppedEarly", (v) => typeof v === "boolean", "true or false"],
    ["stoppedBy", isStr, "a string"],
  ];
  for (const [key, ok, what] of checks) {
    if (out[key] !== undefined && !ok(out[key])) {
      errors.push(`status.json: "${key}" should be ${what}, got ${JSON.stringify(out[key])}`);
      delete out[key];
    }
  }
  return out as unknown as RunStatus;
}

/** A run store summary without its server path and with every shown field type-checked. */
export type RunRowData = Omit<RunSummary, "dir">;

/** Summaries of the runs under `runsDir` for the table and the API (never throws on bad runs). */
export async function runSummaries(runsDir: string): Promise<RunRowData[]> {
  return (await listRuns(runsDir)).map(({ dir: _dir, ...r }) => {
    const errors: string[] = r.error ? [r.error] : [];
    const raw = r as unknown as Record<string, unknown>;
    const checks: [string, (v: unknown) => boolean][] = [
      ["env", isStr],
      ["algo", isStr],
      ["seeds", isSeeds],
      ["stepsDone", isNum],
      ["stepsTotal", isNum],
      ["status", (v) => STATES.includes(v as string)],
      ["bestEval", (v) => v === null || isNum(v)],
      ["stoppedEarly", (v) => typeof v === "boolean"],
      ["wallTime", isNum],
      ["createdAt", isStr],
    ];
    const out: Record<string, unknown> = { ...raw };
    for (const [key, ok] of checks) {
      if (out[key] !== undefined && !ok(out[key])) {
        errors.push(`"${key}" has an unexpected value ${JSON.stringify(out[key])}`);
        delete out[key];
      }
    }
    if (errors.length > 0) out.error = hidePaths(errors.join("; "), [runsDir]);
    return out as RunRowData;
  });
}

/** Reads run `id`; 400 for a bad id, 404 when there is no such run directory. */
export async function loadRun(runsDir: string, id: string): Promise<RunView> {
  const dir = await findRun(runsDir, id);
  const errors: string[] = [];
  const rawConfig = await readJsonFile(`${dir}/config.json`, "config.json", errors);
  const config = rawConfig === null
    ? null
    : sanitizeConfig(rawConfig as Record<string, unknown>, errors);
  const statusErrors: string[] = [];
  const rawStatus = await readJsonFile(`${dir}/status.json`, "status.json", statusErrors);
  let status = rawStatus === null
    ? null
    : sanitizeStatus(rawStatus as Record<string, unknown>, errors);
  // a run that has not written its first status yet is running; anything else is an error
  if (statusErrors.length > 0 && !statusErrors[0].endsWith("is missing")) {
    errors.push(...statusErrors);
  }
  if (status === null && config !== null && statusErrors[0]?.endsWith("is missing")) {
    status = {
      status: "running",
      stepsDone: 0,
      stepsTotal: config.steps,
      bestEval: null,
      wallTime: 0,
      updatedAt: config.createdAt,
    };
  }
  // a failed run's error carries a stack trace with the server's paths
  if (typeof status?.error === "string") {
    status = { ...status, error: hidePaths(status.error, [dir]) };
  }
  // a running status whose writer is gone from this host will never change: say so
  if (status && runIsStale(dir, status)) status = { ...status, status: "stale" };
  if (config && (typeof config.env !== "string" || typeof config.algo !== "string")) {
    errors.push("config.json lacks env or algo");
  }
  let metrics: MetricRow[] = [];
  try {
    const { rows, problems } = await readRunMetrics(dir);
    metrics = rows;
    errors.push(...problems);
  } catch (error) {
    errors.push(`metrics.jsonl: ${(error as Error).message}`);
  }
  let rollouts: string[] = [];
  try {
    rollouts = await listRollouts(dir);
  } catch (error) {
    errors.push(`rollouts/: ${(error as Error).message}`);
  }
  return {
    id,
    dir,
    config,
    status,
    metrics,
    rollouts,
    errors: errors.map((e) => hidePaths(e, [dir])),
  };
}

/** Reads `rollouts/<label>.json` of run `id` as text (400 bad names, 404 missing). */
export async function readRolloutText(runsDir: string, id: string, label: string): Promise<string> {
  const dir = await findRun(runsDir, id);
  checkLabel(label);
  try {
    return await Deno.readTextFile(`${dir}/rollouts/${label}.json`);
  } catch (error) {
    // rollouts/ or the label's file of another kind (a stray file, a folder) is no rollout either
    if (
      error instanceof Deno.errors.NotFound || error instanceof Deno.errors.NotADirectory ||
      error instanceof Deno.errors.IsADirectory
    ) {
      throw new HttpError(404, `run ${JSON.stringify(id)} has no rollout ${JSON.stringify(label)}`);
    }
    throw error;
  }
}

/** A rollout's header (everything but the frames), or an error message. */
export interface RolloutInfo {
  label: string;
  env?: string;
  model?: string;
  fps?: number;
  episodes?: { frames: number; return: number; length: number; terminated: boolean }[];
  error?: string;
}

const rolloutCache = new Map<string, { key: string; info: RolloutInfo }>();

/**
 * Reads the header of every rollout of a run (malformed files give `error`). Headers are cached
 * by file size and modification time, so a page does not re-parse large rollouts on every view.
 */
export async function rolloutInfos(runsDir: string, run: RunView): Promise<RolloutInfo[]> {
  const out: RolloutInfo[] = [];
  for (const label of run.rollouts) {
    const path = `${runDir(runsDir, run.id)}/rollouts/${checkLabel(label)}.json`;
    const st = await Deno.stat(path).catch(() => null);
    const key = st ? `${st.size}:${st.mtime?.getTime()}:${st.ino}` : "";
    const hit = rolloutCache.get(path);
    if (st && hit && hit.key === key) {
      out.push(hit.info);
      continue;
    }
    const before = out.length;
    try {
      const raw = JSON.parse(await readRolloutText(runsDir, run.id, label));
      if (raw?.format !== "stackrl-rollout/1" || !Array.isArray(raw.episodes)) {
        throw new Error('not a "stackrl-rollout/1" rollout');
      }
      out.push({
        label,
        env: raw.env,
        model: raw.model,
        fps: raw.fps,
        episodes: raw.episodes.map((e: Record<string, unknown>) => ({
          frames: Number(e.frames),
          return: Number(e.return),
          length: Number(e.length),
          terminated: Boolean(e.terminated),
        })),
      });
    } catch (error) {
      out.push({ label, error: hidePaths((error as Error).message, [runsDir]) });
    }
    if (st && out.length > before) {
      rolloutCache.set(path, { key, info: out[out.length - 1] });
      if (rolloutCache.size > 256) rolloutCache.delete(rolloutCache.keys().next().value!);
    }
  }
  return out;
}
