/** @jsxImportSource npm:preact@10.29.8 */
/**
 * `/toys`: the paper's toy games (Figure 1): trajectories of θ and w over the contours of L and J
 * for the settings chosen in the form (game, target treatment, update order, step sizes, steps,
 * methods). Computed on the server with `runToy`; drawn as SVG by the report's plotting helper.
 * @module
 */
import { ErrorPanel, renderPage } from "../lib/ui/layout.tsx";
import type { RouteContext } from "../lib/ui/route.ts";
import { runToy, type ToyRunResult } from "../lib/toy/run.ts";
import { TOY_GAMES, type ToyGame, toyJ, toyL } from "../lib/toy/games.ts";
import { contourPlot, type Series } from "../lib/report/svg.ts";

const VARIANTS = {
  gda: { label: "GDA (DDPG)", method: "gda", color: "#0072B2" },
  sddpg: { label: "SDDPG (exact)", method: "sddpg", color: "#D55E00" },
  "fsddpg-listing": {
    label: "FSDDPG (listing)",
    method: "fsddpg",
    k1k2: "listing",
    color: "#009E73",
  },
  "fsddpg-per-sample": {
    label: "FSDDPG (per-sample)",
    method: "fsddpg",
    k1k2: "per-sample",
    color: "#CC79A7",
  },
} as const;
type Variant = keyof typeof VARIANTS;

/** The form's settings, parsed from the query with defaults (errors are collected, not thrown). */
export function toySettings(url: URL): {
  game: ToyGame;
  target: "differentiated" | "stop-gradient";
  order: "simultaneous" | "critic-first";
  lrActor: number;
  lrCritic: number;
  steps: number;
  variants: Variant[];
  errors: string[];
} {
  const q = url.searchParams;
  const errors: string[] = [];
  const num = (key: string, fallback: number, min: number, max: number) => {
    const raw = q.get(key);
    if (raw === null || raw === "") return fallback;
    const v = Number(raw);
    if (!Number.isFinite(v) || v < min || v > max) {
      errors.push(`${key}: got ${JSON.stringify(raw)}; allowed: a number in [${min}, ${max}]`);
      return fallback;
    }
    return v;
  };
  const game = q.get("game") === "2" ? 2 : 1;
  const target = q.get("target") === "stop-gradient" ? "stop-gradient" : "differentiated";
  const order = q.get("order") === "critic-first" ? "critic-first" : "simultaneous";
  const lrActor = num("lrActor", 0.05, 1e-6, 10);
  const lrCritic = num("lrCritic", 0.05, 1e-6, 10);
  const steps = Math.round(num("steps", 2000, 1, 200_000));
  const picked = q.getAll("v").filter((v): v is Variant => v in VARIANTS);
  const variants = picked.length > 0 ? picked : (Object.keys(VARIANTS) as Variant[]);
  return { game, target, order, lrActor, lrCritic, steps, variants, errors };
}

