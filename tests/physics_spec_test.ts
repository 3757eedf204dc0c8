// Static facts of every task against the tables of docs/environments.md (§0 and each task's
// section): model sizes, integrator and solver, masses, observation/action sizes and bounds, dt and
// the default episode limit. The expected numbers are typed in from the document, not computed.
import { assertAlmostEquals, assertEquals } from "./assert.ts";
import { envDefaults, listEnvs, makeEnv } from "../physics/mod.ts";
import { compileModel, readBundledModel } from "../physics/mujoco.ts";
import { taskSpec } from "../physics/registry.ts";

interface Row {
  file: string;
  nq: number;
  nv: number;
  nu: number;
  nbody: number;
  njnt: number;
  ngeom: number;
  obs: number;
  bound: number;
  timestep: number;
  integrator: "Euler" | "RK4";
  frameSkip: number;
  dt: number;
  maxSteps: number;
  totalMass: number;
  masses?: number[]; // body_mass from id 1, where the document lists them
}

// docs/environments.md §0 and the per-task masses.
const TABLE: Record<string, Row> = {
  Ant: {
    file: "ant.xml",
    nq: 15,
    nv: 14,
    nu: 8,
    nbody: 14,
    njnt: 9,
    ngeom: 14,
    obs: 105,
    bound: 1,
    timestep: 0.01,
    integrator: "RK4",
    frameSkip: 5,
    dt: 0.05,
    maxSteps: 1000,
    totalMass: 0.910880,
    masses: [
      0.327249,
      0.039158,
      0.039158,
      0.067592,
      0.039158,
      0.039158,
      0.067592,
      0.039158,
      0.039158,
      0.067592,
      0.039158,
      0.039158,
      0.067592,
    ],
  },
  HalfCheetah: {
    file: "half_cheetah.xml",
    nq: 9,
    nv: 9,
    nu: 6,
    nbody: 8,
    njnt: 9,
    ngeom: 9,
    obs: 17,
    bound: 1,
    timestep: 0.01,
    integrator: "Euler",
    frameSkip: 5,
    dt: 0.05,
    maxSteps: 1000,
    totalMass: 14,
    masses: [6.250209, 1.543515, 1.587448, 1.095397, 1.438075, 1.200837, 0.884519],
  },
  Hopper: {
    file: "hopper.xml",
    nq: 6,
    nv: 6,
    nu: 3,
    nbody: 5,
    njnt: 6,
    ngeom: 5,
    obs: 11,
    bound: 1,
    timestep: 0.002,
    integrator: "RK4",
    frameSkip: 4,
    dt: 0.008,
    maxSteps: 1000,
    totalMass: 15.820013,
    masses: [3.665191, 4.057891, 2.781357, 5.315575],
  },
  Humanoid: {
    file: "humanoid.xml",
    nq: 24,
    nv: 23,
    nu: 17,
    nbody: 14,
    njnt: 18,
    ngeom: 18,
    obs: 348,
    bound: 0.4,
    timestep: 0.003,
    integrator: "RK4",
    frameSkip: 5,
    dt: 0.015,
    maxSteps: 1000,
    totalMass: 42.116030,
    masses: [
      8.907462,
      2.261947,
      6.616194,
      4.751751,
      2.755696,
      1.767146,
      4.751751,
      2.755696,
      1.767146,
      1.661080,
      1.229540,
      1.661080,
      1.229540,
    ],
  },
  InvertedDoublePendulum: {
    file: "inverted_double_pendulum.xml",
    nq: 3,
    nv: 3,
    nu: 1,
    nbody: 4,
    njnt: 3,
    ngeom: 5,
    obs: 9,
    bound: 1,
    timestep: 0.01,
    integrator: "RK4",
    frameSkip: 5,
    dt: 0.05,
    maxSteps: 1000,
    totalMass: 18.869453,
    masses: [10.471976, 4.198739, 4.198739],
  },
  InvertedPendulum: {
    file: "inverted_pendulum.xml",
    nq: 2,
    nv: 2,
    nu: 1,
    nbody: 3,
    njnt: 2,
    ngeom: 3,
    obs: 4,
    bound: 3,
    timestep: 0.02,
    integrator: "RK4",
    frameSkip: 2,
    dt: 0.04,
    maxSteps: 1000,
    totalMass: 10.471976 + 5.018592,
    masses: [10.471976, 5.018592],
  },
  Reacher: {
    file: "reacher.xml",
    nq: 4,
    nv: 4,
    nu: 2,
    nbody: 5,
    njnt: 4,
    ngeom: 10,
    obs: 10,
    bound: 1,
    timestep: 0.01,
    integrator: "RK4",
    frameSkip: 2,
    dt: 0.02,
    maxSteps: 50,
    totalMass: 0.035605 * 2 + 0.004189 + 0.003054,
    masses: [0.035605, 0.035605, 0.004189, 0.003054],
  },
  Swimmer: {
    file: "swimmer.xml",
    nq: 5,
    nv: 5,
    nu: 2,
    nbody: 4,
    njnt: 5,
    ngeom: 4,
    obs: 8,
    bound: 1,
    timestep: 0.01,
    integrator: "RK4",
    frameSkip: 4,
    dt: 0.04,
    maxSteps: 1000,
    totalMass: 106.814150,
    masses: [35.604717, 35.604717, 35.604717],
  },
  Walker2d: {
    file: "walker2d.xml",
    nq: 9,
    nv: 9,
    nu: 6,
    nbody: 8,
    njnt: 9,
    ngeom: 8,
    obs: 17,
    bound: 1,
    timestep: 0.002,
    integrator: "RK4",
    frameSkip: 4,
    dt: 0.008,
    maxSteps: 1000,
    totalMass: 23.677137,
    masses: [3.665191, 4.057891, 2.781357, 3.166725, 4.057891, 2.781357, 3.166725],
  },
};

