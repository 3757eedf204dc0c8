/** @jsxImportSource npm:preact@10.29.8 */
/// <reference lib="dom" />
/**
 * The 3D rollout player. The MuJoCo model is compiled in the browser by `@mujoco/mujoco`
 * (WebAssembly served from `/vendor/mujoco.wasm`); for each frame the recorded qpos is set,
 * `mj_forward` computes the poses, and three.js draws the model's own geoms (planes, boxes,
 * spheres, capsules, cylinders, ellipsoids, meshes) with their colours, so the replay is exact.
 * Play/pause, scrub, speed, episode choice, a camera that follows the torso and can be orbited,
 * the reward of each frame, and "Export video" (WebCodecs + webm-muxer → a .webm download).
 * @module
 */
import { useEffect, useRef, useState } from "./deps.ts";
// @ts-types="npm:@types/three@0.187.0"
import type * as ThreeNS from "npm:three@0.187.0";
// @ts-types="npm:@types/three@0.187.0/examples/jsm/controls/OrbitControls.d.ts"
import type { OrbitControls as OrbitControlsT } from "npm:three@0.187.0/examples/jsm/controls/OrbitControls.js";
import type { MainModule, MjData, MjModel } from "npm:@mujoco/mujoco@3.14.0";

/** Props of the player. */
export interface PlayerProps {
  /** URL of the rollout JSON ("stackrl-rollout/1"). */
  rolloutUrl: string;
  /** URL of the MJCF model. */
  modelUrl: string;
  /** Heading shown above the view. */
  title: string;
  /** File name of the exported video (without extension). */
  videoName?: string;
}

interface Episode {
  frames: number;
  time: number[];
  qpos: number[];
  reward: number[];
  return: number;
  length: number;
  terminated: boolean;
}

interface RolloutJson {
  format: string;
  env: string;
  model: string;
  nq: number;
  fps: number;
  episodes: Episode[];
}

/** What the animation loop and the controls share (kept outside preact state: 60 Hz). */
interface Engine {
  render(frame: number): void;
  resize(): void;
  dispose(): void;
  canvas: HTMLCanvasElement;
}

const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 4];

/** Whether this browser can encode video with WebCodecs. */
function hasWebCodecs(): boolean {
  return typeof globalThis.VideoEncoder === "function" &&
    typeof globalThis.VideoFrame === "function";
}

