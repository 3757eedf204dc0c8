/**
 * Outside-oracle comparison (docs/environments.md §12): replays Gymnasium's recorded trajectories
 * (from `gymnasium_trajectories.py`) in our envs from the same start state and actions, and
 * prints the largest differences of observations, rewards, info terms and flags. Not part of
 * the test suite; Gymnasium is never a dependency.
 *
 * `deno run --allow-read physics/oracle/compare.ts /tmp/gym_traj.json`
 * @module
 */
import { makeEnv } from "../mod.ts";

interface OracleStep {
  a: number[];
  obs: number[];
  r: number;
  te: boolean;
  tr: boolean;
  info: Record<string, number>;
}

interface OracleRun {
  env: string;
  kwargs: Record<string, unknown>;
  qpos: number[];
  qvel: number[];
  obs0: number[];
  steps: OracleStep[];
}

function maxRelDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let m = 0, scale = 1;
  for (let i = 0; i < b.length; i++) scale = Math.max(scale, Math.abs(b[i]));
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m / scale;
}

/** Compares our envs with the recorded Gymnasium runs; returns the report lines. */
export async function compareWithOracle(runs: Record<string, OracleRun>): Promise<string[]> {
  const lines = [
    "| task | steps | obs (reset) | obs (max) | reward | info | flags differ |",
    "| --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const [name, run] of Object.entries(runs)) {
    // Gymnasium's snake_case keyword → our camelCase option.
    const options = Object.fromEntries(
      Object.entries(run.kwargs).map((
        [k, v],
      ) => [k.replace(/_([a-z])/g, (_, c) => c.toUpperCase()), v]),
    );
    const env = await makeEnv(run.env, { seed: 0, ...options });
    env.reset();
    const first = maxRelDiff(env.setState(run.qpos, run.qvel), run.obs0);
    let obs = 0, reward = 0, info = 0, flags = 0;
    for (const s of run.steps) {
      const r = env.step(new Float32Array(s.a));
      obs = Math.max(obs, maxRelDiff(r.observation, s.obs));
      reward = Math.max(reward, Math.abs(r.reward - s.r) / (1 + Math.abs(s.r)));
      for (const [k, v] of Object.entries(s.info)) {
        const mine = r.info[k];
        info = Math.max(
          info,
          typeof mine === "number" ? Math.abs(mine - v) / (1 + Math.abs(v)) : Infinity,
        );
      }
      if (r.terminated !== s.te || r.truncated !== s.tr) flags++;
    }
    env.close();
    const e = (x: number) => x.toExponential(1);
    lines.push(
      `| ${name} | ${run.steps.length} | ${e(first)} | ${e(obs)} | ${e(reward)} | ${
        e(info)
      } | ${flags} |`,
    );
  }
  return lines;
}

if (import.meta.main) {
  const runs = JSON.parse(await Deno.readTextFile(Deno.args[0] ?? "gym_traj.json"));
  console.log((await compareWithOracle(runs)).join("\n"));
}
