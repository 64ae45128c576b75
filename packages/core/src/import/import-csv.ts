import type { TenantContext } from "../domain/context.ts";
import { OpsdeckError } from "../domain/errors.ts";
import { recordAudit } from "../services/audit.ts";
import { emitEvent } from "../services/events.ts";
import { openCsvSource, csvFailure, type CsvInput } from "./csv-source.ts";
import { assertImportEntity, type ImportEntity } from "./fields/index.ts";
import { parseImportMapping, resolveMapping, type ImportMappingInput, type ResolvedMapping } from "./mapping.ts";
import { DEFAULT_BATCH_SIZE, IMPORT_MODES, runPipeline, type ImportMode, type PipelineResult } from "./pipeline.ts";
import { progressReporter, type ImportProgress } from "./progress.ts";
import { DEFAULT_MAX_ERRORS, type RowError } from "./row-errors.ts";
import { importValidation } from "./validation-hook.ts";

export interface ImportCsvOptions {
  /** One of IMPORT_ENTITIES (checked: BAD_REQUEST otherwise). */
  entity: string;
  input: CsvInput;
  /** Column mapping (validated); headers it does not name are matched by name and alias. */
  mapping?: ImportMappingInput | undefined;
  /** Default `all-or-nothing`. */
  mode?: ImportMode | undefined;
  /** Default: detected from the header row (comma, semicolon, tab or pipe). */
  delimiter?: string | undefined;
  /** Rows per staged batch (default 5000). */
  batchSize?: number | undefined;
  /** Row errors kept in the result (default 1000; all are counted). */
  maxErrors?: number | undefined;
  /** A core.jobs row to report progress to; a cancel request there stops the import and rolls it back. */
  jobId?: string | undefined;
  onProgress?: ((progress: ImportProgress) => void | Promise<void>) | undefined;
  /** Aborting stops the import at the next batch and rolls it back (CANCELLED). */
  signal?: AbortSignal | undefined;
  /** Recorded in the audit entry. */
  fileName?: string | undefined;
  /** The size of a streamed input, for the progress estimate (strings and buffers know theirs). */
  sizeBytes?: number | undefined;
}

export interface ImportResult {
  entity: ImportEntity;
  mode: ImportMode;
  /** False when nothing was written (all-or-nothing with a bad row). */
  committed: boolean;
  /** Data rows read (header excluded, blank rows included since they are numbered). */
  rows: number;
  blank: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Rows with at least one error. */
  invalid: number;
  /** The first `maxErrors` errors, by row. */
  errors: RowError[];
  errorCount: number;
  errorsTruncated: boolean;
  /** Warnings of validation rules (the rows were imported), the first `maxErrors` by row. */
  warnings: RowError[];
  warningCount: number;
  columns: { header: string; field: string }[];
  ignoredColumns: string[];
  jobId: string | null;
  durationMs: number;
}

class RolledBack extends Error {
  readonly outcome: PipelineResult;
  constructor(outcome: PipelineResult) {
    super("import rolled back");
    this.outcome = outcome;
  }
}

/** Checks the options that do not need the file; BAD_REQUEST for bad ones. */
export function checkImportOptions(options: { entity: string; mode?: string | undefined; batchSize?: number | undefined }) {
  const entity = assertImportEntity(options.entity);
  const mode = options.mode ?? "all-or-nothing";
  if (!(IMPORT_MODES as readonly string[]).includes(mode)) {
    throw new OpsdeckError("BAD_REQUEST", `Unknown import mode "${mode}". Use ${IMPORT_MODES.join(" or ")}.`);
  }
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 50_000) {
    throw new OpsdeckError("BAD_REQUEST", "The batch size must be a whole number from 1 to 50000.");
  }
  return { entity, mode: mode as ImportMode, batchSize };
}

function summarize(
  entity: ImportEntity,
  mode: ImportMode,
  mapping: ResolvedMapping,
  outcome: PipelineResult,
  committed: boolean,
  jobId: string | null,
  started: number,
): ImportResult {
  return {
    entity,
    mode,
    committed,
    rows: outcome.rows,
    blank: outcome.blank,
    created: committed ? outcome.created : 0,
    updated: committed ? outcome.updated : 0,
    unchanged: committed ? outcome.unchanged : 0,
    invalid: outcome.invalid,
    errors: outcome.errors.sorted(),
    errorCount: outcome.errors.total,
    errorsTruncated: outcome.errors.total > outcome.errors.kept.length,
    warnings: outcome.warnings.sorted(),
    warningCount: outcome.warnings.total,
    columns: mapping.columns.map((c) => ({ header: c.header, field: c.field.name })),
    ignoredColumns: mapping.ignored,
    jobId,
    durationMs: Math.round(performance.now() - started),
  };
}

/**
 * Imports a CSV file of one entity into the caller's organization, idempotent by external id (users:
 * by email), in one transaction. Row problems come back in the result (all-or-nothing: nothing written);
 * a file that is not usable CSV throws BAD_REQUEST; a cancel throws CANCELLED; both leave the database
 * unchanged. A committed import emits one `import.completed` event and one audit entry.
 */
export async function importCsv(ctx: TenantContext, options: ImportCsvOptions): Promise<ImportResult> {
  const started = performance.now();
  const { entity, mode, batchSize } = checkImportOptions(options);
  const mapping = options.mapping === undefined ? undefined : parseImportMapping(options.mapping);
  if (options.signal?.aborted) throw new OpsdeckError("CANCELLED", "The import was cancelled.");
  const source = await openCsvSource(options.input, { delimiter: options.delimiter, sizeBytes: options.sizeBytes });
  const jobId = options.jobId ?? null;
  let resolved: ResolvedMapping | undefined;
  try {
    const mapped = resolveMapping(entity, source.headers, mapping);
    resolved = mapped;
    const outcome = await ctx.db.transaction(async (tx) => {
      const scoped = { ...ctx, db: tx };
      const report = progressReporter(ctx, tx, {
        jobId: options.jobId,
        onProgress: options.onProgress,
        signal: options.signal,
        estimate: (rows) => estimateRows(rows, source.totalBytes, source.bytesRead()),
      });
      const result = await runPipeline(tx, ctx.organizationId, mapped, source, {
        mode,
        batchSize,
        maxErrors: options.maxErrors ?? DEFAULT_MAX_ERRORS,
        onBatch: report,
        validate: await importValidation(scoped, mapped),
      });
      if (mode === "all-or-nothing" && result.errors.total > 0) throw new RolledBack(result);
      await emitEvent(scoped, "import.completed", { entity, created: result.created, updated: result.updated, jobId });
      await recordAudit(scoped, {
        action: "import.completed",
        entityType: entity,
        entityId: jobId,
        after: {
          mode,
          fileName: options.fileName ?? null,
          rows: result.rows,
          created: result.created,
          updated: result.updated,
          unchanged: result.unchanged,
          invalid: result.invalid,
          ...(entity === "users" ? { teamsCreated: result.teamsCreated } : {}),
        },
      });
      return result;
    });
    return summarize(entity, mode, mapped, outcome, true, jobId, started);
  } catch (err) {
    if (err instanceof RolledBack && resolved) return summarize(entity, mode, resolved, err.outcome, false, jobId, started);
    throw csvFailure(err);
  } finally {
    source.close();
  }
}

/** Rows in the whole file, extrapolated from the bytes read so far (a progress-bar estimate). */
function estimateRows(rows: number, totalBytes: number | undefined, bytesRead: number): number | null {
  if (!totalBytes || bytesRead === 0) return null;
  return Math.max(rows, Math.round((rows * totalBytes) / bytesRead));
}
