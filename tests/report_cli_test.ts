// `deno task reproduce`'s command line (lib/cli/flags.ts): defaults, both flag spellings, and one
// line per bad input naming the flag as typed, the value as typed and what is allowed (exit 2,
// nothing run, no stack trace).
import { main as reproduceMain, parseArgs } from "../cli/reproduce.ts";
import { assert, assertEquals } from "./assert.ts";
import { captured } from "./quiet.ts";

Deno.test("reproduce flags: defaults, --flag value and --flag=value, --only in report order", () => {
  const d = parseArgs([]);
  assertEquals(
    [d.only, d.onlyGiven, d.out, d.budget, d.jobs, d.seeds, d.toySteps, d.runs, d.collect],
    [
      ["toy", "directions", "timing", "degree", "mujoco"],
      false,
      "reports",
      "short",
      1,
      null,
      null,
      null,
      null,
    ],
  );
  assert(/^\d{8}-\d{6}$/.test(d.id), d.id);
  const p = parseArgs([
    "--only=mujoco, toy",
    "--budget",
    "smoke",
    "--seeds=3",
    "--jobs",
    "2",
    "--runs",
    "store//",
    "--id",
    "r.1",
    "--toy-steps",
    "600",
  ]);
  assertEquals(
    [p.only, p.onlyGiven, p.budget, p.seeds, p.jobs, p.runs, p.id, p.toySteps],
    [["toy", "mujoco"], true, "smoke", 3, 2, "store", "r.1", 600],
  );
  assertEquals(parseArgs(["--emit-jobs", "k8s", "--run-index", "0"]).emitJobs, "k8s");
  assertEquals(parseArgs(["-h"]).help, true);
  assertEquals([d.into, parseArgs(["--only", "toy", "--into", "docs/results/short/"]).into], [
    null,
    "docs/results/short",
  ]);
});

Deno.test("reproduce flags: each bad input is one line with the flag, the value and what is allowed", async () => {
  const cases: [string[], RegExp][] = [
    [["--seeds", "abc"], /--seeds: got "abc"; allowed: an integer 1\.\.64/],
    [["--jobs=0"], /--jobs: got "0"; allowed: an integer 1\.\.64/],
    [["--toy-steps", "5"], /--toy-steps: got "5"; allowed: an integer 10\.\.1000000/],
    [["--run-index", "-1"], /--run-index: got "-1"; allowed: an integer 0\.\.1000000/],
    [["--budget", "huge"], /--budget: got "huge"; allowed: smoke, short, paper/],
    [["--emit-jobs", "pbs"], /--emit-jobs: got "pbs"; allowed: slurm, k8s, list/],
    [["--id", "../x"], /--id: got "\.\.\/x"; allowed: letters, digits/],
    [
      ["--only", "toys"],
      /--only: unknown section "toys" \(did you mean "toy"\?\); available: toy, /,
    ],
    [["--only", ","], /--only: got ","; available: toy, /],
    [["--out"], /--out: got no value; allowed: a path/],
    [["--out", "--budget", "smoke"], /--out: got no value/],
    [["--colect", "x"], /unknown flag "--colect"; did you mean --collect\?/],
    [["--budget", "smoke", "--budget", "short"], /--budget: given twice/],
    [["smoke"], /unexpected argument "smoke"/],
    [["--collect", "x", "--emit-jobs", "list"], /--collect .* cannot be combined with --emit-jobs/],
    [["--into", "x"], /--into rebuilds only the toy section: give --only toy \(got no --only\)/],
    [["--into", "x", "--only", "toy,mujoco"], /give --only toy \(got --only toy,mujoco\)/],
    [["--only", "toy", "--into", "x", "--id=y"], /--into .* cannot be combined with --id$/],
    [
      ["--only", "toy", "--into", "/nonexistent-stackrl"],
      /--into \/nonexistent-stackrl: no report\.json there/,
    ],
  ];
  for (const [args, message] of cases) {
    const r = await captured(reproduceMain, args);
    assertEquals(r.code, 2, args.join(" "));
    assertEquals(r.out, "", args.join(" "));
    const lines = r.err.trim().split("\n");
    assert(message.test(lines[0]), `${args.join(" ")}: ${r.err}`);
    assert(lines[0].startsWith("reproduce: "), lines[0]);
    assert(!/\n\s+at /.test(r.err), `${args.join(" ")}: a stack trace`);
  }
});
