/**
 * The fused path's float64 workspaces for one batch size, allocated once (in the SIMD kernels'
 * memory where possible), never inside an update: activations and deltas of both networks, the
 * gradients, and what each actor-direction family needs (lib/fused/directions.ts).
 * @module
 */
import type { UpdateSettings } from "../update/contract.ts";
import { type BackwardOptions, type NetWork, netWork } from "./kernels.ts";
import type { NetLayout } from "./layout.ts";
import { allocF32Via, inSimdMemory } from "./simd.ts";
import { type TangentWork, tangentWork } from "./stackelberg.ts";

/** The workspaces of one batch size. */
export interface Workspace {
  B: number;
  actor: NetWork;
  critic: NetWork;
  /** tanh of the actor's output `[B, A]`. */
  tanh: Float64Array;
  /**
   * A group of members' minibatch rows, float32 as given, in the SIMD kernels' memory (which
   * widens them into the passes' inputs); null without the kernels.
   */
  batchStage: {
    members: number;
    observations: Float32Array;
    actions: Float32Array;
    nextObservations: Float32Array;
  } | null;
  /** Smoothing noise `[B, A]`, float32 as the reference rounds it. */
  noise: Float32Array;
  y: Float64Array;
  q: Float64Array;
  dqda: Float64Array;
  criticGrad: Float64Array;
  actorGrad: Float64Array;
  actorWeighted: Float64Array;
  direction: Float64Array;
  correction: Float64Array;
  gw: Float64Array;
  diag: Float64Array;
  x: Float64Array;
  c: Float64Array;
  /** Per-sample rows `[B, n_w]` (block solves with o > 1). */
  rows: Float64Array | null;
  block: Float64Array;
  blockRhs: Float64Array;
  /** Lagged row products of the block Grams `[o, n_w]`. */
  lagD: Float64Array;
  /** Gram matrix and scratch for CG in sample space. */
  gram: Float64Array | null;
  gramS: Float64Array | null;
  gramT: Float64Array | null;
  cg: Float64Array[];
  /** SD*: tangent-pass scratch, residuals δ_i, the solution x and the solvers' scratch. */
  sd: {
    tangent: TangentWork;
    delta: Float64Array;
    x: Float64Array;
    hvp: Float64Array;
    scratch: [Float64Array, Float64Array, Float64Array];
    /** The whole ∂²L/∂w² `[n_w, n_w]` (exact and block solves only). */
    hessian: Float64Array | null;
  } | null;
  /** What each backward pass accumulates (preallocated: no allocation inside an update). */
  back: {
    critic: BackwardOptions;
    dqda: BackwardOptions;
    fs: BackwardOptions;
    fsDiag: BackwardOptions;
    actor: BackwardOptions;
    actorWeighted: BackwardOptions;
    /** ∂²L/∂θ∂w x through the actor (SD), into `actorWeighted`. */
    actorMixed: BackwardOptions;
  };
}

/** Workspaces for batch size B, their float64 arrays from `allocF64`. */
export function allocWorkspace(
  s: UpdateSettings,
  actorNet: NetLayout,
  criticNet: NetLayout,
  B: number,
  allocF64: (n: number) => Float64Array,
): Workspace {
  const A = s.actionSize, nt = actorNet.n, nw = criticNet.n;
  const perSample = s.traits.actor.kind === "fast" && s.k1k2 === "per-sample";
  const solver = s.traits.actor.kind === "fast" ? s.traits.actor.solver : "none";
  const o = Math.min(s.degree, nw);
  const cgGram = perSample && solver === "cg";
  const gw = allocF64(nw), dqda = allocF64(B * A), c = allocF64(B);
  const criticGrad = allocF64(nw), actorGrad = allocF64(nt);
  const actorWeighted = allocF64(nt), diag = allocF64(nw);
  const O = s.observationSize;
  return {
    B,
    back: {
      critic: { grad: criticGrad },
      dqda: { inputGrad: dqda, inStart: O },
      fs: { grad: gw, inputGrad: dqda, inStart: O },
      fsDiag: { grad: gw, diag, inputGrad: dqda, inStart: O },
      actor: { grad: actorGrad },
      actorWeighted: { grad: actorGrad, weighted: actorWeighted, weights: c },
      actorMixed: { grad: actorWeighted },
    },
    actor: netWork(actorNet, B, allocF64),
    critic: netWork(criticNet, B, allocF64),
    tanh: allocF64(B * A),
    batchStage: stageOf(s, B, allocF64),
    noise: new Float32Array(B * A),
    y: new Float64Array(B),
    q: new Float64Array(B),
    dqda,
    criticGrad,
    actorGrad,
    actorWeighted,
    direction: allocF64(nt),
    correction: new Float64Array(nt),
    gw,
    diag,
    x: allocF64(nw),
    c,
    rows: perSample && solver === "block" && o > 1 ? allocF64(B * nw) : null,
    block: new Float64Array(solver === "block" ? Math.ceil(nw / o) * o * o : 0),
    lagD: allocF64(solver === "block" ? o * nw : 0),
    blockRhs: new Float64Array(solver === "block" ? o : 0),
    gram: cgGram ? allocF64(B * B) : null,
    gramS: cgGram ? allocF64(B * B) : null,
    gramT: cgGram ? allocF64(B * B) : null,
    cg: Array.from(
      { length: 7 },
      () => allocF64(cgGram ? B : solver === "cg" ? nw : 0),
    ),
    sd: s.traits.actor.kind === "stackelberg"
      ? {
        tangent: tangentWork(criticNet, B, A),
        delta: new Float64Array(B),
        x: new Float64Array(nw),
        hvp: new Float64Array(nw),
        scratch: [new Float64Array(nw), new Float64Array(nw), new Float64Array(nw)],
        hessian: s.traits.actor.solver === "cg" ? null : new Float64Array(nw * nw),
      }
      : null,
  };
}

/** Members per staged group: big enough that a group's three copies cost little per member. */
const STAGE_MEMBERS = 32;

function stageOf(
  s: UpdateSettings,
  B: number,
  allocF64: (n: number) => Float64Array,
): Workspace["batchStage"] {
  const members = Math.min(STAGE_MEMBERS, s.population), O = s.observationSize;
  const observations = allocF32Via(allocF64, members * B * O);
  if (!inSimdMemory(observations)) return null;
  return {
    members,
    observations,
    actions: allocF32Via(allocF64, members * B * s.actionSize),
    nextObservations: allocF32Via(allocF64, members * B * O),
  };
}
