/**
 * The agent: actor (follower) and critic(s) (leader) with a population axis, their targets and
 * optimizers, acting, and one update per call (critic step, actor step, target update). Every
 * algorithm goes through `update`, which runs one of two implementations: the readable tfjs
 * reference (the specification) or, where it exists, the fused host path of `lib/fused/`
 * (plain loops over Float32Arrays, no tfjs), chosen by the `implementation` option.
 * @module
 */
import { tf } from "./deps.ts";
import { Adam, polyakUpdate } from "./adam.ts";
import { useBackend } from "./backend.ts";
import {
  type AgentConfig,
  type AgentOptions,
  type Algorithm,
  applicableHyperparameters,
  resolveConfig,
  STRUCTURAL_KEYS,
  traits,
} from "./config.ts";
import {
  criticQ,
  type Direction,
  fastDirection,
  flatten,
  gradientDirection,
  type SolveOptions,
  stackelbergDirection,
  unflatten,
} from "./directions.ts";
import { checkNumber, checkVector, ValidationError } from "./errors.ts";
import {
  type ActionScale,
  actorForwardHost,
  forward,
  initialParameters,
  type LayerSizes,
  parameterShapes,
} from "./nets.ts";
import type { Batch, ReplayBuffer } from "./replay.ts";
import { Rng } from "./rng.ts";
import { writeDirAtomic } from "./atomic.ts";
import { FusedUpdater, infoOf } from "./fused/updater.ts";
import { GpuUpdater, openGpuDevice, type ScheduledUpdate } from "./fused/gpu.ts";
import { gpuSupports } from "./fused/wgsl.ts";

/** Diagnostics of one update, one entry per population member. */
export interface UpdateInfo {
  /** TD loss of the critic step (TD3 family: sum over both critics). */
  criticLoss: number[];
  /** J = mean Q₁(s, π(s)) on the batch, before the actor step. */
  actorObjective: number[];
  /** ‖∂J/∂θ‖. */
  gradientNorm: number[];
  /** ‖Stackelberg correction‖ (0 for gradient methods). */
  correctionNorm: number[];
  /** Cosine between the final direction and ∂J/∂θ (1 for gradient methods). */
  cosine: number[];
  /** ‖correction‖ / ‖∂J/∂θ‖. */
  correctionRatio: number[];
  /** Whether this update included an actor step (TD3's delay, DDPG-TTSU's slow actor). */
  actorUpdated: boolean;
}

/**
 * Diagnostics of a block of updates (`Agent.updateBlock`), summed per member: the critic loss
 * over every update, the actor's fields over the updates that stepped the actor.
 */
export interface BlockInfo extends Omit<UpdateInfo, "actorUpdated"> {
  /** Updates in the block. */
  updates: number;
  /** Of which stepped the actor (and so contribute to the actor's sums). */
  actorUpdates: number;
}

/** A named tensor of the trained networks, population axis first. */
export interface NamedWeights {
  /** `actor/<layer>/kernel`, `actor/<layer>/bias`, `critic1/…`, `critic2/…` (TD3 family). */
  name: string;
  /** `[P, in, out]` for kernels, `[P, out]` for biases. */
  shape: number[];
  /** Row-major values. */
  values: Float32Array;
}

/** Independent random streams of one population member. */
export const STREAMS = {
  init: 0,
  exploration: 1,
  smoothing: 2,
  replay: 3,
  environment: 4,
} as const;

/** The generator of `stream` for member `member` of a population seeded with `seed`. */
export function memberRng(seed: number, member: number, stream: number): Rng {
  return new Rng((Math.imul(seed + member, 0x9e3779b1) ^ Math.imul(stream + 1, 0x85ebca77)) >>> 0);
}

