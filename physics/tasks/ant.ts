/**
 * Ant-v5 (docs/environments.md §2): a four-legged robot walks forward (+x).
 *
 * - Observation (105): qpos[2:15], qvel[0:14], then cfrc_ext rows of bodies 1…13 clipped to
 *   `contactForceRange` (13 × 6). 107 with `excludeCurrentPositionsFromObservation` false; the
 *   contact block is dropped with `includeCfrcExtInObservation` false (27 / 29).
 * - Reward: `reward_forward` = forwardRewardWeight · x_velocity, where x_velocity is the change
 *   of the stale `xpos` of `mainBody` over dt; `reward_ctrl` = −ctrlCostWeight · Σ a²;
 *   `reward_contact` = −contactCostWeight · Σ clip(cfrc_ext, contactForceRange)² over all
 *   bodies; `reward_survive` = healthyReward while healthy, else 0.
 *   Info also: `x_position`, `y_position`, `distance_from_origin` (from qpos), `x_velocity`,
 *   `y_velocity`. Reset info: the three position keys.
 * - Healthy: qpos and qvel finite and healthyZRange[0] ≤ qpos[2] ≤ healthyZRange[1] (closed).
 *   Terminated = not healthy, when `terminateWhenUnhealthy`.
 * - Reset: qpos0 + U(±resetNoiseScale) on all 15 values (quaternion not renormalised);
 *   qvel = resetNoiseScale · N(0, 1).
 * - Options (defaults): `forwardRewardWeight` 1, `ctrlCostWeight` 0.5, `contactCostWeight` 5e-4,
 *   `healthyReward` 1, `mainBody` 1 (id or name), `terminateWhenUnhealthy` true,
 *   `healthyZRange` [0.2, 1], `contactForceRange` [−1, 1], `resetNoiseScale` 0.1,
 *   `excludeCurrentPositionsFromObservation` true, `includeCfrcExtInObservation` true.
 * @module
 */
import { clip, sumSquares, type TaskSpec, uniformNoise } from "../env.ts";
import { ValidationError } from "../../lib/errors.ts";
import { bodyId, observePositionsVelocities } from "./util.ts";

/** The Ant task. */
export const ant: TaskSpec = {
  name: "Ant",
  modelFile: "ant.xml",
  frameSkip: 5,
  maxEpisodeSteps: 1000,
  defaults: {
    forwardRewardWeight: 1.0,
    ctrlCostWeight: 0.5,
    contactCostWeight: 5e-4,
    healthyReward: 1.0,
    mainBody: 1,
    terminateWhenUnhealthy: true,
    healthyZRange: [0.2, 1.0],
    contactForceRange: [-1.0, 1.0],
    resetNoiseScale: 0.1,
    excludeCurrentPositionsFromObservation: true,
    includeCfrcExtInObservation: true,
  },
  stringAlso: ["mainBody"],
  nonNegative: ["resetNoiseScale"],
  usesContactForces: true,
  build(sim, options, dt) {
    const forwardWeight = options.forwardRewardWeight as number;
    const ctrlWeight = options.ctrlCostWeight as number;
    const contactWeight = options.contactCostWeight as number;
    const healthyReward = options.healthyReward as number;
    const terminate = options.terminateWhenUnhealthy as boolean;
    const [zLo, zHi] = options.healthyZRange as [number, number];
    const [fLo, fHi] = options.contactForceRange as [number, number];
    const noise = options.resetNoiseScale as number;
    const skip = options.excludeCurrentPositionsFromObservation ? 2 : 0;
    const withContacts = options.includeCfrcExtInObservation as boolean;
    const nbody = sim.nbody;
    let main: number;
    if (typeof options.mainBody === "string") {
      main = bodyId(sim, options.mainBody);
    } else {
      main = options.mainBody as number;
      if (!Number.isInteger(main) || main < 0 || main >= nbody) {
        throw new ValidationError("Ant.mainBody", main, `a body name or an id in 0…${nbody - 1}`);
      }
    }
    const base = sim.nq - skip + sim.nv;
    let xBefore = 0, yBefore = 0;
    const positions = (qpos: Float64Array) => ({
      x_position: qpos[0],
      y_position: qpos[1],
      distance_from_origin: Math.hypot(qpos[0], qpos[1]),
    });
    return {
      observationSize: base + (withContacts ? (nbody - 1) * 6 : 0),
      observe(v, out) {
        observePositionsVelocities(v.qpos, v.qvel, skip, out);
        if (withContacts) {
          const f = v.cfrc_ext;
          for (let i = 6; i < nbody * 6; i++) out[base + i - 6] = clip(f[i], fLo, fHi);
        }
      },
      beforeStep(v) {
        xBefore = v.xpos[3 * main];
        yBefore = v.xpos[3 * main + 1];
      },
      afterStep(v, action) {
        const x_velocity = (v.xpos[3 * main] - xBefore) / dt;
        const y_velocity = (v.xpos[3 * main + 1] - yBefore) / dt;
        let finite = true;
        for (const x of v.qpos) if (!Number.isFinite(x)) finite = false;
        for (const x of v.qvel) if (!Number.isFinite(x)) finite = false;
        const z = v.qpos[2];
        const healthy = finite && z >= zLo && z <= zHi;
        let contact = 0;
        const f = v.cfrc_ext;
        for (let i = 0; i < nbody * 6; i++) {
          const c = clip(f[i], fLo, fHi);
          contact += c * c;
        }
        const reward_forward = forwardWeight * x_velocity;
        const reward_ctrl = -ctrlWeight * sumSquares(action);
        const reward_contact = -contactWeight * contact;
        const reward_survive = healthy ? healthyReward : 0;
        return {
          reward: reward_forward + reward_ctrl + reward_contact + reward_survive,
          terminated: terminate && !healthy,
          info: {
            ...positions(v.qpos),
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
        for (let i = 0; i < v.qvel.length; i++) v.qvel[i] += noise * rng.normal();
      },
      resetInfo: (v) => positions(v.qpos),
    };
  },
};
