import type { ImportEntity } from "../import/fields/index.ts";

/** An instant as ISO 8601 in UTC with its microseconds, so an export re-imports to the exact same value. */
const ts = (column: string) =>
  `regexp_replace(to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), '\\.000000Z$', 'Z')`;
const day = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;
const bool = (column: string) => `case when ${column} then 'true' else 'false' end`;

export interface ExportQuery {
  /** The rows' table, aliased `r`, with its keyset column `r.id`. */
  from: string;
  /** Canonical header → SQL text expression. */
  columns: Record<string, string>;
  /** Columns the free-text search looks in. */
  search: string[];
  owner: string | null;
  /** The condition that hides soft-deleted (or deactivated) rows. */
  live: string;
}

const ownerJoin = "left join core.users ou on ou.id = r.owner_id";
const refJoin = (alias: string, table: string, column: string) =>
  `left join core.${table} ${alias} on ${alias}.id = r.${column}`;

/** Per entity, how a row is written back: references as external ids or emails, money as exact text. */
export const exportQueries: Record<ImportEntity, ExportQuery> = {
  users: {
    from: `core.memberships r join core.users u on u.id = r.user_id
      left join core.teams tm on tm.id = r.team_id left join core.users mu on mu.id = r.manager_user_id`,
    columns: {
      email: "u.email",
      name: "u.name",
      role: "r.role",
      team: "tm.name",
      manager_email: "mu.email",
      title: "r.title",
      start_date: day("r.start_date"),
    },
    search: ["u.email", "u.name"],
    owner: null,
    live: "r.deactivated_at is null",
  },
  accounts: {
    from: `core.accounts r ${ownerJoin} ${refJoin("pa", "accounts", "parent_account_id")}`,
    columns: {
      external_id: "r.external_id",
      name: "r.name",
      domain: "r.domain",
      industry: "r.industry",
      employees: "r.employees::text",
      annual_revenue: "r.annual_revenue::text",
      country: "r.country",
      state: "r.state",
      city: "r.city",
      postal_code: "r.postal_code",
      owner_email: "ou.email",
      parent_external_id: "pa.external_id",
    },
    search: ["r.name", "r.domain", "r.external_id"],
    owner: "r.owner_id",
    live: "r.deleted_at is null",
  },
  contacts: {
    from: `core.contacts r ${ownerJoin} ${refJoin("a", "accounts", "account_id")}`,
    columns: {
      external_id: "r.external_id",
      account_external_id: "a.external_id",
      first_name: "r.first_name",
      last_name: "r.last_name",
      email: "r.email",
      phone: "r.phone",
      title: "r.title",
      country: "r.country",
      state: "r.state",
      city: "r.city",
      owner_email: "ou.email",
      created_at: ts("r.created_at"),
      last_activity_at: ts("r.last_activity_at"),
    },
    search: ["r.first_name", "r.last_name", "r.email", "r.external_id"],
    owner: "r.owner_id",
    live: "r.deleted_at is null",
  },
  leads: {
    from: `core.leads r ${ownerJoin}`,
    columns: {
      external_id: "r.external_id",
      first_name: "r.first_name",
      last_name: "r.last_name",
      email: "r.email",
      phone: "r.phone",
      company: "r.company",
      title: "r.title",
      country: "r.country",
      state: "r.state",
      source: "r.source",
      status: "r.status",
      owner_email: "ou.email",
      created_at: ts("r.created_at"),
      first_response_at: ts("r.first_response_at"),
      converted_at: ts("r.converted_at"),
    },
    search: ["r.first_name", "r.last_name", "r.email", "r.company", "r.external_id"],
    owner: "r.owner_id",
    live: "r.deleted_at is null",
  },
  opportunities: {
    from: `core.opportunities r ${ownerJoin} ${refJoin("a", "accounts", "account_id")}`,
    columns: {
      external_id: "r.external_id",
      account_external_id: "a.external_id",
      name: "r.name",
      amount: "r.amount::text",
      currency: "r.currency",
      stage: "r.stage",
      probability: "r.probability::text",
      type: "r.type",
      source: "r.source",
      owner_email: "ou.email",
      created_at: ts("r.created_at"),
      close_date: day("r.close_date"),
      closed_at: ts("r.closed_at"),
      is_won: bool("r.is_won"),
    },
    search: ["r.name", "r.external_id"],
    owner: "r.owner_id",
    live: "r.deleted_at is null",
  },
  activities: {
    from: `core.activities r ${ownerJoin} ${refJoin("c", "contacts", "contact_id")} ${refJoin("a", "accounts", "account_id")}
      ${refJoin("o", "opportunities", "opportunity_id")} ${refJoin("l", "leads", "lead_id")}`,
    columns: {
      external_id: "r.external_id",
      type: "r.type",
      subject: "r.subject",
      occurred_at: ts("r.occurred_at"),
      duration_minutes: "r.duration_minutes::text",
      owner_email: "ou.email",
      contact_external_id: "c.external_id",
      account_external_id: "a.external_id",
      opportunity_external_id: "o.external_id",
      lead_external_id: "l.external_id",
    },
    search: ["r.subject", "r.external_id"],
    owner: "r.owner_id",
    live: "r.deleted_at is null",
  },
};
