/**
 * A small, dependency-free SVG plotting helper for the reproduction report: line plots (linear or
 * logarithmic y) and contour plots of a 2D function with trajectories overlaid. Every curve is a
 * `<path>` element whose `d` attribute holds the data (`M x y L x y …`), so a test can check that
 * data was drawn.
 * @module
 */
import { CONTENT_ID, nameByContent } from "./hash.ts";

/** One curve: points (x[i], y[i]); non-finite points break the curve. */
export interface Series {
  label: string;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** CSS colour; default from a colour-blind-safe palette by index. */
  color?: string;
  /** `stroke-dasharray`, e.g. "4 2". */
  dash?: string;
  /** Stroke width in px; default 1.6. */
  width?: number;
  /** Listed in the legend (default true). */
  legend?: boolean;
}

/** A labelled point marker (start, optimum, …). */
export interface Marker {
  x: number;
  y: number;
  label: string;
  shape?: "circle" | "star" | "square";
  color?: string;
}

/** Options shared by both plot kinds. */
export interface PlotFrame {
  title?: string;
  xLabel?: string;
  yLabel?: string;
  /** Pixel size of the whole image; default 640 × 420. */
  width?: number;
  height?: number;
  /** Curves are decimated to at most this many points each (default 1200). */
  maxPoints?: number;
}

/** Options of {@link linePlot}. */
export interface LinePlotOptions extends PlotFrame {
  /** Logarithmic y axis (non-positive values are skipped). */
  logY?: boolean;
  /** Logarithmic x axis (non-positive values are skipped). */
  logX?: boolean;
  xRange?: [number, number];
  yRange?: [number, number];
  /** Horizontal reference lines (e.g. a tolerance). */
  hLines?: { y: number; label: string }[];
}

/** Options of {@link contourPlot}. */
export interface ContourPlotOptions extends PlotFrame {
  /** The function drawn, f(x, y). */
  f: (x: number, y: number) => number;
  xRange: [number, number];
  yRange: [number, number];
  /** Explicit contour levels, or how many to choose (default 14). */
  levels?: number[] | number;
  /** Choose levels on a logarithmic scale of f − min f (for functions like a squared loss). */
  logLevels?: boolean;
  /** Grid cells per axis (default 120). */
  resolution?: number;
  /** Curves drawn over the contours (trajectories, best-response curves). */
  overlays?: Series[];
  markers?: Marker[];
}

/** A colour-blind-safe palette (Okabe–Ito). */
export const PALETTE: readonly string[] = [
  "#0072B2",
  "#D55E00",
  "#009E73",
  "#CC79A7",
  "#E69F00",
  "#56B4E9",
  "#000000",
  "#F0E442",
];

const MARGIN = { left: 64, right: 16, top: 34, bottom: 46 };

/** Escapes text for use in SVG content and attributes. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(
    /"/g,
    "&quot;",
  );
}

function fmt(v: number): string {
  return (Math.round(v * 10) / 10).toString();
}

/** Round numbers spanning [lo, hi], about `count` of them. */
export function niceTicks(lo: number, hi: number, count = 6): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const norm = raw / mag;
  const step = (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * mag;
  const ticks: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) {
    ticks.push(Math.abs(v) < step * 1e-9 ? 0 : Number(v.toPrecision(12)));
  }
  return ticks;
}

function tickLabel(v: number): string {
  if (v === 0) return "0";
  const a = Math.abs(v);
  return a >= 1e4 || a < 1e-3 ? v.toExponential(0) : String(Number(v.toPrecision(4)));
}

/** Indices of at most `max` points, evenly spaced, always keeping the first and last. */
function decimate(n: number, max: number): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const out: number[] = [];
  const step = (n - 1) / (max - 1);
  for (let k = 0; k < max; k++) out.push(Math.round(k * step));
  return out;
}

interface Axes {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  px: (x: number) => number;
  py: (y: number) => number;
  width: number;
  height: number;
}

