/**
 * Where the fused WebGPU update keeps everything (lib/fused/wgsl.ts): offsets into the state
 * buffer (the host updater's arrays back to back, in checkpoint order), the replay rows and each
 * member's workspace, and which settings the kernel covers.
 * @module
 */
import type { UpdateSettings } from "../update/contract.ts";
import { type NetLayout, netLayout } from "./layout.ts";

/** Threads per workgroup (one workgroup per population member). */
export const WORKGROUP = 64;
/** Bytes between the per-update uniform records (WebGPU's minimum dynamic-offset alignment). */
export const SCHEDULE_STRIDE = 256;

/** Whether the WebGPU kernel covers these settings (else the CPU fused path runs them). */
export function gpuSupports(s: UpdateSettings): boolean {
  const actor = s.traits.actor;
  if (actor.kind === "gradient") return true;
  if (actor.kind !== "fast") return false;
  if (actor.solver === "cg") return s.k1k2 === "listing";
  return s.degree <= MAX_GPU_DEGREE;
}

/**
 * Largest block size o solved on the GPU (each thread holds an o × o block in registers; wider
 * blocks run on the host). Per-sample CG stays on the host too: its sample-space iteration at
 * the paper's ε = 1e-5 needs the host's float64 (in float32 rounding dominates it).
 */
export const MAX_GPU_DEGREE = 16;

/** Where everything lives: offsets in floats into the state, replay row and workspace. */
export interface GpuLayout {
  actor: NetLayout;
  critic: NetLayout;
  critics: number;
  /** Offsets of the state regions, in `FusedUpdater.stateArrays()` order. */
  state: {
    actor: number;
    critics: number[];
    actorTarget: number;
    criticTargets: number[];
    actorM: number;
    actorV: number;
    criticM: number[];
    criticV: number[];
    /** Floats of the whole state. */
    size: number;
    /** Floats of the trained part (actor then critics), read back after every block. */
    trained: number;
  };
  /** Floats per replay row: obs, act, reward, next obs, done. */
  row: number;
  /** Floats of one member's workspace. */
  workspace: number;
}

/** The layout for `s` at minibatch size `B` (state regions follow the CPU fused updater's arrays exactly). */
export function gpuLayout(s: UpdateSettings, B: number): GpuLayout {
  const { observationSize: O, actionSize: A, hidden, population: P } = s;
  const actor = netLayout([O, ...hidden, A]);
  const critic = netLayout([O + A, ...hidden, 1]);
  const C = s.traits.td3 ? 2 : 1;
  const nt = P * actor.n, nw = P * critic.n;
  let at = 0;
  const take = (n: number) => (at += n) - n;
  const actorOff = take(nt);
  const criticsOff = Array.from({ length: C }, () => take(nw));
  const trained = at;
  const actorTarget = take(nt);
  const criticTargets = Array.from({ length: C }, () => take(nw));
  const actorM = take(nt), actorV = take(nt);
  const criticM = Array.from({ length: C }, () => take(nw));
  const criticV = Array.from({ length: C }, () => take(nw));
  const work = workspaceOffsets(s, B, actor, critic);
  return {
    actor,
    critic,
    critics: C,
    state: {
      actor: actorOff,
      critics: criticsOff,
      actorTarget,
      criticTargets,
      actorM,
      actorV,
      criticM,
      criticV,
      size: at,
      trained,
    },
    row: 2 * O + A + 2,
    workspace: work.size,
  };
}

export interface WorkspaceOffsets {
  /** Layer inputs H[l] `[n_l, B]` and deltas E[l] `[n_{l+1}, B]` of each net's pass. */
  aH: number[];
  aE: number[];
  aOut: number;
  cH: number[];
  cE: number[];
  cOut: number;
  tanh: number;
  dqda: number;
  y: number;
  q: number;
  sq: number;
  c: number;
  x: number;
  size: number;
}

/** Offsets of one member's workspace regions, in floats. */
export function workspaceOffsets(
  s: UpdateSettings,
  B: number,
  actor: NetLayout,
  critic: NetLayout,
): WorkspaceOffsets {
  const A = s.actionSize;
  let at = 0;
  const take = (n: number) => (at += n) - n;
  const net = (l: NetLayout) => ({
    H: l.sizes.slice(0, -1).map((n) => take(n * B)),
    out: take(l.sizes[l.layers] * B),
    E: l.sizes.slice(1).map((n) => take(n * B)),
  });
  const a = net(actor), c = net(critic);
  return {
    aH: a.H,
    aE: a.E,
    aOut: a.out,
    cH: c.H,
    cE: c.E,
    cOut: c.out,
    tanh: take(A * B),
    dqda: take(A * B),
    y: take(B),
    q: take(B),
    sq: take(B),
    c: take(B),
    x: take(critic.n),
    size: at,
  };
}

/** A float constant as WGSL source (finite, always with a decimal point or exponent). */
export function f(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`wgsl: non-finite constant ${x}`);
  const r = Math.fround(x);
  const t = r.toPrecision(9);
  return /[.e]/.test(t) ? t : `${t}.0`;
}