async function loadEngine(
  host: HTMLElement,
  xml: string,
  rollout: RolloutJson,
  follow: () => boolean,
): Promise<Engine> {
  const THREE = await import("npm:three@0.187.0") as unknown as typeof ThreeNS;
  const { OrbitControls } = await import(
    "npm:three@0.187.0/examples/jsm/controls/OrbitControls.js"
  ) as unknown as { OrbitControls: typeof OrbitControlsT };
  const loadMujoco = (await import("npm:@mujoco/mujoco@3.14.0")).default;
  const mj: MainModule = await loadMujoco({
    locateFile: (path: string) => `/vendor/${path.split("/").pop()}`,
  });
  let model: MjModel;
  try {
    model = mj.MjModel.from_xml_string(xml);
  } catch (error) {
    throw new Error(`MuJoCo cannot compile ${rollout.model}: ${(error as Error).message ?? error}`);
  }
  const data: MjData = new mj.MjData(model);
  if (model.nq !== rollout.nq) {
    data.delete();
    model.delete();
    throw new Error(`the model has nq = ${model.nq} but the rollout has nq = ${rollout.nq}`);
  }

  const renderer = new THREE.WebGLRenderer({ antialias: true, preserveDrawingBuffer: true });
  renderer.setPixelRatio(Math.min(2, globalThis.devicePixelRatio || 1));
  // (cast: some type-check graphs see three's canvas type as HTMLCanvasElement | OffscreenCanvas)
  const canvas = renderer.domElement as HTMLCanvasElement;
  (renderer as unknown as { shadowMap: { enabled: boolean } }).shadowMap.enabled = true;
  host.appendChild(canvas);
  const scene = new THREE.Scene();
  scene.background = new THREE.Color(0xdfe6ee);
  scene.fog = new THREE.Fog(0xdfe6ee, 15, 40);
  const camera = new THREE.PerspectiveCamera(45, 1, 0.01, 200);
  camera.up.set(0, 0, 1); // MuJoCo is z-up
  scene.add(new THREE.HemisphereLight(0xffffff, 0x667788, 1.6));
  const sun = new THREE.DirectionalLight(0xffffff, 1.8);
  sun.position.set(3, -4, 8);
  sun.castShadow = true;
  sun.shadow.mapSize.set(2048, 2048);
  for (const side of ["left", "bottom"] as const) sun.shadow.camera[side] = -6;
  for (const side of ["right", "top"] as const) sun.shadow.camera[side] = 6;
  scene.add(sun, sun.target);

  // one three.js mesh per visible geom, posed by MuJoCo every frame
  const meshes: { geom: number; mesh: ThreeNS.Mesh }[] = [];
  const num = (arr: ArrayLike<number>, i: number) => Number(arr[i]);
  for (let g = 0; g < model.ngeom; g++) {
    const type = num(model.geom_type, g);
    const s = [0, 1, 2].map((k) => num(model.geom_size, 3 * g + k));
    const matid = num(model.geom_matid, g);
    const rgba = [0, 1, 2, 3].map((k) =>
      matid >= 0 ? num(model.mat_rgba, 4 * matid + k) : num(model.geom_rgba, 4 * g + k)
    );
    if (rgba[3] === 0 || num(model.geom_group, g) >= 3) continue;
    let geometry: ThreeNS.BufferGeometry;
    let material: ThreeNS.Material = new THREE.MeshStandardMaterial({
      color: new THREE.Color(rgba[0], rgba[1], rgba[2]),
      transparent: rgba[3] < 1,
      opacity: rgba[3],
      roughness: 0.6,
      metalness: 0.05,
    });
    if (type === 0) { // plane: size 0 means infinite
      const sx = s[0] > 0 ? s[0] : 50, sy = s[1] > 0 ? s[1] : 50;
      geometry = new THREE.PlaneGeometry(2 * sx, 2 * sy);
      material = new THREE.MeshStandardMaterial({
        map: checker(THREE, rgba, sx, sy),
        roughness: 0.9,
      });
    } else if (type === 2) {
      geometry = new THREE.SphereGeometry(s[0], 24, 16);
    } else if (type === 3) {
      geometry = new THREE.CapsuleGeometry(s[0], 2 * s[1], 8, 16).rotateX(Math.PI / 2);
    } else if (type === 4) {
      geometry = new THREE.SphereGeometry(1, 24, 16).scale(s[0], s[1], s[2]);
    } else if (type === 5) {
      geometry = new THREE.CylinderGeometry(s[0], s[0], 2 * s[1], 24).rotateX(Math.PI / 2);
    } else if (type === 6) {
      geometry = new THREE.BoxGeometry(2 * s[0], 2 * s[1], 2 * s[2]);
    } else if (type === 7) {
      const mesh = num(model.geom_dataid, g);
      const va = num(model.mesh_vertadr, mesh), vn = num(model.mesh_vertnum, mesh);
      const fa = num(model.mesh_faceadr, mesh), fn = num(model.mesh_facenum, mesh);
      const positions = new Float32Array(3 * vn);
      for (let i = 0; i < 3 * vn; i++) positions[i] = num(model.mesh_vert, 3 * va + i);
      const index: number[] = [];
      for (let i = 0; i < 3 * fn; i++) index.push(num(model.mesh_face, 3 * fa + i));
      geometry = new THREE.BufferGeometry();
      geometry.setAttribute("position", new THREE.BufferAttribute(positions, 3));
      geometry.setIndex(index);
      geometry.computeVertexNormals();
    } else {
      continue; // height fields, SDFs: not drawn
    }
    const mesh = new THREE.Mesh(geometry, material);
    mesh.matrixAutoUpdate = false;
    mesh.castShadow = type !== 0;
    mesh.receiveShadow = true;
    scene.add(mesh);
    meshes.push({ geom: g, mesh });
  }

  const controls = new OrbitControls(camera, canvas);
  controls.enableDamping = false;
  // the body followed: the first body below the world (the torso of every locomotion task)
  const tracked = model.nbody > 1 ? 1 : 0;
  const nq = rollout.nq;
  let episode = 0;
  let first = true;
  const target = new THREE.Vector3();

  const pose = (frame: number) => {
    const ep = rollout.episodes[episode];
    const f = Math.max(0, Math.min(ep.frames - 1, frame));
    const qpos = data.qpos as Float64Array;
    for (let i = 0; i < nq; i++) qpos[i] = ep.qpos[f * nq + i];
    mj.mj_forward(model, data);
    const xpos = data.geom_xpos as Float64Array, xmat = data.geom_xmat as Float64Array;
    for (const { geom: g, mesh } of meshes) {
      const m = 9 * g, p = 3 * g;
      mesh.matrix.set(
        xmat[m],
        xmat[m + 1],
        xmat[m + 2],
        xpos[p],
        xmat[m + 3],
        xmat[m + 4],
        xmat[m + 5],
        xpos[p + 1],
        xmat[m + 6],
        xmat[m + 7],
        xmat[m + 8],
        xpos[p + 2],
        0,
        0,
        0,
        1,
      );
    }
    const bx = data.xpos as Float64Array;
    target.set(bx[3 * tracked], bx[3 * tracked + 1], bx[3 * tracked + 2]);
  };

  const engine: Engine & { setEpisode(e: number): void } = {
    canvas,
    setEpisode(e: number) {
      episode = e;
    },
    render(frame: number) {
      pose(frame);
      if (first) {
        first = false;
        // frame the body: the radius of the non-plane geoms around the tracked body
        let radius = 0.3;
        const xpos = data.geom_xpos as Float64Array;
        for (const { geom: g } of meshes) {
          if (num(model.geom_type, g) === 0) continue;
          const d = Math.hypot(
            xpos[3 * g] - target.x,
            xpos[3 * g + 1] - target.y,
            xpos[3 * g + 2] - target.z,
          );
          radius = Math.max(radius, d + num(model.geom_size, 3 * g));
        }
        const distance = Math.min(30, 2.3 * radius + 0.6);
        controls.target.copy(target);
        camera.position.set(
          target.x + 0.25 * distance,
          target.y - distance,
          target.z + 0.3 * distance,
        );
      } else if (follow()) {
        // keep the camera's offset (which the user may orbit) and move it with the torso
        const delta = target.clone().sub(controls.target);
        camera.position.add(delta);
        controls.target.copy(target);
      }
      sun.position.set(target.x + 3, target.y - 4, 8);
      sun.target.position.set(target.x, target.y, 0);
      controls.update();
      renderer.render(scene, camera);
    },
    resize() {
      const w = Math.max(320, host.clientWidth), h = Math.max(240, Math.round(w * 9 / 16));
      renderer.setSize(w, h);
      camera.aspect = w / h;
      camera.updateProjectionMatrix();
    },
    dispose() {
      controls.dispose();
      renderer.dispose();
      canvas.remove();
      for (const { mesh } of meshes) {
        mesh.geometry.dispose();
        (mesh.material as ThreeNS.Material).dispose();
      }
      data.delete();
      model.delete();
    },
  };
  engine.resize();
  return engine;
}

