export {
  IMPORT_ENTITIES,
  IMPORT_FIELDS,
  assertImportEntity,
  canonicalHeaders,
  isImportEntity,
  type FieldSpec,
  type FieldType,
  type ImportEntity,
} from "./fields/index.ts";
export type { CsvInput } from "./csv-source.ts";
export {
  importHeaderSignature,
  importMappingSchema,
  matchHeader,
  parseImportMapping,
  suggestImportMapping,
  type ImportMapping,
  type ImportMappingInput,
} from "./mapping.ts";
export { IMPORT_MODES, DEFAULT_BATCH_SIZE, type ImportMode } from "./pipeline.ts";
export type { ImportProgress } from "./progress.ts";
export type { RowError } from "./row-errors.ts";
export { importCsv, type ImportCsvOptions, type ImportResult } from "./import-csv.ts";
export { previewCsv, type PreviewCsvOptions, type PreviewResult } from "./preview-csv.ts";
export { loadImportMapping, saveImportMapping } from "./saved-mappings.ts";
