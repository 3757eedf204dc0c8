/**
 * The route manifest (Fresh's `fresh.gen.ts`, written by hand): every file of `routes/` and its
 * module. The URL pattern comes from the file path (see `patternOf`); a test checks that this list
 * matches the folder.
 * @module
 */
import type { RouteModule } from "./route.ts";
import * as index from "../../routes/index.tsx";
import * as run from "../../routes/runs/[id].tsx";
import * as rollout from "../../routes/runs/[id]/rollouts/[label].tsx";
import * as compare from "../../routes/compare.tsx";
import * as toys from "../../routes/toys.tsx";
import * as reports from "../../routes/reports/index.tsx";
import * as report from "../../routes/reports/[id].tsx";
import * as reportHtml from "../../routes/reports/[id]/html.ts";
import * as reportFile from "../../routes/reports/[id]/file.ts";
import * as api from "../../routes/api/index.ts";
import * as apiRuns from "../../routes/api/runs/index.ts";
import * as apiRun from "../../routes/api/runs/[id]/index.ts";
import * as apiMetrics from "../../routes/api/runs/[id]/metrics.ts";
import * as apiStream from "../../routes/api/runs/[id]/stream.ts";
import * as apiRollouts from "../../routes/api/runs/[id]/rollouts/index.ts";
import * as apiRollout from "../../routes/api/runs/[id]/rollouts/[label].ts";
import * as apiExport from "../../routes/api/runs/[id]/export/[file].ts";
import * as apiModels from "../../routes/api/models/index.ts";
import * as apiModel from "../../routes/api/models/[file].ts";
import * as learn from "../../routes/learn.tsx";
import * as learnWorker from "../../routes/learn/worker/[file].ts";
import * as learnModel from "../../routes/learn/worker/models/[file].ts";
import * as apiLearnSave from "../../routes/api/learn/save.ts";

/** Route files (relative to `routes/`) and their modules. */
export const ROUTES: Record<string, RouteModule> = {
  "index.tsx": index,
  "runs/[id].tsx": run,
  "runs/[id]/rollouts/[label].tsx": rollout,
  "compare.tsx": compare,
  "toys.tsx": toys,
  "reports/index.tsx": reports,
  "reports/[id].tsx": report,
  "reports/[id]/html.ts": reportHtml,
  "reports/[id]/file.ts": reportFile,
  "api/index.ts": api,
  "api/runs/index.ts": apiRuns,
  "api/runs/[id]/index.ts": apiRun,
  "api/runs/[id]/metrics.ts": apiMetrics,
  "api/runs/[id]/stream.ts": apiStream,
  "api/runs/[id]/rollouts/index.ts": apiRollouts,
  "api/runs/[id]/rollouts/[label].ts": apiRollout,
  "api/runs/[id]/export/[file].ts": apiExport,
  "api/models/index.ts": apiModels,
  "api/models/[file].ts": apiModel,
  "learn.tsx": learn,
  "learn/worker/[file].ts": learnWorker,
  "learn/worker/models/[file].ts": learnModel,
  "api/learn/save.ts": apiLearnSave,
};