/** A checkerboard texture for planes, in the plane's colour, one square per 0.5 m. */
function checker(
  THREE: typeof ThreeNS,
  rgba: number[],
  sx: number,
  sy: number,
): ThreeNS.Texture {
  const c = document.createElement("canvas");
  c.width = c.height = 64;
  const ctx = c.getContext("2d")!;
  const base = (k: number) => Math.round(255 * Math.min(1, rgba[k]));
  const dark = (k: number) => Math.round(255 * 0.82 * rgba[k]);
  ctx.fillStyle = `rgb(${base(0)},${base(1)},${base(2)})`;
  ctx.fillRect(0, 0, 64, 64);
  ctx.fillStyle = `rgb(${dark(0)},${dark(1)},${dark(2)})`;
  ctx.fillRect(0, 0, 32, 32);
  ctx.fillRect(32, 32, 32, 32);
  const texture = new THREE.CanvasTexture(c);
  texture.wrapS = texture.wrapT = THREE.RepeatWrapping;
  texture.repeat.set(sx, sy);
  texture.colorSpace = THREE.SRGBColorSpace;
  return texture;
}

/** Records frames 0..frames-1 to a WebM with WebCodecs (VP9, else VP8) and webm-muxer. */
async function exportVideo(
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

/** Per-frame rewards as a small SVG line with a marker at the current frame. */
function RewardSparkline(
  { reward, frame, onSeek }: { reward: number[]; frame: number; onSeek: (f: number) => void },
) {
  const w = 236, h = 70, n = reward.length;
  if (n < 2) return null;
  const lo = reward.reduce((m, v) => Math.min(m, v), 0);
  let hi = reward.reduce((m, v) => Math.max(m, v), -Infinity);
  if (hi - lo < 1e-12) hi = lo + 1;
  const x = (i: number) => (i / (n - 1)) * w;
  const y = (v: number) => h - 4 - ((v - lo) / (hi - lo)) * (h - 8);
  const d = reward.map((v, i) => `${i ? "L" : "M"}${x(i).toFixed(1)} ${y(v).toFixed(1)}`).join("");
  return (
    <svg
      class="sparkline"
      width={w}
      height={h}
      viewBox={`0 0 ${w} ${h}`}
      onClick={(e) => {
        const rect = (e.currentTarget as SVGSVGElement).getBoundingClientRect();
        onSeek(Math.round(((e.clientX - rect.left) / rect.width) * (n - 1)));
      }}
    >
      <line x1={0} x2={w} y1={y(0)} y2={y(0)} stroke="#c7ccd6" stroke-width="1" />
      <path d={d} fill="none" stroke="#1f77b4" stroke-width="1.3" />
      <line x1={x(frame)} x2={x(frame)} y1={0} y2={h} stroke="#d62728" stroke-width="1.2" />
    </svg>
  );
}

/** The rollout player island. */
export default function RolloutPlayer(props: PlayerProps) {
  const host = useRef<HTMLDivElement>(null);
  const engineRef = useRef<(Engine & { setEpisode(e: number): void }) | null>(null);
  const [rollout, setRollout] = useState<RolloutJson | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [episode, setEpisode] = useState(0);
  const [frame, setFrame] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(1);
  const [follow, setFollow] = useState(true);
  const [video, setVideo] = useState<string>("");
  const [codecs, setCodecs] = useState<boolean | null>(null);
  const state = useRef({ frame: 0, playing: false, speed: 1, follow: true, episode: 0, t: 0 });
  state.current.playing = playing;
  state.current.speed = speed;
  state.current.follow = follow;

  // load the rollout, the model, MuJoCo and three.js; build the scene
  useEffect(() => {
    setCodecs(hasWebCodecs());
    let cancelled = false;
    (async () => {
      const [r, x] = await Promise.all([fetch(props.rolloutUrl), fetch(props.modelUrl)]);
      if (!r.ok) throw new Error(`rollout: HTTP ${r.status}`);
      if (!x.ok) throw new Error(`model: HTTP ${x.status}`);
      const json = await r.json() as RolloutJson;
      if (json.format !== "stackrl-rollout/1" || !Array.isArray(json.episodes)) {
        throw new Error('not a "stackrl-rollout/1" rollout');
      }
      if (json.episodes.length === 0) throw new Error("the rollout has no episodes");
      const engine = await loadEngine(
        host.current!,
        await x.text(),
        json,
        () => state.current.follow,
      );
      if (cancelled) {
        engine.dispose();
        return;
      }
      engineRef.current = engine as Engine & { setEpisode(e: number): void };
      setRollout(json);
      engine.render(0);
    })().catch((e) => setError(String(e?.message ?? e)));
    const onResize = () => {
      engineRef.current?.resize();
      engineRef.current?.render(state.current.frame);
    };
    globalThis.addEventListener("resize", onResize);
    return () => {
      cancelled = true;
      globalThis.removeEventListener("resize", onResize);
      engineRef.current?.dispose();
      engineRef.current = null;
    };
  }, [props.rolloutUrl, props.modelUrl]);

  // the animation loop: advances simulated time by speed × wall time, using the recorded times
  useEffect(() => {
    if (!rollout) return;
    let raf = 0, last = performance.now();
    const tick = (now: number) => {
      const s = state.current, engine = engineRef.current;
      const ep = rollout.episodes[s.episode];
      if (engine && s.playing) {
        s.t += (now - last) / 1000 * s.speed;
        let f = s.frame;
        while (f + 1 < ep.frames && ep.time[f + 1] <= s.t) f++;
        if (f + 1 >= ep.frames && s.t > ep.time[ep.frames - 1]) {
          setPlaying(false);
        }
        if (f !== s.frame) {
          s.frame = f;
          setFrame(f);
        }
      }
      if (engine) engine.render(s.frame);
      last = now;
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [rollout]);

  const ep = rollout?.episodes[episode];
  const seek = (f: number) => {
    if (!ep) return;
    const clamped = Math.max(0, Math.min(ep.frames - 1, f));
    state.current.frame = clamped;
    state.current.t = ep.time[clamped];
    setFrame(clamped);
  };
  const togglePlay = () => {
    if (!ep) return;
    if (!playing && state.current.frame >= ep.frames - 1) seek(0);
    setPlaying(!playing);
  };
  const chooseEpisode = (e: number) => {
    state.current.episode = e;
    engineRef.current?.setEpisode(e);
    setEpisode(e);
    seek(0);
  };
  const doExport = async () => {
    const engine = engineRef.current;
    if (!engine || !ep || !rollout) return;
    setPlaying(false);
    setVideo("encoding… 0%");
    try {
      const blob = await exportVideo(
        engine,
        ep.frames,
        rollout.fps,
        (f) => setVideo(`encoding… ${Math.round(100 * f / ep.frames)}%`),
      );
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = `${props.videoName ?? "rollout"}-ep${episode}.webm`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setVideo(`saved ${(blob.size / 1e6).toFixed(2)} MB`);
    } catch (e) {
      setVideo(`export failed: ${(e as Error).message ?? e}`);
    }
    engine.render(state.current.frame);
  };

  // keyboard: space plays/pauses, ←/→ step one frame (when focus is not in a form field)
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const tag = (e.target as HTMLElement | null)?.tagName;
      if (!rollout || tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA") return;
      if (e.key === " ") {
        e.preventDefault();
        togglePlay();
      } else if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
        e.preventDefault();
        setPlaying(false);
        seek(state.current.frame + (e.key === "ArrowRight" ? 1 : -1));
      }
    };
    globalThis.addEventListener("keydown", onKey);
    return () => globalThis.removeEventListener("keydown", onKey);
  });

  const cumulative = ep ? ep.reward.slice(0, frame + 1).reduce((a, r) => a + r, 0) : 0;
  return (
    <div class="player">
      <div>
        <h2 class="player-title">{props.title}</h2>
        <div
          class="viewport"
          ref={host}
          data-state={rollout ? "ready" : error ? "error" : "loading"}
        >
          {!rollout && !error ? <p class="muted overlay">loading MuJoCo and the model…</p> : null}
        </div>
        {error ? <div class="error-panel" role="alert">{error}</div> : null}
        <div class="controls">
          <button type="button" id="play" disabled={!rollout} onClick={togglePlay}>
            {playing ? "Pause" : "Play"}
          </button>
          <input
            class="scrub"
            type="range"
            min={0}
            max={ep ? ep.frames - 1 : 0}
            value={frame}
            disabled={!rollout}
            aria-label="Frame"
            onInput={(e) => seek(Number((e.target as HTMLInputElement).value))}
          />
          <label>
            speed{" "}
            <select
              value={String(speed)}
              onChange={(e) => setSpeed(Number((e.target as HTMLSelectElement).value))}
            >
              {SPEEDS.map((s) => <option key={s} value={String(s)}>{s}×</option>)}
            </select>
          </label>
          <label>
            <input
              type="checkbox"
              checked={follow}
              onChange={(e) => setFollow((e.target as HTMLInputElement).checked)}
            />{" "}
            follow torso
          </label>
          {rollout && rollout.episodes.length > 1
            ? (
              <label>
                episode{" "}
                <select
                  value={String(episode)}
                  onChange={(e) => chooseEpisode(Number((e.target as HTMLSelectElement).value))}
                >
                  {rollout.episodes.map((_, i) => <option key={i} value={String(i)}>{i}</option>)}
                </select>
              </label>
            )
            : null}
          <button
            type="button"
            id="export-video"
            disabled={!rollout || codecs === false || video.startsWith("encoding")}
            onClick={doExport}
            title={codecs === false ? "This browser has no WebCodecs VideoEncoder" : ""}
          >
            {codecs === false ? "Export video (unavailable: no WebCodecs here)" : "Export video"}
          </button>
          {video ? <span class="muted">{video}</span> : null}
        </div>
      </div>
      <aside class="side">
        <div class="muted">frame</div>
        <div id="frame-index">{ep ? `${frame + 1} / ${ep.frames}` : "–"}</div>
        <div class="muted">time</div>
        <div>{ep ? `${ep.time[frame].toFixed(3)} s` : "–"}</div>
        <div class="muted">reward of this frame</div>
        <div class="reward" id="frame-reward">{ep ? ep.reward[frame].toFixed(3) : "–"}</div>
        <div class="muted">reward per frame (click to seek)</div>
        {ep ? <RewardSparkline reward={ep.reward} frame={frame} onSeek={seek} /> : null}
        <div class="muted">return so far</div>
        <div>{ep ? cumulative.toFixed(2) : "–"}</div>
        <div class="muted">episode return / length</div>
        <div>{ep ? `${ep.return.toFixed(2)} / ${ep.length} steps` : "–"}</div>
        <div class="muted">
          {ep?.terminated ? "terminated" : ep ? "truncated / time limit" : ""}
        </div>
        <p class="muted small">
          Drag to orbit, scroll to zoom, right-drag to pan; space plays or pauses, ←/→ step a frame.
          Poses are computed by MuJoCo from the recorded qpos.
        </p>
      </aside>
    </div>
  );
}
