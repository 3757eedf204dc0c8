/**
 * Humanoid-v5 (docs/environments.md §6): a 3-D humanoid walks forward without falling.
 *
 * - Observation (348): qpos[2:24], qvel, then for bodies 1…13 the cinert rows (10 each), cvel
 *   rows (6), qfrc_actuator[6:23] and cfrc_ext rows (6). All values are the stale ones of §1.2;
 *   nothing is clipped. Each block can be dropped with its `include…InObservation` flag;
 *   `excludeCurrentPositionsFromObservation` false adds qpos[0:2] (350).
 * - Reward: `reward_forward` = forwardRewardWeight · x_velocity of the centre of mass
 *   (mass-weighted stale `xipos`); `reward_survive` = healthyReward while healthy;
 *   `reward_ctrl` = −ctrlCostWeight · Σ ctrl²; `reward_contact` = −clip(contactCostWeight ·
 *   Σ cfrc_ext², contactCostRange). Info also: positions, velocities, `tendon_length`,
 *   `tendon_velocity`. Reset info: the position keys and the tendon keys.
 * - Healthy: qpos[2] strictly inside `healthyZRange`. Terminated = not healthy, when
 *   `terminateWhenUnhealthy`.
 * - Reset: qpos0 + U(±resetNoiseScale) (quaternion not renormalised), qvel U(±resetNoiseScale).
 * - Options (defaults): `forwardRewardWeight` 1.25, `ctrlCostWeight` 0.1, `contactCostWeight`
 *   5e-7, `contactCostRange` [−∞, 10], `healthyReward` 5, `terminateWhenUnhealthy` true,
 *   `healthyZRange` [1, 2], `resetNoiseScale` 1e-2, `excludeCurrentPositionsFromObservation`
 *   true, and `includeCinertInObservation`, `includeCvelInObservation`,
 *   `includeQfrcActuatorInObservation`, `includeCfrcExtInObservation` all true.
 * @module
 */
import { clip, type TaskSpec, uniformNoise } from "../env.ts";
import { observePositionsVelocities } from "./util.ts";

/** The Humanoid task. */
export const humanoid: TaskSpec = {
  name: "Humanoid",
  modelFile: "humanoid.xml",
  frameSkip: 5,
  maxEpisodeSteps: 1000,
  defaults: {
    forwardRewardWeight: 1.25,
    ctrlCostWeight: 0.1,
    contactCostWeight: 5e-7,
    contactCostRange: [-Infinity, 10.0],
    healthyReward: 5.0,
    terminateWhenUnhealthy: true,
    healthyZRange: [1.0, 2.0],
    resetNoiseScale: 1e-2,
    excludeCurrentPositionsFromObservation: true,
    includeCinertInObservation: true,
    includeCvelInObservation: true,
    includeQfrcActuatorInObservation: true,
    includeCfrcExtInObservation: true,
  },
  nonNegative: ["resetNoiseScale"],
  usesContactForces: true,
  build(sim, options, dt) {
    const forwardWeight = options.forwardRewardWeight as number;
    const ctrlWeight = options.ctrlCostWeight as number;
    const contactWeight = options.contactCostWeight as number;
    const [cLo, cHi] = options.contactCostRange as [number, number];
    const healthyReward = options.healthyReward as number;
    const terminate = options.terminateWhenUnhealthy as boolean;
    const [zLo, zHi] = options.healthyZRange as [number, number];
    const noise = options.resetNoiseScale as number;
    const skip = options.excludeCurrentPositionsFromObservation ? 2 : 0;
    const withCinert = options.includeCinertInObservation as boolean;
    const withCvel = options.includeCvelInObservation as boolean;
    const withActuator = options.includeQfrcActuatorInObservation as boolean;
    const withCfrc = options.includeCfrcExtInObservation as boolean;
    const nbody = sim.nbody, nv = sim.nv;
    const mass = (sim.model.body_mass as Float64Array).slice();
    let totalMass = 0;
    for (const m of mass) totalMass += m;
    const size = sim.nq - skip + nv + (withCinert ? (nbody - 1) * 10 : 0) +
      (withCvel ? (nbody - 1) * 6 : 0) + (withActuator ? nv - 6 : 0) +
      (withCfrc ? (nbody - 1) * 6 : 0);
    const com = (xipos: Float64Array, k: number) => {
      let s = 0;
      for (let b = 0; b < nbody; b++) s += mass[b] * xipos[3 * b + k];
      return s / totalMass;
    };
    let xBefore = 0, yBefore = 0;
    const extra = (
      v: { qpos: Float64Array; ten_length: Float64Array; ten_velocity: Float64Array },
    ) => ({
      x_position: v.qpos[0],
      y_position: v.qpos[1],
      distance_from_origin: Math.hypot(v.qpos[0], v.qpos[1]),
      tendon_length: Array.from(v.ten_length),
      tendon_velocity: Array.from(v.ten_velocity),
    });
    return {
      observationSize: size,
      observe(v, out) {
        observePositionsVelocities(v.qpos, v.qvel, skip, out);
        let k = sim.nq - skip + nv;
        if (withCinert) { for (let i = 10; i < nbody * 10; i++) out[k++] = v.cinert[i]; }
        if (withCvel) { for (let i = 6; i < nbody * 6; i++) out[k++] = v.cvel[i]; }
        if (withActuator) { for (let i = 6; i < nv; i++) out[k++] = v.qfrc_actuator[i]; }
        if (withCfrc) { for (let i = 6; i < nbody * 6; i++) out[k++] = v.cfrc_ext[i]; }
      },
      beforeStep(v) {
        xBefore = com(v.xipos, 0);
        yBefore = com(v.xipos, 1);
      },
      afterStep(v) {
        const x_velocity = (com(v.xipos, 0) - xBefore) / dt;
        const y_velocity = (com(v.xipos, 1) - yBefore) / dt;
        const z = v.qpos[2];
        const healthy = z > zLo && z < zHi;
        let ctrl = 0;
        for (const c of v.ctrl) ctrl += c * c;
        let contact = 0;
        for (const f of v.cfrc_ext) contact += f * f;
        const reward_forward = forwardWeight * x_velocity;
        const reward_ctrl = -ctrlWeight * ctrl;
        const reward_contact = -clip(contactWeight * contact, cLo, cHi);
        const reward_survive = healthy ? healthyReward : 0;
        return {
          reward: reward_forward + reward_ctrl + reward_contact + reward_survive,
          terminated: terminate && !healthy,
          info: {
            ...extra(v),
            x_velocity,
            y_velocity,
            reward_forward,
            reward_ctrl,
            reward_contact,
            reward_survive,
          },
        };
      },
      resetNoise(v, rng) {
        for (let i = 0; i < v.qpos.length; i++) v.qpos[i] += uniformNoise(rng, noise);
        for (let i = 0; i < v.qvel.length; i++) v.qvel[i] += uniformNoise(rng, noise);
      },
      resetInfo: (v) => extra(v),
    };
  },
};
