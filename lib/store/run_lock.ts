/**
 * One writer per run: `runs/<id>/lock.json` names the process that is writing the run (its host,
 * pid and start time). The trainer creates it exclusively (`Deno.open` with `createNew`, so of two
 * writers racing for a run exactly one wins) and removes it when it stops, on failure too.
 *
 * A lock outlives its writer only when that process was killed outright (SIGKILL, a crash of the
 * machine). On the same host that is visible: `/proc/<pid>` is gone, or belongs to a process that
 * started later (the pid was reused). Such a lock is taken over with a notice. A lock written on
 * another host cannot be checked from here and is never taken over without `force`
 * (`deno task train --resume <id> --force-unlock`); a live writer on this host is never taken over.
 *
 * The same test tells the store's readers that a run whose `status.json` still says `running` has
 * no writer any more: {@link runIsStale}.
 *
 * Everything here needs only read and write permission on the run (and, for the host name, `sys`
 * where granted: without it `/proc/sys/kernel/hostname` is read); nothing prompts.
 * @module
 */

/** The lock file's name inside a run directory. */
export const LOCK_FILE = "lock.json";

/** What `lock.json` holds: the writer of the run. */
export interface LockHolder {
  /** Host name of the writer (`Deno.hostname()`). */
  host: string;
  /** Process id of the writer on that host. */
  pid: number;
  /** When the writer took the lock (ISO 8601, UTC). */
  startedAt: string;
  /**
   * Start of the writer process in clock ticks after boot (`/proc/<pid>/stat` field 22, see
   * proc(5)); tells the writer from a later process that reuses its pid. Absent off Linux.
   */
  procStart?: number;
}

/** Thrown when a run is locked by another writer; the message names the holder. */
export class RunLockedError extends Error {
  /** The writer that holds the lock (null: `lock.json` could not be read). */
  readonly holder: LockHolder | null;
  /** The run directory. */
  readonly dir: string;
  /**
   * @param dir the run directory
   * @param holder its writer (null: unreadable)
   * @param message one line naming the holder
   */
  constructor(dir: string, holder: LockHolder | null, message: string) {
    super(message);
    this.name = "RunLockedError";
    this.dir = dir;
    this.holder = holder;
  }
}

/** Thrown by a writer that finds its lock replaced (taken over with force from another host). */
export class LockLostError extends Error {
  /** Who holds the lock now (null: nobody). */
  readonly holder: LockHolder | null;
  /**
   * @param dir the run directory
   * @param holder who holds the lock now (null: nobody)
   */
  constructor(dir: string, holder: LockHolder | null) {
    super(
      `${dir}: this process no longer holds ${LOCK_FILE} (${
        holder ? `now held by ${describeHolder(holder)}` : "it was removed"
      }); stopped writing so that the run keeps a single writer`,
    );
    this.name = "LockLostError";
    this.holder = holder;
  }
}

function granted(descriptor: Deno.PermissionDescriptor): boolean {
  try {
    return Deno.permissions.querySync(descriptor).state === "granted";
  } catch {
    return false;
  }
}

let cachedHost: string | null | undefined;

/** This machine's host name, or undefined when neither `sys` nor `/proc` may tell it. */
export function hostName(): string | undefined {
  if (cachedHost !== undefined) return cachedHost ?? undefined;
  cachedHost = null;
  // querying first: an ungranted permission would otherwise prompt on a terminal
  if (granted({ name: "sys", kind: "hostname" })) {
    try {
      cachedHost = Deno.hostname();
    } catch { /* fall through */ }
  }
  if (cachedHost === null && granted({ name: "read", path: "/proc/sys/kernel/hostname" })) {
    try {
      cachedHost = Deno.readTextFileSync("/proc/sys/kernel/hostname").trim() || null;
    } catch { /* not Linux */ }
  }
  return cachedHost ?? undefined;
}

