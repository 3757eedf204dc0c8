/**
 * Bundles the islands (`islands/*.tsx`) for the browser with the native esbuild from npm, once per
 * process, in memory (nothing is written to disk). Each island becomes an entry that hydrates every
 * `<div data-island="Name">` of the page; code shared by islands (preact, uPlot, …) is split into
 * chunks. Islands import npm packages with the same fully qualified `npm:name@version/sub`
 * specifiers the server uses; a small esbuild plugin maps them onto the package directories Deno
 * installed under `node_modules/.deno/` (installing them with `deno cache` when missing), so the
 * browser gets exactly the versions the server pins and nothing comes from a CDN.
 * @module
 */
import { esbuild } from "./deps.ts";

/** Names of the islands (files `islands/<Name>.tsx`). */
export const ISLANDS = [
  "RunsTable",
  "RunCharts",
  "CompareChart",
  "RolloutPlayer",
] as const;
/** One island's name. */
export type IslandName = typeof ISLANDS[number];

/** The bundled output: file name (relative to `/islands/`) → JavaScript text. */
export interface IslandBundle {
  files: Map<string, Uint8Array>;
  /** Milliseconds the bundle took. */
  millis: number;
}

const REPO_ROOT = new URL("../../", import.meta.url);
const PREACT = "npm:preact@10.29.8";

/** Repository root as a file path (the UI bundles only from a local checkout). */
export function repoRoot(): string {
  if (REPO_ROOT.protocol !== "file:") {
    throw new Error("the web UI bundles its islands from a local checkout (file: URL) only");
  }
  return decodeURIComponent(REPO_ROOT.pathname).replace(/\/$/, "");
}

/** Splits `npm:@scope/name@1.2.3/sub/path` into its parts (version required). */
export function parseNpmSpecifier(
  spec: string,
): { name: string; version: string; subpath: string } | null {
  const m = /^npm:\/?((?:@[^/@]+\/)?[^/@]+)@([^/]+)(\/.*)?$/.exec(spec);
  if (!m) return null;
  return { name: m[1], version: m[2], subpath: m[3] ?? "" };
}

/** Directory holding the installed package (`node_modules/.deno/<name>@<version>/node_modules`). */
export function npmPackageParent(root: string, name: string, version: string): string {
  return `${root}/node_modules/.deno/${name.replace("/", "+")}@${version}/node_modules`;
}

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Makes sure Deno installed every npm package the islands import (runs `deno cache` when not). */
export async function ensureInstalled(root: string): Promise<void> {
  const specs = new Set<string>();
  for (const name of ISLANDS) {
    const text = await Deno.readTextFile(`${root}/islands/${name}.tsx`);
    for (const m of text.matchAll(/["'](npm:[^"']+)["']/g)) specs.add(m[1]);
  }
  for (const name of ["deps.ts"]) {
    const text = await Deno.readTextFile(`${root}/islands/${name}`).catch(() => "");
    for (const m of text.matchAll(/["'](npm:[^"']+)["']/g)) specs.add(m[1]);
  }
  let missing = false;
  for (const spec of specs) {
    const p = parseNpmSpecifier(spec);
    if (p && !(await exists(`${npmPackageParent(root, p.name, p.version)}/${p.name}`))) {
      missing = true;
    }
  }
  if (!missing) return;
  const files = [...ISLANDS.map((n) => `islands/${n}.tsx`), "islands/deps.ts"];
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["cache", ...files],
    cwd: root,
    stdout: "piped",
    stderr: "piped",
  }).output();
  if (!out.success) {
    throw new Error(
      `cannot install the islands' npm packages: ${new TextDecoder().decode(out.stderr)}`,
    );
  }
}

function npmPlugin(root: string): esbuild.Plugin {
  return {
    name: "deno-npm",
    setup(build) {
      build.onResolve({ filter: /^npm:/ }, async (args) => {
        const p = parseNpmSpecifier(args.path);
        if (!p) return { errors: [{ text: `unpinned npm specifier ${args.path}` }] };
        const result = await build.resolve(p.name + p.subpath, {
          kind: args.kind,
          resolveDir: npmPackageParent(root, p.name, p.version),
        });
        if (result.errors.length > 0) return { errors: result.errors };
        return { path: result.path, sideEffects: result.sideEffects };
      });
      build.onResolve({ filter: /^island:/ }, (args) => ({
        path: args.path.slice("island:".length),
        namespace: "island-entry",
      }));
      build.onLoad({ filter: /.*/, namespace: "island-entry" }, (args) => ({
        loader: "js",
        resolveDir: root,
        contents: `import { h, hydrate } from "${PREACT}";
import Island from "./islands/${args.path}.tsx";
for (const el of document.querySelectorAll('[data-island="${args.path}"]')) {
  const props = JSON.parse(el.getAttribute("data-props") || "{}");
  hydrate(h(Island, props), el);
}
`,
      }));
    },
  };
}

let cached: Promise<IslandBundle> | undefined;

/** Bundles the islands (once per process; later calls return the same bundle). */
export function bundleIslands(): Promise<IslandBundle> {
  cached ??= build().catch((error) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function build(): Promise<IslandBundle> {
  const root = repoRoot();
  const t0 = performance.now();
  await ensureInstalled(root);
  try {
    const result = await esbuild.build({
      entryPoints: ISLANDS.map((name) => ({ in: `island:${name}`, out: name })),
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "browser",
      target: ["es2022"],
      jsx: "automatic",
      jsxImportSource: PREACT,
      minify: true,
      write: false,
      outdir: `${root}/.islands-out`,
      chunkNames: "chunk-[hash]",
      absWorkingDir: root,
      logLevel: "silent",
      // @mujoco/mujoco's Node branch names Node built-ins it never reaches in a browser
      external: ["module", "fs", "path", "url", "crypto", "worker_threads"],
      define: { "process.env.NODE_ENV": '"production"' },
      plugins: [npmPlugin(root)],
    });
    const files = new Map<string, Uint8Array>();
    for (const f of result.outputFiles) {
      files.set(f.path.slice(`${root}/.islands-out/`.length), f.contents);
    }
    return { files, millis: performance.now() - t0 };
  } finally {
    await esbuild.stop();
  }
}
