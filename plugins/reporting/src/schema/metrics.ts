// Tables of the "metrics" area: the fact ledgers and the aggregates the dashboards answer from, their freshness,
// and custom dashboards. See docs/decisions/014-aggregates.md for the design.
import { organizations, users } from "@opsdeck/core/schema";
import { sql } from "drizzle-orm";
import { boolean, date, index, integer, jsonb, numeric, primaryKey, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { pluginReporting } from "./base.ts";

const orgId = () =>
  uuid("organization_id")
    .notNull()
    .references(() => organizations.id, { onDelete: "cascade" });
const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const amount = (name: string) => numeric(name, { precision: 24, scale: 4 }).notNull().default("0");
const count = (name: string) => integer(name).notNull().default(0);
/** Aggregate keys are NOT NULL (they are primary keys): no owner is the nil uuid, no source is "". */
const ownerKey = () => uuid("owner_id").notNull();

/** Per organization: when the aggregates were built and up to when they are known to be complete. */
export const metricState = pluginReporting.table("metric_state", {
  organizationId: orgId().primaryKey(),
  /** Days are cut in this time zone; a change of the organization's time zone rebuilds everything. */
  timeZone: text("time_zone").notNull(),
  builtAt: tstz("built_at"),
  /** Every change committed before this instant is counted (the "as of" of every answer). */
  asOf: tstz("as_of"),
  /** Lower bound of `updated_at` the next sweep looks at (minus an overlap). */
  watermark: tstz("watermark"),
  refreshRequestedAt: tstz("refresh_requested_at"),
  lastDurationMs: integer("last_duration_ms"),
});

/** Records whose facts must be re-derived (from events, sweeps); drained under the organization's lock. */
export const refreshQueue = pluginReporting.table(
  "refresh_queue",
  {
    organizationId: orgId(),
    kind: text("kind", { enum: ["opportunity", "lead", "activity"] }).notNull(),
    recordId: uuid("record_id").notNull(),
    batch: uuid("batch"),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.kind, t.recordId] })],
);

/** What each live opportunity contributes to the aggregates, as last counted. */
export const opportunityFacts = pluginReporting.table(
  "opportunity_facts",
  {
    organizationId: orgId(),
    opportunityId: uuid("opportunity_id").notNull(),
    ownerId: ownerKey(),
    source: text("source").notNull(),
    segment: text("segment").notNull(),
    currency: text("currency").notNull(),
    amount: numeric("amount", { precision: 18, scale: 2 }).notNull(),
    probability: smallint("probability").notNull(),
    stage: text("stage").notNull(),
    /** Highest pipeline stage reached (0 prospecting … 4 negotiation, 5 won). */
    reached: smallint("reached").notNull(),
    createdDay: date("created_day", { mode: "string" }).notNull(),
    /** Effective close day (never before the creation day); null while open. */
    closedDay: date("closed_day", { mode: "string" }),
    isWon: boolean("is_won").notNull(),
    /** closed − created, in seconds, for won deals. */
    cycleSeconds: numeric("cycle_seconds", { precision: 20, scale: 6 }),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.opportunityId] }),
    index("opportunity_facts_closed_idx").on(t.organizationId, t.closedDay),
    index("opportunity_facts_created_idx").on(t.organizationId, t.createdDay),
  ],
);

/** Per organization × day × owner × source × segment × currency: what was created, closed, won and lost. */
export const opportunityDaily = pluginReporting.table(
  "opportunity_daily",
  {
    organizationId: orgId(),
    day: date("day", { mode: "string" }).notNull(),
    ownerId: ownerKey(),
    source: text("source").notNull(),
    segment: text("segment").notNull(),
    currency: text("currency").notNull(),
    createdCount: count("created_count"),
    createdAmount: amount("created_amount"),
    createdWeighted: amount("created_weighted"),
    closedCount: count("closed_count"),
    closedAmount: amount("closed_amount"),
    closedWeighted: amount("closed_weighted"),
    wonCount: count("won_count"),
    wonAmount: amount("won_amount"),
    wonCycleSeconds: numeric("won_cycle_seconds", { precision: 24, scale: 6 }).notNull().default("0"),
    lostCount: count("lost_count"),
    /** Of the deals created that day: how many reached stage 1 … 4 and were won (stage conversion). */
    reached1: count("reached_1"),
    reached2: count("reached_2"),
    reached3: count("reached_3"),
    reached4: count("reached_4"),
    reached5: count("reached_5"),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.day, t.ownerId, t.source, t.segment, t.currency] }),
    index("opportunity_daily_owner_idx").on(t.organizationId, t.ownerId, t.day),
  ],
);

const opportunityMeasures = () => ({
  createdCount: count("created_count"),
  createdAmount: amount("created_amount"),
  createdWeighted: amount("created_weighted"),
  closedCount: count("closed_count"),
  closedAmount: amount("closed_amount"),
  closedWeighted: amount("closed_weighted"),
  wonCount: count("won_count"),
  wonAmount: amount("won_amount"),
  wonCycleSeconds: numeric("won_cycle_seconds", { precision: 24, scale: 6 }).notNull().default("0"),
  lostCount: count("lost_count"),
  reached1: count("reached_1"),
  reached2: count("reached_2"),
  reached3: count("reached_3"),
  reached4: count("reached_4"),
  reached5: count("reached_5"),
});

