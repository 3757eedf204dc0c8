/**
 * `deno task reproduce`: builds the reproduction report. So far it has one section, the paper's
 * toy games (§6.1); the other sections of issue 9 will join it.
 *
 * Writes `<out>/<id>/report.md`, the figures as SVG and the tables as CSV; every file is written
 * to a temporary name and then renamed, so a report is never left half-written.
 * @module
 */
import { nearest } from "../lib/errors.ts";
import { buildToySection, type ReportFile, runToyGrid } from "../lib/report/toy_section.ts";
import { buildDirectionsSection, measureDirections } from "../lib/report/directions_section.ts";
import { listEnvs } from "../physics/mod.ts";

const SECTIONS = ["toy", "directions"] as const;
const BUDGETS = ["smoke", "short", "paper"] as const;
const FLAGS = ["--only", "--out", "--id", "--budget", "--toy-steps", "--help"] as const;

const HELP = `deno task reproduce [options]

Builds the reproduction report of "Fast Stackelberg Deterministic Actor-Critic".

Options:
  --only <sections>   comma-separated sections to build; available: ${
  SECTIONS.join(", ")
} (default: all)
  --out <dir>         parent directory of the report (default: reports/)
  --id <id>           report id, the sub-directory of --out (default: UTC time, YYYYMMDD-HHMMSS)
  --budget <b>        ${BUDGETS.join(" | ")} (default: short); the toy section costs well under a
                      second at every budget: smoke runs 2,000 updates per toy run, the others
                      10,000, and smoke verdicts are marked "smoke: not evidence"
  --toy-steps <n>     updates per toy-game run (overrides the budget; integer 10..1000000)
  --help              this text

Sections: toy (the paper's §6.1 games), directions (cosine and correction ratio of every actor
direction on fresh networks of each task; smoke: InvertedPendulum, 1 seed; short: every task,
3 seeds; paper: 5 seeds).

Writes <out>/<id>/report.md, <out>/<id>/<section>/*.svg (figures) and *.csv (tables).
`;

/** Thrown for bad command-line input; main() prints it and returns 2. */
class UsageError extends Error {}

interface Args {
  only: string[];
  out: string;
  id: string;
  budget: (typeof BUDGETS)[number];
  toySteps: number | null;
  help: boolean;
}

