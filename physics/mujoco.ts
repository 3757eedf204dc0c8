/**
 * The MuJoCo engine loader: loads the WebAssembly module once per process, compiles MJCF
 * models once (cached by their text), and wraps one `MjData` per simulation in a {@link Sim}
 * that owns it and deletes it exactly once.
 *
 * Memory rules of `@mujoco/mujoco` (docs/design.md §13): `MjModel`/`MjData` are Embind handles
 * that are not garbage-collected, so every one we create gets exactly one `.delete()`. Arrays such
 * as `data.qpos` are live `Float64Array` views into WASM memory; they are invalidated when the
 * memory grows, so {@link Sim} re-fetches them when that happens, and callers copy values
 * before keeping them.
 * @module
 */
import { loadMujocoModule, type MainModule, type MjData, type MjModel } from "./deps.ts";

let modulePromise: Promise<MainModule> | undefined;

/** The MuJoCo WebAssembly module, loaded on first use and shared by the whole process. */
export function loadMujoco(): Promise<MainModule> {
  modulePromise ??= loadMujocoModule();
  return modulePromise;
}

/** An MJCF model that MuJoCo could not compile; the message carries MuJoCo's own text. */
export class ModelCompileError extends Error {
  /** The model's name (task or file) that failed. */
  readonly modelName: string;
  /** MuJoCo's message, unchanged. */
  readonly mujocoMessage: string;
  /** Wraps MuJoCo's compiler message for the model `modelName`. */
  constructor(modelName: string, mujocoMessage: string) {
    super(`Cannot compile MuJoCo model "${modelName}": ${mujocoMessage}`);
    this.name = "ModelCompileError";
    this.modelName = modelName;
    this.mujocoMessage = mujocoMessage;
  }
}

const modelCache = new Map<string, MjModel>();

/**
 * Compiles an MJCF document (cached by its text, so each distinct model compiles once per
 * process). The cache owns the returned model: do not delete it; see {@link clearModelCache}.
 */
export async function compileModel(modelName: string, xml: string): Promise<MjModel> {
  const mj = await loadMujoco();
  const cached = modelCache.get(xml);
  if (cached) return cached;
  let model: MjModel;
  try {
    model = mj.MjModel.from_xml_string(xml);
  } catch (e) {
    const text = (e instanceof Error ? e.message : String(e)).trim();
    throw new ModelCompileError(modelName, text.replace(/\s+/g, " "));
  }
  modelCache.set(xml, model);
  return model;
}

/** Deletes every cached model. Only safe when no simulation built from them is still open. */
export function clearModelCache(): void {
  for (const model of modelCache.values()) model.delete();
  modelCache.clear();
}

/** Number of compiled models in the cache. */
export function cachedModelCount(): number {
  return modelCache.size;
}

/** Reads one of our own model files from `physics/models/` (a local file or, for a remote
 * import of this module, fetched relative to it). */
