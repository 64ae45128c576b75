import { queryRows, type Database } from "@opsdeck/db";
import { sql, type SQL } from "drizzle-orm";
import { previousPeriod } from "./filters.ts";
import { day, dec, medianSql, num, ownerCondition, sellersSql, str, type InputQuery, type KpiInputs } from "./inputs.ts";

/** Conditions on an opportunity aggregate row (alias-free: the aggregate tables share column names). */
function dealWhere(q: InputQuery): SQL {
  const f = q.filters;
  return sql`organization_id = ${q.organizationId}::uuid and ${ownerCondition(sql`owner_id`, q.scope)}
    ${f.source ? sql`and source = ${f.source}` : sql``} ${f.segment ? sql`and segment = ${f.segment}` : sql``}`;
}

/**
 * The aggregate table for a question: the per-owner rows when the scope is some people, the totals (summed
 * over owners, far fewer rows) when it is everyone — then the owner condition is `true` and never names owner_id.
 */
export function aggregateTable(name: "opportunity_daily" | "opportunity_open" | "lead_daily" | "activity_daily", q: Pick<InputQuery, "scope">): SQL {
  return sql.raw(`plugin_reporting.${name}${q.scope.ownerIds === null ? "_totals" : ""}`);
}

/** The KPI inputs from the aggregates: a few small grouped reads, no scan of core's tables. */
export async function inputsFromAggregates(db: Database, q: InputQuery): Promise<KpiInputs> {
  const { from, to } = q.filters;
  const prev = previousPeriod(from, to);
  const deals = dealWhere(q);
  const leadsApply = !q.filters.segment;
  const activitiesApply = !q.filters.segment && !q.filters.source;
  const people = sql`organization_id = ${q.organizationId}::uuid and ${ownerCondition(sql`owner_id`, q.scope)}`;

  const daily = aggregateTable("opportunity_daily", q);
  const open = aggregateTable("opportunity_open", q);
  const leadTable = aggregateTable("lead_daily", q);
  const activityTable = aggregateTable("activity_daily", q);
  const [closed, previousWon, pipeline, cohort, leads, activities, sellers] = await Promise.all([
    queryRows(db, sql`select day, currency, sum(won_count) as won_count, sum(won_amount) as won_amount,
        sum(won_cycle_seconds) as won_cycle_seconds, sum(lost_count) as lost_count
      from ${daily} where ${deals} and day between ${from}::date and ${to}::date
      group by day, currency having sum(closed_count) > 0`),
    queryRows(db, sql`select day, currency, sum(won_amount) as won_amount
      from ${daily} where ${deals} and day between ${prev.from}::date and ${prev.to}::date
      group by day, currency having sum(won_count) > 0`),
    // Open at the end of `to` = open now − (created − closed) after `to`.
    queryRows(db, sql`select currency, sum(c) as count, sum(a) as amount, sum(w) as weighted from (
        select currency, open_count as c, open_amount as a, open_weighted as w from ${open} where ${deals}
        union all
        select currency, closed_count - created_count, closed_amount - created_amount, closed_weighted - created_weighted
        from ${daily} where ${deals} and day > ${to}::date
      ) p group by currency`),
    queryRows(db, sql`select coalesce(sum(created_count), 0) as r0, coalesce(sum(reached_1), 0) as r1, coalesce(sum(reached_2), 0) as r2,
        coalesce(sum(reached_3), 0) as r3, coalesce(sum(reached_4), 0) as r4, coalesce(sum(reached_5), 0) as r5
      from ${daily} where ${deals} and day between ${from}::date and ${to}::date`),
    leadsApply
      ? Promise.all([
          queryRows(db, sql`select coalesce(sum(lead_count), 0) as created from ${leadTable}
            where ${people} ${q.filters.source ? sql`and source = ${q.filters.source}` : sql``} and day between ${from}::date and ${to}::date`),
          queryRows(db, medianSql(sql`select response_seconds as s, sum(lead_count) as n from ${leadTable}
            where ${people} ${q.filters.source ? sql`and source = ${q.filters.source}` : sql``}
              and day between ${from}::date and ${to}::date and response_seconds >= 0 group by response_seconds`)),
        ])
      : Promise.resolve(null),
    activitiesApply
      ? queryRows(db, sql`select coalesce(sum(activity_count) filter (where type = 'meeting' and prospect), 0) as meetings,
          coalesce(sum(minutes) filter (where type in ('call', 'meeting')), 0) as minutes
        from ${activityTable} where ${people} and day between ${from}::date and ${to}::date`)
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
    pipeline: pipeline
      .map((r) => ({ currency: String(r.currency), count: num(r.count), amount: dec(r.amount), weighted: dec(r.weighted) }))
      .filter((r) => r.count !== 0),
    cohort: [num(c.r0), num(c.r1), num(c.r2), num(c.r3), num(c.r4), num(c.r5)],
    leads: leads && {
      created: num(leads[0][0]?.created),
      responded: num(leads[1][0]?.total),
      medianSeconds: leads[1][0]?.median == null ? null : str(leads[1][0].median),
    },
    activities: activities && {
      prospectMeetings: num(activities[0]?.meetings),
      sellingMinutes: num(activities[0]?.minutes),
      sellers: num(sellers[0]?.sellers),
    },
  };
}
