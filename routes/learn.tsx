/** @jsxImportSource npm:preact@10.29.8 */
/**
 * `/learn`: train in the browser and watch it learn. The form's choices come from the query
 * (`?env=InvertedPendulum&algo=fstd3&autostart=1`, or any form field by its config name); the
 * island (islands/LearnPage.tsx) runs the training worker and draws. Nothing trains on the server.
 * @module
 */
import { ErrorPanel, Island, renderPage } from "../lib/ui/layout.tsx";
import type { RouteContext } from "../lib/ui/route.ts";
import LearnPage from "../islands/LearnPage.tsx";

/** The page's own layout (the shared stylesheet has none for it). */
const STYLE = `.learn-form{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:flex-end}
.learn-form label{display:flex;flex-direction:column;gap:.2rem;font-size:.85rem}
.learn-buttons,.learn-keep{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
.learn-buttons{width:100%}.learn-keep{margin:.75rem 0}
.learn-status{margin:.75rem 0}.learn-status progress{width:18rem;vertical-align:middle;margin-right:.5rem}
.learn-view h2 label{font-size:.85rem;font-weight:normal}`;

/** The page. */
export async function GET(ctx: RouteContext): Promise<Response> {
  // the settings' defaults come from the training config (which loads tfjs): only when asked
  const { learnPageProps } = await import("../lib/learn/page_props.ts");
  const props = learnPageProps(ctx.url.searchParams);
  return renderPage(
    "Learn",
    <>
      <h1>Learn in the browser</h1>
      <p class="muted">
        Training runs in a Web Worker on this machine, with the same code as{" "}
        <code>deno task train</code>{" "}
        (the same seed gives the same curve); nothing trains on the server. Keep the result with a
        checkpoint download or <em>Save to runs</em>.
      </p>
      {props.errors.length > 0 ? <ErrorPanel title="Bad query" errors={props.errors} /> : null}
      <style dangerouslySetInnerHTML={{ __html: STYLE }} />
      <Island name="LearnPage" component={LearnPage} props={props} />
    </>,
  );
}
