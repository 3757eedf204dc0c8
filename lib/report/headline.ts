/**
 * The top of the reproduction report: every claim's verdict at a glance, one column per form of
 * FS* (the paper's code listing and its equations at each ε).
 * @module
 */
import type { VerdictEntry } from "./section.ts";
import { verdictCell } from "./stats.ts";

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
