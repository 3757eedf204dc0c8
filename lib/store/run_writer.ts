/**
 * The writer side of the run store (the layout is described in lib/store/run_store.ts): creates a
 * run folder atomically, appends metric rows to `metrics.jsonl` and `metrics.csv`, rewrites
 * `status.json`, stores rollouts, and holds the run's lock (lib/store/run_lock.ts) while it writes.
 * @module
 */
import { writeFileAtomic } from "../atomic.ts";
import { acquireRunLock, type LockOptions, RunLock } from "./run_lock.ts";
import { checkRunId, join } from "./ids.ts";
import { csvLine, parseMetrics } from "./metrics.ts";
import { CSV_COLUMNS, type MetricRow, type RunConfig, type RunStatus } from "./types.ts";

/**
 * Writes one run's files; created by {@link RunWriter.create} or {@link RunWriter.open}. A writer
 * holds the run's lock (`lock.json`) until {@link RunWriter.close}.
 */
export class RunWriter {
  #jsonl: Deno.FsFile | undefined;
  #csv: Deno.FsFile | undefined;
  readonly #encoder = new TextEncoder();
  readonly #lock: RunLock;

  private constructor(readonly dir: string, readonly id: string, lock: RunLock) {
    this.#lock = lock;
  }

  /**
   * Creates `root/<config.id>/` with `config.json`, an initial `status.json`, empty metrics and
   * this process's `lock.json`. Fails if the directory already exists.
   */
  static async create(root: string, config: RunConfig, status: RunStatus): Promise<RunWriter> {
    const id = checkRunId(config.id);
    await Deno.mkdir(root, { recursive: true });
    const dir = join(root, id);
    // built under a temporary name (which listRuns skips), then renamed into place, so a reader
    // never sees a run directory without its config.json
    const temp = `${dir}.tmp-${crypto.randomUUID().slice(0, 8)}`;
    await Deno.mkdir(temp);
    let lock: RunLock;
    try {
      // the lock is in place before the directory appears, so no second writer can slip in
      lock = await RunLock.createIn(temp, dir);
      await Deno.writeTextFile(join(temp, "config.json"), JSON.stringify(config, null, 2) + "\n");
      await Deno.writeTextFile(join(temp, "status.json"), JSON.stringify(status, null, 2) + "\n");
      await Deno.writeTextFile(join(temp, "metrics.jsonl"), "");
      await Deno.writeTextFile(join(temp, "metrics.csv"), CSV_COLUMNS.join(",") + "\n");
      // never write into another run (rename would replace an empty directory)
      let exists = true;
      try {
        await Deno.stat(dir);
      } catch (error) {
        if (!(error instanceof Deno.errors.NotFound)) throw error;
        exists = false;
      }
      if (exists) throw new Deno.errors.AlreadyExists(`run ${dir} already exists`);
      await Deno.rename(temp, dir);
    } catch (error) {
      await Deno.remove(temp, { recursive: true }).catch(() => {});
      throw error;
    }
    const writer = new RunWriter(dir, id, lock);
    try {
      await writer.#openFiles();
    } catch (error) {
      writer.close();
      throw error;
    }
    return writer;
  }

  /**
   * Opens an existing run for appending (a resume). Rows with `step > keepUpToStep` (written
   * after the checkpoint being resumed) and a torn last line are removed from both metrics files.
   * Takes the run's lock first ({@link acquireRunLock}: throws `RunLockedError` naming the writer
   * that holds it), unless `options.lock` hands over one already held.
   */
  static async open(
    dir: string,
    keepUpToStep = Infinity,
    options: LockOptions & { lock?: RunLock } = {},
  ): Promise<RunWriter> {
    const id = checkRunId(dir.replace(/\/+$/, "").split("/").pop());
    const lock = options.lock ?? await acquireRunLock(dir, options);
    const writer = new RunWriter(dir, id, lock);
    try {
      await writer.#truncate(keepUpToStep);
      await writer.#openFiles();
    } catch (error) {
      writer.close();
      throw error;
    }
    return writer;
  }

  async #truncate(keepUpToStep: number): Promise<void> {
    const dir = this.dir;
    let text = "";
    try {
      text = await Deno.readTextFile(join(dir, "metrics.jsonl"));
    } catch (error) {
      if (!(error instanceof Deno.errors.NotFound)) throw error;
    }
    const { rows } = parseMetrics(text.slice(0, text.lastIndexOf("\n") + 1));
    const kept = rows.filter((r) => !(r.step > keepUpToStep));
    await writeFileAtomic(
      join(dir, "metrics.jsonl"),
      kept.map((r) => JSON.stringify(r) + "\n").join(""),
    );
    await writeFileAtomic(
      join(dir, "metrics.csv"),
      CSV_COLUMNS.join(",") + "\n" + kept.map(csvLine).join(""),
    );
  }

  async #openFiles(): Promise<void> {
    this.#jsonl = await Deno.open(join(this.dir, "metrics.jsonl"), { append: true });
    this.#csv = await Deno.open(join(this.dir, "metrics.csv"), { append: true });
  }

  /** Appends rows to `metrics.jsonl` and `metrics.csv` (one write per file). */
  async append(rows: readonly MetricRow[]): Promise<void> {
    if (rows.length === 0) return;
    if (!this.#jsonl || !this.#csv) throw new Error("run writer is closed");
    await writeAll(
      this.#jsonl,
      this.#encoder.encode(rows.map((r) => JSON.stringify(r) + "\n").join("")),
    );
    await writeAll(this.#csv, this.#encoder.encode(rows.map(csvLine).join("")));
  }

  /** Throws `LockLostError` unless this writer still holds the run's lock. */
  assertOwned(): void {
    this.#lock.assertOwned();
  }

  /**
   * Rewrites `status.json` atomically; throws `LockLostError` instead when another process has
   * taken the run's lock (a forced takeover), so that a run never gets two writers' statuses.
   */
  async writeStatus(status: RunStatus): Promise<void> {
    this.#lock.assertOwned();
    await writeFileAtomic(join(this.dir, "status.json"), JSON.stringify(status, null, 2) + "\n");
  }

  /** Writes `rollouts/<label>.json` atomically (JSON text as is, anything else stringified). */
  async writeRollout(label: string, rollout: unknown): Promise<void> {
    checkRunId(label, "rollout label");
    await Deno.mkdir(join(this.dir, "rollouts"), { recursive: true });
    await writeFileAtomic(
      join(this.dir, "rollouts", `${label}.json`),
      typeof rollout === "string" ? rollout : JSON.stringify(rollout),
    );
  }

  /** The directory of checkpoint `name` (`"last"` or `"best"`). */
  checkpointDir(name: "last" | "best"): string {
    return join(this.dir, "checkpoints", name);
  }

  /** Closes the metrics files and releases the run's lock. Idempotent. */
  close(): void {
    this.#jsonl?.close();
    this.#csv?.close();
    this.#jsonl = this.#csv = undefined;
    this.#lock.release();
  }
}

async function writeAll(file: Deno.FsFile, data: Uint8Array): Promise<void> {
  let written = 0;
  while (written < data.length) written += await file.write(data.subarray(written));
}
