// Tables of the quality area: normalization runs (with the before-values that make them undoable), the legal
// forms split off account names, validation rules, and the daily data-quality snapshots.
import { accounts, organizations, users } from "@opsdeck/core/schema";
import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, jsonb, numeric, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { pluginCrmHygiene } from "./base.ts";

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const orgId = () =>
  uuid("organization_id")
    .notNull()
    .references(() => organizations.id, { onDelete: "cascade" });

export const NORMALIZATION_STATUSES = ["queued", "running", "applied", "failed", "cancelled", "undoing", "undone", "partly_undone"] as const;
export type NormalizationStatus = (typeof NORMALIZATION_STATUSES)[number];

/** One applied (or attempted) run of a normalization rule. */
export const normalizationRuns = pluginCrmHygiene.table(
  "normalization_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: orgId(),
    rule: text("rule").notNull(),
    status: text("status", { enum: NORMALIZATION_STATUSES }).notNull().default("queued"),
    jobId: uuid("job_id"),
    undoJobId: uuid("undo_job_id"),
    scanned: integer("scanned").notNull().default(0),
    changed: integer("changed").notNull().default(0),
    invalid: integer("invalid").notNull().default(0),
    /** What undo restored and what it skipped (records changed since), with the first skipped ones. */
    undoResult: jsonb("undo_result"),
    error: text("error"),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: tstz("created_at").notNull().defaultNow(),
    finishedAt: tstz("finished_at"),
    undoneAt: tstz("undone_at"),
  },
  (t) => [index("normalization_runs_org_created_idx").on(t.organizationId, t.createdAt)],
);

/** The value a run replaced, per record and field (a column name, or `legal_form`): what undo puts back. */
export const normalizationChanges = pluginCrmHygiene.table(
  "normalization_changes",
  {
    runId: uuid("run_id")
      .notNull()
      .references(() => normalizationRuns.id, { onDelete: "cascade" }),
    organizationId: orgId(),
    entity: text("entity").notNull(),
    recordId: uuid("record_id").notNull(),
    field: text("field").notNull(),
    before: text("before"),
    after: text("after"),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.entity, t.recordId, t.field] }),
    index("normalization_changes_org_record_idx").on(t.organizationId, t.entity, t.recordId),
  ],
);

/** The legal form split off an account's name ("Inc.", "GmbH"): core has no column for it. */
export const accountLegalForms = pluginCrmHygiene.table(
  "account_legal_forms",
  {
    organizationId: orgId(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    legalForm: text("legal_form").notNull(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.accountId] })],
);

export const RULE_KINDS = ["required", "pattern", "allowed_values", "cross_field"] as const;

/** A validation rule ops define: checked on create, edit and import, and listed as violations. */
export const validationRules = pluginCrmHygiene.table(
  "validation_rules",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: orgId(),
    entity: text("entity").notNull(),
    name: text("name").notNull(),
    kind: text("kind", { enum: RULE_KINDS }).notNull(),
    /** The kind's settings (field, pattern, values, condition), validated by ruleConfig in rule-schema.ts. */
    config: jsonb("config").notNull(),
    severity: text("severity", { enum: ["block", "warn"] }).notNull(),
    message: text("message").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: tstz("created_at").notNull().defaultNow(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [index("validation_rules_org_entity_idx").on(t.organizationId, t.entity)],
);

/**
 * The data-quality score of one day, for the organization (`scope` = 'org') and for each owner (`scope` =
 * the owner's user id; 'none' for records without one). `penalty` is the sum of the records' shares of
 * failed checks, so any group's score is 100 × (1 − Σ penalty / Σ records).
 */
export const qualitySnapshots = pluginCrmHygiene.table(
  "quality_snapshots",
  {
    organizationId: orgId(),
    day: date("day", { mode: "string" }).notNull(),
    scope: text("scope").notNull(),
    records: integer("records").notNull(),
    penalty: numeric("penalty", { precision: 18, scale: 6 }).notNull(),
    score: numeric("score", { precision: 5, scale: 2 }).notNull(),
    /** Failing records per check id. */
    issues: jsonb("issues").notNull(),
    takenAt: tstz("taken_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.day, t.scope] }),
    index("quality_snapshots_org_scope_day_idx").on(t.organizationId, t.scope, t.day),
    check("quality_snapshots_score_ck", sql`${t.score} between 0 and 100`),
  ],
);
