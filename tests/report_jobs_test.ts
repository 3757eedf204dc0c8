// `reproduce --emit-jobs slurm|k8s|list` and `--run-index`: the emitted Slurm array script and
// Kubernetes Indexed Job are well-formed with an index range equal to the number of runs; the
// Slurm script with SLURM_ARRAY_TASK_ID = i and the list's line i each run exactly run i of the
// plan (the same run, bit for bit in its returns, as the in-process sweep trains); an interrupted
// run is resumed, not redone.
import { main as reproduceMain } from "../cli/reproduce.ts";
import { budgetSpec, planRuns } from "../lib/report/plan.ts";
import { executePlan, runState } from "../lib/report/runner.ts";
import { readMetrics } from "../lib/store/run_store.ts";
import { assert, assertEquals } from "./assert.ts";
import { quietly } from "./quiet.ts";

const ROOT = new URL("..", import.meta.url).pathname.replace(/\/$/, "");

type Yaml = string | number | boolean | null | Yaml[] | { [key: string]: Yaml };

/**
 * A strict parser for the block-YAML subset the manifest uses (no YAML library is installed):
 * mappings, sequences of mappings, flow sequences of JSON strings, JSON-quoted strings, plain
 * scalars; two-space indentation; comments. Anything else throws.
 */
function parseYaml(text: string): Yaml {
  const lines = text.split("\n").map((raw, n) => ({ raw, n: n + 1 }))
    .filter(({ raw }) => raw.trim() !== "" && !raw.trimStart().startsWith("#"));
  let i = 0;
  const indentOf = (s: string) => s.length - s.trimStart().length;
  const scalar = (v: string, n: number): Yaml => {
    v = v.trim();
    if (v.startsWith('"')) return JSON.parse(v);
    if (v.startsWith("[")) {
      const arr = JSON.parse(v);
      if (!Array.isArray(arr)) throw new Error(`line ${n}: bad flow sequence`);
      return arr;
    }
    if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v);
    if (v === "true" || v === "false") return v === "true";
    if (/^[A-Za-z0-9_./:-]+$/.test(v)) return v;
    throw new Error(`line ${n}: unsupported scalar ${JSON.stringify(v)}`);
  };
  const block = (indent: number): Yaml => {
    const first = lines[i];
    if (first.raw.trimStart().startsWith("- ")) {
      const seq: Yaml[] = [];
      while (i < lines.length && indentOf(lines[i].raw) === indent) {
        const { raw, n } = lines[i];
        if (!raw.trimStart().startsWith("- ")) throw new Error(`line ${n}: expected "- "`);
        // "- key: value" opens a mapping at indent + 2
        lines[i] = { raw: " ".repeat(indent + 2) + raw.trimStart().slice(2), n };
        seq.push(block(indent + 2));
      }
      return seq;
    }
    const map: { [key: string]: Yaml } = {};
    while (i < lines.length && indentOf(lines[i].raw) === indent) {
      const { raw, n } = lines[i];
      const m = raw.trim().match(/^([A-Za-z][A-Za-z0-9_-]*):(?: (.*))?$/);
      if (!m) throw new Error(`line ${n}: expected "key: value", got ${JSON.stringify(raw)}`);
      if (m[1] in map) throw new Error(`line ${n}: duplicate key ${m[1]}`);
      i++;
      if (m[2] !== undefined && m[2].trim() !== "") map[m[1]] = scalar(m[2], n);
      else {
        if (i >= lines.length || indentOf(lines[i].raw) <= indent) {
          throw new Error(`line ${n}: empty value for ${m[1]}`);
        }
        map[m[1]] = block(indentOf(lines[i].raw));
      }
    }
    if (i < lines.length && indentOf(lines[i].raw) > indent) {
      throw new Error(`line ${lines[i].n}: unexpected indentation`);
    }
    return map;
  };
  const doc = block(0);
  if (i !== lines.length) throw new Error(`line ${lines[i].n}: trailing content`);
  return doc;
}

