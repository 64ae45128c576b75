import { MoneyDecimal, type MoneyValue } from "@opsdeck/core";
import { queryRows } from "@opsdeck/db";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { LEDGERS, virtualAggregateSql } from "../aggregates/contributions.ts";
import { activityFactsSql, leadFactsSql, NO_OWNER, opportunityFactsSql, type Segment } from "../aggregates/facts.ts";
import { readFreshness } from "../aggregates/freshness.ts";
import { addDays, daysBetween, kpiFiltersSchema } from "./filters.ts";
import { aggregateTable } from "./from-aggregates.ts";
import { ownerCondition, str } from "./inputs.ts";
import { loadRates } from "./rates.ts";
import { resolveScope } from "./scope.ts";
import { assertSupportedFilters, type KpiContext } from "./service.ts";

/** Series and tables the dashboards chart; each point carries the filters that drill down to its records. */
export const BREAKDOWNS = [
  "won_over_time",
  "created_over_time",
  "pipeline_by_stage",
  "by_owner",
  "by_team",
  "by_source",
  "by_segment",
  "leads_by_source",
  "activities_over_time",
] as const;
export type BreakdownKind = (typeof BREAKDOWNS)[number];

export const breakdownInputSchema = z.object({ filters: kpiFiltersSchema, kind: z.enum(BREAKDOWNS) });

export interface BreakdownRow {
  key: string;
  label: string;
  /** Narrowed filters: the drill-down of this row (from/to of a bucket, an owner, a source…). */
  drill: Partial<{ from: string; to: string; ownerId: string; teamId: string; source: string; segment: Segment }>;
  values: Record<string, number | string | null>;
}

export interface BreakdownAnswer {
  kind: BreakdownKind;
  rows: BreakdownRow[];
  asOf: string;
  source: "aggregates" | "live";
}

const money = (v: MoneyValue) => v.toFixed(2, MoneyDecimal.ROUND_HALF_EVEN);
const zero = () => new MoneyDecimal(0);
const isoDay = (v: unknown) => str(v).slice(0, 10);

/** Week buckets (Monday) for periods up to 13 weeks, else calendar months. */
function bucketOf(day: string, weekly: boolean): { key: string; from: string; to: string } {
  if (weekly) {
    const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
    const start = addDays(day, -weekday);
    return { key: start, from: start, to: addDays(start, 6) };
  }
  const start = `${day.slice(0, 7)}-01`;
  const next = new Date(`${start}T00:00:00Z`);
  next.setUTCMonth(next.getUTCMonth() + 1);
  return { key: day.slice(0, 7), from: start, to: addDays(next.toISOString().slice(0, 10), -1) };
}

/** "Oct 12" for the week starting that day, "Oct 2026" for a month. */
function bucketLabel(key: string, weekly: boolean): string {
  const date = new Date(`${weekly ? key : `${key}-01`}T00:00:00Z`);
  const options: Intl.DateTimeFormatOptions = weekly ? { month: "short", day: "numeric", timeZone: "UTC" } : { month: "short", year: "numeric", timeZone: "UTC" };
  return new Intl.DateTimeFormat("en-US", options).format(date);
}

function buckets(from: string, to: string) {
  const weekly = daysBetween(from, to) <= 91;
  const list: { key: string; from: string; to: string }[] = [];
  for (let d = from; d <= to; ) {
    const b = bucketOf(d, weekly);
    list.push({ key: b.key, from: b.from < from ? from : b.from, to: b.to > to ? to : b.to });
    d = addDays(b.to, 1);
  }
  return { weekly, list, of: (day: string) => bucketOf(day, weekly).key };
}

