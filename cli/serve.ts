/**
 * `deno task serve`: the local web UI (runs, learning curves, comparisons, 3D rollout replay with
 * video export, reports). Binds to loopback by default and prints the URL. Exit codes: 2 bad
 * command line, 1 the server cannot start (the port is taken, the address is not this machine's).
 * @module
 */
import { createApp } from "../lib/ui/app.ts";
import { bundleIslands } from "../lib/ui/bundle.ts";
import {
  flagHelp,
  type FlagSpecs,
  intFlag,
  parseFlags,
  pathFlag,
  UsageError,
} from "../lib/cli/flags.ts";
import { ValidationError } from "../lib/errors.ts";

const FLAGS: FlagSpecs = {
  runs: {
    type: "string",
    arg: "dir",
    help: "runs directory",
    default: "runs/",
    allowed: "a folder path",
  },
  reports: {
    type: "string",
    arg: "dir",
    help: "reports directory of deno task reproduce",
    default: "reports/",
    allowed: "a folder path",
  },
  host: {
    type: "string",
    arg: "host",
    help: "interface to bind",
    default: "127.0.0.1, loopback only",
    allowed: "a host name or address",
  },
  port: {
    type: "string",
    arg: "n",
    help: "port; 0 picks a free one",
    default: "8000",
    allowed: "an integer 0..65535",
  },
  help: { type: "boolean", short: "h", help: "this text" },
};

const HELP = `deno task serve [options]

Serves the web UI for the runs (and reproduction reports) in a directory.

Options:
${flagHelp(FLAGS)}
`;

/** Parsed options of {@link main}. */
export interface ServeArgs {
  /** Runs directory. */
  runs: string;
  /** Reports directory. */
  reports: string;
  /** Interface to bind. */
  host: string;
  /** Port (0: a free one). */
  port: number;
}

/** Parses the command line; throws a UsageError or ValidationError naming the bad flag. */
export function parseServeArgs(args: string[]): ServeArgs | "help" {
  const { values } = parseFlags(args, FLAGS, { command: "deno task serve" });
  if (values.help === true) return "help";
  const text = (name: string, fallback: string) =>
    values[name] === undefined
      ? fallback
      : pathFlag(`--${name}`, values[name] as string, FLAGS[name].allowed);
  return {
    runs: text("runs", "runs/"),
    reports: text("reports", "reports/"),
    host: text("host", "127.0.0.1"),
    port: values.port === undefined ? 8000 : intFlag("--port", values.port as string, 0, 65535),
  };
}

/** Runs the server until the process is stopped; returns an exit code on bad input. */
export async function main(args: string[]): Promise<number> {
  let parsed: ServeArgs | "help";
  try {
    parsed = parseServeArgs(args);
  } catch (error) {
    if (!(error instanceof UsageError || error instanceof ValidationError)) throw error;
    console.error(`error: ${error.message} (deno task serve --help lists the options)`);
    return 2;
  }
  if (parsed === "help") {
    console.log(HELP);
    return 0;
  }
  const { runs, reports, host, port } = parsed;
  try {
    if (!(await Deno.stat(reports)).isDirectory) {
      console.error(
        `error: --reports: got ${JSON.stringify(reports)}; allowed: a folder (this is a file)`,
      );
      return 2;
    }
  } catch {
    // no reports yet: the reports page says so
  }
  try {
    const stat = await Deno.stat(runs);
    if (!stat.isDirectory) {
      console.error(
        `error: --runs: got ${JSON.stringify(runs)}; allowed: a folder (this is a file)`,
      );
      return 2;
    }
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) {
      console.error(
        `error: --runs: cannot read ${JSON.stringify(runs)}: ${(error as Error).message}`,
      );
      return 1;
    }
    console.error(`serve: --runs ${runs} does not exist yet; it will be listed once created`);
  }
  const app = createApp({ runsDir: runs, reportsDir: reports });
  let server: Deno.HttpServer;
  try {
    server = Deno.serve({
      hostname: host,
      port,
      onListen: ({ hostname, port }) => {
        const shown = hostname.includes(":") ? `[${hostname}]` : hostname;
        console.log(`stackrl UI: http://${shown}:${port}/  (runs from ${runs})`);
        if (!["127.0.0.1", "localhost", "::1"].includes(host)) {
          console.error(
            `serve: warning: listening on ${host} exposes your runs to the network (no authentication)`,
          );
        }
      },
    }, app.fetch);
  } catch (error) {
    console.error(`error: ${listenError(error, host, port)}`);
    return 1;
  }
  try {
    const bundle = await bundleIslands();
    console.error(
      `serve: bundled ${bundle.files.size} island files in ${bundle.millis.toFixed(0)} ms`,
    );
  } catch (error) {
    console.error(
      `serve: cannot bundle the islands (pages still render): ${(error as Error).message}`,
    );
  }
  await server.finished;
  return 0;
}

/** One line for a server that cannot listen, naming the flag to change. */
function listenError(error: unknown, host: string, port: number): string {
  if (error instanceof Deno.errors.AddrInUse) {
    return `--port: got ${port}; allowed: a free port (${host}:${port} is in use; --port 0 picks a free one)`;
  }
  if (error instanceof Deno.errors.AddrNotAvailable) {
    return `--host: got ${
      JSON.stringify(host)
    }; allowed: an address of this machine (127.0.0.1 by default)`;
  }
  if (error instanceof Deno.errors.PermissionDenied) {
    return `--port: got ${port}; allowed: a port this user may bind (ports below 1024 need privileges): ${
      (error as Error).message
    }`;
  }
  return `--host: got ${JSON.stringify(host)}; allowed: a name or address of this machine (${
    (error as Error)?.message ?? String(error)
  })`;
}

if (import.meta.main) Deno.exit(await main(Deno.args));
