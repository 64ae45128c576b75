import { randomUUID } from "node:crypto";
import { queryRows, type Database } from "@opsdeck/db";
import { sql, type SQL } from "drizzle-orm";
import { applyContributionsSql, LEDGERS } from "./contributions.ts";
import { factSql, type FactKind } from "./facts.ts";

/*
 * Incremental maintenance of the aggregates of one organization. Everything that changes them runs in one
 * transaction holding the organization's advisory lock, so two refreshes never count a change twice.
 *
 * - Records to re-derive go to `refresh_queue` (by event handlers and by sweeps); `drain` removes their old
 *   contribution (from the ledger), re-derives their facts from core's tables and adds the new contribution.
 * - A sweep queues what changed since the watermark (`updated_at`, with an overlap for late commits), deals
 *   whose account changed (segment), and records deleted outside the app (core.record_deletions, written by
 *   a trigger); its start becomes the "as of".
 * - A rebuild recomputes everything from scratch (first build, time zone change, after an import).
 */

export const KINDS: readonly FactKind[] = ["opportunity", "lead", "activity"];
/** Changes committed up to this long after their `updated_at` are still picked up by the next sweep. */
export const SWEEP_OVERLAP_MS = 5 * 60_000;

/** Reports progress; it gets the transaction, since on the embedded database progress must be written through it. */
export type Step = (message: string, db: Database) => Promise<void>;
const noStep: Step = async () => {};

const BASE_TABLE: Record<FactKind, string> = {
  opportunity: "core.opportunities",
  lead: "core.leads",
  activity: "core.activities",
};

