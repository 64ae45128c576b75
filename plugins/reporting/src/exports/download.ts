import { defineDownload } from "@opsdeck/plugin-sdk";
import { z } from "zod";
import { REPORTS_READ } from "../common.ts";
import { catalogFor } from "../reports/catalog.ts";
import { reportDefinitionSchema, type ReportDefinitionInput } from "../reports/definition.ts";
import { getSavedReport } from "../reports/saved-reports.ts";
import { CONTENT_TYPES, EXPORT_FORMATS, planExport, writeExport } from "./export-report.ts";

/** A report definition carried in the query string as JSON (`definition=<url-encoded JSON>`). */
const definitionParam = z
  .string()
  .max(16_000)
  .transform((text, c) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      c.addIssue({ code: "custom", message: "Not a JSON report definition" });
      return z.NEVER;
    }
  })
  .pipe(reportDefinitionSchema);

/** `?id=<saved report>&format=csv` or `?definition=<JSON>&name=…&format=xlsx` — exactly one of id and definition. */
export const reportDownloadQuery = z
  .object({
    id: z.guid().optional(),
    definition: definitionParam.optional(),
    name: z.string().trim().min(1).max(120).optional(),
    format: z.enum(EXPORT_FORMATS).default("csv"),
  })
  .refine((q) => (q.id === undefined) !== (q.definition === undefined), { path: ["id"], message: "Give a saved report id or a definition, not both" });

/** A file name from a report name: `pipeline-by-stage-2026-07-06.csv`. */
export function exportFileName(name: string, format: string, day = new Date()): string {
  const base = name.normalize("NFKD").replace(/[^\w.-]+/g, "-").replace(/^-+|-+$/g, "").toLowerCase() || "report";
  return `${base}-${day.toISOString().slice(0, 10)}.${format}`;
}

/**
 * `GET /api/download/reporting/report?…`: a saved report (shared with the member) or the builder's unsaved
 * definition, streamed as CSV or XLSX at full size with the rows the member may see. Everything is checked
 * before the first byte, so a bad field or a report not shared with them is a JSON 400/404, not half a file.
 */
export const reportDownload = defineDownload({
  permission: REPORTS_READ,
  query: reportDownloadQuery,
  async prepare(ctx, query) {
    let definition: ReportDefinitionInput;
    let name: string;
    if (query.id) {
      const report = await getSavedReport(ctx.tenant, query.id);
      definition = report.definition as ReportDefinitionInput;
      name = report.name;
    } else {
      definition = query.definition!;
      name = query.name ?? "report";
    }
    const plan = await planExport(ctx, catalogFor(ctx), definition);
    return {
      fileName: exportFileName(name, query.format),
      contentType: CONTENT_TYPES[query.format],
      write: async (out) => {
        await writeExport(ctx, plan, query.format, out);
      },
    };
  },
});
