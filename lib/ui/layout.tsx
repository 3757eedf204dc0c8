/** @jsxImportSource npm:preact@10.29.8 */
/**
 * The page shell (head, navigation, styles) and the `<Island>` wrapper: an island is rendered on
 * the server like any component, inside `<div data-island="Name" data-props="…">`, and the page
 * loads `/islands/Name.js`, which hydrates it in the browser.
 * @module
 */
import { type ComponentChildren, h, renderToString, type VNode } from "./deps.ts";
import type { IslandName } from "./bundle.ts";

let collecting: Set<string> | null = null;

/** Renders `component` with `props` as island `name` (props must be JSON-serialisable). */
// deno-lint-ignore no-explicit-any
export function Island<P extends Record<string, any>>(
  { name, component, props }: {
    name: IslandName;
    component: (props: P) => VNode | null;
    props: P;
  },
): VNode {
  collecting?.add(name);
  return (
    <div data-island={name} data-props={JSON.stringify(props)}>
      {h(component, props)}
    </div>
  );
}

/** A red panel listing problems (malformed run files, bad input). */
export function ErrorPanel({ title, errors }: { title: string; errors: string[] }): VNode {
  return (
    <div class="error-panel" role="alert">
      <strong>{title}</strong>
      <ul>{errors.map((e, i) => <li key={i}>{e}</li>)}</ul>
    </div>
  );
}

function Shell(
  { title, body, islands }: { title: string; body: string; islands: string[] },
): VNode {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · stackrl`}</title>
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/vendor/uplot.min.css" />
        <link rel="stylesheet" href="/static/style.css" />
        {islands.map((name) => <script key={name} type="module" src={`/islands/${name}.js`} />)}
      </head>
      <body>
        <header class="top">
          <a class="brand" href="/">stackrl</a>
          <nav>
            <a href="/">Runs</a>
            <a href="/compare">Compare</a>
            <a href="/learn">Learn</a>
            <a href="/toys">Toy games</a>
            <a href="/reports">Reports</a>
            <a href="/api">API</a>
          </nav>
        </header>
        <main dangerouslySetInnerHTML={{ __html: body }} />
      </body>
    </html>
  );
}

/** Renders a full HTML page around `content` (status 200 unless given). */
export function renderPage(
  title: string,
  content: ComponentChildren,
  status = 200,
): Response {
  const previous = collecting;
  collecting = new Set();
  let body: string, islands: string[];
  try {
    body = renderToString(<>{content}</>);
    islands = [...collecting];
  } finally {
    collecting = previous;
  }
  const html = "<!doctype html>" +
    renderToString(<Shell title={title} body={body} islands={islands} />);
  return new Response(html, {
    status,
    headers: { "content-type": "text/html; charset=utf-8" },
  });
}

export { fmt, fmtDuration } from "./format.ts";

/** An error page (HTML) with `status`. */
export function errorPage(status: number, message: string): Response {
  return renderPage(
    `Error ${status}`,
    <>
      <h1>Error {status}</h1>
      <ErrorPanel title={status === 404 ? "Not found" : "Request failed"} errors={[message]} />
      <p>
        <a href="/">Back to the runs</a>
      </p>
    </>,
    status,
  );
}
