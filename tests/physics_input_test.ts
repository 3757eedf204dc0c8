// Bad input is rejected with errors that name the field, the value and what is allowed, and
// leaves the simulation untouched; unstable simulations end the episode with a named reason;
// bad MJCF carries MuJoCo's own message; creating and closing 1,000 envs does not grow the
// WASM heap.
import { assert, assertEquals, assertRejectsMatching, assertThrowsMatching } from "./assert.ts";
import { listEnvs, makeEnv, ModelCompileError, wasmHeapBytes } from "../physics/mod.ts";
import { cachedModelCount, readBundledModel } from "../physics/mujoco.ts";
import { ValidationError } from "../lib/errors.ts";

Deno.test("bad actions are rejected and the state is left unchanged", async () => {
  const env = await makeEnv("Walker2d", { seed: 0 });
  env.reset();
  env.step(new Float32Array(6).fill(0.2));
  const before = env.state();
  const bad: [unknown, RegExp][] = [
    [new Float32Array(5), /^action: got Float32Array\(5\); allowed: a Float32Array of length 6$/],
    [new Float32Array(7), /length 6/],
    [new Float64Array(6), /^action: got Float64Array\(6\); allowed: a Float32Array of length 6$/],
    [[0, 0, 0, 0, 0, 0], /allowed: a Float32Array of length 6/],
    [new Float32Array([0, 0, NaN, 0, 0, 0]), /^action\[2\]: got NaN; allowed: a finite number$/],
    [
      new Float32Array([0, 0, 0, 0, 0, Infinity]),
      /^action\[5\]: got Infinity; allowed: a finite number$/,
    ],
    [new Float32Array([-Infinity, 0, 0, 0, 0, 0]), /^action\[0\]: got -Infinity/],
  ];
  for (const [action, pattern] of bad) {
    assertThrowsMatching(() => env.step(action as Float32Array), pattern);
    try {
      env.step(action as Float32Array);
    } catch (e) {
      assert(e instanceof ValidationError);
    }
  }
  assertEquals(env.state(), before);
  // The env still works, and continues from the same state.
  const r = env.step(new Float32Array(6));
  assert(env.state().time > before.time && Number.isFinite(r.reward));
  env.close();
});

Deno.test("an unknown task name lists the known ones and suggests the nearest", async () => {
  await assertRejectsMatching(
    () => makeEnv("HalfCheeta"),
    /^env: got "HalfCheeta"; allowed: one of "Ant", "HalfCheetah", .*"Walker2d" \(did you mean "HalfCheetah"\?\)$/,
  );
  await assertRejectsMatching(() => makeEnv("Pong"), /one of "Ant", .*"Walker2d"$/);
});

Deno.test("unknown options are errors that name the option and the nearest known one", async () => {
  await assertRejectsMatching(
    () => makeEnv("Hopper", { reset_noise_scale: 0.1 }),
    /^Hopper\.reset_noise_scale: got 0\.1; allowed: no such option \(did you mean "resetNoiseScale"\?\)/,
  );
  await assertRejectsMatching(
    () => makeEnv("Reacher", { healthyReward: 1 }),
    /Reacher\.healthyReward.*no such option/,
  );
  await assertRejectsMatching(
    () => makeEnv("Ant", { renderMode: "human" }),
    /known: seed, maxEpisodeSteps/,
  );
});

Deno.test("bad option values name the option, the value and the allowed range", async () => {
  const cases: [string, Record<string, unknown>, RegExp][] = [
    [
      "Hopper",
      { resetNoiseScale: -1 },
      /^Hopper\.resetNoiseScale: got -1; allowed: a finite number >= 0$/,
    ],
    ["Hopper", { healthyZRange: [2, 1] }, /^Hopper\.healthyZRange: got \[2,1\]; allowed: a pair/],
    [
      "Hopper",
      { terminateWhenUnhealthy: "yes" },
      /^Hopper\.terminateWhenUnhealthy: got "yes"; allowed: true or false$/,
    ],
    ["Ant", { ctrlCostWeight: NaN }, /^Ant\.ctrlCostWeight: got NaN; allowed: a finite number/],
    ["Ant", { mainBody: 99 }, /^Ant\.mainBody: got 99; allowed: a body name or an id in 0…13$/],
    ["Ant", { mainBody: "head" }, /no body named "head"/],
    [
      "HalfCheetah",
      { maxEpisodeSteps: 0 },
      /^HalfCheetah\.maxEpisodeSteps: got 0; allowed: an integer >= 1$/,
    ],
    ["HalfCheetah", { frameSkip: 2.5 }, /^HalfCheetah\.frameSkip: got 2\.5/],
    ["HalfCheetah", { seed: -1 }, /^HalfCheetah\.seed: got -1/],
    [
      "Swimmer",
      { xmlFile: "/nonexistent/swimmer.xml" },
      /^Swimmer\.xmlFile: got "\/nonexistent\/swimmer\.xml"; allowed: a readable MJCF file/,
    ],
  ];
  for (const [name, options, pattern] of cases) {
    await assertRejectsMatching(() => makeEnv(name, options), pattern);
  }
  // A named main body works and is the torso (id 1), so the rewards are the default ones.
  const byName = await makeEnv("Ant", { seed: 4, mainBody: "torso" });
  const byId = await makeEnv("Ant", { seed: 4 });
  byName.reset();
  byId.reset();
  const a = new Float32Array(8).fill(0.5);
  assertEquals(byName.step(a).reward, byId.step(a).reward);
  byName.close();
  byId.close();
});

