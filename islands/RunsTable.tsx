/** @jsxImportSource npm:preact@10.29.8 */
/// <reference lib="dom" />
/**
 * The runs table: sortable by any column, filterable by text and status, with checkboxes that
 * build a link to the compare page. Refreshes itself from `/api/runs` while runs are running.
 * @module
 */
import { useEffect, useMemo, useState } from "./deps.ts";
import { fmt, fmtDuration } from "../lib/ui/format.ts";

/** One row (the run store's `RunSummary` without `dir`). */
export interface RunRow {
  id: string;
  env?: string;
  algo?: string;
  seeds?: number[];
  stepsDone?: number;
  stepsTotal?: number;
  status?: string;
  /** A `train()` callback stopped the run before its step budget. */
  stoppedEarly?: boolean;
  bestEval?: number | null;
  wallTime?: number;
  createdAt?: string;
  error?: string;
}

type Key =
  | "id"
  | "env"
  | "algo"
  | "seeds"
  | "progress"
  | "status"
  | "bestEval"
  | "wallTime"
  | "createdAt";

const COLUMNS: { key: Key; label: string; numeric?: boolean }[] = [
  { key: "id", label: "Run" },
  { key: "env", label: "Env" },
  { key: "algo", label: "Algorithm" },
  { key: "seeds", label: "Seeds", numeric: true },
  { key: "progress", label: "Steps done / total", numeric: true },
  { key: "status", label: "Status" },
  { key: "bestEval", label: "Best eval", numeric: true },
  { key: "wallTime", label: "Wall time", numeric: true },
  { key: "createdAt", label: "Created" },
];

function sortValue(r: RunRow, key: Key): string | number {
  switch (key) {
    case "seeds":
      return r.seeds?.length ?? -1;
    case "progress":
      return r.stepsDone ?? -1;
    case "bestEval":
      return r.bestEval ?? -Infinity;
    case "wallTime":
      return r.wallTime ?? -1;
    default:
      return String(r[key] ?? "");
  }
}

/** The runs table island. */
export default function RunsTable(props: { runs: RunRow[] }) {
  const [runs, setRuns] = useState(props.runs);
  const [sort, setSort] = useState<{ key: Key; dir: 1 | -1 }>({ key: "createdAt", dir: -1 });
  const [filter, setFilter] = useState("");
  const [status, setStatus] = useState("all");
  const [selected, setSelected] = useState<string[]>([]);

  const anyRunning = runs.some((r) => r.status === "running");
  useEffect(() => {
    if (!anyRunning) return;
    const timer = setInterval(async () => {
      try {
        const res = await fetch("/api/runs");
        if (res.ok) setRuns((await res.json()).runs);
      } catch { /* keep the last table */ }
    }, 5000);
    return () => clearInterval(timer);
  }, [anyRunning]);

  const shown = useMemo(() => {
    const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
    const rows = runs.filter((r) => {
      if (status !== "all" && (r.error && !r.status ? "error" : r.status) !== status) return false;
      const text = [r.id, r.env, r.algo, r.status, r.seeds?.join(",")].join(" ").toLowerCase();
      return words.every((w) => text.includes(w));
    });
    return rows.sort((a, b) => {
      const x = sortValue(a, sort.key), y = sortValue(b, sort.key);
      return (x < y ? -1 : x > y ? 1 : 0) * sort.dir;
    });
  }, [runs, sort, filter, status]);

  const toggle = (id: string) =>
    setSelected((s) => s.includes(id) ? s.filter((x) => x !== id) : [...s, id]);
  const compareHref = `/compare?ids=${selected.map(encodeURIComponent).join(",")}`;

  return (
    <div class="runs-table">
      <div class="toolbar">
        <input
          type="search"
          placeholder="Filter (env, algorithm, id, status…)"
          value={filter}
          onInput={(e) => setFilter((e.target as HTMLInputElement).value)}
          aria-label="Filter runs"
        />
        <select
          value={status}
          onChange={(e) => setStatus((e.target as HTMLSelectElement).value)}
          aria-label="Status"
        >
          {["all", "running", "finished", "failed", "interrupted", "stale", "error"].map((s) => (
            <option value={s}>{s}</option>
          ))}
        </select>
        <a
          class={`button${selected.length < 1 ? " disabled" : ""}`}
          href={selected.length > 0 ? compareHref : undefined}
          aria-disabled={selected.length < 1}
          id="compare-link"
        >
          Compare {selected.length > 0 ? `(${selected.length})` : "selected"}
        </a>
        <span class="muted">{shown.length} of {runs.length} runs</span>
      </div>
      <table>
        <thead>
          <tr>
            <th></th>
            {COLUMNS.map((c) => (
              <th
                class={`sortable${c.numeric ? " num" : ""}`}
                onClick={() =>
                  setSort((s) => ({ key: c.key, dir: s.key === c.key ? (-s.dir as 1 | -1) : 1 }))}
              >
                {c.label}
                {sort.key === c.key ? (sort.dir === 1 ? " ▲" : " ▼") : ""}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr class={r.error ? "has-error" : ""} data-run={r.id}>
              <td>
                <input
                  type="checkbox"
                  checked={selected.includes(r.id)}
                  onChange={() => toggle(r.id)}
                  aria-label={`Select ${r.id}`}
                />
              </td>
              <td>
                <a href={`/runs/${encodeURIComponent(r.id)}`}>{r.id}</a>
                {r.error ? <div class="error-text">{r.error}</div> : null}
              </td>
              <td>{r.env ?? "–"}</td>
              <td>{r.algo ?? "–"}</td>
              <td class="num">{r.seeds ? r.seeds.join(", ") : "–"}</td>
              <td class="num">
                {r.stepsDone !== undefined
                  ? `${fmt(r.stepsDone, 0)} / ${fmt(r.stepsTotal, 0)}`
                  : "–"}
                {r.stepsDone !== undefined && r.stepsTotal
                  ? (
                    <div class="progress">
                      <div
                        style={{
                          width: `${Math.min(100, 100 * r.stepsDone / r.stepsTotal).toFixed(1)}%`,
                        }}
                      />
                    </div>
                  )
                  : null}
              </td>
              <td>
                <span class={`status status-${r.status ?? "error"}`}>{r.status ?? "error"}</span>
                {r.stoppedEarly ? <span class="muted">stopped early</span> : null}
              </td>
              <td class="num">{fmt(r.bestEval)}</td>
              <td class="num">{fmtDuration(r.wallTime)}</td>
              <td>{r.createdAt ? r.createdAt.replace("T", " ").slice(0, 19) : "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {runs.length === 0
        ? (
          <p class="muted">
            No runs yet. Start one with <code>deno task train</code>.
          </p>
        )
        : null}
    </div>
  );
}
