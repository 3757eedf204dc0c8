/**
 * Deterministic evaluation: the episode loop that both the training loop's evaluations
 * (docs/design.md §7, the `eval` rows of the run store) and the library's {@link evaluate} run, so
 * that the same policy from the same reset seeds gives the same numbers in both, bit for bit.
 *
 * Evaluation is Stable-Baselines3's `evaluate_policy(return_episode_rewards=True)`: undiscounted
 * returns and lengths of whole episodes, without exploration noise unless asked for.
 * @module
 */
import type { Agent } from "../agent.ts";
import { memberRng } from "../rng.ts";
import { checkKnownKeys, checkNumber, ValidationError } from "../errors.ts";
import { makeEnv } from "../../physics/registry.ts";
import type { Env, EnvLike, EnvOptions } from "../../physics/types.ts";
import { encodeRollout, recordRollout } from "../../physics/rollout.ts";
import { CheckedEnv, checkEnvLike, checkEvalEnvOptions } from "./env_source.ts";

/** Stream of the training loop's evaluation reset seeds (after the agent's and the loop's). */
const EVAL_STREAM = 5;

/**
 * The first reset seed of member `member`'s evaluations in a run whose seeds start at `seed`:
 * evaluation episode e of that member starts from `reset({ seed: (first + e) >>> 0 })`. Passing
 * it to {@link evaluate} reproduces the run's `eval` rows.
 *
 * @param seed The run's first seed (`config.seeds[0]`).
 * @param member The population index (0 for a single-seed run).
 * @returns A uint32.
 * @example
 * ```ts
 * import { evaluationSeed } from "./evaluate.ts";
 * console.log(evaluationSeed(0, 0) === evaluationSeed(0, 0)); // true: a fixed seed per member
 * ```
 */
export function evaluationSeed(seed: number, member: number): number {
  return memberRng(seed, member, EVAL_STREAM).nextUint32();
}

/** Returns and lengths of evaluation episodes, `[member][episode]`. */
export interface EpisodeTotals {
  /** Undiscounted return of each episode. */
  returns: number[][];
  /** Steps of each episode. */
  lengths: number[][];
}

/**
 * Runs `episodes` whole episodes on each of P environments, all stepped together: episode e of
 * environment p starts from `reset({ seed: (seeds[p] + e) >>> 0 })`, and each step `act` maps
 * the P current observations (`[P, O]`) to P actions (`[P, A]`). An environment whose episode
 * has ended keeps its last observation in the batch until every episode of the round has ended.
 * The training loop's evaluation and {@link evaluate} both run this.
 *
 * @param envs P environments with equal sizes.
 * @param act The policy of all P members at once.
 * @param seeds P first reset seeds.
 * @param episodes Episodes per environment.
 * @returns Returns and lengths, `[P][episodes]`.
 */
export function runEpisodes(
  envs: readonly EnvLike[],
  act: (observations: Float32Array) => Float32Array,
  seeds: readonly number[],
  episodes: number,
): EpisodeTotals {
  const P = envs.length;
  const O = envs[0].observationSize, A = envs[0].actionSize;
  const returns: number[][] = Array.from({ length: P }, () => []);
  const lengths: number[][] = Array.from({ length: P }, () => []);
  const obs = new Float32Array(P * O);
  for (let e = 0; e < episodes; e++) {
    const alive = new Array(P).fill(true);
    const total = new Array(P).fill(0);
    const steps = new Array(P).fill(0);
    for (let p = 0; p < P; p++) {
      obs.set(envs[p].reset({ seed: (seeds[p] + e) >>> 0 }).observation, p * O);
    }
    let living = P;
    while (living > 0) {
      const actions = act(obs);
      for (let p = 0; p < P; p++) {
        if (!alive[p]) continue;
        const r = envs[p].step(actions.subarray(p * A, (p + 1) * A));
        total[p] += r.reward;
        steps[p]++;
        obs.set(r.observation, p * O);
        if (r.terminated || r.truncated) {
          alive[p] = false;
          living--;
        }
      }
    }
    for (let p = 0; p < P; p++) {
      returns[p].push(total[p]);
      lengths[p].push(steps[p]);
    }
  }
  return { returns, lengths };
}

/** Mean and standard deviation (population form: divided by the count, as SB3 and NumPy's default). */
export function meanStd(values: readonly number[]): { mean: number; std: number } {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const std = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
  return { mean, std };
}