/** Renders the toy-games page. */
export function GET(ctx: RouteContext): Response {
  const s = toySettings(ctx.url);
  const errors = [...s.errors];
  const runs: { v: Variant; result: ToyRunResult }[] = [];
  for (const v of s.variants) {
    const spec = VARIANTS[v];
    try {
      runs.push({
        v,
        result: runToy({
          game: s.game,
          method: spec.method,
          ...("k1k2" in spec ? { k1k2: spec.k1k2 } : {}),
          target: s.target,
          order: s.order,
          lrActor: s.lrActor,
          lrCritic: s.lrCritic,
          steps: s.steps,
        }),
      });
    } catch (error) {
      errors.push(`${spec.label}: ${(error as Error).message}`);
    }
  }
  const game = TOY_GAMES[s.game];
  const win = s.game === 1 ? { t: [-1.5, 1.5], w: [-2, 2] } : { t: [-2.5, 2.5], w: [-2.5, 2.5] };
  for (const r of runs) {
    for (let i = 0; i < r.result.theta.length; i++) {
      const t = r.result.theta[i], w = r.result.w[i];
      if (!(r.result.distance[i] <= 1e3)) continue;
      win.t = [Math.min(win.t[0], t), Math.max(win.t[1], t)];
      win.w = [Math.min(win.w[0], w), Math.max(win.w[1], w)];
    }
  }
  const overlays: Series[] = runs.map((r) => ({
    label: VARIANTS[r.v].label,
    x: r.result.theta,
    y: r.result.w,
    color: VARIANTS[r.v].color,
  }));
  const common = {
    xRange: win.t as [number, number],
    yRange: win.w as [number, number],
    xLabel: "θ (actor)",
    yLabel: "w (critic)",
    resolution: 70,
    maxPoints: 600,
    width: 560,
    height: 420,
    overlays,
    markers: [
      { x: game.start.theta, y: game.start.w, label: "start", shape: "circle" as const },
      { x: game.optimum.theta, y: game.optimum.w, label: "optimum", shape: "star" as const },
    ],
  };
  const svgL = contourPlot({
    ...common,
    title: `L = ${game.l}`,
    f: (t, w) => toyL(s.game, t, w),
    levels: 12,
    logLevels: true,
  });
  const svgJ = contourPlot({
    ...common,
    title: `J = ${game.j}`,
    f: (t, w) => toyJ(s.game, t, w),
    levels: 12,
  });
  const field = (name: string, value: number, step = "any") => (
    <label>
      {name} <input type="number" name={name} value={String(value)} step={step} />
    </label>
  );
  return renderPage(
    "Toy games",
    <>
      <h1>Toy games (paper §6.1, Figure 1)</h1>
      <form method="get" action="/toys" class="toy-form">
        <label>
          game{" "}
          <select name="game">
            <option value="1" selected={s.game === 1}>1: J = wθ², L = (wθ² + θ²)²</option>
            <option value="2" selected={s.game === 2}>2: J = wθ, L = (wθ + θ²)²</option>
          </select>
        </label>
        <label>
          target{" "}
          <select name="target">
            {["differentiated", "stop-gradient"].map((t) => (
              <option value={t} selected={s.target === t}>{t}</option>
            ))}
          </select>
        </label>
        <label>
          order{" "}
          <select name="order">
            {["simultaneous", "critic-first"].map((t) => (
              <option value={t} selected={s.order === t}>{t}</option>
            ))}
          </select>
        </label>
        {field("lrActor", s.lrActor)}
        {field("lrCritic", s.lrCritic)}
        {field("steps", s.steps, "1")}
        <span>
          {(Object.keys(VARIANTS) as Variant[]).map((v) => (
            <label>
              <input type="checkbox" name="v" value={v} checked={s.variants.includes(v)} />{" "}
              {VARIANTS[v].label}
            </label>
          ))}
        </span>
        <button type="submit">Run</button>
      </form>
      {errors.length > 0 ? <ErrorPanel title="Invalid settings" errors={errors} /> : null}
      <div class="toy-figures">
        <figure dangerouslySetInnerHTML={{ __html: svgL }} />
        <figure dangerouslySetInnerHTML={{ __html: svgJ }} />
      </div>
      <table>
        <thead>
          <tr>
            <th>Method</th>
            <th class="num">final θ</th>
            <th class="num">final w</th>
            <th class="num">distance to optimum</th>
            <th>diverged at</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => {
            const n = r.result.theta.length - 1;
            return (
              <tr>
                <td style={{ color: VARIANTS[r.v].color }}>{VARIANTS[r.v].label}</td>
                <td class="num">{r.result.theta[n].toPrecision(4)}</td>
                <td class="num">{r.result.w[n].toPrecision(4)}</td>
                <td class="num">{r.result.distance[n].toExponential(2)}</td>
                <td>{r.result.nonFiniteAt ?? "–"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>,
  );
}
