// A full duplicate scan of one entity: match every record, replace the open clusters of the review queue with
// what the scan found (merged and dismissed ones stay as history), and rebuild the blocking-key index.
import type { TenantContext } from "@opsdeck/core";
import { queryRows, toCount } from "@opsdeck/db";
import { OpsdeckError } from "@opsdeck/plugin-sdk";
import { and, eq, sql } from "drizzle-orm";
import type { Cluster } from "../matching/cluster.ts";
import { loadFeatures, matchFeatures, type MatchRun, type MatchRunStats } from "../matching/engine.ts";
import type { FeatureTable } from "../matching/features.ts";
import type { DuplicateEntity, MatchingRules } from "../matching/rules.ts";
import { duplicateClusters, duplicateScans, notDuplicates } from "../schema/duplicates.ts";
import { rebuildMatchKeys } from "./match-keys.ts";
import { chunks } from "./pg-arrays.ts";
import { getRules } from "./rules-store.ts";

export interface ScanProgress {
  (p: { done: number; total: number; message: string }): Promise<void>;
}

export interface ScanResult {
  scanId: string;
  entity: DuplicateEntity;
  stats: MatchRunStats & { keysWritten: number; saveMs: number; indexMs: number; totalMs: number };
  /** The in-memory run, when asked for (the benchmark scores it against the planted duplicates). */
  run?: MatchRun;
}

const TABLE: Record<DuplicateEntity, string> = { contacts: "contacts", accounts: "accounts", leads: "leads", lead_contact: "leads" };

export async function countRecords(ctx: TenantContext, entity: DuplicateEntity): Promise<number> {
  const [row] = await queryRows<{ n: unknown }>(
    ctx.db,
    sql`select count(*) as n from ${sql.identifier("core")}.${sql.identifier(TABLE[entity])} where organization_id = ${ctx.organizationId} and deleted_at is null`,
  );
  return toCount(row?.n);
}

export async function notDuplicatePairs(ctx: TenantContext, entity: DuplicateEntity): Promise<Array<[string, string]>> {
  const rows = await ctx.db
    .select({ a: notDuplicates.recordA, b: notDuplicates.recordB })
    .from(notDuplicates)
    .where(and(eq(notDuplicates.organizationId, ctx.organizationId), eq(notDuplicates.entity, entity)));
  return rows.map((r) => [r.a, r.b]);
}

/** The cluster as stored: record ids and every inner pair with its score. */
export function clusterValues(ctx: TenantContext, entity: DuplicateEntity, t: FeatureTable, c: Cluster, scanId: string | null) {
  return {
    organizationId: ctx.organizationId,
    entity,
    scanId,
    status: "open" as const,
    score: c.score,
    recordIds: c.members.map((m) => t.ids[m]!),
    pairs: c.pairs.map((p) => ({ a: t.ids[p.a]!, b: t.ids[p.b]!, score: Math.round(p.score * 10000) / 10000 })),
  };
}

/** Runs a full scan; `progress` may throw CANCELLED (the scan row then says so and nothing else changes). */
export async function runDuplicateScan(
  ctx: TenantContext,
  entity: DuplicateEntity,
  options: { progress?: ScanProgress; jobId?: string | null; defaultCountry?: string; rules?: MatchingRules; returnRun?: boolean } = {},
): Promise<ScanResult> {
  const started = performance.now();
  const rules = options.rules ?? (await getRules(ctx, entity)).rules;
  const report = options.progress ?? (async () => {});
  const [scan] = await ctx.db
    .insert(duplicateScans)
    .values({ organizationId: ctx.organizationId, entity, jobId: options.jobId ?? null })
    .returning({ id: duplicateScans.id });
  const scanId = scan!.id;
  try {
    const total = Math.max(1, await countRecords(ctx, entity));
    const loadStarted = performance.now();
    const t = await loadFeatures(ctx, entity, rules, {
      defaultCountry: options.defaultCountry ?? "US",
      onProgress: (_phase, done) => report({ done: Math.round((400 * Math.min(done, total)) / total), total: 1000, message: `Reading records (${done.toLocaleString("en-US")})` }),
    });
    const run = await matchFeatures(
      t,
      rules,
      {
        notDuplicates: await notDuplicatePairs(ctx, entity),
        onProgress: (_phase, done, all) => report({ done: 400 + Math.round((450 * done) / Math.max(all, 1)), total: 1000, message: "Comparing candidate pairs" }),
      },
      performance.now() - loadStarted,
    );
    await report({ done: 860, total: 1000, message: `Saving ${run.clusters.length} clusters` });
    const saveStarted = performance.now();
    await ctx.db.transaction(async (db) => {
      const tx: TenantContext = { ...ctx, db };
      await db
        .delete(duplicateClusters)
        .where(and(eq(duplicateClusters.organizationId, ctx.organizationId), eq(duplicateClusters.entity, entity), eq(duplicateClusters.status, "open")));
      for (const part of chunks(run.clusters, 500)) {
        await db.insert(duplicateClusters).values(part.map((c) => clusterValues(tx, entity, t, c, scanId)));
      }
    });
    const clustersMs = performance.now() - saveStarted;
    // The key index only serves the checks of new records; it is rebuilt after the queue is already up to date.
    const indexStarted = performance.now();
    const keysWritten =
      entity === "lead_contact"
        ? 0
        : await ctx.db.transaction((db) =>
            rebuildMatchKeys({ ...ctx, db }, entity, t, rules.blocking, (done, all) =>
              report({ done: 880 + Math.round((110 * done) / Math.max(all, 1)), total: 1000, message: "Indexing match keys for new records" }),
            ),
          );
    const indexMs = performance.now() - indexStarted;
    const stats = { ...run.stats, keysWritten, saveMs: Math.round(clustersMs), indexMs: Math.round(indexMs), totalMs: Math.round(performance.now() - started) };
    await ctx.db
      .update(duplicateScans)
      .set({ status: "succeeded", stats, finishedAt: new Date() })
      .where(eq(duplicateScans.id, scanId));
    await report({ done: 1000, total: 1000, message: `${run.clusters.length} clusters found` });
    return { scanId, entity, stats, ...(options.returnRun ? { run } : {}) };
  } catch (err) {
    const status = err instanceof OpsdeckError && err.code === "CANCELLED" ? "cancelled" : "failed";
    await ctx.db.update(duplicateScans).set({ status, finishedAt: new Date() }).where(eq(duplicateScans.id, scanId));
    throw err;
  }
}
