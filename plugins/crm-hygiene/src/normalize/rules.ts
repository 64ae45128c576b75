import type { Database } from "@opsdeck/db";
import { normalizeDomain } from "./domains.ts";
import { normalizeEmail } from "./emails.ts";
import { countryCode } from "./countries.ts";
import { normalizePersonName } from "./person-names.ts";
import { normalizePhone } from "./phones.ts";
import { splitCompanyName } from "./company-names.ts";
import { hasSubdivisions, stateCode } from "./states.ts";
import { contactDomainsOf } from "./rule-data.ts";

export const RULE_IDS = ["emails", "phones", "names", "companies", "domains", "countries", "states"] as const;
export type RuleId = (typeof RULE_IDS)[number];
export type NormalizedEntity = "accounts" | "contacts" | "leads";

/** A record as a rule reads it: its id and the columns it names (snake_case), as text. */
export type RuleRecord = Readonly<Record<string, string | null>> & { id: string };

export interface FieldChange {
  /** A column of the entity's table, or `legal_form` (kept in the plugin's own table). */
  field: string;
  before: string | null;
  after: string | null;
}

export interface FieldProblem {
  field: string;
  value: string;
  reason: string;
}

export interface RecordOutcome {
  changes: FieldChange[];
  invalid: FieldProblem[];
}

export interface RuleEnv {
  /** The organization's default country (settings), for records without a readable one. */
  defaultCountry: string;
  /** Per record id, what `loadExtra` found (e.g. the company domain of its contacts' emails). */
  extra?: ReadonlyMap<string, string> | undefined;
}

export interface NormalizationRule {
  id: RuleId;
  label: string;
  description: string;
  /** The entities it normalizes and the columns it reads (the ones it may change among them). */
  targets: readonly { entity: NormalizedEntity; columns: readonly string[] }[];
  apply(entity: NormalizedEntity, record: RuleRecord, env: RuleEnv): RecordOutcome;
  /** Data from other records a page needs, by record id. */
  loadExtra?(db: Database, organizationId: string, entity: NormalizedEntity, ids: readonly string[]): Promise<Map<string, string>>;
}

type Result = { value: string } | { invalid: string };

/** Applies a per-field normalizer to columns; blank values are left alone. */
function perField(record: RuleRecord, fields: readonly string[], fn: (value: string) => Result | null): RecordOutcome {
  const out: RecordOutcome = { changes: [], invalid: [] };
  for (const field of fields) {
    const before = record[field] ?? null;
    if (before === null || before.trim() === "") continue;
    const result = fn(before);
    if (!result) continue;
    if ("invalid" in result) out.invalid.push({ field, value: before, reason: result.invalid });
    else if (result.value !== before) out.changes.push({ field, before, after: result.value });
  }
  return out;
}

const people = (columns: string[]) => [
  { entity: "contacts" as const, columns },
  { entity: "leads" as const, columns },
];

const recordCountry = (record: RuleRecord, env: RuleEnv) => countryCode(record.country) ?? env.defaultCountry;

export const NORMALIZATION_RULES: Readonly<Record<RuleId, NormalizationRule>> = {
  emails: {
    id: "emails",
    label: "Emails",
    description: "Trims and lower-cases email addresses; addresses that are not valid are listed, not changed.",
    targets: people(["email"]),
    apply: (_e, record) => perField(record, ["email"], normalizeEmail),
  },
  phones: {
    id: "phones",
    label: "Phones",
    description: "Writes phone numbers in E.164 (+14155550100), read in the record's country, else the default country.",
    targets: people(["phone", "country"]),
    apply: (_e, record, env) => perField(record, ["phone"], (v) => normalizePhone(v, recordCountry(record, env))),
  },
  names: {
    id: "names",
    label: "Person names",
    description: "Cleans white space in first and last names and capitalizes names typed all in lower or upper case.",
    targets: people(["first_name", "last_name"]),
    apply: (_e, record) => perField(record, ["first_name", "last_name"], (v) => ({ value: normalizePersonName(v) ?? v })),
  },
  companies: {
    id: "companies",
    label: "Company names",
    description: "Moves the legal form (Inc., GmbH, Ltd.) of account names into its own field and re-cases names typed in capitals.",
    targets: [{ entity: "accounts", columns: ["name", "legal_form"] }],
    apply(_e, record) {
      const out: RecordOutcome = { changes: [], invalid: [] };
      const split = record.name ? splitCompanyName(record.name) : null;
      if (!split) return out;
      if (split.name !== record.name) out.changes.push({ field: "name", before: record.name ?? null, after: split.name });
      const legal = record.legal_form ?? null;
      if (split.legalForm && split.legalForm !== legal) out.changes.push({ field: "legal_form", before: legal, after: split.legalForm });
      return out;
    },
  },
  domains: {
    id: "domains",
    label: "Domains",
    description: "Keeps the bare domain of websites and emails in account domains, and fills a missing one from its contacts' work emails.",
    targets: [{ entity: "accounts", columns: ["domain"] }],
    apply(_e, record, env) {
      const out = perField(record, ["domain"], normalizeDomain);
      const found = env.extra?.get(record.id);
      if (!record.domain?.trim() && found) out.changes.push({ field: "domain", before: record.domain ?? null, after: found });
      return out;
    },
    loadExtra: contactDomainsOf,
  },
  countries: {
    id: "countries",
    label: "Countries",
    description: "Writes countries as ISO 3166 alpha-2 codes (United States, USA, U.S. → US; Deutschland → DE).",
    targets: [
      { entity: "accounts", columns: ["country"] },
      ...people(["country"]),
    ],
    apply: (_e, record) =>
      perField(record, ["country"], (v) => {
        const code = countryCode(v);
        return code ? { value: code } : { invalid: "not a country we know" };
      }),
  },
  states: {
    id: "states",
    label: "States and provinces",
    description: "Writes states and provinces as ISO 3166-2 codes (California → CA), in the record's country.",
    targets: [
      { entity: "accounts", columns: ["state", "country"] },
      ...people(["state", "country"]),
    ],
    apply(_e, record, env) {
      const country = recordCountry(record, env);
      return perField(record, ["state"], (v) => {
        if (!hasSubdivisions(country)) return null;
        const code = stateCode(v, country);
        return code ? { value: code } : { invalid: `not a state or province of ${country}` };
      });
    },
  },
};

/** A rule id from user input, or undefined. */
export function isRuleId(value: string): value is RuleId {
  return (RULE_IDS as readonly string[]).includes(value);
}
