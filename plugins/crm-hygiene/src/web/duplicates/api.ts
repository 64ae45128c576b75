import type { BadgeTone } from "@opsdeck/ui";

// Literals, not imports of the server's zod modules: the web part does not bundle zod.
export const DUPLICATES_READ = "crm-hygiene.duplicates.read";
export const DUPLICATES_MERGE = "crm-hygiene.duplicates.merge";
export const RULES_MANAGE = "crm-hygiene.rules.manage";

export const DUP_ENTITIES = ["contacts", "accounts", "leads", "lead_contact"] as const;
export type DupEntity = (typeof DUP_ENTITIES)[number];

export const DUP_LABELS: Record<DupEntity, string> = {
  contacts: "Contacts",
  accounts: "Accounts",
  leads: "Leads",
  lead_contact: "Leads matching contacts",
};

export const isDupEntity = (v: unknown): v is DupEntity => typeof v === "string" && (DUP_ENTITIES as readonly string[]).includes(v);

/** "97.3%" for a match probability. */
export const formatScore = (score: number) => `${(Math.floor(score * 1000) / 10).toFixed(1)}%`;

/** Green at or above auto-merge, amber above review, grey below. */
export function scoreTone(score: number, autoMerge: number): BadgeTone {
  return score >= autoMerge ? "success" : "warning";
}

export const FIELD_LABELS: Record<string, string> = {
  firstName: "First name",
  lastName: "Last name",
  email: "Email",
  phone: "Phone",
  title: "Title",
  accountId: "Account",
  country: "Country",
  state: "State",
  city: "City",
  ownerId: "Owner",
  name: "Name",
  domain: "Domain",
  industry: "Industry",
  employees: "Employees",
  annualRevenue: "Annual revenue",
  postalCode: "Postal code",
  parentAccountId: "Parent account",
  company: "Company",
  source: "Source",
  status: "Status",
  account: "Account",
};

export const COMPARATOR_LABELS: Record<string, string> = {
  exact: "Exact",
  normalized: "Normalized exact",
  jaro_winkler: "Jaro-Winkler (fuzzy)",
  token_set: "Token set (company names)",
  person_name: "Person name (phonetic, nicknames, swapped)",
  email: "Email (address, mailbox)",
  domain: "Web domain",
  phone: "Phone (E.164)",
};

export const RULE_LABELS: Record<string, string> = {
  most_complete: "Most complete",
  most_recent: "Most recent",
  oldest: "Oldest",
  manual: "Manual pick",
};

/** A record's one-line name in the side-by-side view. */
export function recordLabel(r: Record<string, unknown>): string {
  if (typeof r.name === "string") return r.name;
  const name = [r.firstName, r.lastName].filter((x) => typeof x === "string" && x).join(" ");
  return name || (typeof r.email === "string" ? r.email : "(no name)");
}

/** The shell's page of a record. */
export const recordHref = (kind: string, id: string) => `/records/${kind}/${id}`;

// One message helper for the shell and every plugin.
export { errorMessage as errorText } from "@opsdeck/plugin-sdk/web";

/** A field value as the comparison shows it. */
export function display(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (value instanceof Date) return value.toLocaleDateString();
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

export const ACTIVE_JOB = new Set(["queued", "running"]);
