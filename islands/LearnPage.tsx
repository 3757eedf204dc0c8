/** @jsxImportSource npm:preact@10.29.8 */
/// <reference lib="dom" />
/**
 * The /learn page: a form (task, algorithm, seeds as a population, steps, learning rates, k1k2
 * form, …), then training in a Web Worker (lib/learn/worker.ts, the same lib/ and physics/ code
 * as `deno task train`) while the main thread draws: progress with ETA, steps/s, best evaluation
 * (`data-testid="best-eval"`, `data-best-eval`), live curves, and the 3D view of the current
 * policy (the rollout player's scene, refreshed after each evaluation or on demand). Pause,
 * Resume, Stop; the checkpoint as a download (a tar of the folder `loadAgent` reads); "Save to
 * runs" posts the run to the server (`POST /api/learn/save`).
 * @module
 */
import { useEffect, useRef, useState } from "./deps.ts";
import RolloutPlayer from "./RolloutPlayer.tsx";
import LearnCharts from "./LearnCharts.tsx";
import type { LearnPageProps } from "../lib/learn/page_props.ts";
import type { CheckpointMessage, FromWorker, ToWorker } from "../lib/learn/protocol.ts";
import type { LearnProgress } from "../lib/learn/trainer.ts";
import type { MetricRow } from "../lib/store/run_store.ts";
import {
  checkpointFiles,
  missingFeatures,
  type PageRun,
  savePayload,
  tarArchive,
} from "../lib/learn/client.ts";

/** Milliseconds between refreshes of the 3D view while following the evaluations. */
const VIEW_EVERY = 8000;

type State = "idle" | "starting" | "running" | "paused" | "finished" | "stopped" | "failed";

const LABELS: Record<string, string> = {
  seeds: "Seeds (a population)",
  steps: "Steps per seed",
  startSteps: "Random start steps",
  updateAfter: "Update after",
  lrActor: "Actor learning rate",
  lrCritic: "Critic learning rate",
  evalEvery: "Evaluate every",
  evalEpisodes: "Evaluation episodes",
  k1k2: "k1, k2 form",
};

/** m:ss or h:mm:ss. */
function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
  const mm = String(m).padStart(h ? 2 : 1, "0"), ss = String(r).padStart(2, "0");
  return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

