import { OpsdeckError } from "@opsdeck/core";
import type { SlotContribution } from "@opsdeck/plugin-sdk";
import { z } from "zod";

export const FIELD_TYPES = ["text", "number", "money", "date", "datetime", "boolean"] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface DatasetField {
  name: string;
  label: string;
  type: FieldType;
  /** SQL over the dataset's row alias `r` (and its joins). */
  sql: string;
  /** For money: the column holding the currency and the day whose rate converts it (org currency otherwise). */
  currencySql?: string;
  rateDaySql?: string;
}

export interface Dataset {
  id: string;
  label: string;
  /** FROM clause: the relation as `r`, plus joins. */
  from: string;
  /** Unique, ordered key of a row (keyset pagination of exports). */
  idSql: string;
  organizationSql: string;
  /** The owner column scoping what a rep or a manager sees; null when rows have no owner (ops and admins only). */
  ownerSql: string | null;
  liveSql: string | null;
  fields: DatasetField[];
  defaultColumns: string[];
  /** The plugin that registered it (absent for core's). */
  pluginId?: string;
}

const f = (name: string, label: string, type: FieldType, sql = `r.${name}`, extra: Partial<DatasetField> = {}): DatasetField => ({ name, label, type, sql, ...extra });
const owner = [f("owner_name", "Owner", "text", "ou.name"), f("team", "Team", "text", "ot.name"), f("owner_id", "Owner id", "text", "r.owner_id::text")];
const ownerJoins = (table: string) =>
  `${table} r left join core.users ou on ou.id = r.owner_id
   left join core.memberships om on om.user_id = r.owner_id and om.organization_id = r.organization_id
   left join core.teams ot on ot.id = om.team_id`;
const base = (id: string, label: string, table: string, fields: DatasetField[], defaultColumns: string[], joins = ""): Dataset => ({
  id,
  label,
  from: `${ownerJoins(table)} ${joins}`,
  idSql: "r.id",
  organizationSql: "r.organization_id",
  ownerSql: "r.owner_id",
  liveSql: "r.deleted_at is null",
  fields: [...fields, ...owner],
  defaultColumns,
});
const account = " left join core.accounts ra on ra.id = r.account_id and ra.organization_id = r.organization_id";

/** The CRM record types every organization can report on. */
export const CORE_DATASETS: Dataset[] = [
  base("opportunities", "Opportunities", "core.opportunities", [
    f("name", "Name", "text"),
    f("account_name", "Account", "text", "ra.name"),
    f("stage", "Stage", "text"),
    f("amount", "Amount", "money", "r.amount", { currencySql: "r.currency", rateDaySql: "coalesce(r.closed_at::date, r.close_date, current_date)" }),
    f("currency", "Currency", "text"),
    f("probability", "Probability", "number"),
    f("type", "Type", "text"),
    f("source", "Source", "text"),
    f("is_won", "Won", "boolean"),
    f("is_closed", "Closed", "boolean"),
    f("close_date", "Close date", "date"),
    f("closed_at", "Closed at", "datetime"),
    f("created_at", "Created", "datetime"),
  ], ["name", "account_name", "stage", "amount", "close_date", "owner_name"], account),
  base("leads", "Leads", "core.leads", [
    f("first_name", "First name", "text"),
    f("last_name", "Last name", "text"),
    f("email", "Email", "text"),
    f("company", "Company", "text"),
    f("title", "Title", "text"),
    f("country", "Country", "text"),
    f("source", "Source", "text"),
    f("status", "Status", "text"),
    f("created_at", "Created", "datetime"),
    f("first_response_at", "First response", "datetime"),
    f("response_minutes", "Response time (min)", "number", "(extract(epoch from (r.first_response_at - r.created_at)) / 60)::numeric(12,1)"),
    f("converted_at", "Converted", "datetime"),
  ], ["first_name", "last_name", "company", "source", "status", "created_at", "owner_name"]),
  base("activities", "Activities", "core.activities", [
    f("type", "Type", "text"),
    f("subject", "Subject", "text"),
    f("occurred_at", "Occurred", "datetime"),
    f("duration_minutes", "Duration (min)", "number"),
    f("account_name", "Account", "text", "ra.name"),
    f("created_at", "Created", "datetime"),
  ], ["type", "subject", "occurred_at", "duration_minutes", "owner_name"], account),
  base("accounts", "Accounts", "core.accounts", [
    f("name", "Name", "text"),
    f("domain", "Domain", "text"),
    f("industry", "Industry", "text"),
    f("employees", "Employees", "number"),
    f("annual_revenue", "Annual revenue", "money", "r.annual_revenue"),
    f("country", "Country", "text"),
    f("state", "State", "text"),
    f("created_at", "Created", "datetime"),
  ], ["name", "industry", "country", "employees", "owner_name"]),
  base("contacts", "Contacts", "core.contacts", [
    f("first_name", "First name", "text"),
    f("last_name", "Last name", "text"),
    f("email", "Email", "text"),
    f("phone", "Phone", "text"),
    f("title", "Title", "text"),
    f("account_name", "Account", "text", "ra.name"),
    f("country", "Country", "text"),
    f("created_at", "Created", "datetime"),
    f("last_activity_at", "Last activity", "datetime"),
  ], ["first_name", "last_name", "email", "account_name", "owner_name"], account),
];

