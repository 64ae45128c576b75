import { createHash } from "node:crypto";
import { z } from "zod";
import { OpsdeckError } from "../domain/errors.ts";
import { IMPORT_FIELDS, type FieldSpec, type ImportEntity } from "./fields/index.ts";
import { normalizeName } from "./fields/field-spec.ts";

/**
 * How the columns of a file map onto an entity's fields: `columns` names a field (or null to ignore the
 * column) per file header; `values` rewrites cell values per field before they are read (e.g. a stage
 * `Won` → `closed_won`). Headers not named in `columns` are matched by name and alias.
 */
export const importMappingSchema = z.strictObject({
  columns: z.record(z.string(), z.string().min(1).nullable()).default({}),
  values: z.record(z.string(), z.record(z.string(), z.string())).optional(),
});
export type ImportMapping = z.output<typeof importMappingSchema>;
export type ImportMappingInput = z.input<typeof importMappingSchema>;

/** One file column that feeds a field. */
export interface MappedColumn {
  index: number;
  header: string;
  field: FieldSpec;
}

export interface ResolvedMapping {
  entity: ImportEntity;
  headers: string[];
  columns: MappedColumn[];
  /** Headers that feed no field (unknown, mapped to null, or a second column for the same field). */
  ignored: string[];
  mapped: Set<string>;
  /** Per field: normalized file value → replacement. */
  values: Map<string, Map<string, string>>;
}

const aliasIndex = new Map<ImportEntity, Map<string, FieldSpec>>();

function aliasesOf(entity: ImportEntity): Map<string, FieldSpec> {
  let index = aliasIndex.get(entity);
  if (!index) {
    index = new Map();
    // Canonical names win over aliases; earlier aliases over later ones.
    for (const field of IMPORT_FIELDS[entity]) index.set(normalizeName(field.name), field);
    for (const field of IMPORT_FIELDS[entity]) {
      for (const alias of field.aliases) {
        const key = normalizeName(alias);
        if (!index.has(key)) index.set(key, field);
      }
    }
    aliasIndex.set(entity, index);
  }
  return index;
}

/** The field a header means by its name or a known alias, if any. */
export function matchHeader(entity: ImportEntity, header: string): FieldSpec | undefined {
  return aliasesOf(entity).get(normalizeName(header));
}

/** Suggests a mapping for a header row: each header gets the field it names (first one wins) or null. */
export function suggestImportMapping(entity: ImportEntity, headers: readonly string[]): ImportMapping {
  const taken = new Set<string>();
  const columns: Record<string, string | null> = {};
  for (const header of headers) {
    const field = matchHeader(entity, header);
    const use = field && !taken.has(field.name) ? field.name : null;
    if (use) taken.add(use);
    if (!(header in columns)) columns[header] = use;
  }
  return { columns };
}

/**
 * A stable signature of a header row (order, case and spacing do not matter), under which the wizard
 * remembers a mapping.
 */
export function importHeaderSignature(headers: readonly string[]): string {
  const names = [...new Set(headers.map(normalizeName).filter(Boolean))].sort();
  return createHash("sha256").update(names.join("\n")).digest("hex").slice(0, 40);
}

/** Validates a mapping from user input (JSON); BAD_REQUEST with the zod issues when it is malformed. */
export function parseImportMapping(input: unknown): ImportMapping {
  const parsed = importMappingSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new OpsdeckError("BAD_REQUEST", "The column mapping is not valid.", {
    issues: parsed.error.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message })),
  });
}

/** Normalized key under which value maps are looked up. */
export const valueKey = (value: string) => value.trim().toLowerCase();

/**
 * Decides which column feeds which field. Throws BAD_REQUEST when no column is recognizable, when a
 * required column is missing, or when the mapping names a field the entity does not have.
 */
export function resolveMapping(
  entity: ImportEntity,
  headers: string[],
  mapping: ImportMapping | undefined,
): ResolvedMapping {
  const fields = new Map(IMPORT_FIELDS[entity].map((f) => [f.name, f]));
  const explicit = new Map<string, string | null>();
  for (const [header, field] of Object.entries(mapping?.columns ?? {})) {
    if (field !== null && !fields.has(field)) {
      throw new OpsdeckError(
        "BAD_REQUEST",
        `The mapping sends "${header}" to "${field}", which is not a field of ${entity}. ` +
          `Fields: ${[...fields.keys()].join(", ")}.`,
      );
    }
    explicit.set(normalizeName(header), field);
  }
  const columns: MappedColumn[] = [];
  const ignored: string[] = [];
  const mapped = new Set<string>();
  headers.forEach((header, index) => {
    const key = normalizeName(header);
    const named = mapping?.columns && header in mapping.columns ? mapping.columns[header] : explicit.get(key);
    const field = named === undefined ? matchHeader(entity, header) : named === null ? undefined : fields.get(named);
    if (!field || mapped.has(field.name)) {
      ignored.push(header);
      return;
    }
    mapped.add(field.name);
    columns.push({ index, header, field });
  });
  if (columns.length === 0) {
    throw new OpsdeckError(
      "BAD_REQUEST",
      `No column of the file is recognizable as a field of ${entity} (is it a CSV file with a header row?). ` +
        `Expected headers like: ${[...fields.keys()].join(", ")}; or give a column mapping.`,
    );
  }
  const missing = IMPORT_FIELDS[entity].filter((f) => f.required && !mapped.has(f.name)).map((f) => f.name);
  if (missing.length) {
    throw new OpsdeckError("BAD_REQUEST", `The file has no column for the required field(s): ${missing.join(", ")}.`, {
      issues: missing.map((name) => ({ column: name, message: "required column is missing" })),
    });
  }
  const values = new Map<string, Map<string, string>>();
  for (const [field, table] of Object.entries(mapping?.values ?? {})) {
    if (!fields.has(field)) throw new OpsdeckError("BAD_REQUEST", `The value map names an unknown field "${field}".`);
    values.set(field, new Map(Object.entries(table).map(([from, to]) => [valueKey(from), to])));
  }
  return { entity, headers, columns, ignored, mapped, values };
}
