// Duplicate detection, review and merge: matching rules, scans, clusters to review, "not a duplicate" answers,
// merges with their undo snapshot, and the blocking-key index new records are looked up in.
import { organizations } from "@opsdeck/core/schema";
import { sql } from "drizzle-orm";
import { bigint, doublePrecision, index, jsonb, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { pluginCrmHygiene } from "./base.ts";

const orgId = () =>
  uuid("organization_id")
    .notNull()
    .references(() => organizations.id, { onDelete: "cascade" });
const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** Matching rules per organization and entity; absent rows mean the defaults. */
export const matchingRules = pluginCrmHygiene.table(
  "matching_rules",
  {
    organizationId: orgId(),
    entity: text("entity").notNull(),
    rules: jsonb("rules").notNull(),
    updatedByUserId: uuid("updated_by_user_id"),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.entity] })],
);

/** One full scan of an entity (run as a job), with what it compared and found. */
export const duplicateScans = pluginCrmHygiene.table(
  "duplicate_scans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: orgId(),
    entity: text("entity").notNull(),
    jobId: uuid("job_id"),
    status: text("status", { enum: ["running", "succeeded", "failed", "cancelled"] }).notNull().default("running"),
    stats: jsonb("stats"),
    startedAt: tstz("started_at").notNull().defaultNow(),
    finishedAt: tstz("finished_at"),
  },
  (t) => [index("duplicate_scans_org_entity_idx").on(t.organizationId, t.entity, t.startedAt)],
);

/** A group of records that look like one: open for review, merged, or dismissed. */
export const duplicateClusters = pluginCrmHygiene.table(
  "duplicate_clusters",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: orgId(),
    entity: text("entity").notNull(),
    scanId: uuid("scan_id"),
    status: text("status", { enum: ["open", "merged", "dismissed"] }).notNull().default("open"),
    /** The weakest pair's match probability (0..1). */
    score: doublePrecision("score").notNull(),
    recordIds: uuid("record_ids").array().notNull(),
    /** Every pair inside: [{ a, b, score }] with record ids. */
    pairs: jsonb("pairs").notNull(),
    mergeId: uuid("merge_id"),
    createdAt: tstz("created_at").notNull().defaultNow(),
    resolvedAt: tstz("resolved_at"),
    resolvedByUserId: uuid("resolved_by_user_id"),
  },
  (t) => [
    index("duplicate_clusters_queue_idx").on(t.organizationId, t.entity, t.status, t.score),
    index("duplicate_clusters_records_idx").using("gin", t.recordIds),
  ],
);

/** "Not a duplicate": the pair (a < b) is never proposed again. */
export const notDuplicates = pluginCrmHygiene.table(
  "not_duplicates",
  {
    organizationId: orgId(),
    entity: text("entity").notNull(),
    recordA: uuid("record_a").notNull(),
    recordB: uuid("record_b").notNull(),
    createdByUserId: uuid("created_by_user_id"),
    createdAt: tstz("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.entity, t.recordA, t.recordB] })],
);

/** A merge and everything needed to undo it (core's snapshot of the records and the re-pointed relations). */
export const merges = pluginCrmHygiene.table(
  "merges",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: orgId(),
    entity: text("entity").notNull(),
    survivorId: uuid("survivor_id").notNull(),
    mergedIds: uuid("merged_ids").array().notNull(),
    /** Which record each survivor field came from. */
    fieldPicks: jsonb("field_picks").notNull(),
    snapshot: jsonb("snapshot").notNull(),
    clusterId: uuid("cluster_id"),
    mergedByUserId: uuid("merged_by_user_id"),
    mergedAt: tstz("merged_at").notNull().default(sql`clock_timestamp()`),
    undoneAt: tstz("undone_at"),
    undoneByUserId: uuid("undone_by_user_id"),
  },
  (t) => [
    index("merges_org_survivor_idx").on(t.organizationId, t.survivorId),
    index("merges_org_merged_idx").using("gin", t.mergedIds),
    index("merges_org_at_idx").on(t.organizationId, t.mergedAt),
  ],
);

/**
 * Blocking keys of every record (53-bit hashes of `<pass>:<key>`), so a new record finds its candidates without a
 * scan. One row per record with a GIN index: a quarter of the rows and a third of the write time of a row per key.
 */
export const matchKeys = pluginCrmHygiene.table(
  "match_keys",
  {
    organizationId: orgId(),
    entity: text("entity").notNull(),
    recordId: uuid("record_id").notNull(),
    keys: bigint("keys", { mode: "number" }).array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.entity, t.recordId] }), index("match_keys_keys_idx").using("gin", t.keys)],
);
