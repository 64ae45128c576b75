import { sql, type SQL } from "drizzle-orm";
import type { FactKind } from "./facts.ts";

/*
 * How a ledger row adds to each aggregate table. Removing a record's old contribution and adding its new one is
 * the same statement with the sign flipped, so an edit, a delete or a merge is applied exactly (see maintain.ts).
 */

export interface AggregateTarget {
  table: string;
  keys: readonly string[];
  measures: readonly string[];
  /** The measure that is 0 exactly when nothing contributes to a row any more (such rows are dropped). */
  rowCount: string;
  /**
   * A `select organization_id, <keys>, <measures>` over ledger rows `f` matching `where`; `from` replaces the
   * ledger with another relation of the same columns (the facts derived from core's tables).
   */
  contributions(where: SQL, from?: SQL): SQL;
}

export interface LedgerKind {
  ledger: string;
  idColumn: string;
  /** The ledger's columns, in the order the fact derivation selects them. */
  columns: readonly string[];
  targets: readonly AggregateTarget[];
}

const weighted = sql.raw(`f.amount * f.probability / 100`);

const opportunityDaily: AggregateTarget = {
  table: "opportunity_daily",
  keys: ["day", "owner_id", "source", "segment", "currency"],
  measures: [
    "created_count", "created_amount", "created_weighted",
    "closed_count", "closed_amount", "closed_weighted",
    "won_count", "won_amount", "won_cycle_seconds", "lost_count",
    "reached_1", "reached_2", "reached_3", "reached_4", "reached_5",
  ],
  rowCount: "(created_count + closed_count)",
  contributions: (where, from) => sql`
    select f.organization_id, f.created_day as day, f.owner_id, f.source, f.segment, f.currency,
      1 as created_count, f.amount as created_amount, ${weighted} as created_weighted,
      0 as closed_count, 0 as closed_amount, 0 as closed_weighted,
      0 as won_count, 0 as won_amount, 0 as won_cycle_seconds, 0 as lost_count,
      (f.reached >= 1)::int as reached_1, (f.reached >= 2)::int as reached_2, (f.reached >= 3)::int as reached_3,
      (f.reached >= 4)::int as reached_4, (f.reached >= 5)::int as reached_5
    from ${from ?? sql.raw("plugin_reporting.opportunity_facts")} f where ${where}
    union all
    select f.organization_id, f.closed_day, f.owner_id, f.source, f.segment, f.currency,
      0, 0, 0,
      1, f.amount, ${weighted},
      f.is_won::int, case when f.is_won then f.amount else 0 end, coalesce(f.cycle_seconds, 0), (not f.is_won)::int,
      0, 0, 0, 0, 0
    from ${from ?? sql.raw("plugin_reporting.opportunity_facts")} f where ${where} and f.closed_day is not null`,
};

const opportunityOpen: AggregateTarget = {
  table: "opportunity_open",
  keys: ["owner_id", "source", "segment", "currency", "stage"],
  measures: ["open_count", "open_amount", "open_weighted"],
  rowCount: "open_count",
  contributions: (where, from) => sql`
    select f.organization_id, f.owner_id, f.source, f.segment, f.currency, f.stage, 1, f.amount, ${weighted}
    from ${from ?? sql.raw("plugin_reporting.opportunity_facts")} f where ${where} and f.closed_day is null`,
};

const leadDaily: AggregateTarget = {
  table: "lead_daily",
  keys: ["day", "owner_id", "source", "response_seconds"],
  measures: ["lead_count"],
  rowCount: "lead_count",
  contributions: (where, from) => sql`
    select f.organization_id, f.created_day, f.owner_id, f.source, f.response_seconds, 1
    from ${from ?? sql.raw("plugin_reporting.lead_facts")} f where ${where}`,
};

const activityDaily: AggregateTarget = {
  table: "activity_daily",
  keys: ["day", "owner_id", "type", "prospect"],
  measures: ["activity_count", "minutes"],
  rowCount: "activity_count",
  contributions: (where, from) => sql`
    select f.organization_id, f.day, f.owner_id, f.type, f.prospect, 1, f.minutes
    from ${from ?? sql.raw("plugin_reporting.activity_facts")} f where ${where}`,
};

/**
 * The same aggregate summed over owners (`<table>_totals`): what everyone-scope questions (ops, admins, the
 * executive dashboard) read, a fraction of the per-owner rows. Rows of the per-owner target feed it.
 */
function totalsOf(target: AggregateTarget): AggregateTarget {
  const keys = target.keys.filter((k) => k !== "owner_id");
  const cols = ["organization_id", ...target.keys, ...target.measures].join(", ");
  return {
    table: `${target.table}_totals`,
    keys,
    measures: target.measures,
    rowCount: target.rowCount,
    contributions: (where, from) => sql`select organization_id, ${sql.raw([...keys, ...target.measures].join(", "))}
      from (${target.contributions(where, from)}) as o (${sql.raw(cols)})`,
  };
}

export const LEDGERS: Record<FactKind, LedgerKind> = {
  opportunity: {
    ledger: "opportunity_facts",
    idColumn: "opportunity_id",
    columns: [
      "organization_id", "opportunity_id", "owner_id", "source", "segment", "currency", "amount", "probability",
      "stage", "reached", "created_day", "closed_day", "is_won", "cycle_seconds",
    ],
    targets: [opportunityDaily, opportunityOpen, totalsOf(opportunityDaily), totalsOf(opportunityOpen)],
  },
  lead: {
    ledger: "lead_facts",
    idColumn: "lead_id",
    columns: ["organization_id", "lead_id", "owner_id", "source", "created_day", "response_seconds"],
    targets: [leadDaily, totalsOf(leadDaily)],
  },
  activity: {
    ledger: "activity_facts",
    idColumn: "activity_id",
    columns: ["organization_id", "activity_id", "owner_id", "day", "type", "prospect", "minutes"],
    targets: [activityDaily, totalsOf(activityDaily)],
  },
};

/** Adds (sign 1) or removes (sign -1) the contributions of the ledger rows matching `where`. */
export function applyContributionsSql(target: AggregateTarget, where: SQL, sign: 1 | -1): SQL {
  const keys = target.keys.join(", ");
  const cols = ["organization_id", ...target.keys, ...target.measures].join(", ");
  const sums = target.measures.map((m) => `${sign === 1 ? "" : "-"}sum(${m}) as ${m}`).join(", ");
  const updates = target.measures.map((m) => `${m} = t.${m} + excluded.${m}`).join(", ");
  return sql`insert into ${sql.raw(`plugin_reporting.${target.table}`)} as t (${sql.raw(cols)})
    select organization_id, ${sql.raw(keys)}, ${sql.raw(sums)}
    from (${target.contributions(where)}) as c (${sql.raw(cols)})
    group by organization_id, ${sql.raw(keys)}
    order by organization_id, ${sql.raw(keys)}
    on conflict (organization_id, ${sql.raw(keys)}) do update set ${sql.raw(updates)}`;
}

/** An aggregate table computed on the fly from `facts` (a relation shaped like the ledger), for answers before the first build. */
export function virtualAggregateSql(target: AggregateTarget, facts: SQL): SQL {
  const keys = target.keys.join(", ");
  const cols = ["organization_id", ...target.keys, ...target.measures].join(", ");
  const sums = target.measures.map((m) => `sum(${m}) as ${m}`).join(", ");
  return sql`(select organization_id, ${sql.raw(keys)}, ${sql.raw(sums)}
    from (${target.contributions(sql`true`, facts)}) as c (${sql.raw(cols)}) group by organization_id, ${sql.raw(keys)})`;
}
