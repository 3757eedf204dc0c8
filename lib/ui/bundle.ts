/**
 * Bundles the islands (`islands/*.tsx`) for the browser with the native esbuild from npm, once per
 * process, in memory (nothing is written to disk). Each island becomes an entry that hydrates every
 * `<div data-island="Name">` of the page; code shared by islands (preact, uPlot, …) is split into
 * chunks. Islands import npm packages with the same fully qualified `npm:name@version/sub`
 * specifiers the server uses; a small esbuild plugin maps them onto the installed packages in
 * `node_modules/` (see {@link npmPackageDir}), so the browser gets exactly the versions the server
 * pins and nothing comes from a CDN.
 * @module
 */
import { esbuild } from "./deps.ts";

/** Names of the islands (files `islands/<Name>.tsx`). */
export const ISLANDS = [
  "RunsTable",
  "RunCharts",
  "CompareChart",
  "RolloutPlayer",
  "LearnPage",
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

/**
 * The directory of the installed npm package `name@version`: `node_modules/<name>` as `npm install`
 * lays it out (deno.json `nodeModulesDir: "manual"`), or Deno's own
 * `node_modules/.deno/<name>@<version>/node_modules/<name>` (`nodeModulesDir: "auto"`). Only the
 * pinned version is accepted, so the browser gets what the server pins.
 */
export async function npmPackageDir(root: string, name: string, version: string): Promise<string> {
  const candidates = [
    `${root}/node_modules/${name}`,
    `${root}/node_modules/.deno/${name.replace("/", "+")}@${version}/node_modules/${name}`,
  ];
  const found: string[] = [];
  for (const dir of candidates) {
    try {
      const pkg = JSON.parse(await Deno.readTextFile(`${dir}/package.json`));
      if (pkg.version === version) return dir;
      found.push(`${dir} has ${pkg.version}`);
    } catch {
      // not there
    }
  }
  throw new Error(
    `npm package ${name}@${version} is not installed${
      found.length ? ` (${found.join("; ")})` : ""
    }:` +
      " run `npm install` in the repository (package.json lists the UI's packages)",
  );
}

/** Checks that every npm package the islands import is installed at its pinned version. */
export async function ensureInstalled(root: string): Promise<void> {
  const specs = new Set<string>();
  // every module of islands/: an island's helpers (its scene, its video export) import packages too
  const files: string[] = [];
  for await (const e of Deno.readDir(`${root}/islands`)) {
    if (e.isFile && /\.tsx?$/.test(e.name)) files.push(e.name);
  }
  for (const file of files.sort()) {
    const text = await Deno.readTextFile(`${root}/islands/${file}`).catch(() => "");
    // only runtime imports: type-only packages (@types/…) are not bundled
    for (const m of text.matchAll(/(?:from|import\()\s*["'](npm:[^"']+)["']/g)) specs.add(m[1]);
  }
  for (const spec of specs) {
    const p = parseNpmSpecifier(spec);
    if (p && !p.name.startsWith("@types/")) await npmPackageDir(root, p.name, p.version);
  }
}

/** The esbuild plugin that maps `npm:name@version/sub` specifiers onto `node_modules/`. */
export function npmPlugin(root: string): esbuild.Plugin {
  return {
    name: "deno-npm",
    setup(build) {
      build.onResolve({ filter: /^npm:/ }, async (args) => {
        const p = parseNpmSpecifier(args.path);
        if (!p) return { errors: [{ text: `unpinned npm specifier ${args.path}` }] };
        let dir: string;
        try {
          dir = await npmPackageDir(root, p.name, p.version);
        } catch (error) {
          return { errors: [{ text: (error as Error).message }] };
        }
        // resolve from the node_modules folder that holds the package (honours its exports map)
        const result = await build.resolve(p.name + p.subpath, {
          kind: args.kind,
          resolveDir: dir.slice(0, dir.length - p.name.length - 1),
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