const INTEGRATOR = { Euler: 0, RK4: 1 } as const;

Deno.test("listEnvs() names the paper's eight tasks and Hopper", () => {
  assertEquals(listEnvs(), [
    "Ant",
    "HalfCheetah",
    "Hopper",
    "Humanoid",
    "InvertedDoublePendulum",
    "InvertedPendulum",
    "Reacher",
    "Swimmer",
    "Walker2d",
  ]);
});

for (const name of Object.keys(TABLE)) {
  const row = TABLE[name];
  Deno.test(`${name}: model sizes, integrator and masses match docs/environments.md`, async () => {
    assertEquals(taskSpec(name).modelFile, row.file);
    const model = await compileModel(row.file, await readBundledModel(row.file));
    const got = {
      nq: model.nq,
      nv: model.nv,
      nu: model.nu,
      nbody: model.nbody,
      njnt: model.njnt,
      ngeom: model.ngeom,
    };
    const want = {
      nq: row.nq,
      nv: row.nv,
      nu: row.nu,
      nbody: row.nbody,
      njnt: row.njnt,
      ngeom: row.ngeom,
    };
    assertEquals(got, want);
    const opt = model.opt;
    assertEquals(opt.timestep, row.timestep);
    assertEquals(opt.integrator, INTEGRATOR[row.integrator]);
    const mass = model.body_mass as Float64Array;
    assertEquals(mass[0], 0);
    let total = 0;
    for (const m of mass) total += m;
    assertAlmostEquals(total, row.totalMass, 2e-6, `${name} total mass`);
    row.masses?.forEach((m, i) =>
      assertAlmostEquals(mass[i + 1], m, 1e-6, `${name} body ${i + 1}`)
    );
  });

  Deno.test(`${name}: observation/action sizes, bounds, dt and step limit match docs/environments.md`, async () => {
    const env = await makeEnv(name, { seed: 0 });
    try {
      assertEquals(env.observationSize, row.obs);
      assertEquals(env.actionSize, row.nu);
      assertEquals(Array.from(env.actionLow), new Array(row.nu).fill(Math.fround(-row.bound)));
      assertEquals(Array.from(env.actionHigh), new Array(row.nu).fill(Math.fround(row.bound)));
      assertEquals(env.frameSkip, row.frameSkip);
      assertAlmostEquals(env.dt, row.dt, 1e-15);
      assertEquals(env.maxEpisodeSteps, row.maxSteps);
      const { observation } = env.reset();
      assertEquals(observation.length, row.obs);
      const s = env.state();
      assertEquals([s.qpos.length, s.qvel.length, s.time], [row.nq, row.nv, 0]);
    } finally {
      env.close();
    }
  });
}

