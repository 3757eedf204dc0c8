/**
 * The fused CPU update path (docs/design.md §5): the whole actor-critic update of every DDPG/TD3/FS
 * algorithm — TD targets, critic step, actor direction (gradient, fast Stackelberg by
 * block-diagonal or CG inverse, per-sample or the paper's listing), Adam and polyak — for the
 * whole population, over preallocated arrays. State lives in Float32Arrays, one flat
 * weight-order vector per member (`[P, n]`); workspaces are float64 and are allocated once per
 * batch size, never inside an update. The batched products run as WebAssembly SIMD kernels where
 * the runtime has them (lib/fused/simd.ts), else as plain TypeScript (lib/fused/kernels.ts); with
 * `startWorkers` the members are split across worker threads sharing the state
 * (SharedArrayBuffers), bit for bit the same as one thread.
 *
 * Semantics are those of the tfjs reference in `lib/agent.ts` (the specification): the critic
 * step first, then the actor direction from the updated critic Q₁, then the targets.
 * Per-sample quantities are never formed where a closed form avoids them: the diagonal of
 * k2 is Σ_i (H⊗E)², G_w x is Σ_l H_l[i]ᵀ X_l E_l[i], and CG runs in the span of the per-sample
 * gradients with their Gram matrix G_w G_wᵀ (B × B), which needs no per-sample rows at all.
 * @module
 */
import type { AlgorithmTraits } from "../config.ts";
import { ADAM } from "../adam_constants.ts";
import type { UpdateInfo } from "../agent.ts";
import type { Batch } from "../replay.ts";
import type { Rng } from "../rng.ts";
import {
  backwardBatch,
  type BackwardOptions,
  choleskySolve,
  forwardBatch,
  type NetLayout,
  netLayout,
  type NetWork,
  netWork,
  perSampleDot,
  perSampleGram,
  perSampleRows,
} from "./kernels.ts";
import { allocF64 as allocAny, freeF64, inSimdMemory, simdKernels } from "./simd.ts";
import { criticHvp, dampedCg, hessianSolve, type TangentWork, tangentWork } from "./stackelberg.ts";

const { beta1: BETA1, beta2: BETA2, epsilon: ADAM_EPS } = ADAM;
/**
 * Idle time after which worker threads stop (an agent nobody disposed must not hold the process
 * open for long). Longer than the environment steps between two update blocks of a large
 * population (Humanoid, P = 256: about 6 s), which would otherwise restart them every block.
 */
const WORKER_IDLE_MS = 30_000;

/** What the fused updater needs to know (a subset of the agent's config). */
export interface FusedSettings {
  traits: AlgorithmTraits;
  population: number;
  observationSize: number;
  actionSize: number;
  hidden: readonly number[];
  actionLow: readonly number[];
  actionHigh: readonly number[];
  lrActor: number;
  lrCritic: number;
  polyak: number;
  gamma: number;
  epsilon: number;
  cgIterations: number;
  degree: number;
  k1k2: "per-sample" | "listing";
  targetNoise: number;
  targetNoiseClip: number;
}

/** A minibatch, `[P, B, size]` flat (the replay buffer's batch). */
export type FusedBatch = Batch;

/** Diagnostics of one update: the agent's UpdateInfo. */
export type FusedInfo = UpdateInfo;

interface Workspace {
  B: number;
  actor: NetWork;
  critic: NetWork;
  /** tanh of the actor's output `[B, A]`. */
  tanh: Float64Array;
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
  /** Adam step counts (shared by all members, as in the reference). */
  actorStep = 0;
  criticStep = 0;
  readonly #s: FusedSettings;
  readonly #mid: Float64Array;
  readonly #half: Float64Array;
  readonly #halfF32: Float32Array;
  #work: Workspace | null = null;

