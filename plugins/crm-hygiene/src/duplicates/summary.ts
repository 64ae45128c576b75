import type { TenantContext } from "@opsdeck/core";
import { queryRows, toCount } from "@opsdeck/db";
import { sql } from "drizzle-orm";
import { DUPLICATE_ENTITIES } from "../matching/rules.ts";
import { duplicateClusters, duplicateScans } from "../schema/duplicates.ts";
import { getRules } from "./rules-store.ts";

/** Per entity: open clusters, how many could be merged without review, and the last scan. */
export async function duplicateSummary(ctx: TenantContext) {
  const out = [];
  for (const entity of DUPLICATE_ENTITIES) {
    const { rules } = await getRules(ctx, entity);
    const [row] = await queryRows<{ open: unknown; auto: unknown; records: unknown }>(
      ctx.db,
      sql`select count(*) as open, count(*) filter (where score >= ${rules.autoMergeThreshold}) as auto,
                 coalesce(sum(cardinality(record_ids)), 0) as records
          from ${duplicateClusters} where organization_id = ${ctx.organizationId} and entity = ${entity} and status = 'open'`,
    );
    const [scan] = await queryRows<{ status: string; finished_at: string | null; started_at: string }>(
      ctx.db,
      sql`select status, finished_at, started_at from ${duplicateScans} where organization_id = ${ctx.organizationId} and entity = ${entity}
          order by started_at desc limit 1`,
    );
    out.push({
      entity: entity,
      openClusters: toCount(row?.open),
      autoMergeable: toCount(row?.auto),
      records: toCount(row?.records),
      lastScan: scan ? { status: scan.status, startedAt: scan.started_at, finishedAt: scan.finished_at } : null,
      reviewThreshold: rules.reviewThreshold,
      autoMergeThreshold: rules.autoMergeThreshold,
    });
  }
  return out;
}
