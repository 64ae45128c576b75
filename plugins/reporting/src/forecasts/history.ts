import { MoneyDecimal } from "@opsdeck/core";
import { queryRows } from "@opsdeck/db";
import { sql } from "drizzle-orm";
import { snapshotWeekday, type ReportsContext } from "../reports/context.ts";
import { ownerFilter, visibleOwnerIds } from "../reports/visibility.ts";
import { forecastCutoff } from "./forecast-at-cutoff.ts";
import { orgAmountSql } from "./money-sql.ts";
import { addDaysIso, quarterOf, todayUtc, weekStarts } from "./periods.ts";

export interface HistoryWeek {
  weekStart: string;
  /** Sum of the latest own calls of the people in view, as of the week's end. */
  commit: string;
  bestCase: string;
  /** Open pipeline closing in the quarter in that week's snapshot (null: no snapshot that week). */
  snapshotPipeline: string | null;
  /** Closed won in the quarter by the week's end. */
  wonToDate: string;
  calls: number;
}

export interface ForecastHistory {
  period: { name: string; startsOn: string; endsOn: string };
  currency: string;
  cutoffAt: Date;
  weeks: HistoryWeek[];
}

/** Week by week for a quarter: the forecast calls, the snapshot pipeline and what was won, for the people the member may see. */
export async function forecastHistory(ctx: ReportsContext, input: { day?: string; now?: Date } = {}): Promise<ForecastHistory> {
  const now = input.now ?? new Date();
  const quarter = quarterOf(input.day ?? todayUtc(now), ctx.organization.fiscalYearStartMonth);
  const org = ctx.tenant.organizationId;
  const owners = await visibleOwnerIds(ctx.tenant);
  const last = todayUtc(now) < quarter.endsOn ? todayUtc(now) : quarter.endsOn;
  const weeks = weekStarts(quarter.startsOn, last, snapshotWeekday(ctx));
  const converted = orgAmountSql({ amount: "o.amount", currency: "o.currency", orgCurrency: ctx.organization.currency, organizationId: org, day: sql`o.closed_at::date` });
  const out: HistoryWeek[] = [];
  for (const week of weeks) {
    const weekEnd = `${addDaysIso(week, 7)}T00:00:00Z`;
    const [calls, snap, won] = await Promise.all([
      queryRows<{ commit: string | null; best: string | null; n: number | string }>(
        ctx.tenant.db,
        sql`select sum(commit)::text as commit, sum(best_case)::text as best, count(*) as n from (
              select distinct on (user_id) user_id, commit, best_case from plugin_reporting.forecast_submissions
              where organization_id = ${org}::uuid and period_start = ${quarter.startsOn}::date and scope = 'self'
                and submitted_at < ${weekEnd}::timestamptz and ${ownerFilter("user_id", owners)}
              order by user_id, submitted_at desc) c`,
      ),
      queryRows<{ pipeline: string | null; has: boolean }>(
        ctx.tenant.db,
        sql`select (select sum(r.amount_org) from plugin_reporting.pipeline_snapshot_rows r
                    where r.snapshot_id = s.id and r.organization_id = ${org}::uuid
                      and r.close_date between ${quarter.startsOn}::date and ${quarter.endsOn}::date and ${ownerFilter("r.owner_id", owners)})::text as pipeline, true as has
            from plugin_reporting.pipeline_snapshots s where s.organization_id = ${org}::uuid and s.taken_on = ${week}::date`,
      ),
      queryRows<{ won: string | null }>(
        ctx.tenant.db,
        sql`select sum(${converted})::text as won from core.opportunities o
            where o.organization_id = ${org}::uuid and o.deleted_at is null and o.is_won
              and o.closed_at >= ${quarter.startsOn}::date and o.closed_at < ${weekEnd}::timestamptz and o.closed_at < ${quarter.endsOn}::date + 1
              and ${ownerFilter("o.owner_id", owners)}`,
      ),
    ]);
    const fixed = (v: string | null | undefined) => new MoneyDecimal(v ?? 0).toFixed(2, MoneyDecimal.ROUND_HALF_EVEN);
    out.push({
      weekStart: week,
      commit: fixed(calls[0]?.commit),
      bestCase: fixed(calls[0]?.best),
      calls: Number(calls[0]?.n ?? 0),
      snapshotPipeline: snap[0]?.has ? fixed(snap[0].pipeline) : null,
      wonToDate: fixed(won[0]?.won),
    });
  }
  return { period: quarter, currency: ctx.organization.currency, cutoffAt: forecastCutoff(quarter.startsOn), weeks: out };
}
