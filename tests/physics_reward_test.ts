// Reward terms recomputed by hand. A "shadow" simulation of the same model file is driven
// directly through MuJoCo (mj_step × frame_skip, then mj_rnePostConstraint, docs/environments.md
// §1.1) from the env's state; the test reads positions, forces and controls from it before and
// after each step and evaluates each task's published formula itself (body ids and weights are
// typed in from docs/environments.md), then compares with the terms the env reports in `info`.
import { assert, assertAlmostEquals, assertEquals } from "./assert.ts";
import { makeEnv } from "../physics/mod.ts";
import type { Env, Info } from "../physics/mod.ts";
import { compileModel, loadMujoco, readBundledModel, Sim } from "../physics/mujoco.ts";

type Terms = Record<string, number>;

interface Shadow {
  sim: Sim;
  body_mass: Float64Array;
}

async function shadowOf(env: Env): Promise<Shadow> {
  const model = await compileModel(env.modelFile, await readBundledModel(env.modelFile));
  const sim = new Sim(await loadMujoco(), model);
  const s = env.state();
  sim.v.qpos.set(s.qpos);
  sim.v.qvel.set(s.qvel);
  sim.forward();
  return { sim, body_mass: (model.body_mass as Float64Array).slice() };
}

function stepShadow(sh: Shadow, action: Float32Array, frameSkip: number): void {
  sh.sim.v.ctrl.set(action);
  for (let k = 0; k < frameSkip; k++) sh.sim.step();
  sh.sim.rnePostConstraint();
}

const sq = (a: ArrayLike<number>) => Array.from(a).reduce((s, x) => s + x * x, 0);
const clip = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

function com(sh: Shadow, k: number): number {
  const xipos = sh.sim.v.xipos;
  let m = 0, s = 0;
  sh.body_mass.forEach((mass, b) => {
    m += mass;
    s += mass * xipos[3 * b + k];
  });
  return s / m;
}

/** Per task: read "before" quantities, then compute the terms from the after-step shadow. */
const FORMULAS: Record<string, (sh: Shadow, a: Float32Array, dt: number) => () => Terms> = {
  HalfCheetah: (sh, a, dt) => {
    const x0 = sh.sim.v.qpos[0];
    return () => ({ reward_forward: (sh.sim.v.qpos[0] - x0) / dt, reward_ctrl: -0.1 * sq(a) });
  },
  Hopper: (sh, a, dt) => {
    const x0 = sh.sim.v.qpos[0];
    return () => ({
      reward_forward: (sh.sim.v.qpos[0] - x0) / dt,
      reward_ctrl: -1e-3 * sq(a),
      reward_survive: 1,
    });
  },
  Walker2d: (sh, a, dt) => {
    const x0 = sh.sim.v.qpos[0];
    return () => ({
      reward_forward: (sh.sim.v.qpos[0] - x0) / dt,
      reward_ctrl: -1e-3 * sq(a),
      reward_survive: 1,
    });
  },
  Swimmer: (sh, a, dt) => {
    const x0 = sh.sim.v.qpos[0];
    return () => ({ reward_forward: (sh.sim.v.qpos[0] - x0) / dt, reward_ctrl: -1e-4 * sq(a) });
  },
  Ant: (sh, a, dt) => {
    const x0 = sh.sim.v.xpos[3]; // body 1 = torso
    return () => {
      const f = sh.sim.v.cfrc_ext;
      let contact = 0;
      for (let i = 0; i < 14 * 6; i++) contact += clip(f[i], -1, 1) ** 2;
      return {
        reward_forward: (sh.sim.v.xpos[3] - x0) / dt,
        reward_ctrl: -0.5 * sq(a),
        reward_contact: -5e-4 * contact,
        reward_survive: 1,
      };
    };
  },
  Humanoid: (sh, _a, dt) => {
    const x0 = com(sh, 0);
    return () => ({
      reward_forward: 1.25 * (com(sh, 0) - x0) / dt,
      reward_ctrl: -0.1 * sq(sh.sim.v.ctrl),
      reward_contact: -Math.min(5e-7 * sq(sh.sim.v.cfrc_ext), 10),
      reward_survive: 5,
    });
  },
  InvertedPendulum: () => () => ({ reward_survive: 1 }),
  InvertedDoublePendulum: (sh) => () => {
    const [x, , z] = sh.sim.v.site_xpos;
    const v = sh.sim.v.qvel;
    return {
      reward_survive: 10,
      distance_penalty: -(0.01 * x * x + (z - 2) ** 2),
      velocity_penalty: -(1e-3 * v[1] ** 2 + 5e-3 * v[2] ** 2),
    };
  },
  Reacher: (sh, a) => () => {
    const p = sh.sim.v.xpos; // body 3 = fingertip, body 4 = target
    const d = Math.hypot(p[9] - p[12], p[10] - p[13], p[11] - p[14]);
    return { reward_dist: -d, reward_ctrl: -sq(a) };
  },
};

function rewardTerms(info: Info): Terms {
  const out: Terms = {};
  for (const [k, v] of Object.entries(info)) {
    if (k.startsWith("reward_") || k.endsWith("_penalty")) out[k] = v as number;
  }
  return out;
}

