/**
 * Bundles the /learn page's training worker (lib/learn/worker.ts with lib/ and physics/ as they
 * are) for the browser: one ES module, built once per process in memory with the same esbuild and
 * npm mapping as the islands (lib/ui/bundle.ts), served at `/learn/worker/worker.js`.
 *
 * Two npm modules are left out because the worker never runs them: the tfjs WASM and WebGPU
 * backends (the worker's updates run on the host fused path and its tfjs variables sit on the CPU
 * backend; see lib/learn/trainer.ts). MuJoCo's WebAssembly and the task models are found, as the
 * physics layer looks for them, next to the bundle: `/learn/worker/mujoco.wasm` and
 * `/learn/worker/models/<file>` (routes/learn/worker/).
 * @module
 */
import { esbuild } from "../ui/deps.ts";
import { bundleIslands, npmPlugin, repoRoot } from "../ui/bundle.ts";

/** npm modules the worker bundle replaces with an empty module. */
export const LEFT_OUT = [
  "npm:@tensorflow/tfjs-backend-wasm@4.22.0",
  "npm:@tensorflow/tfjs-backend-webgpu@4.22.0",
];

let cached: Promise<Uint8Array> | undefined;

/** The worker bundle's JavaScript (built on first use). */
export function bundleLearnWorker(): Promise<Uint8Array> {
  cached ??= build().catch((error) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function build(): Promise<Uint8Array> {
  // one esbuild service at a time: the islands' build stops the service when it ends
  await bundleIslands().catch(() => {});
  const root = repoRoot();
  try {
    const result = await esbuild.build({
      entryPoints: [`${root}/lib/learn/worker.ts`],
      bundle: true,
      format: "esm",
      platform: "browser",
      target: ["es2022"],
      minify: true,
      write: false,
      outfile: `${root}/.learn-out/worker.js`,
      absWorkingDir: root,
      logLevel: "silent",
      // @mujoco/mujoco's Node branch names Node built-ins it never reaches in a browser
      external: ["module", "fs", "path", "url", "crypto", "worker_threads"],
      define: { "process.env.NODE_ENV": '"production"' },
      plugins: [
        {
          name: "left-out",
          setup(build) {
            const filter = new RegExp(
              `^(${LEFT_OUT.map((s) => s.replace(/[.@/]/g, "\\$&")).join("|")})$`,
            );
            build.onResolve({ filter }, (args) => ({ path: args.path, namespace: "left-out" }));
            build.onLoad(
              { filter: /.*/, namespace: "left-out" },
              () => ({ contents: "", loader: "js" }),
            );
          },
        },
        npmPlugin(root),
      ],
    });
    const file = result.outputFiles.find((f) => f.path.endsWith("/worker.js"));
    if (!file) throw new Error("the worker bundle produced no worker.js");
    return file.contents;
  } finally {
    await esbuild.stop();
  }
}
