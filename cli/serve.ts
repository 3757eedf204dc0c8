/**
 * `deno task serve [--runs runs/] [--reports reports/] [--host 127.0.0.1] [--port 8000]`: the
 * local web UI (runs, learning curves, comparisons, 3D rollout replay with video export, reports). Binds to loopback by
 * default and prints the URL.
 * @module
 */
import { createApp } from "../lib/ui/app.ts";
import { bundleIslands } from "../lib/ui/bundle.ts";

const HELP = `deno task serve [options]

Serves the web UI for the runs (and reproduction reports) in a directory.

Options:
  --runs <dir>    runs directory (default: runs/)
  --reports <dir> reports directory of deno task reproduce (default: reports/)
  --host <host>   interface to bind (default: 127.0.0.1, loopback only)
  --port <n>      port (default: 8000; 0 picks a free one)
  --help          this text
`;

/** Parsed options of {@link main}. */
export interface ServeArgs {
  /** Runs directory. */
  runs: string;
  /** Reports directory. */
  reports: string;
  host: string;
  port: number;
}

/** Parses the command line; throws an Error with a message naming the bad flag. */
export function parseServeArgs(args: string[]): ServeArgs | "help" {
  const out: ServeArgs = { runs: "runs/", reports: "reports/", host: "127.0.0.1", port: 8000 };
  for (let i = 0; i < args.length; i++) {
    let flag = args[i], value: string | undefined;
    const eq = flag.indexOf("=");
    if (flag.startsWith("--") && eq > 0) {
      value = flag.slice(eq + 1);
      flag = flag.slice(0, eq);
    }
    if (flag === "--help" || flag === "-h") return "help";
    if (!["--runs", "--reports", "--host", "--port"].includes(flag)) {
      throw new Error(
        `unknown option ${JSON.stringify(flag)}; allowed: --runs, --reports, --host, --port`,
      );
    }
    value ??= args[++i];
    if (value === undefined || value === "") throw new Error(`${flag} needs a value`);
    if (flag === "--runs") out.runs = value;
    else if (flag === "--reports") out.reports = value;
    else if (flag === "--host") out.host = value;
    else {
      const port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new Error(`--port: got ${JSON.stringify(value)}; allowed: an integer 0..65535`);
      }
      out.port = port;
    }
  }
  return out;
}

/** Runs the server until the process is stopped; returns an exit code on bad input. */
export async function main(args: string[]): Promise<number> {
  let parsed: ServeArgs | "help";
  try {
    parsed = parseServeArgs(args);
  } catch (error) {
    console.error(`serve: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (parsed === "help") {
    console.log(HELP);
    return 0;
  }
  const { runs, reports, host, port } = parsed;
  try {
    const stat = await Deno.stat(runs);
    if (!stat.isDirectory) {
      console.error(`serve: --runs ${runs} is not a directory`);
      return 2;
    }
  } catch {
    console.error(`serve: --runs ${runs} does not exist yet; it will be listed once created`);
  }
  if (!["127.0.0.1", "localhost", "::1"].includes(host)) {
    console.error(
      `serve: warning: listening on ${host} exposes your runs to the network (no authentication)`,
    );
  }
  const app = createApp({ runsDir: runs, reportsDir: reports });
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
  const server = Deno.serve({
    hostname: host,
    port,
    onListen: ({ hostname, port }) => {
      const shown = hostname.includes(":") ? `[${hostname}]` : hostname;
      console.log(`stackrl UI: http://${shown}:${port}/  (runs from ${runs})`);
    },
  }, app.fetch);
  await server.finished;
  return 0;
}

if (import.meta.main) Deno.exit(await main(Deno.args));