export async function readBundledModel(file: string): Promise<string> {
  const url = new URL(`./models/${file}`, import.meta.url);
  if (url.protocol === "file:") return await Deno.readTextFile(url);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Cannot fetch model file ${url}: HTTP ${response.status}`);
  return await response.text();
}

/** Current size in bytes of the WebAssembly heap (grows, never shrinks). */
export async function wasmHeapBytes(): Promise<number> {
  const mj = await loadMujoco();
  const probe = new mj.DoubleBuffer(1);
  try {
    return (probe.GetView() as Float64Array).buffer.byteLength;
  } finally {
    probe.delete();
  }
}

/** Indices of the instability warnings in `mjData.warning` (mjtWarning). */
const WARNINGS = [
  [3, "mjWARN_BADQPOS"],
  [4, "mjWARN_BADQVEL"],
  [5, "mjWARN_BADQACC"],
  [6, "mjWARN_BADCTRL"],
] as const;

/** Live views into one `MjData`; re-fetched after the WASM memory grows. */
export interface SimViews {
  /** Generalised positions (nq). */
  qpos: Float64Array;
  /** Generalised velocities (nv). */
  qvel: Float64Array;
  /** Controls (nu), as written (MuJoCo clamps them internally). */
  ctrl: Float64Array;
  /** Body frame origins (nbody × 3). */
  xpos: Float64Array;
  /** Body centres of mass (nbody × 3). */
  xipos: Float64Array;
  /** Site positions (nsite × 3). */
  site_xpos: Float64Array;
  /** Body inertias in the CoM frame (nbody × 10). */
  cinert: Float64Array;
  /** Body velocities in the CoM frame, angular then linear (nbody × 6). */
  cvel: Float64Array;
  /** External (contact) wrenches per body, torque then force (nbody × 6). */
  cfrc_ext: Float64Array;
  /** Actuator forces in joint space (nv). */
  qfrc_actuator: Float64Array;
  /** Constraint forces in joint space (nv). */
  qfrc_constraint: Float64Array;
  /** Tendon lengths (ntendon). */
  ten_length: Float64Array;
  /** Tendon velocities (ntendon). */
  ten_velocity: Float64Array;
}

/**
 * One simulation: a shared compiled model and an `MjData` this object owns. Call
 * {@link Sim.close} exactly once when done (further calls are no-ops).
 */
export class Sim {
  /** The MuJoCo module. */
  readonly mj: MainModule;
  /** The compiled model (owned by the model cache, shared between sims). */
  readonly model: MjModel;
  /** Physics timestep of the model, in seconds. */
  readonly timestep: number;
  /** Number of generalised positions. */
  readonly nq: number;
  /** Number of degrees of freedom. */
  readonly nv: number;
  /** Number of actuators. */
  readonly nu: number;
  /** Number of bodies, the world included. */
  readonly nbody: number;
  #data: MjData | null;
  #views: SimViews | null = null;

  /** Allocates an `MjData` for `model` (owned by this object). */
  constructor(mj: MainModule, model: MjModel) {
    this.mj = mj;
    this.model = model;
    this.#data = new mj.MjData(model);
    const opt = model.opt;
    this.timestep = opt.timestep;
    this.nq = model.nq;
    this.nv = model.nv;
    this.nu = model.nu;
    this.nbody = model.nbody;
  }

  /** The owned `MjData`; throws after {@link Sim.close}. */
  get data(): MjData {
    if (!this.#data) throw new Error("Cannot use a closed simulation: it was closed");
    return this.#data;
  }

  /** Whether {@link Sim.close} has been called. */
  get closed(): boolean {
    return this.#data === null;
  }

  /** Live views of the data arrays (valid until the next WASM allocation that grows memory). */
  get v(): SimViews {
    const views = this.#views;
    if (views !== null && views.qpos.buffer.byteLength !== 0) return views;
    const d = this.data;
    this.#views = {
      qpos: d.qpos,
      qvel: d.qvel,
      ctrl: d.ctrl,
      xpos: d.xpos,
      xipos: d.xipos,
      site_xpos: d.site_xpos,
      cinert: d.cinert,
      cvel: d.cvel,
      cfrc_ext: d.cfrc_ext,
      qfrc_actuator: d.qfrc_actuator,
      qfrc_constraint: d.qfrc_constraint,
      ten_length: d.ten_length,
      ten_velocity: d.ten_velocity,
    };
    return this.#views;
  }

  /** Simulation time in seconds. */
  get time(): number {
    return this.data.time;
  }

  /** `mj_resetData`: qpos = qpos0, qvel = 0, ctrl = 0, time = 0, derived fields zeroed. */
  resetData(): void {
    this.mj.mj_resetData(this.model, this.data);
  }

  /** `mj_forward`: recompute every derived quantity from the current state. */
  forward(): void {
    this.mj.mj_forward(this.model, this.data);
  }

  /** `mj_step` once. */
  step(): void {
    this.mj.mj_step(this.model, this.data);
  }

  /** `mj_rnePostConstraint`: fills cfrc_ext, cfrc_int and cacc. */
  rnePostConstraint(): void {
    this.mj.mj_rnePostConstraint(this.model, this.data);
  }

  /** Counts of MuJoCo's instability warnings since the last reset, by name. */
  instabilityWarnings(): Record<string, number> {
    const counts: Record<string, number> = {};
    // `data.warning` is a reference into the MjData (deleting it frees MjData's memory), so it
    // is not deleted here; each element read from it is a copy and is deleted.
    const vec = this.data.warning;
    for (const [index, name] of WARNINGS) {
      const stat = vec.get(index);
      if (stat) {
        counts[name] = stat.number;
        stat.delete();
      }
    }
    return counts;
  }

  /** Deletes the owned `MjData` (once; later calls do nothing). */
  close(): void {
    if (this.#data) {
      this.#data.delete();
      this.#data = null;
      this.#views = null;
    }
  }
}

/** Creates a {@link Sim} for a compiled model. */
export async function createSim(model: MjModel): Promise<Sim> {
  return new Sim(await loadMujoco(), model);
}
