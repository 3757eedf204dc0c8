// Policy export (lib/export/mod.ts, cli/export.ts): the ONNX file run by onnxruntime and the
// tfjs LayersModel loaded by tf.loadLayersModel give agent.act(obs, { explore: false }) for every
// member, at batch 200 and batch 1; the CLI exports a trained run and rejects bad flags in one line.
import { captured } from "./quiet.ts";
import * as ort from "npm:onnxruntime-web@1.30.0";
import { assert, assertEquals } from "./assert.ts";
import { type Agent, createAgent, loadAgent } from "../lib/agent.ts";
import { tf } from "../lib/deps.ts";
import { ValidationError } from "../lib/errors.ts";
import { Rng } from "../lib/rng.ts";
import { onnx } from "../lib/export/deps.ts";
import { exportPolicy, type TfjsFiles, writePolicy } from "../lib/export/mod.ts";
import { main } from "../cli/export.ts";
import { train } from "../lib/train/loop.ts";

// one thread: the WASM runtime would otherwise start workers, and the machine's cores are busy
ort.env.wasm.numThreads = 1;

const O = 5, A = 2, P = 3, N = 200;
const LOW = [-1, -3], HIGH = [2, 3]; // not symmetric: mid (0.5, 0), half (1.5, 3)

/**
 * An agent whose actor kernels are scaled up (hidden ×2, output ×6; biases kept), so the ReLUs
 * switch and the tanh is used well past its linear part.
 */
async function bigAgent(): Promise<Agent> {
  const agent = await createAgent("td3", {
    observationSize: O,
    actionSize: A,
    population: P,
    hidden: [16, 16],
    actionLow: LOW,
    actionHigh: HIGH,
    backend: "cpu",
    seed: 11,
  });
  const gain: Record<string, number> = {
    "actor/0/kernel": 2,
    "actor/1/kernel": 2,
    "actor/2/kernel": 6,
  };
  agent.setWeights(
    agent.getWeights().map((w) => ({
      ...w,
      values: w.values.map((v) => (gain[w.name] ?? 1) * v),
    })),
  );
  return agent;
}

/** `n` observations `[n, O]`, normal with std 2. */
function observations(n: number, seed: number): Float32Array {
  const rng = new Rng(seed);
  return Float32Array.from({ length: n * O }, () => 2 * rng.normal());
}

/** Member p's deterministic actions for `obs` (`[n, O]`): act() takes member p's rows in block p. */
function memberActions(agent: Agent, p: number, obs: Float32Array): Float32Array {
  const n = obs.length / O;
  const all = new Float32Array(P * n * O);
  all.set(obs, p * n * O);
  return agent.act(all, { explore: false }).slice(p * n * A, (p + 1) * n * A);
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  assertEquals(a.length, b.length);
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
}

async function runOnnx(bytes: Uint8Array, obs: Float32Array): Promise<Float32Array> {
  const session = await ort.InferenceSession.create(bytes);
  try {
    const n = obs.length / O;
    const out = await session.run({ observation: new ort.Tensor("float32", obs, [n, O]) });
    assertEquals(out.action.dims, [n, A]);
    return out.action.data as Float32Array;
  } finally {
    await session.release();
  }
}

/** An IOHandler that reads a model folder written by writePolicy (tfjs has none for Deno). */
function folderHandler(dir: string): tf.io.IOHandler {
  return {
    load: async () => {
      const json = JSON.parse(await Deno.readTextFile(`${dir}/model.json`)) as tf.io.ModelJSON;
      return await tf.io.getModelArtifactsForJSON(json, async (manifest) => {
        const specs = manifest.flatMap((group) => group.weights);
        const shards = await Promise.all(
          manifest.flatMap((group) => group.paths).map((p) => Deno.readFile(`${dir}/${p}`)),
        );
        const data = tf.io.concatenateArrayBuffers(shards.map((s) => s.slice().buffer));
        return [specs, data];
      });
    },
  };
}

Deno.test("exportPolicy() onnx: onnxruntime gives act() to 1e-5 for every member, batch 200 and 1", async () => {
  const agent = await bigAgent();
  try {
    const obs = observations(N, 1);
    for (let p = 0; p < P; p++) {
      const bytes = await exportPolicy(agent, { format: "onnx", member: p });
      const expected = memberActions(agent, p, obs);
      const diff = maxAbsDiff(await runOnnx(bytes, obs), expected);
      assert(diff <= 1e-5, `member ${p}: max |Δa| ${diff}`);
      const one = await runOnnx(bytes, obs.slice(0, O));
      assert(maxAbsDiff(one, expected.slice(0, A)) <= 1e-5, `member ${p}, batch 1`);
      // the weights are large enough that the outputs spread over a good part of the bounds (the
      // tanh is used well beyond its linear part)
      for (let j = 0; j < A; j++) {
        const column = expected.filter((_, i) => i % A === j);
        const spread = (Math.max(...column) - Math.min(...column)) / (HIGH[j] - LOW[j]);

        assert(spread > 0.25, `member ${p}, action ${j}: spread ${spread}`);
      }
    }
  } finally {
    agent.dispose();
  }
});

