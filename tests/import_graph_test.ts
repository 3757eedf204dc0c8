// The static import graph of the project's code has no cycle (docs/design.md: every module
// depends on the ones below it; lib/update/contract.ts is the leaf the update paths share).
// Type-only imports count too: a cycle of types is still two modules that cannot be read apart.
import { assert, assertEquals } from "./assert.ts";

const ROOTS = ["lib", "physics", "cli", "routes", "islands"];
/**
 * Cycles known when this test landed, each to be removed here when its modules are untangled
 * (the test fails if one is gone, so the list shrinks). None is left.
 */
const KNOWN = new Set<string>();
const root = new URL("../", import.meta.url);

/** Every .ts/.tsx file under `dir` (relative to the repository), recursively. */
async function sources(dir: string): Promise<string[]> {
  const out: string[] = [];
  try {
    for await (const e of Deno.readDir(new URL(dir, root))) {
      const path = `${dir}/${e.name}`;
      if (e.isDirectory) out.push(...await sources(path));
      else if (/\.tsx?$/.test(e.name)) out.push(path);
    }
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
  return out;
}

/** The relative specifiers a module imports or re-exports statically (comments skipped). */
export function staticImports(code: string): string[] {
  const text = code.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const specs: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']/gm)) {
    specs.push(m[1]);
  }
  for (const m of text.matchAll(/^\s*import\s*["']([^"']+)["']/gm)) specs.push(m[1]);
  return specs.filter((s) => s.startsWith("./") || s.startsWith("../"));
}

/** Resolves `spec` imported by `from` (both relative to the repository). */
function resolve(from: string, spec: string): string {
  const parts = from.split("/").slice(0, -1);
  for (const p of spec.split("/")) {
    if (p === "..") parts.pop();
    else if (p !== ".") parts.push(p);
  }
  return parts.join("/");
}

/**
 * One cycle of `graph` as a path that starts and ends at the same module, or null; edges in
 * `skip` (`"a → b"`) are left out.
 */
export function findCycle(
  graph: Map<string, string[]>,
  skip: ReadonlySet<string> = new Set(),
): string[] | null {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    state.set(node, "open");
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (skip.has(`${node} → ${next}`)) continue;
      if (state.get(next) === "open") return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const found = visit(next);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(node, "done");
    return null;
  };
  for (const node of [...graph.keys()].sort()) {
    if (!state.has(node)) {
      const found = visit(node);
      if (found) return found;
    }
  }
  return null;
}

Deno.test("the cycle finder names a cycle, finds none in a graph without one or with its edge skipped; imports are read past comments", () => {
  const cyclic = new Map([["a.ts", ["b.ts"]], ["b.ts", ["c.ts"]], ["c.ts", ["a.ts", "d.ts"]]]);
  assertEquals(findCycle(cyclic), ["a.ts", "b.ts", "c.ts", "a.ts"]);
  assertEquals(findCycle(cyclic, new Set(["c.ts → a.ts"])), null);
  assertEquals(findCycle(new Map([["a.ts", ["b.ts", "c.ts"]], ["b.ts", ["c.ts"]]])), null);
  const code = [
    'import { x } from "./a.ts";',
    '/** import { y } from "./doc.ts"; */',
    '// import { z } from "./commented.ts";',
    "import type {",
    "  T,",
    '} from "../b.ts";',
    'export { w } from "./c.ts";',
    'import "./side.ts";',
    'import { tf } from "npm:@tensorflow/tfjs";',
  ].join("\n");
  assertEquals(staticImports(code), ["./a.ts", "../b.ts", "./c.ts", "./side.ts"]);
});

Deno.test("the static import graph of lib/, physics/, cli/, routes/ and islands/ has no cycle", async () => {
  const graph = new Map<string, string[]>();
  const files = (await Promise.all(ROOTS.map(sources))).flat();
  assert(files.length > 50, `found only ${files.length} source files`);
  for (const file of files) {
    const code = await Deno.readTextFile(new URL(file, root));
    graph.set(file, staticImports(code).map((s) => resolve(file, s)));
  }
  const cycle = findCycle(graph, KNOWN);
  assert(cycle === null, `import cycle: ${cycle?.join(" → ")}`);
});
