/**
 * `GET /api/runs/:id/rollouts` → `{ rollouts: [{ label, env, model, fps, episodes: [{frames,
 * return, length, terminated}] } | { label, error }] }`.
 * @module
 */
import { json, type RouteContext } from "../../../../../lib/ui/route.ts";
import { loadRun, rolloutInfos } from "../../../../../lib/ui/runs.ts";

/** The run's rollouts (headers only). */
export async function GET(ctx: RouteContext): Promise<Response> {
  const run = await loadRun(ctx.runsDir, ctx.params.id);
  return json({ rollouts: await rolloutInfos(ctx.runsDir, run) });
}
