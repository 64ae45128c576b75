import { sql, type SQL } from "drizzle-orm";
import type { KpiFilters } from "./filters.ts";
import type { OwnerScope } from "./scope.ts";

/*
 * The sums every KPI is finished from (compute.ts). Two sources produce them: the aggregates (from-aggregates.ts,
 * what dashboards use) and plain queries over core's tables (direct.ts: tests, the benchmark's baseline, and
 * answers before the first build). Amounts stay per currency and day so conversion happens once, in one place.
 */
export interface KpiInputs {
  /** Deals closed in the period, per close day and currency. */
  closed: { day: string; currency: string; wonCount: number; wonAmount: string; wonCycleSeconds: string; lostCount: number }[];
  /** Deals won in the period just before (pipeline coverage). */
  previousWon: { day: string; currency: string; wonAmount: string }[];
  /** Deals open at the end of the period's last day, per currency. */
  pipeline: { currency: string; count: number; amount: string; weighted: string }[];
  /** Deals created in the period, and how many of them reached stage 1 … 4 and were won (index 5). */
  cohort: [number, number, number, number, number, number];
  /** null when the filters do not apply to leads (segment). */
  leads: { created: number; responded: number; medianSeconds: string | null } | null;
  /** null when the filters do not apply to activities (segment, source); sellers: see sellersSql. */
  activities: { prospectMeetings: number; sellingMinutes: number; sellers: number } | null;
}

export interface InputQuery {
  organizationId: string;
  filters: KpiFilters;
  scope: OwnerScope;
}

/** `owner_id` within the scope (everyone: no condition; nobody: false). */
export function ownerCondition(column: SQL, scope: OwnerScope): SQL {
  if (scope.ownerIds === null) return sql`true`;
  if (scope.ownerIds.length === 0) return sql`false`;
  return sql`${column} in (select value::uuid from json_array_elements_text(${JSON.stringify(scope.ownerIds)}::json))`;
}

/**
 * The sellers of a scope for selling time: members with the rep or manager role, in the scope, whose membership
 * overlaps the period (started by its end, not deactivated before its start).
 */
export function sellersSql(q: InputQuery): SQL {
  return sql`select count(*) as sellers from core.memberships m
    where m.organization_id = ${q.organizationId}::uuid and m.role in ('rep', 'manager') and ${ownerCondition(sql`m.user_id`, q.scope)}
      and (m.start_date is null or m.start_date <= ${q.filters.to}::date)
      and (m.deactivated_at is null or m.deactivated_at >= ${q.filters.from}::date)`;
}

/** Weighted median of a distribution `(s numeric, n count)`: the middle value, or the mean of the two middle ones. */
export function medianSql(distribution: SQL): SQL {
  return sql`with d as (${distribution}),
    c as (select s, sum(n) over (order by s) as cum, sum(n) over () as total from d)
    select ((min(s) filter (where cum >= floor((total + 1) / 2.0))) + (min(s) filter (where cum >= floor(total / 2.0) + 1))) / 2 as median,
      coalesce(max(total), 0) as total
    from c`;
}

/** A database value as text (drivers give numerics as strings, dates as strings or Dates). */
export function str(v: unknown): string {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "bigint" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString();
  return v == null ? "" : JSON.stringify(v);
}
export const num = (v: unknown) => Number(v ?? 0);
export const dec = (v: unknown) => (v == null ? "0" : str(v));
export const day = (v: unknown) => str(v).slice(0, 10);
