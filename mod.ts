/**
 * stackrl: deterministic actor-critic reinforcement learning with Stackelberg (leader–follower)
 * updates (the critic leads, the actor follows), on TensorFlow.js and MuJoCo WebAssembly.
 *
 * @example
 * ```ts
 * import { createAgent } from "./mod.ts";
 * const agent = await createAgent("fstd3", { observationSize: 3, actionSize: 1, population: 2 });
 * const actions = agent.act(new Float32Array(2 * 3), { explore: true }); // 2 members × 1 action
 * ```
 * @module
 */
export {
  type ActorDirection,
  actorDirection,
  Agent,
  type BlockInfo,
  createAgent,
  loadAgent,
  type NamedWeights,
  type UpdateInfo,
} from "./lib/agent.ts";
export {
  type AgentConfig,
  type AgentOptions,
  type Algorithm,
  ALGORITHMS,
  DEFAULTS,
  type Hyperparameters,
  type Implementation,
  IMPLEMENTATIONS,
  type Precision,
  PRECISIONS,
} from "./lib/config.ts";
export { type Batch, ReplayBuffer, replayBytes } from "./lib/replay.ts";
export {
  type BackendName,
  BACKENDS,
  currentBackend,
  useBackend,
  webgpuAvailable,
} from "./lib/backend.ts";
export { Rng } from "./lib/rng.ts";
export { ValidationError } from "./lib/errors.ts";
export {
  runToy,
  type ToyK1K2,
  type ToyMethod,
  type ToyOrder,
  type ToyRunConfig,
  type ToyRunOptions,
  type ToyRunResult,
} from "./lib/toy/run.ts";
export {
  type TargetTreatment,
  TOY_GAMES,
  type ToyGame,
  type ToyGameSpec,
  type ToyPoint,
} from "./lib/toy/games.ts";
export type { LayerSizes } from "./lib/nets.ts";
export {
  type CommonEnvOptions,
  decodeRollout,
  encodeRollout,
  type Env,
  type EnvFactory,
  type EnvLike,
  type EnvOptions,
  type EnvState,
  type Info,
  type InfoValue,
  listEnvs,
  makeEnv,
  makeVecEnv,
  ModelCompileError,
  type Policy,
  recordRollout,
  type ResetResult,
  type Rollout,
  type RolloutEpisode,
  type RolloutOptions,
  type StepResult,
  type VecEnv,
  type VecEnvOptions,
  type VecResetResult,
  type VecStepResult,
} from "./physics/mod.ts";
export {
  EXPORT_FORMATS,
  type ExportedPolicy,
  type ExportFormat,
  type ExportOptions,
  exportPolicy,
  ONNX_IR_VERSION,
  ONNX_OPSET,
  TFJS_WEIGHTS_FILE,
  type TfjsFiles,
  writePolicy,
} from "./lib/export/mod.ts";
export {
  type CallbackResult,
  type CheckpointInfo,
  type EpisodeInfo,
  type EvalInfo,
  type ResumeOptions,
  resumeRun,
  type StopCallback,
  train,
  type TrainOptions,
  type TrainProgress,
  type TrainResult,
} from "./lib/train/loop.ts";
export {
  evaluate,
  type EvaluateOptions,
  type EvaluateResult,
  evaluationSeed,
  type PolicyFunction,
} from "./lib/train/evaluate.ts";
export {
  EMBEDDED_DEFAULT,
  resolveTrainConfig,
  type TrainConfig,
  type TrainInput,
} from "./lib/train/config.ts";
export {
  type EpisodeRow,
  type EvalRow,
  listRuns,
  type MetricRow,
  openRun,
  readMetrics,
  type Run,
  type RunConfig,
  type RunState,
  type RunStatus,
  type RunSummary,
  type UpdateRow,
} from "./lib/store/run_store.ts";
