/**
 * Reports for the UI: resolves a report id under the reports directory (400 on a bad id, 404 on a
 * missing report) and reads it with the report module's own reader.
 * @module
 */
import {
  isValidReportId,
  listReports,
  readReport,
  type Report,
  type ReportSummary,
} from "../report/reader.ts";
import { HttpError } from "./runs.ts";

/** Every report under `reportsDir`, newest first. */
export function reportSummaries(reportsDir: string): Promise<ReportSummary[]> {
  return listReports(reportsDir);
}

/** The report `id` under `reportsDir`. */
export async function loadReport(reportsDir: string, id: string): Promise<Report> {
  if (!isValidReportId(id)) {
    throw new HttpError(
      400,
      `report id: got ${JSON.stringify(id)}; allowed: letters, digits, ".", "_" and "-"`,
    );
  }
  try {
    return await readReport(`${reportsDir}/${id}`);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) {
      throw new HttpError(404, `no report ${JSON.stringify(id)}`);
    }
    throw error;
  }
}