export async function breakdown(ctx: KpiContext, input: z.output<typeof breakdownInputSchema>): Promise<BreakdownAnswer> {
  const { filters, kind } = input;
  assertSupportedFilters(filters);
  const org = ctx.tenant.organizationId;
  const scope = await resolveScope(ctx.tenant, filters);
  const freshness = await readFreshness(ctx.db, org);
  const built = Boolean(freshness.builtAt);
  const factScope = { organizationId: org, timeZone: ctx.organization.timeZone };
  // The aggregate tables, or the same relations computed from core's tables before the first build.
  const perOwner = kind === "by_owner" || kind === "by_team";
  const table = (name: "opportunity_daily" | "opportunity_open" | "lead_daily" | "activity_daily"): SQL => {
    // Everyone-scope questions that do not group by owner read the totals (see from-aggregates.ts).
    if (built) return perOwner ? sql.raw(`plugin_reporting.${name}`) : aggregateTable(name, { scope });
    if (name === "lead_daily") return virtualAggregateSql(LEDGERS.lead.targets[0]!, sql`(${leadFactsSql(factScope)})`);
    if (name === "activity_daily") return virtualAggregateSql(LEDGERS.activity.targets[0]!, sql`(${activityFactsSql(factScope)})`);
    const target = LEDGERS.opportunity.targets[name === "opportunity_daily" ? 0 : 1]!;
    return virtualAggregateSql(target, sql`(${opportunityFactsSql(factScope)})`);
  };
  const owner = ownerCondition(sql`owner_id`, scope);
  const dealFilters = sql`${filters.source ? sql`and source = ${filters.source}` : sql``} ${filters.segment ? sql`and segment = ${filters.segment}` : sql``}`;
  const deals = sql`organization_id = ${org}::uuid and ${owner} ${dealFilters}`;
  const rates = await loadRates(ctx.tenant, ctx.organization.currency);
  const meta = { kind, asOf: (freshness.asOf ?? new Date()).toISOString(), source: built ? ("aggregates" as const) : ("live" as const) };
  const { from, to } = filters;

  if (kind === "won_over_time" || kind === "created_over_time") {
    const won = kind === "won_over_time";
    const rows = await queryRows(
      ctx.db,
      sql`select day, currency, sum(${sql.raw(won ? "won_count" : "created_count")}) as n, sum(${sql.raw(won ? "won_amount" : "created_amount")}) as amount
        from ${table("opportunity_daily")} d where ${deals} and day between ${from}::date and ${to}::date group by day, currency`,
    );
    const b = buckets(from, to);
    const sums = new Map(b.list.map((x) => [x.key, { n: 0, amount: zero() }]));
    for (const r of rows) {
      const s = sums.get(b.of(isoDay(r.day)));
      if (!s) continue;
      s.n += Number(r.n);
      s.amount = s.amount.plus(rates.convert(str(r.amount), str(r.currency), isoDay(r.day)) ?? 0);
    }
    return {
      ...meta,
      rows: b.list.map((x) => ({
        key: x.key,
        label: bucketLabel(x.key, b.weekly),
        drill: { from: x.from, to: x.to },
        values: { count: sums.get(x.key)!.n, amount: money(sums.get(x.key)!.amount) },
      })),
    };
  }

  if (kind === "pipeline_by_stage") {
    const rows = await queryRows(
      ctx.db,
      sql`select stage, currency, sum(open_count) as n, sum(open_amount) as amount, sum(open_weighted) as weighted
        from ${table("opportunity_open")} o where ${deals} group by stage, currency`,
    );
    const today = new Date().toISOString().slice(0, 10);
    const byStage = new Map<string, { n: number; amount: MoneyValue; weighted: MoneyValue }>();
    for (const r of rows) {
      const s = byStage.get(str(r.stage)) ?? { n: 0, amount: zero(), weighted: zero() };
      s.n += Number(r.n);
      s.amount = s.amount.plus(rates.convert(str(r.amount), str(r.currency), today) ?? 0);
      s.weighted = s.weighted.plus(rates.convert(str(r.weighted), str(r.currency), today) ?? 0);
      byStage.set(str(r.stage), s);
    }
    const order = ["prospecting", "qualification", "needs_analysis", "proposal", "negotiation"];
    return {
      ...meta,
      rows: order
        .filter((s) => byStage.has(s))
        .map((s) => ({
          key: s,
          label: s.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase()),
          drill: {},
          values: { count: byStage.get(s)!.n, amount: money(byStage.get(s)!.amount), weighted: money(byStage.get(s)!.weighted) },
        })),
    };
  }

  if (kind === "by_owner" || kind === "by_team" || kind === "by_source" || kind === "by_segment") {
    const dim = kind === "by_source" ? "source" : kind === "by_segment" ? "segment" : "owner_id";
    const orgCurrency = ctx.organization.currency;
    // Amounts are converted in SQL (exact numeric products, summed, rounded once below) at each close day's rate,
    // looked up once per (day, currency) — so a few hundred rows come back, not one per owner and day.
    const rateOf = (day: SQL, currency: SQL) => sql`(case when ${currency} = ${orgCurrency} then 1 else (select x.rate from core.exchange_rates x
      where x.organization_id = ${org}::uuid and x.currency = ${currency} and x.valid_from <= ${day} order by x.valid_from desc limit 1) end)`;
    const [closed, open] = await Promise.all([
      queryRows(ctx.db, sql`with d as (select ${sql.raw(dim)} as k, day, currency, sum(won_count) as won, sum(lost_count) as lost, sum(won_amount) as amount
          from ${table("opportunity_daily")} t where ${deals} and day between ${from}::date and ${to}::date and closed_count > 0 group by 1, day, currency),
        r as (select u.day, u.currency, ${rateOf(sql`u.day`, sql`u.currency`)} as rate from (select distinct day, currency from d) u)
        select d.k, sum(d.won) as won, sum(d.lost) as lost, coalesce(sum(d.amount * r.rate), 0) as amount
        from d join r on r.day = d.day and r.currency = d.currency group by d.k`),
      // Open at the end of the period: open now minus what was created/closed after it (as in the KPIs).
      queryRows(ctx.db, sql`select g.k, g.n, g.a * ${rateOf(sql`${to}::date`, sql`g.currency`)} as amount from (
          select p.k, p.currency, sum(p.c) as n, sum(p.a) as a from (
            select ${sql.raw(dim)} as k, currency, open_count as c, open_amount as a from ${table("opportunity_open")} o where ${deals}
            union all
            select ${sql.raw(dim)}, currency, closed_count - created_count, closed_amount - created_amount
            from ${table("opportunity_daily")} t where ${deals} and day > ${to}::date) p
          group by p.k, p.currency) g`),
    ]);
    const groups = await groupNames(ctx, kind);
    const acc = new Map<string, { won: number; lost: number; amount: MoneyValue; open: number; pipeline: MoneyValue }>();
    const get = (k: string) => {
      const key = kind === "by_team" ? (groups.teamOf.get(k) ?? "") : k;
      if (!acc.has(key)) acc.set(key, { won: 0, lost: 0, amount: zero(), open: 0, pipeline: zero() });
      return acc.get(key)!;
    };
    for (const r of closed) {
      const a = get(str(r.k));
      a.won += Number(r.won);
      a.lost += Number(r.lost);
      a.amount = a.amount.plus(str(r.amount));
    }
    for (const r of open) {
      const a = get(str(r.k));
      a.open += Number(r.n);
      a.pipeline = a.pipeline.plus(r.amount == null ? 0 : str(r.amount));
    }
    const rows = [...acc.entries()]
      .filter(([, a]) => a.won || a.lost || a.open)
      .map(([k, a]) => ({
        key: k,
        label: groups.label(k),
        drill: groups.drill(k),
        values: {
          closed_won_count: a.won,
          closed_won_amount: money(a.amount),
          win_rate: a.won + a.lost ? new MoneyDecimal(a.won).div(a.won + a.lost).toFixed(4) : null,
          open_count: a.open,
          pipeline_value: money(a.pipeline),
        },
      }))
      .sort((x, y) => new MoneyDecimal(y.values.closed_won_amount).cmp(x.values.closed_won_amount) || x.label.localeCompare(y.label));
    return { ...meta, rows };
  }

  if (kind === "leads_by_source") {
    if (filters.segment) return { ...meta, rows: [] };
    const rows = await queryRows(
      ctx.db,
      sql`select source, sum(lead_count) as created, coalesce(sum(lead_count) filter (where response_seconds >= 0), 0) as responded
        from ${table("lead_daily")} l where organization_id = ${org}::uuid and ${owner}
          ${filters.source ? sql`and source = ${filters.source}` : sql``} and day between ${from}::date and ${to}::date
        group by source order by 2 desc`,
    );
    return {
      ...meta,
      rows: rows.map((r) => ({
        key: str(r.source),
        label: str(r.source) || "No source",
        drill: r.source ? { source: str(r.source) } : {},
        values: { created: Number(r.created), responded: Number(r.responded) },
      })),
    };
  }

  // activities_over_time
  if (filters.segment || filters.source) return { ...meta, rows: [] };
  const rows = await queryRows(
    ctx.db,
    sql`select day, type, sum(activity_count) as n from ${table("activity_daily")} a
      where organization_id = ${org}::uuid and ${owner} and day between ${from}::date and ${to}::date group by day, type`,
  );
  const b = buckets(from, to);
  const sums = new Map(b.list.map((x) => [x.key, { call: 0, email: 0, meeting: 0, other: 0 }]));
  for (const r of rows) {
    const s = sums.get(b.of(isoDay(r.day)));
    if (!s) continue;
    const type = str(r.type) as "call" | "email" | "meeting";
    if (type in s) s[type] += Number(r.n);
    else s.other += Number(r.n);
  }
  return {
    ...meta,
    rows: b.list.map((x) => ({ key: x.key, label: bucketLabel(x.key, b.weekly), drill: { from: x.from, to: x.to }, values: { ...sums.get(x.key)! } })),
  };
}