function pathFor(): string {
  const denoDir = Deno.execPath().replace(/\/[^/]+$/, "");
  return `${denoDir}:${Deno.env.get("PATH") ?? "/usr/bin:/bin"}`;
}

async function sh(script: string, env: Record<string, string>): Promise<number> {
  const out = await new Deno.Command("bash", {
    args: ["-c", script],
    cwd: ROOT,
    env: { ...env, PATH: pathFor() },
    stdout: "null",
    stderr: "piped",
  }).output();
  if (out.code !== 0) console.error(new TextDecoder().decode(out.stderr));
  return out.code;
}

const evalReturns = async (dir: string) =>
  (await readMetrics(dir)).rows.filter((r) => r.type === "eval").map((r) =>
    (r as { returnMean: number }).returnMean
  );

Deno.test({
  name: "emit-jobs: Slurm array and K8s Indexed Job well-formed; index i runs exactly run i",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const out = await Deno.makeTempDir({ prefix: "stackrl-jobs-" });
    try {
      const plan = planRuns(budgetSpec("smoke"), [
        "toy",
        "directions",
        "timing",
        "degree",
        "mujoco",
      ]);
      assertEquals(new Set(plan.map((r) => r.id)).size, plan.length);
      plan.forEach((r, i) => assertEquals(r.index, i));
      const runs = `${out}/runs`;
      for (const kind of ["slurm", "k8s", "list"]) {
        assertEquals(
          await quietly(() =>
            reproduceMain([
              "--budget",
              "smoke",
              "--runs",
              runs,
              "--out",
              out,
              "--id",
              "j",
              "--emit-jobs",
              kind,
            ])
          ),
          0,
        );
      }
      // Slurm: shebang, one array directive 0..N-1, the index from SLURM_ARRAY_TASK_ID
      const slurm = await Deno.readTextFile(`${out}/j/jobs/reproduce.slurm.sh`);
      assert(slurm.startsWith("#!/bin/bash\n"));
      const arrays = [...slurm.matchAll(/^#SBATCH --array=(\d+)-(\d+)$/gm)];
      assertEquals(arrays.length, 1);
      assertEquals([Number(arrays[0][1]), Number(arrays[0][2])], [0, plan.length - 1]);
      for (const line of slurm.split("\n").filter((l) => l.startsWith("#SBATCH"))) {
        assert(/^#SBATCH --[a-z-]+=\S+$/.test(line), line);
      }
      assert(/--run-index "\$SLURM_ARRAY_TASK_ID"$/m.test(slurm));
      assertEquals(
        (await new Deno.Command("bash", { args: ["-n", `${out}/j/jobs/reproduce.slurm.sh`] })
          .output()).code,
        0,
        "bash -n",
      );
      // Kubernetes: an Indexed Job with completions = N, the index from JOB_COMPLETION_INDEX
      const k8s = parseYaml(await Deno.readTextFile(`${out}/j/jobs/reproduce.k8s.yaml`)) as Record<
        string,
        // deno-lint-ignore no-explicit-any
        any
      >;
      assertEquals(k8s.apiVersion, "batch/v1");
      assertEquals(k8s.kind, "Job");
      assertEquals(k8s.spec.completionMode, "Indexed");
      assertEquals(k8s.spec.completions, plan.length);
      assert(k8s.spec.parallelism >= 1 && k8s.spec.parallelism <= plan.length);
      const container = k8s.spec.template.spec.containers[0];
      assertEquals(k8s.spec.template.spec.restartPolicy, "Never");
      assert(/^denoland\/deno:/.test(container.image), container.image);
      assertEquals(container.command, ["/bin/sh", "-c"]);
      assert(/--run-index "\$JOB_COMPLETION_INDEX"$/.test(container.args[0]), container.args[0]);
      assertEquals(
        container.volumeMounts[0].name,
        k8s.spec.template.spec.volumes[0].name,
      );
      // list: one command per run, line i selects index i
      const list = (await Deno.readTextFile(`${out}/j/jobs/runs.txt`)).trim().split("\n");
      assertEquals(list.length, plan.length);
      list.forEach((l, i) => assert(l.endsWith(`--run-index ${i}`), l));

      // Slurm's command with SLURM_ARRAY_TASK_ID = i runs exactly run i
      const i = plan.findIndex((r) => r.env === "InvertedPendulum" && r.algo === "ddpg-ttsu");
      assertEquals(
        await sh(`bash ${out}/j/jobs/reproduce.slurm.sh`, {
          SLURM_ARRAY_TASK_ID: String(i),
          SLURM_SUBMIT_DIR: ROOT,
        }),
        0,
      );
      const made = [];
      for await (const e of Deno.readDir(runs)) made.push(e.name);
      assertEquals(made, [plan[i].id]);
      assertEquals(await runState(`${runs}/${plan[i].id}`, 600), "finished");
      // the list's line j (another run) runs exactly run j
      const j = plan.findIndex((r) => r.env === "InvertedPendulum" && r.algo === "ddpg");
      assertEquals(await sh(list[j], {}), 0);
      const made2 = [];
      for await (const e of Deno.readDir(runs)) made2.push(e.name);
      assertEquals(made2.sort(), [plan[i].id, plan[j].id].sort());
      // the same run trained in process gives the same evaluation returns
      const local = `${out}/local`;
      await quietly(() => executePlan([plan[j]], local, { jobs: 1 }));
      assertEquals(
        await evalReturns(`${local}/${plan[j].id}`),
        await evalReturns(`${runs}/${plan[j].id}`),
      );
      // an index outside the plan is refused
      assertEquals(
        await quietly(() =>
          reproduceMain(["--budget", "smoke", "--runs", runs, "--run-index", String(plan.length)])
        ),
        2,
      );
    } finally {
      await Deno.remove(out, { recursive: true });
    }
  },
});

Deno.test({
  name: "executePlan: an interrupted run is resumed from its checkpoint, a finished one reused",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const out = await Deno.makeTempDir({ prefix: "stackrl-resume-" });
    try {
      const spec = budgetSpec("smoke", 1);
      spec.train = { ...spec.train, steps: 8_000, evalEvery: 1_000 };
      spec.tasks = ["InvertedPendulum"];
      spec.methods = [{ algo: "ddpg" }];
      const [run] = planRuns(spec, ["mujoco"]);
      const controller = new AbortController();
      const first = await executePlan([run], out, {
        jobs: 1,
        signal: controller.signal,
        log: () => {},
        onProgress: (_run, p) => {
          if (p.stepsDone >= 2_000) controller.abort();
        },
      });
      assertEquals(first[0].status, "interrupted");
      assertEquals(await runState(`${out}/${run.id}`, 8_000), "partial");
      const status = JSON.parse(await Deno.readTextFile(`${out}/${run.id}/status.json`));
      assert(status.stepsDone > 0 && status.stepsDone < 8_000, `${status.stepsDone}`);
      const second = await executePlan([run], out, { jobs: 1, log: () => {} });
      assertEquals([second[0].status, second[0].action], ["finished", "resumed"]);
      const rows = (await readMetrics(`${out}/${run.id}`)).rows;
      // resumed, not redone: one evaluation per 1,000 steps, none repeated
      const evalSteps = rows.filter((r) => r.type === "eval").map((r) => r.step);
      assertEquals(evalSteps, [...new Set(evalSteps)]);
      const third = await executePlan([run], out, { jobs: 1, log: () => {} });
      assertEquals([third[0].status, third[0].action], ["finished", "reused"]);
    } finally {
      await Deno.remove(out, { recursive: true });
    }
  },
});
