/**
 * The shape of a route module in `routes/` (Fresh's file-per-route layout on Hono): the file path
 * gives the URL pattern (`routes/runs/[id].tsx` → `/runs/:id`, `index` files → their folder) and
 * the module exports a `GET` handler that receives a {@link RouteContext}.
 * @module
 */
import type { Context } from "./deps.ts";

/** What a route handler receives. */
export interface RouteContext {
  /** The incoming request. */
  request: Request;
  /** Its parsed URL. */
  url: URL;
  /** Path parameters (decoded), by the names in the file path's brackets. */
  params: Record<string, string>;
  /** The runs directory the app serves. */
  runsDir: string;
  /** The reports directory the app serves (`deno task reproduce --out`). */
  reportsDir: string;
  /** Poll interval of live streams, in milliseconds. */
  pollMs: number;
  /** The Hono context (for streaming helpers). */
  hono: Context;
}

/** A route module. */
export interface RouteModule {
  GET?: (ctx: RouteContext) => Response | Promise<Response>;
  /** Handles POST (the /learn page's "Save to runs"). */
  POST?: (ctx: RouteContext) => Response | Promise<Response>;
}

/** The URL pattern of a route file: `runs/[id].tsx` → `/runs/:id`, `api/runs/index.ts` → `/api/runs`. */
export function patternOf(file: string): string {
  const parts = file.replace(/\.(tsx|ts)$/, "").split("/");
  if (parts[parts.length - 1] === "index") parts.pop();
  const path = parts.map((p) => {
    const m = /^\[(\w+)\]$/.exec(p);
    return m ? `:${m[1]}` : p;
  }).join("/");
  return `/${path}`;
}

/** A JSON response. */
export function json(value: unknown, status = 200): Response {
  return new Response(JSON.stringify(value), {
    status,
    headers: { "content-type": "application/json; charset=utf-8" },
  });
}
