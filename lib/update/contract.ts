/**
 * The update contract every implementation keeps (docs/design.md, docs/algorithms.md): what an
 * update needs to know (`UpdateSettings`), what it reports (`UpdateInfo`, laid out as the
 * diagnostics rows `[INFO_FIELDS, P]`), the state's checkpoint order (`stateNames`), and the
 * `Updater` interface: state + minibatch → new state + UpdateInfo. A leaf: it imports no
 * implementation, so the reference (lib/update/reference.ts), host (lib/update/host.ts) and
 * WebGPU (lib/update/webgpu.ts) updaters, and the agent, all depend on it and not on each other.
 * @module
 */
import type { AlgorithmTraits } from "../config.ts";
import type { Batch, ReplayBuffer } from "../replay.ts";
import type { Rng } from "../rng.ts";

/** What an updater needs to know (a subset of the agent's config, with the algorithm's traits). */
export interface UpdateSettings {
  /** The algorithm's family and actor step. */
  traits: AlgorithmTraits;
  /** Members P. */
  population: number;
  /** Observation width. */
  observationSize: number;
  /** Action width. */
  actionSize: number;
  /** Hidden widths of actor and critic. */
  hidden: readonly number[];
  /** Action bounds (the actor's tanh is scaled to them). */
  actionLow: readonly number[];
  /** Action bounds (the actor's tanh is scaled to them). */
  actionHigh: readonly number[];
  /** Adam learning rates. */
  lrActor: number;
  /** Adam learning rates. */
  lrCritic: number;
  /** Target blend τ. */
  polyak: number;
  /** Discount γ. */
  gamma: number;
  /** Damping ε of the solves. */
  epsilon: number;
  /** CG iterations (the -cg algorithms). */
  cgIterations: number;
  /** Block size o of the block-diagonal solves. */
  degree: number;
  /** How FS* forms k1 and k2: from per-sample gradients, or as the paper's listing does. */
  k1k2: "per-sample" | "listing";
  /** TD3 target smoothing: std and clip, in action units. */
  targetNoise: number;
  /** TD3 target smoothing: std and clip, in action units. */
  targetNoiseClip: number;
}

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

/** The UpdateInfo fields an actor step reports (summed over a block by `updateBlock`). */
export const ACTOR_DIAGNOSTICS = [
  "actorObjective",
  "gradientNorm",
  "correctionNorm",
  "cosine",
  "correctionRatio",
] as const;

/** A block's sums before its first update. */
export function emptyBlock(P: number): BlockInfo {
  const zeros = () => new Array<number>(P).fill(0);
  return {
    updates: 0,
    actorUpdates: 0,
    criticLoss: zeros(),
    actorObjective: zeros(),
    gradientNorm: zeros(),
    correctionNorm: zeros(),
    cosine: zeros(),
    correctionRatio: zeros(),
  };
}

/** Adds one update's diagnostics to a block's sums (the actor's only where it stepped). */
export function addToBlock(block: BlockInfo, info: UpdateInfo): void {
  const P = block.criticLoss.length;
  block.updates++;
  for (let p = 0; p < P; p++) block.criticLoss[p] += info.criticLoss[p];
  if (!info.actorUpdated) return;
  block.actorUpdates++;
  for (const key of ACTOR_DIAGNOSTICS) {
    for (let p = 0; p < P; p++) block[key][p] += info[key][p];
  }
}

/** A block's BlockInfo from its summed diagnostics layout (actor sums 0 where it never stepped). */
export function blockOf(
  sums: Float32Array,
  P: number,
  schedule: readonly ScheduledUpdate[],
): BlockInfo {
  const { actorUpdated: _, ...fields } = infoOf(sums, P, true);
  const actorUpdates = schedule.filter((x) => x.actorDue).length;
  return { updates: schedule.length, actorUpdates, ...fields };
}

/**
 * Rows of the diagnostics layout `[INFO_FIELDS, P]` every implementation fills: the critic loss,
 * then `ACTOR_DIAGNOSTICS` in order.
 */
export const INFO_FIELDS = 1 + ACTOR_DIAGNOSTICS.length;

