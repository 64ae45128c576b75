import type { TenantContext } from "../domain/context.ts";
import { OpsdeckError } from "../domain/errors.ts";
import { openCsvSource, csvFailure, isBlank, type CsvInput } from "./csv-source.ts";
import { IMPORT_FIELDS, type ImportEntity } from "./fields/index.ts";
import { checkImportOptions } from "./import-csv.ts";
import {
  importHeaderSignature,
  parseImportMapping,
  resolveMapping,
  suggestImportMapping,
  type ImportMapping,
  type ImportMappingInput,
  type ResolvedMapping,
} from "./mapping.ts";
import { runPipeline, type PipelineResult } from "./pipeline.ts";
import type { RowError } from "./row-errors.ts";
import { loadImportMapping } from "./saved-mappings.ts";
import { importValidation } from "./validation-hook.ts";

export interface PreviewCsvOptions {
  /** One of IMPORT_ENTITIES (checked: BAD_REQUEST otherwise). */
  entity: string;
  input: CsvInput;
  /** Default: the mapping saved for these headers, else the suggestion. */
  mapping?: ImportMappingInput | undefined;
  delimiter?: string | undefined;
  /** Data rows to check (default 100). */
  rows?: number | undefined;
  /** Raw rows to return as a sample (default 10). */
  sampleSize?: number | undefined;
}

export interface PreviewResult {
  entity: ImportEntity;
  headers: string[];
  delimiter: string;
  signature: string;
  suggestedMapping: ImportMapping;
  savedMapping: ImportMapping | null;
  /** The mapping the checks used. */
  mapping: ImportMapping;
  columns: { header: string; field: string }[];
  ignoredColumns: string[];
  /** Why the mapping cannot be used as is (no recognizable or a missing required column), else null. */
  mappingError: string | null;
  missingFields: string[];
  /** The first rows as written, by header. */
  sample: Record<string, string>[];
  rowsChecked: number;
  wouldCreate: number;
  wouldUpdate: number;
  unchanged: number;
  invalid: number;
  errors: RowError[];
  errorCount: number;
  /** Warnings of validation rules (such rows would still be imported). */
  warnings: RowError[];
  warningCount: number;
}

class PreviewDone extends Error {
  readonly outcome: PipelineResult;
  constructor(outcome: PipelineResult) {
    super("preview rolled back");
    this.outcome = outcome;
  }
}

/**
 * A dry run of `importCsv` on the first rows: suggests a mapping, validates, and counts what would be
 * created or updated by running the real import in a transaction that is always rolled back.
 */
export async function previewCsv(ctx: TenantContext, options: PreviewCsvOptions): Promise<PreviewResult> {
  const { entity } = checkImportOptions(options);
  const given = options.mapping === undefined ? undefined : parseImportMapping(options.mapping);
  const limit = options.rows ?? 100;
  const sampleSize = options.sampleSize ?? 10;
  const source = await openCsvSource(options.input, { delimiter: options.delimiter });
  try {
    const headers = source.headers;
    const savedMapping = await loadImportMapping(ctx, entity, headers);
    const suggestedMapping = suggestImportMapping(entity, headers);
    const mapping = given ?? savedMapping ?? suggestedMapping;
    const base = {
      entity,
      headers,
      delimiter: source.delimiter,
      signature: importHeaderSignature(headers),
      suggestedMapping,
      savedMapping,
      mapping,
    };
    let resolved: ResolvedMapping;
    try {
      resolved = resolveMapping(entity, headers, mapping);
    } catch (err) {
      if (!(err instanceof OpsdeckError) || err.code !== "BAD_REQUEST") throw err;
      const sample: Record<string, string>[] = [];
      for await (const record of source.records) {
        if (isBlank(record)) continue;
        sample.push(Object.fromEntries(headers.map((h, i) => [h, record[i] ?? ""])));
        if (sample.length >= sampleSize) break;
      }
      const mappedFields = new Set(Object.values(mapping.columns));
      return {
        ...base,
        columns: [],
        ignoredColumns: headers,
        mappingError: err.message,
        missingFields: IMPORT_FIELDS[entity].filter((f) => f.required && !mappedFields.has(f.name)).map((f) => f.name),
        sample,
        rowsChecked: 0,
        wouldCreate: 0,
        wouldUpdate: 0,
        unchanged: 0,
        invalid: 0,
        errors: [],
        errorCount: 0,
        warnings: [],
        warningCount: 0,
      };
    }
    const sample = { size: sampleSize, rows: [] as Record<string, string>[] };
    let outcome: PipelineResult;
    try {
      await ctx.db.transaction(async (tx) => {
        const result = await runPipeline(tx, ctx.organizationId, resolved, source, {
          mode: "skip-invalid",
          batchSize: Math.max(1, Math.min(limit, 5000)),
          maxErrors: 1000,
          limitRows: limit,
          sample,
          validate: await importValidation({ ...ctx, db: tx }, resolved),
        });
        throw new PreviewDone(result);
      });
      throw new Error("unreachable: the preview transaction must roll back");
    } catch (err) {
      if (!(err instanceof PreviewDone)) throw err;
      outcome = err.outcome;
    }
    return {
      ...base,
      columns: resolved.columns.map((c) => ({ header: c.header, field: c.field.name })),
      ignoredColumns: resolved.ignored,
      mappingError: null,
      missingFields: [],
      sample: sample.rows,
      rowsChecked: outcome.rows,
      wouldCreate: outcome.created,
      wouldUpdate: outcome.updated,
      unchanged: outcome.unchanged,
      invalid: outcome.invalid,
      errors: outcome.errors.sorted(),
      errorCount: outcome.errors.total,
      warnings: outcome.warnings.sorted(),
      warningCount: outcome.warnings.total,
    };
  } catch (err) {
    throw csvFailure(err);
  } finally {
    source.close();
  }
}
