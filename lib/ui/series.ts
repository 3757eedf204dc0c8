/**
 * Pure helpers that turn metric rows into chart series: per-seed curves on a shared step grid,
 * their mean ± std across seeds, and index-bucket downsampling for the JSON API. Used by the
 * server (API, tests) and bundled into the browser islands, so this file imports nothing.
 * @module
 */

/** The fields of a metric row the helpers read (a subset of the run store's `MetricRow`). */
export interface RowLike {
  type: string;
  member: number;
  seed: number;
  step: number;
}

function get(row: RowLike, key: string): unknown {
  return (row as unknown as Record<string, unknown>)[key];
}

/** Curves of one quantity on a shared x grid: one per population member, plus mean ± std. */
export interface SeedBand {
  /** Environment steps (bin ends for binned quantities). */
  x: number[];
  /** One curve per member, `null` where the member has no value. */
  members: { member: number; seed: number; y: (number | null)[] }[];
  /** Mean across the members that have a value at x, `null` where none has. */
  mean: (number | null)[];
  /** Population standard deviation across those members (0 with one member). */
  std: (number | null)[];
}

function numeric(v: unknown): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/**
 * Builds the per-member curves and their mean ± std of `field` over rows of `type`.
 * `grid: "exact"` uses the union of the rows' steps (evaluations happen at the same steps for every
 * seed); `grid: "bins"` averages each member's rows into `bins` equal step intervals (training
 * episodes end at different steps per seed), and a member without rows in a bin keeps its previous
 * bin's value (between its first and last row).
 */
export function seedBand(
  rows: readonly RowLike[],
  type: string,
  field: string,
  opts: { grid?: "exact" | "bins"; bins?: number } = {},
): SeedBand {
  const picked = rows.filter((r) => r.type === type && numeric(get(r, field)) !== null);
  const members = new Map<number, number>();
  for (const r of picked) if (!members.has(r.member)) members.set(r.member, r.seed);
  const order = [...members.keys()].sort((a, b) => a - b);
  let x: number[];
  let binOf: (step: number) => number;
  if ((opts.grid ?? "exact") === "exact") {
    x = [...new Set(picked.map((r) => r.step))].sort((a, b) => a - b);
    const index = new Map(x.map((s, i) => [s, i]));
    binOf = (s) => index.get(s)!;
  } else {
    const bins = Math.max(1, Math.floor(opts.bins ?? 100));
    const maxStep = picked.reduce((m, r) => Math.max(m, r.step), 0);
    if (picked.length === 0) {
      x = [];
    } else {
      const width = Math.max(1, Math.ceil(maxStep / bins));
      const count = Math.max(1, Math.ceil(maxStep / width));
      x = Array.from({ length: count }, (_, i) => (i + 1) * width);
    }
    const width = x.length > 0 ? x[0] : 1;
    binOf = (s) => Math.min(x.length - 1, Math.max(0, Math.ceil(s / width) - 1));
  }
  const sums = order.map(() => new Float64Array(x.length));
  const counts = order.map(() => new Uint32Array(x.length));
  const slot = new Map(order.map((m, i) => [m, i]));
  for (const r of picked) {
    const i = slot.get(r.member)!, b = binOf(r.step);
    sums[i][b] += get(r, field) as number;
    counts[i][b]++;
  }
  const carry = opts.grid === "bins";
  const curves = order.map((member, i) => {
    const y = Array.from(x, (_, b) => counts[i][b] > 0 ? sums[i][b] / counts[i][b] : null);
    // binned quantities (episodes end at different steps per seed): a member keeps its last
    // value through bins where it has none, up to its last row, so the mean does not zigzag
    if (carry) {
      let lastBin = -1;
      for (let b = 0; b < y.length; b++) if (y[b] !== null) lastBin = b;
      for (let b = 1; b <= lastBin; b++) if (y[b] === null) y[b] = y[b - 1];
    }
    return { member, seed: members.get(member)!, y };
  });
  const mean: (number | null)[] = [], std: (number | null)[] = [];
  for (let b = 0; b < x.length; b++) {
    const vals = curves.map((c) => c.y[b]).filter((v): v is number => v !== null);
    if (vals.length === 0) {
      mean.push(null);
      std.push(null);
      continue;
    }
    const m = vals.reduce((a, v) => a + v, 0) / vals.length;
    mean.push(m);
    std.push(Math.sqrt(vals.reduce((a, v) => a + (v - m) ** 2, 0) / vals.length));
  }
  return { x, members: curves, mean, std };
}

/** Final and best mean-over-seeds evaluation return of a run (null without evaluations). */
export function evalSummary(
  rows: readonly RowLike[],
): { final: number | null; finalStd: number | null; best: number | null; bestStep: number | null } {
  const band = seedBand(rows, "eval", "returnMean");
  let final: number | null = null, finalStd: number | null = null;
  let best: number | null = null, bestStep: number | null = null;
  for (let i = 0; i < band.x.length; i++) {
    const m = band.mean[i];
    if (m === null) continue;
    final = m;
    finalStd = band.std[i];
    if (best === null || m > best) {
      best = m;
      bestStep = band.x[i];
    }
  }
  return { final, finalStd, best, bestStep };
}

/**
 * Downsamples rows for the API: rows are grouped by (type, member); a group longer than `max` is
 * cut into `max` consecutive buckets of about equal length and each bucket becomes one row whose
 * numeric fields are the bucket's means, except `step` and `time` (the bucket's last) and
 * non-numeric fields (the bucket's last row's). Groups keep their order; the output is sorted by
 * step within each group and groups follow in first-appearance order.
 */
export function downsampleRows<T extends RowLike>(rows: readonly T[], max: number): T[] {
  const groups = new Map<string, T[]>();
  for (const r of rows) {
    const key = `${r.type}\u0000${r.member}`;
    let g = groups.get(key);
    if (!g) groups.set(key, g = []);
    g.push(r);
  }
  const out: T[] = [];
  for (const g of groups.values()) {
    if (g.length <= max) {
      out.push(...g);
      continue;
    }
    for (let b = 0; b < max; b++) {
      const lo = Math.floor(b * g.length / max), hi = Math.floor((b + 1) * g.length / max);
      const bucket = g.slice(lo, hi);
      const last = bucket[bucket.length - 1];
      const merged = { ...last } as unknown as Record<string, unknown>;
      for (const [k, v] of Object.entries(merged)) {
        if (k === "step" || k === "time" || k === "member" || k === "seed") continue;
        if (typeof v !== "number") continue;
        let sum = 0, n = 0;
        for (const r of bucket) {
          const x = numeric(get(r, k));
          if (x !== null) {
            sum += x;
            n++;
          }
        }
        merged[k] = n > 0 ? sum / n : null;
      }
      out.push(merged as T);
    }
  }
  return out;
}
