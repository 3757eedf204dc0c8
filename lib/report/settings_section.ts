/**
 * Section 9 of the reproduction report: the settings every training run used, read from its own
 * resolved config.json — the values shared by every run once, then a table of those that differ.
 * @module
 */
import type { ReportFile } from "./section.ts";
import { csv } from "./stats.ts";
import type { RunData } from "./run_data.ts";

const IDENTITY = new Set(["env", "algo", "seeds", "name"]);

/** The settings section: shared values once, then the values that differ by run. */
export function buildSettingsSection(runs: RunData[]): { markdown: string; files: ReportFile[] } {
  const keys = [...new Set(runs.flatMap((r) => Object.keys(r.config)))]
    .filter((k) => !IDENTITY.has(k)).sort();
  const show = (v: unknown) => (Array.isArray(v) ? v.join("×") : String(v ?? "–"));
  const shared = keys.filter((k) => {
    const values = new Set(runs.map((r) => JSON.stringify(r.config[k])));
    return values.size === 1 && runs.every((r) => k in r.config);
  });
  const varying = keys.filter((k) => !shared.includes(k));
  const md = [
    "## 9. Settings of every training run",
    "",
    "Read from each run's own config.json (the resolved settings it trained with; report.json " +
    "holds them in full). Shared by every run: " +
    (shared.map((k) => `${k} = ${show(runs[0].config[k])}`).join(", ") || "nothing") + ".",
    "",
  ];
  if (varying.length && runs.length) {
    md.push(
      `| run | task | algorithm | seeds | ${varying.join(" | ")} |`,
      `| --- | --- | --- | --- | ${varying.map(() => "---").join(" | ")} |`,
    );
    for (const r of runs) {
      md.push(
        `| ${r.id} | ${r.env} | ${r.algo} | ${r.seeds.length} | ${
          varying.map((k) => k in r.config ? show(r.config[k]) : "–").join(" | ")
        } |`,
      );
    }
    md.push("");
  }
  return {
    markdown: md.join("\n"),
    files: [{
      path: "settings/runs.csv",
      content: csv(
        ["run", "task", "algo", "seeds", ...keys],
        runs.map((
          r,
        ) => [r.id, r.env, r.algo, r.seeds.join(" "), ...keys.map((k) => show(r.config[k]))]),
      ),
    }],
  };
}
