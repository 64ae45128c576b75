// Normalization for matching only: what two spellings of the same value must share. The records are never
// changed here (normalizing stored data is the quality area's job, with preview and undo).
import { getCountryCallingCode, Metadata, type CountryCode } from "libphonenumber-js/min";

const MARKS = /[\u0300-\u036f]/g;

/** Lower-case, accents folded, punctuation to spaces, single spaces: "  Ångström-Berg " → "angstrom berg". */
export function foldText(value: string | null | undefined): string | null {
  if (!value) return null;
  const out = value
    .normalize("NFKD")
    .replace(MARKS, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  return out || null;
}

/** A person name as one token string: "de Groot" → "degroot", so spacing and particles do not split it. */
export function foldName(value: string | null | undefined): string | null {
  const folded = foldText(value);
  return folded ? folded.replaceAll(" ", "") : null;
}

/** Trimmed, lower-cased address when it looks like one (local@domain.tld), else null. */
export function normalizeEmail(value: string | null | undefined): string | null {
  if (!value) return null;
  const email = value.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email : null;
}

/** The host of a URL or an address without scheme, "www.", path or port: "HTTPS://www.Acme.com/x" → "acme.com". */
export function normalizeDomain(value: string | null | undefined): string | null {
  if (!value) return null;
  let host = value.trim().toLowerCase();
  const at = host.lastIndexOf("@");
  if (at >= 0) host = host.slice(at + 1);
  host = host.replace(/^[a-z][a-z0-9+.-]*:\/\//, "").replace(/[/?#:].*$/, "").replace(/^www\d?\./, "").replace(/\.$/, "");
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host) ? host : null;
}

const COUNTRY_CODES: Record<string, string> = {
  "united states": "US", usa: "US", us: "US", "u s": "US", "united states of america": "US", america: "US",
  canada: "CA", ca: "CA",
  "united kingdom": "GB", uk: "GB", gb: "GB", "great britain": "GB", england: "GB", scotland: "GB", wales: "GB",
  germany: "DE", deutschland: "DE", de: "DE",
  france: "FR", fr: "FR",
  netherlands: "NL", "the netherlands": "NL", holland: "NL", nl: "NL", nederland: "NL",
  spain: "ES", espana: "ES", es: "ES",
  australia: "AU", au: "AU",
  japan: "JP", jp: "JP", nippon: "JP",
  india: "IN", in: "IN",
  brazil: "BR", brasil: "BR", br: "BR",
  mexico: "MX", mx: "MX",
  ireland: "IE", ie: "IE", italy: "IT", italia: "IT", it: "IT", switzerland: "CH", schweiz: "CH", ch: "CH",
  austria: "AT", osterreich: "AT", at: "AT", belgium: "BE", be: "BE", sweden: "SE", se: "SE", norway: "NO", no: "NO",
  denmark: "DK", dk: "DK", poland: "PL", pl: "PL", portugal: "PT", pt: "PT", singapore: "SG", sg: "SG",
  "new zealand": "NZ", nz: "NZ", china: "CN", cn: "CN", "south korea": "KR", korea: "KR", kr: "KR",
};

/** An ISO 3166 alpha-2 code for a country as people write it ("Deutschland", "U.S.", "de"), else null. */
export function countryCode(value: string | null | undefined): string | null {
  const folded = foldText(value);
  if (!folded) return null;
  return COUNTRY_CODES[folded] ?? (/^[a-z]{2}$/.test(folded) ? folded.toUpperCase() : null);
}

interface Plan {
  callingCode: string;
  trunk: string | null;
}
const plans = new Map<string, Plan | null>();
const metadata = new Metadata();

/** The country's calling code and national (trunk) prefix, from libphonenumber's metadata. */
function plan(country: string): Plan | null {
  let p = plans.get(country);
  if (p === undefined) {
    try {
      metadata.selectNumberingPlan(country as CountryCode);
      const numbering = metadata.numberingPlan as { nationalPrefix?: () => string | undefined } | undefined;
      p = { callingCode: getCountryCallingCode(country as CountryCode), trunk: numbering?.nationalPrefix?.() ?? null };
    } catch {
      p = null;
    }
    plans.set(country, p);
  }
  return p;
}

/**
 * The number in E.164 ("+14155550100"): as written when it starts with "+" or "00", else read in the record's
 * country (its calling code added, its trunk prefix "0"/"1" dropped), with libphonenumber's metadata. Parsing
 * every number with libphonenumber's full parser cost 17 µs a record — most of a 1M-record scan — and gives the
 * same key for well-formed numbers (docs/decisions/010). Unreadable numbers keep their digits ("?…") so two
 * identical ones still match each other; null when there is no number.
 */
export function normalizePhone(value: string | null | undefined, country: string | null): string | null {
  if (!value) return null;
  // "+49 (0)40 …": the bracketed trunk prefix is not dialled from abroad.
  const text = value.trim().replace(/\(0\)/g, "");
  let digits = text.replace(/\D/g, "");
  if (digits.length < 6) return null;
  if (text.startsWith("+")) return `+${digits}`;
  if (text.startsWith("00")) return `+${digits.slice(2)}`;
  const p = country ? plan(country) : null;
  if (!p) return `?${digits}`;
  if (p.trunk && digits.startsWith(p.trunk) && digits.length > 7) digits = digits.slice(p.trunk.length);
  return `+${p.callingCode}${digits}`;
}

// Legal forms are matched after folding (dots and commas gone), as single tokens or token runs.
const LEGAL_TOKENS = new Set([
  "inc", "incorporated", "llc", "l l c", "corp", "corporation", "co", "company", "ltd", "limited", "plc", "gmbh", "g m b h",
  "ag", "aktiengesellschaft", "kg", "sa", "s a", "sas", "s a s", "sarl", "s a r l", "bv", "b v", "nv", "n v", "sl", "s l",
  "pty", "kk", "k k", "kabushiki kaisha", "pvt", "private", "ltda", "de cv", "s a de c v", "sa de cv", "public limited company",
  "oy", "ab", "as", "spa", "srl", "lp", "llp",
]);
const LEGAL_RUNS = [...LEGAL_TOKENS].filter((t) => t.includes(" ")).sort((a, b) => b.length - a.length);

/**
 * A company name's distinctive tokens: folded, the legal form (Inc, GmbH, Ltd, "S.A. de C.V.", "Co., Ltd.")
 * removed wherever it trails the name; "&" and "and" kept out. Distinctive words stay.
 */
export function companyTokens(value: string | null | undefined): string[] {
  let folded: string = foldText(value?.replace(/&/g, " ")) ?? "";
  if (!folded) return [];
  // Single letters written with dots ("S.A.") fold to "s a": strip such runs first, from the end.
  let changed = true;
  while (changed && folded) {
    changed = false;
    for (const run of LEGAL_RUNS) {
      if (folded === run || folded.endsWith(` ${run}`)) {
        folded = folded.slice(0, folded.length - run.length).trim();
        changed = true;
      }
    }
    const tokens: string[] = folded.split(" ");
    while (tokens.length > 1 && LEGAL_TOKENS.has(tokens[tokens.length - 1]!)) {
      tokens.pop();
      changed = true;
    }
    folded = tokens.join(" ");
  }
  return folded.split(" ").filter((t) => t && t !== "and");
}
