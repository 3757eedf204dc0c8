// Independent hand computations for the toy-game tests (tests/toy_test.ts, tests/toy_report_test.ts):
// every derivative expanded by hand, and a plain loop over those closed forms.
import type { TargetTreatment, ToyGame } from "../lib/toy/games.ts";
import type { ToyVariant } from "../lib/report/toy/grid.ts";

/** Hand-expanded closed forms of every derivative (independent of lib/toy/games.ts). */
export function closedForm(game: ToyGame, t: number, w: number, target: TargetTreatment) {
  const diff = target === "differentiated";
  if (game === 1) {
    return {
      q: w * t * t,
      gTheta: 2 * w * t,
      gW: t * t,
      l: (w + 1) ** 2 * t ** 4,
      dLdW: 2 * (w + 1) * t ** 4,
      d2LdW2: 2 * t ** 4,
      dLdTheta: diff ? 4 * (w + 1) ** 2 * t ** 3 : 4 * w * (w + 1) * t ** 3,
      d2LdThetadW: diff ? 8 * (w + 1) * t ** 3 : 4 * (2 * w + 1) * t ** 3,
      d2LdTheta2: diff ? 12 * (w + 1) ** 2 * t * t : 4 * w * (3 * w + 1) * t * t,
    };
  }
  return {
    q: w * t,
    gTheta: w,
    gW: t,
    l: t * t * (w + t) ** 2,
    dLdW: 2 * t * t * (w + t),
    d2LdW2: 2 * t * t,
    dLdTheta: diff ? 2 * t * (w + t) * (w + 2 * t) : 2 * t * (w + t) * w,
    d2LdThetadW: diff ? 4 * w * t + 6 * t * t : 4 * w * t + 2 * t * t,
    d2LdTheta2: diff ? 2 * ((w + 2 * t) ** 2 + 2 * t * (w + t)) : 2 * w * w,
  };
}

/** The first steps by hand: an independent loop over the closed forms. */
export function byHand(
  game: ToyGame,
  variant: ToyVariant,
  target: TargetTreatment,
  a: number,
  b: number,
  steps: number,
  order: "simultaneous" | "critic-first",
  eps = 1e-5,
): [number, number][] {
  let [t, w] = game === 1 ? [1, 1] : [2, 2];
  const out: [number, number][] = [[t, w]];
  for (let k = 0; k < steps; k++) {
    const c = closedForm(game, t, w, target);
    const wNew = w - b * c.dLdW;
    const e = order === "simultaneous" ? c : closedForm(game, t, wNew, target);
    let d: number;
    if (variant === "gda") d = e.gTheta;
    else if (variant === "sddpg") d = e.gTheta - e.d2LdThetadW * e.gW / (e.d2LdW2 + eps);
    else if (variant === "fsddpg-per-sample") d = e.gTheta * eps / (2 * e.gW ** 2 + eps);
    else d = (1 + 2 * e.gW ** 2 / (2 * e.gW ** 2 + eps)) * e.gTheta;
    t = t + a * d;
    w = wNew;
    out.push([t, w]);
  }
  return out;
}