/** Names of owners and teams, and the filters that narrow a dashboard to one group. */
async function groupNames(ctx: KpiContext, kind: BreakdownKind) {
  const people = await queryRows<{ user_id: string; name: string; team_id: string | null; team_name: string | null }>(
    ctx.db,
    sql`select m.user_id, u.name, m.team_id, t.name as team_name from core.memberships m join core.users u on u.id = m.user_id
      left join core.teams t on t.id = m.team_id where m.organization_id = ${ctx.tenant.organizationId}::uuid`,
  );
  const teamOf = new Map(people.map((p) => [p.user_id, p.team_id ?? ""]));
  const names = new Map(people.map((p) => [p.user_id, p.name]));
  const teamNames = new Map(people.filter((p) => p.team_id).map((p) => [p.team_id!, p.team_name!]));
  const segmentNames: Record<string, string> = { smb: "SMB", mid: "Mid-market", ent: "Enterprise", unknown: "Unknown size" };
  return {
    teamOf,
    label(k: string): string {
      if (kind === "by_owner") return k === NO_OWNER ? "No owner" : (names.get(k) ?? "Former member");
      if (kind === "by_team") return k ? (teamNames.get(k) ?? "Team") : "No team";
      if (kind === "by_segment") return segmentNames[k] ?? k;
      return k || "No source";
    },
    drill(k: string): BreakdownRow["drill"] {
      if (kind === "by_owner") return k === NO_OWNER ? {} : { ownerId: k };
      if (kind === "by_team") return k ? { teamId: k } : {};
      if (kind === "by_segment") return { segment: k as Segment };
      return k ? { source: k } : {};
    },
  };
}
