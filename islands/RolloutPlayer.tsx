/** @jsxImportSource npm:preact@10.29.8 */
/// <reference lib="dom" />
/**
 * The 3D rollout player island: play/pause, scrub, speed, episode choice, a camera that follows
 * the torso and can be orbited, the reward of each frame, and "Export video". The scene (MuJoCo
 * poses drawn by three.js) is islands/rollout_scene.ts; the WebM export is
 * islands/rollout_video.ts.
 * @module
 */
import { useEffect, useRef, useState } from "./deps.ts";
import { type Engine, loadEngine, type RolloutJson } from "./rollout_scene.ts";
import { exportVideo, hasWebCodecs } from "./rollout_video.ts";

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

const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 4];

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
  const engineRef = useRef<Engine | null>(null);
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
      engineRef.current = engine;
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
