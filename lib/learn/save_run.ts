/**
 * "Save to runs" on the server: checks what the /learn page sends (a {@link SavePayload}) and
 * writes it into the run store as an ordinary run, through the store's own writer (the run
 * directory is built under a temporary name and renamed in; every later file is written
 * temp-then-rename), so it appears in the runs table, the run page and the compare page.
 *
 * Nothing of the payload names a path: the run id is checked against the store's pattern, the
 * settings go through `resolveTrainConfig` (a task of physics/ and one of the algorithms; `out`
 * and unknown keys are refused), rollout labels are `step-<6 digits>` or `best`, and checkpoints
 * are the three files `last` and `best` hold. Sizes are capped ({@link SAVE_LIMITS}).
 * @module
 */
import { ValidationError } from "../errors.ts";
import { writeDirAtomic } from "../atomic.ts";
import { VERSIONS } from "../deps.ts";
import { decodeRollout, encodeRollout } from "../../physics/rollout.ts";
import { resolveTrainConfig, storedFields, type TrainInput } from "../train/config.ts";
import {
  isValidRunId,
  type MetricRow,
  newRunId,
  type RunConfig,
  type RunStatus,
  RunWriter,
} from "../store/run_store.ts";

/** The payload format the page posts to `POST /api/learn/save`. */
export const SAVE_FORMAT = "stackrl-learn-run/1";

/** Limits on a saved run. */
export const SAVE_LIMITS = {
  /** Bytes of the request body. */
  bodyBytes: 64 * 1024 * 1024,
  /** Metric rows. */
  rows: 2_000_000,
  /** Rollouts. */
  rollouts: 64,
} as const;

/** One checkpoint as posted: `agent.json` and `trainer.json` text, `tensors.bin` in base64. */
export interface SavedCheckpoint {
  /** `agent.json` text. */
  agentJson: string;
  /** `trainer.json` text. */
  trainerJson: string;
  /** `tensors.bin` in base64. */
  tensors: string;
}

/** What the page posts. */
export interface SavePayload {
  /** {@link SAVE_FORMAT}. */
  format: typeof SAVE_FORMAT;
  /** Run id wanted (default `<env>-<algo>-<UTC time>-<hex>`). */
  name?: string;
  /** The run's settings as config.json stores them. */
  config: Record<string, unknown>;
  /** What ran the updates in the page. */
  runtime: { backend: string; implementation: string };
  /** `finished`, or `interrupted` for a run stopped before its budget (resumable). */
  status: {
    status: "finished" | "interrupted";
    stepsDone: number;
    bestEval: number | null;
    wallTime: number;
  };
  /** The metric rows, as metrics.jsonl holds them. */
  metrics: MetricRow[];
  /** Rollout label → `encodeRollout` text. */
  rollouts: Record<string, string>;
  /** The checkpoints the page has. */
  checkpoints: { last?: SavedCheckpoint; best?: SavedCheckpoint };
}

const PAYLOAD_KEYS = [
  "format",
  "name",
  "config",
  "runtime",
  "status",
  "metrics",
  "rollouts",
  "checkpoints",
];
const LABEL = /^(step-\d{6}|best)$/;
const ROW_FIELDS: Record<string, Record<string, "number" | "nullable" | "numbers">> = {
  episode: { return: "number", length: "number" },
  eval: { returnMean: "number", returnStd: "number", returns: "numbers" },
  update: {
    criticLoss: "number",
    actorObjective: "nullable",
    gradientNorm: "nullable",
    correctionNorm: "nullable",
    cosine: "nullable",
    correctionRatio: "nullable",
    stepsPerSecond: "number",
  },
};

function object(field: string, value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new ValidationError(field, value, "an object");
  }
  return value as Record<string, unknown>;
}

function finite(field: string, value: unknown, min = -Infinity): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < min) {
    throw new ValidationError(
      field,
      value,
      `a finite number${min > -Infinity ? ` >= ${min}` : ""}`,
    );
  }
  return value;
}

/** A metric row with exactly its type's fields, or a ValidationError naming the first bad one. */
function checkRow(i: number, raw: unknown, P: number, steps: number): MetricRow {
  const row = object(`metrics[${i}]`, raw);
  const fields = ROW_FIELDS[String(row.type)];
  if (!fields) {
    throw new ValidationError(`metrics[${i}].type`, row.type, '"episode", "eval" or "update"');
  }
  const member = finite(`metrics[${i}].member`, row.member, 0);
  if (!Number.isInteger(member) || member >= P) {
    throw new ValidationError(`metrics[${i}].member`, row.member, `an integer below ${P}`);
  }
  const step = finite(`metrics[${i}].step`, row.step, 0);
  if (!Number.isInteger(step) || step > steps) {
    throw new ValidationError(`metrics[${i}].step`, row.step, `an integer from 0 to ${steps}`);
  }
  const out: Record<string, unknown> = {
    type: row.type,
    member,
    seed: finite(`metrics[${i}].seed`, row.seed, 0),
    step,
  };
  for (const [key, kind] of Object.entries(fields)) {
    const v = row[key], name = `metrics[${i}].${key}`;
    if (kind === "numbers") {
      if (!Array.isArray(v)) throw new ValidationError(name, v, "an array of numbers");
      out[key] = v.map((x, j) => finite(`${name}[${j}]`, x));
    } else if (kind === "nullable" && v === null) out[key] = null;
    else out[key] = finite(name, v);
  }
  out.time = finite(`metrics[${i}].time`, row.time, 0);
  return out as unknown as MetricRow;
}

