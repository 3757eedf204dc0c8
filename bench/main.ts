/**
 * `deno task bench`: every benchmark, figures printed as tables of medians and ratios measured
 * side by side in one run. Benchmarks report; they never pass or fail on time.
 * `--only updates|gpu|physics|train` runs one of them; `--full` includes the slowest cells.
 * The training benchmark also saves its figures for this machine, which `deno task reproduce`
 * estimates its wall time from (bench/train.ts, lib/report/bench_figures.ts).
 * @module
 */
import { benchGpu } from "./gpu.ts";
import { benchPhysics } from "./physics.ts";
import { benchTrain } from "./train.ts";
import { benchUpdates } from "./updates.ts";

const BENCHES = ["updates", "gpu", "physics", "train"] as const;
const args = Deno.args;
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : undefined;
if (only !== undefined && !(BENCHES as readonly string[]).includes(only)) {
  console.error(`--only: got ${JSON.stringify(only)}; allowed: ${BENCHES.join(", ")}`);
  Deno.exit(2);
}
if (!only || only === "updates") console.log(await benchUpdates({ full: args.includes("--full") }));
if (!only || only === "gpu") {
  console.log("\n" + await benchGpu({ widths: args.includes("--full") ? [16, 64, 256] : [16] }));
}
if (!only || only === "physics") console.log("\n" + await benchPhysics());
if (!only || only === "train") console.log("\n" + await benchTrain());