function defaultId(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getUTCFullYear()}${p(now.getUTCMonth() + 1)}${p(now.getUTCDate())}-` +
    `${p(now.getUTCHours())}${p(now.getUTCMinutes())}${p(now.getUTCSeconds())}`;
}

/** Parses the command line; throws UsageError naming the bad flag or value. */
export function parseArgs(args: string[]): Args {
  const out: Args = {
    only: [...SECTIONS],
    out: "reports",
    id: defaultId(),
    budget: "short",
    toySteps: null,
    help: false,
  };
  for (let i = 0; i < args.length; i++) {
    let flag = args[i];
    let value: string | undefined;
    const eq = flag.indexOf("=");
    if (flag.startsWith("--") && eq > 0) [flag, value] = [flag.slice(0, eq), flag.slice(eq + 1)];
    if (!(FLAGS as readonly string[]).includes(flag)) {
      const hint = nearest(flag, FLAGS);
      throw new UsageError(
        `unknown ${flag.startsWith("-") ? "flag" : "argument"} ${JSON.stringify(flag)}${
          hint ? `; did you mean ${hint}?` : ""
        } Valid flags: ${FLAGS.join(", ")}`,
      );
    }
    if (flag === "--help") {
      out.help = true;
      continue;
    }
    if (value === undefined) {
      value = args[++i];
      if (value === undefined || value.startsWith("--")) {
        throw new UsageError(`${flag} needs a value`);
      }
    }
    switch (flag) {
      case "--only": {
        const parts = value.split(",").map((s) => s.trim()).filter(Boolean);
        for (const p of parts) {
          if (!(SECTIONS as readonly string[]).includes(p)) {
            const hint = nearest(p, SECTIONS);
            throw new UsageError(
              `--only: unknown section ${JSON.stringify(p)}${
                hint ? ` (did you mean "${hint}"?)` : ""
              }; available: ${SECTIONS.join(", ")}`,
            );
          }
        }
        if (!parts.length) {
          throw new UsageError(
            `--only: got ${JSON.stringify(value)}; available: ${SECTIONS.join(", ")}`,
          );
        }
        out.only = parts;
        break;
      }
      case "--out":
        out.out = value;
        break;
      case "--id":
        if (!/^[A-Za-z0-9._-]+$/.test(value) || value === "." || value === "..") {
          throw new UsageError(
            `--id: got ${JSON.stringify(value)}; allowed: letters, digits, ".", "_" and "-"`,
          );
        }
        out.id = value;
        break;
      case "--budget":
        if (!(BUDGETS as readonly string[]).includes(value)) {
          throw new UsageError(
            `--budget: got ${JSON.stringify(value)}; allowed: ${BUDGETS.join(", ")}`,
          );
        }
        out.budget = value as Args["budget"];
        break;
      case "--toy-steps": {
        const n = Number(value);
        if (!Number.isInteger(n) || n < 10 || n > 1_000_000) {
          throw new UsageError(
            `--toy-steps: got ${JSON.stringify(value)}; allowed: an integer from 10 to 1000000`,
          );
        }
        out.toySteps = n;
        break;
      }
    }
  }
  return out;
}

/** Writes `content` to `path` via a temporary file in the same directory and a rename. */
export async function writeAtomic(path: string, content: string): Promise<void> {
  const dir = path.slice(0, Math.max(0, path.lastIndexOf("/"))) || ".";
  await Deno.mkdir(dir, { recursive: true });
  const tmp = `${path}.tmp-${Deno.pid}-${Math.random().toString(36).slice(2, 8)}`;
  try {
    await Deno.writeTextFile(tmp, content);
    await Deno.rename(tmp, path);
  } catch (e) {
    await Deno.remove(tmp).catch(() => {});
    throw e;
  }
}

/** The checked-out commit, read from .git without running git; "unknown" if unreadable. */
export async function gitCommit(root = "."): Promise<string> {
  try {
    const head = (await Deno.readTextFile(`${root}/.git/HEAD`)).trim();
    if (!head.startsWith("ref: ")) return head;
    const ref = head.slice(5);
    try {
      return (await Deno.readTextFile(`${root}/.git/${ref}`)).trim();
    } catch {
      const packed = await Deno.readTextFile(`${root}/.git/packed-refs`);
      const line = packed.split("\n").find((l) => l.endsWith(` ${ref}`));
      return line ? line.split(" ")[0] : "unknown";
    }
  } catch {
    return "unknown";
  }
}

/** Entry point of `deno task reproduce`; returns the process exit code. */
export async function main(args: string[]): Promise<number> {
  let parsed: Args;
  try {
    parsed = parseArgs(args);
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`reproduce: ${e.message}\n(run with --help for the options)`);
      return 2;
    }
    throw e;
  }
  if (parsed.help) {
    console.log(HELP);
    return 0;
  }
  const dir = `${parsed.out.replace(/\/+$/, "") || "."}/${parsed.id}`;
  const started = performance.now();
  const files: ReportFile[] = [];
  const md: string[] = [
    `# Reproduction report ${parsed.id}`,
    "",
    'Paper: "Fast Stackelberg Deterministic Actor-Critic" (ICLR 2022 submission). Every number ' +
    "below comes from runs this command made.",
    "",
    `Command: \`deno task reproduce --only ${parsed.only.join(",")} --budget ${parsed.budget}${
      parsed.toySteps !== null ? ` --toy-steps ${parsed.toySteps}` : ""
    } --out ${parsed.out} --id ${parsed.id}\``,
    "",
  ];
  if (parsed.budget === "smoke") {
    md.push("**Budget smoke: not evidence.** Verdicts below are from tiny settings.", "");
  }
  if (parsed.only.includes("toy")) {
    const steps = parsed.toySteps ?? (parsed.budget === "smoke" ? 2_000 : 10_000);
    console.log(`reproduce: toy games (${steps} updates per run) ...`);
    const section = buildToySection(runToyGrid({ steps }));
    md.push(section.markdown, "");
    files.push(...section.files);
    for (const v of section.verdicts) {
      console.log(
        `  toy ${v.game}: ${v.claim}${
          v.fsVariant ? ` [FSDDPG ${v.fsVariant}]` : ""
        }: ${v.verdict}` +
          ` (${v.holdsUnder.length}/${v.holdsUnder.length + v.failsUnder.length} settings)`,
      );
    }
  }
  if (parsed.only.includes("directions")) {
    const smoke = parsed.budget === "smoke";
    const options = {
      tasks: smoke ? ["InvertedPendulum"] : listEnvs(),
      seeds: smoke ? 1 : parsed.budget === "short" ? 3 : 5,
      denseLimit: 1000,
      log: (line: string) => console.log(line),
    };
    console.log(
      `reproduce: directions on ${options.tasks.join(", ")} (${options.seeds} seed(s)) ...`,
    );
    const section = buildDirectionsSection(await measureDirections(options), options);
    md.push(section.markdown, "");
    files.push(...section.files);
  }
  md.push(
    "## Environment",
    "",
    `Deno ${Deno.version.deno} (V8 ${Deno.version.v8}, TypeScript ${Deno.version.typescript}), ` +
      `${Deno.build.os}/${Deno.build.arch}; commit ${await gitCommit()}; built in ${
        ((performance.now() - started) / 1000).toFixed(1)
      } s.`,
    "",
  );
  for (const f of files) await writeAtomic(`${dir}/${f.path}`, f.content);
  await writeAtomic(`${dir}/report.md`, md.join("\n"));
  console.log(`reproduce: wrote ${dir}/report.md and ${files.length} files`);
  return 0;
}

if (import.meta.main) Deno.exit(await main(Deno.args));
