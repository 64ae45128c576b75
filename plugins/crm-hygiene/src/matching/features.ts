// Records turned into compact columns for matching: every compared value is interned to an integer code (equality
// is one integer compare; the code's count gives the value's frequency), with the folded text kept only where a
// fuzzy comparator needs it.
import { doubleMetaphone } from "double-metaphone";
import { canonicalFirstName } from "./nicknames.ts";
import { companyTokens, countryCode, foldName, foldText, normalizeDomain, normalizeEmail, normalizePhone } from "./normalize.ts";
import type { ComparisonRule, DuplicateEntity } from "./rules.ts";

/** One record as the matcher reads it. Persons use the first block of fields, accounts the second. */
export interface MatchRow {
  id: string;
  externalId: string | null;
  /** lead_contact: 0 for a contact, 1 for a lead; 0 elsewhere. */
  side?: number;
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  phone?: string | null;
  title?: string | null;
  country?: string | null;
  city?: string | null;
  accountId?: string | null;
  /** A lead's company, or a contact's account name (lead_contact). */
  company?: string | null;
  name?: string | null;
  domain?: string | null;
  industry?: string | null;
  parentId?: string | null;
}

/** Strings to dense integer codes, with how many records hold each. */
export class Interner {
  readonly codes = new Map<string, number>();
  readonly counts: number[] = [];
  readonly values: string[] = [];
  /** Interns `value` and counts one more holder; -1 for null. */
  add(value: string | null): number {
    if (value === null) return -1;
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.codes.set(value, code);
      this.values.push(value);
      this.counts.push(0);
    }
    this.counts[code]! += 1;
    return code;
  }
}

/** A person's name, ready for the person_name comparator and the phonetic blocking key. */
export interface NameColumns {
  names: Interner;
  first: number[];
  last: number[];
  firstText: (string | null)[];
  lastText: (string | null)[];
  /** Double Metaphone codes (primary, alternate) of each part, interned in `phon`. */
  firstPhon: number[];
  firstPhonAlt: number[];
  lastPhon: number[];
  lastPhonAlt: number[];
  phon: Interner;
}

/** The values of one compared field. `sub` is a second value (e-mail local part, phone's last 7 digits). */
export interface ValueColumn {
  interner: Interner;
  codes: number[];
  text: (string | null)[] | null;
  sub: (string | null)[] | null;
}

export interface FeatureTable {
  entity: DuplicateEntity;
  defaultCountry: string;
  rules: Pick<ComparisonRule, "field" | "comparator">[];
  size: number;
  ids: string[];
  side: number[];
  parent: (string | null)[];
  name: NameColumns | null;
  columns: Map<string, ValueColumn>;
  /** Blocking helpers: account / company codes and initials. */
  accountCodes: number[];
  accounts: Interner;
  companyFirst: (string | null)[];
  nameTokens: (string[] | null)[];
}

const columnKey = (c: Pick<ComparisonRule, "field" | "comparator">) => `${c.field}:${c.comparator}`;
export { columnKey };

const phonCache = new Map<string, [string, string]>();
function phonetic(text: string): [string, string] {
  let hit = phonCache.get(text);
  if (!hit) {
    const [a, b] = doubleMetaphone(text);
    hit = [a, b];
    if (phonCache.size > 200_000) phonCache.clear();
    phonCache.set(text, hit);
  }
  return hit;
}

/** Reads one field of a row as the comparator wants it: [main value, sub value, text for fuzzy]. */
function extract(row: MatchRow, rule: Pick<ComparisonRule, "field" | "comparator">, defaultCountry: string): [string | null, string | null] {
  const { field, comparator } = rule;
  const raw = (row as unknown as Record<string, string | null | undefined>)[field === "account" ? "accountId" : field] ?? null;
  switch (comparator) {
    case "email": {
      const email = normalizeEmail(raw);
      return [email, email ? email.slice(0, email.indexOf("@")) : null];
    }
    case "phone": {
      const country = countryCode(row.country) ?? defaultCountry;
      const e164 = normalizePhone(raw, country);
      return [e164, e164 ? e164.replace(/\D/g, "").slice(-7) : null];
    }
    case "domain":
      return [normalizeDomain(raw), null];
    case "token_set": {
      const tokens = companyTokens(raw);
      return [tokens.length ? [...tokens].sort().join(" ") : null, tokens.length ? tokens.join(" ") : null];
    }
    case "exact":
      return [raw?.trim() || null, null];
    case "normalized":
      return [field === "country" ? (countryCode(raw) ?? foldText(raw)) : field === "email" ? normalizeEmail(raw) : foldText(raw), null];
    case "jaro_winkler":
      return [foldText(raw), null];
    default:
      return [null, null];
  }
}

