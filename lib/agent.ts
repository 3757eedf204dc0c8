/**
 * The agent: actor (follower) and critic(s) (leader) with a population axis, acting, and the
 * update schedule. Updates are delegated to an `Updater` (lib/update/contract.ts) that owns the
 * state: the readable tfjs reference (the specification) or the fused path on the host or a
 * WebGPU device, chosen by the `implementation` option (docs/design.md). Saving and loading use
 * lib/saved_agent.ts.
 * @module
 */
import { useBackend } from "./backend.ts";
import {
  type AgentConfig,
  type AgentOptions,
  type Algorithm,
  resolveConfig,
  traits,
} from "./config.ts";
import { checkNumber, checkVector, ValidationError } from "./errors.ts";
import {
  checkNamedWeights,
  initialWeights,
  type LayerSizes,
  type NamedWeights,
  policyActions,
} from "./nets.ts";
import { type Batch, checkBatch, checkObservations, type ReplayBuffer } from "./replay.ts";
import { memberRngs, type Rng, STREAMS } from "./rng.ts";
import {
  readSavedAgent,
  savedConfig,
  type SavedMeta,
  savedTensors,
  writeSavedAgent,
} from "./saved_agent.ts";
import {
  ACTOR_DIAGNOSTICS,
  type ActorDirection,
  addToBlock,
  type BlockInfo,
  blockOf,
  criticCount,
  emptyBlock,
  type ScheduledUpdate,
  stateNames,
  trainedCount,
  type UpdateInfo,
  type Updater,
  type UpdateSettings,
} from "./update/contract.ts";
import { createUpdater } from "./update/create.ts";

export {
  ACTOR_DIAGNOSTICS,
  type ActorDirection,
  type BlockInfo,
  type NamedWeights,
  type UpdateInfo,
};

/** An actor-critic agent (or a population of P independent ones); made by `createAgent` or `loadAgent`. */
export class Agent {
  /** The validated configuration. */
  readonly config: AgentConfig;
  /** The tfjs backend in use. */
  readonly backend: string;
  /** Updates performed so far. */
  updates = 0;
  /** Actor layer widths `[obs, …hidden, act]`. */
  readonly actorSizes: LayerSizes;
  /** Critic layer widths `[obs + act, …hidden, 1]`. */
  readonly criticSizes: LayerSizes;
  readonly #settings: AgentConfig & UpdateSettings;
  readonly #updater: Updater;
  readonly #mid: Float32Array;
  readonly #half: Float32Array;
  readonly #exploration: Rng[];
  readonly #smoothing: Rng[];
  #disposed = false;

