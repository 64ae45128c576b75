import { eq, sql } from "drizzle-orm";
import type { Database } from "@opsdeck/db";
import { OpsdeckError } from "../domain/errors.ts";
import { organizations } from "../schema/tables.ts";
import type { CsvSource } from "./csv-source.ts";
import { isBlank } from "./csv-source.ts";
import { addCounts, noCounts, type EntityImporter, type MergeCounts } from "./merge/importer.ts";
import { RecordImporter } from "./merge/record-merge.ts";
import { UserImporter } from "./merge/user-merge.ts";
import type { ResolvedMapping } from "./mapping.ts";
import { ErrorLog, type RowError } from "./row-errors.ts";
import { parseRecord, type StagedRow } from "./row-parser.ts";
import { Staging, type SqlRowError } from "./staging.ts";
import type { BatchValidator } from "./validation-hook.ts";

/** `all-or-nothing`: one bad row and nothing is written. `skip-invalid`: good rows are written, bad ones reported. */
export const IMPORT_MODES = ["all-or-nothing", "skip-invalid"] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export const DEFAULT_BATCH_SIZE = 5000;

export interface PipelineProgress {
  /** Data rows read so far (blank rows included, as they are numbered). */
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  invalid: number;
}

export interface PipelineOptions {
  mode: ImportMode;
  batchSize: number;
  maxErrors: number;
  /** Stop after this many data rows (preview). */
  limitRows?: number | undefined;
  /** Called after each batch; throwing from it (e.g. CANCELLED) aborts the import. */
  onBatch?: ((progress: PipelineProgress) => Promise<void>) | undefined;
  /** Collects the first rows as read (preview's sample). */
  sample?: { size: number; rows: Record<string, string>[] } | undefined;
  /** Plugins' validation rules (see validation-hook.ts): blocking ones refuse rows like any row error. */
  validate?: BatchValidator | undefined;
}

export interface PipelineResult extends PipelineProgress {
  blank: number;
  errors: ErrorLog;
  /** Warnings of validation rules: reported, not refused. */
  warnings: ErrorLog;
  teamsCreated: number;
}

function importerFor(db: Database, mapping: ResolvedMapping, staging: Staging, params: { org: string; currency: string }) {
  return mapping.entity === "users"
    ? new UserImporter(db, mapping, staging, params)
    : new RecordImporter(db, mapping.entity, mapping, staging, params);
}

/**
 * Streams the records of a file through parse → stage (one statement a batch) → SQL checks → merge,
 * inside the caller's transaction. Memory holds one batch; the database holds the rest.
 */
export async function runPipeline(
  db: Database,
  organizationId: string,
  mapping: ResolvedMapping,
  source: CsvSource,
  options: PipelineOptions,
): Promise<PipelineResult> {
  const [org] = await db
    .select({ currency: organizations.currency, timeZone: organizations.timeZone })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!org) throw new OpsdeckError("NOT_FOUND", "Organization was not found.");
  // Dates without a zone are read in the organization's time zone (local to this transaction).
  await db.execute(sql`select set_config('TimeZone', ${org.timeZone}, true)`);
  // The batch statements are simple per-row lookups whose cost estimates still cross the JIT thresholds:
  // compiling them costs more than it saves, every batch;
  // and a batch's CTEs and sort must stay in memory rather than spill to temporary files.
  await db.execute(sql`select set_config('jit', 'off', true), set_config('work_mem', '64MB', true)`);
  const staging = new Staging(mapping.entity);
  const importer: EntityImporter = importerFor(db, mapping, staging, { org: organizationId, currency: org.currency });
  await importer.prepare();

  const errors = new ErrorLog(options.maxErrors);
  const warnings = new ErrorLog(options.maxErrors);
  const counts: MergeCounts = noCounts();
  let rows = 0;
  let blank = 0;
  let batch: StagedRow[] = [];
  let batchErrors: RowError[] = [];
  const writing = () => options.mode === "skip-invalid" || errors.total === 0;
  const headerOf = new Map(mapping.columns.map((c) => [c.field.name, c.header]));
  const toRowErrors = (sqlErrors: SqlRowError[]): RowError[] =>
    sqlErrors.map((e) => ({
      row: e.row_num,
      column: headerOf.get(e.field) ?? e.field,
      value: e.value,
      message: e.message,
    }));
  const progress = (rowsRead: number): PipelineProgress => ({
    rows: rowsRead,
    created: counts.created,
    updated: counts.updated,
    unchanged: counts.rows - counts.created - counts.updated,
    invalid: errors.invalidRows,
  });

  // Batches are written one after the other, while the next batch is parsed: the database and the
  // parser work at the same time (on PostgreSQL, in two processes).
  const write = async (rowsOfBatch: StagedRow[], parseErrors: RowError[], rowsRead: number) => {
    if (rowsOfBatch.length && options.validate) {
      const checked = await options.validate(rowsOfBatch);
      parseErrors = [...parseErrors, ...checked.errors];
      warnings.addRows(checked.warnings);
    }
    if (rowsOfBatch.length) {
      await importer.load(rowsOfBatch);
      // In all-or-nothing mode a batch with a bad row may still be written: the import rolls back anyway.
      const outcome = await importer.process(writing() && (options.mode === "skip-invalid" || parseErrors.length === 0));
      errors.addRows([...parseErrors, ...toRowErrors(outcome.errors)]);
      if (writing()) addCounts(counts, outcome.counts);
    }
    await options.onBatch?.(progress(rowsRead));
  };
  let pending: Promise<void> = Promise.resolve();
  let failed = false;
  const flush = async () => {
    await pending;
    pending = write(batch, batchErrors, rows);
    pending.catch(() => (failed = true));
    batch = [];
    batchErrors = [];
  };

  try {
    for await (const record of source.records) {
      if (failed) break;
      rows += 1;
      if (isBlank(record)) {
        blank += 1;
        continue;
      }
      if (options.sample && options.sample.rows.length < options.sample.size) {
        options.sample.rows.push(Object.fromEntries(mapping.headers.map((h, i) => [h, record[i] ?? ""])));
      }
      const parsed = parseRecord(mapping, rows, record);
      if (parsed.errors) batchErrors.push(...parsed.errors);
      batch.push(parsed.row);
      if (batch.length >= options.batchSize) await flush();
      if (options.limitRows !== undefined && rows >= options.limitRows) break;
    }
  } catch (err) {
    // The file broke mid-way: let the batch in flight finish before the transaction rolls back.
    await pending.catch(() => undefined);
    throw err;
  }
  await flush();
  await pending;
  const finished = await importer.finish(writing());
  errors.addRows(toRowErrors(finished.errors));
  if (writing()) addCounts(counts, finished.counts);
  return {
    ...progress(rows),
    blank,
    errors,
    warnings,
    teamsCreated: importer instanceof UserImporter ? importer.teamsCreated : 0,
  };
}