/** An empty feature table for the comparisons of a rule set; fill it with `addRow`. */
export function emptyFeatures(
  entity: DuplicateEntity,
  comparisons: readonly Pick<ComparisonRule, "field" | "comparator">[],
  defaultCountry = "US",
): FeatureTable {
  const t: FeatureTable = {
    entity,
    defaultCountry,
    rules: comparisons.filter((c) => c.comparator !== "person_name"),
    size: 0,
    ids: [],
    side: [],
    parent: [],
    name: null,
    columns: new Map(),
    accountCodes: [],
    accounts: new Interner(),
    companyFirst: [],
    nameTokens: [],
  };
  if (entity !== "accounts") {
    t.name = { names: new Interner(), first: [], last: [], firstText: [], lastText: [], firstPhon: [], firstPhonAlt: [], lastPhon: [], lastPhonAlt: [], phon: new Interner() };
  }
  for (const c of t.rules) {
    const key = columnKey(c);
    if (t.columns.has(key)) continue;
    const fuzzy = c.comparator === "jaro_winkler" || c.comparator === "token_set";
    const sub = c.comparator === "email" || c.comparator === "phone";
    t.columns.set(key, { interner: new Interner(), codes: [], text: fuzzy ? [] : null, sub: sub ? [] : null });
  }
  return t;
}

/** Appends one record; returns its index. */
export function addRow(t: FeatureTable, row: MatchRow): number {
  t.ids.push(row.id);
  t.side.push(row.side ?? 0);
  t.parent.push(row.parentId ?? null);
  t.accountCodes.push(t.accounts.add(row.accountId ?? null));
  const company = companyTokens(t.entity === "accounts" ? row.name : row.company);
  t.companyFirst.push(company[0] ?? null);
  t.nameTokens.push(t.entity === "accounts" && company.length ? company : null);
  if (t.name) addName(t.name, row);
  const seen = new Set<string>();
  for (const c of t.rules) {
    const key = columnKey(c);
    if (seen.has(key)) continue;
    seen.add(key);
    const col = t.columns.get(key)!;
    const [main, sub] = extract(row, c, t.defaultCountry);
    col.codes.push(col.interner.add(main));
    if (col.text) col.text.push(c.comparator === "token_set" ? sub : main);
    if (col.sub) col.sub.push(sub);
  }
  return t.size++;
}

/** Builds the feature table of `rows` for the comparisons of a rule set. */
export function buildFeatures(
  entity: DuplicateEntity,
  rows: Iterable<MatchRow>,
  comparisons: readonly Pick<ComparisonRule, "field" | "comparator">[],
  defaultCountry = "US",
): FeatureTable {
  const t = emptyFeatures(entity, comparisons, defaultCountry);
  for (const row of rows) addRow(t, row);
  return t;
}

function addName(n: NameColumns, row: MatchRow) {
  const first = foldName(row.firstName);
  const last = foldName(row.lastName);
  const canonFirst = first && canonicalFirstName(first);
  const canonLast = last && canonicalFirstName(last);
  n.first.push(n.names.add(canonFirst));
  n.last.push(n.names.add(canonLast));
  n.firstText.push(first);
  n.lastText.push(last);
  const [fp, fa] = canonFirst ? phonetic(canonFirst) : ["", ""];
  const [lp, la] = canonLast ? phonetic(canonLast) : ["", ""];
  n.firstPhon.push(fp ? n.phon.add(fp) : -1);
  n.firstPhonAlt.push(fa ? n.phon.add(fa) : -1);
  n.lastPhon.push(lp ? n.phon.add(lp) : -1);
  n.lastPhonAlt.push(la ? n.phon.add(la) : -1);
}
