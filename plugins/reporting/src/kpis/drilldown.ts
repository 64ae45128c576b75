import { MoneyDecimal } from "@opsdeck/core";
import { queryRows, toCount } from "@opsdeck/db";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { readFreshness } from "../aggregates/freshness.ts";
import { activityFactsSql, leadFactsSql, opportunityFactsSql } from "../aggregates/facts.ts";
import { KPI_KEYS, KPIS, type DrillSet } from "./catalogue.ts";
import { kpiFiltersSchema, type KpiFilters } from "./filters.ts";
import { ownerCondition, str } from "./inputs.ts";
import { loadRates } from "./rates.ts";
import { resolveScope } from "./scope.ts";
import { assertSupportedFilters, type KpiContext } from "./service.ts";

/** Record sets a chart's or table's numbers are made of, beyond those of the KPIs. */
export const EXTRA_SETS = ["created_leads", "activities"] as const;

export const drilldownInputSchema = z.object({
  filters: kpiFiltersSchema,
  kpi: z.enum(KPI_KEYS),
  /** Another set than the KPI's (a chart's "leads created", "activities"). */
  set: z.enum(EXTRA_SETS).optional(),
  /** Deals in this stage only (the "open pipeline by stage" chart). */
  stage: z.string().min(1).max(40).optional(),
  /** Activities of this type only (the "activities" chart). */
  activityType: z.enum(["call", "email", "meeting", "task", "note"]).optional(),
  limit: z.number().int().min(1).max(500).default(50),
  offset: z.number().int().min(0).default(0),
});
export type DrilldownInput = z.input<typeof drilldownInputSchema>;

export interface DrillRow {
  entity: "opportunities" | "leads" | "activities";
  id: string;
  name: string;
  ownerName: string | null;
  /** Deals: amount in its currency and in the organization's. */
  amount?: string | null;
  currency?: string;
  convertedAmount?: string | null;
  stage?: string;
  accountName?: string | null;
  createdAt: string;
  closedAt?: string | null;
  /** Leads: source and minutes to the first response. */
  source?: string | null;
  responseMinutes?: string | null;
  /** Activities. */
  type?: string;
  occurredAt?: string;
  durationMinutes?: number | null;
}

export interface DrilldownAnswer {
  kpi: string;
  set: DrillSet | (typeof EXTRA_SETS)[number];
  total: number;
  rows: DrillRow[];
  /** The records come from the same ledger the aggregates were summed from (or, before the first build, core's tables). */
  source: "aggregates" | "live";
  asOf: string;
}

const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());

/**
 * The records behind a number: exactly the facts the KPI summed (from the ledger the aggregates are made of,
 * so the list always matches the number shown), with their key fields, a page at a time.
 */