function decodeBase64(field: string, text: unknown): Uint8Array {
  if (typeof text !== "string" || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) {
    throw new ValidationError(
      field,
      typeof text === "string" ? `${text.slice(0, 20)}…` : text,
      "base64 text",
    );
  }
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function parseJson(field: string, text: unknown): Record<string, unknown> {
  if (typeof text !== "string") throw new ValidationError(field, text, "JSON text");
  try {
    return object(field, JSON.parse(text));
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    throw new ValidationError(field, `${text.slice(0, 40)}…`, "complete JSON");
  }
}

/** The files of one checkpoint, checked against the run's algorithm, population and budget. */
function checkCheckpoint(
  name: string,
  raw: unknown,
  algo: string,
  P: number,
  steps: number,
): Record<string, Uint8Array | string> {
  const c = object(`checkpoints.${name}`, raw);
  const agent = parseJson(`checkpoints.${name}.agentJson`, c.agentJson);
  if (agent.format !== "stackrl-agent/1") {
    throw new ValidationError(
      `checkpoints.${name}.agentJson.format`,
      agent.format,
      '"stackrl-agent/1"',
    );
  }
  const config = object(`checkpoints.${name}.agentJson.config`, agent.config);
  if (config.algo !== algo || config.population !== P) {
    throw new ValidationError(
      `checkpoints.${name}.agentJson.config`,
      `${config.algo}, population ${config.population}`,
      `${algo}, population ${P} (the run's)`,
    );
  }
  const tensors = decodeBase64(`checkpoints.${name}.tensors`, c.tensors);
  const index = agent.tensors;
  if (!Array.isArray(index) || index.length === 0) {
    throw new ValidationError(`checkpoints.${name}.agentJson.tensors`, index, "the tensor index");
  }
  const floats = index.reduce((end: number, t: { offset?: unknown; shape?: unknown }) => {
    const size = Array.isArray(t.shape) ? t.shape.reduce((a: number, b: number) => a * b, 1) : NaN;
    return Math.max(end, Number(t.offset) + size);
  }, 0);
  if (!Number.isInteger(floats) || tensors.byteLength !== floats * 4) {
    throw new ValidationError(
      `checkpoints.${name}.tensors`,
      `${tensors.byteLength} bytes`,
      `${floats * 4} bytes (the ${floats} floats agent.json indexes)`,
    );
  }
  const trainer = parseJson(`checkpoints.${name}.trainerJson`, c.trainerJson);
  if (trainer.format !== "stackrl-trainer/1") {
    throw new ValidationError(
      `checkpoints.${name}.trainerJson.format`,
      trainer.format,
      '"stackrl-trainer/1"',
    );
  }
  const done = finite(`checkpoints.${name}.trainerJson.stepsDone`, trainer.stepsDone, 0);
  if (done > steps) {
    throw new ValidationError(
      `checkpoints.${name}.trainerJson.stepsDone`,
      done,
      `at most ${steps}`,
    );
  }
  return {
    "agent.json": JSON.stringify(agent, null, 1),
    "tensors.bin": tensors,
    "trainer.json": JSON.stringify(trainer),
  };
}

/** A payload checked completely (before anything is written). */
export interface CheckedSave {
  /** config.json. */
  config: RunConfig;
  /** status.json. */
  status: RunStatus;
  /** The rows, each with exactly its type's fields. */
  metrics: MetricRow[];
  /** Label and re-encoded rollout. */
  rollouts: [string, string][];
  /** Checkpoint name and its files. */
  checkpoints: [string, Record<string, Uint8Array | string>][];
}

/** Checks a parsed payload; throws a ValidationError naming the first bad field. */
export function checkSavePayload(value: unknown, now = new Date()): CheckedSave {
  const body = object("body", value);
  for (const key of Object.keys(body)) {
    if (!PAYLOAD_KEYS.includes(key)) {
      throw new ValidationError(key, body[key], `one of ${PAYLOAD_KEYS.join(", ")}`);
    }
  }
  if (body.format !== SAVE_FORMAT) {
    throw new ValidationError("format", body.format, `"${SAVE_FORMAT}"`);
  }
  const input = { ...object("config", body.config) };
  for (const key of ["out", "progressEvery", "name"]) {
    if (key in input) {
      throw new ValidationError(`config.${key}`, input[key], "nothing (the server decides)");
    }
  }
  const resolved = resolveTrainConfig(input as TrainInput);
  const P = resolved.seeds.length, steps = resolved.steps;
  const id = body.name === undefined ? newRunId(resolved.env, resolved.algo, now) : body.name;
  if (!isValidRunId(id)) {
    throw new ValidationError("name", id, 'letters, digits, ".", "_" and "-" (no "..")');
  }
  const runtime = object("runtime", body.runtime);
  const text = (field: string, v: unknown) => {
    if (typeof v !== "string" || !/^[A-Za-z0-9 ._()-]{1,64}$/.test(v)) {
      throw new ValidationError(field, v, "a short name");
    }
    return v;
  };
  const status = object("status", body.status);
  if (status.status !== "finished" && status.status !== "interrupted") {
    throw new ValidationError("status.status", status.status, '"finished" or "interrupted"');
  }
  const stepsDone = finite("status.stepsDone", status.stepsDone, 0);
  if (!Number.isInteger(stepsDone) || stepsDone > steps) {
    throw new ValidationError("status.stepsDone", stepsDone, `an integer from 0 to ${steps}`);
  }
  const bestEval = status.bestEval === null ? null : finite("status.bestEval", status.bestEval);
  if (!Array.isArray(body.metrics) || body.metrics.length > SAVE_LIMITS.rows) {
    throw new ValidationError(
      "metrics",
      `${(body.metrics as unknown[])?.length} rows`,
      `an array of at most ${SAVE_LIMITS.rows} rows`,
    );
  }
  const metrics = body.metrics.map((row, i) => checkRow(i, row, P, steps));
  const rollouts = Object.entries(object("rollouts", body.rollouts));
  if (rollouts.length > SAVE_LIMITS.rollouts) {
    throw new ValidationError(
      "rollouts",
      `${rollouts.length} rollouts`,
      `at most ${SAVE_LIMITS.rollouts}`,
    );
  }
  const checkedRollouts = rollouts.map(([label, t]): [string, string] => {
    if (!LABEL.test(label)) {
      throw new ValidationError("rollouts", label, 'labels "step-<6 digits>" or "best"');
    }
    if (typeof t !== "string") {
      throw new ValidationError(`rollouts.${label}`, t, "encodeRollout text");
    }
    let rollout;
    try {
      rollout = decodeRollout(t);
    } catch (error) {
      // "rollouts.<label>: rollout.<field>: got …; allowed: …"
      if (error instanceof ValidationError) {
        throw new ValidationError(`rollouts.${label}`, error.message, "a valid rollout");
      }
      throw new ValidationError(`rollouts.${label}`, `${t.slice(0, 40)}…`, "encodeRollout text");
    }
    if (rollout.env !== resolved.env) {
      throw new ValidationError(
        `rollouts.${label}.env`,
        rollout.env,
        `"${resolved.env}" (the run's task)`,
      );
    }
    return [label, encodeRollout(rollout)];
  });
  const checkpoints = Object.entries(object("checkpoints", body.checkpoints)).map(([name, c]) => {
    if (name !== "last" && name !== "best") {
      throw new ValidationError("checkpoints", name, '"last" and "best"');
    }
    return [name, checkCheckpoint(name, c, resolved.algo, P, steps)] as [
      string,
      Record<string, Uint8Array | string>,
    ];
  });
  const config = {
    id,
    ...storedFields(resolved),
    createdAt: now.toISOString(),
    versions: { deno: Deno.version.deno, tfjs: VERSIONS.tfjs, mujoco: VERSIONS.mujoco },
    runtime: {
      backend: text("runtime.backend", runtime.backend),
      implementation: `${text("runtime.implementation", runtime.implementation)} (browser)`,
    },
  } as RunConfig;
  return {
    config,
    status: {
      status: status.status,
      stepsDone,
      stepsTotal: steps,
      bestEval,
      wallTime: finite("status.wallTime", status.wallTime, 0),
      updatedAt: now.toISOString(),
    },
    metrics,
    rollouts: checkedRollouts,
    checkpoints,
  };
}

/** Writes a checked payload as run `<runsDir>/<id>/`; refuses an id that exists. Returns the id. */
export async function writeSavedRun(runsDir: string, saved: CheckedSave): Promise<string> {
  const writer = await RunWriter.create(runsDir, saved.config, {
    ...saved.status,
    status: "running",
  });
  try {
    await writer.append(saved.metrics);
    for (const [label, text] of saved.rollouts) await writer.writeRollout(label, text);
    for (const [name, files] of saved.checkpoints) {
      await writeDirAtomic(writer.checkpointDir(name as "last" | "best"), files);
    }
    await writer.writeStatus(saved.status);
  } finally {
    writer.close();
  }
  return saved.config.id;
}
