import { MoneyDecimal, type TenantContext } from "@opsdeck/core";
import { queryRows } from "@opsdeck/db";
import { sql } from "drizzle-orm";
import { addDaysIso } from "./periods.ts";

/** Days into the period at whose start the forecast is frozen: the calls made in the first four weeks count. */
export const FORECAST_CUTOFF_DAYS = 28;

/** The fixed cut-off of a period: 00:00 UTC of day 29 (the end of the period's fourth week). */
export function forecastCutoff(periodStart: string): Date {
  return new Date(`${addDaysIso(periodStart, FORECAST_CUTOFF_DAYS)}T00:00:00Z`);
}

export type ForecastScope = { ownerIds: string[] } | { teamId: string } | { org: true };

export interface ForecastAtCutoff {
  cutoffAt: Date;
  /** The forecast (commit) in the organization's currency, 2 decimals; null when nobody had submitted by the cut-off. */
  amount: string | null;
  /** How many calls were summed. */
  submissions: number;
  /** `manager_call`: the team manager's call; `rollup`: the sum of people's own calls; `mixed` for the organization. */
  source: "manager_call" | "rollup" | "mixed" | "none";
}

const ids = (list: string[]) => sql`(select value::uuid from json_array_elements_text(${JSON.stringify(list)}::json))`;

/**
 * The forecast of a period as it stood at the fixed cut-off (`forecastCutoff`): the commit of the latest
 * call each person made for that period before the cut-off. The period is matched by its start day.
 * - `ownerIds`: the sum of those people's own calls.
 * - `teamId`: the team manager's team call when they made one, else the sum of the members' own calls.
 * - `org`: per team as above, plus own calls of people in no team.
 * Used by the dashboards' `forecast_accuracy` = 1 − |forecast − actual| / actual.
 */
export async function forecastAtCutoff(
  ctx: TenantContext,
  input: { periodStart: string; periodEnd: string } & ForecastScope,
): Promise<ForecastAtCutoff> {
  const cutoffAt = forecastCutoff(input.periodStart);
  const org = ctx.organizationId;
  const latest = (scope: "self" | "team") => sql`(select distinct on (user_id) user_id, commit from plugin_reporting.forecast_submissions
      where organization_id = ${org}::uuid and period_start = ${input.periodStart}::date and period_end = ${input.periodEnd}::date
        and scope = ${scope} and submitted_at < ${cutoffAt.toISOString()}::timestamptz
      order by user_id, submitted_at desc)`;
  let rows: { source: string; amount: string | null; n: number | string }[];
  if ("ownerIds" in input) {
    rows = await queryRows(ctx.db, sql`select 'rollup' as source, sum(commit)::text as amount, count(*) as n from ${latest("self")} s where s.user_id in ${ids(input.ownerIds.length ? input.ownerIds : [org])}`);
  } else {
    const teamFilter = "teamId" in input ? sql`t.id = ${input.teamId}::uuid` : sql`true`;
    // Per team: the manager's call if any, else the members' own calls. Then people in no team (org only).
    rows = await queryRows(
      ctx.db,
      sql`with teams_ as (select t.id, t.manager_user_id from core.teams t where t.organization_id = ${org}::uuid and ${teamFilter}),
          self_ as ${latest("self")}, team_ as ${latest("team")},
          per_team as (
            select tm.id,
              (select tc.commit from team_ tc where tc.user_id = tm.manager_user_id) as manager_call,
              (select sum(s.commit) from self_ s join core.memberships m on m.user_id = s.user_id and m.organization_id = ${org}::uuid where m.team_id = tm.id) as members_sum,
              (select count(*) from self_ s join core.memberships m on m.user_id = s.user_id and m.organization_id = ${org}::uuid where m.team_id = tm.id) as members_n
            from teams_ tm)
          select case when manager_call is not null then 'manager_call' else 'rollup' end as source,
                 coalesce(manager_call, members_sum)::text as amount,
                 case when manager_call is not null then 1 else members_n end as n
          from per_team
          ${"org" in input ? sql`union all select 'rollup', sum(s.commit)::text, count(*) from self_ s join core.memberships m on m.user_id = s.user_id and m.organization_id = ${org}::uuid where m.team_id is null` : sql``}`,
    );
  }
  const counted = rows.filter((r) => r.amount !== null);
  const submissions = counted.reduce((n, r) => n + Number(r.n), 0);
  if (!submissions) return { cutoffAt, amount: null, submissions: 0, source: "none" };
  const amount = counted.reduce((total, r) => total.plus(r.amount!), new MoneyDecimal(0));
  const sources = new Set(counted.map((r) => r.source));
  return {
    cutoffAt,
    amount: amount.toFixed(2, MoneyDecimal.ROUND_HALF_EVEN),
    submissions,
    source: sources.size > 1 ? "mixed" : (sources.values().next().value as ForecastAtCutoff["source"]),
  };
}
