import { once } from "node:events";
import type { Writable } from "node:stream";
import { OpsdeckError } from "@opsdeck/core";
import { queryRows, type Database } from "@opsdeck/db";
import { stringify } from "csv-stringify";
import { sql, type SQL } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { ReportsContext } from "../reports/context.ts";
import { compileReport, formatValue, type CompiledReport, type ResultColumn } from "../reports/compile.ts";
import { findDataset, type Dataset } from "../reports/datasets.ts";
import { reportDefinitionSchema, type ReportDefinitionInput } from "../reports/definition.ts";
import { visibleOwnerIds } from "../reports/visibility.ts";

export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export interface ExportOptions {
  /** Rows per read (default 5000). */
  batchSize?: number;
  /** Called after each batch (job progress; throws to stop). */
  onProgress?: (rows: number) => Promise<void>;
  /** Stop after this many rows (emailed attachments). */
  maxRows?: number;
}

type Row = Record<string, unknown>;

/**
 * Reads every row of a compiled report in batches, memory flat: a plain list in id order by keyset on the
 * dataset's id (no long transaction, so the embedded database stays usable), a grouped or sorted report
 * through a server-side cursor (DECLARE … FETCH) inside one read-only transaction, in the report's order.
 */
async function* readAll(db: Database, c: CompiledReport, batchSize: number): AsyncGenerator<Row[]> {
  if (!c.grouped && !c.sorted) {
    let after: string | null = null;
    for (;;) {
      const keyset: SQL = after === null ? sql`true` : sql`${sql.raw(c.idSql)} > ${after}::uuid`;
      const batch: Row[] = await queryRows<Row>(
        db,
        sql`select ${sql.raw(c.idSql)}::text as "__id", ${c.select} from ${c.from} where ${c.where} and ${keyset} order by ${sql.raw(c.idSql)} limit ${batchSize}`,
      );
      if (!batch.length) return;
      yield batch;
      if (batch.length < batchSize) return;
      after = String(batch[batch.length - 1]!.__id);
    }
  }
  // A generator cannot yield from inside db.transaction's callback: hand batches over through a small queue.
  const queue: (Row[] | null)[] = [];
  let wake: (() => void) | null = null;
  let resume: (() => void) | null = null;
  let failure: unknown = null;
  const grouping = c.groupBy ? sql` group by ${c.groupBy}` : sql``;
  const done = db
    .transaction(async (tx) => {
      await tx.execute(sql`declare report_export no scroll cursor for select ${c.select} from ${c.from} where ${c.where}${grouping} order by ${c.orderBy}`);
      for (;;) {
        const batch = await queryRows<Row>(tx, sql`fetch forward ${sql.raw(String(batchSize))} from report_export`);
        queue.push(batch.length ? batch : null);
        wake?.();
        if (!batch.length) break;
        // Back-pressure: wait until the consumer took this batch before reading the next.
        await new Promise<void>((r) => (resume = r));
      }
      await tx.execute(sql`close report_export`);
    })
    .catch((err: unknown) => {
      failure = err;
      queue.push(null);
      wake?.();
    });
  try {
    for (;;) {
      if (!queue.length) await new Promise<void>((r) => (wake = r));
      wake = null;
      const batch = queue.shift();
      if (batch === undefined) continue;
      if (batch === null) break;
      yield batch;
      const r = resume as (() => void) | null;
      resume = null;
      r?.();
    }
  } finally {
    // Ended early (error or maxRows): let the transaction finish reading, then it closes.
    while (resume) {
      const r: () => void = resume;
      resume = null;
      r();
      await new Promise((t) => setImmediate(t));
    }
    await done;
  }
  if (failure) throw failure instanceof Error ? failure : new Error("The export failed.");
}

function header(columns: ResultColumn[]): string[] {
  return columns.map((c) => c.label);
}