async function lock(db: Database, organizationId: string) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`plugin_reporting.aggregates:${organizationId}`}))`);
}

async function organizationTimeZone(db: Database, organizationId: string): Promise<string> {
  const [row] = await queryRows<{ time_zone: string }>(db, sql`select time_zone from core.organizations where id = ${organizationId}::uuid`);
  return row?.time_zone ?? "UTC";
}

async function dbNow(db: Database): Promise<Date> {
  const [row] = await queryRows<{ now: string | Date }>(db, sql`select now() as now`);
  return new Date(row!.now);
}

/** Queues records of one kind (a `select` of their ids) to be re-derived at the next drain. */
export async function queueRecords(db: Database, organizationId: string, kind: FactKind, ids: SQL): Promise<void> {
  await db.execute(sql`insert into plugin_reporting.refresh_queue (organization_id, kind, record_id)
    select ${organizationId}::uuid, ${kind}, id from (${ids}) as q (id) where id is not null
    on conflict do nothing`);
}

// `= any(array(select …))` is evaluated once and probed through the primary key; a plain `in (select …)` over the
// never-analyzed queue table let the planner scan the whole ledger once per queued record (minutes on a large org).
const ledgerWhere = (organizationId: string, kind: FactKind, batch: string) =>
  sql`f.organization_id = ${organizationId}::uuid and f.${sql.raw(LEDGERS[kind].idColumn)} = any(array(
    select record_id from plugin_reporting.refresh_queue
    where organization_id = ${organizationId}::uuid and kind = ${kind} and batch = ${batch}::uuid))`;

/** Re-derives the queued records of one kind: old contribution out, fresh facts in, new contribution in. */
async function drainKind(db: Database, organizationId: string, timeZone: string, kind: FactKind): Promise<number> {
  const batch = randomUUID();
  const marked = await queryRows<{ n: number }>(
    db,
    sql`with m as (update plugin_reporting.refresh_queue set batch = ${batch}::uuid
      where organization_id = ${organizationId}::uuid and kind = ${kind} returning 1) select count(*)::int as n from m`,
  );
  const n = Number(marked[0]?.n ?? 0);
  if (!n) return 0;
  const spec = LEDGERS[kind];
  const where = ledgerWhere(organizationId, kind, batch);
  for (const target of spec.targets) await db.execute(applyContributionsSql(target, where, -1));
  await db.execute(sql`delete from ${sql.raw(`plugin_reporting.${spec.ledger}`)} as f where ${where}`);
  const ids = sql`select record_id from plugin_reporting.refresh_queue
    where organization_id = ${organizationId}::uuid and kind = ${kind} and batch = ${batch}::uuid`;
  await db.execute(sql`insert into ${sql.raw(`plugin_reporting.${spec.ledger}`)} (${sql.raw(spec.columns.join(", "))})
    ${factSql[kind]({ organizationId, timeZone, ids })}`);
  for (const target of spec.targets) await db.execute(applyContributionsSql(target, where, 1));
  await db.execute(sql`delete from plugin_reporting.refresh_queue where organization_id = ${organizationId}::uuid and batch = ${batch}::uuid`);
  return n;
}

async function readState(db: Database, organizationId: string) {
  const [row] = await queryRows<{ time_zone: string; built_at: string | null; watermark: string | Date | null }>(
    db,
    sql`select time_zone, built_at, watermark from plugin_reporting.metric_state where organization_id = ${organizationId}::uuid`,
  );
  return row;
}

/**
 * Applies what is queued (event handlers call this after queueing). Does nothing before the first build: the
 * build will count those records anyway.
 */
export async function drainQueue(db: Database, organizationId: string): Promise<number> {
  return db.transaction(async (tx) => {
    await lock(tx, organizationId);
    const state = await readState(tx, organizationId);
    if (!state?.built_at) return 0;
    let total = 0;
    for (const kind of KINDS) total += await drainKind(tx, organizationId, state.time_zone, kind);
    return total;
  });
}

/** Builds every aggregate of the organization from scratch. */
export async function rebuildAggregates(db: Database, organizationId: string, step: Step = noStep): Promise<{ asOf: Date }> {
  return db.transaction(async (tx) => {
    await lock(tx, organizationId);
    const asOf = await dbNow(tx);
    const timeZone = await organizationTimeZone(tx, organizationId);
    await tx.execute(sql`delete from plugin_reporting.refresh_queue where organization_id = ${organizationId}::uuid`);
    for (const kind of KINDS) {
      const spec = LEDGERS[kind];
      await step(`Building ${kind} aggregates`, tx);
      for (const target of spec.targets) {
        await tx.execute(sql`delete from ${sql.raw(`plugin_reporting.${target.table}`)} where organization_id = ${organizationId}::uuid`);
      }
      await tx.execute(sql`delete from ${sql.raw(`plugin_reporting.${spec.ledger}`)} where organization_id = ${organizationId}::uuid`);
      await tx.execute(sql`insert into ${sql.raw(`plugin_reporting.${spec.ledger}`)} (${sql.raw(spec.columns.join(", "))})
        ${factSql[kind]({ organizationId, timeZone })}`);
      for (const target of spec.targets) {
        await tx.execute(applyContributionsSql(target, sql`f.organization_id = ${organizationId}::uuid`, 1));
      }
    }
    await writeState(tx, organizationId, { timeZone, asOf, built: true });
    return { asOf };
  });
}

async function writeState(db: Database, organizationId: string, s: { timeZone: string; asOf: Date; built: boolean; durationMs?: number }) {
  const at = s.asOf.toISOString();
  await db.execute(sql`insert into plugin_reporting.metric_state (organization_id, time_zone, built_at, as_of, watermark, refresh_requested_at)
    values (${organizationId}::uuid, ${s.timeZone}, ${at}::timestamptz, ${at}::timestamptz, ${at}::timestamptz, null)
    on conflict (organization_id) do update set time_zone = excluded.time_zone, as_of = excluded.as_of,
      watermark = excluded.watermark, refresh_requested_at = null
      ${s.built ? sql`, built_at = excluded.built_at` : sql``}`);
}

/**
 * Brings the aggregates up to date: a rebuild when there are none yet or the time zone changed, else a sweep of
 * what changed since the watermark. Returns the new "as of".
 */
export async function refreshAggregates(
  db: Database,
  organizationId: string,
  step: Step = noStep,
): Promise<{ asOf: Date; mode: "rebuild" | "sweep"; records: number }> {
  const state = await readState(db, organizationId);
  const timeZone = await organizationTimeZone(db, organizationId);
  if (!state?.built_at || !state.watermark || state.time_zone !== timeZone) {
    const { asOf } = await rebuildAggregates(db, organizationId, step);
    return { asOf, mode: "rebuild", records: -1 };
  }
  return db.transaction(async (tx) => {
    await lock(tx, organizationId);
    const asOf = await dbNow(tx);
    const since = new Date(new Date(state.watermark!).getTime() - SWEEP_OVERLAP_MS).toISOString();
    const org = sql`${organizationId}::uuid`;
    await step("Looking for changes", tx);
    for (const kind of KINDS) {
      const base = sql.raw(BASE_TABLE[kind]);
      await queueRecords(tx, organizationId, kind, sql`select id from ${base} where organization_id = ${org} and updated_at >= ${since}::timestamptz`);
      // Records deleted by SQL or a cascade (the app soft-deletes, which bumps updated_at): core's tombstones.
      await queueRecords(
        tx,
        organizationId,
        kind,
        sql`select record_id from core.record_deletions
          where organization_id = ${org} and entity = ${BASE_TABLE[kind].slice("core.".length)} and deleted_at >= ${since}::timestamptz`,
      );
    }
    // A deal's segment follows its account's size.
    await queueRecords(
      tx,
      organizationId,
      "opportunity",
      sql`select o.id from core.opportunities o join core.accounts a on a.id = o.account_id
        where o.organization_id = ${org} and a.organization_id = ${org} and a.updated_at >= ${since}::timestamptz`,
    );
    let records = 0;
    for (const kind of KINDS) {
      await step(`Updating ${kind} aggregates`, tx);
      records += await drainKind(tx, organizationId, timeZone, kind);
    }
    for (const kind of KINDS) {
      for (const target of LEDGERS[kind].targets) {
        await tx.execute(sql`delete from ${sql.raw(`plugin_reporting.${target.table}`)}
          where organization_id = ${org} and ${sql.raw(target.rowCount)} = 0`);
      }
    }
    await writeState(tx, organizationId, { timeZone, asOf, built: false });
    return { asOf, mode: "sweep" as const, records };
  });
}
