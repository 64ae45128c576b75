// The review queue: clusters to look at, one cluster side by side, and "not a duplicate".
import { notFound, type TenantContext } from "@opsdeck/core";
import { OpsdeckError } from "@opsdeck/plugin-sdk";
import { and, desc, eq, gte, lte, sql, type SQL } from "drizzle-orm";
import { buildFeatures } from "../matching/features.ts";
import { createScorer } from "../matching/scorer.ts";
import type { DuplicateEntity } from "../matching/rules.ts";
import { MERGE_FIELDS, suggestPicks, SURVIVOR_RULES, type MergeRecord } from "../merge/fields.ts";
import { duplicateClusters, duplicateScans, notDuplicates } from "../schema/duplicates.ts";
import { clusterRecords, relatedCounts, type RecordKind } from "./records.ts";
import { getRules } from "./rules-store.ts";
import { loadMatchRows } from "../matching/load.ts";
import { queryRows } from "@opsdeck/db";
import { uuidArray } from "./pg-arrays.ts";

export interface ClusterQuery {
  entity: DuplicateEntity;
  status?: "open" | "merged" | "dismissed" | undefined;
  minScore?: number | undefined;
  maxScore?: number | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export type ClusterRow = typeof duplicateClusters.$inferSelect;

const LABEL: Record<RecordKind, (r: Record<string, unknown>) => string> = {
  contacts: (r) => [r.firstName, r.lastName].filter(Boolean).join(" ") || (typeof r.email === "string" ? r.email : "(no name)"),
  leads: (r) => [r.firstName, r.lastName].filter(Boolean).join(" ") || (typeof r.email === "string" ? r.email : "(no name)"),
  accounts: (r) => String(r.name),
};

/** A page of clusters, strongest first, each with a one-line label per record. */
export async function listClusters(ctx: TenantContext, query: ClusterQuery) {
  const where: SQL[] = [
    eq(duplicateClusters.organizationId, ctx.organizationId),
    eq(duplicateClusters.entity, query.entity),
    eq(duplicateClusters.status, query.status ?? "open"),
  ];
  if (query.minScore !== undefined) where.push(gte(duplicateClusters.score, query.minScore));
  if (query.maxScore !== undefined) where.push(lte(duplicateClusters.score, query.maxScore));
  const [rows, [count]] = await Promise.all([
    ctx.db
      .select()
      .from(duplicateClusters)
      .where(and(...where))
      .orderBy(desc(duplicateClusters.score), duplicateClusters.id)
      .limit(Math.min(query.limit ?? 50, 500))
      .offset(query.offset ?? 0),
    ctx.db.select({ n: sql<number>`count(*)::int` }).from(duplicateClusters).where(and(...where)),
  ]);
  const labels = await recordLabels(ctx, query.entity, rows);
  return {
    total: Number(count?.n ?? 0),
    rows: rows.map((c) => ({
      id: c.id,
      entity: c.entity,
      status: c.status,
      score: c.score,
      createdAt: c.createdAt,
      records: c.recordIds.map((id) => ({ id, label: labels.get(id) ?? "(deleted)" })),
    })),
  };
}

async function recordLabels(ctx: TenantContext, entity: DuplicateEntity, clusters: ClusterRow[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const byKind = new Map<RecordKind, string[]>();
  for (const c of clusters) {
    c.recordIds.forEach((id, i) => {
      const kind: RecordKind = entity === "lead_contact" ? (i === 0 ? "contacts" : "leads") : entity;
      byKind.set(kind, [...(byKind.get(kind) ?? []), id]);
    });
  }
  for (const [kind, ids] of byKind) {
    const rows = await loadMatchRows(ctx, kind, { ids });
    for (const r of rows) out.set(r.id, LABEL[kind](r as unknown as Record<string, unknown>));
  }
  return out;
}

export async function getClusterRow(ctx: TenantContext, id: string): Promise<ClusterRow> {
  const [row] = await ctx.db
    .select()
    .from(duplicateClusters)
    .where(and(eq(duplicateClusters.organizationId, ctx.organizationId), eq(duplicateClusters.id, id)));
  if (!row) throw notFound("Cluster");
  return row;
}

/** One cluster side by side: the records, what points at them, how each pair compares, and suggested picks. */
export async function getClusterDetail(ctx: TenantContext, id: string) {
  const cluster = await getClusterRow(ctx, id);
  const entity = cluster.entity as DuplicateEntity;
  const records = await clusterRecords(ctx, entity, cluster.recordIds);
  const related: Record<string, Record<string, number>> = {};
  for (const kind of ["contacts", "accounts", "leads"] as const) {
    const ids = records.filter((r) => r.kind === kind).map((r) => r.id);
    if (ids.length) Object.assign(related, await relatedCounts(ctx, kind, ids));
  }
  const { rules } = await getRules(ctx, entity);
  // Comparison levels per pair (which fields agree), from the same comparators the scan used.
  const rows = await loadMatchRows(ctx, entity, { ids: cluster.recordIds });
  const order = new Map(cluster.recordIds.map((rid, i) => [rid, i]));
  rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  const t = buildFeatures(entity, rows, rules.comparisons);
  const scorer = createScorer(t, rules);
  const index = new Map(t.ids.map((rid, i) => [rid, i]));
  const pairs = (cluster.pairs as Array<{ a: string; b: string; score: number }>).map((p) => {
    const i = index.get(p.a);
    const j = index.get(p.b);
    const outcomes = i !== undefined && j !== undefined ? scorer.explain(Math.min(i, j), Math.max(i, j)).outcomes.map((o) => ({ field: o.field, level: o.level })) : [];
    return { ...p, outcomes };
  });
  const mergeEntity = entity === "lead_contact" ? null : entity;
  const suggestions = mergeEntity
    ? Object.fromEntries(
        SURVIVOR_RULES.filter((r) => r !== "manual").map((rule) => [rule, suggestPicks(mergeEntity, records.filter((r) => !r.deletedAt) as MergeRecord[], rule)]),
      )
    : null;
  return {
    cluster: { id: cluster.id, entity, status: cluster.status, score: cluster.score, mergeId: cluster.mergeId, createdAt: cluster.createdAt },
    references: await referenceLabels(ctx, records),
    records: records.map((r) => ({ ...r, related: related[r.id] ?? {} })),
    fields: mergeEntity ? MERGE_FIELDS[mergeEntity] : [],
    pairs,
    suggestions,
    autoMerge: cluster.score >= rules.autoMergeThreshold,
  };
}

/** Names of the accounts and owners the records point at, so the comparison shows names, not ids. */
async function referenceLabels(ctx: TenantContext, records: Array<Record<string, unknown>>): Promise<Record<string, string>> {
  const ids = (field: string) => [...new Set(records.map((r) => r[field]).filter((v): v is string => typeof v === "string"))];
  const accountIds = [...ids("accountId"), ...ids("parentAccountId")];
  const ownerIds = ids("ownerId");
  const out: Record<string, string> = {};
  if (accountIds.length) {
    const rows = await queryRows<{ id: string; name: string }>(
      ctx.db,
      sql`select id, name from core.accounts where organization_id = ${ctx.organizationId} and id = any(${uuidArray(accountIds)})`,
    );
    for (const r of rows) out[r.id] = r.name;
  }
  if (ownerIds.length) {
    const rows = await queryRows<{ id: string; name: string }>(
      ctx.db,
      sql`select u.id, u.name from core.users u join core.memberships m on m.user_id = u.id and m.organization_id = ${ctx.organizationId}
          where u.id = any(${uuidArray(ownerIds)})`,
    );
    for (const r of rows) out[r.id] = r.name;
  }
  return out;
}

/** Remembers every pair of the cluster as "not a duplicate" and takes the cluster off the queue. */
export async function markNotDuplicate(ctx: TenantContext, clusterId: string): Promise<void> {
  await ctx.db.transaction(async (db) => {
    const tx: TenantContext = { ...ctx, db };
    const cluster = await getClusterRow(tx, clusterId);
    if (cluster.status !== "open") throw new OpsdeckError("CONFLICT", `This cluster is already ${cluster.status}.`);
    const ids = cluster.recordIds;
    const values = [];
    for (let x = 0; x < ids.length; x++) {
      for (let y = x + 1; y < ids.length; y++) {
        const [a, b] = ids[x]! < ids[y]! ? [ids[x]!, ids[y]!] : [ids[y]!, ids[x]!];
        values.push({ organizationId: ctx.organizationId, entity: cluster.entity, recordA: a, recordB: b, createdByUserId: ctx.actorUserId });
      }
    }
    await db.insert(notDuplicates).values(values).onConflictDoNothing();
    await db
      .update(duplicateClusters)
      .set({ status: "dismissed", resolvedAt: new Date(), resolvedByUserId: ctx.actorUserId })
      .where(eq(duplicateClusters.id, clusterId));
  });
}

/** The latest scans of an entity (for the page's "last scanned" line). */
export async function latestScans(ctx: TenantContext, entity: DuplicateEntity, limit = 5) {
  return ctx.db
    .select()
    .from(duplicateScans)
    .where(and(eq(duplicateScans.organizationId, ctx.organizationId), eq(duplicateScans.entity, entity)))
    .orderBy(desc(duplicateScans.startedAt))
    .limit(limit);
}
