// Merging duplicate records: the survivor takes the chosen field values, every record pointing at a merged one
// is re-pointed to the survivor, the merged records go to the trash, and core's `<entity>.merged` event is
// emitted — all in the caller's transaction. The returned snapshot is everything `unmergeRecords` needs to put
// the records and their relations back exactly as they were.
import { queryRows } from "@opsdeck/db";
import { and, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { TenantContext } from "../domain/context.ts";
import { recordInputSchemas } from "../domain/entities.ts";
import { notFound, OpsdeckError } from "../domain/errors.ts";
import { accounts, activities, contacts, leads, opportunities } from "../schema/tables.ts";
import { recordAudit } from "./audit.ts";
import { emitEvent } from "./events.ts";

export const MERGE_ENTITIES = ["contacts", "accounts", "leads"] as const;
export type MergeEntity = (typeof MERGE_ENTITIES)[number];

interface Relation {
  table: PgTable & { id: PgColumn; organizationId: PgColumn; updatedAt: PgColumn };
  name: string;
  column: PgColumn;
}

const TABLES = { contacts, accounts, leads } as const;

/** Every core column that points at a contact, an account or a lead. */
const RELATIONS: Record<MergeEntity, Relation[]> = {
  contacts: [
    { table: activities, name: "activities.contact_id", column: activities.contactId },
    { table: leads, name: "leads.converted_contact_id", column: leads.convertedContactId },
  ],
  accounts: [
    { table: contacts, name: "contacts.account_id", column: contacts.accountId },
    { table: leads, name: "leads.converted_account_id", column: leads.convertedAccountId },
    { table: opportunities, name: "opportunities.account_id", column: opportunities.accountId },
    { table: activities, name: "activities.account_id", column: activities.accountId },
    { table: accounts, name: "accounts.parent_account_id", column: accounts.parentAccountId },
  ],
  leads: [{ table: activities, name: "activities.lead_id", column: activities.leadId }],
};

/** What a merge changed, kept by the caller to undo it. JSON-safe. */
export interface MergeSnapshot {
  version: 1;
  entity: MergeEntity;
  survivorId: string;
  mergedIds: string[];
  /** The survivor's row before the merge (Postgres JSON, full timestamp precision) and the columns the merge set. */
  survivorBefore: Record<string, unknown>;
  changedColumns: string[];
  /** What the merge wrote into the survivor (camelCase, for people reading the history). */
  survivorAfter: Record<string, unknown>;
  /** The merged records' rows before the merge. */
  merged: Array<Record<string, unknown>>;
  /** Rows re-pointed to the survivor: [row id, the id it pointed at, its updated_at before]. */
  relations: Array<{ relation: string; rows: Array<[string, string, string]> }>;
}

export interface MergeInput {
  entity: MergeEntity;
  survivorId: string;
  mergedIds: string[];
  /** Field values the survivor takes (validated like an edit). */
  values?: Record<string, unknown>;
}

const MERGED_EVENT = { contacts: "contact.merged", accounts: "account.merged", leads: "lead.merged" } as const;
const UNMERGED_EVENT = { contacts: "contact.unmerged", accounts: "account.unmerged", leads: "lead.unmerged" } as const;
const singular = (entity: MergeEntity) => entity.slice(0, -1) as "contact" | "account" | "lead";

function jsonValue(v: unknown): unknown {
  return v instanceof Date ? v.toISOString() : v;
}

/** Rows as Postgres renders them to JSON: exact timestamps (microseconds), numerics as numbers. */
async function rowsAsJson(ctx: TenantContext, entity: MergeEntity, ids: string[]): Promise<Map<string, Record<string, unknown>>> {
  const rows = await queryRows<{ row: Record<string, unknown> | string }>(
    ctx.db,
    sql`select to_jsonb(t) as row from ${TABLES[entity]} t where t.organization_id = ${ctx.organizationId} and t.id = any(${uuidArray(ids)})`,
  );
  const out = new Map<string, Record<string, unknown>>();
  for (const r of rows) {
    const row = typeof r.row === "string" ? (JSON.parse(r.row) as Record<string, unknown>) : r.row;
    out.set(String(row.id), row);
  }
  return out;
}

const uuidArray = (ids: string[]) => sql`${`{${ids.join(",")}}`}::uuid[]`;

/** Sets `columns` of one record back to their values in `row` (a to_jsonb row). */
async function restoreColumns(ctx: TenantContext, entity: MergeEntity, row: Record<string, unknown>, columns: string[]) {
  const set = sql.join(columns.map((c) => sql`${sql.identifier(c)} = r.${sql.identifier(c)}`), sql`, `);
  await ctx.db.execute(sql`update ${TABLES[entity]} as t set ${set}
    from jsonb_populate_record(null::${TABLES[entity]}, ${JSON.stringify(row)}::jsonb) as r
    where t.id = r.id and t.organization_id = ${ctx.organizationId}`);
}

async function lockRecords(ctx: TenantContext, entity: MergeEntity, ids: string[]) {
  const table = TABLES[entity];
  const rows = await ctx.db
    .select()
    .from(table)
    .where(and(eq(table.organizationId, ctx.organizationId), inArray(table.id, ids)))
    .orderBy(table.id)
    .for("update");
  const byId = new Map(rows.map((r) => [r.id, r as Record<string, unknown> & { id: string; deletedAt: Date | null; updatedAt: Date }]));
  for (const id of ids) if (!byId.has(id)) throw notFound(singular(entity)[0]!.toUpperCase() + singular(entity).slice(1));
  return byId;
}

/**
 * Merges `mergedIds` into `survivorId` inside one transaction and returns the undo snapshot. NOT_FOUND for a
 * record outside the organization; CONFLICT when one is already deleted or merged.
 */
export async function mergeRecords(ctx: TenantContext, input: MergeInput): Promise<MergeSnapshot> {
  const { entity, survivorId } = input;
  const mergedIds = [...new Set(input.mergedIds)].filter((id) => id !== survivorId);
  if (!mergedIds.length) throw new OpsdeckError("BAD_REQUEST", "Pick at least one record to merge into the survivor.");
  const values = recordInputSchemas[entity].partial().parse(input.values ?? {}) as Record<string, unknown>;
  return ctx.db.transaction(async (tx) => {
    const scoped: TenantContext = { ...ctx, db: tx };
    const table = TABLES[entity];
    const rows = await lockRecords(scoped, entity, [survivorId, ...mergedIds]);
    for (const row of rows.values()) {
      if (row.deletedAt) throw new OpsdeckError("CONFLICT", `${singular(entity)} ${row.id} is deleted or already merged.`);
    }
    const survivor = rows.get(survivorId)!;
    // A survivor cannot end up its own parent (directly, or through a record merged into it).
    if (entity === "accounts") {
      const parent = "parentAccountId" in values ? values.parentAccountId : survivor.parentAccountId;
      if (parent === survivorId || mergedIds.includes(String(parent))) values.parentAccountId = null;
    }
    const json = await rowsAsJson(scoped, entity, [survivorId, ...mergedIds]);
    const columns = table as unknown as Record<string, PgColumn>;
    const changedColumns = [...Object.keys(values).map((k) => columns[k]!.name), "updated_at"];
    const survivorAfter = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, jsonValue(v)]));
    const now = new Date();
    await tx
      .update(table)
      .set({ ...values, updatedAt: now })
      .where(and(eq(table.organizationId, ctx.organizationId), eq(table.id, survivorId)));

    const relations: MergeSnapshot["relations"] = [];
    for (const rel of RELATIONS[entity]) {
      const where = [eq(rel.table.organizationId, ctx.organizationId), inArray(rel.column, mergedIds)];
      if (rel.table === (accounts as unknown)) where.push(ne(rel.table.id, survivorId));
      const before = await tx
        .select({ id: rel.table.id, from: rel.column, updatedAt: sql<string>`${rel.table.updatedAt}::text` })
        .from(rel.table)
        .where(and(...where))
        .for("update");
      if (!before.length) continue;
      await tx
        .update(rel.table)
        .set({ [columnKey(rel)]: survivorId, updatedAt: now })
        .where(and(...where));
      relations.push({ relation: rel.name, rows: before.map((r) => [String(r.id), String(r.from), String(r.updatedAt)]) });
    }

    await tx
      .update(table)
      .set({ deletedAt: now, updatedAt: now })
      .where(and(eq(table.organizationId, ctx.organizationId), inArray(table.id, mergedIds)));
    const snapshot: MergeSnapshot = {
      version: 1,
      entity,
      survivorId,
      mergedIds,
      survivorBefore: json.get(survivorId)!,
      changedColumns,
      survivorAfter,
      merged: mergedIds.map((id) => json.get(id)!),
      relations,
    };
    await recordAudit(scoped, {
      action: `${entity}.merged`,
      entityType: entity,
      entityId: survivorId,
      before: { survivor: json.get(survivorId), merged: mergedIds.map((id) => json.get(id)) },
      after: { survivor: survivorAfter, relations: relations.map((r) => ({ relation: r.relation, rows: r.rows.length })) },
    });
    await emitEvent(scoped, MERGED_EVENT[entity], { survivorId, mergedIds });
    return snapshot;
  });
}

