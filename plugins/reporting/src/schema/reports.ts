// Tables of the "reports" area: forecasts, weekly pipeline snapshots, saved reports, schedules and alerts.
import { organizations, users } from "@opsdeck/core/schema";
import { sql } from "drizzle-orm";
import { boolean, date, index, integer, jsonb, numeric, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { pluginReporting } from "./base.ts";

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const money = (name: string) => numeric(name, { precision: 18, scale: 2 });
const orgId = () =>
  uuid("organization_id")
    .notNull()
    .references(() => organizations.id, { onDelete: "cascade" });

/**
 * A forecast call: every submission is kept (history by week). `scope` is `self` for a person's own deals and
 * `team` for a manager's call for their whole team. Amounts are in the organization's currency.
 */
export const forecastSubmissions = pluginReporting.table(
  "forecast_submissions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: orgId(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    scope: text("scope", { enum: ["self", "team"] }).notNull(),
    periodStart: date("period_start", { mode: "string" }).notNull(),
    periodEnd: date("period_end", { mode: "string" }).notNull(),
    periodName: text("period_name").notNull(),
    /** Monday of the week the call is for (weeks start on the snapshot weekday). */
    weekStart: date("week_start", { mode: "string" }).notNull(),
    commit: money("commit").notNull(),
    bestCase: money("best_case").notNull(),
    pipeline: money("pipeline").notNull(),
    currency: text("currency").notNull(),
    note: text("note"),
    submittedAt: tstz("submitted_at").notNull().defaultNow(),
  },
  (t) => [
    index("forecast_submissions_org_period_idx").on(t.organizationId, t.periodStart, t.userId, t.submittedAt),
    index("forecast_submissions_org_week_idx").on(t.organizationId, t.weekStart),
  ],
);

/** One weekly picture of the open pipeline. */
export const pipelineSnapshots = pluginReporting.table(
  "pipeline_snapshots",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: orgId(),
    /** The day the snapshot stands for; its rows are the pipeline as of the end of that day (UTC). */
    takenOn: date("taken_on", { mode: "string" }).notNull(),
    takenAt: tstz("taken_at").notNull().defaultNow(),
    currency: text("currency").notNull(),
    rowCount: integer("row_count").notNull().default(0),
  },
  (t) => [uniqueIndex("pipeline_snapshots_org_day_uq").on(t.organizationId, t.takenOn)],
);

/**
 * One open opportunity in one snapshot. No foreign key to the opportunity: history outlives deletes. Rows go
 * with their snapshot (which goes with its organization); no second foreign key to the organization, as each
 * one costs a check per row and a snapshot is ~100k rows at large scale (decision 017).
 */
export const pipelineSnapshotRows = pluginReporting.table(
  "pipeline_snapshot_rows",
  {
    organizationId: uuid("organization_id").notNull(),
    snapshotId: uuid("snapshot_id")
      .notNull()
      .references(() => pipelineSnapshots.id, { onDelete: "cascade" }),
    opportunityId: uuid("opportunity_id").notNull(),
    ownerId: uuid("owner_id"),
    stage: text("stage").notNull(),
    probability: smallint("probability"),
    amount: money("amount"),
    currency: text("currency").notNull(),
    /** The amount in the organization's currency at the snapshot's rate. */
    amountOrg: numeric("amount_org", { precision: 30, scale: 10 }),
    closeDate: date("close_date", { mode: "string" }),
  },
  (t) => [
    primaryKey({ columns: [t.snapshotId, t.opportunityId] }),
    index("pipeline_snapshot_rows_org_snapshot_idx").on(t.organizationId, t.snapshotId, t.ownerId),
  ],
);

/** A report built in the report builder; `definition` is validated by `reportDefinitionSchema`. */
export const savedReports = pluginReporting.table(
  "saved_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: orgId(),
    name: text("name").notNull(),
    description: text("description"),
    definition: jsonb("definition").notNull(),
    ownerUserId: uuid("owner_user_id").references(() => users.id, { onDelete: "set null" }),
    sharedRoles: text("shared_roles").array().notNull().default(sql`'{}'::text[]`),
    sharedUserIds: uuid("shared_user_ids").array().notNull().default(sql`'{}'::uuid[]`),
    createdAt: tstz("created_at").notNull().defaultNow(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("saved_reports_org_name_uq").on(t.organizationId, sql`lower(${t.name})`)],
);

/**
 * On a cron schedule in a time zone: an emailed saved report (`kind` = report) or dashboard's KPIs
 * (`dashboard`), or an alert on a saved report's measure (`alert`) or on a KPI (`kpi_alert`).
 * `config` holds what to send or test (validated by the schedules area's schemas).
 */
export const schedules = pluginReporting.table(
  "schedules",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: orgId(),
    kind: text("kind", { enum: ["report", "alert", "dashboard", "kpi_alert"] }).notNull(),
    name: text("name").notNull(),
    cron: text("cron").notNull(),
    timeZone: text("time_zone").notNull(),
    recipients: text("recipients").array().notNull(),
    config: jsonb("config").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    nextDueAt: tstz("next_due_at"),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: tstz("created_at").notNull().defaultNow(),
  },
  (t) => [index("schedules_due_idx").on(t.enabled, t.nextDueAt)],
);

/** One firing of a schedule for one due time: the unique key makes delivery once per due time. */
export const scheduleRuns = pluginReporting.table(
  "schedule_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: orgId(),
    scheduleId: uuid("schedule_id")
      .notNull()
      .references(() => schedules.id, { onDelete: "cascade" }),
    dueAt: tstz("due_at").notNull(),
    status: text("status", { enum: ["pending", "sent", "quiet", "failed"] }).notNull().default("pending"),
    /** For alerts: the value tested and whether the condition held. */
    value: text("value"),
    fired: boolean("fired"),
    mails: integer("mails").notNull().default(0),
    /** The last failure's message (kept while retries remain; the reason once the run is `failed`). */
    error: text("error"),
    /** The `deliver-schedule` job (core.jobs) and how many of its attempts started. */
    jobId: uuid("job_id"),
    attempts: integer("attempts").notNull().default(0),
    createdAt: tstz("created_at").notNull().defaultNow(),
    finishedAt: tstz("finished_at"),
  },
  (t) => [
    uniqueIndex("schedule_runs_schedule_due_uq").on(t.scheduleId, t.dueAt),
    index("schedule_runs_org_created_idx").on(t.organizationId, t.createdAt),
  ],
);
