/**
 * The training benchmark's figures (bench/train.ts), saved per machine so that the
 * reproduction's wall-time estimate (lib/report/runs.ts) can use them: a small versioned JSON in
 * the user's cache (`$STACKRL_BENCH_FILE`, else `$XDG_CACHE_HOME/stackrl/bench-train.json`, else
 * `~/.cache/stackrl/bench-train.json`), never in the repository. It records the machine (cores,
 * OS, architecture, Deno, the commit) and, per task × population × threads, the training loop's
 * agent-steps/s, one update's milliseconds and one vectorised physics step's milliseconds.
 * @module
 */
import { writeFileAtomic } from "../atomic.ts";
import { gitCommit } from "../provenance.ts";

/** The `format` field of a saved file. */
export const BENCH_FORMAT = "stackrl-bench-train";
/** The file layout's version; a file of another version is not read. */
export const BENCH_VERSION = 1;
/** Figures older than this are not used for an estimate. */
export const BENCH_MAX_AGE_DAYS = 30;

/** The machine a benchmark ran on. */
export interface BenchMachine {
  /** Logical cores (`navigator.hardwareConcurrency`). */
  cores: number;
  /** `Deno.build.os`. */
  os: string;
  /** `Deno.build.arch`. */
  arch: string;
  /** `Deno.version.deno`. */
  deno: string;
  /** The commit of the checked-out stackrl, where one is found. */
  commit?: string;
}

/** One benchmark cell: a task at a population size and thread count. */
export interface BenchCell {
  /** The environment (`makeEnv` name). */
  task: string;
  /** Members trained at once (agent-steps count every member). */
  population: number;
  /** Threads of the run (`--threads`). */
  threads: number;
  /** Training loop agent-steps per second (wall time, evaluation excluded). */
  agentStepsPerSecond: number;
  /** Milliseconds of one update of the whole population alone (null where not measured). */
  updateMs: number | null;
  /** Milliseconds of one vectorised environment step of the population alone (null: not measured). */
  physicsMsPerStep: number | null;
  /** When the cell was measured (ISO 8601). */
  date: string;
}

/** A saved file's content. */
export interface BenchFigures {
  /** Always {@linkcode BENCH_FORMAT}. */
  format: typeof BENCH_FORMAT;
  /** The layout's version, {@linkcode BENCH_VERSION}. */
  version: typeof BENCH_VERSION;
  /** Where the figures were measured. */
  machine: BenchMachine;
  /** The algorithm the loop ran (TD3 at the paper's settings). */
  algo: string;
  /** The update backend (`wasm`). */
  backend: string;
  /** Training steps per member of each loop timed. */
  stepsPerMember: number;
  /** When the file was last written (ISO 8601). */
  date: string;
  /** One per task × population × threads. */
  cells: BenchCell[];
}

/**
 * Where the figures live: `STACKRL_BENCH_FILE`, else `$XDG_CACHE_HOME/stackrl/bench-train.json`,
 * else `$HOME/.cache/…` (`%LOCALAPPDATA%/stackrl/…` on Windows); undefined when none is set.
 */
export function benchFilePath(
  env: (name: string) => string | undefined = envGet,
): string | undefined {
  const explicit = env("STACKRL_BENCH_FILE");
  if (explicit) return explicit;
  const xdg = env("XDG_CACHE_HOME");
  if (xdg) return `${xdg}/stackrl/bench-train.json`;
  const home = env("HOME");
  if (home) return `${home}/.cache/stackrl/bench-train.json`;
  const local = env("LOCALAPPDATA");
  // forward slashes: Deno takes them on Windows, and writeFileAtomic's mkdir splits on them
  return local ? `${local}/stackrl/bench-train.json` : undefined;
}

function envGet(name: string): string | undefined {
  try {
    return Deno.env.get(name);
  } catch {
    return undefined; // no --allow-env: no cache location
  }
}

/** This machine's facts, the commit read from the checkout that holds this file. */
export async function thisMachine(): Promise<BenchMachine> {
  const commit = await gitCommit(new URL("../..", import.meta.url).pathname);
  return {
    cores: navigator.hardwareConcurrency ?? 1,
    os: Deno.build.os,
    arch: Deno.build.arch,
    deno: Deno.version.deno,
    ...(commit ? { commit } : {}),
  };
}

/** A file that cannot be used, with the one-line reason. */
export class BenchFileError extends Error {}

const isNum = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);
const isNumOrNull = (x: unknown) => x === null || (isNum(x) && x >= 0);
const isDate = (x: unknown) => typeof x === "string" && Number.isFinite(Date.parse(x));

