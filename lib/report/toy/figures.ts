/**
 * SVG figures of the toy section: per setting, the trajectories over the contours of L (Fig. 1,
 * first column), of J (Fig. 1, second column) and of J(θ, w*(θ)) (Fig. 7), and the distance to
 * the optimum per step (Fig. 1, third column); per game, the share of converged settings over the
 * damping ε, and FSDDPG per-sample's trajectories at every ε.
 * @module
 */
import { TOY_GAMES, type ToyGame, toyJ, toyL } from "../../toy/games.ts";
import { bestResponseJ, criticBestResponse } from "../../toy/best_response.ts";
import { runToy, type ToyRunResult } from "../../toy/run.ts";
import { classifyTrajectory, envelopeFit } from "../../toy/classify.ts";
import { contourPlot, linePlot, type Marker, type Series } from "../svg.ts";
import type { ReportFile } from "../section.ts";
import {
  epsilonLabel,
  TOY_VARIANTS,
  type ToySetting,
  type ToyVariant,
  VARIANT_LABEL,
  variantMethod,
} from "./grid.ts";

/** Colour per variant (Okabe–Ito). */
export const VARIANT_COLOR: Readonly<Record<ToyVariant, string>> = {
  "gda": "#D55E00",
  "sddpg": "#0072B2",
  "fsddpg-per-sample": "#009E73",
  "fsddpg-listing": "#CC79A7",
};

/** One hue per ε: a light-to-dark ramp would fade into the white background. */
const EPSILON_COLORS = ["#D55E00", "#E69F00", "#009E73", "#0072B2", "#000000", "#CC79A7"];

/** The game's usual plotting window (θ, w). */
const WINDOWS: Record<ToyGame, { theta: [number, number]; w: [number, number] }> = {
  1: { theta: [-1.5, 1.5], w: [-2, 2] },
  2: { theta: [-3, 3], w: [-3, 3] },
};

/** Path stem of a setting's figures. */
export function figureBase(game: ToyGame, s: ToySetting): string {
  return `toy/toy${game}-${s.target}-${s.order}-a${s.lrActor}-c${s.lrCritic}`;
}

/** A setting in a figure title: "differentiated, simultaneous, lr (0.1, 0.1)" (actor, critic). */
function settingLabel(s: ToySetting): string {
  return `${s.target}, ${s.order}, lr (${s.lrActor}, ${s.lrCritic})`;
}

/** The game's window widened to every trajectory point within 1e3 of the optimum, padded 4%. */
function windowFor(game: ToyGame, results: ToyRunResult[]) {
  const win = { theta: [...WINDOWS[game].theta], w: [...WINDOWS[game].w] } as typeof WINDOWS[1];
  for (const r of results) {
    for (let i = 0; i < r.theta.length; i++) {
      const t = r.theta[i], w = r.w[i];
      if (!(r.distance[i] <= 1e3)) continue;
      win.theta = [Math.min(win.theta[0], t), Math.max(win.theta[1], t)];
      win.w = [Math.min(win.w[0], w), Math.max(win.w[1], w)];
    }
  }
  for (const k of ["theta", "w"] as const) {
    const pad = 0.04 * (win[k][1] - win[k][0]);
    win[k] = [win[k][0] - pad, win[k][1] + pad];
  }
  return win;
}

/** The critic's best response w*(θ) across the window, solved numerically (Fig. 7's reference). */
function bestResponseCurve(game: ToyGame, theta: [number, number]): Series {
  const n = 200;
  const x = Float64Array.from(
    { length: n + 1 },
    (_, i) => theta[0] + (theta[1] - theta[0]) * i / n,
  );
  return {
    label: "critic best response w*(θ)",
    x,
    y: x.map((t) => criticBestResponse(game, t).w),
    color: "#777777",
    dash: "2 3",
    width: 1.2,
  };
}

