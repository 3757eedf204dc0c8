import { assert, assertEquals } from "./assert.ts";
import {
  choiceFlag,
  flagHelp,
  type FlagSpecs,
  intFlag,
  numberFlag,
  parseFlags,
} from "../lib/cli/flags.ts";

const SPECS: FlagSpecs = {
  steps: { type: "string", arg: "n", help: "steps", allowed: "an integer 1..10" },
  "lr-actor": { type: "string", arg: "n", help: "actor learning rate", default: "0.001" },
  quiet: { type: "boolean", help: "less output" },
  help: { type: "boolean", short: "h", help: "this text" },
};
const parse = (args: string[], positionals = 0) =>
  parseFlags(args, SPECS, { command: "deno task x", positionals });

function message(f: () => unknown): string {
  try {
    f();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("no error");
}

Deno.test("flags: both value forms, switches, short aliases and positionals", () => {
  assertEquals(parse(["--steps", "5", "--lr-actor=-1e-3", "--quiet", "run"], 1), {
    values: { steps: "5", "lr-actor": "-1e-3", quiet: true },
    positionals: ["run"],
  });
  assertEquals(parse(["--quiet=false", "-h"]).values, { quiet: false, help: true });
});

Deno.test("flags: errors name the flag as typed, the value as typed and what is allowed", () => {
  const cases: [string[], string][] = [
    [
      ["--stpes", "5"],
      'unknown flag "--stpes"; did you mean --steps?; allowed: --steps, --lr-actor, --quiet, --help',
    ],
    [["--steps"], "--steps: got no value; allowed: an integer 1..10"],
    [["--steps", "--quiet"], "--steps: got no value; allowed: an integer 1..10"],
    [["--steps", "1", "--steps=2"], "--steps: given twice; allowed: once"],
    [["--quiet=maybe"], '--quiet: got "maybe"; allowed: true or false (or the flag alone)'],
    [
      ["extra"],
      'unexpected argument "extra": deno task x takes only flags (deno task x --help lists them)',
    ],
  ];
  for (const [args, expected] of cases) assertEquals(message(() => parse(args)), expected);
  assertEquals(
    message(() => intFlag("--steps", "abc", 1, 10)),
    '--steps: got "abc"; allowed: an integer 1..10',
  );
  assertEquals(
    message(() => intFlag("--steps", "2.5", 1, 10)),
    '--steps: got "2.5"; allowed: an integer 1..10',
  );
  assertEquals(intFlag("--steps", " 7 ", 1, 10), 7);
  assertEquals(
    message(() => numberFlag("--lr-actor", "fast", 0, 1)),
    '--lr-actor: got "fast"; allowed: a number from 0 to 1',
  );
  assertEquals(
    message(() => choiceFlag("--format", "onx", ["onnx", "tfjs"])),
    '--format: got "onx"; allowed: onnx, tfjs (did you mean onnx?)',
  );
});

Deno.test("flags: the help block lists each flag once with its default", () => {
  const text = flagHelp(SPECS);
  assert(text.includes("--lr-actor <n>") && text.includes("(default: 0.001)"), text);
  assert(text.includes("-h, --help"), text);
  assertEquals(text.split("\n").length, 4);
});
