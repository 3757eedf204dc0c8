/**
 * Command-line entry point: `deno task <train|serve|reproduce|export>` lands here with the
 * subcommand as the first argument; each subcommand lives in `cli/<name>.ts` and exports
 * `main(args)`. A failure prints one line (with `STACKRL_DEBUG=1`, its stack) and exits 1.
 * @module
 */
import { nearest } from "./lib/errors.ts";

const COMMANDS: Record<string, () => Promise<{ main(args: string[]): Promise<number> }>> = {
  train: () => import("./cli/train.ts"),
  serve: () => import("./cli/serve.ts"),
  reproduce: () => import("./cli/reproduce.ts"),
  export: () => import("./cli/export.ts"),
};

if (import.meta.main) {
  const [name, ...rest] = Deno.args;
  const load = COMMANDS[name];
  if (!load) {
    const names = Object.keys(COMMANDS);
    const hint = name === undefined ? undefined : nearest(name, names);
    console.error(
      `error: unknown command ${JSON.stringify(name ?? "")}${
        hint ? `; did you mean ${hint}?` : ""
      }; allowed: ${names.join(", ")} (usage: main.ts <command> [options])`,
    );
    Deno.exit(2);
  }
  let code: number;
  try {
    code = await (await load()).main(rest);
  } catch (error) {
    // a failure no command turned into a message: still one line (the stack on request)
    const debug = Deno.env.get("STACKRL_DEBUG") === "1";
    const text = debug ? (error as Error)?.stack : (error as Error)?.message?.split("\n")[0];
    console.error(
      `error: ${name} failed: ${text ?? String(error)}${
        debug ? "" : " (STACKRL_DEBUG=1 shows where)"
      }`,
    );
    code = 1;
  }
  Deno.exit(code);
}