  /** @ignore use `createAgent` or `loadAgent`. */
  constructor(
    config: AgentConfig,
    backend: string,
    saved?: { meta: SavedMeta; blob: Float32Array },
  ) {
    this.config = config;
    this.backend = backend;
    const { observationSize: obs, actionSize: act, hidden, population: P, seed } = config;
    this.actorSizes = [obs, ...hidden, act];
    this.criticSizes = [obs + act, ...hidden, 1];
    this.#settings = { ...config, traits: traits(config.algo) };
    const names = stateNames(this.#settings);
    const restored = saved ? savedTensors(saved.meta, saved.blob, names) : null;
    let initial = restored?.slice(0, trainedCount(this.#settings));
    initial ??= initialWeights(
      this.actorSizes,
      this.criticSizes,
      criticCount(this.#settings),
      memberRngs(seed, P, STREAMS.init),
    );
    this.#updater = createUpdater(this.#settings, backend, initial);
    this.#mid = Float32Array.from(config.actionLow, (low, i) => (low + config.actionHigh[i]) / 2);
    this.#half = Float32Array.from(config.actionLow, (low, i) => (config.actionHigh[i] - low) / 2);
    this.#exploration = memberRngs(seed, P, STREAMS.exploration);
    this.#smoothing = memberRngs(seed, P, STREAMS.smoothing);
    if (saved && restored) {
      const { meta } = saved;
      this.#updater.importState(restored, { actor: meta.actorSteps, critic: meta.criticSteps });
      this.updates = meta.updates;
      meta.rng.exploration.forEach((s, p) => (this.#exploration[p].state = s));
      meta.rng.smoothing.forEach((s, p) => (this.#smoothing[p].state = s));
    }
  }

  /**
   * The update implementation in use (`auto` resolved): `fused-webgpu` where the fused kernel
   * runs on the WebGPU device, `fused` on the host.
   */
  get implementation(): "reference" | "fused" | "fused-webgpu" {
    return this.#updater.implementation;
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
    const actor = this.#updater.trained().slice(0, 2 * (this.actorSizes.length - 1));
    const out = policyActions(this.actorSizes, actor, observations, P, this.#mid, this.#half);
    if (!explore) return out;
    const { actionLow: low, actionHigh: high, actNoise } = this.config;
    for (let r = 0; r < rows; r++) {
      const rng = this.#exploration[Math.floor(r / (rows / P))];
      for (let j = 0; j < A; j++) {
        const noisy = out[r * A + j] + actNoise * rng.normal();
        out[r * A + j] = Math.min(high[j], Math.max(low[j], noisy));
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
    const { population: P, observationSize: O, actionSize: A } = this.config;
    const B = checkBatch(batch, P, O, A);
    const info = await this.#updater.update(
      batch,
      B,
      this.#scheduled(this.updates),
      this.#smoothing,
    );
    this.updates++;
    return info;
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
    if (this.#updater.updateBlock) {
      const schedule: ScheduledUpdate[] = [];
      for (let k = 0; k < count; k++) schedule.push(this.#scheduled(this.updates + k));
      const raw = await this.#updater.updateBlock(
        replay,
        rngs,
        batchSize,
        schedule,
        this.#smoothing,
      );
      this.updates += count;
      return blockOf(raw, P, schedule);
    }
    const block = emptyBlock(P);
    let batch: Batch | undefined;
    for (let k = 0; k < count; k++) {
      batch = replay.sample(batchSize, rngs, batch);
      addToBlock(block, await this.update(batch));
    }
    return block;
  }

  /**
   * The ascent direction this agent's actor step would take on `observations` (`[P, B, obs]`),
   * flattened in weight order, with ∂J/∂θ and ∂J/∂w; SD* algorithms need the TD targets y_i
   * (`[P, B]`). No state changes.
   */
  async direction(observations: Float32Array, targets?: Float32Array): Promise<ActorDirection> {
    this.#alive();
    const { population: P, observationSize: O } = this.config;
    const B = checkObservations(observations, P, O);
    if (this.#settings.traits.actor.kind === "stackelberg" && !targets) {
      throw new ValidationError(
        "targets",
        targets,
        `TD targets y_i (a Float32Array of length ${P * B}) for ${this.config.algo}`,
      );
    }
    if (targets) checkVector("targets", targets, P * B);
    return await this.#updater.direction(observations, B, targets);
  }

  /** Trained weights (targets excluded), in weight order, population axis first. */
  getWeights(): NamedWeights[] {
    this.#alive();
    const values = this.#updater.trained();
    return this.#names().map(({ name, shape }, i) => ({
      name,
      shape,
      values: Float32Array.from(values[i]),
    }));
  }

  /** Replaces the trained weights (and, as at initialisation, their targets with copies). */
  setWeights(weights: NamedWeights[]): void {
    this.#alive();
    checkNamedWeights(weights, this.#names());
    this.#updater.setTrained(weights.map((w) => w.values));
  }

  /** Saves weights, targets, optimizer state, RNG state and config to `dir` (atomically). */
  async save(dir: string): Promise<void> {
    this.#alive();
    const values = await this.#updater.exportState();
    const steps = this.#updater.steps;
    const meta = {
      config: this.config,
      updates: this.updates,
      actorSteps: steps.actor,
      criticSteps: steps.critic,
      rng: {
        exploration: this.#exploration.map((r) => r.state),
        smoothing: this.#smoothing.map((r) => r.state),
      },
    };
    await writeSavedAgent(dir, meta, stateNames(this.#settings), values);
  }

  /** Frees the agent's tensors, workers and device buffers. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#updater.dispose();
  }

  #alive(): void {
    if (this.#disposed) throw new Error("agent: used after dispose()");
  }

  /** Whether update number `u` (from 0) steps the actor and the targets. */
  #scheduled(u: number): ScheduledUpdate {
    const t = this.#settings.traits;
    const actorDue = t.td3
      ? u % this.config.policyDelay === 0
      : t.hasCriticSteps
      ? u % this.config.criticSteps === 0
      : true;
    return { actorDue, targetsDue: t.td3 ? actorDue : true };
  }

  #names() {
    return stateNames(this.#settings).slice(0, trainedCount(this.#settings));
  }
}

/** Creates an agent running `algo` (one of the twelve names) with validated options. */
export async function createAgent(algo: string, options: AgentOptions): Promise<Agent> {
  const config = resolveConfig(algo, options);
  const backend = await useBackend(config.backend);
  return new Agent(config, backend);
}

/**
 * Loads an agent written by `agent.save(dir)`; `backend`, `implementation`, `precision` and `threads`
 * override the saved ones (they change speed, not results beyond float rounding).
 */
export async function loadAgent(
  dir: string,
  options: Partial<Pick<AgentConfig, "backend" | "implementation" | "precision" | "threads">> = {},
): Promise<Agent> {
  const saved = await readSavedAgent(dir);
  const config = savedConfig(saved.meta, options);
  const backend = await useBackend(config.backend);
  return new Agent(config, backend, saved);
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
): Promise<ActorDirection> {
  return agent.direction(observations, targets);
}