/** UpdateInfo from the diagnostics layout, float32-rounded as the reference reads them back. */
export function infoOf(
  info: Float64Array | Float32Array,
  P: number,
  actorDue: boolean,
): UpdateInfo {
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

/** One update of a schedule: whether the actor and the targets step. */
export interface ScheduledUpdate {
  actorDue: boolean;
  targetsDue: boolean;
}

/** Adam step counts (shared by all members, as in the reference). */
export interface StepCounts {
  actor: number;
  critic: number;
}

/** An actor step's pieces, `[P, n]` each, in weight order. */
export interface ActorDirection {
  /** The ascent direction handed to the optimizer. */
  direction: Float32Array;
  /** ∂J/∂θ. */
  dJdTheta: Float32Array;
  /** ∂J/∂w. */
  dJdW: Float32Array;
}

/** The name and shape of one state tensor (population axis first). */
export interface TensorName {
  name: string;
  shape: number[];
}

/**
 * The state's tensors in checkpoint order: trained (`actor/<layer>/kernel|bias`, `critic1/…`,
 * `critic2/…`), their targets (`target/…`), then Adam's `adam/m/…` and `adam/v/…` of the actor,
 * then of the critics. The first `trainedCount(settings)` are the trained weights.
 */
export function stateNames(settings: UpdateSettings): TensorName[] {
  const { observationSize: O, actionSize: A, hidden, population: P } = settings;
  const nets = (sizes: number[], prefix: string) =>
    sizes.slice(1).flatMap((out, l) => [
      { name: `${prefix}/${l}/kernel`, shape: [P, sizes[l], out] },
      { name: `${prefix}/${l}/bias`, shape: [P, out] },
    ]);
  const actor = nets([O, ...hidden, A], "actor");
  const critics = Array.from(
    { length: criticCount(settings) },
    (_, c) => nets([O + A, ...hidden, 1], `critic${c + 1}`),
  ).flat();
  const prefixed = (prefix: string, list: TensorName[]) =>
    list.map(({ name, shape }) => ({ name: `${prefix}${name}`, shape }));
  return [
    ...actor,
    ...critics,
    ...prefixed("target/", [...actor, ...critics]),
    ...prefixed("adam/m/", actor),
    ...prefixed("adam/v/", actor),
    ...prefixed("adam/m/", critics),
    ...prefixed("adam/v/", critics),
  ];
}

/** Critics of the algorithm: two for the TD3 family, else one. */
export function criticCount(settings: Pick<UpdateSettings, "traits">): number {
  return settings.traits.td3 ? 2 : 1;
}

/** How many of `stateNames` are trained weights (actor, then critics). */
export function trainedCount(settings: Pick<UpdateSettings, "traits" | "hidden">): number {
  return 2 * (settings.hidden.length + 1) * (1 + criticCount(settings));
}

/** TD3 target-smoothing noise of one member: n draws of clip(σ·N(0, 1), ±c) into `out`. */
export function fillNoise(
  rng: Rng,
  out: Float32Array,
  off: number,
  n: number,
  s: Pick<UpdateSettings, "targetNoise" | "targetNoiseClip">,
): void {
  const std = s.targetNoise, clip = s.targetNoiseClip;
  for (let i = 0; i < n; i++) {
    out[off + i] = Math.min(clip, Math.max(-clip, std * rng.normal()));
  }
}

/**
 * An update implementation owning the population's state (trained weights, targets, Adam
 * moments and step counts). Tensors cross it in the tfjs layout (kernel `[P, in, out]`, bias
 * `[P, out]`), in `stateNames` order.
 */
export interface Updater {
  /** Which implementation this is. */
  readonly implementation: "reference" | "fused" | "fused-webgpu";
  /** Adam step counts so far. */
  readonly steps: StepCounts;
  /**
   * One update of every member on `batch` (`[P, B, size]`): critic step, then (when due) the
   * actor step from the updated critic Q₁, then (when due) the targets. `smoothing` are the
   * members' target-smoothing generators (drawn from only by the TD3 family).
   */
  update(
    batch: Batch,
    B: number,
    scheduled: ScheduledUpdate,
    smoothing: readonly Rng[],
  ): Promise<UpdateInfo>;
  /**
   * Where an implementation runs a block of updates at once (WebGPU): `schedule.length`
   * updates on minibatches of B drawn from `replay` with `rngs` exactly as `replay.sample`
   * draws them; the diagnostics layout summed over the block.
   */
  updateBlock?(
    replay: ReplayBuffer,
    rngs: readonly Rng[],
    B: number,
    schedule: readonly ScheduledUpdate[],
    smoothing: readonly Rng[],
  ): Promise<Float32Array>;
  /** The trained weights (`trainedCount` tensors), current; the caller must not modify them. */
  trained(): readonly Float32Array[];
  /** Replaces the trained weights and sets their targets to copies (Adam's state is kept). */
  setTrained(tensors: readonly Float32Array[]): void;
  /** The whole state, `stateNames` order. */
  exportState(): Promise<Float32Array[]>;
  /** Replaces the whole state (`stateNames` order) and the step counts. */
  importState(tensors: readonly ArrayLike<number>[], steps: StepCounts): void;
  /**
   * The ascent direction each member's actor step would take on `observations` (`[P, B, obs]`)
   * with ∂J/∂θ and ∂J/∂w; SD* read the TD targets y_i (`[P, B]`). No state changes.
   */
  direction(
    observations: Float32Array,
    B: number,
    targets?: Float32Array,
  ): Promise<ActorDirection>;
  /** Frees what the updater holds (tensors, workers, device buffers). */
  dispose(): void;
}
