import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgSchema,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";

/** Every core table lives in the `core` Postgres schema. */
export const core = pgSchema("core");

const id = () => uuid("id").primaryKey().defaultRandom();
const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const createdAt = () => tstz("created_at").notNull().defaultNow();
const updatedAt = () => tstz("updated_at").notNull().defaultNow();
/** Money: exact decimal, 2 places (see docs/decisions/003-money.md). */
const money = (name: string) => numeric(name, { precision: 18, scale: 2 });
const orgId = () =>
  uuid("organization_id")
    .notNull()
    .references(() => organizations.id, { onDelete: "cascade" });

export const organizations = core.table("organizations", {
  id: id(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  currency: text("currency").notNull().default("USD"),
  fiscalYearStartMonth: smallint("fiscal_year_start_month").notNull().default(1),
  timeZone: text("time_zone").notNull().default("UTC"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** People who can sign in. Global (a user may belong to several organizations); shaped for better-auth. */
export const users = core.table("users", {
  id: id(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  emailVerified: boolean("email_verified").notNull().default(false),
  image: text("image"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Credentials of a user (better-auth's `account` model): the password hash lives here. */
export const authAccounts = core.table(
  "auth_accounts",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    password: text("password"),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: tstz("access_token_expires_at"),
    refreshTokenExpiresAt: tstz("refresh_token_expires_at"),
    scope: text("scope"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("auth_accounts_user_idx").on(t.userId)],
);

export const sessions = core.table(
  "sessions",
  {
    id: id(),
    token: text("token").notNull().unique(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: tstz("expires_at").notNull(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    activeOrganizationId: uuid("active_organization_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const verifications = core.table("verifications", {
  id: id(),
  identifier: text("identifier").notNull(),
  value: text("value").notNull(),
  expiresAt: tstz("expires_at").notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const ROLES = ["owner", "admin", "ops", "manager", "rep", "new_hire"] as const;

export const teams = core.table(
  "teams",
  {
    id: id(),
    organizationId: orgId(),
    name: text("name").notNull(),
    managerUserId: uuid("manager_user_id").references(() => users.id, { onDelete: "set null" }),
    parentTeamId: uuid("parent_team_id"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("teams_org_name_uq").on(t.organizationId, t.name)],
);

/** A user's place in an organization: role, team, manager. Deactivation ends sessions and keeps history. */
export const memberships = core.table(
  "memberships",
  {
    id: id(),
    organizationId: orgId(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ROLES }).notNull(),
    teamId: uuid("team_id").references(() => teams.id, { onDelete: "set null" }),
    managerUserId: uuid("manager_user_id").references(() => users.id, { onDelete: "set null" }),
    title: text("title"),
    startDate: date("start_date", { mode: "string" }),
    deactivatedAt: tstz("deactivated_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("memberships_org_user_uq").on(t.organizationId, t.userId),
    index("memberships_org_team_idx").on(t.organizationId, t.teamId),
    index("memberships_user_idx").on(t.userId),
    check("memberships_role_ck", sql`${t.role} in ('owner','admin','ops','manager','rep','new_hire')`),
  ],
);

export const accounts = core.table(
  "accounts",
  {
    id: id(),
    organizationId: orgId(),
    externalId: text("external_id"),
    name: text("name").notNull(),
    domain: text("domain"),
    industry: text("industry"),
    employees: integer("employees"),
    annualRevenue: money("annual_revenue"),
    country: text("country"),
    state: text("state"),
    city: text("city"),
    postalCode: text("postal_code"),
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
    parentAccountId: uuid("parent_account_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: tstz("deleted_at"),
  },
  (t) => [
    uniqueIndex("accounts_org_external_uq").on(t.organizationId, t.externalId),
    index("accounts_org_owner_idx").on(t.organizationId, t.ownerId),
    index("accounts_org_name_idx").on(t.organizationId, t.name),
    index("accounts_org_domain_idx").on(t.organizationId, t.domain),
    index("accounts_org_parent_idx").on(t.organizationId, t.parentAccountId),
    index("accounts_org_updated_idx").on(t.organizationId, t.updatedAt),
  ],
);

export const contacts = core.table(
  "contacts",
  {
    id: id(),
    organizationId: orgId(),
    externalId: text("external_id"),
    accountId: uuid("account_id").references(() => accounts.id, { onDelete: "set null" }),
    firstName: text("first_name"),
    lastName: text("last_name"),
    email: text("email"),
    phone: text("phone"),
    title: text("title"),
    country: text("country"),
    state: text("state"),
    city: text("city"),
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    lastActivityAt: tstz("last_activity_at"),
    deletedAt: tstz("deleted_at"),
  },
  (t) => [
    uniqueIndex("contacts_org_external_uq").on(t.organizationId, t.externalId),
    index("contacts_org_account_idx").on(t.organizationId, t.accountId),
    index("contacts_org_owner_idx").on(t.organizationId, t.ownerId),
    index("contacts_org_email_idx").on(t.organizationId, t.email),
    index("contacts_org_name_idx").on(t.organizationId, t.lastName, t.firstName),
    index("contacts_org_updated_idx").on(t.organizationId, t.updatedAt),
  ],
);

export const LEAD_STATUSES = ["new", "working", "nurturing", "qualified", "unqualified", "converted"] as const;

export const leads = core.table(
  "leads",
  {
    id: id(),
    organizationId: orgId(),
    externalId: text("external_id"),
    firstName: text("first_name"),
    lastName: text("last_name"),
    email: text("email"),
    phone: text("phone"),
    company: text("company"),
    title: text("title"),
    country: text("country"),
    state: text("state"),
    source: text("source"),
    status: text("status").notNull().default("new"),
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    firstResponseAt: tstz("first_response_at"),
    convertedAt: tstz("converted_at"),
    /** What the lead became when it was converted (`convertLead`). */
    convertedContactId: uuid("converted_contact_id").references((): AnyPgColumn => contacts.id, { onDelete: "set null" }),
    convertedAccountId: uuid("converted_account_id").references((): AnyPgColumn => accounts.id, { onDelete: "set null" }),
    convertedOpportunityId: uuid("converted_opportunity_id").references((): AnyPgColumn => opportunities.id, { onDelete: "set null" }),
    deletedAt: tstz("deleted_at"),
  },
  (t) => [
    uniqueIndex("leads_org_external_uq").on(t.organizationId, t.externalId),
    index("leads_org_owner_idx").on(t.organizationId, t.ownerId),
    index("leads_org_created_idx").on(t.organizationId, t.createdAt),
    index("leads_org_email_idx").on(t.organizationId, t.email),
    index("leads_org_updated_idx").on(t.organizationId, t.updatedAt),
  ],
);

export const opportunities = core.table(
  "opportunities",
  {
    id: id(),
    organizationId: orgId(),
    externalId: text("external_id"),
    accountId: uuid("account_id").references(() => accounts.id, { onDelete: "set null" }),
    name: text("name").notNull(),
    amount: money("amount"),
    currency: text("currency").notNull().default("USD"),
    stage: text("stage").notNull(),
    probability: smallint("probability"),
    type: text("type"),
    source: text("source"),
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    closeDate: date("close_date", { mode: "string" }),
    closedAt: tstz("closed_at"),
    isWon: boolean("is_won").notNull().default(false),
    isClosed: boolean("is_closed").notNull().default(false),
    deletedAt: tstz("deleted_at"),
  },
  (t) => [
    uniqueIndex("opportunities_org_external_uq").on(t.organizationId, t.externalId),
    index("opportunities_org_account_idx").on(t.organizationId, t.accountId),
    index("opportunities_org_owner_idx").on(t.organizationId, t.ownerId),
    index("opportunities_org_closed_idx").on(t.organizationId, t.closedAt),
    index("opportunities_org_stage_idx").on(t.organizationId, t.stage),
    index("opportunities_org_updated_idx").on(t.organizationId, t.updatedAt),
    check("opportunities_probability_ck", sql`${t.probability} between 0 and 100`),
  ],
);

export const ACTIVITY_TYPES = ["call", "email", "meeting", "task", "note"] as const;

export const activities = core.table(
  "activities",
  {
    id: id(),
    organizationId: orgId(),
    externalId: text("external_id"),
    type: text("type", { enum: ACTIVITY_TYPES }).notNull(),
    subject: text("subject"),
    occurredAt: tstz("occurred_at").notNull(),
    durationMinutes: integer("duration_minutes"),
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
    contactId: uuid("contact_id").references(() => contacts.id, { onDelete: "set null" }),
    accountId: uuid("account_id").references(() => accounts.id, { onDelete: "set null" }),
    opportunityId: uuid("opportunity_id").references(() => opportunities.id, { onDelete: "set null" }),
    leadId: uuid("lead_id").references(() => leads.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: tstz("deleted_at"),
  },
  (t) => [
    uniqueIndex("activities_org_external_uq").on(t.organizationId, t.externalId),
    index("activities_org_occurred_idx").on(t.organizationId, t.occurredAt),
    index("activities_org_owner_idx").on(t.organizationId, t.ownerId),
    index("activities_org_contact_idx").on(t.organizationId, t.contactId),
    index("activities_org_account_idx").on(t.organizationId, t.accountId),
    index("activities_org_opportunity_idx").on(t.organizationId, t.opportunityId),
    index("activities_org_lead_idx").on(t.organizationId, t.leadId),
    index("activities_org_updated_idx").on(t.organizationId, t.updatedAt),
  ],
);

/**
 * Tombstones of the record tables (accounts, contacts, leads, opportunities, activities): a statement-level
 * AFTER DELETE trigger (migration 0003) writes one row per record removed from a table. The app only
 * soft-deletes (`deleted_at`, which bumps `updated_at`); this catches what SQL or a cascade removes, so
 * readers that keep derived data (reporting's aggregates) find deletions since a watermark by index
 * instead of comparing whole tables. Deleting an organization writes none: its rows go with it.
 */
export const recordDeletions = core.table(
  "record_deletions",
  {
    organizationId: uuid("organization_id").notNull(),
    /** The table the record was in (`contacts`, …). */
    entity: text("entity").notNull(),
    recordId: uuid("record_id").notNull(),
    deletedAt: tstz("deleted_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.entity, t.recordId] }),
    index("record_deletions_org_deleted_idx").on(t.organizationId, t.entity, t.deletedAt),
  ],
);

/** Conversion of other currencies into the organization's currency (1 unit of `currency` = `rate`). */
export const exchangeRates = core.table(
  "exchange_rates",
  {
    organizationId: orgId(),
    currency: text("currency").notNull(),
    rate: numeric("rate", { precision: 18, scale: 8 }).notNull(),
    validFrom: date("valid_from", { mode: "string" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.currency, t.validFrom] })],
);

export const fiscalPeriods = core.table(
  "fiscal_periods",
  {
    id: id(),
    organizationId: orgId(),
    kind: text("kind", { enum: ["year", "quarter", "month"] }).notNull(),
    name: text("name").notNull(),
    fiscalYear: integer("fiscal_year").notNull(),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
  },
  (t) => [
    uniqueIndex("fiscal_periods_org_kind_start_uq").on(t.organizationId, t.kind, t.startsOn),
    index("fiscal_periods_org_range_idx").on(t.organizationId, t.startsOn, t.endsOn),
  ],
);

export const auditLog = core.table(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    organizationId: orgId(),
    actorUserId: uuid("actor_user_id"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    at: tstz("at").notNull().defaultNow(),
  },
  (t) => [
    index("audit_log_org_at_idx").on(t.organizationId, t.at),
    index("audit_log_org_entity_idx").on(t.organizationId, t.entityType, t.entityId),
    index("audit_log_org_actor_idx").on(t.organizationId, t.actorUserId, t.at),
  ],
);

export const JOB_STATUSES = ["queued", "running", "succeeded", "failed", "cancelled"] as const;

/** What a user sees of long work: status, progress and result. The queue itself is pg-boss's. */
export const jobs = core.table(
  "jobs",
  {
    id: id(),
    organizationId: orgId(),
    type: text("type").notNull(),
    status: text("status", { enum: JOB_STATUSES }).notNull().default("queued"),
    progressDone: integer("progress_done").notNull().default(0),
    progressTotal: integer("progress_total"),
    message: text("message"),
    input: jsonb("input"),
    result: jsonb("result"),
    error: text("error"),
    cancelRequested: boolean("cancel_requested").notNull().default(false),
    createdByUserId: uuid("created_by_user_id"),
    createdAt: createdAt(),
    startedAt: tstz("started_at"),
    finishedAt: tstz("finished_at"),
  },
  (t) => [index("jobs_org_created_idx").on(t.organizationId, t.createdAt), index("jobs_status_idx").on(t.status)],
);

/** The transactional outbox: an event is written in the same transaction as the change it reports. */
export const events = core.table(
  "events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    organizationId: orgId(),
    type: text("type").notNull(),
    payload: jsonb("payload").notNull(),
    actorUserId: uuid("actor_user_id"),
    createdAt: createdAt(),
  },
  (t) => [index("events_org_created_idx").on(t.organizationId, t.createdAt)],
);

export const organizationPlugins = core.table(
  "organization_plugins",
  {
    organizationId: orgId(),
    pluginId: text("plugin_id").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    settings: jsonb("settings").notNull().default({}),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.pluginId] })],
);

/** Column mappings remembered per header set, so the next file with the same headers maps itself. */
export const importMappings = core.table(
  "import_mappings",
  {
    organizationId: orgId(),
    entity: text("entity").notNull(),
    headerSignature: text("header_signature").notNull(),
    mapping: jsonb("mapping").notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.entity, t.headerSignature] })],
);

/** Per-organization changes to a role's permissions; absent rows mean the plugin's default grants. */
export const roleGrants = core.table(
  "role_grants",
  {
    organizationId: orgId(),
    role: text("role", { enum: ROLES }).notNull(),
    permission: text("permission").notNull(),
    granted: boolean("granted").notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.role, t.permission] })],
);

export const invitations = core.table(
  "invitations",
  {
    id: id(),
    organizationId: orgId(),
    email: text("email").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    /** SHA-256 of the token in the link; the token itself is shown once. */
    tokenHash: text("token_hash").notNull().unique(),
    invitedByUserId: uuid("invited_by_user_id"),
    status: text("status", { enum: ["pending", "accepted", "revoked", "expired"] })
      .notNull()
      .default("pending"),
    expiresAt: tstz("expires_at").notNull(),
    acceptedAt: tstz("accepted_at"),
    createdAt: createdAt(),
  },
  (t) => [index("invitations_org_idx").on(t.organizationId, t.createdAt)],
);

/** Outgoing mail; an SMTP sender drains it. Nothing is sent from a request. */
export const mailOutbox = core.table(
  "mail_outbox",
  {
    id: id(),
    organizationId: uuid("organization_id").references(() => organizations.id, { onDelete: "cascade" }),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html"),
    attachments: jsonb("attachments"),
    status: text("status", { enum: ["pending", "sent", "failed"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: createdAt(),
    sentAt: tstz("sent_at"),
  },
  (t) => [index("mail_outbox_status_idx").on(t.status, t.createdAt)],
);

/** One row per (event, subscriber): delivery is at least once, retried with backoff until it succeeds. */
export const eventDeliveries = core.table(
  "event_deliveries",
  {
    eventId: bigint("event_id", { mode: "number" })
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    subscriber: text("subscriber").notNull(),
    status: text("status", { enum: ["pending", "delivered", "failed"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    nextAttemptAt: tstz("next_attempt_at").notNull().defaultNow(),
    deliveredAt: tstz("delivered_at"),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.subscriber] }),
    index("event_deliveries_pending_idx").on(t.status, t.nextAttemptAt),
  ],
);

/**
 * What the demo seed planted: which records are copies of which, and how they were dirtied. The
 * hygiene plugin measures its precision and recall against it.
 */
export const seedDuplicates = core.table(
  "seed_duplicates",
  {
    organizationId: orgId(),
    entity: text("entity").notNull(),
    originalId: uuid("original_id").notNull(),
    duplicateId: uuid("duplicate_id").notNull(),
    dirt: text("dirt").array().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.entity, t.duplicateId] }),
    index("seed_duplicates_org_original_idx").on(t.organizationId, t.entity, t.originalId),
  ],
);
