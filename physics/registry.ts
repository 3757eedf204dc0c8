/**
 * The task registry: `listEnvs()` and `makeEnv(name, options)`.
 * @module
 */
import { nearest, ValidationError } from "../lib/errors.ts";
import { createEnv, type TaskSpec } from "./env.ts";
import type { Env, EnvOptions } from "./types.ts";
import { ant } from "./tasks/ant.ts";
import { halfCheetah } from "./tasks/half_cheetah.ts";
import { hopper } from "./tasks/hopper.ts";
import { humanoid } from "./tasks/humanoid.ts";
import { invertedDoublePendulum } from "./tasks/inverted_double_pendulum.ts";
import { invertedPendulum } from "./tasks/inverted_pendulum.ts";
import { reacher } from "./tasks/reacher.ts";
import { swimmer } from "./tasks/swimmer.ts";
import { walker2d } from "./tasks/walker2d.ts";

const TASKS: readonly TaskSpec[] = [
  ant,
  halfCheetah,
  hopper,
  humanoid,
  invertedDoublePendulum,
  invertedPendulum,
  reacher,
  swimmer,
  walker2d,
];

/**
 * The names of the nine MuJoCo tasks (Gymnasium v5 semantics), in alphabetical order.
 *
 * @example
 * ```ts
 * import { listEnvs } from "./mod.ts";
 * console.log(listEnvs()); // ["Ant", "HalfCheetah", …, "Walker2d"]
 * ```
 */
export function listEnvs(): string[] {
  return TASKS.map((t) => t.name);
}

/** The spec of a task by name; an unknown name lists the known ones. */
export function taskSpec(name: string): TaskSpec {
  const spec = TASKS.find((t) => t.name === name);
  if (!spec) {
    const names = listEnvs();
    const hint = typeof name === "string" ? nearest(name, names) : undefined;
    throw new ValidationError(
      "env",
      name,
      `one of ${names.map((n) => `"${n}"`).join(", ")}${hint ? ` (did you mean "${hint}"?)` : ""}`,
    );
  }
  return spec;
}

/**
 * Creates one environment of a task, with Gymnasium v5's observations, rewards, terminations,
 * resets and options. Options are camelCase versions of Gymnasium's (`resetNoiseScale`,
 * `ctrlCostWeight`, `healthyZRange`, `excludeCurrentPositionsFromObservation`, …) with the same
 * defaults, plus `seed`, `maxEpisodeSteps`, `frameSkip` and `xmlFile`; unknown options throw a
 * {@link ValidationError}. Call `reset()` before the first `step()`, and `close()` when done.
 *
 * @param name One of {@link listEnvs}.
 * @param options Common and task options.
 * @returns The environment.
 * @example
 * ```ts
 * import { makeEnv } from "./mod.ts";
 * const env = await makeEnv("HalfCheetah", { seed: 1 });
 * const { observation } = env.reset();
 * const { reward, info } = env.step(new Float32Array(env.actionSize));
 * console.log(observation.length, reward, info.reward_ctrl); // 17 … 0
 * env.close();
 * ```
 */
export async function makeEnv(name: string, options: EnvOptions = {}): Promise<Env> {
  return await createEnv(taskSpec(name), options);
}

/**
 * The options a task accepts and their defaults (Gymnasium v5's, in camelCase), including the
 * common `frameSkip` and `maxEpisodeSteps`; `seed` and `xmlFile` have no default. Useful for
 * help texts and run configs.
 *
 * @param name One of {@link listEnvs}.
 * @returns A fresh object of option name → default value.
 * @example
 * ```ts
 * import { envDefaults } from "./mod.ts";
 * console.log(envDefaults("Hopper").healthyZRange); // [0.7, Infinity]
 * ```
 */
export function envDefaults(name: string): Record<string, unknown> {
  const spec = taskSpec(name);
  const out: Record<string, unknown> = {
    frameSkip: spec.frameSkip,
    maxEpisodeSteps: spec.maxEpisodeSteps,
  };
  for (const [key, value] of Object.entries(spec.defaults)) {
    out[key] = Array.isArray(value) ? [...value] : value;
  }
  return out;
}
