// `opsdeck hygiene duplicates|merge|unmerge`.
import { queryRows } from "@opsdeck/db";
import { OpsdeckError, pluginSettings, type CliArgs, type PluginCommand } from "@opsdeck/plugin-sdk";
import { and, asc, desc, eq, gte, sql } from "drizzle-orm";
import { z } from "zod";
import { runAsCliJob } from "../audits/cli-job.ts";
import { hygieneSettings } from "../common.ts";
import { DUPLICATE_ENTITIES, duplicateEntity, type DuplicateEntity } from "../matching/rules.ts";
import { bulkMerge } from "../merge/bulk-merge.ts";
import { MERGE_ENTITIES, SURVIVOR_RULES, type SurvivorRule } from "../merge/fields.ts";
import { mergeDuplicates, unmergeDuplicates } from "../merge/merge-cluster.ts";
import { duplicateClusters } from "../schema/duplicates.ts";
import { memberKinds } from "./records.ts";
import { getClusterRow, latestScans } from "./queue.ts";
import { uuidArray } from "./pg-arrays.ts";
import { runDuplicateScan } from "./scan.ts";

function parseEntity(value: unknown, allowed: readonly string[] = DUPLICATE_ENTITIES): DuplicateEntity {
  const parsed = duplicateEntity.safeParse(value);
  if (!parsed.success || !allowed.includes(parsed.data)) {
    throw new OpsdeckError("BAD_REQUEST", `--entity must be one of ${allowed.join(", ")} (got "${String(value)}").`);
  }
  return parsed.data;
}

function uuid(value: string, option: string): string {
  if (!z.guid().safeParse(value).success) throw new OpsdeckError("BAD_REQUEST", `${option} must be an id (got "${value}").`);
  return value;
}

const num = (v: CliArgs[string]) => (typeof v === "number" ? v : undefined);

export const duplicatesCommand: PluginCommand = {
  name: "duplicates",
  description: "List duplicate clusters of the review queue (--scan first runs a full scan, with progress)",
  options: [
    { name: "entity", description: `contacts, accounts, leads or lead_contact (default contacts)`, type: "string", default: "contacts" },
    { name: "scan", description: "Run a full duplicate scan first", type: "boolean", default: false },
    { name: "min-score", description: "Only clusters scoring at least this (0..1)", type: "number" },
    { name: "limit", description: "At most this many clusters (default: all)", type: "number" },
    { name: "json", description: "Print JSON", type: "boolean", default: false },
  ],
  async run(ctx, args, io) {
    const entity = parseEntity(args.entity);
    if (args.scan) {
      await runAsCliJob(ctx, io, "duplicates-scan", { entity }, (progress, jobId) =>
        runDuplicateScan(ctx.tenant, entity, { progress: (p) => progress(p), jobId, defaultCountry: pluginSettings(ctx, hygieneSettings).defaultCountry }),
      );
    }
    const where = [eq(duplicateClusters.organizationId, ctx.tenant.organizationId), eq(duplicateClusters.entity, entity), eq(duplicateClusters.status, "open")];
    const minScore = num(args["min-score"]);
    if (minScore !== undefined) where.push(gte(duplicateClusters.score, minScore));
    const limit = num(args.limit) ?? Number.MAX_SAFE_INTEGER;
    const clusters: Array<{ id: string; score: number; records: Array<{ id: string; external_id: string | null }> }> = [];
    for (let offset = 0; clusters.length < limit; offset += 5000) {
      const page = await ctx.db
        .select({ id: duplicateClusters.id, score: duplicateClusters.score, recordIds: duplicateClusters.recordIds })
        .from(duplicateClusters)
        .where(and(...where))
        .orderBy(desc(duplicateClusters.score), asc(duplicateClusters.id))
        .limit(Math.min(5000, limit - clusters.length))
        .offset(offset);
      if (!page.length) break;
      const externals = await externalIds(ctx.tenant, entity, page.map((c) => c.recordIds));
      for (const c of page) {
        clusters.push({ id: c.id, score: Math.round(c.score * 1000) / 1000, records: c.recordIds.map((id) => ({ id, external_id: externals.get(id) ?? null })) });
      }
      if (page.length < 5000) break;
    }
    const [scan] = await latestScans(ctx.tenant, entity, 1);
    const stats = {
      entity,
      clusters: clusters.length,
      records: clusters.reduce((s, c) => s + c.records.length, 0),
      lastScan: scan ? { status: scan.status, startedAt: scan.startedAt, finishedAt: scan.finishedAt, ...(scan.stats as object | null) } : null,
    };
    if (args.json) {
      io.out(`${JSON.stringify({ clusters: clusters.map((c) => ({ score: c.score, records: c.records })), stats })}\n`);
      return;
    }
    io.out(`${clusters.length} open ${entity} clusters (${stats.records} records)\n`);
    for (const c of clusters.slice(0, 50)) io.out(`  ${c.score.toFixed(3)}  ${c.id}  ${c.records.map((r) => r.external_id ?? r.id).join(", ")}\n`);
    if (clusters.length > 50) io.out(`  … ${clusters.length - 50} more (use --json)\n`);
  },
};

