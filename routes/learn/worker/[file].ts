/**
 * `GET /learn/worker/worker.js` → the /learn page's training worker (lib/learn/bundle.ts), and
 * `GET /learn/worker/mujoco.wasm` → MuJoCo's WebAssembly, which the bundled physics layer looks
 * for next to itself. Other names are 404.
 * @module
 */
import type { RouteContext } from "../../../lib/ui/route.ts";
import { HttpError } from "../../../lib/ui/runs.ts";
import { fileResponse, readVendor } from "../../../lib/ui/assets.ts";
import { bundleLearnWorker } from "../../../lib/learn/bundle.ts";

/** The worker bundle or MuJoCo's WebAssembly. */
export async function GET(ctx: RouteContext): Promise<Response> {
  const name = ctx.params.file;
  if (name === "worker.js") {
    try {
      return fileResponse(name, await bundleLearnWorker());
    } catch (error) {
      const message = `learn worker bundle failed: ${(error as Error).message}`;
      console.error(`ui: ${message}`);
      return new Response(`throw new Error(${JSON.stringify(message)});`, {
        status: 500,
        headers: { "content-type": "text/javascript; charset=utf-8" },
      });
    }
  }
  if (name === "mujoco.wasm") return fileResponse(name, await readVendor(name), true);
  throw new HttpError(404, `no learn worker file ${JSON.stringify(name)}`);
}
