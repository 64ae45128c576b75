import type { RecordEntity } from "../../domain/entities.ts";

/**
 * How staged rows become rows of a record table. Each target column names the file fields it depends on
 * (it is written only when one of them is in the file, so a column absent from the file is never
 * touched) and its new value as SQL over: `s` the staged row, `t` the existing row (null for a new one),
 * `own` the owner (a member), and the reference joins below. `:org` and `:currency` are parameters.
 */
export interface TargetColumn {
  column: string;
  uses: readonly string[];
  value: string;
}

export interface RecordMergeSpec {
  table: string;
  targets: readonly TargetColumn[];
  /** Reference fields → the record table they name by external id (checked, then joined as `r_<field>`). */
  refs: Readonly<Record<string, RecordEntity>>;
  /** A reference to the same table that may point later in the file: rows wait until the end. */
  selfRef?: { field: string; column: string };
}

const plain = (...columns: string[]): TargetColumn[] => columns.map((c) => ({ column: c, uses: [c], value: `s.${c}` }));
const owner: TargetColumn = { column: "owner_id", uses: ["owner_email"], value: "own.user_id" };
const ref = (column: string, field: string): TargetColumn => ({ column, uses: [field], value: `r_${field}.id` });
/** A NOT NULL column with a default: an empty cell keeps the existing value (or takes the default). */
const createdAt: TargetColumn = { column: "created_at", uses: ["created_at"], value: "coalesce(s.created_at, t.created_at, now())" };

export const recordMergeSpecs: Record<RecordEntity, RecordMergeSpec> = {
  accounts: {
    table: "core.accounts",
    targets: [
      ...plain("name", "domain", "industry", "employees", "annual_revenue", "country", "state", "city", "postal_code"),
      owner,
      { column: "parent_account_id", uses: ["parent_external_id"], value: "par.id" },
    ],
    refs: {},
    selfRef: { field: "parent_external_id", column: "parent_account_id" },
  },
  contacts: {
    table: "core.contacts",
    targets: [
      ref("account_id", "account_external_id"),
      ...plain("first_name", "last_name", "email", "phone", "title", "country", "state", "city"),
      owner,
      createdAt,
      ...plain("last_activity_at"),
    ],
    refs: { account_external_id: "accounts" },
  },
  leads: {
    table: "core.leads",
    targets: [
      ...plain("first_name", "last_name", "email", "phone", "company", "title", "country", "state", "source"),
      { column: "status", uses: ["status"], value: "coalesce(s.status, t.status, 'new')" },
      owner,
      createdAt,
      ...plain("first_response_at", "converted_at"),
    ],
    refs: {},
  },
  opportunities: {
    table: "core.opportunities",
    targets: [
      ref("account_id", "account_external_id"),
      ...plain("name", "amount"),
      { column: "currency", uses: ["currency"], value: "coalesce(s.currency, t.currency, :currency)" },
      ...plain("stage"),
      { column: "probability", uses: ["stage"], value: "s.probability" },
      { column: "is_closed", uses: ["stage"], value: "s.is_closed" },
      { column: "is_won", uses: ["stage"], value: "s.is_won" },
      {
        column: "closed_at",
        uses: ["stage"],
        // A closed deal keeps the moment it closed unless the file says otherwise.
        value: `case when s.is_closed then coalesce(s.closed_at, case when t.is_closed then t.closed_at end,
          coalesce(s.close_date, t.close_date)::timestamptz, now()) end`,
      },
      ...plain("type", "source"),
      owner,
      createdAt,
      ...plain("close_date"),
    ],
    refs: { account_external_id: "accounts" },
  },
  activities: {
    table: "core.activities",
    targets: [
      ...plain("type", "subject", "occurred_at", "duration_minutes"),
      owner,
      ref("contact_id", "contact_external_id"),
      ref("account_id", "account_external_id"),
      ref("opportunity_id", "opportunity_external_id"),
      ref("lead_id", "lead_external_id"),
    ],
    refs: {
      contact_external_id: "contacts",
      account_external_id: "accounts",
      opportunity_external_id: "opportunities",
      lead_external_id: "leads",
    },
  },
};
