/**
 * Durations as the command lines print them: the progress lines of `deno task train` and
 * `deno task reproduce`, and the reproduction plan's wall-time estimate.
 * @module
 */

/**
 * Seconds, rounded to whole seconds: `m:ss` or `h:mm:ss` (`clock`, default; `--:--` when
 * unknown), or `1 h 5 min`, `3 min 20 s`, `42 s` (`words`, for an estimate read once).
 */
export function formatDuration(seconds: number | null, style: "clock" | "words" = "clock"): string {
  if (seconds === null || !Number.isFinite(seconds)) return style === "clock" ? "--:--" : "–";
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
  if (style === "words") return h ? `${h} h ${m} min` : m ? `${m} min ${r} s` : `${r} s`;
  return h > 0
    ? `${h}:${String(m).padStart(2, "0")}:${String(r).padStart(2, "0")}`
    : `${m}:${String(r).padStart(2, "0")}`;
}
