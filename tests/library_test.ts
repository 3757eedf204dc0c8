// The library surface for programs (README, "The library"): evaluate(), train() on a user's
// environment, envOptions, callbacks that stop a run, and validation of all of them.
import { assert, assertEquals } from "./assert.ts";
import {
  type EnvLike,
  type EvalRow,
  evaluate,
  evaluationSeed,
  listRuns,
  loadAgent,
  makeEnv,
  openRun,
  resumeRun,
  train,
  ValidationError,
} from "../mod.ts";
import { readTrainerState } from "../lib/train/checkpoint.ts";
import { createApp } from "../lib/ui/app.ts";
import { parseArgs, resolveRuns } from "../cli/train.ts";

/**
 * A point mass on a line that should reach the origin: observation [x, v], action [force] in
 * [-1, 1], reward −|x| − 0.01·force², no termination, 40 steps. The start x in [-1, 1] comes from
 * the reset seed, so the same seed and actions give the same episode (what a resume needs).
 */
class PointMass implements EnvLike {
  readonly name: string = "PointMass";
  readonly observationSize = 2;
  readonly actionSize = 1;
  readonly actionLow = Float32Array.of(-1);
  readonly actionHigh = Float32Array.of(1);
  readonly maxEpisodeSteps = 40;
  closed = false;
  #x = 0;
  #v = 0;
  #seed = 0;
  constructor(readonly options: { seed?: number; drag?: number } = {}) {
    this.#seed = options.seed ?? 0;
  }
  reset({ seed }: { seed?: number } = {}) {
    if (seed !== undefined) this.#seed = seed;
    this.#seed = (Math.imul(this.#seed, 1103515245) + 12345) >>> 0;
    this.#x = (this.#seed % 2001) / 1000 - 1;
    this.#v = 0;
    return { observation: Float32Array.of(this.#x, this.#v) };
  }
  step(action: Float32Array) {
    const force = action[0];
    this.#v = (1 - (this.options.drag ?? 0.1)) * this.#v + 0.1 * force;
    this.#x += 0.1 * this.#v;
    const reward = -Math.abs(this.#x) - 0.01 * force * force;
    // no truncation here: the loop ends episodes at maxEpisodeSteps (Gymnasium's TimeLimit)
    return {
      observation: Float32Array.of(this.#x, this.#v),
      reward,
      terminated: false,
      truncated: false,
    };
  }
  close() {
    this.closed = true;
  }
}

/** The ValidationError `call` rejects with (anything else fails the test). */
async function rejection(call: () => Promise<unknown>): Promise<ValidationError> {
  try {
    await call();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error("expected a ValidationError, got none");
}

const FAST = {
  algo: "td3" as const,
  backend: "wasm" as const,
  hidden: [16, 16],
  startSteps: 100,
  updateAfter: 100,
  evalEpisodes: 2,
  recordEvery: 0,
  checkpointEvery: 0,
};

const evalRows = (metrics: { type: string }[]) =>
  metrics.filter((r): r is EvalRow => r.type === "eval");

Deno.test("evaluate() gives the run's eval rows for the agent of its last checkpoint and its seeds", async () => {
  const out = await Deno.makeTempDir();
  const result = await train({
    ...FAST,
    env: "InvertedPendulum",
    seeds: [3, 4],
    steps: 300,
    startSteps: 200,
    updateAfter: 200,
    evalEvery: 0,
    out,
  });
  const run = await openRun(result.dir);
  const agent = await loadAgent(`${result.dir}/checkpoints/last`);
  const env = await makeEnv("InvertedPendulum");
  try {
    const final = evalRows(run.metrics).filter((r) => r.step === 300);
    assertEquals(final.map((r) => r.member), [0, 1]);
    for (const row of final) {
      const options = { member: row.member, seed: evaluationSeed(3, row.member), episodes: 2 };
      const byName = await evaluate(agent, "InvertedPendulum", options);
      // the same numbers, bit for bit: the loop and evaluate() run one episode loop
      assertEquals(byName.returns, row.returns);
      assertEquals([byName.mean, byName.std], [row.returnMean, row.returnStd]);
      // InvertedPendulum pays 1 per step but 0 for the step that terminates (Gymnasium v5)
      assert(byName.lengths.every((n, i) => n - row.returns[i] === 1 || n === 1000));
      // an Env object (checked, and left open) gives the same
      assertEquals((await evaluate(agent, env, options)).returns, row.returns);
    }
  } finally {
    env.close();
    agent.dispose();
  }
  await Deno.remove(out, { recursive: true });
});

Deno.test("evaluate() runs a function policy, deterministically, with envOptions for a task name", async () => {
  const zero = (_observation: Float32Array) => [0];
  const a = await evaluate(zero, "InvertedPendulum", { episodes: 3, seed: 7 });
  const b = await evaluate(zero, "InvertedPendulum", { episodes: 3, seed: 7 });
  assertEquals(a, b);
  assertEquals(a.returns.length, 3);
  assertEquals(a.returns, a.lengths.map((n) => n - 1)); // the terminating step pays 0
  const short = await evaluate(zero, "InvertedPendulum", {
    episodes: 2,
    envOptions: { maxEpisodeSteps: 2 },
  });
  assertEquals(short.lengths, [2, 2]);
  // a user's environment: the TimeLimit of maxEpisodeSteps ends its episodes
  const mass = new PointMass();
  const pushed = await evaluate((obs) => Float32Array.of(-Math.sign(obs[0])), mass, {
    episodes: 2,
  });
  assertEquals(pushed.lengths, [40, 40]);
  assert(!mass.closed, "an environment object is the caller's to close");
});

Deno.test("evaluate() names what is wrong with its arguments", async () => {
  const cases: [() => Promise<unknown>, string][] = [
    [() => evaluate(() => [0], "InvertedPendulum", { episodes: 0 }), "options.episodes: got 0"],
    [
      () => evaluate(() => [0], "InvertedPendulum", { episods: 2 } as never),
      'options.episods: got 2; allowed: no such option (did you mean "episodes"?)',
    ],
    [() => evaluate(() => [0, 0], "InvertedPendulum"), "policy(observation): got [0,0]"],
    [() => evaluate(42 as never, "InvertedPendulum"), "policy: got 42"],
    [
      () => evaluate(() => [0], "InvertedPendulum", { envOptions: { seed: 1 } }),
      "options.envOptions.seed: got 1",
    ],
    [() => evaluate(() => [0], new PointMass(), { member: 1 }), "options.member: got 1"],
    [
      () => evaluate(() => [0], { ...new PointMass(), actionSize: 0 } as never),
      "env.actionSize: got 0",
    ],
  ];
  for (const [call, message] of cases) {
    const error = await rejection(call);
    assert(error.message.startsWith(message), error.message);
  }
});

Deno.test("train() trains a user's environment, stores it as its name, and resumes only with it passed again", async () => {
  const out = await Deno.makeTempDir();
  const mass = new PointMass();
  const result = await train({ ...FAST, env: mass, steps: 300, evalEvery: 150, out });
  assertEquals([result.status, result.env, result.stepsDone], ["finished", "PointMass", 300]);
  assert(result.id.startsWith("PointMass-td3-"), result.id);
  assert(!mass.closed, "the user's object is the user's to close");
  const run = await openRun(result.dir);
  assertEquals([run.config.env, run.config.customEnv], ["PointMass", true]);
  assertEquals(evalRows(run.metrics).map((r) => r.step), [0, 150, 300]);
  assertEquals(evalRows(run.metrics).map((r) => r.returns.length), [2, 2, 2]);
  // it learns to push the mass home: observed (wasm, seed 0) mean returns -22.8, -9.8, -8.3
  const means = evalRows(run.metrics).map((r) => r.returnMean);
  assert(means[2] > means[0] + 5, means.join());
  assert(run.metrics.filter((r) => r.type === "episode").every((r) => r.length === 40));
  assertEquals(run.rollouts, []); // rollouts replay MuJoCo models only
  assertEquals(run.checkpoints, ["best", "last"]);
  // the one object served training and evaluation: the training episode was replayed after each
  // evaluation, so the run is the one a factory (separate objects) gives, bit for bit
  const separate = await train({
    ...FAST,
    env: (options) => new PointMass(options),
    steps: 300,
    evalEvery: 150,
    out,
    name: "separate",
  });
  const rows = (r: { metrics: { type: string }[] }) =>
    r.metrics.filter((m) => m.type !== "update").map((m) => ({ ...m, time: 0 }));
  assertEquals(rows(await openRun(separate.dir)), rows(run));
  // resuming needs the environment again
  const missing = await rejection(() => resumeRun(result.dir, { steps: 400 }));
  assert(missing.message.startsWith("env: got undefined; allowed: the environment run"));
  class Renamed extends PointMass {
    override readonly name = "Other";
  }
  const renamed = await rejection(() => resumeRun(result.dir, { steps: 400, env: new Renamed() }));
  assert(renamed.message.startsWith('env: got "Other"; allowed: the environment run'));
  const resumed = await resumeRun(result.dir, { steps: 400, env: mass });
  assertEquals([resumed.status, resumed.stepsDone], ["finished", 400]);
  await Deno.remove(out, { recursive: true });
});

Deno.test("train() trains a population on a user's environment factory, with envOptions passed to it", async () => {
  const out = await Deno.makeTempDir();
  const made: { seed: number; drag?: number }[] = [];
  const factory = (options: { seed: number; drag?: number }) => {
    made.push(options);
    return new PointMass(options);
  };
  const result = await train({
    ...FAST,
    env: factory as never,
    envOptions: { drag: 0.5 },
    seeds: [0, 1],
    steps: 200,
    evalEvery: 0,
    out,
  });
  assertEquals(result.status, "finished");
  // a training and an evaluation environment per member, with the member's seed
  assertEquals(made.map((m) => m.seed).sort(), [0, 0, 1, 1]);
  assert(made.every((m) => m.drag === 0.5));
  assertEquals((await openRun(result.dir)).config.envOptions, { drag: 0.5 });
  await Deno.remove(out, { recursive: true });
});

Deno.test("train() passes envOptions to the task, stores them and reads them back on resume", async () => {
  const out = await Deno.makeTempDir();
  const result = await train({
    ...FAST,
    env: "Hopper",
    envOptions: { maxEpisodeSteps: 7, healthyZRange: [0.5, Infinity] },
    steps: 60,
    startSteps: 60,
    updateAfter: 60,
    evalEvery: 0,
    out,
  });
  const run = await openRun(result.dir);
  // JSON has no Infinity: config.json keeps the unbounded end as a string
  assertEquals(run.config.envOptions, { maxEpisodeSteps: 7, healthyZRange: [0.5, "Infinity"] });
  const lengths = run.metrics.flatMap((r) =>
    r.type === "episode" ? [r.length] : r.type === "eval" ? [] : []
  );
  assert(lengths.length > 0 && lengths.every((n) => n <= 7), lengths.join());
  const resumed = await resumeRun(result.dir, { steps: 70 });
  assertEquals([resumed.status, resumed.stepsDone], ["finished", 70]);
  await Deno.remove(out, { recursive: true });
});

Deno.test('train cli: --env-options takes a JSON object, with "Infinity" for an unbounded end', async () => {
  const [config] = await resolveRuns(
    parseArgs(["--env", "Hopper", "--env-options", '{"healthyZRange":[0.5,"Infinity"]}']),
  );
  assertEquals(config.envOptions, { healthyZRange: [0.5, Infinity] });
  const bad = await rejection(() => resolveRuns(parseArgs(["--env-options", "[1]"])));
  assert(bad.message.startsWith('--env-options: got "[1]"; allowed: a JSON object'), bad.message);
});

Deno.test("a callback that returns false stops the run early: a checkpoint, and finished with stoppedEarly", async () => {
  const out = await Deno.makeTempDir();
  const seen = { episodes: 0, evals: [] as number[], checkpoints: [] as string[] };
  const result = await train(
    { ...FAST, env: new PointMass(), steps: 1000, evalEvery: 100, out },
    {
      onEpisode: ({ row }) => {
        assertEquals(row.type, "episode");
        return ++seen.episodes < 5; // the 5th episode ends at step 200
      },
      onEval: ({ step, rows, mean, agent }) => {
        assertEquals(mean, rows[0].returnMean);
        assertEquals(agent.population, 1);
        seen.evals.push(step);
      },
      onCheckpoint: ({ name, path }) => {
        seen.checkpoints.push(name);
        assert(path.endsWith(`/checkpoints/${name}`));
      },
    },
  );
  assertEquals(
    [result.status, result.stoppedEarly, result.stoppedBy, result.stepsDone],
    ["finished", true, "onEpisode", 200],
  );
  assertEquals(seen.evals, [0, 100, 200]);
  assertEquals(seen.checkpoints.at(-1), "last");
  const run = await openRun(result.dir);
  assertEquals(
    [run.status.status, run.status.stoppedEarly, run.status.stoppedBy, run.status.stepsDone],
    ["finished", true, "onEpisode", 200],
  );
  assertEquals((await readTrainerState(`${result.dir}/checkpoints/last`)).stepsDone, 200);
  const [summary] = await listRuns(out);
  assertEquals([summary.status, summary.stoppedEarly], ["finished", true]);
  // the web UI says so on the run's page
  const page = await (await createApp({ runsDir: out }).request(`/runs/${result.id}`)).text();
  assert(page.includes('id="stopped-note"') && page.includes("onEpisode"), page.slice(0, 500));
  // an async callback's false stops too, here before the first step
  const atOnce = await train(
    { ...FAST, env: new PointMass(), steps: 1000, evalEvery: 100, out, name: "at-once" },
    { onEval: () => Promise.resolve(false) },
  );
  assertEquals([atOnce.stepsDone, atOnce.stoppedBy], [0, "onEval"]);
  await Deno.remove(out, { recursive: true });
});

Deno.test("train() refuses bad options and envOptions before writing anything, naming the field", async () => {
  const out = await Deno.makeTempDir();
  const base = { ...FAST, steps: 100, out };
  const cases: [() => Promise<unknown>, string][] = [
    [
      () => train({ ...base, env: new PointMass() }, { onEval: 5 as never }),
      "onEval: got 5; allowed: a function",
    ],
    [
      () => train({ ...base, env: new PointMass() }, { onEpisode: "stop" as never }),
      'onEpisode: got "stop"; allowed: a function',
    ],
    [
      () => train({ ...base, env: new PointMass() }, { onEvl: 1 } as never),
      'options.onEvl: got 1; allowed: no such option (did you mean "onEval"?)',
    ],
    [
      () => train({ ...base, env: "HalfCheetah", envOptions: { ctrlCostWieght: 0.1 } }),
      'envOptions.ctrlCostWieght: got 0.1; allowed: no such option (did you mean "ctrlCostWeight"?)',
    ],
    [
      () => train({ ...base, env: "HalfCheetah", envOptions: { resetNoiseScale: -1 } }),
      "envOptions.resetNoiseScale: got -1; allowed: a finite number >= 0",
    ],
    [
      () => train({ ...base, env: "HalfCheetah", envOptions: { seed: 3 } }),
      "envOptions.seed: got 3",
    ],
    [() => train({ ...base, envOptions: "{oops" }), 'envOptions: got "{oops"'],
    [
      () => train({ ...base, env: new PointMass(), envOptions: { drag: 1 } }),
      "envOptions: got",
    ],
    [
      () => train({ ...base, env: new PointMass(), seeds: [0, 1] }),
      'env: got "PointMass"; allowed: a factory',
    ],
    [
      () => train({ ...base, env: { ...new PointMass(), reset: 1 } as never }),
      "env.reset: got 1; allowed: a method",
    ],
  ];
  for (const [call, message] of cases) {
    const error = await rejection(call);
    assert(error.message.startsWith(message), `${error.message}\nexpected: ${message}`);
  }
  assertEquals(await listRuns(out), []);
  await Deno.remove(out, { recursive: true });
});
