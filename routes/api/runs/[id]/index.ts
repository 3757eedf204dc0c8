/**
 * `GET /api/runs/:id` → `{ id, config, status, rollouts: string[], counts: {episode, eval,
 * update}, errors: string[] }`; `config`/`status` are `null` when unreadable (see `errors`).
 * @module
 */
import { json, type RouteContext } from "../../../../lib/ui/route.ts";
import { loadRun } from "../../../../lib/ui/runs.ts";

/** One run's config and status. */
export async function GET(ctx: RouteContext): Promise<Response> {
  const run = await loadRun(ctx.runsDir, ctx.params.id);
  const counts = { episode: 0, eval: 0, update: 0 } as Record<string, number>;
  for (const r of run.metrics) counts[r.type] = (counts[r.type] ?? 0) + 1;
  return json({
    id: run.id,
    config: run.config,
    status: run.status,
    rollouts: run.rollouts,
    counts,
    errors: run.errors,
  });
}
