/**
 * The top of the reproduction report: every claim's verdict at a glance, one column per form of
 * FS* (the paper's code listing and its equations at each ε), and the settings every training
 * run used, from its own resolved config.
 * @module
 */
import type { ReportFile, VerdictEntry } from "./section.ts";
import { csv, verdictCell } from "./stats.ts";
import type { RunData } from "./run_data.ts";

/** The headline: a claims × forms table of verdicts, then the claims that have no form. */
export function headline(verdicts: VerdictEntry[], evidence: string): string {
  const forms = [...new Set(verdicts.flatMap((v) => v.form ? [v.form] : []))];
  const md = [
    "## Headline: do the paper's claims hold?",
    "",
    `Evidence: ${evidence}. Each cell is the verdict of the claim on its row, tested with the ` +
    "FS\\* form of its column; the sections below give the intervals behind every cell.",
    "",
  ];
  const formed = verdicts.filter((v) => v.form);
  if (formed.length) {
    const claims = [...new Set(formed.map((v) => `${v.section}\u0000${v.claim}`))];
    md.push(
      `| section | claim | ${forms.map((f) => `FS\\* ${f}`).join(" | ")} |`,
      `| --- | --- | ${forms.map(() => "---").join(" | ")} |`,
    );
    for (const key of claims) {
      const [section, claim] = key.split("\u0000");
      const cells = forms.map((f) => {
        const v = formed.find((x) => x.section === section && x.claim === claim && x.form === f);
        return v ? verdictCell(v.verdict as never) : "–";
      });
      md.push(`| ${section} | ${claim} | ${cells.join(" | ")} |`);
    }
    md.push("");
  }
  const plain = verdicts.filter((v) => !v.form);
  if (plain.length) {
    md.push("| section | claim | verdict |", "| --- | --- | --- |");
    for (const v of plain) {
      md.push(`| ${v.section} | ${v.claim} | ${verdictCell(v.verdict as never)} |`);
    }
    md.push("");
  }
  return md.join("\n");
}

/** Keys of config.json that identify a run rather than set it. */
const IDENTITY = new Set(["env", "algo", "seeds", "name"]);

/** The settings section: shared values once, then the values that differ by run. */
export function settingsTable(runs: RunData[]): { markdown: string; files: ReportFile[] } {
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
