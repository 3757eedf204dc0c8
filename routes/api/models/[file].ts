/**
 * `GET /api/models/:file` → one MJCF model of `physics/models/` (`application/xml`); names not in
 * that folder are 400 (bad name) or 404.
 * @module
 */
import type { RouteContext } from "../../../lib/ui/route.ts";
import { readModel } from "../../../lib/ui/assets.ts";

/** One model file. */
export async function GET(ctx: RouteContext): Promise<Response> {
  return new Response(await readModel(ctx.params.file) as Uint8Array<ArrayBuffer>, {
    headers: { "content-type": "application/xml; charset=utf-8" },
  });
}