function download(name: string, bytes: Uint8Array, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The /learn island. */
export default function LearnPage(props: LearnPageProps) {
  const [env, setEnv] = useState(props.initial.env);
  const [algo, setAlgo] = useState(props.initial.algo);
  const [settings, setSettings] = useState<Record<string, string>>(props.initial.settings);
  const [state, setState] = useState<State>("idle");
  const [message, setMessage] = useState<string>("");
  const [missing, setMissing] = useState<string[]>([]);
  const [progress, setProgress] = useState<LearnProgress | null>(null);
  const [version, setVersion] = useState(0);
  const [view, setView] = useState<{ url: string; model: string; title: string } | null>(null);
  const [latest, setLatest] = useState(0);
  const [follow, setFollow] = useState(true);
  const [saved, setSaved] = useState<{ id: string; url: string } | null>(null);
  const [runtime, setRuntime] = useState("");
  const worker = useRef<Worker | null>(null);
  const run = useRef<PageRun | null>(null);
  const rows = useRef<MetricRow[]>([]);
  const latestRollout = useRef<{ text: string; step: number; eval: number | null } | null>(null);
  const shown = useRef({ at: -Infinity, timer: 0 });
  const followRef = useRef(follow);
  followRef.current = follow;

  const showLatest = () => {
    const r = latestRollout.current;
    if (!r) return;
    const model = JSON.parse(r.text).model as string;
    const url = URL.createObjectURL(new Blob([r.text], { type: "application/json" }));
    setView((old) => {
      if (old) setTimeout(() => URL.revokeObjectURL(old.url), 5000);
      const ret = r.eval === null ? "" : ` · evaluation return ${r.eval.toFixed(1)}`;
      return { url, model, title: `Policy after ${r.step.toLocaleString("en-US")} steps${ret}` };
    });
  };

  // the scene takes a few seconds to build: at most one refresh every VIEW_EVERY ms
  const refreshSoon = () => {
    if (shown.current.timer) return;
    const wait = Math.max(0, shown.current.at + VIEW_EVERY - performance.now());
    shown.current.timer = setTimeout(() => {
      shown.current = { at: performance.now(), timer: 0 };
      if (followRef.current) showLatest();
    }, wait) as unknown as number;
  };

  const onMessage = (m: FromWorker) => {
    const current = run.current!;
    if (m.type === "ready") {
      current.config = m.config;
      current.runtime = m.runtime;
      setRuntime(
        `${m.runtime.implementation} updates${m.simd ? " on WebAssembly SIMD" : " (no SIMD)"}`,
      );
      setState("running");
    } else if (m.type === "rows") {
      for (const r of m.rows) rows.current.push(r);
      setVersion((v) => v + 1);
    } else if (m.type === "progress" || m.type === "done") {
      const p = m.progress;
      current.stepsDone = p.stepsDone;
      current.bestEval = p.bestEval;
      if (m.type === "progress") current.wallTime = p.wallTime;
      // the last rate stays on show when the run ends
      setProgress((old) =>
        m.type === "done" ? { ...p, stepsPerSecond: old?.stepsPerSecond ?? 0 } : p
      );
      if (m.type === "done") {
        current.finished = m.status === "finished";
        current.wallTime = p.wallTime;
        setState(m.status === "finished" ? "finished" : "stopped");
        if (followRef.current) refreshSoon();
        worker.current?.terminate();
        worker.current = null;
      } else if (p.phase === "paused") setState("paused");
      else setState((s) => (s === "paused" ? "running" : s));
    } else if (m.type === "rollout") {
      current.rollouts.set(m.label, m.text);
      if (m.label === "latest") {
        const evals = rows.current.filter((r) => r.type === "eval" && r.step === m.step);
        const mean = evals.length
          ? evals.reduce((a, r) => a + (r.type === "eval" ? r.returnMean : 0), 0) / evals.length
          : null;
        latestRollout.current = { text: m.text, step: m.step, eval: mean };
        setLatest(m.step);
        if (followRef.current) refreshSoon();
      }
    } else if (m.type === "checkpoint") {
      current.checkpoints.set(m.name, m as CheckpointMessage);
    } else if (m.type === "error") {
      setMessage(m.message);
      setState("failed");
      worker.current?.terminate();
      worker.current = null;
    }
  };

  const start = () => {
    const lacking = missingFeatures();
    setMissing(lacking);
    if (lacking.length > 0) return;
    worker.current?.terminate();
    rows.current = [];
    latestRollout.current = null;
    setVersion(0);
    setProgress(null);
    setSaved(null);
    setMessage("");
    setView(null);
    run.current = {
      config: {},
      runtime: { backend: "", implementation: "" },
      finished: false,
      stepsDone: 0,
      bestEval: null,
      wallTime: 0,
      rows: rows.current,
      rollouts: new Map(),
      checkpoints: new Map(),
    };
    const input: Record<string, unknown> = { env, algo };
    for (const [key, value] of Object.entries(settings)) {
      if (key === "k1k2" && !props.k1k2Algos.includes(algo)) continue;
      input[key] = key === "seeds" || key === "k1k2" ? value.trim() : Number(value);
      if (typeof input[key] === "number" && !Number.isFinite(input[key])) input[key] = value;
    }
    const w = new Worker("/learn/worker/worker.js", { type: "module" });
    w.onmessage = (event: MessageEvent<FromWorker>) => onMessage(event.data);
    w.onerror = (event) => {
      event.preventDefault();
      setMessage(`the training worker failed: ${event.message || "it could not be loaded"}`);
      setState("failed");
    };
    worker.current = w;
    setState("starting");
    w.postMessage({ type: "start", input } satisfies ToWorker);
  };

  const send = (message: ToWorker) => worker.current?.postMessage(message);

  const save = async () => {
    if (!run.current) return;
    setMessage("saving…");
    try {
      const res = await fetch("/api/learn/save", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(savePayload(run.current)),
      });
      const body = await res.json();
      if (!res.ok) throw new Error(body.error ?? `HTTP ${res.status}`);
      setSaved(body);
      setMessage("");
    } catch (error) {
      setMessage(`Save to runs failed: ${(error as Error).message}`);
    }
  };

  const downloadCheckpoint = (name: "last" | "best") => {
    const c = run.current?.checkpoints.get(name);
    if (!c) return;
    const folder = `${env}-${algo}-${name}-step-${c.step}`;
    download(`${folder}.tar`, tarArchive(folder, checkpointFiles(c)), "application/x-tar");
  };

  // each new view plays as soon as its scene is built (the player's own Play button)
  useEffect(() => {
    if (!view) return;
    const started = performance.now();
    const timer = setInterval(() => {
      const button = document.querySelector<HTMLButtonElement>(".learn-view button#play");
      const play = button && !button.disabled && button.textContent?.trim() === "Play"
        ? button
        : null;
      play?.click();
      if (play || performance.now() - started > 30_000) clearInterval(timer);
    }, 250);
    return () => clearInterval(timer);
  }, [view?.url]);

  useEffect(() => {
    const lacking = missingFeatures();
    setMissing(lacking);
    if (props.initial.autostart && lacking.length === 0) start();
    return () => worker.current?.terminate();
  }, []);

  const busy = state === "starting" || state === "running" || state === "paused";
  const done = state === "finished" || state === "stopped";
  const best = progress?.bestEval ?? null;
  const fraction = progress ? progress.stepsDone / progress.stepsTotal : 0;
  const averageSps = progress && progress.wallTime > 0 ? progress.stepsDone / progress.wallTime : 0;
  const fields = Object.keys(LABELS).filter((k) => k !== "k1k2" || props.k1k2Algos.includes(algo));
  const checkpoints = run.current?.checkpoints;

  return (
    <div class="learn" data-state={state}>
      {missing.length > 0
        ? (
          <div class="error-panel" role="alert" data-testid="missing">
            <strong>This browser cannot train here</strong>
            <ul>
              <li>
                It lacks{" "}
                {missing.join(" and ")}, which the training worker needs. A current Chromium,
                Firefox or Safari has them.
              </li>
            </ul>
          </div>
        )
        : null}
      <form
        class="learn-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) start();
        }}
      >
        <label>
          Task{" "}
          <select
            name="env"
            value={env}
            disabled={busy}
            onChange={(e) => {
              const next = (e.target as HTMLSelectElement).value;
              setEnv(next);
              setSettings({ ...props.defaults[next] });
            }}
          >
            {props.envs.map((e) => <option key={e} value={e}>{e}</option>)}
          </select>
        </label>
        <label>
          Algorithm{" "}
          <select
            name="algo"
            value={algo}
            disabled={busy}
            onChange={(e) => setAlgo((e.target as HTMLSelectElement).value)}
          >
            {props.algos.map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
        </label>
        {fields.map((key) => (
          <label key={key}>
            {LABELS[key]} {key === "k1k2"
              ? (
                <select
                  name={key}
                  value={settings[key]}
                  disabled={busy}
                  onChange={(e) =>
                    setSettings({ ...settings, [key]: (e.target as HTMLSelectElement).value })}
                >
                  <option value="listing">listing</option>
                  <option value="per-sample">per-sample</option>
                </select>
              )
              : (
                <input
                  name={key}
                  value={settings[key]}
                  size={key === "seeds" ? 8 : 9}
                  disabled={busy}
                  onInput={(e) =>
                    setSettings({ ...settings, [key]: (e.target as HTMLInputElement).value })}
                />
              )}
          </label>
        ))}
        <div class="learn-buttons">
          <button type="submit" disabled={busy || missing.length > 0}>Start</button>
          {state === "paused"
            ? <button type="button" onClick={() => send({ type: "resume" })}>Resume</button>
            : (
              <button
                type="button"
                disabled={state !== "running"}
                onClick={() => send({ type: "pause" })}
              >
                Pause
              </button>
            )}
          <button type="button" disabled={!busy} onClick={() => send({ type: "stop" })}>
            Stop
          </button>
        </div>
      </form>

      <div class="learn-status">
        <progress max={1} value={fraction} data-testid="progress" />
        <span data-testid="progress-text">
          {progress
            ? `${progress.stepsDone.toLocaleString("en-US")} / ${
              progress.stepsTotal.toLocaleString("en-US")
            } steps · ${progress.phase} · ${Math.round(progress.stepsPerSecond)} steps/s · ETA ${
              progress.etaSeconds === null ? "…" : clock(progress.etaSeconds)
            }`
            : state === "starting"
            ? "loading MuJoCo and building the agent…"
            : "not started"}
        </span>{" "}
        ·{" "}
        <span
          data-testid="best-eval"
          data-best-eval={best === null ? "" : String(best)}
          data-average-sps={averageSps.toFixed(1)}
        >
          best evaluation {best === null ? "—" : best.toFixed(1)}
        </span>
        {runtime ? <span class="muted">· {runtime}</span> : null}
      </div>
      {message
        ? <p class={state === "failed" ? "error-panel" : "muted"} role="status">{message}</p>
        : null}

      <div class="learn-keep">
        <button
          type="button"
          disabled={!checkpoints?.has("last")}
          onClick={() => downloadCheckpoint("last")}
        >
          Download last checkpoint
        </button>
        <button
          type="button"
          disabled={!checkpoints?.has("best")}
          onClick={() => downloadCheckpoint("best")}
        >
          Download best checkpoint
        </button>
        <button type="button" data-testid="save" disabled={!done || saved !== null} onClick={save}>
          Save to runs
        </button>
        {saved ? <a data-testid="saved" href={saved.url}>saved as {saved.id}</a> : null}
      </div>

      <section class="learn-view">
        <h2>
          The current policy{" "}
          <label class="muted">
            <input
              type="checkbox"
              checked={follow}
              onChange={(e) => setFollow((e.target as HTMLInputElement).checked)}
            />{" "}
            refresh after each evaluation
          </label>{" "}
          <button
            type="button"
            disabled={latest === 0 && !latestRollout.current}
            onClick={showLatest}
          >
            Show latest
          </button>
        </h2>
        {view
          ? (
            <RolloutPlayer
              key={view.url}
              rolloutUrl={view.url}
              modelUrl={`/api/models/${encodeURIComponent(view.model)}`}
              title={view.title}
              videoName={`${env}-${algo}-learn`}
            />
          )
          : <p class="muted">The policy appears here after the first evaluation.</p>}
      </section>

      <LearnCharts rows={rows.current} version={version} />
    </div>
  );
}
