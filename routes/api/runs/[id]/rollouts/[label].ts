/**
 * `GET /api/runs/:id/rollouts/:label` → the rollout file as stored (format "stackrl-rollout/1",
 * see `physics/rollout.ts`).
 * @module
 */
import type { RouteContext } from "../../../../../lib/ui/route.ts";
import { readRolloutText } from "../../../../../lib/ui/runs.ts";

/** One rollout, verbatim. */
export async function GET(ctx: RouteContext): Promise<Response> {
  const text = await readRolloutText(ctx.runsDir, ctx.params.id, ctx.params.label);
  return new Response(text, { headers: { "content-type": "application/json; charset=utf-8" } });
}
