import { sql, type SQL } from "drizzle-orm";
import type { ValidationRule } from "../validation/rules-service.ts";
import type { RuleEntity } from "../validation/fields.ts";
import { violatesSql } from "../validation/rule-sql.ts";

export const AUDITED_ENTITIES = ["accounts", "contacts", "leads", "opportunities"] as const satisfies readonly RuleEntity[];
export type AuditedEntity = (typeof AUDITED_ENTITIES)[number];

/** One thing a record can get wrong; its weight is its share of the record's score. */
export interface Check {
  id: string;
  entity: AuditedEntity;
  label: string;
  /** Audit family, for the audits page's grouping. */
  kind: "missing" | "stale" | "orphan" | "overdue" | "owner" | "rule";
  weight: number;
  /** True for a failing record, over `r` as `auditSource` builds it. */
  failing: SQL;
}

const blank = (column: string) => sql.raw(`(r."${column}" is null or btrim(r."${column}"::text) = '')`);

function ownerChecks(entity: AuditedEntity, noun: string): Check[] {
  return [
    { id: `${entity}.no_owner`, entity, label: `${noun} without an owner`, kind: "owner", weight: 2, failing: sql`r.owner_id is null` },
    {
      id: `${entity}.owner_left`,
      entity,
      label: `${noun} owned by someone who left`,
      kind: "owner",
      weight: 2,
      failing: sql`(r.owner_id is not null and r.owner_gone)`,
    },
  ];
}

const missing = (entity: AuditedEntity, column: string, label: string, weight = 1): Check => ({
  id: `${entity}.missing_${column}`,
  entity,
  label,
  kind: "missing",
  weight,
  failing: blank(column),
});

/** The built-in audits; a record is stale after `staleDays` without activity (the `staleAfterDays` setting). */
export function builtInChecks(staleDays: number): Check[] {
  const stale = sql`r.last_activity < now() - make_interval(days => ${staleDays}::int)`;
  return [
  missing("accounts", "domain", "Accounts without a domain"),
  missing("accounts", "industry", "Accounts without an industry"),
  missing("accounts", "country", "Accounts without a country"),
  ...ownerChecks("accounts", "Accounts"),
  { id: "accounts.stale", entity: "accounts", label: "Accounts with no recent activity", kind: "stale", weight: 1, failing: stale },
  missing("contacts", "email", "Contacts without an email", 2),
  missing("contacts", "phone", "Contacts without a phone"),
  missing("contacts", "title", "Contacts without a title"),
  { id: "contacts.no_account", entity: "contacts", label: "Contacts without an account", kind: "orphan", weight: 2, failing: sql`r.account_id is null` },
  ...ownerChecks("contacts", "Contacts"),
  { id: "contacts.stale", entity: "contacts", label: "Contacts with no recent activity", kind: "stale", weight: 1, failing: stale },
  missing("leads", "email", "Leads without an email", 2),
  missing("leads", "company", "Leads without a company"),
  ...ownerChecks("leads", "Leads"),
  {
    id: "leads.stale",
    entity: "leads",
    label: "Open leads with no recent activity",
    kind: "stale",
    weight: 1,
    failing: sql`(r.status in ('new', 'working', 'nurturing') and ${stale})`,
  },
  {
    id: "opportunities.past_close_date",
    entity: "opportunities",
    label: "Open opportunities past their close date",
    kind: "overdue",
    weight: 2,
    failing: sql`(not r.is_closed and r.close_date < current_date)`,
  },
  {
    id: "opportunities.missing_close_date",
    entity: "opportunities",
    label: "Open opportunities without a close date",
    kind: "missing",
    weight: 1,
    failing: sql`(not r.is_closed and r.close_date is null)`,
  },
  missing("opportunities", "amount", "Opportunities without an amount", 2),
  ...ownerChecks("opportunities", "Opportunities"),
  {
    id: "opportunities.stale",
    entity: "opportunities",
    label: "Open opportunities with no recent activity",
    kind: "stale",
    weight: 1,
    failing: sql`(not r.is_closed and ${stale})`,
  },
  ];
}

/** The organization's enabled validation rules as checks of weight 1. */
export function ruleChecks(rules: readonly ValidationRule[]): Check[] {
  return rules
    .filter((r) => r.enabled)
    .map((r) => ({ id: `rule:${r.id}`, entity: r.entity, label: r.name, kind: "rule" as const, weight: 1, failing: violatesSql(r.entity, r.config) }));
}

const LAST_ACTIVITY: Record<AuditedEntity, string> = {
  contacts: "coalesce(r.last_activity_at, r.created_at)",
  accounts: "coalesce((select max(a.occurred_at) from core.activities a where a.organization_id = r.organization_id and a.account_id = r.id and a.deleted_at is null), r.created_at)",
  leads: "coalesce((select max(a.occurred_at) from core.activities a where a.organization_id = r.organization_id and a.lead_id = r.id and a.deleted_at is null), r.first_response_at, r.created_at)",
  opportunities: "coalesce((select max(a.occurred_at) from core.activities a where a.organization_id = r.organization_id and a.opportunity_id = r.id and a.deleted_at is null), r.created_at)",
};

export const LABEL_SQL: Record<AuditedEntity, string> = {
  accounts: "r.name",
  contacts: "nullif(btrim(concat_ws(' ', r.first_name, r.last_name)), '')",
  leads: "nullif(btrim(concat_ws(' ', r.first_name, r.last_name)), '')",
  opportunities: "r.name",
};

/**
 * The audited records of an entity, as `r`: live ones (converted leads are done with and left out), with
 * `last_activity` and `owner_gone` (the owner is not an active member) worked out once per record.
 */
export function auditSource(entity: AuditedEntity, organizationId: string, extraWhere: SQL = sql``): SQL {
  const leads = entity === "leads" ? sql`and r.status <> 'converted'` : sql``;
  return sql`(select r.*, ${sql.raw(LAST_ACTIVITY[entity])} as last_activity,
                     (m.user_id is null or m.deactivated_at is not null) as owner_gone
              from ${sql.raw(`core.${entity}`)} r
              left join core.memberships m on m.organization_id = r.organization_id and m.user_id = r.owner_id
              where r.organization_id = ${organizationId} and r.deleted_at is null ${leads} ${extraWhere}) r`;
}

/** A record's share of failed checks, 0 (clean) to 1 (fails every check). */
export function penaltySql(checks: readonly Check[]): SQL {
  const total = checks.reduce((n, c) => n + c.weight, 0);
  return sql`((${sql.join(
    checks.map((c) => sql`(case when ${c.failing} then ${sql.raw(String(c.weight))} else 0 end)`),
    sql` + `,
  )})::numeric / ${sql.raw(String(total))})`;
}
