/**
 * The WGSL source of the fused WebGPU update (docs/design.md): one compute dispatch is one whole
 * actor-critic update of every population member — TD targets, critic Adam steps, the actor
 * direction (gradient, or fast Stackelberg with the diagonal block inverse or the listing's
 * rank-one solve) with its diagnostics, the actor's Adam step and polyak — one workgroup per
 * member. Inside a workgroup the threads first work per sample (forward and backward passes of
 * one transition each, activations and deltas kept feature-major in a storage workspace so that
 * neighbouring threads touch neighbouring words), then per parameter (each parameter's batch sum
 * and its Adam step). Every sum is a plain loop in a fixed order: no atomics, so a block is
 * deterministic. Sizes and hyperparameters are baked into the source as constants; what varies
 * between the updates of a block (which minibatch, Adam's bias corrections, whether the actor
 * and targets step) comes from a uniform record read at a dynamic offset.
 *
 * Semantics are those of the fused CPU path (lib/fused/updater.ts), which follows the tfjs
 * reference; here everything is float32.
 * @module
 */
import type { UpdateSettings } from "../update/contract.ts";
import type { NetLayout } from "./layout.ts";
import { ADAM } from "../adam_constants.ts";
import { f, gpuLayout, WORKGROUP, workspaceOffsets } from "./wgsl_layout.ts";
import { backward, byParameter, forward } from "./wgsl_passes.ts";