function makeAxes(frame: PlotFrame, xr: [number, number], yr: [number, number]): Axes {
  const width = frame.width ?? 640, height = frame.height ?? 420;
  const x0 = MARGIN.left, x1 = width - MARGIN.right, y0 = height - MARGIN.bottom, y1 = MARGIN.top;
  const sx = (x1 - x0) / (xr[1] - xr[0] || 1), sy = (y0 - y1) / (yr[1] - yr[0] || 1);
  return {
    x0,
    x1,
    y0,
    y1,
    width,
    height,
    px: (x) => x0 + (x - xr[0]) * sx,
    py: (y) => y0 - (y - yr[0]) * sy,
  };
}

function pathData(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  ax: Axes,
  tx: (x: number) => number,
  ty: (y: number) => number,
  maxPoints: number,
): string {
  // Pixel coordinates; points closer than half a pixel to the last kept one are dropped (the
  // last point of each stretch is always kept), then at most `maxPoints` remain, evenly spaced.
  const n = Math.min(xs.length, ys.length);
  const kept: [number, number][] = [];
  let last: [number, number] | null = null;
  for (let i = 0; i < n; i++) {
    const x = tx(xs[i]), y = ty(ys[i]);
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      if (last) kept.push([NaN, NaN]);
      last = null;
      continue;
    }
    // Clamp far-away points so coordinates stay printable; the clip path hides them.
    const X = Math.max(-1e5, Math.min(1e5, ax.px(x))), Y = Math.max(-1e5, Math.min(1e5, ax.py(y)));
    const isLast = i === n - 1;
    if (last && !isLast && Math.hypot(X - last[0], Y - last[1]) < 0.5) continue;
    last = [X, Y];
    kept.push(last);
  }
  const parts: string[] = [];
  let pen = false;
  for (const i of decimate(kept.length, maxPoints)) {
    const [X, Y] = kept[i];
    if (!Number.isFinite(X)) {
      pen = false;
      continue;
    }
    parts.push(`${pen ? "L" : "M"}${fmt(X)} ${fmt(Y)}`);
    pen = true;
  }
  return parts.join("");
}

function frameSvg(
  frame: PlotFrame,
  ax: Axes,
  xTicks: { v: number; label: string }[],
  yTicks: { v: number; label: string }[],
  clipId: string,
): string[] {
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${ax.width}" height="${ax.height}" ` +
      `viewBox="0 0 ${ax.width} ${ax.height}" font-family="sans-serif" font-size="11">`,
  );
  out.push(`<rect width="${ax.width}" height="${ax.height}" fill="#ffffff"/>`);
  out.push(
    `<defs><clipPath id="${clipId}"><rect x="${ax.x0}" y="${ax.y1}" width="${ax.x1 - ax.x0}" ` +
      `height="${ax.y0 - ax.y1}"/></clipPath></defs>`,
  );
  if (frame.title) {
    out.push(
      `<text x="${ax.width / 2}" y="18" text-anchor="middle" font-size="13">${
        escapeXml(frame.title)
      }</text>`,
    );
  }
  for (const t of xTicks) {
    const X = fmt(ax.px(t.v));
    out.push(`<line x1="${X}" y1="${ax.y0}" x2="${X}" y2="${ax.y0 + 4}" stroke="#333"/>`);
    out.push(
      `<text x="${X}" y="${ax.y0 + 16}" text-anchor="middle">${escapeXml(t.label)}</text>`,
    );
  }
  for (const t of yTicks) {
    const Y = fmt(ax.py(t.v));
    out.push(`<line x1="${ax.x0 - 4}" y1="${Y}" x2="${ax.x0}" y2="${Y}" stroke="#333"/>`);
    out.push(
      `<text x="${ax.x0 - 6}" y="${Y}" text-anchor="end" dominant-baseline="middle">${
        escapeXml(t.label)
      }</text>`,
    );
  }
  if (frame.xLabel) {
    out.push(
      `<text x="${(ax.x0 + ax.x1) / 2}" y="${ax.height - 8}" text-anchor="middle">${
        escapeXml(frame.xLabel)
      }</text>`,
    );
  }
  if (frame.yLabel) {
    const cy = (ax.y0 + ax.y1) / 2;
    out.push(
      `<text x="14" y="${cy}" text-anchor="middle" transform="rotate(-90 14 ${cy})">${
        escapeXml(frame.yLabel)
      }</text>`,
    );
  }
  return out;
}