function markersOf(game: ToyGame): Marker[] {
  const spec = TOY_GAMES[game];
  return [
    { x: spec.start.theta, y: spec.start.w, label: "start", shape: "circle" },
    { x: spec.optimum.theta, y: spec.optimum.w, label: "optimum", shape: "star" },
  ];
}

/** One trajectory of a setting's figures, labelled with its variant and class. */
export interface FigureRun {
  /** Which variant. */
  variant: ToyVariant;
  /** Its class, shown in the legend. */
  status: string;
  /** The trajectory. */
  result: ToyRunResult;
}

/**
 * A setting's four figures: trajectories over the contours of L, of J and of J(θ, w*(θ)), and the
 * distance to the optimum per step (log–log).
 */
export function settingFigures(
  game: ToyGame,
  s: ToySetting,
  runs: FigureRun[],
  tolerance: number,
  epsilon: number,
): ReportFile[] {
  const spec = TOY_GAMES[game];
  const win = windowFor(game, runs.map((r) => r.result));
  const base = figureBase(game, s);
  const setting = `${settingLabel(s)}, ε ${epsilonLabel(epsilon)}`;
  const label = (r: FigureRun) => `${VARIANT_LABEL[r.variant]}: ${r.status}`;
  const trajectories: Series[] = runs.map((r) => ({
    label: label(r),
    x: r.result.theta,
    y: r.result.w,
    color: VARIANT_COLOR[r.variant],
    dash: r.variant === "fsddpg-per-sample" ? "5 3" : undefined,
  }));
  const common = {
    xRange: win.theta,
    yRange: win.w,
    xLabel: "θ (actor)",
    yLabel: "w (critic)",
    resolution: 70,
    maxPoints: 600,
    overlays: [...trajectories, bestResponseCurve(game, win.theta)],
    markers: markersOf(game),
  };
  // Step + 1 on a logarithmic axis: toy 1 moves in its first hundred steps, toy 2 for thousands.
  const stepsX = Float64Array.from({ length: runs[0].result.distance.length }, (_, i) => i + 1);
  return [
    {
      path: `${base}-L.svg`,
      content: contourPlot({
        ...common,
        title: `Toy ${game}: L = ${spec.l} — ${setting}`,
        f: (t, w) => toyL(game, t, w),
        levels: 12,
        logLevels: true,
      }),
    },
    {
      path: `${base}-J.svg`,
      content: contourPlot({
        ...common,
        title: `Toy ${game}: J = ${spec.j} — ${setting}`,
        f: (t, w) => toyJ(game, t, w),
        levels: 12,
      }),
    },
    {
      path: `${base}-Jbr.svg`,
      content: contourPlot({
        ...common,
        title: `Toy ${game}: J(θ, w*(θ)) (Fig. 7) — ${setting}`,
        f: (t) => bestResponseJ(game, t),
        levels: 12,
      }),
    },
    {
      path: `${base}-distance.svg`,
      content: linePlot(
        runs.map((r) => ({
          label: label(r),
          x: stepsX,
          y: r.result.distance,
          color: VARIANT_COLOR[r.variant],
          dash: r.variant === "fsddpg-per-sample" ? "5 3" : undefined,
        })),
        {
          title: `Toy ${game}: distance to the optimum — ${setting}`,
          xLabel: "step + 1 (log scale)",
          yLabel: "‖(θ, w) − (θ*, w*)‖",
          logY: true,
          logX: true,
          hLines: [{ y: tolerance, label: `tolerance ${tolerance}` }],
          maxPoints: 800,
        },
      ),
    },
  ];
}

/** The share of converged settings of one variant at each ε (one point per ε, ascending). */
export interface SweepCurve {
  /** Which variant. */
  variant: ToyVariant;
  /** ε values, ascending. */
  epsilons: number[];
  /** Converged settings / settings, per ε. */
  fractions: number[];
}

