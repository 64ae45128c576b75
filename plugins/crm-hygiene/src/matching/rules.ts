// Matching rules: which fields are compared with which comparator, how much each counts, which blocking passes
// pick the candidate pairs, and the two thresholds. Pure data + zod, shared with the web part's editor.
import { z } from "zod";

export const DUPLICATE_ENTITIES = ["contacts", "accounts", "leads", "lead_contact"] as const;
export type DuplicateEntity = (typeof DUPLICATE_ENTITIES)[number];
export const duplicateEntity = z.enum(DUPLICATE_ENTITIES);

export const ENTITY_LABELS: Record<DuplicateEntity, string> = {
  contacts: "Contacts",
  accounts: "Accounts",
  leads: "Leads",
  lead_contact: "Leads matching contacts",
};

export const COMPARATORS = ["exact", "normalized", "jaro_winkler", "token_set", "person_name", "email", "domain", "phone"] as const;
export type Comparator = (typeof COMPARATORS)[number];

/** The fields a rule may compare, per entity, and the comparators that make sense for each. */
export const MATCH_FIELDS: Record<DuplicateEntity, Record<string, readonly Comparator[]>> = {
  contacts: {
    name: ["person_name"],
    email: ["email", "exact", "normalized"],
    phone: ["phone", "exact"],
    account: ["exact"],
    title: ["normalized", "jaro_winkler", "exact"],
    city: ["normalized", "jaro_winkler"],
    country: ["normalized"],
  },
  leads: {
    name: ["person_name"],
    email: ["email", "exact", "normalized"],
    phone: ["phone", "exact"],
    company: ["token_set", "jaro_winkler", "normalized"],
    title: ["normalized", "jaro_winkler", "exact"],
    country: ["normalized"],
  },
  lead_contact: {
    name: ["person_name"],
    email: ["email", "exact", "normalized"],
    phone: ["phone", "exact"],
    company: ["token_set", "jaro_winkler", "normalized"],
    title: ["normalized", "jaro_winkler", "exact"],
    country: ["normalized"],
  },
  accounts: {
    name: ["token_set", "jaro_winkler", "normalized"],
    domain: ["domain", "exact"],
    country: ["normalized"],
    industry: ["normalized"],
    city: ["normalized", "jaro_winkler"],
  },
};

/** Blocking passes: a pair is compared when the two records share one of these keys. */
export const BLOCKING_KEYS: Record<DuplicateEntity, Record<string, string>> = {
  contacts: {
    email: "Same email address",
    phone: "Same phone number (E.164)",
    name_phonetic: "Same sounding first and last name, in either order",
    account_initials: "Same account and the same initials",
  },
  leads: {
    email: "Same email address",
    phone: "Same phone number (E.164)",
    name_phonetic: "Same sounding first and last name, in either order",
    company_initials: "Same company and the same initials",
  },
  lead_contact: {
    email: "Same email address",
    phone: "Same phone number (E.164)",
    name_phonetic: "Same sounding first and last name, in either order",
    company_initials: "Same company (lead) / account name (contact) and the same initials",
  },
  accounts: {
    domain: "Same web domain",
    name: "Same name without the legal form",
    name_tail: "Same last name word and first letter",
    name_phonetic: "Same sounding first word and second initial",
  },
};

export const comparisonRule = z.object({
  field: z.string().min(1),
  comparator: z.enum(COMPARATORS),
  /** Multiplies the comparison's log-likelihood weights: 0 turns it off, 2 doubles its say. */
  weight: z.number().min(0).max(5).default(1),
});
export type ComparisonRule = z.output<typeof comparisonRule>;

