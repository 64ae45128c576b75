import { queryRows, type Database } from "@opsdeck/db";
import { sql, type SQL } from "drizzle-orm";
import { activityFactsSql, leadFactsSql, opportunityFactsSql } from "../aggregates/facts.ts";
import { previousPeriod } from "./filters.ts";
import { day, dec, medianSql, num, ownerCondition, sellersSql, str, type InputQuery, type KpiInputs } from "./inputs.ts";

/**
 * The KPI inputs computed straight from core's tables (each query derives the facts of every live record of the
 * organization and aggregates them). Used before the aggregates are first built, by the tests to check the
 * aggregates, and by the benchmark as the baseline.
 */
export async function inputsFromBaseTables(db: Database, q: InputQuery & { timeZone: string }): Promise<KpiInputs> {
  const { from, to } = q.filters;
  const prev = previousPeriod(from, to);
  const scope = { organizationId: q.organizationId, timeZone: q.timeZone };
  const f = q.filters;
  const deals = (where: SQL) => sql`(${opportunityFactsSql(scope)}) f where ${ownerCondition(sql`f.owner_id`, q.scope)}
    ${f.source ? sql`and f.source = ${f.source}` : sql``} ${f.segment ? sql`and f.segment = ${f.segment}` : sql``} and ${where}`;
  const leads = (where: SQL) => sql`(${leadFactsSql(scope)}) f where ${ownerCondition(sql`f.owner_id`, q.scope)}
    ${f.source ? sql`and f.source = ${f.source}` : sql``} and ${where}`;
  const leadsApply = !f.segment;
  const activitiesApply = !f.segment && !f.source;

  const [closed, previousWon, pipeline, cohort, leadRows, activities, sellers] = await Promise.all([
    queryRows(db, sql`select f.closed_day as day, f.currency, count(*) filter (where f.is_won) as won_count,
        coalesce(sum(f.amount) filter (where f.is_won), 0) as won_amount, coalesce(sum(f.cycle_seconds) filter (where f.is_won), 0) as won_cycle_seconds,
        count(*) filter (where not f.is_won) as lost_count
      from ${deals(sql`f.closed_day between ${from}::date and ${to}::date`)} group by 1, 2`),
    queryRows(db, sql`select f.closed_day as day, f.currency, sum(f.amount) as won_amount
      from ${deals(sql`f.is_won and f.closed_day between ${prev.from}::date and ${prev.to}::date`)} group by 1, 2`),
    queryRows(db, sql`select f.currency, count(*) as count, sum(f.amount) as amount, sum(f.amount * f.probability / 100) as weighted
      from ${deals(sql`f.created_day <= ${to}::date and (f.closed_day is null or f.closed_day > ${to}::date)`)} group by 1`),
    queryRows(db, sql`select count(*) as r0, count(*) filter (where f.reached >= 1) as r1, count(*) filter (where f.reached >= 2) as r2,
        count(*) filter (where f.reached >= 3) as r3, count(*) filter (where f.reached >= 4) as r4, count(*) filter (where f.reached >= 5) as r5
      from ${deals(sql`f.created_day between ${from}::date and ${to}::date`)}`),
    leadsApply
      ? Promise.all([
          queryRows(db, sql`select count(*) as created from ${leads(sql`f.created_day between ${from}::date and ${to}::date`)}`),
          queryRows(db, medianSql(sql`select f.response_seconds as s, count(*) as n
            from ${leads(sql`f.created_day between ${from}::date and ${to}::date and f.response_seconds >= 0`)} group by 1`)),
        ])
      : Promise.resolve(null),
    activitiesApply
      ? queryRows(db, sql`select count(*) filter (where f.type = 'meeting' and f.prospect) as meetings,
          coalesce(sum(f.minutes) filter (where f.type in ('call', 'meeting')), 0) as minutes
        from (${activityFactsSql(scope)}) f
        where ${ownerCondition(sql`f.owner_id`, q.scope)} and f.day between ${from}::date and ${to}::date`)
      : Promise.resolve(null),
    queryRows(db, sellersSql(q)),
  ]);
  const c = cohort[0]!;
  return {
    closed: closed.map((r) => ({
      day: day(r.day),
      currency: String(r.currency),
      wonCount: num(r.won_count),
      wonAmount: dec(r.won_amount),
      wonCycleSeconds: dec(r.won_cycle_seconds),
      lostCount: num(r.lost_count),
    })),
    previousWon: previousWon.map((r) => ({ day: day(r.day), currency: String(r.currency), wonAmount: dec(r.won_amount) })),
    pipeline: pipeline.map((r) => ({ currency: String(r.currency), count: num(r.count), amount: dec(r.amount), weighted: dec(r.weighted) })),
    cohort: [num(c.r0), num(c.r1), num(c.r2), num(c.r3), num(c.r4), num(c.r5)],
    leads: leadRows && {
      created: num(leadRows[0][0]?.created),
      responded: num(leadRows[1][0]?.total),
      medianSeconds: leadRows[1][0]?.median == null ? null : str(leadRows[1][0].median),
    },
    activities: activities && {
      prospectMeetings: num(activities[0]?.meetings),
      sellingMinutes: num(activities[0]?.minutes),
      sellers: num(sellers[0]?.sellers),
    },
  };
}