/** A report checked and compiled for export: every problem (unknown field, no access) is known before a byte is written. */
export interface ExportPlan {
  compiled: CompiledReport;
  columns: ResultColumn[];
}

/** Validates and compiles a report for the member: BAD_REQUEST / FORBIDDEN here, never halfway through a file. */
export async function planExport(ctx: ReportsContext, catalog: Dataset[], input: ReportDefinitionInput): Promise<ExportPlan> {
  const def = reportDefinitionSchema.parse(input);
  const dataset = findDataset(catalog, def.entity);
  const compiled = compileReport(ctx, dataset, def, await visibleOwnerIds(ctx.tenant));
  return { compiled, columns: compiled.columns };
}

/** Thrown when the reader of an export went away (a browser closed the download): stop reading. */
function assertOpen(output: Writable): void {
  if (output.destroyed) throw new Error("The export's reader went away.");
}

/** Waits until `source` drained, or fails when `output` closes first (else a cut download would wait forever). */
async function drained(source: NodeJS.EventEmitter, output: Writable): Promise<void> {
  const ac = new AbortController();
  try {
    await Promise.race([
      once(source, "drain", { signal: ac.signal }),
      once(output, "close", { signal: ac.signal }).then(() => assertOpen(output)),
    ]);
  } finally {
    ac.abort();
  }
}

/**
 * Streams a report to `output` as CSV (csv-stringify) or XLSX (exceljs's streaming WorkbookWriter), every
 * row the member may see, with the builder's headers. Ends `output`. Returns the rows written.
 */
export async function exportReport(
  ctx: ReportsContext,
  catalog: Dataset[],
  input: ReportDefinitionInput,
  format: ExportFormat,
  output: Writable,
  options: ExportOptions = {},
): Promise<{ rows: number; columns: ResultColumn[] }> {
  return writeExport(ctx, await planExport(ctx, catalog, input), format, output, options);
}

/** Writes a planned export to `output` (see `exportReport`). */
export async function writeExport(
  ctx: ReportsContext,
  plan: ExportPlan,
  format: ExportFormat,
  output: Writable,
  options: ExportOptions = {},
): Promise<{ rows: number; columns: ResultColumn[] }> {
  const { compiled, columns } = plan;
  const batchSize = options.batchSize ?? 5000;
  const max = options.maxRows ?? Number.POSITIVE_INFINITY;
  let rows = 0;
  const values = (r: Row) => columns.map((c) => formatValue(c.type, r[c.key]));
  if (format === "csv") {
    const csv = stringify({ bom: true });
    csv.pipe(output);
    const write = async (record: unknown[]) => {
      if (!csv.write(record)) await drained(csv, output);
    };
    await write(header(columns));
    for await (const batch of readAll(ctx.tenant.db, compiled, batchSize)) {
      assertOpen(output);
      for (const r of batch) {
        if (rows >= max) break;
        await write(values(r).map((v) => (v === null ? "" : v)));
        rows += 1;
      }
      await options.onProgress?.(rows);
      if (rows >= max) break;
    }
    csv.end();
    if (!output.writableFinished) await once(output, "finish");
    return { rows, columns };
  }
  if (format !== "xlsx") throw new OpsdeckError("BAD_REQUEST", `Unknown format ${String(format)}`);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet("Report");
  sheet.addRow(header(columns)).commit();
  const cell = (type: ResultColumn["type"], v: string | number | boolean | null) =>
    v === null ? null : (type === "money" || type === "number") && typeof v === "string" ? Number(v) : v;
  for await (const batch of readAll(ctx.tenant.db, compiled, batchSize)) {
    assertOpen(output);
    for (const r of batch) {
      if (rows >= max) break;
      const vals = values(r);
      sheet.addRow(columns.map((c, i) => cell(c.type, vals[i]!))).commit();
      rows += 1;
    }
    await options.onProgress?.(rows);
    if (rows >= max) break;
  }
  sheet.commit();
  await workbook.commit();
  return { rows, columns };
}
