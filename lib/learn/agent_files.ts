/**
 * The files `agent.save(dir)` writes (`agent.json`, `tensors.bin`: the checkpoint format
 * `loadAgent` reads), as bytes in memory. `Agent` saves only to a folder, so in Deno the agent is
 * saved to a temporary folder and read back; in a browser worker, which has no file system,
 * `agent.save` runs against a small in-memory stand-in for the few `Deno` calls that
 * lib/atomic.ts's `writeDirAtomic` makes (mkdir, writeFile, writeTextFile, rename, remove).
 * @module
 */
import type { Agent } from "../agent.ts";

/** `agent.json` (text) and `tensors.bin` (bytes) of `agent`. */
export async function agentFiles(
  agent: Agent,
): Promise<{ "agent.json": string; "tensors.bin": Uint8Array }> {
  const deno = (globalThis as { Deno?: typeof Deno }).Deno;
  if (deno?.makeTempDir) {
    const dir = await deno.makeTempDir({ prefix: "stackrl-learn-" });
    try {
      await agent.save(`${dir}/agent`);
      return {
        "agent.json": await deno.readTextFile(`${dir}/agent/agent.json`),
        "tensors.bin": await deno.readFile(`${dir}/agent/tensors.bin`),
      };
    } finally {
      await deno.remove(dir, { recursive: true }).catch(() => {});
    }
  }
  const files = await inMemory((dir) => agent.save(dir));
  const json = files.get("/agent/agent.json"), bin = files.get("/agent/tensors.bin");
  if (json === undefined || bin === undefined) throw new Error("agent.save wrote no checkpoint");
  return {
    "agent.json": typeof json === "string" ? json : new TextDecoder().decode(json),
    "tensors.bin": typeof bin === "string" ? new TextEncoder().encode(bin) : bin,
  };
}

class NotFound extends Error {}

/**
 * Runs `write("/agent")` with a `Deno` global whose file calls act on a map of paths; returns the
 * map. Only for a runtime without `Deno` (the global is removed again afterwards).
 */
async function inMemory(
  write: (dir: string) => Promise<void>,
): Promise<Map<string, Uint8Array | string>> {
  const files = new Map<string, Uint8Array | string>();
  const dirs = new Set<string>(["/"]);
  const under = (path: string, dir: string) => path === dir || path.startsWith(`${dir}/`);
  const stub = {
    errors: { NotFound },
    mkdir: (path: string) => {
      dirs.add(path);
      return Promise.resolve();
    },
    writeFile: (path: string, data: Uint8Array) => {
      files.set(path, data.slice());
      return Promise.resolve();
    },
    writeTextFile: (path: string, data: string) => {
      files.set(path, data);
      return Promise.resolve();
    },
    rename: (from: string, to: string) => {
      if (!dirs.has(from) && !files.has(from)) return Promise.reject(new NotFound(from));
      for (const [path, data] of [...files]) {
        if (!under(path, from)) continue;
        files.delete(path);
        files.set(to + path.slice(from.length), data);
      }
      if (dirs.delete(from)) dirs.add(to);
      return Promise.resolve();
    },
    remove: (path: string) => {
      for (const p of [...files.keys()]) if (under(p, path)) files.delete(p);
      dirs.delete(path);
      return Promise.resolve();
    },
  };
  const global = globalThis as { Deno?: unknown };
  global.Deno = stub;
  try {
    await write("/agent");
  } finally {
    delete global.Deno;
  }
  return files;
}