/** What one evaluation of a training population gives. */
export interface PopulationEvaluation {
  /** Returns per member and episode, `[member][episode]`. */
  returns: number[][];
  /** Each member's mean and standard deviation of its returns. */
  stats: { mean: number; std: number }[];
  /** The mean over members of their mean return (what `bestEval` tracks). */
  mean: number;
}

/**
 * One evaluation of the training loop: `episodes` deterministic episodes per member of the
 * population `agent` on `envs` (member p's), all members stepped together, from the members'
 * evaluation seeds (`seeds`, from {@link evaluationSeed}).
 */
export function evaluatePopulation(
  agent: Agent,
  envs: readonly EnvLike[],
  seeds: readonly number[],
  episodes: number,
): PopulationEvaluation {
  const { returns } = runEpisodes(
    envs,
    (obs) => agent.act(obs, { explore: false }),
    seeds,
    episodes,
  );
  const stats = returns.map((r) => meanStd(r));
  const mean = stats.reduce((a, b) => a + b.mean, 0) / stats.length;
  return { returns, stats, mean };
}

/**
 * One deterministic episode of member 0 of the population `agent` on a task `env`, as the run
 * page's viewer replays it (physics/rollout.ts), encoded for `rollouts/<label>.json`.
 */
export async function recordPolicyRollout(agent: Agent, env: Env, seed: number): Promise<string> {
  const { population: P, observationSize: O, actionSize: A } = agent.config;
  const padded = new Float32Array(P * O);
  const policy = (observation: Float32Array) => {
    padded.set(observation, 0);
    return agent.act(padded, { explore: false }).slice(0, A);
  };
  return encodeRollout(await recordRollout(env, policy, { episodes: 1, fps: 30, seed }));
}

/** A policy written as a function: one observation in, one action out. */
export type PolicyFunction = (observation: Float32Array) => Float32Array | ArrayLike<number>;

/** Options of {@link evaluate}. */
export interface EvaluateOptions {
  /** Episodes to run (default 10, as SB3's `n_eval_episodes`). */
  episodes?: number;
  /** Reset seed of the first episode; episode e uses `seed + e` (mod 2³²). Default 0. */
  seed?: number;
  /**
   * The agent's deterministic policy (default true); false adds its exploration noise (which
   * advances the agent's exploration streams). A function policy is called as it is.
   */
  deterministic?: boolean;
  /** The member of a population agent to evaluate (required when it has more than one). */
  member?: number;
  /** Options of the task when `env` is a task name (`makeEnv`'s, without `seed`). */
  envOptions?: EnvOptions;
}

/** What {@link evaluate} returns, as SB3's `evaluate_policy(return_episode_rewards=True)`. */
export interface EvaluateResult {
  /** Mean of `returns`. */
  mean: number;
  /** Standard deviation of `returns` (population form: divided by their count). */
  std: number;
  /** Undiscounted return of each episode, in order. */
  returns: number[];
  /** Steps of each episode, in order. */
  lengths: number[];
}

const EVALUATE_KEYS = ["episodes", "seed", "deterministic", "member", "envOptions"];

/**
 * Runs whole episodes of a policy on an environment and returns their returns and lengths, as
 * Stable-Baselines3's `evaluate_policy`. It runs the training loop's own evaluation
 * ({@link runEpisodes}), so an agent loaded from a run's checkpoint, evaluated with
 * `seed: evaluationSeed(config.seeds[0], member)` and `episodes: config.evalEpisodes`, gives that
 * run's `eval` row at the checkpoint's step exactly.
 *
 * @param policy An agent (`options.member` picks one of a population) or a function from one
 *   observation to one action.
 * @param env A task name (one of `listEnvs()`, made with `options.envOptions` and closed
 *   afterwards) or an environment object (an `Env` or any {@link EnvLike}; left open).
 * @param options Episodes, first reset seed, determinism, member, task options.
 * @returns Mean and standard deviation of the returns, every return and every length.
 * @example
 * ```ts
 * import { createAgent, evaluate } from "../../mod.ts";
 * const agent = await createAgent("td3", { observationSize: 4, actionSize: 1, actionLow: [-3], actionHigh: [3] });
 * const { mean, std, returns, lengths } = await evaluate(agent, "InvertedPendulum", { episodes: 5, seed: 0 });
 * console.log(mean, std, returns.length, lengths.length); // … … 5 5
 * const zero = await evaluate(() => [0], "InvertedPendulum", { episodes: 2 }); // a function policy
 * console.log(zero.lengths);
 * agent.dispose();
 * ```
 */
