import { and, eq, sql } from "drizzle-orm";
import type { TenantContext } from "../domain/context.ts";
import { recordTables, type RecordEntity } from "../domain/entities.ts";
import type { RecordCandidate } from "../domain/validation.ts";
import type { ResolvedMapping } from "./mapping.ts";
import type { RowError } from "./row-errors.ts";
import type { StagedRow } from "./row-parser.ts";

/** What the validators of enabled plugins say about one batch: errors refuse their row, warnings do not. */
export interface BatchValidation {
  errors: RowError[];
  warnings: RowError[];
}

/** Checks a staged batch; rows with a blocking violation come back marked `invalid`. */
export type BatchValidator = (rows: StagedRow[]) => Promise<BatchValidation>;

// File fields whose record property has another name: references carry what the file wrote.
const FIELD_PROPERTY: Readonly<Record<string, string>> = {
  owner_email: "ownerId",
  account_external_id: "accountId",
  parent_external_id: "parentAccountId",
  contact_external_id: "contactId",
  opportunity_external_id: "opportunityId",
  lead_external_id: "leadId",
};
const PROPERTY_FIELD = new Map(Object.entries(FIELD_PROPERTY).map(([field, property]) => [property, field]));

// One array parameter instead of one parameter per key: a batch has thousands of keys.
const quote = (v: string) => `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
const textArray = (values: readonly string[]) => sql`${`{${values.map(quote).join(",")}}`}::text[]`;

const camel = (name: string) => name.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * The validation step of an import, when the context's validator has rules for the entity (else
 * undefined). Each row is checked as the record it would become: the stored record of its external id
 * with the file's cells over it.
 */
export async function importValidation(ctx: TenantContext, mapping: ResolvedMapping): Promise<BatchValidator | undefined> {
  if (!ctx.recordValidator || mapping.entity === "users") return undefined;
  const entity: RecordEntity = mapping.entity;
  const check = await ctx.recordValidator.prepare(ctx, entity, "import");
  if (!check) return undefined;
  const headerOf = new Map(mapping.columns.map((c) => [c.field.name, c.header]));
  const table = recordTables[entity];

  return async (rows) => {
    const candidates = rows.filter((row) => !row.invalid);
    const keys = [...new Set(candidates.map((r) => r.external_id).filter((k): k is string => typeof k === "string"))];
    const stored = keys.length
      ? await ctx.db
          .select()
          .from(table)
          .where(and(eq(table.organizationId, ctx.organizationId), sql`${table.externalId} = any(${textArray(keys)})`))
      : [];
    const byKey = new Map(stored.map((r) => [r.externalId, r as Record<string, unknown>]));
    const records: RecordCandidate[] = candidates.map((row) => {
      const before = byKey.get(row.external_id as string) ?? null;
      const values: Record<string, unknown> = { ...before };
      for (const [field, value] of Object.entries(row)) {
        if (field === "row_num" || field === "invalid") continue;
        values[FIELD_PROPERTY[field] ?? camel(field)] = value;
      }
      return { values, before };
    });
    const results = await check(records);
    const out: BatchValidation = { errors: [], warnings: [] };
    candidates.forEach((row, i) => {
      for (const violation of results[i] ?? []) {
        const field = violation.field ? (PROPERTY_FIELD.get(violation.field) ?? snake(violation.field)) : null;
        const cell = field ? row[field] : undefined;
        const error: RowError = {
          row: row.row_num,
          column: field ? (headerOf.get(field) ?? field) : null,
          value: cell === undefined || cell === null ? null : String(cell),
          message: violation.message,
        };
        if (violation.severity === "block") {
          row.invalid = true;
          out.errors.push(error);
        } else out.warnings.push(error);
      }
    });
    return out;
  };
}
