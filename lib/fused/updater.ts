/**
 * The fused host update (docs/design.md): the whole actor-critic update of every algorithm — TD
 * targets, critic step, the actor direction of its family (lib/fused/directions.ts), Adam and
 * polyak — for a range of population members, over preallocated arrays. State lives in
 * Float32Arrays, one flat weight-order vector per member (`[P, n]`, lib/fused/layout.ts);
 * workspaces are float64 and are allocated once per batch size, never inside an update. The
 * batched products run as WebAssembly SIMD kernels where the runtime has them
 * (lib/fused/simd.ts), else as plain TypeScript (lib/fused/kernels.ts). Worker threads run the
 * same class on shared state (lib/fused/pool.ts, lib/fused/worker.ts).
 *
 * Semantics are those of the tfjs reference (lib/update/reference.ts, the specification): the
 * critic step first, then the actor direction from the updated critic Q₁, then the targets.
 * @module
 */
import type { Batch } from "../replay.ts";
import type { Rng } from "../rng.ts";
import {
  type ActorDirection,
  criticCount,
  fillNoise,
  infoOf,
  type UpdateInfo,
  type UpdateSettings,
} from "../update/contract.ts";
import { divNoNan } from "../linalg.ts";
import {
  fastListingDirection,
  fastPerSampleDirection,
  gradientDirection,
  type MemberPass,
  policyPass,
  stackelbergDirection,
} from "./directions.ts";
import { backwardBatch, forwardBatch, rowsInto, tanhInto } from "./kernels.ts";
import {
  exportTensors,
  importTensors,
  type NetLayout,
  netLayout,
  type StateArray,
} from "./layout.ts";
import {
  allocF32Via,
  allocF64 as allocAny,
  freeF64,
  type Precision,
  simdBytesLeft,
} from "./simd.ts";
import { adam, blend } from "./optimizer.ts";
import { allocWorkspace, type Workspace } from "./workspace.ts";

/**
 * A minibatch whose member p's rows sit at block `at` of `observations`, `actions` and
 * `nextObservations` (p itself, or p's place in a staged group); rewards and dones by p.
 */
type MemberRows = Batch & { at: number };

/**
 * The most state bytes a one-thread updater places in the SIMD kernels' memory (1 GiB in all,
 * never given back to the system, reused by agents of the same shape); and it takes at most
 * half of what is left, so that later agents' workspaces still fit.
 */
const STATE_IN_KERNEL_MEMORY_BYTES = 64 * 2 ** 20;

/**
 * Settings of a fused updater: the update's, and the arithmetic of its batched products
 * (lib/fused/simd.ts `Precision`; absent: `f64`).
 */
export type FusedSettings = UpdateSettings & { precision?: Precision };

/** The whole population's state and its update, in flat Float32Arrays. */
export class FusedUpdater {
  readonly actorNet: NetLayout;
  readonly criticNet: NetLayout;
  readonly criticCount: number;
  /** Trained and target parameters, `[P, n]` each. */
  readonly actor: Float32Array;
  readonly actorTarget: Float32Array;
  readonly critics: Float32Array[];
  readonly criticTargets: Float32Array[];
  /** Adam moments, same layout. */
  readonly actorM: Float32Array;
  readonly actorV: Float32Array;
  readonly criticM: Float32Array[];
  readonly criticV: Float32Array[];
  /** Whether the state lives in SharedArrayBuffers of its own that workers can attach to. */
  readonly sharedState: boolean;
  /** Adam step counts (shared by all members, as in the reference). */
  actorStep = 0;
  criticStep = 0;
  readonly #s: FusedSettings & { precision: Precision };
  readonly #mid: Float64Array;
  readonly #half: Float64Array;
  #work: Workspace | null = null;
  #pass: MemberPass | null = null;
  /** Workspace views taken from the SIMD memory, released by `dispose` or a new batch size. */
  #allocated: Float64Array[] = [];
  /** The state's views in the SIMD memory (one-thread updaters), released by `dispose`. */
  #stateAllocated: Float64Array[] = [];

