/**
 * Small helpers shared by the report sections: statistics over seeds, and the report's one
 * set of formatters (numbers, intervals, CSV, verdict cells), so that every table and CSV file
 * rounds and quotes alike.
 * @module
 */
/**
 * A claim's verdict. With intervals (the MuJoCo, critic-loss and timing claims): **holds** when
 * the interval excludes "no improvement", **does not hold** when it excludes the claimed
 * improvement, **inconclusive** otherwise; **not tested** when the budget ran nothing that
 * bears on the claim. The toy claims use the same words on their trajectory classes.
 */
export type Verdict = "holds" | "does not hold" | "inconclusive" | "not tested";
/** Every verdict word. */
export const VERDICTS: readonly Verdict[] = [
  "holds",
  "does not hold",
  "inconclusive",
  "not tested",
];

/** A verdict cell as every section writes it: `**holds**` (the tests look for this form). */
export function verdictCell(v: Verdict): string {
  return `**${v}**`;
}

/** Mean of the finite values (NaN when none). */
export function mean(xs: number[]): number {
  const f = xs.filter(Number.isFinite);
  return f.length ? f.reduce((a, b) => a + b, 0) / f.length : NaN;
}

/** Sample standard deviation (0 for one value). */
export function std(xs: number[]): number {
  const f = xs.filter(Number.isFinite);
  if (f.length < 2) return 0;
  const m = mean(f);
  return Math.sqrt(f.reduce((a, b) => a + (b - m) ** 2, 0) / (f.length - 1));
}

/** Median (NaN for none). */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b), n = s.length;
  return n ? (n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2) : NaN;
}

const T975 = [
  NaN,
  12.706,
  4.303,
  3.182,
  2.776,
  2.571,
  2.447,
  2.365,
  2.306,
  2.262,
  2.228,
  2.201,
  2.179,
  2.160,
  2.145,
  2.131,
  2.120,
  2.110,
  2.101,
  2.093,
  2.086,
];

/** Two-sided 95% Student-t confidence interval of the mean: [lo, hi] (NaN for n < 2). */
export function ci95(xs: number[]): [number, number] {
  const f = xs.filter(Number.isFinite);
  const n = f.length;
  if (n < 2) return [NaN, NaN];
  const t = n - 1 < T975.length ? T975[n - 1] : 1.96;
  const half = (t * std(f)) / Math.sqrt(n);
  const m = mean(f);
  return [m - half, m + half];
}

/**
 * A number for a table or CSV: 3 significant digits, exponents for very large or small values;
 * "–" for a non-finite value, "" for null (no value).
 */
export function num(v: number | null, digits = 3): string {
  if (v === null) return "";
  if (!Number.isFinite(v)) return "–";
  return Math.abs(v) >= 1e5 || (Math.abs(v) < 1e-3 && v !== 0)
    ? v.toExponential(digits - 1)
    : String(Number(v.toPrecision(digits)));
}

/** An interval as the tables write it: `estimate [lo, hi]` with {@linkcode num}; "–" without one. */
export function interval(i: { estimate: number; lo: number; hi: number }): string {
  return Number.isFinite(i.lo) ? `${num(i.estimate)} [${num(i.lo)}, ${num(i.hi)}]` : "–";
}

/** Seconds for a timing table: 3 decimals below 0.1 s, fewer as they grow, none from 100 s. */
export function secondsText(s: number): string {
  return s >= 100 ? s.toFixed(0) : s >= 10 ? s.toFixed(1) : s >= 0.1 ? s.toFixed(2) : s.toFixed(3);
}

function csvCell(v: unknown): string {
  const s = String(v ?? "");
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A CSV document with a header line. */
export function csv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\n") + "\n";
}
