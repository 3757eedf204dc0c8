/**
 * `GET /api` → `{ endpoints: [{ path, description }] }`: the JSON API, for scripts.
 * @module
 */
import { json } from "../../lib/ui/route.ts";

/** The API's endpoints and what they return. */
export const ENDPOINTS: { path: string; description: string }[] = [
  {
    path: "/api/runs",
    description: "{ runs: RunSummary[] } — every run, newest first; unreadable runs carry `error`",
  },
  {
    path: "/api/runs/:id",
    description: "{ id, config, status, rollouts, counts: {episode, eval, update}, errors }",
  },
  {
    path: "/api/runs/:id/metrics?type=eval,episode,update&member=0&max=5000",
    description:
      "{ id, offset, total, returned, downsampled, rows } — metric rows, each (type, member) group " +
      "downsampled to at most `max` bucket means",
  },
  {
    path: "/api/runs/:id/stream?offset=N",
    description:
      "Server-Sent Events: `rows` ({offset, rows}), `status` (status.json), `end` when the run " +
      "is no longer running (a run whose writer is gone reads `stale`)",
  },
  {
    path: "/api/runs/:id/rollouts",
    description: "{ rollouts: [{ label, env, model, fps, episodes: [{frames, return, length, " +
      "terminated}] } | { label, error }] }",
  },
  {
    path: "/api/runs/:id/rollouts/:label",
    description: 'the rollout file ("stackrl-rollout/1", see physics/rollout.ts)',
  },
  { path: "/api/models", description: "{ models: string[] } — MJCF files of physics/models/" },
  { path: "/api/models/:file", description: "one MJCF model (application/xml)" },
];

/** Lists the endpoints. */
export function GET(): Response {
  return json({ endpoints: ENDPOINTS });
}
