/**
 * Files the UI serves besides pages: `static/`, the MJCF models of `physics/models/`, and vendor
 * files from installed npm packages (uPlot's stylesheet, MuJoCo's WebAssembly), so that nothing is
 * fetched from a CDN. Every name is checked against a strict pattern before a path is built.
 * @module
 */
import { npmPackageDir, repoRoot } from "./bundle.ts";
import { HttpError } from "./runs.ts";

/** Content types by file extension. */
export const CONTENT_TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".xml": "application/xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".html": "text/html; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
};

/** The content type of `name` (by extension; octet-stream when unknown). */
export function contentType(name: string): string {
  const dot = name.lastIndexOf(".");
  return CONTENT_TYPES[dot >= 0 ? name.slice(dot) : ""] ?? "application/octet-stream";
}

const NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

function checkName(name: string, what: string): string {
  if (!NAME.test(name) || name.includes("..")) {
    throw new HttpError(400, `invalid ${what} ${JSON.stringify(name)}`);
  }
  return name;
}

async function readOr404(path: string, what: string): Promise<Uint8Array> {
  try {
    return await Deno.readFile(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound || error instanceof Deno.errors.IsADirectory) {
      throw new HttpError(404, `no ${what}`);
    }
    throw error;
  }
}

/** A response with `body`, the content type of `name`, and a cache policy. */
export function fileResponse(name: string, body: Uint8Array, immutable = false): Response {
  return new Response(body as Uint8Array<ArrayBuffer>, {
    headers: {
      "content-type": contentType(name),
      "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
    },
  });
}

/** Reads `static/<path>` (sub-folders allowed, each segment checked). */
export async function readStatic(path: string): Promise<Uint8Array> {
  const parts = path.split("/").filter(Boolean);
  if (parts.length === 0) throw new HttpError(404, "no static file");
  parts.forEach((p) => checkName(p, "static file name"));
  return await readOr404(`${repoRoot()}/static/${parts.join("/")}`, `static file ${path}`);
}

/** Vendor files: URL name → [package, version, path inside the package]. */
export const VENDOR: Record<string, [string, string, string]> = {
  "uplot.min.css": ["uplot", "1.6.32", "dist/uPlot.min.css"],
  "mujoco.wasm": ["@mujoco/mujoco", "3.14.0", "mujoco.wasm"],
};

/** Reads a vendor file (404 for names not in {@link VENDOR}). */
export async function readVendor(name: string): Promise<Uint8Array> {
  const entry = VENDOR[name];
  if (!entry) throw new HttpError(404, `no vendor file ${JSON.stringify(name)}`);
  const [pkg, version, inner] = entry;
  const dir = await npmPackageDir(repoRoot(), pkg, version);
  return await readOr404(`${dir}/${inner}`, `vendor file ${name}`);
}

/** The MJCF files of `physics/models/`, sorted. */
export async function listModels(): Promise<string[]> {
  const names: string[] = [];
  for await (const e of Deno.readDir(`${repoRoot()}/physics/models`)) {
    if (e.isFile && e.name.endsWith(".xml")) names.push(e.name);
  }
  return names.sort();
}

/** Reads `physics/models/<file>` (400 for a bad name, 404 when absent). */
export async function readModel(file: string): Promise<Uint8Array> {
  checkName(file, "model file name");
  if (!file.endsWith(".xml")) throw new HttpError(400, `model files end in .xml: got ${file}`);
  return await readOr404(`${repoRoot()}/physics/models/${file}`, `model ${file}`);
}