  /** Worker threads sharing the state (the calling thread takes the first share of members). */
  #workers: { worker: Worker; done: (() => void) | null }[] = [];
  #wanted = 0;
  /** Workspace views taken from the SIMD memory, released by `dispose` or a new batch size. */
  #allocated: Float64Array[] = [];
  #idle: ReturnType<typeof setTimeout> | undefined = undefined;
  /** Shared buffers of the threaded update: batch copy, smoothing noise, diagnostics. */
  #shared: {
    B: number;
    batch: FusedBatch;
    noise: Float32Array;
    info: Float64Array;
  } | null = null;

  /**
   * `shared`: state in SharedArrayBuffers (needed by `startWorkers`); `attach`: wrap existing
   * state arrays in `stateArrays()` order instead of allocating (a worker's view).
   */
  constructor(
    settings: FusedSettings,
    { shared = false, attach }: { shared?: boolean; attach?: Float32Array[] } = {},
  ) {
    this.#s = settings;
    const { observationSize: O, actionSize: A, hidden, population: P } = settings;
    this.actorNet = netLayout([O, ...hidden, A]);
    this.criticNet = netLayout([O + A, ...hidden, 1]);
    this.criticCount = settings.traits.td3 ? 2 : 1;
    const nt = this.actorNet.n, nw = this.criticNet.n, C = this.criticCount;
    let next = 0;
    const make = (n: number) =>
      attach
        ? attach[next++]
        : shared
        ? new Float32Array(new SharedArrayBuffer(4 * n))
        : new Float32Array(n);
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
    this.#halfF32 = Float32Array.from(
      settings.actionLow,
      (l, j) => (settings.actionHigh[j] - l) / 2,
    );
    this.#half = Float64Array.from(this.#halfF32);
    this.#mid = Float64Array.from(
      Float32Array.from(settings.actionLow, (l, j) => (l + settings.actionHigh[j]) / 2),
    );
  }

  /** Every state array in the agent's checkpoint order: trained, targets, Adam m and v. */
  stateArrays(): { array: Float32Array; net: NetLayout }[] {
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

  /**
   * Copies tensors in the tfjs layout (per layer kernel `[P, in, out]`, bias `[P, out]`; one
   * entry per tensor, nets in `stateArrays()` order, or any prefix of it) into the state.
   */
  importTensors(tensors: readonly ArrayLike<number>[]): void {
    let t = 0;
    for (const { array, net } of this.stateArrays()) {
      if (t >= tensors.length) break;
      for (let l = 0; l < net.layers; l++) {
        scatter(tensors[t++], array, net, l, true, this.#s.population);
        scatter(tensors[t++], array, net, l, false, this.#s.population);
      }
    }
  }

  /** The state in the tfjs layout, one array per tensor (`count` first tensors; all by default). */
  exportTensors(count = Infinity, into?: Float32Array[]): Float32Array[] {
    const out: Float32Array[] = [];
    const P = this.#s.population;
    for (const { array, net } of this.stateArrays()) {
      for (let l = 0; l < net.layers && out.length < count; l++) {
        for (const kernel of [true, false]) {
          const size = P * (kernel ? net.sizes[l] * net.sizes[l + 1] : net.sizes[l + 1]);
          const dst = into?.[out.length] ?? new Float32Array(size);
          gather(array, dst, net, l, kernel, P);
          out.push(dst);
        }
      }
      if (out.length >= count) break;
    }
    return out;
  }

  /** Sets trained tensors (tfjs layout, trained order) and their targets to copies. */
  setTrained(tensors: readonly ArrayLike<number>[]): void {
    const nTrained = 2 * (this.actorNet.layers + this.criticCount * this.criticNet.layers);
    this.importTensors([...tensors.slice(0, nTrained), ...tensors.slice(0, nTrained)]);
  }

  /**
   * One update of every member. `actorDue`/`targetsDue` follow the algorithm's schedule;
   * `smoothing` are the members' target-smoothing generators (TD3 family), drawn exactly as
   * the reference draws them.
   */
  update(
    batch: FusedBatch,
    B: number,
    actorDue: boolean,
    targetsDue: boolean,
    smoothing: readonly Rng[] | null,
  ): FusedInfo {
    const P = this.#s.population;
    this.#begin(actorDue);
    const info = new Float64Array(6 * P).fill(NaN);
    this.runMembers(batch, B, actorDue, targetsDue, smoothing, 0, P, info);
    return infoOf(info, P, actorDue);
  }

  /**
   * The same update with the members split across this thread and the workers of
   * `startWorkers` (contiguous shares; results identical to `update`, bit for bit).
   */
  async updateThreaded(
    batch: FusedBatch,
    B: number,
    actorDue: boolean,
    targetsDue: boolean,
    smoothing: readonly Rng[] | null,
  ): Promise<FusedInfo> {
    const s = this.#s, P = s.population, A = s.actionSize, O = s.observationSize;
    if (this.#workers.length === 0) return this.update(batch, B, actorDue, targetsDue, smoothing);
    this.#begin(actorDue);
    if (!this.#shared || this.#shared.B !== B) {
      const f32 = (n: number) => new Float32Array(new SharedArrayBuffer(4 * n));
      this.#shared = {
        B,
        batch: {
          observations: f32(P * B * O),
          actions: f32(P * B * A),
          rewards: f32(P * B),
          nextObservations: f32(P * B * O),
          dones: f32(P * B),
        },
        noise: f32(s.traits.td3 ? P * B * A : 0),
        info: new Float64Array(new SharedArrayBuffer(8 * 6 * P)),
      };
    }
    const sh = this.#shared;
    sh.batch.observations.set(batch.observations);
    sh.batch.actions.set(batch.actions);
    sh.batch.rewards.set(batch.rewards);
    sh.batch.nextObservations.set(batch.nextObservations);
    sh.batch.dones.set(batch.dones);
    sh.info.fill(NaN);
    if (s.traits.td3) {
      // every member's draws from its own generator, as `update` makes them
      for (let p = 0; p < P; p++) {
        fillNoise(smoothing![p], sh.noise, p * B * A, B * A, s);
      }
    }
    clearTimeout(this.#idle);
    this.#spawnWorkers();
    const shares = this.#workers.length + 1;
    const bound = (k: number) => Math.round((k * P) / shares);
    const pending = this.#workers.map((w, k) =>
      new Promise<void>((resolve) => {
        w.done = resolve;
        w.worker.postMessage({
          kind: "update",
          batch: sh.batch,
          noise: sh.noise,
          info: sh.info,
          B,
          actorDue,
          targetsDue,
          actorStep: this.actorStep,
          criticStep: this.criticStep,
          p0: bound(k + 1),
          p1: bound(k + 2),
        });
      })
    );
    this.runMembers(
      sh.batch,
      B,
      actorDue,
      targetsDue,
      s.traits.td3 ? sh.noise : null,
      0,
      bound(1),
      sh.info,
    );
    await Promise.all(pending);
    this.#armIdle();
    return infoOf(sh.info, P, actorDue);
  }

  /**
   * Splits later updates across `count` worker threads over the shared state (requires
   * `{ shared: true }`). Workers idle for 30 s are stopped, so that an agent nobody disposed
   * never holds the process open, and are started again by the next update.
   */
  startWorkers(count: number): void {
    if (!(this.actor.buffer instanceof SharedArrayBuffer)) {
      throw new Error("fused: workers need the state in shared memory ({ shared: true })");
    }
    this.#wanted = count;
    this.#spawnWorkers();
    this.#armIdle();
  }

  /** Number of worker threads updates are split across. */
  get workers(): number {
    return this.#wanted;
  }

  /** Stops the worker threads for good and releases the workspaces. */
  dispose(): void {
    this.#wanted = 0;
    clearTimeout(this.#idle);
    this.#stopWorkers();
    freeF64(this.#allocated);
    this.#allocated = [];
    this.#work = null;
  }

  #spawnWorkers(): void {
    while (this.#workers.length < this.#wanted) {
      const worker = new Worker(new URL("./worker.ts", import.meta.url).href, { type: "module" });
      const entry = { worker, done: null as (() => void) | null };
      worker.onmessage = () => {
        const done = entry.done;
        entry.done = null;
        done?.();
      };
      worker.postMessage({
        kind: "init",
        settings: this.#s,
        state: this.stateArrays().map((x) => x.array),
      });
      this.#workers.push(entry);
    }
  }

  #stopWorkers(): void {
    for (const w of this.#workers) w.worker.terminate();
    this.#workers = [];
  }

  #armIdle(): void {
    clearTimeout(this.#idle);
    this.#idle = setTimeout(() => this.#stopWorkers(), WORKER_IDLE_MS);
    // the timer alone must not keep the process alive (Deno; elsewhere it simply runs)
    (globalThis as { Deno?: { unrefTimer?(id: number): void } }).Deno?.unrefTimer?.(
      this.#idle as unknown as number,
    );
  }

  #begin(actorDue: boolean): void {
    this.criticStep++;
    if (actorDue) this.actorStep++;
  }

  /**
   * Updates members [p0, p1) (the step counts already advanced), writing diagnostics to `info`
   * (`[6, P]`: critic loss, J, ‖∂J/∂θ‖, ‖correction‖, cosine, ratio). Smoothing noise comes from
   * the members' generators or, precomputed, from `[P, B, A]`.
   */
  runMembers(
    batch: FusedBatch,
    B: number,
    actorDue: boolean,
    targetsDue: boolean,
    smoothing: readonly Rng[] | Float32Array | null,
    p0: number,
    p1: number,
    info: Float64Array,
  ): void {
    const s = this.#s, P = s.population, A = s.actionSize;
    const work = this.#workspace(B);
    for (let p = p0; p < p1; p++) {
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
      this.#targets(p, batch, B, work, noise, noiseOff);
      info[p] = this.#criticStep(p, batch, B, work);
      if (actorDue) {
        info[P + p] = this.#actorDirection(p, batch.observations, B, work);
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
        adam(this.actor, this.actorM, this.actorV, p * nt, d, -1, nt, s.lrActor, this.actorStep);
      }
      if (targetsDue) this.#polyak(p);
    }
  }

  /** y = r + γ(1 − d)·Q_targ(s′, π_targ(s′)) into `work.y`. */
  #targets(
    p: number,
    batch: FusedBatch,
    B: number,
    work: Workspace,
    noise: Float32Array | null,
    noiseOff: number,
  ): void {
    const s = this.#s, O = s.observationSize, A = s.actionSize;
    const an = this.actorNet, cn = this.criticNet;
    const aw = work.actor, cw = work.critic;
    const s2 = batch.nextObservations, base = p * B * O;
    const ain = aw.H[0], cin = cw.H[0], C = O + A;
    for (let i = 0; i < B * O; i++) ain[i] = s2[base + i];
    forwardBatch(an, this.actorTarget, p * an.n, aw, B);
    const mid = this.#mid, half = this.#half, out = aw.out, low = s.actionLow, high = s.actionHigh;
    for (let i = 0; i < B; i++) {
      for (let k = 0; k < O; k++) cin[i * C + k] = s2[base + i * O + k];
      for (let j = 0; j < A; j++) {
        let a = Math.fround(mid[j] + half[j] * Math.tanh(out[i * A + j]));
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
  #criticStep(p: number, batch: FusedBatch, B: number, work: Workspace): number {
    const s = this.#s, O = s.observationSize, A = s.actionSize, C = O + A;
    const cn = this.criticNet, cw = work.critic, cin = cw.H[0];
    const obs = batch.observations, act = batch.actions;
    for (let i = 0; i < B; i++) {
      for (let k = 0; k < O; k++) cin[i * C + k] = obs[(p * B + i) * O + k];
      for (let j = 0; j < A; j++) cin[i * C + O + j] = act[(p * B + i) * A + j];
    }
    const y = work.y, grad = work.criticGrad, eL = cw.E[cn.layers - 1];
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
   * Member p's ascent direction on `observations` (`[P, B, obs]`; SD* also reads the TD
   * targets in `work.y`): leaves ∂J/∂θ in
   * `work.actorGrad`, the correction in `work.correction`, the direction in `work.direction`
   * and ∂J/∂w in `work.gw` (FS only); returns J.
   */
  #actorDirection(p: number, obs: Float32Array, B: number, work: Workspace): number {
    const s = this.#s, O = s.observationSize, A = s.actionSize, C = O + A;
    const an = this.actorNet, cn = this.criticNet, aw = work.actor, cw = work.critic;
    const nt = an.n, nw = cn.n;
    const base = p * B * O;
    const ain = aw.H[0], cin = cw.H[0];
    for (let i = 0; i < B * O; i++) ain[i] = obs[base + i];
    forwardBatch(an, this.actor, p * nt, aw, B);
    const mid = this.#mid, half = this.#half, th = work.tanh;
    for (let i = 0; i < B; i++) {
      for (let k = 0; k < O; k++) cin[i * C + k] = obs[base + i * O + k];
      for (let j = 0; j < A; j++) {
        const t = Math.tanh(aw.out[i * A + j]);
        th[i * A + j] = t;
        cin[i * C + O + j] = mid[j] + half[j] * t;
      }
    }
    const critic = this.critics[0], cOff = p * nw;
    forwardBatch(cn, critic, cOff, cw, B);
    let objective = 0;
    for (let i = 0; i < B; i++) objective += cw.out[i];
    objective /= B;
    const ceL = cw.E[cn.layers - 1];
    for (let i = 0; i < B; i++) ceL[i] = 1;

    const kind = s.traits.actor.kind;
    const perSample = kind === "fast" && s.k1k2 === "per-sample";
    const solver = kind === "fast" ? s.traits.actor.solver : "none";
    const o = Math.min(s.degree, nw);
    const gw = work.gw, diag = work.diag;
    const sd = kind === "stackelberg" ? work.sd! : null;
    if (sd) {
      // residuals of L = mean_i (Q(s_i, π(s_i)) − y_i)², y_i the update's TD targets
      for (let i = 0; i < B; i++) sd.delta[i] = cw.out[i] - work.y[i];
    }
    if (kind === "gradient") {
      backwardBatch(cn, critic, cOff, cw, B, work.back.dqda);
    } else {
      gw.fill(0);
      const useDiag = perSample && solver === "block" && o === 1;
      if (useDiag) diag.fill(0);
      backwardBatch(cn, critic, cOff, cw, B, useDiag ? work.back.fsDiag : work.back.fs);
      for (let j = 0; j < nw; j++) gw[j] /= B; // ∂J/∂w
    }
    // actor output delta: ∂q/∂a · half · (1 − tanh²)
    const aeL = aw.E[an.layers - 1], dqda = work.dqda;
    for (let i = 0; i < B; i++) {
      for (let j = 0; j < A; j++) {
        const t = th[i * A + j];
        aeL[i * A + j] = dqda[i * A + j] * half[j] * (1 - t * t);
      }
    }
    if (sd) {
      // x = (∂²L/∂w² + εI)⁻¹ ∂J/∂w by CG on closed-form Hessian-vector products (or a dense
      // solve of the Hessian they build), then the tangent pass along x for ∂²L/∂θ∂w x
      const hvp = (v: Float64Array, out: Float64Array) =>
        criticHvp(cn, critic, cOff, cw, B, sd.delta, v, sd.tangent, out);
      const sdSolver = s.traits.actor.kind === "stackelberg" ? s.traits.actor.solver : "cg";
      if (sdSolver === "cg") dampedCg(hvp, gw, s.epsilon, s.cgIterations, sd.x, sd.scratch);
      else {
        const block = sdSolver === "exact" ? nw : Math.min(s.degree, nw);
        const [unit, column] = sd.scratch;
        hessianSolve(hvp, gw, s.epsilon, block, sd.x, sd.hessian!, unit, column);
      }
      hvp(sd.x, sd.hvp);
    }
    // per-sample weights c_i = (G_w x)_i of the correction −(2/B) G_θᵀ c
    let listingScale = 0;
    const x = work.x, cvec = work.c;
    if (perSample) {
      if (solver === "cg") {
        this.#cgSampleSpace(B, work);
      } else if (o === 1) {
        const scale = 2 / B, eps = s.epsilon;
        for (let j = 0; j < nw; j++) x[j] = gw[j] / (diag[j] * scale + eps);
        perSampleDot(cn, cw, B, x, cvec);
      } else {
        const rows = work.rows!;
        perSampleRows(cn, cw, B, rows);
        blockSolve(rows, B, nw, o, gw, s.epsilon, x, work.block, work.blockRhs, work.lagD);
        const K = inSimdMemory(rows) && inSimdMemory(cvec) ? simdKernels() : null;
        if (K !== null) K.dots(rows.byteOffset, nw, x.byteOffset, cvec.byteOffset, B);
        else {
          for (let i = 0; i < B; i++) {
            let t = 0;
            const r = i * nw;
            for (let j = 0; j < nw; j++) t += rows[r + j] * x[j];
            cvec[i] = t;
          }
        }
      }
    } else if (kind === "fast") {
      // the listing: one "sample", the batch mean ḡ; correction = +2·(ḡ·x)·∂J/∂θ
      if (solver === "cg") {
        // k2 = 2·ḡḡᵀ: the product is 2ḡ(ḡ·v)
        const rankOne = (v: Float64Array, out: Float64Array) => {
          const t = dotN(gw, v, nw);
          for (let j = 0; j < nw; j++) out[j] = 2 * (gw[j] * t);
        };
        const [r, p, ap] = work.cg;
        dampedCg(rankOne, gw, s.epsilon, s.cgIterations, x, [r, p, ap]);
      } else blockSolve(gw, 1, nw, o, gw, s.epsilon, x, work.block, work.blockRhs, work.lagD);
      let t = 0;
      for (let j = 0; j < nw; j++) t += gw[j] * x[j];
      listingScale = 2 * t;
    }
    const grad = work.actorGrad, weighted = work.actorWeighted;
    grad.fill(0);
    if (perSample) {
      weighted.fill(0);
      backwardBatch(an, this.actor, p * nt, aw, B, work.back.actorWeighted);
    } else {
      backwardBatch(an, this.actor, p * nt, aw, B, work.back.actor);
    }
    if (sd) {
      // ∂²L/∂θ∂w x = J_πᵀ (2/B)[(g_w·x) ∂_aQ + δ ∂_a(g_w·x)] per sample, one more actor pass
      const { qdot, inputDot } = sd.tangent;
      for (let i = 0; i < B; i++) {
        const s1 = (2 / B) * qdot[i], s2 = (2 / B) * sd.delta[i];
        for (let j = 0; j < A; j++) {
          const t = th[i * A + j], k = i * A + j;
          aeL[k] = (s1 * dqda[k] + s2 * inputDot[k]) * half[j] * (1 - t * t);
        }
      }
      weighted.fill(0);
      backwardBatch(an, this.actor, p * nt, aw, B, work.back.actorMixed);
    }
    const dir = work.direction, corr = work.correction;
    const cScale = -2 / B;
    for (let j = 0; j < nt; j++) {
      const g = grad[j] / B;
      const c = sd ? -weighted[j] : perSample ? weighted[j] * cScale : listingScale * g;
      grad[j] = g;
      corr[j] = c;
      dir[j] = g + c;
    }
    return objective;
  }

  /**
   * The ascent direction each member's actor step would take on `observations` (`[P, B, obs]`),
   * with ∂J/∂θ and ∂J/∂w (`[P, n]` each; ∂J/∂w is zero for gradient methods); no state changes.
   */
  direction(
    observations: Float32Array,
    B: number,
    targets?: Float32Array,
  ): { direction: Float32Array; dJdTheta: Float32Array; dJdW: Float32Array } {
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
      this.#actorDirection(p, observations, B, work);
      out.direction.set(work.direction, p * nt);
      out.dJdTheta.set(work.actorGrad, p * nt);
      out.dJdW.set(work.gw, p * nw);
    }
    return out;
  }

  /**
   * CG on (k2 + εI) x = ∂J/∂w with k2 = (2/B) G_wᵀG_w, run in the span of the per-sample rows:
   * x = G_wᵀξ, so every product and inner product goes through M = G_w G_wᵀ. Leaves G_w x = Mξ
   * in `work.c`. Same iterates as the reference's CG in exact arithmetic.
   */
  #cgSampleSpace(B: number, work: Workspace): void {
    const s = this.#s, m = work.gram!;
    perSampleGram(this.criticNet, work.critic, B, m, work.gramS!, work.gramT!);
    const [rho, pi, mRho, mPi, aPi, maPi, mXi] = work.cg;
    const scale = 2 / B, eps = s.epsilon;
    for (let i = 0; i < B; i++) {
      rho[i] = 1 / B;
      pi[i] = 1 / B;
      mXi[i] = 0;
    }
    matVec(m, rho, mRho, B);
    let rr = dotN(rho, mRho, B);
    for (let i = 0; i < B; i++) mPi[i] = mRho[i];
    for (let it = 0; it < s.cgIterations; it++) {
      for (let i = 0; i < B; i++) aPi[i] = scale * mPi[i] + eps * pi[i];
      const alpha = divNoNan(rr, dotN(mPi, aPi, B));
      matVec(m, aPi, maPi, B);
      for (let i = 0; i < B; i++) {
        mXi[i] += alpha * mPi[i];
        rho[i] -= alpha * aPi[i];
        mRho[i] -= alpha * maPi[i];
      }
      const rrNext = dotN(rho, mRho, B);
      const beta = divNoNan(rrNext, rr);
      for (let i = 0; i < B; i++) {
        pi[i] = rho[i] + beta * pi[i];
        mPi[i] = mRho[i] + beta * mPi[i];
      }
      rr = rrNext;
    }
    for (let i = 0; i < B; i++) work.c[i] = mXi[i];
  }

  #polyak(p: number): void {
    const tau = this.#s.polyak;
    blend(this.actorTarget, this.actor, p * this.actorNet.n, this.actorNet.n, tau);
    for (let c = 0; c < this.criticCount; c++) {
      blend(this.criticTargets[c], this.critics[c], p * this.criticNet.n, this.criticNet.n, tau);
    }
  }

  #workspace(B: number): Workspace {
    if (this.#work && this.#work.B === B) return this.#work;
    freeF64(this.#allocated);
    this.#allocated = [];
    const allocF64 = (n: number) => {
      const a = allocAny(n);
      this.#allocated.push(a);
      return a;
    };
    const s = this.#s, A = s.actionSize, nt = this.actorNet.n, nw = this.criticNet.n;
    const perSample = s.traits.actor.kind === "fast" && s.k1k2 === "per-sample";
    const solver = s.traits.actor.kind === "fast" ? s.traits.actor.solver : "none";
    const o = Math.min(s.degree, nw);
    const cgGram = perSample && solver === "cg";
    const gw = allocF64(nw), dqda = allocF64(B * A), c = allocF64(B);
    const criticGrad = allocF64(nw), actorGrad = allocF64(nt);
    const actorWeighted = allocF64(nt), diag = allocF64(nw);
    const O = s.observationSize;
    this.#work = {
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
      actor: netWork(this.actorNet, B, allocF64),
      critic: netWork(this.criticNet, B, allocF64),
      tanh: new Float64Array(B * A),
      noise: new Float32Array(B * A),
      y: new Float64Array(B),
      q: new Float64Array(B),
      dqda,
      criticGrad,
      actorGrad,
      actorWeighted,
      direction: new Float64Array(nt),
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
          tangent: tangentWork(this.criticNet, B, A),
          delta: new Float64Array(B),
          x: new Float64Array(nw),
          hvp: new Float64Array(nw),
          scratch: [new Float64Array(nw), new Float64Array(nw), new Float64Array(nw)],
          hessian: s.traits.actor.solver === "cg" ? null : new Float64Array(nw * nw),
        }
        : null,
    };
    return this.#work;
  }
}

