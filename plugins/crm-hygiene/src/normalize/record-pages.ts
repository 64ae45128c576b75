import { queryRows, toCount, type Database } from "@opsdeck/db";
import { sql, type SQL } from "drizzle-orm";
import type { NormalizedEntity, RuleRecord } from "./rules.ts";

/** What a preview shows of a record besides the changed field: a name a user recognizes. */
export const LABEL_SQL: Record<NormalizedEntity, string> = {
  accounts: "r.name",
  contacts: "nullif(btrim(concat_ws(' ', r.first_name, r.last_name)), '')",
  leads: "nullif(btrim(concat_ws(' ', r.first_name, r.last_name)), '')",
};

export type PageRecord = RuleRecord & { label: string | null };

function columnSql(entity: NormalizedEntity, column: string): SQL {
  // The legal form is not a column of core.accounts: it lives in the plugin's table.
  if (entity === "accounts" && column === "legal_form") return sql.raw(`lf.legal_form as "legal_form"`);
  return sql.raw(`r."${column}"::text as "${column}"`);
}

/** Live records of one entity in the organization. */
export async function countRecords(db: Database, organizationId: string, entity: NormalizedEntity): Promise<number> {
  const [row] = await queryRows<{ n: unknown }>(
    db,
    sql`select count(*) as n from ${sql.raw(`core.${entity}`)} where organization_id = ${organizationId} and deleted_at is null`,
  );
  return toCount(row?.n);
}

/** The next page of live records after `afterId` (keyset by id), with the columns a rule reads. */
export async function readPage(
  db: Database,
  organizationId: string,
  entity: NormalizedEntity,
  columns: readonly string[],
  afterId: string | null,
  limit: number,
): Promise<PageRecord[]> {
  const join =
    entity === "accounts" && columns.includes("legal_form")
      ? sql`left join plugin_crm_hygiene.account_legal_forms lf on lf.organization_id = r.organization_id and lf.account_id = r.id`
      : sql``;
  return queryRows<PageRecord>(
    db,
    sql`select r.id::text as id, ${sql.raw(LABEL_SQL[entity])} as label, ${sql.join(
      columns.map((c) => columnSql(entity, c)),
      sql`, `,
    )}
        from ${sql.raw(`core.${entity}`)} r ${join}
        where r.organization_id = ${organizationId} and r.deleted_at is null
          ${afterId ? sql`and r.id > ${afterId}::uuid` : sql``}
        order by r.id limit ${limit}`,
  );
}
