// Merging a cluster (or any records of one entity) and undoing a merge. Core re-points the relations and emits
// `<entity>.merged`; this side picks the survivor's values, keeps core's snapshot, and keeps the queue in step.
import { mergeRecords, unmergeRecords, type MergeEntity, type MergeSnapshot, type TenantContext } from "@opsdeck/core";
import { notFound } from "@opsdeck/core";
import { OpsdeckError } from "@opsdeck/plugin-sdk";
import { and, desc, eq, isNull, ne, or, sql } from "drizzle-orm";
import { clusterRecords } from "../duplicates/records.ts";
import { removeMatchKeys } from "../duplicates/match-keys.ts";
import { uuidArray } from "../duplicates/pg-arrays.ts";
import { duplicateClusters, merges } from "../schema/duplicates.ts";
import { suggestPicks, valuesFromPicks, type MergeRecord, type SurvivorRule } from "./fields.ts";

export interface MergeRequest {
  entity: MergeEntity;
  recordIds: string[];
  clusterId?: string | undefined;
  /** Either a rule, or "manual" with the survivor and per-field picks. */
  rule: SurvivorRule;
  survivorId?: string | undefined;
  picks?: Record<string, string> | undefined;
}

export interface MergeOutcome {
  mergeId: string;
  survivorId: string;
  mergedIds: string[];
}

/** Merges the records in ONE transaction (the caller's, when it has one): nothing changes if any step fails. */
export async function mergeDuplicates(ctx: TenantContext, request: MergeRequest): Promise<MergeOutcome> {
  const ids = [...new Set(request.recordIds)];
  if (ids.length < 2) throw new OpsdeckError("BAD_REQUEST", "A merge needs at least two records.");
  return ctx.db.transaction(async (db) => {
    const tx: TenantContext = { ...ctx, db };
    const records = (await clusterRecords(tx, request.entity, ids)) as MergeRecord[];
    if (records.some((r) => r.deletedAt)) throw new OpsdeckError("CONFLICT", "A record of this group was deleted or merged since; rescan or reload.");
    let survivorId: string;
    let picks: Record<string, string>;
    if (request.rule === "manual") {
      if (!request.survivorId || !ids.includes(request.survivorId)) {
        throw new OpsdeckError("BAD_REQUEST", "Pick the surviving record among the merged ones.", { issues: [{ path: ["survivorId"], message: "Not one of the records" }] });
      }
      survivorId = request.survivorId;
      picks = { ...suggestPicks(request.entity, records, "most_complete").picks, ...request.picks };
      for (const [field, from] of Object.entries(picks)) {
        if (!ids.includes(from)) throw new OpsdeckError("BAD_REQUEST", `The value of ${field} must come from one of the merged records.`, { issues: [{ path: ["picks", field], message: "Not one of the records" }] });
      }
    } else {
      ({ survivorId, picks } = suggestPicks(request.entity, records, request.rule));
    }
    const mergedIds = ids.filter((id) => id !== survivorId);
    const snapshot = await mergeRecords(tx, { entity: request.entity, survivorId, mergedIds, values: valuesFromPicks(request.entity, records, survivorId, picks) });
    const [row] = await db
      .insert(merges)
      .values({
        organizationId: ctx.organizationId,
        entity: request.entity,
        survivorId,
        mergedIds,
        fieldPicks: picks,
        snapshot,
        clusterId: request.clusterId ?? null,
        mergedByUserId: ctx.actorUserId,
      })
      .returning({ id: merges.id });
    const mergeId = row!.id;
    if (request.clusterId) {
      await db
        .update(duplicateClusters)
        .set({ status: "merged", mergeId, resolvedAt: new Date(), resolvedByUserId: ctx.actorUserId })
        .where(and(eq(duplicateClusters.organizationId, ctx.organizationId), eq(duplicateClusters.id, request.clusterId)));
    }
    // Other open clusters lose the records that are gone; one left alone is no longer a cluster.
    await db.execute(sql`update ${duplicateClusters} set record_ids = (select coalesce(array_agg(r), '{}') from unnest(record_ids) r where r <> all(${uuidArray(mergedIds)}))
      where organization_id = ${ctx.organizationId} and status = 'open' and record_ids && ${uuidArray(mergedIds)}`);
    await db.execute(sql`delete from ${duplicateClusters} where organization_id = ${ctx.organizationId} and status = 'open' and cardinality(record_ids) < 2`);
    await removeMatchKeys(tx, mergedIds);
    return { mergeId, survivorId, mergedIds };
  });
}

export async function getMerge(ctx: TenantContext, mergeId: string) {
  const [row] = await ctx.db.select().from(merges).where(and(eq(merges.organizationId, ctx.organizationId), eq(merges.id, mergeId)));
  if (!row) throw notFound("Merge");
  return row;
}

/**
 * Undoes a merge, also days later. PRECONDITION_FAILED when a later merge (not undone) involved the survivor or
 * one of the merged records: undo that one first.
 */
export async function unmergeDuplicates(ctx: TenantContext, mergeId: string): Promise<{ restoredIds: string[] }> {
  return ctx.db.transaction(async (db) => {
    const tx: TenantContext = { ...ctx, db };
    const merge = await getMerge(tx, mergeId);
    if (merge.undoneAt) throw new OpsdeckError("CONFLICT", "This merge was already undone.");
    const involved = [merge.survivorId, ...merge.mergedIds];
    const [later] = await db
      .select({ id: merges.id })
      .from(merges)
      .where(
        and(
          eq(merges.organizationId, ctx.organizationId),
          isNull(merges.undoneAt),
          ne(merges.id, mergeId),
          // Compared in SQL: a JS Date would drop the microseconds Postgres keeps.
          sql`${merges.mergedAt} > (select m.merged_at from ${merges} m where m.id = ${mergeId})`,
          or(sql`${merges.survivorId} = any(${uuidArray(involved)})`, sql`${merges.mergedIds} && ${uuidArray(involved)}`),
        ),
      )
      .orderBy(desc(merges.mergedAt))
      .limit(1);
    if (later) {
      throw new OpsdeckError("PRECONDITION_FAILED", "The surviving record was merged again since; undo the later merge first.");
    }
    await unmergeRecords(tx, merge.snapshot as MergeSnapshot);
    await db.update(merges).set({ undoneAt: new Date(), undoneByUserId: ctx.actorUserId }).where(eq(merges.id, mergeId));
    if (merge.clusterId) {
      await db
        .update(duplicateClusters)
        .set({ status: "open", mergeId: null, resolvedAt: null, resolvedByUserId: null })
        .where(and(eq(duplicateClusters.organizationId, ctx.organizationId), eq(duplicateClusters.id, merge.clusterId)));
    }
    return { restoredIds: merge.mergedIds };
  });
}

/** The organization's merges, newest first. */
export async function listMerges(ctx: TenantContext, entity?: MergeEntity, limit = 50) {
  const where = [eq(merges.organizationId, ctx.organizationId)];
  if (entity) where.push(eq(merges.entity, entity));
  return ctx.db
    .select({ id: merges.id, entity: merges.entity, survivorId: merges.survivorId, mergedIds: merges.mergedIds, clusterId: merges.clusterId, mergedAt: merges.mergedAt, undoneAt: merges.undoneAt })
    .from(merges)
    .where(and(...where))
    .orderBy(desc(merges.mergedAt))
    .limit(limit);
}