/** Whether `/proc` can answer for processes of this host (Linux, read permission). */
function procAvailable(): boolean {
  if (!granted({ name: "read", path: "/proc" })) return false;
  try {
    Deno.statSync("/proc/self/stat");
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether `pid` exists, asked of the shell's `kill -0` (no signal is sent): the fallback where
 * `/proc` may not be read (Deno grants `/proc` only to `--allow-all`). Needs `--allow-run`;
 * undefined without it or without a shell. A process of another user answers "not permitted",
 * which means it exists.
 */
function signalProbe(pid: number): boolean | undefined {
  if (!granted({ name: "run", command: "sh" })) return undefined;
  try {
    const out = new Deno.Command("sh", {
      args: ["-c", 'kill -0 "$1"', "sh", String(pid)],
      stdout: "null",
      stderr: "piped",
    }).outputSync();
    if (out.success) return true;
    return /not permitted/i.test(new TextDecoder().decode(out.stderr)) ? true : false;
  } catch {
    return undefined;
  }
}

/** State (field 3) and start time (field 22) of `/proc/<pid>/stat`, or null without it. */
function procStat(pid: number | "self"): { state: string; start: number } | null {
  let text: string;
  try {
    text = Deno.readTextFileSync(`/proc/${pid}/stat`);
  } catch {
    return null;
  }
  // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ")"
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  return { state: fields[0], start: Number(fields[19]) };
}

/**
 * Whether process `pid` of this host is alive: true, false, or undefined when this host cannot
 * tell (no `/proc`, no read permission). A zombie counts as gone, and so does a process that
 * started after `procStart` (its pid was reused).
 */
export function processAlive(pid: number, procStart?: number): boolean | undefined {
  if (pid === Deno.pid) return true;
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (!procAvailable()) return signalProbe(pid);
  const stat = procStat(pid);
  if (stat === null) return false;
  if (stat.state === "Z" || stat.state === "X") return false;
  if (procStart !== undefined && Number.isFinite(stat.start) && stat.start !== procStart) {
    return false;
  }
  return true;
}

/** `pid 123 on host node7 since 2026-01-01T00:00:00.000Z`. */
export function describeHolder(holder: LockHolder): string {
  return `pid ${holder.pid} on host ${holder.host} since ${holder.startedAt}`;
}

function parseHolder(text: string): LockHolder | null {
  try {
    const v = JSON.parse(text);
    if (
      v && typeof v === "object" && typeof v.host === "string" && Number.isInteger(v.pid) &&
      typeof v.startedAt === "string"
    ) return v as LockHolder;
  } catch { /* not JSON (yet) */ }
  return null;
}

/** Reads the raw text of `dir/lock.json`; null when there is none. */
function readLockText(dir: string): string | null {
  try {
    return Deno.readTextFileSync(`${dir}/${LOCK_FILE}`);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return null;
    throw error;
  }
}

/** The holder named by `dir/lock.json`; null when there is no lock or it cannot be parsed. */
export function readLock(dir: string): LockHolder | null {
  const text = readLockText(dir);
  return text === null ? null : parseHolder(text);
}

/**
 * Whether `holder`'s process is gone: `"dead"` (same host, no such process), `"alive"` (same host),
 * or `"unknown"` (another host, or this host cannot tell).
 */
export function holderState(holder: { host?: string; pid: number; procStart?: number }):
  | "alive"
  | "dead"
  | "unknown" {
  const here = hostName();
  if (here === undefined || (holder.host !== undefined && holder.host !== here)) return "unknown";
  const alive = processAlive(holder.pid, holder.procStart);
  return alive === undefined ? "unknown" : alive ? "alive" : "dead";
}

/**
 * Whether a run whose `status.json` says `running` has lost its writer: its lock (or, for runs
 * written before locks, the status's own `pid` and `host`) names a process of this host that is
 * gone. A run with no writer named, or one written on another host, is not stale.
 */
export function runIsStale(
  dir: string,
  status: { status?: string; pid?: number; host?: string },
): boolean {
  if (status.status !== "running") return false;
  let holder: { host?: string; pid: number; procStart?: number } | null;
  try {
    holder = readLock(dir);
  } catch {
    return false;
  }
  if (holder === null && typeof status.pid === "number") {
    holder = { pid: status.pid, ...(typeof status.host === "string" ? { host: status.host } : {}) };
  }
  return holder !== null && holderState(holder) === "dead";
}

/** The holder this process writes. */
function selfHolder(): LockHolder {
  const start = procStat("self")?.start;
  return {
    host: hostName() ?? "unknown",
    pid: Deno.pid,
    startedAt: new Date().toISOString(),
    ...(start !== undefined && Number.isFinite(start) ? { procStart: start } : {}),
  };
}

/** Creates `dir/lock.json` exclusively with `text`; false when one exists already. */
async function createLock(dir: string, text: string): Promise<boolean> {
  let file: Deno.FsFile;
  try {
    file = await Deno.open(`${dir}/${LOCK_FILE}`, { createNew: true, write: true });
  } catch (error) {
    if (error instanceof Deno.errors.AlreadyExists) return false;
    throw error;
  }
  try {
    const data = new TextEncoder().encode(text);
    let written = 0;
    while (written < data.length) written += await file.write(data.subarray(written));
  } finally {
    file.close();
  }
  return true;
}

/**
 * Moves the lock whose text is `judged` out of the way. Renaming (atomic) rather than removing:
 * when two processes take over the same dead lock at once, the second could otherwise remove
 * the first one's fresh lock. Whoever renames a lock that is not the one it judged puts it back
 * (a hard link creates the name only if it is free).
 */
async function removeJudged(dir: string, judged: string): Promise<void> {
  const path = `${dir}/${LOCK_FILE}`;
  const aside = `${path}.old-${crypto.randomUUID().slice(0, 8)}`;
  try {
    await Deno.rename(path, aside);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return;
    throw error;
  }
  let text = "";
  try {
    text = await Deno.readTextFile(aside);
  } catch { /* treat as not judged */ }
  if (text !== judged) await Deno.link(aside, path).catch(() => {});
  await Deno.remove(aside).catch(() => {});
}

/** Options of {@link acquireRunLock}. */
export interface LockOptions {
  /** Take over a lock that names another host (or cannot be read); never a live local one. */
  force?: boolean;
  /** Where notices go (default: `console.error`). */
  log?: (line: string) => void;
}

/** A held run lock; {@link RunLock.release} removes it. */
export class RunLock {
  /** The run directory. */
  readonly dir: string;
  /** This process, as written to the lock. */
  readonly holder: LockHolder;
  /** The lock file's exact text: what tells this process's lock from a later one. */
  readonly #text: string;
  #released = false;

  private constructor(dir: string, holder: LockHolder, text: string) {
    this.dir = dir;
    this.holder = holder;
    this.#text = text;
  }

  /**
   * Writes a lock for this process into `dir`, which must not have one (a run directory being
   * built); the lock then belongs to `finalDir` once `dir` is renamed there.
   */
  static async createIn(dir: string, finalDir = dir): Promise<RunLock> {
    const holder = selfHolder();
    const text = JSON.stringify(holder) + "\n";
    if (!(await createLock(dir, text))) {
      throw new RunLockedError(dir, readLock(dir), `${dir}/${LOCK_FILE} exists already`);
    }
    return new RunLock(finalDir, holder, text);
  }

  /** @internal a lock acquired by {@link acquireRunLock}. */
  static adopt(dir: string, holder: LockHolder, text: string): RunLock {
    return new RunLock(dir, holder, text);
  }

  /** Whether `lock.json` still names this process (false once released or taken over). */
  owned(): boolean {
    if (this.#released) return false;
    try {
      return readLockText(this.dir) === this.#text;
    } catch {
      return false;
    }
  }

  /** Throws {@link LockLostError} unless this process still holds the lock. */
  assertOwned(): void {
    if (!this.owned()) throw new LockLostError(this.dir, readLock(this.dir));
  }

  /** Removes the lock if it still names this process. Idempotent; never throws. */
  release(): void {
    if (this.#released) return;
    try {
      if (this.owned()) Deno.removeSync(`${this.dir}/${LOCK_FILE}`);
    } catch { /* the directory went away: nothing to release */ }
    this.#released = true;
  }
}

/**
 * Takes the lock of the run in `dir` for this process. A lock of a gone process of this host is
 * taken over with a notice; one from another host (or unreadable) only with `force`; one of a
 * live process of this host never. Throws {@link RunLockedError} naming the holder otherwise.
 *
 * @example
 * ```ts
 * import { acquireRunLock } from "./run_lock.ts";
 * const dir = await Deno.makeTempDir();
 * const lock = await acquireRunLock(dir);
 * try {
 *   // write the run
 * } finally {
 *   lock.release();
 * }
 * ```
 */
export async function acquireRunLock(dir: string, options: LockOptions = {}): Promise<RunLock> {
  dir = dir.replace(/\/+$/, "");
  const log = options.log ?? ((line: string) => console.error(line));
  const holder = selfHolder();
  const text = JSON.stringify(holder) + "\n";
  const advice = "stop that process first (Ctrl-C or kill -TERM writes a checkpoint)";
  for (let attempt = 0; attempt < 20; attempt++) {
    if (await createLock(dir, text)) return RunLock.adopt(dir, holder, text);
    const current = readLockText(dir);
    if (current === null) continue; // released meanwhile: try again
    const other = parseHolder(current);
    if (other === null) {
      // created but not yet written (a writer between open and write), or left torn by a crash
      if (attempt < 10) {
        await new Promise((r) => setTimeout(r, 100));
        continue;
      }
      if (!options.force) {
        throw new RunLockedError(
          dir,
          null,
          `${dir}/${LOCK_FILE} cannot be read (${
            JSON.stringify(current.slice(0, 40))
          }); if no process writes this run, rerun with --force-unlock`,
        );
      }
      log(`notice: ${dir}: removing the unreadable ${LOCK_FILE} (--force-unlock)`);
      await removeJudged(dir, current);
      continue;
    }
    const state = holderState(other);
    if (state === "alive") {
      throw new RunLockedError(
        dir,
        other,
        `${dir} is being written by ${describeHolder(other)}; ${advice}`,
      );
    }
    if (state === "unknown" && !options.force) {
      throw new RunLockedError(
        dir,
        other,
        `${dir} is locked by ${describeHolder(other)}, which cannot be checked from ${
          hostName() ?? "this host"
        }; ${advice}, or if it is gone rerun with --force-unlock`,
      );
    }
    log(
      `notice: ${dir}: taking over the lock of ${describeHolder(other)} (${
        state === "dead" ? "that process is gone" : "--force-unlock"
      })`,
    );
    await removeJudged(dir, current);
  }
  throw new RunLockedError(dir, readLock(dir), `${dir}: could not take ${LOCK_FILE}`);
}
