"""Outside-oracle trajectories (docs/environments.md §12): for each v5 task, reset Gymnasium with a
seed, record qpos/qvel, then 40 steps (or argv[2]) of the documented deterministic action sequence
a_j(t) = low_j + (0.5 sin(0.1 t + j) + 1)(high_j - low_j)/2 (float32). Writes JSON for
compare.ts. Never part of the test suite.

    /tmp/oracle/bin/python physics/oracle/gymnasium_trajectories.py /tmp/gym_traj.json [steps]
    deno run --allow-read physics/oracle/compare.ts /tmp/gym_traj.json
"""
import json
import sys

import gymnasium as gym
import numpy as np

TASKS = ["Ant", "HalfCheetah", "Hopper", "Humanoid", "InvertedDoublePendulum",
         "InvertedPendulum", "Reacher", "Swimmer", "Walker2d"]
STEPS = int(sys.argv[2]) if len(sys.argv) > 2 else 40
# Also the tasks that terminate early, kept running (terminate_when_unhealthy=False), so that long
# horizons are compared too.
RUNS = [(name, {}) for name in TASKS] + [
    (name, {"terminate_when_unhealthy": False}) for name in ["Ant", "Hopper", "Humanoid", "Walker2d"]
]
out = {}
for name, kwargs in RUNS:
    env = gym.make(f"{name}-v5", **kwargs)
    obs, _ = env.reset(seed=3)
    data = env.unwrapped.data
    low, high = env.action_space.low, env.action_space.high
    rec = {"env": name, "kwargs": kwargs, "qpos": data.qpos.tolist(), "qvel": data.qvel.tolist(),
           "obs0": obs.tolist(), "steps": []}
    for t in range(STEPS):
        a = np.array([low[j] + (0.5 * np.sin(0.1 * t + j) + 1) * (high[j] - low[j]) / 2
                      for j in range(len(low))], dtype=np.float32)
        o, r, term, trunc, info = env.step(a)
        rec["steps"].append({
            "a": a.tolist(), "obs": o.tolist(), "r": float(r), "te": bool(term), "tr": bool(trunc),
            "info": {k: float(v) for k, v in info.items() if np.ndim(v) == 0},
        })
        if term:
            break
    out[name + "".join(f" {k}={v}" for k, v in kwargs.items())] = rec
with open(sys.argv[1] if len(sys.argv) > 1 else "gym_traj.json", "w") as f:
    json.dump(out, f)