/** The agent's diagnostics from `[6, P]` (float32-rounded, as the reference reads them back). */
export function infoOf(
  info: Float64Array | Float32Array,
  P: number,
  actorDue: boolean,
): FusedInfo {
  // the actor's fields are NaN when the actor did not step (the GPU leaves zeros there)
  const column = (f: number) =>
    Array.from(
      info.subarray(f * P, (f + 1) * P),
      (x) => (f === 0 || actorDue ? Math.fround(x) : NaN),
    );
  return {
    criticLoss: column(0),
    actorObjective: column(1),
    gradientNorm: column(2),
    correctionNorm: column(3),
    cosine: column(4),
    correctionRatio: column(5),
    actorUpdated: actorDue,
  };
}

/** TD3 target-smoothing noise of one member, drawn exactly as the reference draws it. */
export function fillNoise(
  rng: Rng,
  out: Float32Array,
  off: number,
  n: number,
  s: FusedSettings,
): void {
  const std = s.targetNoise, clip = s.targetNoiseClip;
  for (let i = 0; i < n; i++) {
    out[off + i] = Math.min(clip, Math.max(-clip, std * rng.normal()));
  }
}

/** Adam on `w[off..off+n)` along `scale·g` (bias-corrected, as lib/adam.ts). */
function adam(
  w: Float32Array,
  m: Float32Array,
  v: Float32Array,
  off: number,
  g: Float64Array,
  scale: number,
  n: number,
  lr: number,
  step: number,
): void {
  const c1 = 1 - BETA1 ** step, c2 = 1 - BETA2 ** step;
  const a = lr / c1, b1 = 1 - BETA1, b2 = 1 - BETA2;
  for (let j = 0; j < n; j++) {
    const gj = g[j] * scale;
    const mj = m[off + j] * BETA1 + gj * b1;
    const vj = v[off + j] * BETA2 + gj * gj * b2;
    m[off + j] = mj;
    v[off + j] = vj;
    w[off + j] -= (mj * a) / (Math.sqrt(vj / c2) + ADAM_EPS);
  }
}