/** Fraction of converged settings against ε (log axis), one curve per variant. */
export function epsilonSweepFigure(
  game: ToyGame,
  curves: SweepCurve[],
  settings: number,
): ReportFile {
  const series: Series[] = curves.map((c) => ({
    label: `${VARIANT_LABEL[c.variant]}${c.variant === "gda" ? " (does not use ε)" : ""}`,
    x: c.epsilons,
    y: c.fractions,
    color: VARIANT_COLOR[c.variant],
    // Curves often coincide at 0 or 1: dashes and widths keep each visible.
    dash: c.variant === "gda"
      ? "2 3"
      : c.variant === "fsddpg-per-sample"
      ? "6 3"
      : c.variant === "fsddpg-listing"
      ? "1 2"
      : undefined,
    width: c.variant === "sddpg" ? 3.2 : 2,
  }));
  return {
    path: `toy/toy${game}-epsilon-sweep.svg`,
    content: linePlot(series, {
      title: `Toy ${game}: share of the ${settings} settings that converge, by damping ε`,
      xLabel: "ε (log scale)",
      yLabel: "converged settings / all",
      logX: true,
      yRange: [-0.05, 1.05],
    }),
  };
}

/**
 * FSDDPG per-sample re-run at every ε in one setting: trajectories over the contours of
 * J(θ, w*(θ)) (Fig. 7), and the distance to the optimum per step.
 */
export function perSampleEpsilonFigures(
  game: ToyGame,
  s: ToySetting,
  steps: number,
  epsilons: number[],
  tolerance: number,
): ReportFile[] {
  const runs = epsilons.map((epsilon) =>
    runToy({
      game,
      ...variantMethod("fsddpg-per-sample"),
      target: s.target,
      order: s.order,
      lrActor: s.lrActor,
      lrCritic: s.lrCritic,
      steps,
      epsilon,
    })
  );
  const win = windowFor(game, runs);
  const setting = settingLabel(s);
  const color = (i: number) => EPSILON_COLORS[i % EPSILON_COLORS.length];
  const stepsX = Float64Array.from({ length: steps + 1 }, (_, i) => i + 1);
  return [
    {
      path: `toy/toy${game}-per-sample-by-epsilon-Jbr.svg`,
      content: contourPlot({
        title: `Toy ${game}: FSDDPG per-sample by ε, J(θ, w*(θ)) — ${setting}`,
        f: (t) => bestResponseJ(game, t),
        xRange: win.theta,
        yRange: win.w,
        xLabel: "θ (actor)",
        yLabel: "w (critic)",
        levels: 12,
        resolution: 70,
        maxPoints: 600,
        overlays: [
          ...runs.map((r, i) => ({
            label: `ε = ${epsilonLabel(epsilons[i])}`,
            x: r.theta,
            y: r.w,
            color: color(i),
          })),
          bestResponseCurve(game, win.theta),
        ],
        markers: markersOf(game),
      }),
    },
    {
      path: `toy/toy${game}-per-sample-by-epsilon-distance.svg`,
      content: linePlot(
        runs.map((r, i) => ({
          label: `ε = ${epsilonLabel(epsilons[i])}`,
          x: stepsX,
          y: r.distance,
          color: color(i),
        })),
        {
          title: `Toy ${game}: FSDDPG per-sample, distance by ε — ${setting}`,
          xLabel: "step + 1 (log scale)",
          yLabel: "‖(θ, w) − (θ*, w*)‖",
          logY: true,
          logX: true,
          hLines: [{ y: tolerance, label: `tolerance ${tolerance}` }],
          maxPoints: 800,
        },
      ),
    },
  ];
}

/**
 * A distance series thinned for a logarithmic step axis: per log-spaced bucket of steps, its
 * smallest and its largest value in step order, so an oscillation keeps its envelope on the plot.
 */