  /**
   * `shared`: state in SharedArrayBuffers (needed by `startWorkers`); `attach`: wrap existing
   * state arrays in `stateArrays()` order instead of allocating (a worker's view).
   */
  constructor(
    settings: FusedSettings,
    { shared = false, attach }: { shared?: boolean; attach?: Float32Array[] } = {},
  ) {
    // resolved here, so that workers (given `settings`) compute as this thread does
    this.#s = { ...settings, precision: settings.precision ?? "f64" };
    const { observationSize: O, actionSize: A, hidden, population: P } = settings;
    this.actorNet = netLayout([O, ...hidden, A]);
    this.criticNet = netLayout([O + A, ...hidden, 1]);
    this.criticCount = criticCount(settings);
    const nt = this.actorNet.n, nw = this.criticNet.n, C = this.criticCount;
    this.sharedState = shared || attach !== undefined;
    let next = 0;
    // one thread's state goes to the SIMD kernels' memory where it fits (see above): Adam,
    // polyak and the float32 passes then work on it in place
    const stateBytes = 4 * P * (4 * nt + 4 * C * nw);
    const inKernels = !shared && !attach && stateBytes <= STATE_IN_KERNEL_MEMORY_BYTES &&
      2 * stateBytes <= simdBytesLeft();
    const make = (n: number) => {
      if (attach) return attach[next++];
      if (shared) return new Float32Array(new SharedArrayBuffer(4 * n));
      if (!inKernels) return new Float32Array(n);
      return allocF32Via((m) => {
        const view = allocAny(m);
        this.#stateAllocated.push(view);
        return view;
      }, n);
    };
    // stateArrays() order: trained, targets, actor m, v, critic m…, critic v…
    this.actor = make(P * nt);
    this.critics = Array.from({ length: C }, () => make(P * nw));
    this.actorTarget = make(P * nt);
    this.criticTargets = Array.from({ length: C }, () => make(P * nw));
    this.actorM = make(P * nt);
    this.actorV = make(P * nt);
    this.criticM = Array.from({ length: C }, () => make(P * nw));
    this.criticV = Array.from({ length: C }, () => make(P * nw));
    // the reference holds mid and half as float32 tensors
    this.#half = Float64Array.from(
      Float32Array.from(settings.actionLow, (l, j) => (settings.actionHigh[j] - l) / 2),
    );
    this.#mid = Float64Array.from(
      Float32Array.from(settings.actionLow, (l, j) => (l + settings.actionHigh[j]) / 2),
    );
  }

  /** The settings this updater was made for (its precision resolved). */
  get settings(): FusedSettings {
    return this.#s;
  }

  /** Every state array in the checkpoint order: trained, targets, Adam m and v (contract.ts). */
  stateArrays(): StateArray[] {
    const a = this.actorNet, c = this.criticNet;
    const trained = [
      { array: this.actor, net: a },
      ...this.critics.map((x) => ({ array: x, net: c })),
    ];
    const targets = [
      { array: this.actorTarget, net: a },
      ...this.criticTargets.map((x) => ({ array: x, net: c })),
    ];
    return [
      ...trained,
      ...targets,
      { array: this.actorM, net: a },
      { array: this.actorV, net: a },
      ...this.criticM.map((x) => ({ array: x, net: c })),
      ...this.criticV.map((x) => ({ array: x, net: c })),
    ];
  }

  /** Copies tensors in the tfjs layout (`stateNames` order, or any prefix of it) into the state. */
  importTensors(tensors: readonly ArrayLike<number>[]): void {
    importTensors(this.stateArrays(), tensors, this.#s.population);
  }

  /** The state in the tfjs layout, one array per tensor (`count` first tensors; all by default). */
  exportTensors(count = Infinity, into?: Float32Array[]): Float32Array[] {
    return exportTensors(this.stateArrays(), this.#s.population, count, into);
  }

  /** Sets trained tensors (tfjs layout, trained order) and their targets to copies. */
  setTrained(tensors: readonly ArrayLike<number>[]): void {
    const nTrained = 2 * (this.actorNet.layers + this.criticCount * this.criticNet.layers);
    this.importTensors([...tensors.slice(0, nTrained), ...tensors.slice(0, nTrained)]);
  }

  /**
   * One update of every member on this thread. `actorDue`/`targetsDue` follow the algorithm's
   * schedule; `smoothing` are the members' target-smoothing generators (TD3 family), drawn
   * exactly as the reference draws them.
   */
  update(
    batch: Batch,
    B: number,
    actorDue: boolean,
    targetsDue: boolean,
    smoothing: readonly Rng[] | null,
  ): UpdateInfo {
    const P = this.#s.population;
    this.beginUpdate(actorDue);
    const info = new Float64Array(6 * P).fill(NaN);
    this.runMembers(batch, B, actorDue, targetsDue, smoothing, 0, P, info);
    return infoOf(info, P, actorDue);
  }

  /** Advances the Adam step counts for one update (before `runMembers`). */
  beginUpdate(actorDue: boolean): void {
    this.criticStep++;
    if (actorDue) this.actorStep++;
  }

  /**
   * Updates members [p0, p1) (the step counts already advanced), writing diagnostics to `info`
   * (the layout of lib/update/contract.ts, `[6, P]`). Smoothing noise comes from the members'
   * generators or, precomputed, from `[P, B, A]`.
   */
  runMembers(
    batch: Batch,
    B: number,
    actorDue: boolean,
    targetsDue: boolean,
    smoothing: readonly Rng[] | Float32Array | null,
    p0: number,
    p1: number,
    info: Float64Array,
  ): void {
    const s = this.#s, P = s.population, A = s.actionSize, O = s.observationSize;
    const work = this.#workspace(B);
    // the members' rows, staged a group at a time in the SIMD kernels' memory where they can
    // widen them into the passes' inputs (one copy per group, not one loop per pass)
    const stage = work.batchStage, rows: MemberRows = { ...batch, at: 0 };
    let staged = -1;
    for (let p = p0; p < p1; p++) {
      if (stage) {
        if (staged < 0 || p >= staged + stage.members) {
          staged = p;
          const n = Math.min(stage.members, p1 - p);
          stage.observations.set(batch.observations.subarray(p * B * O, (p + n) * B * O));
          stage.nextObservations.set(batch.nextObservations.subarray(p * B * O, (p + n) * B * O));
          stage.actions.set(batch.actions.subarray(p * B * A, (p + n) * B * A));
          rows.observations = stage.observations;
          rows.nextObservations = stage.nextObservations;
          rows.actions = stage.actions;
        }
        rows.at = p - staged;
      } else rows.at = p;
      let noise: Float32Array | null = null, noiseOff = 0;
      if (s.traits.td3) {
        if (smoothing instanceof Float32Array) {
          noise = smoothing;
          noiseOff = p * B * A;
        } else {
          noise = work.noise;
          fillNoise((smoothing as readonly Rng[])[p], noise, 0, B * A, s);
        }
      }
      this.#targets(p, rows, B, work, noise, noiseOff);
      info[p] = this.#criticStep(p, rows, B, work);
      if (actorDue) {
        info[P + p] = this.#actorDirection(p, rows.observations, B, rows.at);
        const nt = this.actorNet.n, g = work.actorGrad, c = work.correction, d = work.direction;
        let gg = 0, cc = 0, dd = 0, dg = 0;
        for (let j = 0; j < nt; j++) {
          gg += g[j] * g[j];
          cc += c[j] * c[j];
          dd += d[j] * d[j];
          dg += d[j] * g[j];
        }
        const gn = Math.sqrt(gg), cn = Math.sqrt(cc), dn = Math.sqrt(dd);
        info[2 * P + p] = gn;
        info[3 * P + p] = cn;
        info[4 * P + p] = divNoNan(dg, dn * gn);
        info[5 * P + p] = divNoNan(cn, gn);
        adam(
          this.actor,
          this.actorM,
          this.actorV,
          p * nt,
          d,
          -1,
          nt,
          s.lrActor,
          this.actorStep,
        );
      }
      if (targetsDue) this.#polyak(p);
    }
  }

  /**
   * The ascent direction each member's actor step would take on `observations` (`[P, B, obs]`),
   * with ∂J/∂θ and ∂J/∂w (`[P, n]` each; ∂J/∂w is zero for gradient methods); no state changes.
   */
  direction(observations: Float32Array, B: number, targets?: Float32Array): ActorDirection {
    const P = this.#s.population, nt = this.actorNet.n, nw = this.criticNet.n;
    const work = this.#workspace(B);
    if (this.#s.traits.actor.kind === "stackelberg" && targets?.length !== P * B) {
      throw new Error(`fused: SD* directions need the TD targets y_i, ${P}·${B} of them`);
    }
    const out = {
      direction: new Float32Array(P * nt),
      dJdTheta: new Float32Array(P * nt),
      dJdW: new Float32Array(P * nw),
    };
    for (let p = 0; p < P; p++) {
      work.gw.fill(0);
      if (targets) { for (let i = 0; i < B; i++) work.y[i] = targets[p * B + i]; }
      this.#actorDirection(p, observations, B);
      out.direction.set(work.direction, p * nt);
      out.dJdTheta.set(work.actorGrad, p * nt);
      out.dJdW.set(work.gw, p * nw);
    }
    return out;
  }

  /** Releases the workspaces. */
  dispose(): void {
    freeF64(this.#allocated);
    this.#allocated = [];
    freeF64(this.#stateAllocated);
    this.#stateAllocated = [];
    this.#work = null;
    this.#pass = null;
  }

  /** y = r + γ(1 − d)·Q_targ(s′, π_targ(s′)) into `work.y`. */
  #targets(
    p: number,
    batch: MemberRows,
    B: number,
    work: Workspace,
    noise: Float32Array | null,
    noiseOff: number,
  ): void {
    const s = this.#s, O = s.observationSize, A = s.actionSize;
    const an = this.actorNet, cn = this.criticNet;
    const aw = work.actor, cw = work.critic;
    const s2 = batch.nextObservations, base = batch.at * B * O;
    this.#float32(work, true, true);
    const cin = cw.H[0], C = O + A;
    rowsInto(s2, base, O, B, aw.H[0], 0, O);
    forwardBatch(an, this.actorTarget, p * an.n, aw, B);
    const mid = this.#mid, half = this.#half, th = work.tanh;
    const low = s.actionLow, high = s.actionHigh;
    tanhInto(aw.out, th, B * A, aw.f32);
    rowsInto(s2, base, O, B, cin, 0, C);
    for (let i = 0; i < B; i++) {
      for (let j = 0; j < A; j++) {
        let a = Math.fround(mid[j] + half[j] * th[i * A + j]);
        if (noise !== null) {
          a = Math.min(Math.max(a + noise[noiseOff + i * A + j], low[j]), high[j]);
        }
        cin[i * C + O + j] = a;
      }
    }
    const y = work.y, q = work.q;
    for (let c = 0; c < this.criticCount; c++) {
      forwardBatch(cn, this.criticTargets[c], p * cn.n, cw, B);
      if (c === 0) { for (let i = 0; i < B; i++) q[i] = cw.out[i]; }
      else for (let i = 0; i < B; i++) q[i] = Math.min(q[i], cw.out[i]);
    }
    const r = batch.rewards, d = batch.dones, g = s.gamma;
    for (let i = 0; i < B; i++) y[i] = r[p * B + i] + (1 - d[p * B + i]) * g * q[i];
  }

  /** One Adam step on Σ_c mean_i (Q_c(s_i, a_i) − y_i)²; returns the loss. */
  #criticStep(p: number, batch: MemberRows, B: number, work: Workspace): number {
    const s = this.#s, O = s.observationSize, A = s.actionSize, C = O + A;
    const cn = this.criticNet, cw = work.critic, cin = cw.H[0];
    rowsInto(batch.observations, batch.at * B * O, O, B, cin, 0, C);
    rowsInto(batch.actions, batch.at * B * A, A, B, cin, O, C);
    const y = work.y, grad = work.criticGrad, eL = cw.E[cn.layers - 1];
    this.#float32(work, true, true);
    let loss = 0;
    for (let c = 0; c < this.criticCount; c++) {
      forwardBatch(cn, this.critics[c], p * cn.n, cw, B);
      let sq = 0;
      for (let i = 0; i < B; i++) {
        const delta = cw.out[i] - y[i];
        sq += delta * delta;
        eL[i] = (2 * delta) / B;
      }
      loss += sq / B;
      grad.fill(0);
      backwardBatch(cn, this.critics[c], p * cn.n, cw, B, work.back.critic);
      adam(
        this.critics[c],
        this.criticM[c],
        this.criticV[c],
        p * cn.n,
        grad,
        1,
        cn.n,
        s.lrCritic,
        this.criticStep,
      );
    }
    return loss;
  }

  /**
   * Member p's actor step on `observations` (`[P, B, obs]`; SD* also read the TD targets in
   * `work.y`) by its family's function (lib/fused/directions.ts); returns J.
   */
  #actorDirection(p: number, obs: Float32Array, B: number, row = p): number {
    this.#workspace(B);
    const pass = this.#pass!, actor = this.#s.traits.actor;
    pass.p = p;
    // float64 where the direction solves with per-sample quantities of the critic (the
    // diagonal, Gram and rows of k2) or its Hessian (SD*), and for every pass of per-sample CG
    // (at ε = 1e-5 float32 actions alone move its direction by ~1e-4; SD*'s by ~5e-6 were its
    // critic passes float32); the gradient and listing forms' passes, and the actor's passes of
    // the per-sample block solves (~1e-7), run in float32 under `mixed`
    const perSample = actor.kind === "fast" && this.#s.k1k2 === "per-sample";
    const cg = actor.kind === "fast" && actor.solver === "cg";
    this.#float32(
      pass.work,
      actor.kind !== "stackelberg" && !(perSample && cg),
      actor.kind !== "stackelberg" && !perSample,
    );
    const objective = policyPass(pass, obs, row);
    if (actor.kind === "gradient") gradientDirection(pass);
    else if (actor.kind === "stackelberg") stackelbergDirection(pass);
    else if (this.#s.k1k2 === "per-sample") fastPerSampleDirection(pass);
    else fastListingDirection(pass);
    return objective;
  }

  /** Sets which networks' SIMD passes run in float32 (none unless the precision is `mixed`). */
  #float32(work: Workspace, actor: boolean, critic: boolean): void {
    const mixed = this.#s.precision === "mixed";
    work.actor.f32 = mixed && actor;
    work.critic.f32 = mixed && critic;
  }

  #polyak(p: number): void {
    const tau = this.#s.polyak, an = this.actorNet.n, cn = this.criticNet.n;
    blend(this.actorTarget, this.actor, p * an, an, tau);
    for (let c = 0; c < this.criticCount; c++) {
      blend(this.criticTargets[c], this.critics[c], p * cn, cn, tau);
    }
  }

  #workspace(B: number): Workspace {
    if (this.#work && this.#work.B === B) return this.#work;
    freeF64(this.#allocated);
    this.#allocated = [];
    const alloc = (n: number) => {
      const a = allocAny(n);
      this.#allocated.push(a);
      return a;
    };
    const work = allocWorkspace(this.#s, this.actorNet, this.criticNet, B, alloc);
    this.#work = work;
    this.#pass = {
      s: this.#s,
      actorNet: this.actorNet,
      criticNet: this.criticNet,
      actor: this.actor,
      critic: this.critics[0],
      mid: this.#mid,
      half: this.#half,
      work,
      p: 0,
    };
    return work;
  }
}