export const matchingRules = z
  .object({
    comparisons: z.array(comparisonRule).min(1).max(12),
    blocking: z.array(z.string().min(1)).min(1).max(8),
    /** A pair scoring at least this lands in the review queue. */
    reviewThreshold: z.number().min(0.5).max(0.999),
    /** Clusters whose every pair scores at least this may be merged in bulk without review. */
    autoMergeThreshold: z.number().min(0.5).max(1),
    /** Blocks bigger than this are skipped (a key shared by thousands of records says little). */
    maxBlockSize: z.number().int().min(10).max(5000).default(400),
    /** Share of records expected to have a duplicate: sets the prior odds of a match. */
    expectedDuplicateShare: z.number().min(0.0001).max(0.5).default(0.05),
  })
  .refine((r) => r.autoMergeThreshold >= r.reviewThreshold, {
    message: "The auto-merge threshold must not be below the review threshold",
    path: ["autoMergeThreshold"],
  });
export type MatchingRules = z.output<typeof matchingRules>;

/** Checks that every field/comparator/blocking key exists for the entity; returns the problems. */
export function ruleProblems(entity: DuplicateEntity, rules: MatchingRules): Array<{ path: (string | number)[]; message: string }> {
  const problems: Array<{ path: (string | number)[]; message: string }> = [];
  const fields = MATCH_FIELDS[entity];
  rules.comparisons.forEach((c, i) => {
    const allowed = fields[c.field];
    if (!allowed) problems.push({ path: ["comparisons", i, "field"], message: `No field "${c.field}" for ${entity}` });
    else if (!allowed.includes(c.comparator)) {
      problems.push({ path: ["comparisons", i, "comparator"], message: `${c.field} cannot be compared with ${c.comparator}` });
    }
  });
  const keys = BLOCKING_KEYS[entity];
  rules.blocking.forEach((b, i) => {
    if (!keys[b]) problems.push({ path: ["blocking", i], message: `No blocking key "${b}" for ${entity}` });
  });
  return problems;
}

const PERSON: MatchingRules["comparisons"] = [
  { field: "name", comparator: "person_name", weight: 1 },
  { field: "email", comparator: "email", weight: 1 },
  { field: "phone", comparator: "phone", weight: 1 },
  { field: "title", comparator: "normalized", weight: 1 },
];

/** Rules that work out of the box; measured against the demo's planted duplicates (docs/decisions/010). */
export const DEFAULT_RULES: Record<DuplicateEntity, MatchingRules> = {
  contacts: {
    comparisons: [...PERSON, { field: "account", comparator: "exact", weight: 1 }],
    blocking: ["email", "phone", "name_phonetic", "account_initials"],
    reviewThreshold: 0.8,
    autoMergeThreshold: 0.99,
    maxBlockSize: 400,
    expectedDuplicateShare: 0.05,
  },
  leads: {
    comparisons: [...PERSON, { field: "company", comparator: "token_set", weight: 1 }],
    blocking: ["email", "phone", "name_phonetic", "company_initials"],
    reviewThreshold: 0.8,
    autoMergeThreshold: 0.99,
    maxBlockSize: 400,
    expectedDuplicateShare: 0.02,
  },
  lead_contact: {
    comparisons: [...PERSON, { field: "company", comparator: "token_set", weight: 1 }],
    blocking: ["email", "phone", "name_phonetic", "company_initials"],
    reviewThreshold: 0.8,
    autoMergeThreshold: 0.99,
    maxBlockSize: 400,
    expectedDuplicateShare: 0.03,
  },
  accounts: {
    comparisons: [
      { field: "name", comparator: "token_set", weight: 1 },
      { field: "domain", comparator: "domain", weight: 1 },
      { field: "country", comparator: "normalized", weight: 1 },
      { field: "industry", comparator: "normalized", weight: 1 },
      { field: "city", comparator: "normalized", weight: 1 },
    ],
    blocking: ["domain", "name", "name_tail", "name_phonetic"],
    reviewThreshold: 0.8,
    autoMergeThreshold: 0.99,
    maxBlockSize: 400,
    expectedDuplicateShare: 0.02,
  },
};
