// The records of a cluster, with what points at them (for the side-by-side view and the merge).
import { getRecord, type TenantContext } from "@opsdeck/core";
import { queryRows, toCount } from "@opsdeck/db";
import { sql } from "drizzle-orm";
import type { MergeRecord } from "../merge/fields.ts";
import type { DuplicateEntity } from "../matching/rules.ts";
import { uuidArray } from "./pg-arrays.ts";

export type RecordKind = "contacts" | "accounts" | "leads";

/** Which table each member of a cluster lives in: leads vs contacts clusters are one contact, then leads. */
export function memberKinds(entity: DuplicateEntity, recordIds: string[]): RecordKind[] {
  if (entity === "lead_contact") return recordIds.map((_, i) => (i === 0 ? "contacts" : "leads"));
  return recordIds.map(() => entity);
}

const RELATED: Record<RecordKind, Array<{ label: string; table: string; column: string }>> = {
  contacts: [{ label: "activities", table: "activities", column: "contact_id" }],
  accounts: [
    { label: "contacts", table: "contacts", column: "account_id" },
    { label: "opportunities", table: "opportunities", column: "account_id" },
    { label: "activities", table: "activities", column: "account_id" },
  ],
  leads: [{ label: "activities", table: "activities", column: "lead_id" }],
};

/** Live related rows per record: { recordId: { activities: 3, … } }. */
export async function relatedCounts(ctx: TenantContext, kind: RecordKind, ids: string[]): Promise<Record<string, Record<string, number>>> {
  const out: Record<string, Record<string, number>> = Object.fromEntries(ids.map((id) => [id, {}]));
  for (const rel of RELATED[kind]) {
    const rows = await queryRows<{ id: string; n: unknown }>(
      ctx.db,
      sql`select ${sql.identifier(rel.column)} as id, count(*) as n from core.${sql.identifier(rel.table)}
          where organization_id = ${ctx.organizationId} and deleted_at is null and ${sql.identifier(rel.column)} = any(${uuidArray(ids)})
          group by 1`,
    );
    for (const id of ids) out[id]![rel.label] = 0;
    for (const r of rows) out[r.id]![rel.label] = toCount(r.n);
  }
  return out;
}

/** The records (live or trashed, so history shows), in the cluster's order. NOT_FOUND outside the organization. */
export async function clusterRecords(ctx: TenantContext, entity: DuplicateEntity, recordIds: string[]): Promise<Array<MergeRecord & { kind: RecordKind }>> {
  const kinds = memberKinds(entity, recordIds);
  const out: Array<MergeRecord & { kind: RecordKind }> = [];
  for (let i = 0; i < recordIds.length; i++) {
    const row = (await getRecord(ctx, kinds[i]!, recordIds[i]!, { includeDeleted: true })) as unknown as MergeRecord;
    out.push({ ...row, kind: kinds[i]! });
  }
  return out;
}
