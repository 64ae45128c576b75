import { queryRows, toCount } from "@opsdeck/db";
import { sql, type SQL } from "drizzle-orm";
import type { ReportsContext } from "../reports/context.ts";
import { orgAmountSql } from "./money-sql.ts";
import { todayUtc, weekStartOf } from "./periods.ts";
import { snapshotWeekday } from "../reports/context.ts";

export interface SnapshotInfo {
  id: string;
  takenOn: string;
  takenAt: Date;
  rowCount: number;
}

/**
 * Creates the snapshot of a day unless it exists, filling its rows with one SELECT. `rows` is the body of a
 * SELECT producing (opportunity_id, owner_id, stage, probability, amount, currency, close_date) — the live
 * pipeline by default. Returns the snapshot and whether this call made it (idempotent per day).
 */
export async function createSnapshot(ctx: ReportsContext, takenOn: string, rows?: SQL, takenAt = new Date()): Promise<{ snapshot: SnapshotInfo; created: boolean }> {
  const org = ctx.tenant.organizationId;
  return ctx.tenant.db.transaction(async (tx) => {
    const [made] = await queryRows<{ id: string }>(
      tx,
      sql`insert into plugin_reporting.pipeline_snapshots (organization_id, taken_on, taken_at, currency)
          values (${org}::uuid, ${takenOn}::date, ${takenAt.toISOString()}::timestamptz, ${ctx.organization.currency})
          on conflict (organization_id, taken_on) do nothing returning id::text as id`,
    );
    if (made) {
      const source = rows ?? liveOpenPipeline(org);
      const amountOrg = orgAmountSql({ amount: "src.amount", currency: "src.currency", orgCurrency: ctx.organization.currency, organizationId: org, day: takenOn });
      await tx.execute(sql`insert into plugin_reporting.pipeline_snapshot_rows
          (organization_id, snapshot_id, opportunity_id, owner_id, stage, probability, amount, currency, amount_org, close_date)
          select ${org}::uuid, ${made.id}::uuid, src.opportunity_id, src.owner_id, src.stage, src.probability, src.amount, src.currency, ${amountOrg}, src.close_date
          from (${source}) src`);
      await tx.execute(sql`update plugin_reporting.pipeline_snapshots set row_count =
          (select count(*) from plugin_reporting.pipeline_snapshot_rows where snapshot_id = ${made.id}::uuid) where id = ${made.id}::uuid`);
    }
    const [row] = await queryRows<{ id: string; taken_on: string; taken_at: Date | string; row_count: number | string }>(
      tx,
      sql`select id::text as id, taken_on::text as taken_on, taken_at, row_count from plugin_reporting.pipeline_snapshots
          where organization_id = ${org}::uuid and taken_on = ${takenOn}::date`,
    );
    return { snapshot: { id: row!.id, takenOn: row!.taken_on, takenAt: new Date(row!.taken_at), rowCount: toCount(row!.row_count) }, created: Boolean(made) };
  });
}

/** The open pipeline now: every live, open opportunity. */
export function liveOpenPipeline(organizationId: string): SQL {
  return sql`select o.id as opportunity_id, o.owner_id, o.stage, o.probability, o.amount, o.currency, o.close_date
    from core.opportunities o where o.organization_id = ${organizationId}::uuid and o.deleted_at is null and not o.is_closed`;
}

/**
 * The weekly snapshot: taken for the week's snapshot day (setting `snapshotWeekday`) the first time this
 * runs on or after it. Safe to run any number of times.
 */
export async function takeWeeklySnapshot(ctx: ReportsContext, now = new Date()) {
  const takenOn = weekStartOf(todayUtc(now), snapshotWeekday(ctx));
  return createSnapshot(ctx, takenOn, undefined, now);
}

/** The organization's snapshots, newest first. */
export async function listSnapshots(ctx: ReportsContext, limit = 104): Promise<SnapshotInfo[]> {
  const rows = await queryRows<{ id: string; taken_on: string; taken_at: Date | string; row_count: number | string }>(
    ctx.tenant.db,
    sql`select id::text as id, taken_on::text as taken_on, taken_at, row_count from plugin_reporting.pipeline_snapshots
        where organization_id = ${ctx.tenant.organizationId}::uuid order by taken_on desc limit ${limit}`,
  );
  return rows.map((r) => ({ id: r.id, takenOn: r.taken_on, takenAt: new Date(r.taken_at), rowCount: toCount(r.row_count) }));
}
