/**
 * `POST /api/learn/save` ← a run trained in the /learn page (`application/json`, the
 * "stackrl-learn-run/1" payload of lib/learn/save_run.ts) → `{ id, url }` of the new run in the
 * runs folder the server was started with (201). A body over the size limit is 413, a payload
 * that fails a check 400 (naming the field), an id that exists 409. `GET` says how to use it.
 * @module
 */
import { json, type RouteContext } from "../../../lib/ui/route.ts";
import { ValidationError } from "../../../lib/errors.ts";
import { checkSavePayload, SAVE_LIMITS, writeSavedRun } from "../../../lib/learn/save_run.ts";

/** Reads at most `limit` bytes of the body; null when it is longer. */
async function readCapped(request: Request, limit: number): Promise<Uint8Array | null> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > limit) return null;
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of request.body ?? new ReadableStream<Uint8Array>()) {
    total += chunk.byteLength;
    if (total > limit) return null;
    chunks.push(chunk);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

/** Saves a run the page trained. */
export async function POST(ctx: RouteContext): Promise<Response> {
  const type = ctx.request.headers.get("content-type") ?? "";
  if (!type.startsWith("application/json")) {
    return json(
      { error: `content-type: got "${type}"; allowed: application/json`, status: 415 },
      415,
    );
  }
  const body = await readCapped(ctx.request, SAVE_LIMITS.bodyBytes);
  if (body === null) {
    return json({ error: `body: larger than ${SAVE_LIMITS.bodyBytes} bytes`, status: 413 }, 413);
  }
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(body));
  } catch {
    return json({ error: "body: not valid JSON", status: 400 }, 400);
  }
  let id: string;
  try {
    id = await writeSavedRun(ctx.runsDir, checkSavePayload(value));
  } catch (error) {
    if (error instanceof ValidationError) return json({ error: error.message, status: 400 }, 400);
    if (error instanceof Deno.errors.AlreadyExists) {
      return json({
        error: `name: a run ${JSON.stringify((value as { name?: string }).name)} exists already`,
        status: 409,
      }, 409);
    }
    throw error;
  }
  return json({ id, url: `/runs/${encodeURIComponent(id)}` }, 201);
}

/** How to use the endpoint. */
export function GET(): Response {
  return json({
    error: "POST a run trained in the /learn page (application/json, stackrl-learn-run/1)",
    status: 405,
  }, 405);
}
