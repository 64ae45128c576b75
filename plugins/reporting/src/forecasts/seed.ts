import { queryRows } from "@opsdeck/db";
import type { SeedScale } from "@opsdeck/plugin-sdk";
import { sql, type SQL } from "drizzle-orm";
import { snapshotWeekday, type ReportsContext } from "../reports/context.ts";
import { orgAmountSql } from "./money-sql.ts";
import { addDaysIso, previousQuarter, quarterOf, weekStarts } from "./periods.ts";
import { createSnapshot } from "./snapshots.ts";

/** How many days earlier a seeded deal's close date may have been (it slipped out over time). */
const SLIP_DAYS = 45;

/** A stable 0…2^31 number per text, for deterministic variation in SQL. */
const hash = (expr: string) => sql.raw(`abs(('x' || substr(md5(${expr}), 1, 8))::bit(32)::int)`);

/**
 * The open pipeline as it stood at the end of `day`, rebuilt from core's opportunities (which keep no
 * history): a deal open then is shown in the stage its progress through its life suggests (never past
 * where it ended), a fifth of deals had an earlier close date that slipped out as time went on, and a
 * seventh were 10% bigger early on. Deterministic: variation comes from a hash of the deal's id.
 */
export function pipelineAsOf(organizationId: string, day: string, asOf: string, closingIn?: { from: string; to: string }): SQL {
  const end = sql`(${day}::date + 1)::timestamptz`;
  // Only deals that can close in [from, to] as of `day`: an earlier close date is at most SLIP_DAYS before today's.
  const closing = closingIn ? sql` and o.close_date between ${closingIn.from}::date and ${closingIn.to}::date + ${sql.raw(String(SLIP_DAYS))}` : sql``;
  // Per row: one hash, and the share of the deal's life gone by `day` in double precision (numeric division
  // over ~100k rows a week was most of the seed's time).
  return sql`select x.id as opportunity_id, x.owner_id,
      (array['prospecting','qualification','needs_analysis','proposal','negotiation'])[1 + x.at] as stage,
      (array[10,20,40,60,80])[1 + x.at]::smallint as probability,
      case when x.h % 7 = 0 then round(x.amount * (1 + 0.1 * (1 - x.p))::numeric, 2) else x.amount end as amount,
      x.currency,
      case when x.h % 5 = 0 then x.close_date - round(${sql.raw(String(SLIP_DAYS))} * (1 - x.p))::int else x.close_date end as close_date
    from (select y.*, least(y.fs, floor(y.p * (y.fs + 1))::int) as at
      from (select o.id, o.owner_id, o.amount, o.currency, o.close_date, hv.h,
              case o.stage when 'prospecting' then 0 when 'qualification' then 1 when 'needs_analysis' then 2 when 'proposal' then 3
                when 'negotiation' then 4 when 'closed_won' then 4 else hv.h % 5 end as fs,
              least(1.0, greatest(0.0, coalesce(date_part('epoch', ${end} - o.created_at)
                / nullif(date_part('epoch', coalesce(o.closed_at, ${asOf}::timestamptz) - o.created_at), 0), 0))) as p
            from core.opportunities o cross join lateral (select ${hash("o.id::text")} as h) hv
            where o.organization_id = ${organizationId}::uuid and o.deleted_at is null
              and o.created_at < ${end} and (o.closed_at is null or o.closed_at >= ${end})${closing}) y) x`;
}

/**
 * At large scale (~120k open deals, so ~120k rows a snapshot) only the latest weeks keep a stored snapshot —
 * enough for a month of pipeline movement — while calls cover every week, so history and forecast accuracy do.
 */
const LARGE_STORED_WEEKS = 6;

/** Weeks of history the demo gets: the previous and the current quarter (the large scale only the current one and 4 weeks before). */
function historyStart(scale: SeedScale, asOfDay: string, startMonth: number): string {
  const current = quarterOf(asOfDay, startMonth);
  return scale === "large" ? addDaysIso(current.startsOn, -28) : previousQuarter(current, startMonth).startsOn;
}

/**
 * The plugin's demo data: weekly pipeline snapshots and everyone's weekly forecast calls, derived from
 * core's seeded opportunities so accuracy and movement can be shown for past weeks. Runs once (skips an
 * organization that already has snapshots).
 */
