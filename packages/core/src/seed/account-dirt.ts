import { typo } from "./dirt.ts";
import type { Rng } from "./random.ts";

/** The ways a planted duplicate account differs from the original, as recorded in core.seed_duplicates. */
export const ACCOUNT_DIRT = ["name_case", "legal_suffix", "typo", "domain_format", "missing_fields"] as const;
export type AccountDirt = (typeof ACCOUNT_DIRT)[number];

/** The parts an account name is built from, so a duplicate can vary one of them. */
export interface AccountNameParts {
  brand: string;
  noun: string;
  legal: string | null;
}

export interface AccountDirtFields extends AccountNameParts {
  name: string;
  domain: string | null;
  industry: string | null;
  employees: number | null;
}

// What people write instead of a legal form: "Acme Inc." vs "ACME, Inc." vs "Acme Incorporated".
const SUFFIX_VARIANTS: Record<string, readonly string[]> = {
  "Inc.": ["Inc", ", Inc.", "Incorporated", ""],
  LLC: ["L.L.C.", ", LLC", ""],
  "Corp.": ["Corporation", "Corp", ""],
  "Ltd.": ["Limited", "Ltd", ""],
  Ltd: ["Limited", "Ltd.", ""],
  Limited: ["Ltd", "Ltd."],
  PLC: ["plc", "Public Limited Company"],
  GmbH: ["", "G.m.b.H."],
  AG: ["", "Aktiengesellschaft"],
  "GmbH & Co. KG": ["GmbH", ""],
  SA: ["S.A.", ""],
  SAS: ["S.A.S.", ""],
  SARL: ["S.A.R.L.", ""],
  "B.V.": ["BV", ""],
  "N.V.": ["NV", ""],
  "S.L.": ["SL", ""],
  "S.A.": ["SA", ""],
  "Pty Ltd": ["Pty. Ltd.", "Pty Limited", ""],
  "K.K.": ["KK", "Kabushiki Kaisha", ""],
  "Co., Ltd.": ["Co. Ltd", ""],
  "Pvt Ltd": ["Private Limited", "Pvt. Ltd.", ""],
  Ltda: ["Ltda.", ""],
  "S.A. de C.V.": ["SA de CV", ""],
};

/** "Brand Noun Inc." — a suffix starting with a comma attaches to the noun ("Brand Noun, Inc."). */
export function accountName(parts: AccountNameParts): string {
  const base = `${parts.brand} ${parts.noun}`;
  if (!parts.legal) return base;
  return parts.legal.startsWith(",") ? `${base}${parts.legal}` : `${base} ${parts.legal}`;
}

/**
 * A copy of an account dirtied in 1–3 recorded ways: its name re-cased, its legal form written another
 * way, a typo in the brand, its domain with www/https, or fields left blank.
 */
export function dirtyAccount(rng: Rng, original: AccountDirtFields): AccountDirtFields & { dirt: AccountDirt[] } {
  const applicable: AccountDirt[] = ["name_case", "legal_suffix", "typo"];
  if (original.domain) applicable.push("domain_format");
  if (original.domain || original.industry || original.employees !== null) applicable.push("missing_fields");
  const x = rng.float();
  const count = x < 0.55 ? 1 : x < 0.9 ? 2 : 3;
  const chosen = new Set<AccountDirt>();
  while (chosen.size < count) chosen.add(rng.pick(applicable));

  const out = { ...original };
  if (chosen.has("typo")) out.brand = typo(rng, original.brand);
  if (chosen.has("legal_suffix")) {
    out.legal = original.legal ? rng.pick(SUFFIX_VARIANTS[original.legal] ?? [""]) || null : rng.pick(["Inc.", "Ltd", "Group"]);
  }
  out.name = accountName(out);
  if (chosen.has("name_case")) out.name = rng.chance(0.7) ? out.name.toUpperCase() : out.name.toLowerCase();
  if (chosen.has("domain_format")) {
    const d = original.domain!;
    out.domain = rng.pick([`www.${d}`, `https://${d}`, `http://www.${d}/`, `https://www.${d}`, d.toUpperCase()]);
  }
  if (chosen.has("missing_fields")) {
    const present = (["domain", "industry", "employees"] as const).filter(
      (f) => original[f] !== null && !(f === "domain" && chosen.has("domain_format")),
    );
    if (!present.length) chosen.delete("missing_fields");
    else {
      const f = rng.pick(present);
      if (f === "employees") out.employees = null;
      else out[f] = null;
    }
  }
  return { ...out, dirt: ACCOUNT_DIRT.filter((d) => chosen.has(d)) };
}