export async function evaluate(
  policy: Agent | PolicyFunction,
  env: EnvLike | string,
  options: EvaluateOptions = {},
): Promise<EvaluateResult> {
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new ValidationError("options", options, "an object of evaluate options");
  }
  checkKnownKeys("options", options as Record<string, unknown>, EVALUATE_KEYS);
  const episodes = options.episodes === undefined
    ? 10
    : checkNumber("options.episodes", options.episodes, { min: 1, max: 1e6, integer: true });
  const seed = options.seed === undefined
    ? 0
    : checkNumber("options.seed", options.seed, { min: 0, max: 2 ** 32 - 1, integer: true });
  const deterministic = options.deterministic ?? true;
  if (typeof deterministic !== "boolean") {
    throw new ValidationError("options.deterministic", deterministic, "true or false");
  }
  const isAgent = isAgentLike(policy);
  if (!isAgent && typeof policy !== "function") {
    throw new ValidationError(
      "policy",
      policy,
      "an Agent (createAgent, loadAgent) or a function from an observation to an action",
    );
  }
  let member = 0;
  if (isAgent) {
    const P = policy.population;
    if (options.member === undefined && P > 1) {
      throw new ValidationError(
        "options.member",
        undefined,
        `an integer in [0, ${
          P - 1
        }]: the agent is a population of ${P}; say which member to evaluate`,
      );
    }
    if (options.member !== undefined) {
      member = checkNumber("options.member", options.member, { min: 0, max: P - 1, integer: true });
    }
  } else if (options.member !== undefined) {
    throw new ValidationError("options.member", options.member, "nothing for a function policy");
  }
  let owned: EnvLike | undefined;
  let target: EnvLike;
  if (typeof env === "string") {
    const envOptions = checkEvalEnvOptions(options.envOptions);
    owned = target = await makeEnv(env, envOptions);
  } else {
    if (options.envOptions !== undefined) {
      throw new ValidationError(
        "options.envOptions",
        options.envOptions,
        "nothing when env is an object (configure the object itself); options go with a task name",
      );
    }
    target = new CheckedEnv(checkEnvLike(env, "env"));
  }
  try {
    const O = target.observationSize, A = target.actionSize;
    let act: (observations: Float32Array) => Float32Array;
    if (isAgent) {
      const agent = policy as Agent;
      const { observationSize, actionSize, population: P } = agent.config;
      if (observationSize !== O || actionSize !== A) {
        throw new ValidationError(
          "env",
          target.name ?? "custom",
          `an environment of the agent's sizes: observations ${observationSize} and actions ${actionSize} (this one has ${O} and ${A})`,
        );
      }
      // a population agent acts for all its members at once; the others see zeros and are
      // ignored (members are independent, so member `member`'s actions do not depend on them)
      const padded = new Float32Array(P * O);
      act = (observations) => {
        padded.set(observations, member * O);
        return agent.act(padded, { explore: !deterministic }).slice(member * A, (member + 1) * A);
      };
    } else {
      const fn = policy as PolicyFunction;
      act = (observations) => checkAction(fn(observations.slice()), A);
    }
    const { returns, lengths } = runEpisodes([target], act, [seed], episodes);
    return { ...meanStd(returns[0]), returns: returns[0], lengths: lengths[0] };
  } finally {
    owned?.close?.();
  }
}

/** An Agent, also one from another copy of this module (where `instanceof` would fail). */
function isAgentLike(value: unknown): value is Agent {
  const v = value as Agent;
  return typeof value === "object" && value !== null && typeof v.act === "function" &&
    typeof v.population === "number" && typeof v.config === "object";
}

/** A function policy's action as a Float32Array of `A` finite numbers. */
function checkAction(action: unknown, A: number): Float32Array {
  const ok = (action instanceof Float32Array || Array.isArray(action) ||
    ArrayBuffer.isView(action)) && (action as ArrayLike<number>).length === A;
  if (!ok) {
    throw new ValidationError(
      "policy(observation)",
      action,
      `an action: a Float32Array or array of ${A} numbers`,
    );
  }
  const out = action instanceof Float32Array ? action : Float32Array.from(action as number[]);
  for (let j = 0; j < A; j++) {
    if (!Number.isFinite(out[j])) {
      throw new ValidationError(`policy(observation)[${j}]`, out[j], "a finite number");
    }
  }
  return out;
}
