// The reproduction plan: both forms of FS* on every task, the paper's settings in every run.
import { assert, assertEquals } from "./assert.ts";
import {
  AGREEING_EPSILON,
  BUDGETS,
  budgetSpec,
  methodKey,
  methodLabel,
  PAPER_EPSILON,
  planRuns,
} from "../lib/report/plan.ts";
import { resolveTrainConfig } from "../lib/train/config.ts";

Deno.test("plan: every budget trains FS* in both forms on every task, labelled", () => {
  for (const budget of BUDGETS) {
    const spec = budgetSpec(budget);
    const plan = planRuns(spec, ["mujoco", "degree"]);
    assertEquals(new Set(plan.map((r) => r.id)).size, plan.length);
    for (const env of spec.tasks) {
      const keys = new Set(plan.filter((r) => r.env === env).map((r) => methodKey(r.method)));
      for (const algo of ["fsddpg", "fstd3"]) {
        assert(keys.has(`${algo}-listing`), `${budget} ${env} ${algo} listing`);
        assert(keys.has(`${algo}-ps1e-5`), `${budget} ${env} ${algo} per-sample 1e-5`);
        assert(keys.has(`${algo}-ps${AGREEING_EPSILON}`), `${budget} ${env} ${algo} ε*`);
      }
      assert(keys.has("fsddpg-cg-ps1e-5"), `${budget} ${env} fsddpg-cg per-sample`);
      assert(!keys.has("fsddpg-cg-listing"), "the listing has no CG form");
    }
    // the degree ablation runs the per-sample form (in the listing o only changes a scalar)
    for (const r of plan.filter((r) => r.purpose.includes("degree"))) {
      assertEquals([r.method.k1k2, r.method.epsilon], ["per-sample", PAPER_EPSILON]);
    }
  }
  assertEquals(
    methodLabel({ algo: "fstd3", k1k2: "per-sample", epsilon: 1e-5 }),
    "fstd3 (per-sample, ε = 1e-5)",
  );
  assertEquals(methodLabel({ algo: "fsddpg", k1k2: "listing" }), "fsddpg (listing)");
});

Deno.test("plan: every run resolves to the paper's learning rates, InvertedPendulum included", () => {
  for (const budget of BUDGETS) {
    for (const run of planRuns(budgetSpec(budget), ["mujoco", "degree"])) {
      const config = resolveTrainConfig(run.input);
      assertEquals([config.lrActor, config.lrCritic], [1e-3, 1e-3], `${budget} ${run.id}`);
      if (run.method.k1k2) assertEquals(config.k1k2, run.method.k1k2);
      if (run.method.epsilon) assertEquals(config.epsilon, run.method.epsilon);
    }
  }
  // a task named by the user gets the paper's settings; only the embedded default is a demo
  assertEquals(resolveTrainConfig({ env: "InvertedPendulum" }).lrActor, 1e-3);
  assertEquals(resolveTrainConfig({ env: "InvertedPendulum" }).startSteps, 10_000);
  assertEquals(resolveTrainConfig({}).lrActor, 3e-3);
});