Deno.test("step before reset, and any use after close, are clear errors", async () => {
  const env = await makeEnv("InvertedPendulum", { seed: 0 });
  assertThrowsMatching(
    () => env.step(new Float32Array(1)),
    /^Cannot step InvertedPendulum: call reset\(\) first$/,
  );
  assertThrowsMatching(() => env.reset({ seed: 1.5 }), /^reset\.seed: got 1\.5/);
  assertThrowsMatching(() => env.reset({ sed: 1 } as never), /^reset\.sed: .*did you mean "seed"/);
  env.reset();
  assertThrowsMatching(
    () => env.setState([0], [0, 0]),
    /^qpos: got \[0\]; allowed: 2 finite numbers$/,
  );
  assertThrowsMatching(() => env.setState([0, NaN], [0, 0]), /^qpos\[1\]: got NaN/);
  env.close();
  env.close(); // idempotent
  assertThrowsMatching(() => env.step(new Float32Array(1)), /env is closed/);
  assertThrowsMatching(() => env.reset(), /env is closed/);
  assertThrowsMatching(() => env.state(), /env is closed/);
});

Deno.test("an MJCF that fails to compile carries MuJoCo's message and the model's name", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const path = `${dir}/broken.xml`;
    await Deno.writeTextFile(path, "<mujoco><worldbody><bogus/></worldbody></mujoco>");
    let error: unknown;
    try {
      await makeEnv("Swimmer", { xmlFile: path });
    } catch (e) {
      error = e;
    }
    if (!(error instanceof ModelCompileError)) throw new Error(`not a ModelCompileError: ${error}`);
    assertEquals(error.modelName, path);
    assert(
      /XML Error/.test(error.mujocoMessage) && /bogus/.test(error.mujocoMessage),
      error.mujocoMessage,
    );
    assert(error.message.startsWith(`Cannot compile MuJoCo model "${path}": `), error.message);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("an xmlFile that lacks what the task reads is refused with a clear error", async () => {
  const models = new URL("../physics/models/", import.meta.url);
  await assertRejectsMatching(
    () => makeEnv("Reacher", { xmlFile: new URL("swimmer.xml", models).pathname }),
    /^Cannot use this model for Reacher: nq is 5, expected 4$/,
  );
  await assertRejectsMatching(
    () =>
      makeEnv("InvertedDoublePendulum", {
        xmlFile: new URL("inverted_pendulum.xml", models).pathname,
      }),
    /^Cannot use this model: it has no site named "tip"$/,
  );
  // A compatible replacement works and reports its file.
  const path = new URL("hopper.xml", models).pathname;
  const env = await makeEnv("Hopper", { seed: 0, xmlFile: path });
  assertEquals([env.modelFile, env.observationSize], [path, 11]);
  env.close();
});

Deno.test("a blown-up velocity ends the episode with a named reason and finite observations", async () => {
  const env = await makeEnv("Hopper", { seed: 0 });
  env.reset();
  env.setState([0, 1.25, 0, 0, 0, 0], [0, 0, 1e12, 0, 0, 0]); // beyond MuJoCo's 1e10 limit
  const r = env.step(new Float32Array(3));
  assertEquals([r.terminated, r.reward, r.info.unstable], [true, 0, "mjWARN_BADQVEL"]);
  assert(r.observation.every(Number.isFinite));
  assertThrowsMatching(() => env.step(new Float32Array(3)), /went unstable; call reset\(\)/);
  env.reset();
  assertEquals(env.step(new Float32Array(3)).terminated, false);
  env.close();
  // Every reward term is zeroed with the reward, so reward = Σ terms still holds.
  const idp = await makeEnv("InvertedDoublePendulum", { seed: 0 });
  idp.reset();
  idp.setState([0, 0, 0], [0, 1e12, 0]);
  const s = idp.step(new Float32Array(1));
  assertEquals([s.terminated, s.reward, s.info.unstable], [true, 0, "mjWARN_BADQVEL"]);
  assertEquals([s.info.reward_survive, s.info.distance_penalty, s.info.velocity_penalty], [
    0,
    0,
    0,
  ]);
  idp.close();
});

Deno.test("a huge actuator force (bad acceleration) ends the episode with mjWARN_BADQACC", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const xml = (await readBundledModel("inverted_pendulum.xml")).replace(
      'gear="100"',
      'gear="1e300"',
    );
    const path = `${dir}/explosive_pendulum.xml`;
    await Deno.writeTextFile(path, xml);
    const env = await makeEnv("InvertedPendulum", { seed: 0, xmlFile: path });
    env.reset();
    env.step(new Float32Array(1)); // time leaves 0, so detection relies on the time check
    const r = env.step(new Float32Array([3]));
    assertEquals([r.terminated, r.info.unstable, r.info.reward_survive], [
      true,
      "mjWARN_BADQACC",
      0,
    ]);
    assert(r.observation.every(Number.isFinite));
    env.close();
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("creating and closing 1,000 envs does not grow the WASM heap", async () => {
  const names = listEnvs();
  // Warm up: compile every model and let the allocator reach its working size.
  for (const name of names) (await makeEnv(name, { seed: 0 })).close();
  const before = await wasmHeapBytes();
  const models = cachedModelCount();
  for (let i = 0; i < 1000; i++) {
    const env = await makeEnv(names[i % names.length], { seed: i });
    env.reset();
    env.step(new Float32Array(env.actionSize));
    env.close();
  }
  const growth = (await wasmHeapBytes()) - before;
  assertEquals(cachedModelCount(), models, "each model compiles once");
  // One leaked MjData is 12–14 MB here, so 1,000 leaks would be gigabytes.
  assert(growth <= 1 << 20, `WASM heap grew by ${growth} bytes`);
});