function legend(series: Series[], ax: Axes): string[] {
  const out: string[] = [];
  const rowH = 14;
  const w = Math.min(260, 24 + 6.2 * Math.max(...series.map((s) => s.label.length), 4));
  const x = ax.x1 - w - 6, y = ax.y1 + 6;
  out.push(
    `<rect x="${x}" y="${y}" width="${w}" height="${
      rowH * series.length + 6
    }" fill="#ffffff" fill-opacity="0.85" stroke="#999"/>`,
  );
  series.forEach((s, i) => {
    const yy = y + 10 + i * rowH;
    out.push(
      `<line x1="${x + 4}" y1="${yy}" x2="${x + 20}" y2="${yy}" stroke="${
        s.color ?? PALETTE[i % PALETTE.length]
      }" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ""}/>`,
    );
    out.push(
      `<text x="${x + 24}" y="${yy}" dominant-baseline="middle">${escapeXml(s.label)}</text>`,
    );
  });
  return out;
}

function seriesPath(s: Series, i: number, d: string, clipId: string): string {
  return `<path d="${d}" fill="none" stroke="${s.color ?? PALETTE[i % PALETTE.length]}" ` +
    `stroke-width="${s.width ?? 1.6}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ""} ` +
    `clip-path="url(#${clipId})"><title>${escapeXml(s.label)}</title></path>`;
}

/** A line plot of one or more series. Returns a complete SVG document. */
export function linePlot(series: Series[], opts: LinePlotOptions = {}): string {
  const logY = opts.logY ?? false, logX = opts.logX ?? false;
  const log = (v: number) => (v > 0 ? Math.log10(v) : NaN), id = (v: number) => v;
  const ty = logY ? log : id, tx = logX ? log : id;
  let xlo = Infinity, xhi = -Infinity, ylo = Infinity, yhi = -Infinity;
  for (const s of series) {
    for (let i = 0; i < Math.min(s.x.length, s.y.length); i++) {
      const x = tx(s.x[i]), y = ty(s.y[i]);
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      xlo = Math.min(xlo, x),
        xhi = Math.max(xhi, x),
        ylo = Math.min(ylo, y),
        yhi = Math.max(yhi, y);
    }
  }
  for (const h of opts.hLines ?? []) {
    const y = ty(h.y);
    if (Number.isFinite(y)) ylo = Math.min(ylo, y), yhi = Math.max(yhi, y);
  }
  if (!Number.isFinite(xlo)) xlo = 0, xhi = 1;
  if (!Number.isFinite(ylo)) ylo = 0, yhi = 1;
  if (opts.xRange) [xlo, xhi] = opts.xRange.map(tx) as [number, number];
  if (opts.yRange) [ylo, yhi] = opts.yRange.map(ty) as [number, number];
  if (logY) ylo = Math.floor(ylo), yhi = Math.max(Math.ceil(yhi), ylo + 1);
  if (logX) xlo = Math.floor(xlo), xhi = Math.max(xhi, xlo + 1);
  if (xhi === xlo) xhi = xlo + 1;
  if (yhi === ylo) yhi = ylo + 1;
  const ax = makeAxes(opts, [xlo, xhi], [ylo, yhi]);
  const clipId = `clip${CONTENT_ID}`;
  const decades = (lo: number, hi: number) => {
    const stride = Math.max(1, Math.ceil((hi - lo) / 8));
    const ticks: { v: number; label: string }[] = [];
    for (let e = lo; e <= hi; e += stride) ticks.push({ v: e, label: `1e${e}` });
    return ticks;
  };
  const xTicks = logX
    ? decades(xlo, xhi)
    : niceTicks(xlo, xhi).map((v) => ({ v, label: tickLabel(v) }));
  const yTicks = logY
    ? decades(ylo, yhi)
    : niceTicks(ylo, yhi).map((v) => ({ v, label: tickLabel(v) }));
  const out = frameSvg(opts, ax, xTicks, yTicks, clipId);
  out.push(
    `<rect x="${ax.x0}" y="${ax.y1}" width="${ax.x1 - ax.x0}" height="${
      ax.y0 - ax.y1
    }" fill="none" stroke="#333"/>`,
  );
  for (const h of opts.hLines ?? []) {
    const Y = ty(h.y);
    if (!Number.isFinite(Y)) continue;
    out.push(
      `<path d="M${fmt(ax.x0)} ${fmt(ax.py(Y))}L${fmt(ax.x1)} ${
        fmt(ax.py(Y))
      }" stroke="#888" stroke-dasharray="3 3" fill="none"><title>${
        escapeXml(h.label)
      }</title></path>`,
    );
  }
  const maxPoints = opts.maxPoints ?? 1200;
  series.forEach((s, i) => {
    const d = pathData(s.x, s.y, ax, tx, ty, maxPoints);
    if (d) out.push(seriesPath(s, i, d, clipId));
  });
  const listed = series.filter((s) => s.legend !== false);
  if (listed.length) out.push(...legend(listed, ax));
  out.push("</svg>");
  return nameByContent(out.join("\n"));
}