/** An actor-critic agent (or a population of P independent ones). */
export class Agent {
  /** Updates performed so far. */
  updates = 0;
  /** Actor layer widths `[obs, …hidden, act]`. */
  readonly actorSizes: LayerSizes;
  /** Critic layer widths `[obs + act, …hidden, 1]`. */
  readonly criticSizes: LayerSizes;
  readonly #actor: tf.Variable[];
  readonly #actorTarget: tf.Variable[];
  readonly #critics: tf.Variable[][];
  readonly #criticTargets: tf.Variable[][];
  readonly #actorOptimizer: Adam;
  readonly #criticOptimizer: Adam;
  readonly #scale: ActionScale;
  readonly #mid: Float32Array;
  readonly #half: Float32Array;
  #exploration: Rng[];
  #smoothing: Rng[];
  /** Host copies of every trained tensor (actor first), refreshed after each update. */
  #host: Float32Array[];
  #disposed = false;
  /** The fused path's state (authoritative when present; tfjs variables are then a cache). */
  readonly #fused: FusedUpdater | null;
  /** The host copies lag the fused state. */
  #hostStale = false;
  /** The tfjs variables and optimizer steps lag the fused state. */
  #tfStale = false;
  /** The WebGPU updater (backend webgpu, fused), opened at the first update. */
  #gpu: GpuUpdater | null = null;
  #gpuDevice: GPUDevice | null = null;
  readonly #gpuWanted: boolean;
  /** The GPU holds newer targets and Adam moments than the host copy (trained ones are read back). */
  #gpuAhead = false;
  /** What of the host copy changed (weights set, or all restored) that the GPU has not seen. */
  #gpuBehind: "none" | "weights" | "all" = "none";