/** The update shader for `s` with minibatch size `B`. */
export function updateShader(s: UpdateSettings, B: number): string {
  const L = gpuLayout(s, B), W = workspaceOffsets(s, B, L.actor, L.critic);
  const { population: P, observationSize: O, actionSize: A } = s;
  const an = L.actor, cn = L.critic, C = L.critics, st = L.state;
  const actor = s.traits.actor;
  const fast = actor.kind === "fast";
  const perSample = fast && s.k1k2 === "per-sample";
  const listingCg = fast && actor.kind === "fast" && actor.solver === "cg";
  const half = Float32Array.from(s.actionLow, (l, j) => (s.actionHigh[j] - l) / 2);
  const mid = Float32Array.from(s.actionLow, (l, j) => (l + s.actionHigh[j]) / 2);
  const arr = (xs: ArrayLike<number>) =>
    `array<f32, ${xs.length}>(${Array.from(xs, f).join(", ")})`;
  const R = L.row, NEXT = O + A + 1;

  /**
   * Batch sums of parameter q's per-sample gradient h·e: `.x` the plain sum, `.y` the sum of
   * squares ("square") or of c_b-weighted terms ("weighted").
   */
  const sums = (name: string, l: NetLayout, H: number[], E: number[], second: string) => {
    const term = second === "square"
      ? "g * g"
      : second === "weighted"
      ? "g * work[ws + CV + b]"
      : "0.0";
    const body = byParameter(l, H, E, (g) =>
      `for (var b = 0u; b < B; b++) {
      let g = ${g};
      s += vec2f(g, ${term});
    }
    return s;`);
    return `fn ${name}(ws: u32, q: u32) -> vec2f {\n  var s = vec2f(0.0);${body}\n  return s;\n}\n`;
  };

  /** c_b = (G_w x)_b: sample b's critic gradient dotted with x. */
  const sampleDot = () => {
    let body = "";
    for (let k = 0; k < cn.layers; k++) {
      const nin = cn.sizes[k], nout = cn.sizes[k + 1];
      body += `
  for (var j = 0u; j < ${nout}u; j++) {
    var t = work[ws + X + ${cn.bOff[k]}u + j];
    for (var i = 0u; i < ${nin}u; i++) {
      t = fma(work[ws + ${W.cH[k]}u + i * B + b], work[ws + X + ${
        cn.kOff[k]
      }u + i * ${nout}u + j], t);
    }
    c = fma(work[ws + ${W.cE[k]}u + j * B + b], t, c);
  }`;
    }
    return `fn sample_dot(ws: u32, b: u32) -> f32 {\n  var c = 0.0;${body}\n  return c;\n}\n`;
  };

  /** Sample b's gradient of the critic's parameter q (Q seeded with 1). */
  const sampleGrad = () =>
    `fn critic_grad(ws: u32, q: u32, b: u32) -> f32 {${
      byParameter(cn, W.cH, W.cE, (g) => `return ${g};`)
    }\n  return 0.0;\n}\n`;

  const critics = (offsets: number[]) => offsets.map((o) => `${o}u`).join(", ");
  const criticSteps = Array.from({ length: C }, (_, c) => `
  // critic ${c}: forward on (s, a), loss, per-sample backward, then per-parameter Adam
  for (var b = t; b < B; b += WG) {
    let w = ${st.critics[c]}u + p * NW;
    critic_forward(ws, b, w);
    let delta = work[ws + COUT + b] - work[ws + Y + b];
    work[ws + SQ + b] = delta * delta;
    work[ws + ${W.cE[cn.layers - 1]}u + b] = 2.0 * delta / f32(B);
    critic_backward(ws, b, w);
  }
  storageBarrier();
  workgroupBarrier();
  if (t == 0u) {
    var sq = 0.0;
    for (var b = 0u; b < B; b++) { sq += work[ws + SQ + b]; }
    loss += sq / f32(B);
  }
  for (var q = t; q < NW; q += WG) {
    let g = critic_sums(ws, q).x;
    adam(${st.critics[c]}u + p * NW + q, ${st.criticM[c]}u + p * NW + q, ${
    st.criticV[c]
  }u + p * NW + q, g, u.critic_a, u.critic_c2);
  }
  storageBarrier();
  workgroupBarrier();`).join("");

  const degree = Math.min(s.degree, cn.n);
  const blocks = fast && !listingCg && degree > 1;
  // o > 1: one thread per block of o consecutive critic parameters builds the block of
  // (2/m)·Σ_rows r rᵀ + εI (rows: the B per-sample gradients, or the listing's one mean ḡ),
  // factors it (Cholesky) and solves for x on the block
  const blockSolve = `
    var partial = vec4f(0.0);
    for (var blk = t; blk < ${Math.ceil(cn.n / degree)}u; blk += WG) {
      let start = blk * DEG;
      let size = min(DEG, NW - start);
      // explicit zero values: a declaration inside a loop is not re-zeroed on every pass by
      // every compiler (Naga hoists it)
      var k = array<f32, ${degree * degree}>();
      var g = array<f32, DEG>();
      var z = array<f32, DEG>();
      for (var b = 0u; b < B; b++) {
        var r = array<f32, DEG>();
        for (var a = 0u; a < size; a++) {
          r[a] = critic_grad(ws, start + a, b);
          g[a] += r[a];
        }
        ${
    perSample
      ? `for (var a = 0u; a < size; a++) {
          for (var c = 0u; c <= a; c++) { k[a * DEG + c] += r[a] * r[c]; }
        }`
      : ""
  }
      }
      for (var a = 0u; a < size; a++) { g[a] = g[a] / f32(B); }
      ${
    perSample ? "let scale = 2.0 / f32(B);" : `let scale = 2.0;
      for (var a = 0u; a < size; a++) {
        for (var c = 0u; c <= a; c++) { k[a * DEG + c] = g[a] * g[c]; }
      }`
  }
      for (var a = 0u; a < size; a++) {
        for (var c = 0u; c <= a; c++) { k[a * DEG + c] *= scale; }
        k[a * DEG + a] += EPS;
      }
      // Cholesky, lower triangle in place
      for (var a = 0u; a < size; a++) {
        var d = k[a * DEG + a];
        for (var c = 0u; c < a; c++) { d -= k[a * DEG + c] * k[a * DEG + c]; }
        d = sqrt(max(d, 1e-30));
        k[a * DEG + a] = d;
        for (var e = a + 1u; e < size; e++) {
          var v = k[e * DEG + a];
          for (var c = 0u; c < a; c++) { v -= k[e * DEG + c] * k[a * DEG + c]; }
          k[e * DEG + a] = v / d;
        }
      }
      for (var a = 0u; a < size; a++) {
        var v = g[a];
        for (var c = 0u; c < a; c++) { v -= k[a * DEG + c] * z[c]; }
        z[a] = v / k[a * DEG + a];
      }
      for (var a = size; a > 0u; a--) {
        let i = a - 1u;
        var v = z[i];
        for (var c = i + 1u; c < size; c++) { v -= k[c * DEG + i] * z[c]; }
        z[i] = v / k[i * DEG + i];
      }
      for (var a = 0u; a < size; a++) {
        work[ws + X + start + a] = z[a];
        partial += vec4f(g[a] * z[a], 0.0, 0.0, 0.0);
      }
    }
    let total = reduce(t, partial);
    ${perSample ? "" : "let listing_scale = 2.0 * total.x;"}`;

  // per-sample: c_b = (G_w x)_b, the weights of the actor's correction −(2/B) G_θᵀ c
  const sampleWeights = perSample
    ? `
    storageBarrier();
    workgroupBarrier();
    for (var b = t; b < B; b += WG) { work[ws + CV + b] = sample_dot(ws, b); }
    storageBarrier();
    workgroupBarrier();`
    : "";
  // x for the critic parameters: the diagonal block inverse (per-sample), or the listing's
  // rank-one solve, x_j = ḡ_j / (2ḡ_j² + ε) (block) or ḡ_j / (2‖ḡ‖² + ε) (CG: one Krylov step
  // is exact on a rank-one matrix, later iterations have a zero residual)
  const diagonalSolve = `
    var partial = vec4f(0.0);
    for (var q = t; q < NW; q += WG) {
      let sums = critic_fs_sums(ws, q);
      let gw = sums.x / f32(B);
      ${
    perSample
      ? "let x = gw / (sums.y * (2.0 / f32(B)) + EPS);"
      : listingCg
      ? "let x = gw;"
      : "let x = gw / (2.0 * gw * gw + EPS);"
  }
      work[ws + X + q] = x;
      partial += vec4f(gw * x, 0.0, 0.0, 0.0);
    }
    let total = reduce(t, partial);
    ${
    listingCg
      ? "let listing_scale = 2.0 * total.x / (2.0 * total.x + EPS);"
      : perSample
      ? ""
      : "let listing_scale = 2.0 * total.x;"
  }`;
  const fsSolve = fast ? `${blocks ? blockSolve : diagonalSolve}${sampleWeights}` : "";

  const correction = !fast
    ? "let corr = 0.0;"
    : perSample
    ? "let corr = sums.y * (-2.0 / f32(B));"
    : "let corr = listing_scale * g;";

  return opaqueLoopBounds(
    `// generated by lib/fused/wgsl.ts: ${s.traits.td3 ? "td3 family" : "ddpg family"}, actor ${
      fast
        ? `fast (${perSample ? "per-sample" : "listing"}, ${listingCg ? "cg" : "block o=1"})`
        : "gradient"
    }, P=${P}, B=${B}
struct Schedule {
  k: u32,
  actor_due: u32,
  targets_due: u32,
  one: u32,
  critic_a: f32,
  critic_c2: f32,
  actor_a: f32,
  actor_c2: f32,
}

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read> replay: array<f32>;
@group(0) @binding(2) var<storage, read> indices: array<u32>;
@group(0) @binding(3) var<storage, read> noise: array<f32>;
@group(0) @binding(4) var<storage, read_write> work: array<f32>;
@group(0) @binding(5) var<storage, read_write> info: array<f32>;
@group(0) @binding(6) var<uniform> u: Schedule;

const WG = ${WORKGROUP}u;
const P = ${P}u;
const B = ${B}u;
const O = ${O}u;
const A = ${A}u;
const R = ${R}u;
const NT = ${an.n}u;
const NW = ${cn.n}u;
const DEG = ${degree}u;
const WS = ${L.workspace}u;
const DQDA = ${W.dqda}u;
const COUT = ${W.cOut}u;
const AOUT = ${W.aOut}u;
const TANH = ${W.tanh}u;
const Y = ${W.y}u;
const QV = ${W.q}u;
const SQ = ${W.sq}u;
const CV = ${W.c}u;
const X = ${W.x}u;
const GAMMA = ${f(s.gamma)};
const TAU = ${f(s.polyak)};
const EPS = ${f(s.epsilon)};
var<private> MID: array<f32, ${A}> = ${arr(mid)};
var<private> HALF: array<f32, ${A}> = ${arr(half)};
var<private> LOW: array<f32, ${A}> = ${arr(Float32Array.from(s.actionLow))};
var<private> HIGH: array<f32, ${A}> = ${arr(Float32Array.from(s.actionHigh))};

var<workgroup> red: array<vec4f, ${WORKGROUP}>;

/** tanh from one exp of a non-positive argument: finite for every input. */
fn tanh_safe(x: f32) -> f32 {
  let e = exp(-2.0 * abs(x));
  return sign(x) * (1.0 - e) / (1.0 + e);
}

/** Sum over the workgroup (every thread gets the total; call from uniform control flow). */
fn reduce(t: u32, v: vec4f) -> vec4f {
  red[t] = v;
  workgroupBarrier();
  for (var half = WG / 2u; half > 0u; half = half / 2u) {
    if (t < half) { red[t] = red[t] + red[t + half]; }
    workgroupBarrier();
  }
  let total = red[0];
  workgroupBarrier();
  return total;
}

/** Adam on parameter i along gradient g (descent); a = lr/(1 − β₁ᵗ) and c2 = 1 − β₂ᵗ from the host. */
fn adam(i: u32, im: u32, iv: u32, g: f32, a: f32, c2: f32) {
  let m = state[im] * ${f(ADAM.beta1)} + g * ${f(1 - ADAM.beta1)};
  let v = state[iv] * ${f(ADAM.beta2)} + g * g * ${f(1 - ADAM.beta2)};
  state[im] = m;
  state[iv] = v;
  state[i] = state[i] - (m * a) / (sqrt(v / c2) + ${f(ADAM.epsilon)});
}

${forward("actor_forward", an, W.aH, W.aOut)}
${forward("critic_forward", cn, W.cH, W.cOut)}
${backward("critic_backward", cn, W.cH, W.cE)}
${backward("critic_backward_input", cn, W.cH, W.cE, O)}
${backward("actor_backward", an, W.aH, W.aE)}
${sums("critic_sums", cn, W.cH, W.cE, "none")}
${fast && !blocks ? sums("critic_fs_sums", cn, W.cH, W.cE, perSample ? "square" : "none") : ""}
${sums("actor_sums", an, W.aH, W.aE, perSample ? "weighted" : "none")}
${perSample ? sampleDot() : ""}
${blocks ? sampleGrad() : ""}

@compute @workgroup_size(${WORKGROUP})
fn main(@builtin(workgroup_id) group: vec3u, @builtin(local_invocation_index) t: u32) {
  let p = group.x;
  let ws = p * WS;
  var critic_targets = array<u32, ${C}>(${critics(st.criticTargets)});
  var critic_trained = array<u32, ${C}>(${critics(st.critics)});

  // TD targets y = r + γ(1 − d)·min_c Q_targ,c(s′, clip(π_targ(s′) + ε))
  for (var b = t; b < B; b += WG) {
    let row = (indices[(u.k * P + p) * B + b] * P + p) * R;
    for (var i = 0u; i < O; i++) { work[ws + ${
      W.aH[0]
    }u + i * B + b] = replay[row + ${NEXT}u + i]; }
    actor_forward(ws, b, ${st.actorTarget}u + p * NT);
    for (var i = 0u; i < O; i++) { work[ws + ${
      W.cH[0]
    }u + i * B + b] = replay[row + ${NEXT}u + i]; }
    for (var j = 0u; j < A; j++) {
      var a = MID[j] + HALF[j] * tanh_safe(work[ws + AOUT + j * B + b]);
      ${
      s.traits.td3
        ? "a = min(max(a + noise[((u.k * P + p) * B + b) * A + j], LOW[j]), HIGH[j]);"
        : ""
    }
      work[ws + ${W.cH[0]}u + (O + j) * B + b] = a;
    }
    var q = 0.0;
    for (var c = 0u; c < ${C}u; c++) {
      critic_forward(ws, b, critic_targets[c] + p * NW);
      let qc = work[ws + COUT + b];
      q = select(min(q, qc), qc, c == 0u);
    }
    work[ws + Y + b] = replay[row + ${O + A}u] + (1.0 - replay[row + ${
      2 * O + A + 1
    }u]) * GAMMA * q;
    // the critic steps' input (s, a), which the row stores side by side
    for (var i = 0u; i < O + A; i++) { work[ws + ${W.cH[0]}u + i * B + b] = replay[row + i]; }
  }
  storageBarrier();
  workgroupBarrier();

  var loss = 0.0;
${criticSteps}
  if (t == 0u) { info[p] += loss; }

  if (u.actor_due != 0u) {
    // per sample: π(s), Q₁(s, π(s)) with the updated critic, ∂Q/∂a, and the actor's deltas
    for (var b = t; b < B; b += WG) {
      let row = (indices[(u.k * P + p) * B + b] * P + p) * R;
      for (var i = 0u; i < O; i++) {
        let v = replay[row + i];
        work[ws + ${W.aH[0]}u + i * B + b] = v;
        work[ws + ${W.cH[0]}u + i * B + b] = v;
      }
      actor_forward(ws, b, ${st.actor}u + p * NT);
      for (var j = 0u; j < A; j++) {
        let th = tanh_safe(work[ws + AOUT + j * B + b]);
        work[ws + TANH + j * B + b] = th;
        work[ws + ${W.cH[0]}u + (O + j) * B + b] = MID[j] + HALF[j] * th;
      }
      let w = ${st.critics[0]}u + p * NW;
      critic_forward(ws, b, w);
      work[ws + QV + b] = work[ws + COUT + b];
      work[ws + ${W.cE[cn.layers - 1]}u + b] = 1.0;
      critic_backward_input(ws, b, w);
      for (var j = 0u; j < A; j++) {
        let th = work[ws + TANH + j * B + b];
        work[ws + ${
      W.aE[an.layers - 1]
    }u + j * B + b] = work[ws + DQDA + j * B + b] * HALF[j] * (1.0 - th * th);
      }
      actor_backward(ws, b, ${st.actor}u + p * NT);
    }
    storageBarrier();
    workgroupBarrier();
${fsSolve}
    // per parameter: ∂J/∂θ, the correction, the direction, their norms, then Adam (ascent)
    var norms = vec4f(0.0);
    for (var q = t; q < NT; q += WG) {
      let sums = actor_sums(ws, q);
      let g = sums.x / f32(B);
      ${correction}
      let d = g + corr;
      norms += vec4f(g * g, corr * corr, d * d, d * g);
      adam(${st.actor}u + p * NT + q, ${st.actorM}u + p * NT + q, ${st.actorV}u + p * NT + q, -d, u.actor_a, u.actor_c2);
    }
    let n = reduce(t, norms);
    if (t == 0u) {
      var j = 0.0;
      for (var b = 0u; b < B; b++) { j += work[ws + QV + b]; }
      let gn = sqrt(n.x);
      let cn = sqrt(n.y);
      let dn = sqrt(n.z);
      info[P + p] += j / f32(B);
      info[2u * P + p] += gn;
      info[3u * P + p] += cn;
      info[4u * P + p] += select(n.w / (dn * gn), 0.0, dn * gn == 0.0);
      info[5u * P + p] += select(cn / gn, 0.0, gn == 0.0);
    }
  }

  if (u.targets_due != 0u) {
    storageBarrier();
    workgroupBarrier();
    for (var q = t; q < NT; q += WG) {
      let i = p * NT + q;
      state[${st.actorTarget}u + i] = state[${st.actorTarget}u + i] * (1.0 - TAU) + state[${st.actor}u + i] * TAU;
    }
    for (var c = 0u; c < ${C}u; c++) {
      for (var q = t; q < NW; q += WG) {
        let i = p * NW + q;
        let src = critic_trained[c] + i;
        let dst = critic_targets[c] + i;
        state[dst] = state[dst] * (1.0 - TAU) + state[src] * TAU;
      }
    }
  }
}
`,
  );
}

/**
 * Multiplies every constant loop bound by `u.one` (always 1, from the uniform record): with
 * constant trip counts LLVM-based drivers (Mesa's llvmpipe) unroll every loop of the kernel
 * and take about a minute to compile it; opaque bounds compile in about a second.
 */
function opaqueLoopBounds(code: string): string {
  return code.replace(/ < (\d+u|[A-Z]+);/g, " < $1 * u.one;");
}