export async function drilldown(ctx: KpiContext, input: z.output<typeof drilldownInputSchema>): Promise<DrilldownAnswer> {
  const filters: KpiFilters = input.filters;
  assertSupportedFilters(filters);
  const set = input.set ?? KPIS[input.kpi].drill;
  const org = ctx.tenant.organizationId;
  const scope = await resolveScope(ctx.tenant, filters);
  const freshness = await readFreshness(ctx.db, org);
  const fromLedger = Boolean(freshness.builtAt);
  const factScope = { organizationId: org, timeZone: ctx.organization.timeZone };
  const relation = (kind: "opportunity" | "lead" | "activity"): SQL => {
    if (fromLedger) return sql.raw(`plugin_reporting.${kind}_facts`);
    const derive = { opportunity: opportunityFactsSql, lead: leadFactsSql, activity: activityFactsSql }[kind];
    return sql`(${derive(factScope)})`;
  };
  const { from, to } = filters;
  const owner = ownerCondition(sql`f.owner_id`, scope);
  const page = sql`limit ${input.limit} offset ${input.offset}`;
  const base = { kpi: input.kpi, set, source: fromLedger ? ("aggregates" as const) : ("live" as const), asOf: (freshness.asOf ?? new Date()).toISOString() };

  if (set === "won" || set === "closed" || set === "open_at_end" || set === "cohort") {
    const where = {
      won: sql`f.is_won and f.closed_day between ${from}::date and ${to}::date`,
      closed: sql`f.closed_day between ${from}::date and ${to}::date`,
      open_at_end: sql`f.created_day <= ${to}::date and (f.closed_day is null or f.closed_day > ${to}::date)`,
      cohort: sql`f.created_day between ${from}::date and ${to}::date`,
    }[set];
    const cond = sql`f.organization_id = ${org}::uuid and ${owner} and ${where}
      ${filters.source ? sql`and f.source = ${filters.source}` : sql``} ${filters.segment ? sql`and f.segment = ${filters.segment}` : sql``}
      ${input.stage ? sql`and f.stage = ${input.stage}` : sql``}`;
    const [rows, counted, rates] = await Promise.all([
      queryRows(ctx.db, sql`select o.id, o.name, o.amount::text as amount, o.currency, o.stage, o.created_at, o.closed_at,
          f.closed_day::text as closed_day, a.name as account_name, u.name as owner_name
        from ${relation("opportunity")} f join core.opportunities o on o.id = f.opportunity_id
        left join core.accounts a on a.id = o.account_id left join core.users u on u.id = o.owner_id
        where ${cond} order by o.amount desc nulls last, o.id ${page}`),
      queryRows(ctx.db, sql`select count(*) as n from ${relation("opportunity")} f where ${cond}`),
      loadRates(ctx.tenant, ctx.organization.currency),
    ]);
    return {
      ...base,
      total: toCount(counted[0]?.n),
      rows: rows.map((r) => {
        const rateDay = set === "open_at_end" || r.closed_day == null ? to : str(r.closed_day);
        const converted = r.amount == null ? null : rates.convert(str(r.amount), str(r.currency), rateDay);
        return {
          entity: "opportunities",
          id: str(r.id),
          name: str(r.name),
          ownerName: (r.owner_name as string | null) ?? null,
          amount: (r.amount as string | null) ?? null,
          currency: str(r.currency),
          convertedAmount: converted ? converted.toFixed(2, MoneyDecimal.ROUND_HALF_EVEN) : null,
          stage: str(r.stage),
          accountName: (r.account_name as string | null) ?? null,
          createdAt: iso(r.created_at)!,
          closedAt: iso(r.closed_at),
        } satisfies DrillRow;
      }),
    };
  }

  if (set === "responded_leads" || set === "created_leads") {
    if (filters.segment) return { ...base, total: 0, rows: [] };
    const cond = sql`f.organization_id = ${org}::uuid and ${owner} and f.created_day between ${from}::date and ${to}::date
      ${set === "responded_leads" ? sql`and f.response_seconds >= 0` : sql``} ${filters.source ? sql`and f.source = ${filters.source}` : sql``}`;
    const [rows, counted] = await Promise.all([
      queryRows(ctx.db, sql`select l.id, l.first_name, l.last_name, l.company, l.source, l.created_at, f.response_seconds::text as seconds, u.name as owner_name
        from ${relation("lead")} f join core.leads l on l.id = f.lead_id left join core.users u on u.id = l.owner_id
        where ${cond} order by f.response_seconds desc, l.id ${page}`),
      queryRows(ctx.db, sql`select count(*) as n from ${relation("lead")} f where ${cond}`),
    ]);
    return {
      ...base,
      total: toCount(counted[0]?.n),
      rows: rows.map((r) => ({
        entity: "leads",
        id: str(r.id),
        name: [r.first_name, r.last_name].filter(Boolean).join(" ") || str(r.company ?? "Lead"),
        ownerName: (r.owner_name as string | null) ?? null,
        source: (r.source as string | null) ?? null,
        createdAt: iso(r.created_at)!,
        responseMinutes: Number(r.seconds) < 0 ? null : new MoneyDecimal(str(r.seconds)).div(60).toFixed(2),
        accountName: (r.company as string | null) ?? null,
      })),
    };
  }

  if (set === "prospect_meetings" || set === "selling_activities" || set === "activities") {
    if (filters.segment || filters.source) return { ...base, total: 0, rows: [] };
    const kind = {
      prospect_meetings: sql`f.type = 'meeting' and f.prospect`,
      selling_activities: sql`f.type in ('call', 'meeting')`,
      activities: input.activityType ? sql`f.type = ${input.activityType}` : sql`true`,
    }[set];
    const cond = sql`f.organization_id = ${org}::uuid and ${owner} and f.day between ${from}::date and ${to}::date and ${kind}`;
    const [rows, counted] = await Promise.all([
      queryRows(ctx.db, sql`select t.id, t.type, t.subject, t.occurred_at, t.duration_minutes, t.created_at, u.name as owner_name
        from ${relation("activity")} f join core.activities t on t.id = f.activity_id left join core.users u on u.id = t.owner_id
        where ${cond} order by t.occurred_at desc, t.id ${page}`),
      queryRows(ctx.db, sql`select count(*) as n from ${relation("activity")} f where ${cond}`),
    ]);
    return {
      ...base,
      total: toCount(counted[0]?.n),
      rows: rows.map((r) => ({
        entity: "activities",
        id: str(r.id),
        name: str(r.subject ?? r.type),
        ownerName: (r.owner_name as string | null) ?? null,
        type: str(r.type),
        occurredAt: iso(r.occurred_at)!,
        createdAt: iso(r.created_at)!,
        durationMinutes: r.duration_minutes == null ? null : Number(r.duration_minutes),
      })),
    };
  }
  return { ...base, total: 0, rows: [] };
}
