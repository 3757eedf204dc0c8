/**
 * Command-line entry point: `deno task <train|serve|reproduce|export>` lands here with the
 * subcommand as the first argument; each subcommand lives in `cli/<name>.ts` and exports
 * `main(args)`.
 * @module
 */
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
    console.error(
      `usage: main.ts <${Object.keys(COMMANDS).join("|")}> [options]; got ${JSON.stringify(name)}`,
    );
    Deno.exit(2);
  }
  Deno.exit(await (await load()).main(rest));
}