export async function seedForecasts(ctx: ReportsContext, scale: SeedScale): Promise<{ snapshots: number; submissions: number }> {
  const org = ctx.tenant.organizationId;
  const db = ctx.tenant.db;
  const [existing] = await queryRows<{ n: number | string }>(db, sql`select count(*) as n from plugin_reporting.pipeline_snapshots where organization_id = ${org}::uuid`);
  if (Number(existing?.n ?? 0) > 0) return { snapshots: 0, submissions: 0 };
  // Core's seed dates nothing on or after its as-of day: take the day after the latest event.
  const [last] = await queryRows<{ day: string | null }>(
    db,
    sql`select (max(greatest(created_at, coalesce(closed_at, created_at))))::date::text as day from core.opportunities where organization_id = ${org}::uuid`,
  );
  if (!last?.day) return { snapshots: 0, submissions: 0 };
  const asOf = addDaysIso(last.day, 1);
  const startMonth = ctx.organization.fiscalYearStartMonth;
  const days = weekStarts(historyStart(scale, last.day, startMonth), last.day, snapshotWeekday(ctx));
  let submissions = 0;
  let snapshots = 0;
  for (const [i, day] of days.entries()) {
    const pipeline = pipelineAsOf(org, day, asOf);
    let source: SQL;
    if (scale !== "large" || i >= days.length - LARGE_STORED_WEEKS) {
      const { snapshot } = await createSnapshot(ctx, day, pipeline, new Date(`${day}T06:00:00Z`));
      snapshots += 1;
      source = sql`select owner_id, probability, close_date, amount_org from plugin_reporting.pipeline_snapshot_rows where snapshot_id = ${snapshot.id}::uuid`;
    } else {
      // An older week at large scale: the calls are made from that week's pipeline without storing it (and
      // only the deals that may close in the quarter are built).
      const q = quarterOf(day, startMonth);
      const closingPipeline = pipelineAsOf(org, day, asOf, { from: q.startsOn, to: q.endsOn });
      const amountOrg = orgAmountSql({ amount: "src.amount", currency: "src.currency", orgCurrency: ctx.organization.currency, organizationId: org, day });
      source = sql`select src.owner_id, src.probability, src.close_date, ${amountOrg} as amount_org from (${closingPipeline}) src`;
    }
    submissions += await seedCalls(ctx, source, day, quarterOf(day, startMonth));
  }
  return { snapshots, submissions };
}

/**
 * Each owner's call for the week from that week's pipeline (`source`: owner_id, probability, close_date,
 * amount_org), and each team manager's call an hour later.
 */
async function seedCalls(ctx: ReportsContext, source: SQL, day: string, q: { name: string; startsOn: string; endsOn: string }): Promise<number> {
  const org = ctx.tenant.organizationId;
  const won = orgAmountSql({ amount: "o.amount", currency: "o.currency", orgCurrency: ctx.organization.currency, organizationId: org, day: sql`o.closed_at::date` });
  const end = sql`(${day}::date + 1)::timestamptz`;
  const self = await queryRows<{ n: number }>(
    ctx.tenant.db,
    sql`with pipe as (
          select r.owner_id, sum(r.amount_org) filter (where r.probability >= 60) as c, sum(r.amount_org) filter (where r.probability = 40) as b, sum(r.amount_org) as p
          from (${source}) r
          where r.owner_id is not null and r.close_date between ${q.startsOn}::date and ${q.endsOn}::date
          group by r.owner_id),
        won as (
          select o.owner_id, sum(${won}) as w from core.opportunities o
          where o.organization_id = ${org}::uuid and o.deleted_at is null and o.is_won and o.owner_id is not null
            and o.closed_at >= ${q.startsOn}::date and o.closed_at < ${end}
          group by o.owner_id),
        calls as (
          select coalesce(pipe.owner_id, won.owner_id) as owner_id, coalesce(won.w, 0) as w, coalesce(pipe.c, 0) as c, coalesce(pipe.b, 0) as b, coalesce(pipe.p, 0) as p,
                 0.85 + (${hash(`coalesce(pipe.owner_id, won.owner_id)::text || '${day}'`)} % 31) / 100.0 as f
          from pipe full join won on won.owner_id = pipe.owner_id)
        insert into plugin_reporting.forecast_submissions
          (organization_id, user_id, scope, period_start, period_end, period_name, week_start, commit, best_case, pipeline, currency, submitted_at)
        select ${org}::uuid, calls.owner_id, 'self', ${q.startsOn}::date, ${q.endsOn}::date, ${q.name}, ${day}::date,
               round(least(calls.w + calls.c * calls.f, calls.w + calls.c + calls.b * 0.6), 2), round(calls.w + calls.c + calls.b * 0.6, 2), round(calls.p, 2),
               ${ctx.organization.currency}, ${day}::date + time '15:00' + (${hash("calls.owner_id::text")} % 120) * interval '1 minute'
        from calls join core.memberships m on m.user_id = calls.owner_id and m.organization_id = ${org}::uuid
        where m.role in ('rep', 'manager') and (m.deactivated_at is null or m.deactivated_at > ${end})
        returning 1 as n`,
  );
  const team = await queryRows<{ n: number }>(
    ctx.tenant.db,
    sql`insert into plugin_reporting.forecast_submissions
          (organization_id, user_id, scope, period_start, period_end, period_name, week_start, commit, best_case, pipeline, currency, submitted_at)
        select ${org}::uuid, t.manager_user_id, 'team', ${q.startsOn}::date, ${q.endsOn}::date, ${q.name}, ${day}::date,
               least(round(sum(s.commit) * (0.9 + (${hash(`t.manager_user_id::text || '${day}'`)} % 16) / 100.0), 2), sum(s.best_case)), sum(s.best_case), sum(s.pipeline),
               ${ctx.organization.currency}, ${day}::date + time '18:00'
        from core.teams t
        join core.memberships m on m.team_id = t.id and m.organization_id = ${org}::uuid
        join plugin_reporting.forecast_submissions s on s.user_id = m.user_id and s.organization_id = ${org}::uuid
          and s.scope = 'self' and s.week_start = ${day}::date and s.period_start = ${q.startsOn}::date
        where t.organization_id = ${org}::uuid and t.manager_user_id is not null
        group by t.id, t.manager_user_id
        returning 1 as n`,
  );
  return self.length + team.length;
}
