/**
 * `GET /learn/worker/models/:file` → one MJCF model of `physics/models/`, where the bundled
 * physics layer of the /learn worker fetches its task models (next to itself).
 * @module
 */
import type { RouteContext } from "../../../../lib/ui/route.ts";
import { fileResponse, readModel } from "../../../../lib/ui/assets.ts";

/** One model file. */
export async function GET(ctx: RouteContext): Promise<Response> {
  return fileResponse(ctx.params.file, await readModel(ctx.params.file));
}