/** Line segments where a gridded field crosses `level` (marching squares, linear interpolation). */
export function marchingSquares(
  values: Float64Array,
  nx: number,
  ny: number,
  level: number,
): [number, number, number, number][] {
  // values[j * nx + i] at grid node (i, j); returned coordinates are in grid units.
  const segs: [number, number, number, number][] = [];
  const at = (i: number, j: number) => values[j * nx + i];
  const lerp = (a: number, b: number) => (level - a) / (b - a);
  for (let j = 0; j < ny - 1; j++) {
    for (let i = 0; i < nx - 1; i++) {
      const v0 = at(i, j), v1 = at(i + 1, j), v2 = at(i + 1, j + 1), v3 = at(i, j + 1);
      if (![v0, v1, v2, v3].every(Number.isFinite)) continue;
      const code = (v0 > level ? 1 : 0) | (v1 > level ? 2 : 0) | (v2 > level ? 4 : 0) |
        (v3 > level ? 8 : 0);
      if (code === 0 || code === 15) continue;
      // Edge crossing points: bottom (0-1), right (1-2), top (3-2), left (0-3).
      const e = [
        () => [i + lerp(v0, v1), j],
        () => [i + 1, j + lerp(v1, v2)],
        () => [i + lerp(v3, v2), j + 1],
        () => [i, j + lerp(v0, v3)],
      ];
      const pairs: Record<number, [number, number][]> = {
        1: [[3, 0]],
        2: [[0, 1]],
        3: [[3, 1]],
        4: [[1, 2]],
        5: [[3, 0], [1, 2]],
        6: [[0, 2]],
        7: [[3, 2]],
        8: [[2, 3]],
        9: [[0, 2]],
        10: [[0, 1], [2, 3]],
        11: [[1, 2]],
        12: [[1, 3]],
        13: [[0, 1]],
        14: [[0, 3]],
      };
      for (const [a, b] of pairs[code]) {
        const [xa, ya] = e[a](), [xb, yb] = e[b]();
        segs.push([xa, ya, xb, yb]);
      }
    }
  }
  return segs;
}

/** Contour levels for a field: evenly spaced, or log-spaced above its minimum. */
export function chooseLevels(values: Float64Array, count: number, log: boolean): number[] {
  let lo = Infinity, hi = -Infinity;
  for (const v of values) if (Number.isFinite(v)) lo = Math.min(lo, v), hi = Math.max(hi, v);
  if (!(hi > lo)) return [];
  const levels: number[] = [];
  if (log) {
    const span = hi - lo;
    const a = Math.log10(span * 1e-4), b = Math.log10(span * 0.9);
    for (let k = 0; k < count; k++) levels.push(lo + Math.pow(10, a + (b - a) * k / (count - 1)));
  } else {
    for (let k = 1; k <= count; k++) levels.push(lo + (hi - lo) * k / (count + 1));
  }
  return levels;
}

