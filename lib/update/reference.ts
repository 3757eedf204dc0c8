/**
 * The reference update (the specification, docs/algorithms.md): op-by-op tfjs over tfjs
 * variables — TD targets, one Adam step of the critic(s), the actor direction of the algorithm's
 * family (lib/directions.ts) from the updated critic Q₁, Adam on the actor, polyak — for the
 * whole population at once (a leading population axis on every tensor).
 * @module
 */
import { tf } from "../deps.ts";
import { Adam, polyakUpdate } from "../adam.ts";
import {
  criticQ,
  type Direction,
  fastListingDirection,
  fastPerSampleDirection,
  gradientDirection,
  type SolveOptions,
  stackelbergDirection,
  unflatten,
} from "../directions.ts";
import { type ActionScale, forward, parameterShapes } from "../nets.ts";
import type { Batch } from "../replay.ts";
import type { Rng } from "../rng.ts";
import {
  type ActorDirection,
  criticCount,
  fillNoise,
  type ScheduledUpdate,
  type StepCounts,
  type UpdateInfo,
  type Updater,
  type UpdateSettings,
} from "./contract.ts";

/** The population's state as tfjs variables, updated by tfjs ops. */
export class ReferenceUpdater implements Updater {
  /** This is the reference. */
  readonly implementation = "reference" as const;
  readonly #s: UpdateSettings;
  readonly #actor: tf.Variable[];
  readonly #actorTarget: tf.Variable[];
  readonly #critics: tf.Variable[][];
  readonly #criticTargets: tf.Variable[][];
  readonly #actorOptimizer: Adam;
  readonly #criticOptimizer: Adam;
  readonly #scale: ActionScale;
  /** Host copies of the trained tensors, refreshed by each update's one readback. */
  #host: Float32Array[];

