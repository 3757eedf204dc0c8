/**
 * `deno task bench`: every benchmark, figures printed as tables of medians and ratios measured
 * side by side in one run. Benchmarks report; they never pass or fail on time.
 * `--only updates|physics` runs one of them; `--full` includes the slowest cells.
 * @module
 */
import { benchUpdates } from "./updates.ts";

const args = Deno.args;
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : undefined;
if (only !== undefined && !["updates", "physics"].includes(only)) {
  console.error(`--only: got ${JSON.stringify(only)}; allowed: "updates" or "physics"`);
  Deno.exit(2);
}
if (!only || only === "updates") console.log(await benchUpdates({ full: args.includes("--full") }));
if (!only || only === "physics") {
  const physics = "./physics.ts";
  try {
    const mod = await import(physics) as { benchPhysics(): Promise<string> };
    console.log("\n" + await mod.benchPhysics());
  } catch (error) {
    if (!(error instanceof Error && /Module not found|Cannot find module/.test(error.message))) {
      throw error;
    }
    console.log("\nphysics benchmark: not available in this version");
  }
}
