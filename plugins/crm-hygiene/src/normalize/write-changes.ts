import { queryRows, toCount, type Database } from "@opsdeck/db";
import { sql } from "drizzle-orm";
import type { FieldChange, NormalizedEntity } from "./rules.ts";

type Pending = { id: string } & FieldChange;

const values = (rows: readonly Pending[]) =>
  sql`(select * from jsonb_to_recordset(${JSON.stringify(rows.map((r) => ({ id: r.id, before: r.before, after: r.after })))}::jsonb)
       as x(id uuid, before text, after text))`;

/**
 * Writes one field of a page of records and records each before-value for undo. A record whose value is
 * no longer the one the rule read (changed meanwhile) is left alone. Returns how many records changed.
 */
export async function writeField(
  db: Database,
  input: { organizationId: string; runId: string; entity: NormalizedEntity; field: string; rows: readonly Pending[] },
): Promise<number> {
  if (!input.rows.length) return 0;
  const { organizationId: org, runId, entity, field } = input;
  const written =
    field === "legal_form"
      ? sql`insert into plugin_crm_hygiene.account_legal_forms as l (organization_id, account_id, legal_form, updated_at)
              select ${org}::uuid, v.id, v.after, now() from v
              join core.accounts a on a.organization_id = ${org} and a.id = v.id
            on conflict (organization_id, account_id) do update set legal_form = excluded.legal_form, updated_at = now()
            returning l.account_id as id`
      : sql`update ${sql.raw(`core.${entity}`)} t set ${sql.raw(`"${field}"`)} = v.after, updated_at = now()
            from v where t.organization_id = ${org} and t.id = v.id
              and t.${sql.raw(`"${field}"`)}::text is not distinct from v.before
            returning t.id`;
  const [row] = await queryRows<{ n: unknown }>(
    db,
    sql`with v as ${values(input.rows)}, u as (${written}),
        c as (insert into plugin_crm_hygiene.normalization_changes (run_id, organization_id, entity, record_id, field, before, after)
              select ${runId}::uuid, ${org}::uuid, ${entity}, v.id, ${field}, v.before, v.after from v join u on u.id = v.id
              on conflict do nothing returning 1)
        select count(*) as n from c`,
  );
  return toCount(row?.n);
}

export interface UndoOutcome {
  restored: number;
  skipped: number;
  /** The first records left alone, and why. */
  skippedRecords: { entity: string; recordId: string; field: string; current: string | null; reason: string }[];
}

/**
 * Puts back the before-values of one field of a run, where the record still holds what the run wrote;
 * the others (edited since, deleted) are skipped and listed.
 */
export async function undoField(
  db: Database,
  input: { organizationId: string; runId: string; entity: string; field: string; listLimit: number },
): Promise<UndoOutcome> {
  const { organizationId: org, runId, entity, field } = input;
  const table = entity === "accounts" && field === "legal_form" ? null : sql.raw(`core.${entity}`);
  const col = sql.raw(`"${field}"`);
  const restore = table
    ? sql`update ${table} t set ${col} = c.before, updated_at = now()
          from c where t.organization_id = ${org} and t.id = c.record_id and t.deleted_at is null
            and t.${col}::text is not distinct from c.after
          returning t.id`
    : sql`update plugin_crm_hygiene.account_legal_forms l set legal_form = coalesce(c.before, ''), updated_at = now()
          from c where l.organization_id = ${org} and l.account_id = c.record_id and l.legal_form = c.after
          returning l.account_id as id`;
  const current = table
    ? sql`left join ${table} t on t.organization_id = ${org} and t.id = c.record_id`
    : sql`left join plugin_crm_hygiene.account_legal_forms t on t.organization_id = ${org} and t.account_id = c.record_id`;
  const currentValue = table ? sql`t.${col}::text` : sql`t.legal_form`;
  const deleted = table ? sql`(t.id is null or t.deleted_at is not null)` : sql`false`;
  const [row] = await queryRows<{ restored: unknown; skipped: unknown; list: unknown }>(
    db,
    sql`with c as (select record_id, before, after from plugin_crm_hygiene.normalization_changes
                   where run_id = ${runId} and organization_id = ${org} and entity = ${entity} and field = ${field}),
        u as (${restore})
        select (select count(*) from u) as restored,
               (select count(*) from c) - (select count(*) from u) as skipped,
               (select coalesce(json_agg(s), '[]') from (
                  select c.record_id as "recordId", ${currentValue} as current,
                         case when ${deleted} then 'deleted since' else 'changed since' end as reason
                  from c ${current} where c.record_id not in (select id from u)
                  order by c.record_id limit ${input.listLimit}) s) as list`,
  );
  // An empty legal form is a cleared one: drop those rows rather than keep blanks.
  if (!table) {
    await db.execute(
      sql`delete from plugin_crm_hygiene.account_legal_forms where organization_id = ${org} and legal_form = ''`,
    );
  }
  const list = (typeof row?.list === "string" ? JSON.parse(row.list) : (row?.list ?? [])) as {
    recordId: string;
    current: string | null;
    reason: string;
  }[];
  return {
    restored: toCount(row?.restored),
    skipped: toCount(row?.skipped),
    skippedRecords: list.map((s) => ({ entity, field, ...s })),
  };
}