/**
 * Contours of f over a rectangle, with curves (trajectories) and markers on top. Returns a
 * complete SVG document.
 */
export function contourPlot(opts: ContourPlotOptions): string {
  const res = opts.resolution ?? 120;
  const nx = res + 1, ny = res + 1;
  const [xlo, xhi] = opts.xRange, [ylo, yhi] = opts.yRange;
  const values = new Float64Array(nx * ny);
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      values[j * nx + i] = opts.f(xlo + (xhi - xlo) * i / res, ylo + (yhi - ylo) * j / res);
    }
  }
  const levels = Array.isArray(opts.levels)
    ? opts.levels
    : chooseLevels(values, opts.levels ?? 14, opts.logLevels ?? false);
  const ax = makeAxes(opts, [xlo, xhi], [ylo, yhi]);
  const clipId = `clip${CONTENT_ID}`;
  const out = frameSvg(
    opts,
    ax,
    niceTicks(xlo, xhi).map((v) => ({ v, label: tickLabel(v) })),
    niceTicks(ylo, yhi).map((v) => ({ v, label: tickLabel(v) })),
    clipId,
  );
  const gx = (g: number) => ax.px(xlo + (xhi - xlo) * g / res);
  const gy = (g: number) => ax.py(ylo + (yhi - ylo) * g / res);
  levels.forEach((level, k) => {
    const segs = marchingSquares(values, nx, ny, level);
    if (!segs.length) return;
    const d = segs.map(([a, b, c, e]) => `M${fmt(gx(a))} ${fmt(gy(b))}L${fmt(gx(c))} ${fmt(gy(e))}`)
      .join("");
    const shade = Math.round(150 + 80 * k / Math.max(1, levels.length - 1));
    out.push(
      `<path class="contour" d="${d}" fill="none" stroke="rgb(${shade},${shade},${shade})" ` +
        `stroke-width="0.8"><title>level ${tickLabel(level)}</title></path>`,
    );
  });
  out.push(
    `<rect x="${ax.x0}" y="${ax.y1}" width="${ax.x1 - ax.x0}" height="${
      ax.y0 - ax.y1
    }" fill="none" stroke="#333"/>`,
  );
  const maxPoints = opts.maxPoints ?? 1200;
  const overlays = opts.overlays ?? [];
  overlays.forEach((s, i) => {
    const d = pathData(s.x, s.y, ax, (x) => x, (y) => y, maxPoints);
    if (d) out.push(seriesPath(s, i, d, clipId));
  });
  for (const m of opts.markers ?? []) {
    if (!Number.isFinite(m.x) || !Number.isFinite(m.y)) continue;
    const X = fmt(ax.px(m.x)), Y = fmt(ax.py(m.y));
    const color = m.color ?? "#000";
    if (m.shape === "star") {
      out.push(
        `<path d="M${X} ${fmt(ax.py(m.y) - 7)}L${X} ${fmt(ax.py(m.y) + 7)}M${
          fmt(ax.px(m.x) - 7)
        } ${Y}L${fmt(ax.px(m.x) + 7)} ${Y}" stroke="${color}" stroke-width="2.2"/>`,
      );
    } else if (m.shape === "square") {
      out.push(
        `<rect x="${fmt(ax.px(m.x) - 4)}" y="${
          fmt(ax.py(m.y) - 4)
        }" width="8" height="8" fill="${color}"/>`,
      );
    } else {
      out.push(`<circle cx="${X}" cy="${Y}" r="4" fill="${color}"/>`);
    }
    out.push(
      `<text x="${fmt(ax.px(m.x) + 8)}" y="${fmt(ax.py(m.y) - 6)}">${escapeXml(m.label)}</text>`,
    );
  }
  if (overlays.length) out.push(...legend(overlays, ax));
  out.push("</svg>");
  return nameByContent(out.join("\n"));
}