/** `opportunity_daily` summed over owners: what everyone-scope questions read. */
export const opportunityDailyTotals = pluginReporting.table(
  "opportunity_daily_totals",
  {
    organizationId: orgId(),
    day: date("day", { mode: "string" }).notNull(),
    source: text("source").notNull(),
    segment: text("segment").notNull(),
    currency: text("currency").notNull(),
    ...opportunityMeasures(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.day, t.source, t.segment, t.currency] })],
);

/** The open pipeline right now, by owner × source × segment × currency × stage. */
export const opportunityOpen = pluginReporting.table(
  "opportunity_open",
  {
    organizationId: orgId(),
    ownerId: ownerKey(),
    source: text("source").notNull(),
    segment: text("segment").notNull(),
    currency: text("currency").notNull(),
    stage: text("stage").notNull(),
    openCount: count("open_count"),
    openAmount: amount("open_amount"),
    openWeighted: amount("open_weighted"),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.ownerId, t.source, t.segment, t.currency, t.stage] })],
);

export const opportunityOpenTotals = pluginReporting.table(
  "opportunity_open_totals",
  {
    organizationId: orgId(),
    source: text("source").notNull(),
    segment: text("segment").notNull(),
    currency: text("currency").notNull(),
    stage: text("stage").notNull(),
    openCount: count("open_count"),
    openAmount: amount("open_amount"),
    openWeighted: amount("open_weighted"),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.source, t.segment, t.currency, t.stage] })],
);

export const leadFacts = pluginReporting.table(
  "lead_facts",
  {
    organizationId: orgId(),
    leadId: uuid("lead_id").notNull(),
    ownerId: ownerKey(),
    source: text("source").notNull(),
    createdDay: date("created_day", { mode: "string" }).notNull(),
    /** first_response_at − created_at in seconds; -1 when nobody answered. */
    responseSeconds: numeric("response_seconds", { precision: 20, scale: 6 }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.leadId] }),
    index("lead_facts_created_idx").on(t.organizationId, t.createdDay),
  ],
);

/** Leads by creation day × owner × source × response time (the median needs the distribution). */
export const leadDaily = pluginReporting.table(
  "lead_daily",
  {
    organizationId: orgId(),
    day: date("day", { mode: "string" }).notNull(),
    ownerId: ownerKey(),
    source: text("source").notNull(),
    responseSeconds: numeric("response_seconds", { precision: 20, scale: 6 }).notNull(),
    leadCount: count("lead_count"),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.day, t.ownerId, t.source, t.responseSeconds] }),
    index("lead_daily_owner_idx").on(t.organizationId, t.ownerId, t.day),
  ],
);

export const leadDailyTotals = pluginReporting.table(
  "lead_daily_totals",
  {
    organizationId: orgId(),
    day: date("day", { mode: "string" }).notNull(),
    source: text("source").notNull(),
    responseSeconds: numeric("response_seconds", { precision: 20, scale: 6 }).notNull(),
    leadCount: count("lead_count"),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.day, t.source, t.responseSeconds] })],
);

export const activityFacts = pluginReporting.table(
  "activity_facts",
  {
    organizationId: orgId(),
    activityId: uuid("activity_id").notNull(),
    ownerId: ownerKey(),
    day: date("day", { mode: "string" }).notNull(),
    type: text("type").notNull(),
    /** Linked to a lead or a deal: a sales conversation with a prospect. */
    prospect: boolean("prospect").notNull(),
    minutes: integer("minutes").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.activityId] }),
    index("activity_facts_day_idx").on(t.organizationId, t.day),
  ],
);

export const activityDaily = pluginReporting.table(
  "activity_daily",
  {
    organizationId: orgId(),
    day: date("day", { mode: "string" }).notNull(),
    ownerId: ownerKey(),
    type: text("type").notNull(),
    prospect: boolean("prospect").notNull(),
    activityCount: count("activity_count"),
    minutes: count("minutes"),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.day, t.ownerId, t.type, t.prospect] }),
    index("activity_daily_owner_idx").on(t.organizationId, t.ownerId, t.day),
  ],
);

export const activityDailyTotals = pluginReporting.table(
  "activity_daily_totals",
  {
    organizationId: orgId(),
    day: date("day", { mode: "string" }).notNull(),
    type: text("type").notNull(),
    prospect: boolean("prospect").notNull(),
    activityCount: count("activity_count"),
    minutes: count("minutes"),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.day, t.type, t.prospect] })],
);

/** Custom dashboards (the built-in ones live in code). */
export const dashboards = pluginReporting.table(
  "dashboards",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: orgId(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    /** `DashboardLayout`: the widgets in order, each with its size (src/dashboards/widgets.ts). */
    widgets: jsonb("widgets").notNull().default(sql`'[]'::jsonb`),
    /** Who else sees it: nobody ("private"), everyone with dashboards.read ("organization"). */
    sharing: text("sharing", { enum: ["private", "organization"] }).notNull().default("private"),
    ownerUserId: uuid("owner_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: tstz("created_at").notNull().defaultNow(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [index("dashboards_org_idx").on(t.organizationId, t.name)],
);
