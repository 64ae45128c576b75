// Bulk merge of the high-confidence clusters (every pair at or above the auto-merge threshold), one transaction
// per cluster, so a cancel or a failure in the middle leaves whole merges only.
import type { TenantContext } from "@opsdeck/core";
import { OpsdeckError } from "@opsdeck/plugin-sdk";
import { and, desc, eq, gte } from "drizzle-orm";
import { getRules } from "../duplicates/rules-store.ts";
import type { DuplicateEntity } from "../matching/rules.ts";
import { duplicateClusters } from "../schema/duplicates.ts";
import type { SurvivorRule } from "./fields.ts";
import { mergeDuplicates } from "./merge-cluster.ts";

export interface BulkMergeResult {
  merged: number;
  skipped: number;
  records: number;
  threshold: number;
}

export async function bulkMerge(
  ctx: TenantContext,
  input: { entity: DuplicateEntity; rule: Exclude<SurvivorRule, "manual"> },
  progress: (p: { done: number; total: number; message: string }) => Promise<void>,
): Promise<BulkMergeResult> {
  if (input.entity === "lead_contact") throw new OpsdeckError("BAD_REQUEST", "Leads matching contacts are converted, not merged.");
  const entity = input.entity;
  const { rules } = await getRules(ctx, entity);
  const clusters = await ctx.db
    .select({ id: duplicateClusters.id, recordIds: duplicateClusters.recordIds })
    .from(duplicateClusters)
    .where(
      and(
        eq(duplicateClusters.organizationId, ctx.organizationId),
        eq(duplicateClusters.entity, entity),
        eq(duplicateClusters.status, "open"),
        gte(duplicateClusters.score, rules.autoMergeThreshold),
      ),
    )
    .orderBy(desc(duplicateClusters.score));
  const result: BulkMergeResult = { merged: 0, skipped: 0, records: 0, threshold: rules.autoMergeThreshold };
  for (let i = 0; i < clusters.length; i++) {
    await progress({ done: i, total: clusters.length, message: `Merging ${i + 1} of ${clusters.length}` });
    const c = clusters[i]!;
    try {
      const out = await mergeDuplicates(ctx, { entity, recordIds: c.recordIds, clusterId: c.id, rule: input.rule });
      result.merged += 1;
      result.records += out.mergedIds.length;
    } catch (err) {
      // A cluster changed since the scan (a record merged or deleted by hand) is left for review.
      if (err instanceof OpsdeckError && (err.code === "CONFLICT" || err.code === "NOT_FOUND")) result.skipped += 1;
      else throw err;
    }
  }
  await progress({ done: clusters.length, total: clusters.length, message: `${result.merged} clusters merged` });
  return result;
}