  /** @internal use `createAgent` or `loadAgent`. */
  constructor(readonly config: AgentConfig, readonly backend: string, initial?: Float32Array[]) {
    const { observationSize: obs, actionSize: act, hidden, population: P, seed } = config;
    this.actorSizes = [obs, ...hidden, act];
    this.criticSizes = [obs + act, ...hidden, 1];
    const criticCount = traits(config.algo).td3 ? 2 : 1;
    let values = initial;
    if (!values) {
      const initRngs = Array.from({ length: P }, (_, p) => memberRng(seed, p, STREAMS.init));
      values = initialParameters(this.actorSizes, initRngs);
      for (let c = 0; c < criticCount; c++) {
        values = values.concat(initialParameters(this.criticSizes, initRngs));
      }
    }
    const actorShapes = parameterShapes(this.actorSizes, P);
    const criticShapes = parameterShapes(this.criticSizes, P);
    const shapes = [
      ...actorShapes,
      ...Array.from({ length: criticCount }, () => criticShapes).flat(),
    ];
    const variables = values.map((v, i) => tf.variable(tf.tensor(v, shapes[i]), true));
    this.#actor = variables.slice(0, actorShapes.length);
    this.#critics = Array.from(
      { length: criticCount },
      (_, c) =>
        variables.slice(
          actorShapes.length + c * criticShapes.length,
          actorShapes.length + (c + 1) * criticShapes.length,
        ),
    );
    this.#actorTarget = this.#actor.map((v) => tf.variable(v.clone(), false));
    this.#criticTargets = this.#critics.map((c) => c.map((v) => tf.variable(v.clone(), false)));
    this.#actorOptimizer = new Adam(this.#actor, config.lrActor);
    this.#criticOptimizer = new Adam(this.#critics.flat(), config.lrCritic);
    this.#mid = Float32Array.from(config.actionLow, (low, i) => (low + config.actionHigh[i]) / 2);
    this.#half = Float32Array.from(config.actionLow, (low, i) => (config.actionHigh[i] - low) / 2);
    this.#scale = { mid: tf.tensor1d(this.#mid), half: tf.tensor1d(this.#half) };
    this.#exploration = Array.from(
      { length: P },
      (_, p) => memberRng(seed, p, STREAMS.exploration),
    );
    this.#smoothing = Array.from({ length: P }, (_, p) => memberRng(seed, p, STREAMS.smoothing));
    this.#host = values.map((v) => Float32Array.from(v));
    const settings = { ...config, traits: traits(config.algo) };
    const fused = config.implementation !== "reference";
    // on WebGPU the fused kernel runs on the device; the host updater keeps the state's copy
    this.#gpuWanted = fused && backend === "webgpu" && gpuSupports(settings);
    const threads = fused && !this.#gpuWanted ? Math.min(config.threads, P) : 1;
    this.#fused = fused ? new FusedUpdater(settings, { shared: threads > 1 }) : null;
    this.#fused?.importTensors([...values, ...values]); // trained, then targets as copies
    if (threads > 1) this.#fused!.startWorkers(threads - 1);
  }

  /**
   * The update implementation in use (`auto` resolved): `fused-webgpu` where the fused kernel
   * runs on the WebGPU device, `fused` on the host.
   */
  get implementation(): "reference" | "fused" | "fused-webgpu" {
    return this.#gpuWanted ? "fused-webgpu" : this.#fused ? "fused" : "reference";
  }

  /** The algorithm's name. */
  get algo(): Algorithm {
    return this.config.algo;
  }

  /** Number of agents in the population. */
  get population(): number {
    return this.config.population;
  }

  /**
   * Actions for `observations` (`[P·k, obs]`, member p's k rows together, member 0 first),
   * with Gaussian exploration noise (std `actNoise`, in action units, then clipped to the bounds)
   * when `explore` (default false: the deterministic policy).
   */
  act(observations: Float32Array, { explore = false }: { explore?: boolean } = {}): Float32Array {
    this.#alive();
    const { observationSize: O, actionSize: A, population: P } = this.config;
    const rows = observations.length / O;
    if (!Number.isInteger(rows) || rows % P !== 0 || rows === 0) {
      throw new ValidationError(
        "observations",
        observations,
        `a Float32Array of length k·${P}·${O} (k rows per member, ${O} values each)`,
      );
    }
    checkVector("observations", observations, observations.length);
    const perMember = rows / P;
    const out = new Float32Array(rows * A);
    this.#refreshHost();
    const actor = this.#host.slice(0, this.#actor.length);
    for (let r = 0; r < rows; r++) {
      const member = Math.floor(r / perMember);
      actorForwardHost(
        this.actorSizes,
        actor,
        member,
        observations,
        r * O,
        this.#mid,
        this.#half,
        out,
        r * A,
      );
      if (explore) {
        const rng = this.#exploration[member];
        for (let j = 0; j < A; j++) {
          const noisy = out[r * A + j] + this.config.actNoise * rng.normal();
          out[r * A + j] = Math.min(
            this.config.actionHigh[j],
            Math.max(this.config.actionLow[j], noisy),
          );
        }
      }
    }
    return out;
  }

  /**
   * The deterministic policy's actions for `observations` (`[P·k, obs]`), as Stable-Baselines3's
   * `predict(obs, deterministic=True)`; the same as `act(observations)`.
   */
  predict(observations: Float32Array): Float32Array {
    return this.act(observations, { explore: false });
  }

  /** One update from a minibatch (`[P, B, size]` flat arrays): critic, actor and targets. */
  async update(batch: Batch): Promise<UpdateInfo> {
    this.#alive();
    const { population: P, observationSize: O, actionSize: A, algo } = this.config;
    const B = batchSize(batch, P, O, A);
    const t = traits(algo);
    const { actorDue, targetsDue } = this.#scheduled(this.updates);
    if (this.#gpuWanted) {
      const gpu = await this.#openGpu();
      const info = await gpu.updateBatch(batch, B, { actorDue, targetsDue }, this.#smoothing);
      this.updates++;
      this.#afterGpu();
      return infoOf(info, P, actorDue);
    }
    if (this.#fused) {
      const smoothing = t.td3 ? this.#smoothing : null;
      const info = this.#fused.workers > 0
        ? await this.#fused.updateThreaded(batch, B, actorDue, targetsDue, smoothing)
        : this.#fused.update(batch, B, actorDue, targetsDue, smoothing);
      this.updates++;
      this.#hostStale = this.#tfStale = true;
      return info;
    }
    const noise = t.td3 ? this.#smoothingNoise(P, B) : undefined;

    const s = tf.tensor3d(batch.observations, [P, B, O]);
    const a = tf.tensor3d(batch.actions, [P, B, A]);
    const s2 = tf.tensor3d(batch.nextObservations, [P, B, O]);
    const y = this.#tdTargets(s2, batch.rewards, batch.dones, P, B, noise);

    const criticLoss = this.#criticStep(s, a, y, P, B);
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
      polyakUpdate(this.#actorTarget, this.#actor, this.config.polyak);
      this.#critics.forEach((c, i) => polyakUpdate(this.#criticTargets[i], c, this.config.polyak));
    }
    this.updates++;
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

  /**
   * A block of `count` updates, each on a minibatch of `batchSize` transitions per member drawn
   * from `replay` with the members' generators `rngs` (as `replay.sample` draws them). The same
   * as `count` calls of `update`; on WebGPU the block runs as one submission with one readback
   * (Spinning Up's `update_every` block), which is where a GPU pays.
   */
  async updateBlock(
    replay: ReplayBuffer,
    rngs: readonly Rng[],
    count: number,
    batchSize: number,
  ): Promise<BlockInfo> {
    this.#alive();
    const P = this.config.population;
    checkNumber("count", count, { min: 1, integer: true });
    checkNumber("batchSize", batchSize, { min: 1, integer: true });
    if (this.#gpuWanted) {
      const gpu = await this.#openGpu();
      const schedule: ScheduledUpdate[] = [];
      for (let k = 0; k < count; k++) schedule.push(this.#scheduled(this.updates + k));
      const raw = await gpu.updateBlock(replay, rngs, batchSize, schedule, this.#smoothing);
      this.updates += count;
      this.#afterGpu();
      // the same [6, P] layout as one update's; actor sums are 0 where no update stepped it
      const { actorUpdated: _, ...sums } = infoOf(raw, P, true);
      return { updates: count, actorUpdates: schedule.filter((x) => x.actorDue).length, ...sums };
    }
    const block: BlockInfo = {
      updates: 0,
      actorUpdates: 0,
      criticLoss: new Array(P).fill(0),
      actorObjective: new Array(P).fill(0),
      gradientNorm: new Array(P).fill(0),
      correctionNorm: new Array(P).fill(0),
      cosine: new Array(P).fill(0),
      correctionRatio: new Array(P).fill(0),
    };
    let batch: Batch | undefined;
    for (let k = 0; k < count; k++) {
      batch = replay.sample(batchSize, rngs, batch);
      const info = await this.update(batch);
      block.updates++;
      for (let p = 0; p < P; p++) block.criticLoss[p] += info.criticLoss[p];
      if (!info.actorUpdated) continue;
      block.actorUpdates++;
      for (const key of ACTOR_DIAGNOSTICS) {
        for (let p = 0; p < P; p++) block[key][p] += info[key][p];
      }
    }
    return block;
  }

  /** The ascent direction this agent's actor step would take on `observations`. */
  async direction(
    observations: Float32Array,
    targets?: Float32Array,
  ): Promise<{ direction: Float32Array; dJdTheta: Float32Array; dJdW: Float32Array }> {
    this.#alive();
    const { population: P, observationSize: O } = this.config;
    const B = observations.length / (P * O);
    if (!Number.isInteger(B) || B < 1) {
      throw new ValidationError(
        "observations",
        observations,
        `a Float32Array of length ${P}·B·${O}`,
      );
    }
    checkVector("observations", observations, observations.length);
    const t = traits(this.config.algo);
    await this.#pullGpu();
    if (t.actor.kind === "stackelberg" && !targets) {
      throw new ValidationError(
        "targets",
        targets,
        `TD targets y_i (a Float32Array of length ${P * B}) for ${this.config.algo}`,
      );
    }
    // the fused FS and SD paths accumulate in float64: at small ε their CG and solves are the
    // accurate ones
    if (this.#fused && t.actor.kind !== "gradient") {
      if (targets) checkVector("targets", targets, P * B);
      return this.#fused.direction(observations, B, targets);
    }
    this.#syncTf();
    const s = tf.tensor3d(observations, [P, B, O]);
    const y = targets ? tf.tensor2d(checkVector("targets", targets, P * B), [P, B]) : undefined;
    const dir = await this.#direction(s, y);
    // gradient methods do not need ∂J/∂w; compute it here for the caller's analysis
    const dJdW = dir.dJdW ??
      fastDirection(this.#actor, this.#critics[0], s, this.#scale, "per-sample", {
        solver: "block",
        degree: 1,
        epsilon: 1,
        cgIterations: 1,
      }).dJdW;
    const result = {
      direction: await dir.direction.data() as Float32Array,
      dJdTheta: await dir.dJdTheta.data() as Float32Array,
      dJdW: await dJdW.data() as Float32Array,
    };
    tf.dispose(
      [s, y!, dir.direction, dir.dJdTheta, dir.correction, dir.objective, dJdW].filter(Boolean),
    );
    return result;
  }

  /** Trained weights (targets excluded), in weight order, population axis first. */
  getWeights(): NamedWeights[] {
    this.#alive();
    this.#refreshHost();
    return this.#names().map(({ name, shape }, i) => ({
      name,
      shape,
      values: Float32Array.from(this.#host[i]),
    }));
  }

  /** Replaces the trained weights (and, as at initialisation, their targets with copies). */
  setWeights(weights: NamedWeights[]): void {
    this.#alive();
    const expected = this.#names();
    if (!Array.isArray(weights) || weights.length !== expected.length) {
      throw new ValidationError(
        "weights",
        weights,
        `${expected.length} tensors: ${expected.map((e) => e.name).join(", ")}`,
      );
    }
    weights.forEach((w, i) => {
      const e = expected[i];
      if (w.name !== e.name || JSON.stringify(w.shape) !== JSON.stringify(e.shape)) {
        throw new ValidationError(
          `weights[${i}]`,
          `${w.name} ${JSON.stringify(w.shape)}`,
          `${e.name} with shape ${JSON.stringify(e.shape)}`,
        );
      }
      checkVector(`weights[${i}].values`, w.values, e.shape.reduce((a, b) => a * b, 1));
    });
    if (this.#fused) {
      this.#fused.setTrained(weights.map((w) => w.values));
      this.#host = weights.map((w) => Float32Array.from(w.values));
      this.#hostStale = false;
      this.#tfStale = true;
      // the weights and their targets are newer on the host; Adam's moments stay on the GPU
      if (this.#gpuBehind !== "all") this.#gpuBehind = "weights";
      return;
    }
    const trained = this.#trained();
    const targets = [...this.#actorTarget, ...this.#criticTargets.flat()];
    weights.forEach((w, i) => {
      trained[i].assign(tf.tensor(w.values, w.shape));
      targets[i].assign(tf.tensor(w.values, w.shape));
    });
    this.#host = weights.map((w) => Float32Array.from(w.values));
  }

  /** Saves weights, targets, optimizer state, RNG state and config to `dir` (atomically). */
  async save(dir: string): Promise<void> {
    this.#alive();
    await this.#pullGpu();
    const tensors = this.#allState();
    const index: { name: string; shape: number[]; offset: number }[] = [];
    let total = 0;
    for (const { name, tensor } of tensors) {
      index.push({ name, shape: tensor.shape, offset: total });
      total += tensor.size;
    }
    const blob = new Float32Array(total);
    const fusedState = this.#fused?.exportTensors();
    for (let i = 0; i < tensors.length; i++) {
      blob.set(
        fusedState ? fusedState[i] : await tensors[i].tensor.data() as Float32Array,
        index[i].offset,
      );
    }
    const meta = {
      format: "stackrl-agent/1",
      config: this.config,
      updates: this.updates,
      actorSteps: this.#fused ? this.#fused.actorStep : this.#actorOptimizer.step,
      criticSteps: this.#fused ? this.#fused.criticStep : this.#criticOptimizer.step,
      rng: {
        exploration: this.#exploration.map((r) => r.state),
        smoothing: this.#smoothing.map((r) => r.state),
      },
      tensors: index,
    };
    await writeDirAtomic(dir, {
      "agent.json": JSON.stringify(meta, null, 1),
      "tensors.bin": new Uint8Array(blob.buffer),
    });
  }

  /** @internal restores what `save` wrote. */
  restore(meta: SavedMeta, blob: Float32Array): void {
    const state = this.#allState();
    if (state.length !== meta.tensors.length) {
      throw new Error("agent.json: tensor list does not match the config");
    }
    state.forEach(({ name, tensor }, i) => {
      const entry = meta.tensors[i];
      if (entry.name !== name || JSON.stringify(entry.shape) !== JSON.stringify(tensor.shape)) {
        throw new Error(
          `agent.json: tensor ${i} is ${entry.name} ${
            JSON.stringify(entry.shape)
          }, expected ${name}`,
        );
      }
      (tensor as tf.Variable).assign(
        tf.tensor(blob.subarray(entry.offset, entry.offset + tensor.size), tensor.shape),
      );
    });
    this.updates = meta.updates;
    this.#actorOptimizer.step = meta.actorSteps;
    this.#criticOptimizer.step = meta.criticSteps;
    meta.rng.exploration.forEach((s, p) => (this.#exploration[p].state = s));
    meta.rng.smoothing.forEach((s, p) => (this.#smoothing[p].state = s));
    const trained = this.#trained().length;
    this.#host = state.slice(0, trained).map(({ tensor }, i) =>
      Float32Array.from(blob.subarray(meta.tensors[i].offset, meta.tensors[i].offset + tensor.size))
    );
    if (this.#fused) {
      this.#fused.importTensors(
        state.map(({ tensor }, i) =>
          blob.subarray(meta.tensors[i].offset, meta.tensors[i].offset + tensor.size)
        ),
      );
      this.#fused.actorStep = meta.actorSteps;
      this.#fused.criticStep = meta.criticSteps;
      this.#hostStale = this.#tfStale = false;
      this.#gpuAhead = false;
      this.#gpuBehind = "all";
    }
  }

  /** Frees the agent's tensors. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#fused?.dispose();
    this.#gpu?.destroy();
    this.#gpuDevice?.destroy();
    tf.dispose([...this.#trained(), ...this.#actorTarget, ...this.#criticTargets.flat()]);
    this.#actorOptimizer.dispose();
    this.#criticOptimizer.dispose();
    tf.dispose([this.#scale.mid, this.#scale.half]);
  }

  #alive(): void {
    if (this.#disposed) throw new Error("agent: used after dispose()");
  }

  /** Whether update number `u` (from 0) steps the actor and the targets. */
  #scheduled(u: number): ScheduledUpdate {
    const t = traits(this.config.algo);
    const actorDue = t.td3
      ? u % this.config.policyDelay === 0
      : t.hasCriticSteps
      ? u % this.config.criticSteps === 0
      : true;
    return { actorDue, targetsDue: t.td3 ? actorDue : true };
  }

  /** The WebGPU updater, opened on first use, with the host's state uploaded if it changed. */
  async #openGpu(): Promise<GpuUpdater> {
    if (!this.#gpu) {
      this.#gpuDevice = await openGpuDevice();
      this.#gpu = new GpuUpdater(
        this.#gpuDevice,
        { ...this.config, traits: traits(this.config.algo) },
        this.#fused!,
      );
      this.#gpuBehind = "none";
    }
    if (this.#gpuBehind !== "none") {
      this.#gpu.upload(this.#gpuBehind);
      this.#gpuBehind = "none";
    }
    return this.#gpu;
  }

  /** After GPU updates: trained weights are on the host, targets and moments only on the GPU. */
  #afterGpu(): void {
    this.#gpuAhead = true;
    this.#hostStale = this.#tfStale = true;
  }

  /** Brings the GPU's whole state (targets, Adam moments) into the host copy, if it is newer. */
  async #pullGpu(): Promise<void> {
    if (!this.#gpu || !this.#gpuAhead) return;
    // what the host changed since (set weights) goes up first, so the download keeps it
    if (this.#gpuBehind !== "none") {
      this.#gpu.upload(this.#gpuBehind);
      this.#gpuBehind = "none";
    }
    await this.#gpu.download();
    this.#gpuAhead = false;
  }

  /** Refreshes the host copies of the trained tensors from the fused state, if they lag. */
  #refreshHost(): void {
    if (!this.#fused || !this.#hostStale) return;
    this.#fused.exportTensors(this.#host.length, this.#host);
    this.#hostStale = false;
  }

  /** Copies the fused state into the tfjs variables and optimizers, if they lag. */
  #syncTf(): void {
    if (!this.#fused || !this.#tfStale) return;
    const values = this.#fused.exportTensors();
    tf.tidy(() =>
      this.#allState().forEach(({ tensor }, i) =>
        (tensor as tf.Variable).assign(tf.tensor(values[i], tensor.shape))
      )
    );
    this.#actorOptimizer.step = this.#fused.actorStep;
    this.#criticOptimizer.step = this.#fused.criticStep;
    this.#tfStale = false;
  }

  #trained(): tf.Variable[] {
    return [...this.#actor, ...this.#critics.flat()];
  }

  #names(): { name: string; shape: number[] }[] {
    const out: { name: string; shape: number[] }[] = [];
    const add = (prefix: string, vars: tf.Variable[]) =>
      vars.forEach((v, i) =>
        out.push({ name: `${prefix}/${i >> 1}/${i % 2 === 0 ? "kernel" : "bias"}`, shape: v.shape })
      );
    add("actor", this.#actor);
    this.#critics.forEach((c, i) => add(`critic${i + 1}`, c));
    return out;
  }

  #allState(): { name: string; tensor: tf.Tensor }[] {
    const names = this.#names();
    const trained = this.#trained();
    const targets = [...this.#actorTarget, ...this.#criticTargets.flat()];
    const opt = [this.#actorOptimizer, this.#criticOptimizer];
    const out = trained.map((t, i) => ({ name: names[i].name, tensor: t as tf.Tensor }));
    targets.forEach((t, i) => out.push({ name: `target/${names[i].name}`, tensor: t }));
    let k = 0;
    for (const o of opt) {
      o.m.forEach((m, i) => out.push({ name: `adam/m/${names[k + i].name}`, tensor: m }));
      o.v.forEach((v, i) => out.push({ name: `adam/v/${names[k + i].name}`, tensor: v }));
      k += o.m.length;
    }
    return out;
  }

  #smoothingNoise(P: number, B: number): Float32Array {
    const { actionSize: A, targetNoise, targetNoiseClip } = this.config;
    const noise = new Float32Array(P * B * A);
    for (let p = 0; p < P; p++) {
      const rng = this.#smoothing[p];
      for (let i = p * B * A; i < (p + 1) * B * A; i++) {
        noise[i] = Math.min(
          targetNoiseClip,
          Math.max(-targetNoiseClip, targetNoise * rng.normal()),
        );
      }
    }
    return noise;
  }

  /** y = r + γ(1 − d)·Q_targ(s′, π_targ(s′)) (TD3: smoothed action, min over both critics). */
  #tdTargets(
    s2: tf.Tensor3D,
    rewards: Float32Array,
    dones: Float32Array,
    P: number,
    B: number,
    noise?: Float32Array,
  ): tf.Tensor2D {
    return tf.tidy(() => {
      let a2 = forward(this.#actorTarget, s2, this.#scale).output as tf.Tensor;
      if (noise) {
        const low = tf.tensor1d(this.config.actionLow), high = tf.tensor1d(this.config.actionHigh);
        a2 = tf.minimum(
          tf.maximum(tf.add(a2, tf.tensor3d(noise, a2.shape as [number, number, number])), low),
          high,
        );
      }
      const qs = this.#criticTargets.map((c) => tf.reshape(criticQ(c, s2, a2), [P, B]));
      const q = qs.length === 1 ? qs[0] : tf.minimum(qs[0], qs[1]);
      const r = tf.tensor2d(rewards, [P, B]), d = tf.tensor2d(dones, [P, B]);
      return tf.add(r, tf.mul(tf.mul(tf.sub(1, d), this.config.gamma), q)) as tf.Tensor2D;
    });
  }

  /** One Adam step on Σ_c mean_i (Q_c(s_i, a_i) − y_i)²; returns each member's loss `[P]`. */
  #criticStep(s: tf.Tensor3D, a: tf.Tensor3D, y: tf.Tensor2D, P: number, B: number): tf.Tensor1D {
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

  async #direction(
    s: tf.Tensor3D,
    y?: tf.Tensor2D,
  ): Promise<Direction | Omit<Direction, "dJdW"> & { dJdW?: undefined }> {
    const t = traits(this.config.algo);
    const critic = this.#critics[0]; // TD3 family: Q1, as TD3 does for the actor
    const solve: SolveOptions = {
      solver: t.actor.kind === "gradient" ? "block" : t.actor.solver,
      degree: this.config.degree,
      epsilon: this.config.epsilon,
      cgIterations: this.config.cgIterations,
    };
    switch (t.actor.kind) {
      case "gradient":
        return gradientDirection(this.#actor, critic, s, this.#scale);
      case "fast":
        return fastDirection(this.#actor, critic, s, this.#scale, this.config.k1k2, solve);
      case "stackelberg":
        return await stackelbergDirection(this.#actor, critic, s, y!, this.#scale, solve);
    }
  }
}

/** What `agent.json` holds besides the config. */
interface SavedMeta {
  format: string;
  config: AgentConfig;
  updates: number;
  actorSteps: number;
  criticSteps: number;
  rng: { exploration: Rng["state"][]; smoothing: Rng["state"][] };
  tensors: { name: string; shape: number[]; offset: number }[];
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

function batchSize(batch: Batch, P: number, O: number, A: number): number {
  if (typeof batch !== "object" || batch === null) {
    throw new ValidationError("batch", batch, "an object of Float32Arrays");
  }
  const B = batch.rewards?.length / P;
  if (!(batch.rewards instanceof Float32Array) || !Number.isInteger(B) || B < 1) {
    throw new ValidationError("batch.rewards", batch.rewards, `a Float32Array of length ${P}·B`);
  }
  checkVector("batch.observations", batch.observations, P * B * O);
  checkVector("batch.actions", batch.actions, P * B * A);
  checkVector("batch.rewards", batch.rewards, P * B);
  checkVector("batch.nextObservations", batch.nextObservations, P * B * O);
  checkVector("batch.dones", batch.dones, P * B);
  return B;
}

/** Creates an agent running `algo` (one of the twelve names) with validated options. */
export async function createAgent(algo: string, options: AgentOptions): Promise<Agent> {
  const config = resolveConfig(algo, options);
  const backend = await useBackend(config.backend);
  return new Agent(config, backend);
}

/**
 * Loads an agent written by `agent.save(dir)`; `backend`, `implementation` and `threads`
 * override the saved ones (they change speed, not results beyond float rounding).
 */
export async function loadAgent(
  dir: string,
  options: Partial<Pick<AgentConfig, "backend" | "implementation" | "threads">> = {},
): Promise<Agent> {
  const meta = await readSavedMeta(dir);
  if (meta.format !== "stackrl-agent/1") {
    throw new ValidationError(`${dir}/agent.json: format`, meta.format, `"stackrl-agent/1"`);
  }
  const bytes = await Deno.readFile(`${dir}/tensors.bin`);
  const blob = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  const { algo, ...rest } = meta.config;
  const config = resolveConfig(algo, {
    ...stripInapplicable(rest, algo),
    backend: options.backend ?? rest.backend,
    implementation: options.implementation ?? rest.implementation,
    threads: options.threads ?? rest.threads,
  });
  const backend = await useBackend(config.backend);
  const agent = new Agent(config, backend);
  agent.restore(meta, blob);
  return agent;
}

/** `dir/agent.json`, with a clear error for a missing folder or a file that is not JSON. */
async function readSavedMeta(dir: string): Promise<SavedMeta> {
  let text: string;
  try {
    text = await Deno.readTextFile(`${dir}/agent.json`);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) {
      throw new ValidationError(
        "dir",
        dir,
        "a folder written by agent.save() or a run's checkpoints/last or checkpoints/best (it has no agent.json)",
      );
    }
    throw error;
  }
  try {
    return JSON.parse(text) as SavedMeta;
  } catch {
    throw new ValidationError(`${dir}/agent.json`, `${text.slice(0, 40)}…`, "complete JSON");
  }
}

function stripInapplicable(config: Omit<AgentConfig, "algo">, algo: Algorithm): AgentOptions {
  const keep = new Set<string>([...STRUCTURAL_KEYS, ...applicableHyperparameters(algo)]);
  return Object.fromEntries(
    Object.entries(config).filter(([k]) => keep.has(k)),
  ) as unknown as AgentOptions;
}

/**
 * The ascent direction `agent`'s actor step would hand to its optimizer on `observations`
 * (`[P, B, obs]` flat), flattened in weight order, with ∂J/∂θ and ∂J/∂w. SD* algorithms need
 * the TD targets y_i (`[P, B]`) that define the residuals δ_i.
 */
export function actorDirection(
  agent: Agent,
  observations: Float32Array,
  targets?: Float32Array,
): Promise<{ direction: Float32Array; dJdTheta: Float32Array; dJdW: Float32Array }> {
  return agent.direction(observations, targets);
}

export { flatten };

/** The UpdateInfo fields an actor step reports (summed over a block by `updateBlock`). */
export const ACTOR_DIAGNOSTICS = [
  "actorObjective",
  "gradientNorm",
  "correctionNorm",
  "cosine",
  "correctionRatio",
] as const;
