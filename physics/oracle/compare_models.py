"""Outside-oracle check (docs/environments.md §12): compile our MJCF files and Gymnasium's with the
same MuJoCo (Python bindings 3.14.0) and compare the compiled numbers. Never part of the test
suite; Gymnasium is not a dependency of stackrl and nothing of it is copied.

    python -m venv /tmp/oracle && /tmp/oracle/bin/pip install "gymnasium[mujoco]==1.3.0" mujoco==3.14.0
    /tmp/oracle/bin/python physics/oracle/compare_models.py
"""
import os
import sys

import gymnasium
import mujoco
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OURS = os.path.join(HERE, "..", "models")
THEIRS = os.path.join(os.path.dirname(gymnasium.__file__), "envs", "mujoco", "assets")
PAIRS = {
    "ant.xml": "ant.xml",
    "half_cheetah.xml": "half_cheetah.xml",
    "hopper.xml": "hopper.xml",
    "humanoid.xml": "humanoid.xml",
    "inverted_double_pendulum.xml": "inverted_double_pendulum.xml",
    "inverted_pendulum.xml": "inverted_pendulum.xml",
    "reacher.xml": "reacher.xml",
    "swimmer.xml": "swimmer.xml",
    "walker2d.xml": "walker2d_v5.xml",
}
SIZES = ["nq", "nv", "nu", "nbody", "njnt", "ngeom", "ntendon", "nsite"]
FIELDS = [
    "body_mass", "body_pos", "body_quat", "body_inertia", "body_ipos", "body_iquat",
    "body_parentid", "jnt_type", "jnt_range", "jnt_limited", "jnt_axis", "jnt_pos",
    "jnt_stiffness", "jnt_margin", "jnt_solref", "jnt_solimp", "qpos_spring", "qpos0",
    "dof_damping", "dof_armature", "dof_frictionloss", "geom_type", "geom_size", "geom_pos",
    "geom_quat", "geom_friction", "geom_contype", "geom_conaffinity", "geom_condim",
    "geom_margin", "geom_solref", "geom_solimp", "geom_bodyid", "actuator_gear",
    "actuator_ctrlrange", "actuator_ctrllimited", "actuator_trnid", "tendon_num", "wrap_prm",
    "site_pos",
]
OPTION = [
    "timestep", "integrator", "solver", "iterations", "ls_iterations", "tolerance", "cone",
    "impratio", "gravity", "density", "viscosity", "disableflags", "enableflags",
]

failed = False
for ours, theirs in PAIRS.items():
    a = mujoco.MjModel.from_xml_path(os.path.join(OURS, ours))
    b = mujoco.MjModel.from_xml_path(os.path.join(THEIRS, theirs))
    bad = [f"{s} {getattr(a, s)} vs {getattr(b, s)}" for s in SIZES if getattr(a, s) != getattr(b, s)]
    for f in FIELDS:
        x, y = np.asarray(getattr(a, f), float), np.asarray(getattr(b, f), float)
        if x.shape != y.shape:
            bad.append(f"{f}: shape {x.shape} vs {y.shape}")
        elif x.size and np.max(np.abs(x - y)) > 1e-6:
            bad.append(f"{f}: max difference {np.max(np.abs(x - y)):.3g}")
    for f in OPTION:
        x, y = np.asarray(getattr(a.opt, f), float), np.asarray(getattr(b.opt, f), float)
        if np.max(np.abs(x - y)) > 1e-12:
            bad.append(f"opt.{f}: {x} vs {y}")
    failed |= bool(bad)
    print(f"{ours:32s} " + ("same compiled model" if not bad else "DIFFERENT\n  " + "\n  ".join(bad)))
sys.exit(1 if failed else 0)