function blend(target: Float32Array, source: Float32Array, off: number, n: number, tau: number) {
  const keep = 1 - tau;
  for (let j = off; j < off + n; j++) target[j] = target[j] * keep + source[j] * tau;
}

function divNoNan(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

function dotN(a: Float64Array, b: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i] * b[i];
  return s;
}

/** out = M v for a symmetric M `[n, n]`. */
function matVec(m: Float64Array, v: Float64Array, out: Float64Array, n: number): void {
  const K = inSimdMemory(m) && inSimdMemory(v) && inSimdMemory(out) ? simdKernels() : null;
  if (K !== null) {
    // one row vᵀ times M (= (M v)ᵀ as M is symmetric), vectorised over M's columns
    K.rows(v.byteOffset, n, m.byteOffset, n, 0, out.byteOffset, n, n, 1, 0, 0, n, 1, 0);
    return;
  }
  for (let i = 0; i < n; i++) {
    let s = 0;
    const r = i * n;
    for (let j = 0; j < n; j++) s += m[r + j] * v[j];
    out[i] = s;
  }
}

/**
 * x = (K + εI)⁻¹ rhs with K block-diagonal, blocks of o consecutive entries of
 * (2/m) RᵀR for the rows R `[m, n]` (the last block shorter: zero padding decouples); `k`
 * is scratch of ⌈n/o⌉·o², `d` of o·n.
 */
