import { MoneyDecimal, OpsdeckError, sumMoney } from "@opsdeck/core";
import { queryRows } from "@opsdeck/db";
import { sql } from "drizzle-orm";
import type { ReportsContext } from "../reports/context.ts";
import { teamMemberIds, visibleOwnerIds } from "../reports/visibility.ts";
import { orgAmountSql } from "./money-sql.ts";
import { quarterOf, todayUtc } from "./periods.ts";

export interface ForecastCall {
  commit: string;
  bestCase: string;
  pipeline: string;
  submittedAt: Date;
  note: string | null;
}

export interface RollupRow {
  userId: string;
  name: string;
  role: string;
  /** The person's latest own call for the quarter (on or before `asOf`). */
  call: ForecastCall | null;
  /** Live numbers from the CRM: won so far in the quarter, and open pipeline closing in it. */
  wonToDate: string;
  openPipeline: string;
}

export interface ForecastRollup {
  period: { name: string; startsOn: string; endsOn: string };
  currency: string;
  managerId: string | null;
  rows: RollupRow[];
  /** Sum of the own calls of everyone listed. */
  total: { commit: string; bestCase: string; pipeline: string; wonToDate: string; openPipeline: string };
  /** The manager's own call for the team, when they made one. */
  managerCall: ForecastCall | null;
}

type CallRow = { user_id: string; commit: string; best_case: string; pipeline: string; submitted_at: Date | string; note: string | null };

const toCall = (r: CallRow | undefined): ForecastCall | null =>
  r ? { commit: r.commit, bestCase: r.best_case, pipeline: r.pipeline, submittedAt: new Date(r.submitted_at), note: r.note } : null;

const ids = (list: string[]) => sql`(select value::uuid from json_array_elements_text(${JSON.stringify(list)}::json))`;

/** Latest call per user for a quarter, submitted on or before `before` (exclusive). */
export async function latestCalls(ctx: ReportsContext, input: { periodStart: string; userIds: string[]; scope: "self" | "team"; before: Date }) {
  if (!input.userIds.length) return new Map<string, CallRow>();
  const rows = await queryRows<CallRow>(
    ctx.tenant.db,
    sql`select distinct on (user_id) user_id::text as user_id, commit::text as commit, best_case::text as best_case, pipeline::text as pipeline, submitted_at, note
        from plugin_reporting.forecast_submissions
        where organization_id = ${ctx.tenant.organizationId}::uuid and period_start = ${input.periodStart}::date and scope = ${input.scope}
          and user_id in ${ids(input.userIds)} and submitted_at < ${input.before.toISOString()}::timestamptz
        order by user_id, submitted_at desc`,
  );
  return new Map(rows.map((r) => [r.user_id, r]));
}

/**
 * The forecast roll-up of a quarter: a rep sees their own line; a manager sees each member of their team
 * with their call and live numbers, the sum, and their own call for the team; owner/admin/ops pick a
 * manager (`managerId`) or see everyone.
 */
export async function forecastRollup(ctx: ReportsContext, input: { day?: string; managerId?: string; asOf?: Date } = {}): Promise<ForecastRollup> {
  const asOf = input.asOf ?? new Date();
  const quarter = quarterOf(input.day ?? todayUtc(asOf), ctx.organization.fiscalYearStartMonth);
  const visible = await visibleOwnerIds(ctx.tenant);
  let managerId: string | null = null;
  let people: string[];
  if (input.managerId) {
    if (visible !== null && input.managerId !== ctx.tenant.actorUserId) throw new OpsdeckError("FORBIDDEN", "You may only see your own team's forecast.");
    managerId = input.managerId;
    people = [managerId, ...(await teamMemberIds(ctx.tenant, managerId))];
  } else if (visible !== null) {
    people = visible;
    managerId = ctx.tenant.role === "manager" ? ctx.tenant.actorUserId : null;
  } else {
    people = (
      await queryRows<{ id: string }>(
        ctx.tenant.db,
        sql`select user_id::text as id from core.memberships where organization_id = ${ctx.tenant.organizationId}::uuid
            and role in ('manager','rep') and deactivated_at is null order by user_id`,
      )
    ).map((r) => r.id);
  }
  const people_ = people.length ? people : ["00000000-0000-0000-0000-000000000000"];
  const org = ctx.tenant.organizationId;
  const converted = orgAmountSql({ amount: "o.amount", currency: "o.currency", orgCurrency: ctx.organization.currency, organizationId: org, day: sql`coalesce(o.closed_at::date, current_date)` });
  const [members, calls, teamCalls, live] = await Promise.all([
    queryRows<{ id: string; name: string; role: string }>(
      ctx.tenant.db,
      sql`select u.id::text as id, u.name, m.role from core.users u join core.memberships m on m.user_id = u.id and m.organization_id = ${org}::uuid
          where u.id in ${ids(people_)} order by (m.role = 'manager') desc, u.name`,
    ),
    latestCalls(ctx, { periodStart: quarter.startsOn, userIds: people_, scope: "self", before: asOf }),
    managerId ? latestCalls(ctx, { periodStart: quarter.startsOn, userIds: [managerId], scope: "team", before: asOf }) : Promise.resolve(new Map<string, CallRow>()),
    queryRows<{ owner_id: string; won: string | null; open: string | null }>(
      ctx.tenant.db,
      sql`select o.owner_id::text as owner_id,
            sum(case when o.is_won and o.closed_at >= ${quarter.startsOn}::date and o.closed_at < ${quarter.endsOn}::date + 1 and o.closed_at < ${asOf.toISOString()}::timestamptz then ${converted} end)::text as won,
            sum(case when not o.is_closed and o.close_date between ${quarter.startsOn}::date and ${quarter.endsOn}::date then ${converted} end)::text as open
          from core.opportunities o
          where o.organization_id = ${org}::uuid and o.deleted_at is null and o.owner_id in ${ids(people_)}
          group by o.owner_id`,
    ),
  ]);
  const liveOf = new Map(live.map((r) => [r.owner_id, r]));
  const round = (v: string | null | undefined) => new MoneyDecimal(v ?? 0).toFixed(2, MoneyDecimal.ROUND_HALF_EVEN);
  const rows: RollupRow[] = members.map((m) => ({
    userId: m.id,
    name: m.name,
    role: m.role,
    call: toCall(calls.get(m.id)),
    wonToDate: round(liveOf.get(m.id)?.won),
    openPipeline: round(liveOf.get(m.id)?.open),
  }));
  const sum = (pick: (r: RollupRow) => string | null | undefined) => sumMoney(rows.map(pick)).toFixed(2);
  return {
    period: { name: quarter.name, startsOn: quarter.startsOn, endsOn: quarter.endsOn },
    currency: ctx.organization.currency,
    managerId,
    rows,
    total: {
      commit: sum((r) => r.call?.commit),
      bestCase: sum((r) => r.call?.bestCase),
      pipeline: sum((r) => r.call?.pipeline),
      wonToDate: sum((r) => r.wonToDate),
      openPipeline: sum((r) => r.openPipeline),
    },
    managerCall: managerId ? toCall(teamCalls.get(managerId)) : null,
  };
}
