/// <reference lib="dom" />
/**
 * The rollout player's video export: the scene's frames recorded one by one to a WebM file with
 * WebCodecs (VP9, else VP8) and webm-muxer (imported on first use).
 * @module
 */
import type { Engine } from "./rollout_scene.ts";

/** Whether this browser can encode video with WebCodecs. */
export function hasWebCodecs(): boolean {
  return typeof globalThis.VideoEncoder === "function" &&
    typeof globalThis.VideoFrame === "function";
}

/** Records frames 0..frames-1 to a WebM with WebCodecs (VP9, else VP8) and webm-muxer. */
export async function exportVideo(
  engine: Engine,
  frames: number,
  fps: number,
  onProgress: (done: number) => void,
): Promise<Blob> {
  const { Muxer, ArrayBufferTarget } = await import("npm:webm-muxer@5.1.4");
  const canvas = engine.canvas;
  const width = canvas.width & ~1, height = canvas.height & ~1;
  const candidates = [
    { codec: "vp09.00.10.08", mux: "V_VP9" as const },
    { codec: "vp8", mux: "V_VP8" as const },
  ];
  let chosen: typeof candidates[number] | undefined;
  for (const c of candidates) {
    const support = await VideoEncoder.isConfigSupported({ codec: c.codec, width, height });
    if (support.supported) {
      chosen = c;
      break;
    }
  }
  if (!chosen) throw new Error("this browser cannot encode VP9 or VP8 video");
  const muxer = new Muxer({
    target: new ArrayBufferTarget(),
    video: { codec: chosen.mux, width, height, frameRate: fps },
  });
  let failure: unknown = null;
  const encoder = new VideoEncoder({
    output: (chunk, meta) => muxer.addVideoChunk(chunk, meta),
    error: (e) => failure = e,
  });
  encoder.configure({ codec: chosen.codec, width, height, bitrate: 4_000_000, framerate: fps });
  const copy = document.createElement("canvas");
  copy.width = width;
  copy.height = height;
  const ctx = copy.getContext("2d")!;
  for (let f = 0; f < frames; f++) {
    if (failure) throw failure;
    engine.render(f);
    ctx.drawImage(canvas, 0, 0, width, height, 0, 0, width, height);
    const frame = new VideoFrame(copy, {
      timestamp: Math.round(f * 1e6 / fps),
      duration: Math.round(1e6 / fps),
    });
    encoder.encode(frame, { keyFrame: f % (2 * Math.round(fps)) === 0 });
    frame.close();
    while (encoder.encodeQueueSize > 4) await new Promise((r) => setTimeout(r, 5));
    if (f % 5 === 0) onProgress(f);
  }
  await encoder.flush();
  encoder.close();
  if (failure) throw failure;
  muxer.finalize();
  return new Blob([muxer.target.buffer], { type: "video/webm" });
}