function blockSolve(
  rows: Float64Array,
  m: number,
  n: number,
  o: number,
  rhs: Float64Array,
  eps: number,
  x: Float64Array,
  k: Float64Array,
  b: Float64Array,
  d: Float64Array,
): void {
  const scale = 2 / m;
  if (o === 1) {
    for (let j = 0; j < n; j++) {
      let d = 0;
      for (let i = 0; i < m; i++) d += rows[i * n + j] * rows[i * n + j];
      x[j] = rhs[j] / (d * scale + eps);
    }
    return;
  }
  // The blocks' Grams from the lagged products D_δ[j] = Σ_i R[i, j]·R[i, j − δ] (δ < o):
  // plain streaming loops over whole rows, branch-free, instead of o×o accumulations per block.
  const oo = o * o, nb = Math.ceil(n / o);
  d.fill(0, 0, o * n);
  const K = inSimdMemory(rows) && inSimdMemory(d) ? simdKernels() : null;
  if (K !== null) {
    for (let lag = 0; lag < o; lag++) K.lag(rows.byteOffset, n, m, lag, d.byteOffset + 8 * lag * n);
  } else {
    for (let i = 0; i < m; i++) {
      const r = i * n;
      for (let lag = 0; lag < o; lag++) {
        const dl = lag * n, rl = r - lag;
        for (let j = lag; j < n; j++) d[dl + j] += rows[r + j] * rows[rl + j];
      }
    }
  }
  for (let blk = 0; blk < nb; blk++) {
    const start = blk * o, size = Math.min(o, n - start), kb = blk * oo;
    for (let a = 0; a < size; a++) {
      for (let c = 0; c <= a; c++) k[kb + a * size + c] = d[(a - c) * n + start + a];
    }
  }
  for (let blk = 0; blk < nb; blk++) {
    const start = blk * o, size = Math.min(o, n - start), kb = blk * oo;
    for (let a = 0; a < size; a++) {
      for (let c = 0; c < a; c++) {
        k[kb + a * size + c] *= scale;
        k[kb + c * size + a] = k[kb + a * size + c];
      }
      k[kb + a * size + a] = k[kb + a * size + a] * scale + eps;
      b[a] = rhs[start + a];
    }
    choleskySolve(k, kb, b, size);
    for (let a = 0; a < size; a++) x[start + a] = b[a];
  }
}

