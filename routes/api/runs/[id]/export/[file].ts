/**
 * `GET /api/runs/:id/export/:file?member=p`: the run's policy exported from its best checkpoint
 * (its last one before the first evaluation), member p (default 0), made on request:
 * `policy.onnx` (the ONNX model, as a download), `model.json` and `group1-shard1of1.bin` (the
 * tfjs LayersModel). `tf.loadLayersModel(".../export/model.json?member=p")` works as it is:
 * tfjs fetches the weights beside model.json with the same query string.
 * @module
 */
import type { RouteContext } from "../../../../../lib/ui/route.ts";
import { findRun, HttpError } from "../../../../../lib/ui/runs.ts";
import { exportCheckpoint } from "../../../../../lib/export/run_checkpoint.ts";
import { FileError } from "../../../../../lib/train/files.ts";

const FILES = ["policy.onnx", "model.json", "group1-shard1of1.bin"];

/** One exported file of the run's policy. */
export async function GET(ctx: RouteContext): Promise<Response> {
  const dir = await findRun(ctx.runsDir, ctx.params.id);
  const file = ctx.params.file;
  if (!FILES.includes(file)) {
    throw new HttpError(
      404,
      `no export file ${JSON.stringify(file)}; allowed: ${FILES.join(", ")}`,
    );
  }
  const typed = ctx.url.searchParams.get("member") ?? "0";
  if (!/^\d+$/.test(typed)) {
    throw new HttpError(
      400,
      `member: got ${JSON.stringify(typed)}; allowed: an integer from 0 (a population member)`,
    );
  }
  let checkpoint;
  try {
    checkpoint = await exportCheckpoint(dir);
  } catch (error) {
    // every copy of the checkpoint is damaged: the run's state, not the server, is at fault
    if (error instanceof FileError) throw new HttpError(409, error.message);
    throw error;
  }
  if (!checkpoint) {
    throw new HttpError(
      404,
      `run ${ctx.params.id} has no checkpoint yet (checkpoints/best or last)`,
    );
  }
  // loaded on the first export: the rest of the UI never needs tfjs or protobufjs
  const { exportPolicy } = await import("../../../../../lib/export/mod.ts");
  const { ValidationError } = await import("../../../../../lib/errors.ts");
  const member = Number(typed);
  const format = file === "policy.onnx" ? "onnx" : "tfjs";
  let exported;
  try {
    exported = await exportPolicy(checkpoint.dir, { format, member });
  } catch (error) {
    if (error instanceof ValidationError && error.field === "member") {
      throw new HttpError(400, error.message.replace(/^member: got \d+/, `member: got "${typed}"`));
    }
    throw error;
  }
  const headers: Record<string, string> = {
    "cache-control": "no-store", // a running run's best checkpoint changes
    "x-stackrl-checkpoint": checkpoint.which,
  };
  if (exported instanceof Uint8Array) {
    const name = `${ctx.params.id}-member${member}.onnx`;
    return new Response(exported, {
      headers: {
        ...headers,
        "content-type": "application/octet-stream",
        "content-disposition": `attachment; filename="${name}"`,
      },
    });
  }
  return file === "model.json"
    ? new Response(exported["model.json"], {
      headers: { ...headers, "content-type": "application/json; charset=utf-8" },
    })
    : new Response(exported["group1-shard1of1.bin"], {
      headers: { ...headers, "content-type": "application/octet-stream" },
    });
}