async function externalIds(ctx: Parameters<typeof getClusterRow>[0], entity: DuplicateEntity, groups: string[][]): Promise<Map<string, string | null>> {
  const byKind = new Map<string, string[]>();
  for (const ids of groups) memberKinds(entity, ids).forEach((kind, i) => byKind.set(kind, [...(byKind.get(kind) ?? []), ids[i]!]));
  const out = new Map<string, string | null>();
  for (const [kind, ids] of byKind) {
    const rows = await queryRows<{ id: string; external_id: string | null }>(
      ctx.db,
      sql`select id, external_id from core.${sql.identifier(kind)} where organization_id = ${ctx.organizationId} and id = any(${uuidArray(ids)})`,
    );
    for (const r of rows) out.set(r.id, r.external_id);
  }
  return out;
}

export const mergeCommand: PluginCommand = {
  name: "merge",
  description: "Merge a cluster (--cluster), records (--ids a,b,…), or every cluster above the auto-merge threshold (--auto)",
  options: [
    { name: "entity", description: "contacts, accounts or leads (with --ids or --auto)", type: "string", default: "contacts" },
    { name: "cluster", description: "A cluster id from `duplicates`", type: "string" },
    { name: "ids", description: "Comma-separated record ids", type: "string" },
    { name: "auto", description: "Merge every open cluster at or above the auto-merge threshold (a job, with progress)", type: "boolean", default: false },
    { name: "rule", description: `Survivor rule: ${SURVIVOR_RULES.filter((r) => r !== "manual").join(", ")}`, type: "string", default: "most_complete" },
    { name: "survivor", description: "The record that survives (its values win unless empty)", type: "string" },
    { name: "json", description: "Print JSON", type: "boolean", default: false },
  ],
  async run(ctx, args, io) {
    const rule = String(args.rule) as SurvivorRule;
    if (!SURVIVOR_RULES.includes(rule) || rule === "manual") throw new OpsdeckError("BAD_REQUEST", `--rule must be one of most_complete, most_recent, oldest.`);
    const print = (doc: object, text: string) => io.out(args.json ? `${JSON.stringify(doc)}\n` : `${text}\n`);
    if (args.auto) {
      const entity = parseEntity(args.entity, MERGE_ENTITIES) as (typeof MERGE_ENTITIES)[number];
      const result = await runAsCliJob(ctx, io, "duplicates-bulk-merge", { entity, rule }, (progress) => bulkMerge(ctx.tenant, { entity, rule }, (p) => progress(p)));
      return print(result, `Merged ${result.merged} clusters (${result.records} records); ${result.skipped} changed since the scan were left for review.`);
    }
    let entity: (typeof MERGE_ENTITIES)[number];
    let recordIds: string[];
    let clusterId: string | undefined;
    if (typeof args.cluster === "string") {
      const cluster = await getClusterRow(ctx.tenant, uuid(args.cluster, "--cluster"));
      entity = parseEntity(cluster.entity, MERGE_ENTITIES) as typeof entity;
      recordIds = cluster.recordIds;
      clusterId = cluster.id;
    } else if (typeof args.ids === "string") {
      entity = parseEntity(args.entity, MERGE_ENTITIES) as typeof entity;
      recordIds = args.ids.split(",").map((s) => uuid(s.trim(), "--ids"));
    } else {
      throw new OpsdeckError("BAD_REQUEST", "Say what to merge: --cluster <id>, --ids <id,id,…> or --auto.");
    }
    const survivor = typeof args.survivor === "string" ? uuid(args.survivor, "--survivor") : undefined;
    const out = await mergeDuplicates(ctx.tenant, { entity, recordIds, clusterId, rule: survivor ? "manual" : rule, survivorId: survivor });
    print(out, `Merged ${out.mergedIds.length} into ${out.survivorId} (merge ${out.mergeId}; undo with \`opsdeck hygiene unmerge --merge ${out.mergeId}\`).`);
  },
};

export const unmergeCommand: PluginCommand = {
  name: "unmerge",
  description: "Undo a merge: the merged records and their relations come back",
  options: [
    { name: "merge", description: "The merge id `merge` printed", type: "string", required: true },
    { name: "json", description: "Print JSON", type: "boolean", default: false },
  ],
  async run(ctx, args, io) {
    const out = await unmergeDuplicates(ctx.tenant, uuid(String(args.merge), "--merge"));
    io.out(args.json ? `${JSON.stringify(out)}\n` : `Restored ${out.restoredIds.length} records.\n`);
  },
};