Deno.test("Humanoid: solver is PGS with 50 iterations; others keep Newton/100", async () => {
  for (const name of Object.keys(TABLE)) {
    const model = await compileModel(TABLE[name].file, await readBundledModel(TABLE[name].file));
    const opt = model.opt;
    const want = name === "Humanoid" ? [0, 50] : [2, 100]; // mjSOL_PGS = 0, mjSOL_NEWTON = 2
    assertEquals([opt.solver, opt.iterations], want, name);
  }
});

Deno.test("observation-size options change sizes as documented (§2.6, §3.5, §4.5, §5.5, §6.6, §10.3)", async () => {
  const cases: [string, Record<string, unknown>, number][] = [
    ["Ant", { excludeCurrentPositionsFromObservation: false }, 107],
    ["Ant", { includeCfrcExtInObservation: false }, 27],
    [
      "Ant",
      { includeCfrcExtInObservation: false, excludeCurrentPositionsFromObservation: false },
      29,
    ],
    ["HalfCheetah", { excludeCurrentPositionsFromObservation: false }, 18],
    ["Hopper", { excludeCurrentPositionsFromObservation: false }, 12],
    ["Walker2d", { excludeCurrentPositionsFromObservation: false }, 18],
    ["Swimmer", { excludeCurrentPositionsFromObservation: false }, 10],
    ["Humanoid", { excludeCurrentPositionsFromObservation: false }, 350],
    ["Humanoid", { includeCinertInObservation: false }, 348 - 130],
    ["Humanoid", { includeCvelInObservation: false }, 348 - 78],
    ["Humanoid", { includeQfrcActuatorInObservation: false }, 348 - 17],
    ["Humanoid", { includeCfrcExtInObservation: false }, 348 - 78],
  ];
  for (const [name, options, size] of cases) {
    const env = await makeEnv(name, { seed: 0, ...options });
    assertEquals([env.observationSize, env.reset().observation.length], [size, size], name);
    env.close();
  }
});

Deno.test("maxEpisodeSteps overrides the limit: truncated exactly on the N-th step", async () => {
  const env = await makeEnv("HalfCheetah", { seed: 0, maxEpisodeSteps: 3 });
  env.reset();
  const flags = [1, 2, 3, 4].map(() => env.step(new Float32Array(6)).truncated);
  assertEquals(flags, [false, false, true, true]);
  env.close();
});

Deno.test("envDefaults lists each task's options with Gymnasium's defaults", () => {
  assertEquals(envDefaults("Hopper"), {
    frameSkip: 4,
    maxEpisodeSteps: 1000,
    forwardRewardWeight: 1,
    ctrlCostWeight: 1e-3,
    healthyReward: 1,
    terminateWhenUnhealthy: true,
    healthyStateRange: [-100, 100],
    healthyZRange: [0.7, Infinity],
    healthyAngleRange: [-0.2, 0.2],
    resetNoiseScale: 5e-3,
    excludeCurrentPositionsFromObservation: true,
  });
  assertEquals(envDefaults("Reacher"), {
    frameSkip: 2,
    maxEpisodeSteps: 50,
    rewardDistWeight: 1,
    rewardControlWeight: 1,
  });
  assertEquals(envDefaults("Humanoid").contactCostRange, [-Infinity, 10]);
  assertEquals(envDefaults("Ant").mainBody, 1);
});
