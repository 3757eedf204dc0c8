/**
 * The web UI's Hono application: pages and JSON API from the route manifest, islands bundled with
 * esbuild, static and vendor files, a guard that answers 400 to any path that would escape a
 * folder, and error handling that turns failures into error pages (HTML) or `{error}` (API).
 * @module
 */
import { type Context, Hono } from "./deps.ts";
import { ROUTES } from "./manifest.ts";
import { patternOf, type RouteModule } from "./route.ts";
import { HttpError } from "./runs.ts";
import { errorPage } from "./layout.tsx";
import { bundleIslands } from "./bundle.ts";
import { fileResponse, readStatic, readVendor } from "./assets.ts";
import { hidePaths } from "./hide_paths.ts";

/** Options of {@link createApp}. */
export interface AppOptions {
  /** The runs directory (`runs/` by default in the CLI). */
  runsDir: string;
  /** The reports directory (default `reports`). */
  reportsDir?: string;
  /** Poll interval of live streams in ms (default 1000). */
  pollMs?: number;
  /** Start bundling the islands right away (default false: on the first request for one). */
  bundleAtStart?: boolean;
}

/** Whether a request path (percent-decoded) has a `..` segment, a backslash or a NUL. */
export function isTraversal(pathname: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return true;
  }
  return decoded.includes("\\") || decoded.includes("\0") ||
    decoded.split("/").some((s) => s === ".." || s === ".");
}

/**
 * The request's path as sent, before URL parsing drops its `.` and `..` segments (the server
 * hands the request line over as it came, and the router matches on it).
 */
export function rawPath(url: string): string {
  return url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, "").split(/[?#]/)[0] || "/";
}

/** Whether a path has a `.` or `..` segment, plain or percent-encoded (`%2e`). */
export function hasDotSegment(pathname: string): boolean {
  return pathname.split("/").some((s) => /^(\.|%2e){1,2}$/i.test(s));
}

function failure(c: Context, status: number, message: string): Response {
  if (rawPath(c.req.url).startsWith("/api/")) {
    return new Response(JSON.stringify({ error: message, status }), {
      status,
      headers: { "content-type": "application/json; charset=utf-8" },
    });
  }
  return errorPage(status, message);
}

/** Routes sorted so that literal segments win over parameters at the same depth. */
function orderedRoutes(): [string, RouteModule][] {
  return Object.entries(ROUTES)
    .map(([file, mod]) => [patternOf(file), mod] as [string, RouteModule])
    .sort(([a], [b]) => {
      const pa = a.split("/"), pb = b.split("/");
      for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
        const da = pa[i].startsWith(":") ? 1 : 0, db = pb[i].startsWith(":") ? 1 : 0;
        if (da !== db) return da - db;
      }
      return pb.length - pa.length;
    });
}

/** Creates the UI application for the runs in `runsDir`. */
export function createApp(options: AppOptions): Hono {
  const runsDir = options.runsDir.replace(/\/+$/, "") || ".";
  const reportsDir = (options.reportsDir ?? "reports").replace(/\/+$/, "") || ".";
  const pollMs = options.pollMs ?? 1000;
  const app = new Hono();
  if (options.bundleAtStart) bundleIslands().catch(() => {/* reported on request */});

  app.use("*", async (c, next) => {
    const path = rawPath(c.req.url);
    // `/runs/.` names the runs folder itself, never a run: nothing is there on any route
    if (hasDotSegment(path)) return failure(c, 404, `no page at ${path}`);
    if (isTraversal(path)) return failure(c, 400, "path escapes its folder");
    await next();
  });

  // messages may quote file-system errors; the browser is not told where the server keeps files
  const hide = (message: string) => hidePaths(message, [runsDir, reportsDir]);
  app.onError((error, c) => {
    if (error instanceof HttpError) return failure(c, error.status, hide(error.message));
    console.error(`ui: ${c.req.method} ${c.req.url}:`, error);
    return failure(c, 500, hide((error as Error).message ?? String(error)));
  });
  app.notFound((c) => failure(c, 404, `no page at ${rawPath(c.req.url)}`));

  app.get("/islands/:file", async (c) => {
    const name = c.req.param("file");
    let bundle;
    try {
      bundle = await bundleIslands();
    } catch (error) {
      const message = `island bundle failed: ${(error as Error).message}`;
      console.error(`ui: ${message}`);
      return new Response(`console.error(${JSON.stringify(message)});`, {
        status: 500,
        headers: { "content-type": "text/javascript; charset=utf-8" },
      });
    }
    const body = bundle.files.get(name);
    if (!body) throw new HttpError(404, `no island file ${JSON.stringify(name)}`);
    return fileResponse(name, body, name.startsWith("chunk-"));
  });
  app.get("/static/*", async (c) => {
    const path = new URL(c.req.url).pathname.slice("/static/".length);
    return fileResponse(path, await readStatic(decodeURIComponent(path)));
  });
  app.get("/vendor/:file", async (c) => {
    const name = c.req.param("file");
    return fileResponse(name, await readVendor(name), true);
  });

  for (const [pattern, mod] of orderedRoutes()) {
    for (const [method, handler] of [["get", mod.GET], ["post", mod.POST]] as const) {
      if (!handler) continue;
      app[method](pattern, async (c) =>
        await handler({
          request: c.req.raw,
          url: new URL(c.req.url),
          params: c.req.param() as Record<string, string>,
          runsDir,
          reportsDir,
          pollMs,
          hono: c,
        }));
    }
  }
  return app;
}