/** tfjs-layout tensor (kernel `[P, in, out]` or bias `[P, out]`) of layer l → flat `[P, n]`. */
function scatter(
  src: ArrayLike<number>,
  dst: Float32Array,
  net: NetLayout,
  l: number,
  kernel: boolean,
  P: number,
): void {
  const size = kernel ? net.sizes[l] * net.sizes[l + 1] : net.sizes[l + 1];
  const off = kernel ? net.kOff[l] : net.bOff[l];
  if (src.length !== P * size) {
    throw new Error(`fused: tensor of length ${src.length}, expected ${P * size}`);
  }
  for (let p = 0; p < P; p++) {
    for (let i = 0; i < size; i++) dst[p * net.n + off + i] = src[p * size + i];
  }
}

/** Flat `[P, n]` → tfjs-layout tensor of layer l. */
function gather(
  src: Float32Array,
  dst: Float32Array,
  net: NetLayout,
  l: number,
  kernel: boolean,
  P: number,
): void {
  const size = kernel ? net.sizes[l] * net.sizes[l + 1] : net.sizes[l + 1];
  const off = kernel ? net.kOff[l] : net.bOff[l];
  for (let p = 0; p < P; p++) {
    dst.set(src.subarray(p * net.n + off, p * net.n + off + size), p * size);
  }
}
