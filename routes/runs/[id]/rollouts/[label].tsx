/** @jsxImportSource npm:preact@10.29.8 */
/**
 * `/runs/:id/rollouts/:label`: the 3D rollout player (three.js, poses from MuJoCo WASM in the
 * browser) with video export.
 * @module
 */
import { ErrorPanel, Island, renderPage } from "../../../../lib/ui/layout.tsx";
import type { RouteContext } from "../../../../lib/ui/route.ts";
import { loadRun, rolloutInfos } from "../../../../lib/ui/runs.ts";
import { checkLabel, HttpError } from "../../../../lib/ui/runs.ts";
import RolloutPlayer from "../../../../islands/RolloutPlayer.tsx";

/** Renders the player page. */
export async function GET(ctx: RouteContext): Promise<Response> {
  const label = checkLabel(ctx.params.label);
  const run = await loadRun(ctx.runsDir, ctx.params.id);
  if (!run.rollouts.includes(label)) {
    throw new HttpError(
      404,
      `run ${JSON.stringify(run.id)} has no rollout ${JSON.stringify(label)}`,
    );
  }
  const [info] = await rolloutInfos(ctx.runsDir, { ...run, rollouts: [label] });
  const id = encodeURIComponent(run.id);
  return renderPage(
    `${label} · ${run.id}`,
    <>
      <h1>
        Rollout <code>{label}</code> of <a href={`/runs/${id}`}>{run.id}</a>
      </h1>
      {info.error
        ? <ErrorPanel title="This rollout cannot be played" errors={[info.error]} />
        : (
          <Island
            name="RolloutPlayer"
            component={RolloutPlayer}
            props={{
              rolloutUrl: `/api/runs/${id}/rollouts/${encodeURIComponent(label)}`,
              modelUrl: `/api/models/${encodeURIComponent(info.model ?? "")}`,
              title: `${info.env ?? "rollout"} · ${label}`,
              videoName: `${run.id}-${label}`,
            }}
          />
        )}
    </>,
  );
}