/** Checks a parsed file's layout; throws {@linkcode BenchFileError} naming the first bad field. */
export function checkBenchFigures(value: unknown): BenchFigures {
  const bad = (field: string, got: unknown, allowed: string) =>
    new BenchFileError(`${field}: got ${JSON.stringify(got) ?? "nothing"}; allowed: ${allowed}`);
  const v = value as Partial<BenchFigures> | null;
  if (!v || typeof v !== "object") throw bad("the file", v, `a ${BENCH_FORMAT} JSON object`);
  if (v.format !== BENCH_FORMAT) throw bad("format", v.format, JSON.stringify(BENCH_FORMAT));
  if (v.version !== BENCH_VERSION) throw bad("version", v.version, String(BENCH_VERSION));
  const m = v.machine as Partial<BenchMachine> | undefined;
  if (!m || !isNum(m.cores) || typeof m.os !== "string" || typeof m.arch !== "string") {
    throw bad("machine", m, "{ cores, os, arch, deno }");
  }
  if (!isDate(v.date)) throw bad("date", v.date, "an ISO 8601 date");
  if (!Array.isArray(v.cells)) throw bad("cells", v.cells, "an array");
  v.cells.forEach((c, i) => {
    const ok = c && typeof c.task === "string" && isNum(c.population) && c.population >= 1 &&
      isNum(c.threads) && c.threads >= 1 && isNum(c.agentStepsPerSecond) &&
      c.agentStepsPerSecond > 0 && isNumOrNull(c.updateMs) && isNumOrNull(c.physicsMsPerStep) &&
      isDate(c.date);
    if (!ok) {
      throw bad(
        `cells[${i}]`,
        c,
        "{ task, population ≥ 1, threads ≥ 1, agentStepsPerSecond > 0, updateMs, physicsMsPerStep, date }",
      );
    }
  });
  return v as BenchFigures;
}

/** Why `saved` cannot stand for `machine`, or null when it can (same cores, OS and architecture). */
export function machineMismatch(saved: BenchMachine, machine: BenchMachine): string | null {
  const diffs: string[] = [];
  if (saved.cores !== machine.cores) diffs.push(`${saved.cores} cores, here ${machine.cores}`);
  if (saved.os !== machine.os || saved.arch !== machine.arch) {
    diffs.push(`${saved.os} ${saved.arch}, here ${machine.os} ${machine.arch}`);
  }
  return diffs.length ? `measured on another machine (${diffs.join("; ")})` : null;
}

/**
 * Saves `cells` measured on `machine` to `path` (temp file, then rename). Cells of tasks not
 * measured now are kept from the file already there when it is readable and from the same
 * machine, so benchmarking one task (`STACKRL_BENCH_TASKS`) updates that task only.
 */
export async function saveBenchFigures(
  path: string,
  fields: Pick<BenchFigures, "machine" | "algo" | "backend" | "stepsPerMember" | "date" | "cells">,
): Promise<BenchFigures> {
  let kept: BenchCell[] = [];
  try {
    const old = checkBenchFigures(JSON.parse(await Deno.readTextFile(path)));
    const tasks = new Set(fields.cells.map((c) => c.task));
    if (!machineMismatch(old.machine, fields.machine) && old.algo === fields.algo) {
      kept = old.cells.filter((c) => !tasks.has(c.task));
    }
  } catch {
    // nothing there, or nothing usable: the new cells alone
  }
  const figures: BenchFigures = {
    format: BENCH_FORMAT,
    version: BENCH_VERSION,
    ...fields,
    cells: [...kept, ...fields.cells],
  };
  await writeFileAtomic(path, JSON.stringify(figures, null, 1) + "\n", { mkdir: true });
  return figures;
}