for (const name of Object.keys(FORMULAS)) {
  Deno.test(`${name}: reward terms equal the published formulas recomputed from the simulator state`, async () => {
    const env = await makeEnv(name, { seed: 7 });
    env.reset();
    const sh = await shadowOf(env);
    try {
      const steps = name === "InvertedPendulum" || name === "InvertedDoublePendulum" ? 4 : 12;
      for (let t = 0; t < steps; t++) {
        const a = new Float32Array(env.actionSize).map((_, j) =>
          0.5 * env.actionHigh[j] * Math.sin(0.3 * t + j)
        );
        const after = FORMULAS[name](sh, a, env.dt);
        stepShadow(sh, a, env.frameSkip);
        const r = env.step(a);
        assert(!r.terminated, `${name} terminated at step ${t}; pick a gentler action`);
        assertEquals(
          env.state().qpos,
          sh.sim.v.qpos.slice(),
          `${name} state diverged at step ${t}`,
        );
        const want = after();
        const got = rewardTerms(r.info);
        assertEquals(Object.keys(got).sort(), Object.keys(want).sort());
        for (const k of Object.keys(want)) {
          assertAlmostEquals(
            got[k],
            want[k],
            1e-10 * (1 + Math.abs(want[k])),
            `${name} ${k} step ${t}`,
          );
        }
        const sum = Object.values(got).reduce((s, x) => s + x, 0);
        assertAlmostEquals(r.reward, sum, 1e-12 * (1 + Math.abs(sum)), `${name} reward = Σ terms`);
      }
    } finally {
      sh.sim.close();
      env.close();
    }
  });
}

Deno.test("position/velocity info keys equal the state differences (HalfCheetah, Swimmer, Hopper)", async () => {
  for (const name of ["HalfCheetah", "Swimmer", "Hopper"]) {
    const env = await makeEnv(name, { seed: 3 });
    const reset = env.reset();
    const s0 = env.state();
    assertEquals(reset.info.x_position, s0.qpos[0]);
    const r = env.step(new Float32Array(env.actionSize).fill(0.3));
    const s1 = env.state();
    assertAlmostEquals(r.info.x_velocity as number, (s1.qpos[0] - s0.qpos[0]) / env.dt, 1e-12);
    assertEquals(r.info.x_position, s1.qpos[0]);
    if (name === "Swimmer") {
      assertAlmostEquals(r.info.y_velocity as number, (s1.qpos[1] - s0.qpos[1]) / env.dt, 1e-12);
      assertAlmostEquals(
        r.info.distance_from_origin as number,
        Math.hypot(s1.qpos[0], s1.qpos[1]),
        1e-15,
      );
    }
    if (name === "Hopper") {
      assertAlmostEquals(r.info.z_distance_from_origin as number, s1.qpos[1] - 1.25, 1e-15);
    }
    env.close();
  }
});

Deno.test("reward weights are options: doubling ctrlCostWeight doubles reward_ctrl", async () => {
  const a = new Float32Array([0.5, -0.25, 0.75, 0.1, -0.9, 0.3]);
  const terms: number[] = [];
  for (const w of [0.1, 0.2]) {
    const env = await makeEnv("HalfCheetah", { seed: 1, ctrlCostWeight: w });
    env.reset();
    terms.push(env.step(a).info.reward_ctrl as number);
    env.close();
  }
  assertAlmostEquals(terms[0], -0.1 * sq(a), 1e-15);
  assertAlmostEquals(terms[1], 2 * terms[0], 1e-15);
});

Deno.test("Humanoid info carries the two tendons (hip_y/knee) as documented", async () => {
  const env = await makeEnv("Humanoid", { seed: 2, resetNoiseScale: 0.2 });
  // The reset info comes right after mj_forward, so it is not stale (§1.2) and exact here.
  const { info } = env.reset();
  const q = env.state().qpos;
  // qpos: 7 root values, then hinges 1–17; left_hip_y is hinge 10, left_knee 11, right_hip_y 6, right_knee 7.
  const hinge = (k: number) => q[6 + k];
  const lengths = info.tendon_length as number[];
  assertAlmostEquals(lengths[0], -hinge(10) + hinge(11), 1e-12, "left_hipknee");
  assertAlmostEquals(lengths[1], -hinge(6) + hinge(7), 1e-12, "right_hipknee");
  const r = env.step(new Float32Array(17));
  assertEquals((r.info.tendon_velocity as number[]).length, 2);
  env.close();
});

Deno.test("Humanoid's contact cost saturates at contactCostRange's upper end (default 10)", async () => {
  // With weight 1 any real contact exceeds 10, so the cost is clipped to exactly 10; with the
  // range widened it is the raw sum.
  const terms: number[][] = [];
  for (const range of [undefined, [-Infinity, 1e9]]) {
    const env = await makeEnv("Humanoid", {
      seed: 1,
      contactCostWeight: 1,
      ...(range ? { contactCostRange: range } : {}),
    });
    env.reset();
    const got: number[] = [];
    for (let t = 0; t < 15; t++) {
      got.push(env.step(new Float32Array(17)).info.reward_contact as number);
    }
    terms.push(got);
    env.close();
  }
  const [clipped, raw] = terms;
  assert(raw.some((x) => x < -10), "some contact exceeds the clip");
  raw.forEach((x, t) => assertEquals(clipped[t], Math.max(x, -10), `step ${t}`));
});
