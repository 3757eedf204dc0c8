/**
 * What the /learn page's form offers and starts with (server side): the tasks, the algorithms
 * (every one has a fused path), each task's default settings as `deno task train` resolves them
 * (InvertedPendulum: the embedded default's demo budget, which learns in seconds; the other
 * tasks: the paper's settings, docs/algorithms.md), and the query's choices
 * (`?env=…&algo=…&autostart=1`, any form field by its config name).
 * @module
 */
import { ALGORITHMS, applicableHyperparameters } from "../config.ts";
import { EMBEDDED_DEFAULT, ENVS, resolveTrainConfig } from "../train/config.ts";

/** The settings the form shows, by their config.json names. */
export const FORM_FIELDS = [
  "seeds",
  "steps",
  "startSteps",
  "updateAfter",
  "lrActor",
  "lrCritic",
  "evalEvery",
  "evalEpisodes",
  "k1k2",
] as const;
/** One form field. */
export type FormField = typeof FORM_FIELDS[number];

/** The tasks the page offers first (the list); the others follow. */
const FIRST = ["InvertedPendulum", "InvertedDoublePendulum", "Reacher", "HalfCheetah", "Hopper"];

/** Props of islands/LearnPage.tsx. */
export interface LearnPageProps {
  /** The tasks offered. */
  envs: string[];
  /** The algorithms offered. */
  algos: string[];
  /** Algorithms that take `k1k2` (the FS* forms). */
  k1k2Algos: string[];
  /** Per task: every setting sent to the worker (form fields and the rest), as strings. */
  defaults: Record<string, Record<string, string>>;
  /** The task, algorithm and settings to start with. */
  initial: { env: string; algo: string; settings: Record<string, string>; autostart: boolean };
  /** Problems with the query, one line each. */
  errors: string[];
}

/** The settings sent to the worker besides the form's. */
const HIDDEN = ["checkpointEvery", "recordEvery"] as const;

function defaultsOf(env: string): Record<string, string> {
  const config = resolveTrainConfig(env === EMBEDDED_DEFAULT.env ? {} : { env });
  const out: Record<string, string> = {};
  for (const key of [...FORM_FIELDS, ...HIDDEN]) {
    const value = (config as unknown as Record<string, unknown>)[key];
    out[key] = Array.isArray(value) ? value.join(",") : String(value);
  }
  return out;
}

/** The page's props for the query `query`. */
export function learnPageProps(query: URLSearchParams): LearnPageProps {
  const envs = [...FIRST, ...ENVS.filter((e) => !FIRST.includes(e))];
  const algos = [...ALGORITHMS];
  const errors: string[] = [];
  const choose = (key: string, allowed: string[], fallback: string) => {
    const value = query.get(key);
    if (value === null || allowed.includes(value)) return value ?? fallback;
    errors.push(`${key}: got ${JSON.stringify(value)}; allowed: ${allowed.join(", ")}`);
    return fallback;
  };
  const env = choose("env", envs, EMBEDDED_DEFAULT.env);
  const algo = choose("algo", algos, EMBEDDED_DEFAULT.algo);
  const defaults = Object.fromEntries(envs.map((e) => [e, defaultsOf(e)]));
  const settings = { ...defaults[env] };
  for (const key of FORM_FIELDS) {
    const value = query.get(key);
    if (value !== null) settings[key] = value;
  }
  return {
    envs,
    algos,
    k1k2Algos: algos.filter((a) => applicableHyperparameters(a).includes("k1k2")),
    defaults,
    initial: {
      env,
      algo,
      settings,
      autostart: query.get("autostart") === "1" && errors.length === 0,
    },
    errors,
  };
}