export function logThin(y: ArrayLike<number>, buckets = 300): { x: number[]; y: number[] } {
  const n = y.length, xs: number[] = [], ys: number[] = [];
  let start = 0;
  for (let b = 1; b <= buckets && start < n; b++) {
    const end = Math.max(start + 1, Math.min(n, Math.round(Math.pow(n, b / buckets))));
    let lo = start, hi = start;
    for (let i = start; i < end; i++) {
      if (!(y[i] >= y[lo])) lo = i;
      if (!(y[i] <= y[hi])) hi = i;
    }
    for (const i of lo === hi ? [lo] : [Math.min(lo, hi), Math.max(lo, hi)]) {
      xs.push(i + 1);
      ys.push(y[i]);
    }
    start = end;
  }
  return { x: xs, y: ys };
}

/**
 * Distance to the optimum against step + 1 on log–log axes for every method, run to the longer
 * horizon in one setting at one ε: a power law t^s is a straight line of slope s. Each method's
 * envelope fit (lib/toy/classify.ts) is drawn dashed over the octaves it was fitted on, at the
 * budget's horizon `steps` and at `longSteps`; the legend gives each class and rate at `longSteps`.
 */
export function rateFigure(
  game: ToyGame,
  s: ToySetting,
  steps: number,
  longSteps: number,
  epsilon: number,
  tolerance: number,
): ReportFile {
  const series: Series[] = [], fits: Series[] = [];
  let lo = Infinity, hi = 0;
  for (const v of TOY_VARIANTS) {
    const r = runToy({
      game,
      ...variantMethod(v),
      target: s.target,
      order: s.order,
      lrActor: s.lrActor,
      lrCritic: s.lrCritic,
      steps: longSteps,
      epsilon,
    });
    const short = r.distance.subarray(0, steps + 1);
    const cl = classifyTrajectory(r.distance, {
      tolerance,
      optimum: r.optimum,
      theta: r.theta,
      w: r.w,
    });
    const rate = (x: number) =>
      Number.isFinite(x) ? (Math.round(x * 100) / 100 + 0).toFixed(2).replace("-", "−") : "–";
    const thin = logThin(r.distance);
    for (const y of thin.y) if (y > 0 && y <= 1e3) [lo, hi] = [Math.min(lo, y), Math.max(hi, y)];
    // The legend is at most ~38 characters wide (lib/report/svg.ts): the short name, the class
    // and the rate at the longer horizon; the text and the rates table give the rest.
    series.push({
      label: `${VARIANT_LABEL[v].replace(/ \(.*\)$/, "")}: ${cl.status}, s ${rate(cl.decayRate)}`,
      x: thin.x,
      y: thin.y,
      color: VARIANT_COLOR[v],
      width: 1,
    });
    // The fitted envelopes go on top of every curve: an oscillation's band would hide them.
    for (const d of [short, r.distance]) {
      const fit = envelopeFit(d);
      if (!fit || !Number.isFinite(fit.slope)) continue;
      const ts = [fit.from, d.length];
      fits.push({
        label: "",
        legend: false,
        x: ts.map((t) => t + 1),
        y: ts.map((t) => Math.exp(fit.intercept + fit.slope * Math.log(t))),
        color: VARIANT_COLOR[v],
        dash: "8 4",
        width: 3,
      });
    }
  }
  series.push(...fits);
  const floor = Math.max(lo, tolerance * 1e-3);
  // Two decades of headroom keep the legend (top right) off the curves.
  const top = hi * 100;
  series.push({
    label: `step ${steps} (the budget's horizon)`,
    x: [steps + 1, steps + 1],
    y: [floor, top],
    color: "#777777",
    dash: "2 3",
    width: 1,
  });
  return {
    path: `toy/toy${game}-rates.svg`,
    content: linePlot(series, {
      title: `Toy ${game}: distance, every method, ${longSteps} steps — ${settingLabel(s)}, ` +
        `ε ${epsilonLabel(epsilon)}`,
      xLabel: "step + 1 (log scale)",
      yLabel: "‖(θ, w) − (θ*, w*)‖ (log scale)",
      width: 900,
      height: 540,
      logX: true,
      logY: true,
      yRange: [floor, top],
      hLines: [{ y: tolerance, label: `tolerance ${tolerance}` }],
      maxPoints: 1200,
    }),
  };
}
