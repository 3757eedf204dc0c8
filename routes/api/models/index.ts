/**
 * `GET /api/models` → `{ models: string[] }`: the MJCF files of `physics/models/` the rollout
 * player can load.
 * @module
 */
import { json } from "../../../lib/ui/route.ts";
import { listModels } from "../../../lib/ui/assets.ts";

/** Lists the model files. */
export async function GET(): Promise<Response> {
  return json({ models: await listModels() });
}
