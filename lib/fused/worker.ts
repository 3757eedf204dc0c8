/**
 * A worker thread of the fused host path (lib/fused/pool.ts): it updates its share of the
 * population's members on state shared with the agent's thread (SharedArrayBuffers), with its
 * own workspaces.
 * @module
 */
/// <reference lib="deno.worker" />
import type { Batch } from "../replay.ts";
import type { UpdateSettings } from "../update/contract.ts";
import { FusedUpdater } from "./updater.ts";

let updater: FusedUpdater | null = null;

self.onmessage = (event: MessageEvent) => {
  const m = event.data;
  if (m.kind === "init") {
    const { settings, state } = m as { settings: UpdateSettings; state: Float32Array[] };
    updater = new FusedUpdater(settings, { attach: state });
    return;
  }
  const u = updater!;
  u.actorStep = m.actorStep;
  u.criticStep = m.criticStep;
  u.runMembers(
    m.batch as Batch,
    m.B,
    m.actorDue,
    m.targetsDue,
    m.noise.length > 0 ? m.noise : null,
    m.p0,
    m.p1,
    m.info,
  );
  self.postMessage("done");
};