  /** The state for `settings` with trained weights `initial` (targets start as copies). */
  constructor(settings: UpdateSettings, initial: readonly Float32Array[]) {
    this.#s = settings;
    const { observationSize: O, actionSize: A, hidden, population: P } = settings;
    const C = criticCount(settings);
    const actorShapes = parameterShapes([O, ...hidden, A], P);
    const criticShapes = parameterShapes([O + A, ...hidden, 1], P);
    const shapes = [...actorShapes, ...Array.from({ length: C }, () => criticShapes).flat()];
    const variables = initial.map((v, i) => tf.variable(tf.tensor(v, shapes[i]), true));
    const nA = actorShapes.length, nC = criticShapes.length;
    this.#actor = variables.slice(0, nA);
    this.#critics = Array.from(
      { length: C },
      (_, c) => variables.slice(nA + c * nC, nA + (c + 1) * nC),
    );
    this.#actorTarget = this.#actor.map((v) => tf.variable(v.clone(), false));
    this.#criticTargets = this.#critics.map((c) => c.map((v) => tf.variable(v.clone(), false)));
    this.#actorOptimizer = new Adam(this.#actor, settings.lrActor);
    this.#criticOptimizer = new Adam(this.#critics.flat(), settings.lrCritic);
    const mid = Float32Array.from(settings.actionLow, (l, i) => (l + settings.actionHigh[i]) / 2);
    const half = Float32Array.from(settings.actionLow, (l, i) => (settings.actionHigh[i] - l) / 2);
    this.#scale = { mid: tf.tensor1d(mid), half: tf.tensor1d(half) };
    this.#host = initial.map((v) => Float32Array.from(v));
  }

  /** Adam step counts so far. */
  get steps(): StepCounts {
    return { actor: this.#actorOptimizer.step, critic: this.#criticOptimizer.step };
  }

  /** One update of every member (see `Updater.update`), with one readback. */
  async update(
    batch: Batch,
    B: number,
    { actorDue, targetsDue }: ScheduledUpdate,
    smoothing: readonly Rng[],
  ): Promise<UpdateInfo> {
    const { population: P, observationSize: O, actionSize: A } = this.#s;
    const noise = this.#s.traits.td3 ? this.#smoothingNoise(smoothing, B) : undefined;
    const s = tf.tensor3d(batch.observations, [P, B, O]);
    const a = tf.tensor3d(batch.actions, [P, B, A]);
    const s2 = tf.tensor3d(batch.nextObservations, [P, B, O]);
    const y = this.#tdTargets(s2, batch.rewards, batch.dones, B, noise);

    const criticLoss = this.#criticStep(s, a, y, B);
    let diagnostics: tf.Tensor2D | undefined;
    if (actorDue) {
      const dir = await this.#direction(s, y);
      this.#actorOptimizer.apply(
        tf.tidy(() => unflatten(tf.neg(dir.direction) as tf.Tensor2D, this.#actor)),
      );
      diagnostics = summarise(dir);
      tf.dispose([dir.direction, dir.dJdTheta, dir.dJdW, dir.correction, dir.objective]);
    }
    if (targetsDue) {
      polyakUpdate(this.#actorTarget, this.#actor, this.#s.polyak);
      this.#critics.forEach((c, i) => polyakUpdate(this.#criticTargets[i], c, this.#s.polyak));
    }
    tf.dispose([s, a, s2, y]);

    // one readback per update: diagnostics and every trained tensor
    const trained = this.#trained();
    const packed = tf.tidy(() =>
      tf.concat([
        tf.reshape(criticLoss, [-1]),
        diagnostics ? tf.reshape(diagnostics, [-1]) : tf.fill([5 * P], NaN),
        ...trained.map((v) => tf.reshape(v, [-1])),
      ])
    );
    criticLoss.dispose();
    diagnostics?.dispose();
    const data = await packed.data() as Float32Array;
    packed.dispose();
    let offset = 6 * P;
    this.#host = trained.map((v) => data.slice(offset, offset += v.size));
    const column = (k: number) => Array.from(data.subarray(P + k * P, P + (k + 1) * P));
    return {
      criticLoss: Array.from(data.subarray(0, P)),
      actorObjective: column(0),
      gradientNorm: column(1),
      correctionNorm: column(2),
      cosine: column(3),
      correctionRatio: column(4),
      actorUpdated: actorDue,
    };
  }

  /** The trained weights' host copies. */
  trained(): readonly Float32Array[] {
    return this.#host;
  }

  /** Replaces the trained weights; their targets become copies. */
  setTrained(tensors: readonly Float32Array[]): void {
    const targets = [...this.#actorTarget, ...this.#criticTargets.flat()];
    this.#trained().forEach((v, i) => {
      v.assign(tf.tensor(tensors[i], v.shape));
      targets[i].assign(tf.tensor(tensors[i], v.shape));
    });
    this.#host = tensors.map((t) => Float32Array.from(t));
  }

  /** The whole state, checkpoint order. */
  async exportState(): Promise<Float32Array[]> {
    const out: Float32Array[] = [];
    for (const t of this.#state()) out.push(await t.data() as Float32Array);
    return out;
  }

  /** Replaces the whole state and the step counts. */
  importState(tensors: readonly ArrayLike<number>[], steps: StepCounts): void {
    const state = this.#state();
    tf.tidy(() =>
      state.forEach((v, i) => v.assign(tf.tensor(Float32Array.from(tensors[i]), v.shape)))
    );
    this.#actorOptimizer.step = steps.actor;
    this.#criticOptimizer.step = steps.critic;
    this.#host = state.slice(0, this.#trained().length).map((_, i) =>
      Float32Array.from(tensors[i])
    );
  }

  /** The actor step's pieces (see `Updater.direction`); ∂J/∂w is computed for gradient methods too. */
  async direction(
    observations: Float32Array,
    B: number,
    targets?: Float32Array,
  ): Promise<ActorDirection> {
    const { population: P, observationSize: O } = this.#s;
    const s = tf.tensor3d(observations, [P, B, O]);
    const y = targets ? tf.tensor2d(targets, [P, B]) : undefined;
    const dir = await this.#direction(s, y);
    // gradient methods do not need ∂J/∂w; compute it here for the caller's analysis
    let dJdW = dir.dJdW;
    if (!dJdW) {
      const fs = fastPerSampleDirection(this.#actor, this.#critics[0], s, this.#scale, {
        solver: "block",
        degree: 1,
        epsilon: 1,
        cgIterations: 1,
      });
      dJdW = fs.dJdW;
      tf.dispose([fs.direction, fs.dJdTheta, fs.correction, fs.objective]);
    }
    const result = {
      direction: await dir.direction.data() as Float32Array,
      dJdTheta: await dir.dJdTheta.data() as Float32Array,
      dJdW: await dJdW.data() as Float32Array,
    };
    tf.dispose([s, dir.direction, dir.dJdTheta, dir.correction, dir.objective, dJdW]);
    y?.dispose();
    return result;
  }

  /** Frees the tensors. */
  dispose(): void {
    tf.dispose(this.#state());
    tf.dispose([this.#scale.mid, this.#scale.half]);
  }

  #trained(): tf.Variable[] {
    return [...this.#actor, ...this.#critics.flat()];
  }

  /** Every state tensor in checkpoint order (lib/update/contract.ts `stateNames`). */
  #state(): tf.Variable[] {
    const opt = [this.#actorOptimizer, this.#criticOptimizer];
    return [
      ...this.#trained(),
      ...this.#actorTarget,
      ...this.#criticTargets.flat(),
      ...opt.flatMap((o) => [...o.m, ...o.v]),
    ];
  }

  #smoothingNoise(smoothing: readonly Rng[], B: number): Float32Array {
    const P = this.#s.population, n = B * this.#s.actionSize;
    const noise = new Float32Array(P * n);
    for (let p = 0; p < P; p++) fillNoise(smoothing[p], noise, p * n, n, this.#s);
    return noise;
  }

  /** y = r + γ(1 − d)·Q_targ(s′, π_targ(s′)) (TD3: smoothed action, min over both critics). */
  #tdTargets(
    s2: tf.Tensor3D,
    rewards: Float32Array,
    dones: Float32Array,
    B: number,
    noise?: Float32Array,
  ): tf.Tensor2D {
    const P = this.#s.population;
    return tf.tidy(() => {
      let a2 = forward(this.#actorTarget, s2, this.#scale).output as tf.Tensor;
      if (noise) {
        const low = tf.tensor1d(this.#s.actionLow as number[]);
        const high = tf.tensor1d(this.#s.actionHigh as number[]);
        a2 = tf.minimum(
          tf.maximum(tf.add(a2, tf.tensor3d(noise, a2.shape as [number, number, number])), low),
          high,
        );
      }
      const qs = this.#criticTargets.map((c) => tf.reshape(criticQ(c, s2, a2), [P, B]));
      const q = qs.length === 1 ? qs[0] : tf.minimum(qs[0], qs[1]);
      const r = tf.tensor2d(rewards, [P, B]), d = tf.tensor2d(dones, [P, B]);
      return tf.add(r, tf.mul(tf.mul(tf.sub(1, d), this.#s.gamma), q)) as tf.Tensor2D;
    });
  }

  /** One Adam step on Σ_c mean_i (Q_c(s_i, a_i) − y_i)²; returns each member's loss `[P]`. */
  #criticStep(s: tf.Tensor3D, a: tf.Tensor3D, y: tf.Tensor2D, B: number): tf.Tensor1D {
    const P = this.#s.population;
    let perMember: tf.Tensor1D | undefined;
    const grads = tf.tidy(() =>
      tf.grads((...params: tf.Tensor[]) => {
        const size = params.length / this.#critics.length;
        let loss = tf.zeros([P]) as tf.Tensor1D;
        for (let c = 0; c < this.#critics.length; c++) {
          const q = tf.reshape(criticQ(params.slice(c * size, (c + 1) * size), s, a), [P, B]);
          loss = tf.add(loss, tf.mean(tf.square(tf.sub(q, y)), 1)) as tf.Tensor1D;
        }
        perMember = tf.keep(loss);
        return tf.sum(loss) as tf.Scalar;
      })(this.#critics.flat())
    );
    this.#criticOptimizer.apply(grads);
    tf.dispose(grads);
    return perMember!;
  }

  /** The family's direction (lib/directions.ts) on the critic Q₁, as TD3 steers its actor. */
  async #direction(
    s: tf.Tensor3D,
    y?: tf.Tensor2D,
  ): Promise<Direction | Omit<Direction, "dJdW"> & { dJdW?: undefined }> {
    const actor = this.#s.traits.actor, critic = this.#critics[0];
    const solve: SolveOptions = {
      solver: actor.kind === "gradient" ? "block" : actor.solver,
      degree: this.#s.degree,
      epsilon: this.#s.epsilon,
      cgIterations: this.#s.cgIterations,
    };
    switch (actor.kind) {
      case "gradient":
        return gradientDirection(this.#actor, critic, s, this.#scale);
      case "fast":
        return this.#s.k1k2 === "listing"
          ? fastListingDirection(this.#actor, critic, s, this.#scale, solve)
          : fastPerSampleDirection(this.#actor, critic, s, this.#scale, solve);
      case "stackelberg":
        return await stackelbergDirection(this.#actor, critic, s, y!, this.#scale, solve);
    }
  }
}

/** [criticLoss is separate] objective, ‖∂J/∂θ‖, ‖correction‖, cosine, ratio: `[5, P]`. */
function summarise(dir: Omit<Direction, "dJdW">): tf.Tensor2D {
  return tf.tidy(() => {
    const norm = (x: tf.Tensor2D) => tf.sqrt(tf.sum(tf.square(x), 1));
    const g = norm(dir.dJdTheta), c = norm(dir.correction), d = norm(dir.direction);
    const cosine = tf.divNoNan(tf.sum(tf.mul(dir.direction, dir.dJdTheta), 1), tf.mul(d, g));
    return tf.stack([dir.objective, g, c, cosine, tf.divNoNan(c, g)]) as tf.Tensor2D;
  });
}
