/**
 * A small run store for the UI tests (and a demo: `deno run -A tests/ui_fixture.ts <dir>`),
 * written with the run store's own `RunWriter`: a finished Hopper run with three seeds and a rollout, a running run, a run with a
 * corrupt `metrics.jsonl` and a run whose `config.json` is not JSON.
 * @module
 */
import { type MetricRow, type RunConfig, RunWriter } from "../lib/store/run_store.ts";

/** Ids of the fixture runs. */
export const FIXTURE = {
  finished: "Hopper-fstd3-20260101-000000-aaaa",
  running: "Hopper-td3-20260102-000000-bbbb",
  corruptMetrics: "Hopper-ddpg-20260103-000000-cccc",
  corruptConfig: "Hopper-sddpg-20260104-000000-dddd",
  rollout: "best",
} as const;

function config(id: string, algo: string, seeds: number[], steps: number, day: number): RunConfig {
  return {
    id,
    env: "Hopper",
    algo,
    seeds,
    steps,
    backend: "wasm",
    hidden: [16, 16],
    evalEvery: 1000,
    evalEpisodes: 2,
    checkpointEvery: 5000,
    recordEvery: 5000,
    createdAt: `2026-01-0${day}T00:00:00.000Z`,
    versions: { deno: "2.9.6", tfjs: "4.22.0", mujoco: "3.14.0" },
    runtime: { backend: "wasm", implementation: "fused" },
  };
}

/** Metric rows of a made-up learning curve: `steps` per member, eval every 1000. */
export function fixtureRows(seeds: number[], steps: number, scale = 1): MetricRow[] {
  const rows: MetricRow[] = [];
  seeds.forEach((seed, member) => {
    let t = 0;
    for (let step = 100; step <= steps; step += 100) {
      t += 0.05;
      const progress = step / steps;
      if (step % 300 === 0) {
        rows.push({
          type: "episode",
          member,
          seed,
          step,
          return: scale * (200 * progress + 20 * Math.sin(step / 700 + seed)),
          length: 100,
          time: t,
        });
      }
      rows.push({
        type: "update",
        member,
        seed,
        step,
        criticLoss: 1 / (1 + 10 * progress) + 0.01 * seed,
        actorObjective: 10 * progress,
        gradientNorm: 1,
        correctionNorm: 0.5,
        cosine: 0.9 - 0.1 * Math.cos(step / 500),
        correctionRatio: 0.4 + 0.1 * Math.sin(step / 300 + seed),
        stepsPerSecond: 800 + 50 * seed,
        time: t,
      });
      if (step % 1000 === 0) {
        const mean = scale * (250 * progress + 15 * seed);
        rows.push({
          type: "eval",
          member,
          seed,
          step,
          returnMean: mean,
          returnStd: 5,
          returns: [mean - 5, mean + 5],
          time: t,
        });
      }
    }
  });
  return rows;
}

/** A Hopper rollout (format "stackrl-rollout/1") of `frames` made-up frames (nq = 6). */
export function fixtureRollout(frames = 90): string {
  const nq = 6, fps = 30;
  const time: number[] = [], qpos: number[] = [], reward: number[] = [];
  for (let f = 0; f < frames; f++) {
    const t = f / fps;
    time.push(t);
    qpos.push(
      0.8 * t, // rootx
      1.25 + 0.05 * Math.sin(6 * t), // rootz (absolute height)
      0.15 * Math.sin(4 * t), // rooty
      -0.6 - 0.4 * Math.sin(5 * t), // thigh
      -0.5 - 0.4 * Math.sin(5 * t + 1), // leg
      0.3 * Math.sin(5 * t + 2), // foot
    );
    reward.push(f === 0 ? 0 : 1 + 0.5 * Math.sin(3 * t));
  }
  const total = reward.reduce((a, r) => a + r, 0);
  return JSON.stringify({
    format: "stackrl-rollout/1",
    env: "Hopper",
    model: "hopper.xml",
    mujoco: "3.14.0",
    nq,
    fps,
    dt: 0.008,
    episodes: [{
      frames,
      time,
      qpos,
      reward,
      return: total,
      length: frames * 4,
      terminated: false,
    }],
  });
}

/** Writes the fixture runs under `root` (which must not hold them yet). */
export async function writeFixtureRuns(root: string): Promise<void> {
  const now = new Date().toISOString();
  {
    const seeds = [0, 1, 2];
    const w = await RunWriter.create(root, config(FIXTURE.finished, "fstd3", seeds, 6000, 1), {
      status: "finished",
      stepsDone: 6000,
      stepsTotal: 6000,
      bestEval: 280,
      wallTime: 95.5,
      updatedAt: now,
    });
    await w.append(fixtureRows(seeds, 6000));
    await w.writeRollout(FIXTURE.rollout, fixtureRollout());
    w.close();
  }
  {
    const seeds = [0, 1];
    const w = await RunWriter.create(root, config(FIXTURE.running, "td3", seeds, 10000, 2), {
      status: "running",
      stepsDone: 4000,
      stepsTotal: 10000,
      bestEval: 120,
      wallTime: 40,
      updatedAt: now,
    });
    await w.append(fixtureRows(seeds, 4000, 0.8));
    w.close();
  }
  {
    const w = await RunWriter.create(
      root,
      config(FIXTURE.corruptMetrics, "ddpg", [0], 2000, 3),
      {
        status: "failed",
        stepsDone: 1000,
        stepsTotal: 2000,
        bestEval: null,
        wallTime: 3,
        updatedAt: now,
        error: "killed",
      },
    );
    await w.append(fixtureRows([0], 1000));
    w.close();
    await Deno.writeTextFile(
      `${root}/${FIXTURE.corruptMetrics}/metrics.jsonl`,
      'this is not json\n{"type":"eval","member":0,"se',
      { append: true },
    );
  }
  {
    const w = await RunWriter.create(
      root,
      config(FIXTURE.corruptConfig, "sddpg", [0], 1000, 4),
      {
        status: "interrupted",
        stepsDone: 0,
        stepsTotal: 1000,
        bestEval: null,
        wallTime: 0,
        updatedAt: now,
      },
    );
    w.close();
    await Deno.writeTextFile(`${root}/${FIXTURE.corruptConfig}/config.json`, '{"id": "Hop');
  }
}

if (import.meta.main) {
  const root = Deno.args[0] ?? "runs-fixture";
  await writeFixtureRuns(root);
  console.log(`fixture runs written to ${root}/`);
}