/** "3 days", "5 h", "12 min": how long ago `then` was, at `now`. */
export function ageText(thenMs: number, nowMs: number): string {
  const s = Math.max(0, (nowMs - thenMs) / 1000);
  if (s < 3600) return `${Math.round(s / 60)} min`;
  if (s < 2 * 86400) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86400)} days`;
}

/** What {@linkcode loadBenchFigures} found: usable figures or none, and one line saying which. */
export interface BenchSource {
  /** The figures to estimate from (only cells young enough), or null: measure instead. */
  figures: BenchFigures | null;
  /** One line for the reproduction's output. */
  line: string;
}

/**
 * Reads the figures at `path` for an estimate on `machine` at time `now`: null with one line
 * saying why when the file is missing, unreadable, of another version, from another machine
 * (cores, OS, architecture) or older than {@linkcode BENCH_MAX_AGE_DAYS}; never throws.
 */
export async function loadBenchFigures(
  path: string | undefined,
  machine: BenchMachine,
  now = Date.now(),
): Promise<BenchSource> {
  const fallback = (why: string) => ({
    figures: null,
    line: `reproduce: estimate from the throughput measured now: ${why}` +
      " (`deno task bench --only train` saves figures this machine can reuse)",
  });
  if (!path) return fallback("no cache location (set STACKRL_BENCH_FILE or HOME)");
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (error) {
    return fallback(
      error instanceof Deno.errors.NotFound
        ? `no benchmark figures at ${path}`
        : `cannot read ${path}: ${String((error as Error).message).split("\n")[0]}`,
    );
  }
  let figures: BenchFigures;
  try {
    figures = checkBenchFigures(JSON.parse(text));
  } catch (error) {
    const why = error instanceof BenchFileError ? error.message : "not valid JSON";
    return fallback(`${path} is not usable (${why})`);
  }
  const mismatch = machineMismatch(figures.machine, machine);
  if (mismatch) return fallback(`${path} was ${mismatch}`);
  const maxAge = BENCH_MAX_AGE_DAYS * 86400_000;
  const fresh = figures.cells.filter((c) => now - Date.parse(c.date) <= maxAge);
  if (!fresh.length) {
    return fallback(
      `the figures in ${path} are stale (measured ${
        ageText(Date.parse(figures.date), now)
      } ago; at most ${BENCH_MAX_AGE_DAYS} days are used)`,
    );
  }
  const oldest = Math.min(...fresh.map((c) => Date.parse(c.date)));
  const tasks = [...new Set(fresh.map((c) => c.task))];
  const commit = figures.machine.commit
    ? `, commit ${figures.machine.commit.slice(0, 7)}${
      machine.commit && machine.commit !== figures.machine.commit
        ? ` (now ${machine.commit.slice(0, 7)})`
        : ""
    }`
    : "";
  return {
    figures: { ...figures, cells: fresh },
    line:
      `reproduce: estimate from the training benchmark's figures in ${path} (${
        ageText(oldest, now)
      } old, ${figures.machine.cores} cores, ${figures.machine.os} ${figures.machine.arch}${commit}; ` +
      `${tasks.length} task(s): ${tasks.join(", ")}) and the update costs measured now`,
  };
}

/** Piecewise-linear in x through `points` (extended along the end segments; ∝ x from one point). */
function interpolate(points: [number, number][], x: number): number {
  const p = [...points].sort((a, b) => a[0] - b[0]);
  if (p.length === 1) return p[0][1] * x / p[0][0];
  let i = 0;
  while (i < p.length - 2 && x > p[i + 1][0]) i++;
  const [[x0, y0], [x1, y1]] = [p[i], p[i + 1]];
  return Math.max(0, y0 + (y1 - y0) * (x - x0) / (x1 - x0));
}

/** Seconds per training-loop step of a population, split as the estimate uses them. */
export interface BenchStepCosts {
  /** One update of the whole population, one thread (TD3 at the benchmark's settings). */
  update: number;
  /** Everything else in a loop step (physics, acting, replay writes), one thread. */
  rest: number;
  /** The loop's time at the run's threads over its time on one thread (1 for one thread). */
  threadFactor: number;
  /** One evaluation step of one member (a single environment: physics and acting). */
  evalStep: number;
}

/**
 * The benchmark's costs for `task` at population `population` and `threads` threads, in
 * seconds, interpolated linearly in the population between the sizes measured (1 and 8); null
 * when the figures lack the task or its one-thread update time. Two or more threads take the
 * two-thread cells (the benchmark's only split).
 */
export function benchStepCosts(
  figures: BenchFigures,
  task: string,
  population: number,
  threads: number,
): BenchStepCosts | null {
  const mine = figures.cells.filter((c) => c.task === task);
  const one = mine.filter((c) => c.threads === 1 && c.updateMs !== null);
  if (!one.length) return null;
  const loop = (cells: BenchCell[]) =>
    interpolate(cells.map((c) => [c.population, c.population / c.agentStepsPerSecond]), population);
  const loop1 = loop(one);
  const update = interpolate(
    one.map((c) => [c.population, (c.updateMs as number) / 1000]),
    population,
  );
  const split = mine.filter((c) => c.threads === 2);
  const threadFactor = threads >= 2 && split.length ? loop(split) / loop1 : 1;
  // the loop's non-update time, at least its physics alone (timing noise can put the update alone
  // above the loop's share of it)
  const physics = one.filter((c) => c.physicsMsPerStep !== null);
  const rest = Math.max(
    0,
    loop1 - update,
    physics.length
      ? interpolate(
        physics.map((c) => [c.population, (c.physicsMsPerStep as number) / 1000]),
        population,
      )
      : 0,
  );
  // evaluation steps one member at a time: the loop's non-update time at one member
  const single = one.find((c) => c.population === 1);
  const evalStep = single
    ? Math.max(0, 1 / single.agentStepsPerSecond - (single.updateMs as number) / 1000)
    : rest / population;
  return { update, rest, threadFactor, evalStep };
}