function columnKey(rel: Relation): string {
  const columns = rel.table as unknown as Record<string, PgColumn>;
  return Object.keys(columns).find((k) => columns[k] === rel.column)!;
}

/**
 * Undoes a merge from its snapshot in one transaction: the merged records come back from the trash, the survivor
 * gets its previous field values, and rows that still point at the survivor because of the merge point back.
 * PRECONDITION_FAILED when the survivor has been deleted or merged away since.
 */
export async function unmergeRecords(ctx: TenantContext, snapshot: MergeSnapshot): Promise<void> {
  const { entity, survivorId, mergedIds } = snapshot;
  await ctx.db.transaction(async (tx) => {
    const scoped: TenantContext = { ...ctx, db: tx };
    const rows = await lockRecords(scoped, entity, [survivorId, ...mergedIds]);
    if (rows.get(survivorId)!.deletedAt) {
      throw new OpsdeckError("PRECONDITION_FAILED", "The surviving record was deleted or merged into another one since; undo that first.");
    }
    await restoreColumns(scoped, entity, snapshot.survivorBefore, snapshot.changedColumns);
    for (const m of snapshot.merged) await restoreColumns(scoped, entity, m, ["deleted_at", "updated_at"]);
    for (const entry of snapshot.relations) {
      const rel = RELATIONS[entity].find((r) => r.name === entry.relation);
      if (!rel || !entry.rows.length) continue;
      const ids = entry.rows.map((r) => r[0]);
      const froms = entry.rows.map((r) => r[1]);
      const stamps = entry.rows.map((r) => r[2]);
      // Only rows still pointing at the survivor go back; a row moved elsewhere since stays where it is.
      await tx.execute(sql`
        update ${rel.table} as t set ${sql.identifier(rel.column.name)} = v.from_id, updated_at = v.stamp
        from (select unnest(${uuidArray(ids)}) as id, unnest(${uuidArray(froms)}) as from_id,
                     unnest(${`{${stamps.map((s) => `"${s}"`).join(",")}}`}::timestamptz[]) as stamp) v
        where t.id = v.id and t.organization_id = ${ctx.organizationId} and t.${sql.identifier(rel.column.name)} = ${survivorId}`);
    }
    await recordAudit(scoped, { action: `${entity}.unmerged`, entityType: entity, entityId: survivorId, after: { restoredIds: mergedIds } });
    await emitEvent(scoped, UNMERGED_EVENT[entity], { survivorId, restoredIds: mergedIds });
  });
}

/** Live (not trashed) ids among `ids`, for callers that check a merge is still possible. */
export async function liveRecordIds(ctx: TenantContext, entity: MergeEntity, ids: string[]): Promise<string[]> {
  const table = TABLES[entity];
  const rows = await ctx.db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.organizationId, ctx.organizationId), inArray(table.id, ids), isNull(table.deletedAt)));
  return rows.map((r) => r.id);
}