Deno.test("exportPolicy() onnx: the graph's names, batch dimension, opset, producer and metadata", async () => {
  const agent = await bigAgent();
  try {
    const bytes = await exportPolicy(agent, { format: "onnx", member: 2 });
    const model = onnx.ModelProto.decode(bytes);
    assertEquals(Number(model.irVersion), 7);
    assertEquals(
      model.opsetImport.map((o) => [o.domain, Number(o.version)]),
      [["", 13]],
    );
    assertEquals(model.producerName, "stackrl");
    const graph = model.graph as InstanceType<typeof onnx.GraphProto>;
    const dims = (v: typeof graph.input[number]) =>
      v.type!.tensorType!.shape!.dim!.map((d) => d.dimParam || Number(d.dimValue));
    assertEquals(graph.input.map((v) => [v.name, v.type!.tensorType!.elemType, dims(v)]), [
      ["observation", onnx.TensorProto.DataType.FLOAT, ["batch", O]],
    ]);
    assertEquals(graph.output.map((v) => [v.name, dims(v)]), [["action", ["batch", A]]]);
    // per layer MatMul + Add and an activation, then the scaling a = mid + half·tanh(z)
    assertEquals(graph.node.map((n) => n.opType), [
      ..."MatMul Add Relu MatMul Add Relu MatMul Add Tanh Mul Add".split(" "),
    ]);
    const meta = Object.fromEntries(model.metadataProps.map((m) => [m.key, m.value]));
    assertEquals(meta["stackrl.member"], "2");
    assertEquals(meta["stackrl.population"], "3");
    assertEquals(meta["stackrl.action_low"], "[-1,-3]");
    assertEquals(meta["stackrl.action_high"], "[2,3]");
    assertEquals(meta["stackrl.layer_sizes"], "[5,16,16,2]");
  } finally {
    agent.dispose();
  }
});

