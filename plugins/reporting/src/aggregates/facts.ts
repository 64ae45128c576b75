import { sql, type SQL } from "drizzle-orm";
import { STAGES } from "@opsdeck/core";

/*
 * What one record contributes to the KPIs, derived from core's tables in one place. The aggregates store these
 * facts (the ledgers) and sums of them; the direct computation (tests, benchmark baseline, "live" answers before
 * the first build) aggregates the same derivation straight from the base tables, so both count the same thing.
 */

export type FactKind = "opportunity" | "lead" | "activity";

/** The owner key of a record without owner (aggregate keys are NOT NULL). */
export const NO_OWNER = "00000000-0000-0000-0000-000000000000";

/** Segments by the account's employees (the demo seed's SMB / mid-market / enterprise sizes). */
export const SEGMENTS = ["smb", "mid", "ent", "unknown"] as const;
export type Segment = (typeof SEGMENTS)[number];

const segmentSql = (employees: SQL) => sql`(case when ${employees} is null then 'unknown'
  when ${employees} < 200 then 'smb' when ${employees} < 1000 then 'mid' else 'ent' end)`;

/** Index of each open stage in pipeline order; won deals reached every stage (5). */
const openStages = STAGES.filter((s) => !s.closed).map((s) => s.id);
const stageIndexSql = (stage: SQL) =>
  sql`(case ${stage} ${sql.join(
    openStages.map((id, i) => sql.raw(`when '${id}' then ${i}`)),
    sql` `,
  )} else null end)`;

export interface FactScope {
  organizationId: string;
  timeZone: string;
  /** Only these records (a `select` of ids); all live records when absent. */
  ids?: SQL | undefined;
}

// Evaluated once into an array and probed through the primary key (see maintain.ts).
const idFilter = (column: SQL, scope: FactScope) => (scope.ids ? sql`and ${column} = any(array(${scope.ids}))` : sql``);
const dayOf = (ts: SQL, tz: string) => sql`((${ts}) at time zone ${tz})::date`;

/**
 * Facts of live opportunities. A deal counts as closed on its `closed_at` day in the organization's time zone,
 * never before its creation day (nor, without a `closed_at`, after it). A lost deal reached the highest open
 * stage that core's `opportunity.stage_changed` events recorded for it (its first stage when none).
 */
export function opportunityFactsSql(scope: FactScope): SQL {
  const org = scope.organizationId;
  const tz = scope.timeZone;
  const created = dayOf(sql`o.created_at`, tz);
  return sql`select o.organization_id, o.id as opportunity_id, coalesce(o.owner_id, ${NO_OWNER}::uuid) as owner_id,
      coalesce(o.source, '') as source, ${segmentSql(sql`a.employees`)} as segment, o.currency,
      coalesce(o.amount, 0) as amount, coalesce(o.probability, 0)::smallint as probability, o.stage,
      (case when o.is_won then 5 when not o.is_closed then coalesce(${stageIndexSql(sql`o.stage`)}, 0)
        else coalesce(h.reached, 0) end)::smallint as reached,
      ${created} as created_day,
      (case when o.is_closed then greatest(coalesce(${dayOf(sql`o.closed_at`, tz)}, ${created}), ${created}) end) as closed_day,
      o.is_won,
      (case when o.is_won then greatest(extract(epoch from (coalesce(o.closed_at, o.created_at) - o.created_at)), 0) end) as cycle_seconds
    from core.opportunities o
    left join core.accounts a on a.id = o.account_id and a.organization_id = o.organization_id
    left join (
      select (e.payload->>'opportunityId')::uuid as id,
        max(greatest(coalesce(${stageIndexSql(sql`e.payload->>'from'`)}, 0), coalesce(${stageIndexSql(sql`e.payload->>'to'`)}, 0))) as reached
      from core.events e
      where e.organization_id = ${org}::uuid and e.type = 'opportunity.stage_changed'
      group by 1
    ) h on h.id = o.id and o.is_closed and not o.is_won
    where o.organization_id = ${org}::uuid and o.deleted_at is null ${idFilter(sql`o.id`, scope)}`;
}

/** Facts of live leads: creation day, and the response time in seconds (-1 without a response). */
export function leadFactsSql(scope: FactScope): SQL {
  return sql`select l.organization_id, l.id as lead_id, coalesce(l.owner_id, ${NO_OWNER}::uuid) as owner_id,
      coalesce(l.source, '') as source, ${dayOf(sql`l.created_at`, scope.timeZone)} as created_day,
      coalesce(extract(epoch from (l.first_response_at - l.created_at)), -1) as response_seconds
    from core.leads l
    where l.organization_id = ${scope.organizationId}::uuid and l.deleted_at is null ${idFilter(sql`l.id`, scope)}`;
}

/** Facts of live activities: the day they happened, their type, whether a prospect was in it, minutes. */
export function activityFactsSql(scope: FactScope): SQL {
  return sql`select t.organization_id, t.id as activity_id, coalesce(t.owner_id, ${NO_OWNER}::uuid) as owner_id,
      ${dayOf(sql`t.occurred_at`, scope.timeZone)} as day, t.type,
      (t.lead_id is not null or t.opportunity_id is not null) as prospect,
      coalesce(t.duration_minutes, 0) as minutes
    from core.activities t
    where t.organization_id = ${scope.organizationId}::uuid and t.deleted_at is null ${idFilter(sql`t.id`, scope)}`;
}

export const factSql: Record<FactKind, (scope: FactScope) => SQL> = {
  opportunity: opportunityFactsSql,
  lead: leadFactsSql,
  activity: activityFactsSql,
};