/** The slot a plugin fills to offer a dataset to the report builder (see docs/plugin-author-guide.md). */
export const REPORT_DATASET_SLOT = "reporting.report.dataset";

const IDENT = /^[a-z_][a-z0-9_]*$/;

/** What a plugin declares under `slots["reporting.report.dataset"]` in its manifest (plain JSON). */
export const datasetContributionSchema = z.object({
  id: z.string().regex(IDENT),
  label: z.string().trim().min(1).max(80),
  /** A table or view in the plugin's own schema with `id` and `organization_id` columns: `plugin_x.report_issues`. */
  relation: z.string().regex(/^plugin_[a-z0-9_]+\.[a-z_][a-z0-9_]*$/),
  /** Column of the owner (a core user id) scoping rows by role; omit when rows have none (then only ops and admins may use it). */
  ownerColumn: z.string().regex(IDENT).optional(),
  fields: z
    .array(z.object({ name: z.string().regex(IDENT), label: z.string().trim().min(1).max(80), type: z.enum(FIELD_TYPES) }))
    .min(1)
    .max(100),
  defaultColumns: z.array(z.string().regex(IDENT)).optional(),
});
export type DatasetContribution = z.input<typeof datasetContributionSchema>;

/**
 * Turns a plugin's contribution into a dataset. The relation must live in the contributing plugin's own
 * schema (`plugin_<id>`), and every name is an identifier, so nothing but that relation's columns is read.
 * Money fields of plugin datasets are taken to be in the organization's currency.
 */
export function datasetFromContribution(pluginId: string, contribution: SlotContribution): Dataset {
  const parsed = datasetContributionSchema.safeParse(contribution);
  if (!parsed.success) throw new OpsdeckError("BAD_REQUEST", `Plugin "${pluginId}" declares an invalid report dataset.`);
  const c = parsed.data;
  const schema = `plugin_${pluginId.replaceAll("-", "_")}`;
  if (!c.relation.startsWith(`${schema}.`)) {
    throw new OpsdeckError("BAD_REQUEST", `Plugin "${pluginId}" may only offer datasets from its own schema ${schema}.`);
  }
  const names = new Set(c.fields.map((x) => x.name));
  return {
    id: `${pluginId}.${c.id}`,
    label: c.label,
    from: `${c.relation} r`,
    idSql: "r.id",
    organizationSql: "r.organization_id",
    ownerSql: c.ownerColumn ? `r.${c.ownerColumn}` : null,
    liveSql: null,
    fields: c.fields.map((x) => f(x.name, x.label, x.type)),
    defaultColumns: (c.defaultColumns ?? c.fields.slice(0, 6).map((x) => x.name)).filter((n) => names.has(n)),
    pluginId,
  };
}

/** Core's datasets and those of the given contributions (a bad contribution is skipped, not fatal). */
export function datasetCatalog(contributions: ReadonlyArray<{ pluginId: string; contribution: SlotContribution }> = []): Dataset[] {
  const extra: Dataset[] = [];
  for (const { pluginId, contribution } of contributions) {
    try {
      extra.push(datasetFromContribution(pluginId, contribution));
    } catch {
      // An invalid declaration only hides that dataset; the builder keeps working.
    }
  }
  return [...CORE_DATASETS, ...extra];
}

export function findDataset(catalog: Dataset[], id: string): Dataset {
  const dataset = catalog.find((d) => d.id === id);
  if (!dataset) throw new OpsdeckError("BAD_REQUEST", `No dataset "${id}".`, { issues: [{ path: ["entity"], message: "Unknown dataset" }] });
  return dataset;
}