Deno.test("exportPolicy() tfjs: tf.loadLayersModel on the written files gives act() to 1e-5 for every member", async () => {
  const agent = await bigAgent();
  const root = await Deno.makeTempDir();
  try {
    const obs = observations(N, 2);
    for (let p = 0; p < P; p++) {
      const before = tf.memory().numTensors;
      const files = await exportPolicy(agent, { format: "tfjs", member: p });
      assertEquals(tf.memory().numTensors, before, "the export leaves no tensors behind");
      const dir = `${root}/member${p}`;
      await writePolicy(dir, files);
      assertEquals(
        [...Deno.readDirSync(dir)].map((e) => e.name).sort(),
        ["group1-shard1of1.bin", "model.json"],
      );
      const model = await tf.loadLayersModel(folderHandler(dir));
      const expected = memberActions(agent, p, obs);
      const predict = (x: Float32Array) =>
        tf.tidy(() => (model.predict(tf.tensor2d(x, [x.length / O, O])) as tf.Tensor).dataSync());
      const diff = maxAbsDiff(predict(obs), expected);
      assert(diff <= 1e-5, `member ${p}: max |Δa| ${diff}`);
      assert(maxAbsDiff(predict(obs.slice(0, O)), expected.slice(0, A)) <= 1e-5, "batch 1");
      assertEquals(model.inputs[0].shape, [null, O]);
      model.dispose();
    }
  } finally {
    agent.dispose();
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("exportPolicy(): a checkpoint folder gives the same bytes as the live agent", async () => {
  const agent = await bigAgent();
  const dir = await Deno.makeTempDir();
  try {
    await agent.save(`${dir}/ckpt`);
    for (const p of [0, 2]) {
      const live = await exportPolicy(agent, { format: "onnx", member: p });
      assertEquals(await exportPolicy(`${dir}/ckpt`, { format: "onnx", member: p }), live);
      const a = await exportPolicy(agent, { format: "tfjs", member: p });
      const b: TfjsFiles = await exportPolicy(`${dir}/ckpt`, { format: "tfjs", member: p });
      assertEquals(b, a);
    }
    await writePolicy(`${dir}/out/policy.onnx`, await exportPolicy(agent, { format: "onnx" }));
    assertEquals([...Deno.readDirSync(`${dir}/out`)].map((e) => e.name), ["policy.onnx"]);
  } finally {
    agent.dispose();
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("exportPolicy() rejects an unknown format, a member outside the population, a folder without a checkpoint", async () => {
  const agent = await bigAgent();
  const empty = await Deno.makeTempDir();
  try {
    const rejects = async (f: () => Promise<unknown>, message: string) => {
      let error: unknown;
      try {
        await f();
      } catch (e) {
        error = e;
      }
      assert(error instanceof ValidationError, String(error));
      assertEquals((error as Error).message, message);
    };
    await rejects(
      () => exportPolicy(agent, { format: "pt" as "onnx" }),
      'format: got "pt"; allowed: one of "onnx", "tfjs"',
    );
    await rejects(
      () => exportPolicy(agent, { format: "onnx", member: 3 }),
      "member: got 3; allowed: an integer >= 0 and <= 2",
    );
    await rejects(
      () => exportPolicy(empty, { format: "tfjs" }),
      `source: got ${
        JSON.stringify(empty)
      }; allowed: an Agent, or a folder written by agent.save() such as a run's checkpoints/best or checkpoints/last (with agent.json and tensors.bin)`,
    );
  } finally {
    agent.dispose();
    await Deno.remove(empty, { recursive: true });
  }
});

const cli = (args: string[]) => captured(main, args);

Deno.test("export cli: a trained run's checkpoint becomes an ONNX file onnxruntime runs; bad flags are one line, exit 2", async () => {
  const runs = await Deno.makeTempDir();
  try {
    const { log } = console;
    console.log = () => {};
    let id: string;
    try {
      id = (await train({
        env: "InvertedPendulum",
        steps: 300,
        startSteps: 100,
        updateAfter: 100,
        evalEvery: 0,
        recordEvery: 0,
        out: runs,
      })).id;
    } finally {
      console.log = log;
    }
    const path = `${runs}/exported/policy.onnx`;
    const ok = await cli([id, "--format", "onnx", "--runs", runs, `--out=${path}`]);
    assertEquals([ok.code, ok.err], [0, ""]);
    // no evaluation yet, so no best checkpoint: the last one is exported
    assert(ok.out.includes(`${runs}/${id}/checkpoints/last`), ok.out);
    const agent = await loadAgent(`${runs}/${id}/checkpoints/last`, { backend: "cpu" });
    try {
      const obs = observations(10, 3).slice(0, 10 * 4); // InvertedPendulum: obs 4, act 1
      const session = await ort.InferenceSession.create(await Deno.readFile(path));
      const out = await session.run({ observation: new ort.Tensor("float32", obs, [10, 4]) });
      await session.release();
      const diff = maxAbsDiff(out.action.data as Float32Array, agent.act(obs));
      assert(diff <= 1e-5, `max |Δa| ${diff}`);
    } finally {
      agent.dispose();
    }
    const bad: [string[], string][] = [
      [[id, "--format", "pt", "--runs", runs], 'error: --format: got "pt"; allowed: onnx, tfjs'],
      [[id, "--runs", runs], "error: --format: got nothing; allowed: onnx, tfjs"],
      [
        [id, "--format=onnx", "--member", "-1", "--runs", runs],
        'error: --member: got "-1"; allowed: an integer from 0 (a population member)',
      ],
      [
        [id, "--format", "tfjs", "--member", "1", "--runs", runs],
        `error: --member: got "1"; allowed: an integer >= 0 and <= 0 (${runs}/${id}/checkpoints/last)`,
      ],
      [
        ["nope", "--format", "onnx", "--runs", runs],
        `error: <run>: got "nope"; allowed: a run id in ${runs}/, a run folder, or a checkpoint folder (one with agent.json)`,
      ],
      [
        [id, "--fromat", "onnx"],
        'error: unknown flag "--fromat"; did you mean --format?; allowed: --format, --member, --out, --runs, --help',
      ],
    ];
    for (const [args, line] of bad) {
      const r = await cli(args);
      assertEquals([r.code, r.err, r.out], [2, line + "\n", ""], args.join(" "));
    }
    // through main.ts as `deno task export` runs it: the same one line, no stack trace
    const child = await new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "--allow-read",
        "--allow-write",
        "--allow-env",
        "--allow-sys",
        new URL("../main.ts", import.meta.url).pathname,
        "export",
        id,
        "--format",
        "pt",
        "--runs",
        runs,
      ],
      stdout: "piped",
      stderr: "piped",
      env: { NO_COLOR: "1" },
    }).output();
    assertEquals(
      [child.code, new TextDecoder().decode(child.stderr)],
      [2, 'error: --format: got "pt"; allowed: onnx, tfjs\n'],
    );
  } finally {
    await Deno.remove(runs, { recursive: true });
  }
});
