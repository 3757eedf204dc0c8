/**
 * Small helpers shared by the task files: name lookups that fail with a clear error when a
 * replacement model (`xmlFile`) lacks an element the task needs.
 * @module
 */
import type { Sim } from "../mujoco.ts";

function lookup(sim: Sim, kind: "mjOBJ_BODY" | "mjOBJ_SITE", what: string, name: string): number {
  const id = sim.mj.mj_name2id(sim.model, sim.mj.mjtObj[kind].value, name);
  if (id < 0) throw new Error(`Cannot use this model: it has no ${what} named "${name}"`);
  return id;
}

/** Id of the body `name`. */
export function bodyId(sim: Sim, name: string): number {
  return lookup(sim, "mjOBJ_BODY", "body", name);
}

/** Id of the site `name`. */
export function siteId(sim: Sim, name: string): number {
  return lookup(sim, "mjOBJ_SITE", "site", name);
}

/** Throws unless the model has exactly the sizes a task's observation assumes. */
export function requireSizes(
  sim: Sim,
  task: string,
  sizes: { nq?: number; nv?: number; nu?: number },
): void {
  for (const [key, want] of Object.entries(sizes)) {
    const got = sim[key as "nq" | "nv" | "nu"];
    if (got !== want) {
      throw new Error(`Cannot use this model for ${task}: ${key} is ${got}, expected ${want}`);
    }
  }
}

/** Writes qpos[skip:] then qvel (each clipped to ±velClip when given) into `out`. */
export function observePositionsVelocities(
  qpos: Float64Array,
  qvel: Float64Array,
  skip: number,
  out: Float64Array,
  velClip = Infinity,
): void {
  let k = 0;
  for (let i = skip; i < qpos.length; i++) out[k++] = qpos[i];
  for (let i = 0; i < qvel.length; i++) {
    const x = qvel[i];
    out[k++] = x < -velClip ? -velClip : x > velClip ? velClip : x;
  }
}
