import { squish } from "./fold.ts";

/**
 * Legal forms and the ways people write them, each with the spelling we store. Longest first, so "GmbH &
 * Co. KG" wins over "KG" and "Pty Ltd" over "Ltd". Words that can be part of a brand ("Company", "Group",
 * "Holdings", "Partners") are NOT here: they are distinctive and stay in the name.
 */
const LEGAL_FORMS: readonly [canonical: string, spellings: readonly string[]][] = [
  ["GmbH & Co. KG", ["GmbH & Co. KG", "GmbH & Co KG", "GmbH und Co. KG"]],
  ["S.A. de C.V.", ["S.A. de C.V.", "SA de CV"]],
  ["Co., Ltd.", ["Co., Ltd.", "Co. Ltd.", "Co., Ltd", "Co. Ltd", "Company Limited"]],
  ["Pty Ltd", ["Pty Ltd", "Pty. Ltd.", "Pty Ltd.", "Pty Limited", "Proprietary Limited"]],
  ["Pvt Ltd", ["Pvt Ltd", "Pvt. Ltd.", "Private Limited", "Pvt. Ltd"]],
  ["Sp. z o.o.", ["Sp. z o.o.", "Sp. z oo", "Spółka z o.o."]],
  ["Inc.", ["Inc.", "Inc", "Incorporated"]],
  ["LLC", ["LLC", "L.L.C.", "L.L.C"]],
  ["LLP", ["LLP", "L.L.P."]],
  ["LP", ["L.P."]],
  ["Corp.", ["Corp.", "Corp", "Corporation"]],
  ["Ltd.", ["Ltd.", "Ltd", "Limited"]],
  ["PLC", ["PLC", "plc", "Public Limited Company"]],
  ["GmbH", ["GmbH", "G.m.b.H.", "Gesellschaft mit beschränkter Haftung"]],
  ["AG", ["AG", "Aktiengesellschaft"]],
  ["KG", ["KG"]],
  ["SAS", ["SAS", "S.A.S.", "S.A.S"]],
  ["SARL", ["SARL", "S.A.R.L.", "S.à r.l.", "Sàrl"]],
  ["S.A.", ["S.A.", "SA", "S.A"]],
  ["S.p.A.", ["S.p.A.", "SpA", "S.p.A"]],
  ["S.r.l.", ["S.r.l.", "Srl", "S.R.L."]],
  ["S.L.", ["S.L.", "SL"]],
  ["B.V.", ["B.V.", "BV", "B.V"]],
  ["N.V.", ["N.V.", "NV", "N.V"]],
  ["K.K.", ["K.K.", "KK", "Kabushiki Kaisha"]],
  ["Ltda.", ["Ltda.", "Ltda"]],
  ["A/S", ["A/S"]],
  ["ApS", ["ApS"]],
  ["AB", ["AB"]],
  ["Oy", ["Oy"]],
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s*");
const SPELLINGS = LEGAL_FORMS.flatMap(([canonical, spellings]) => spellings.map((s) => ({ canonical, s }))).sort(
  (a, b) => b.s.length - a.s.length,
);
// At the end of the name, after a space or a comma; case-insensitive except for short all-caps forms
// ("SA", "AB", "AG", "KG", "SL", "BV", "NV", "KK"), which must be written in capitals to count, so
// "Casa" or "Global" never lose their last letters.
const PATTERNS = SPELLINGS.map(({ canonical, s }) => ({
  canonical,
  re: new RegExp(`^(.*?\\S)\\s*,?\\s+${escape(s)}$`, s.length <= 3 && !s.includes(".") ? "u" : "iu"),
}));

function fixCase(name: string): string {
  const letters = name.replace(/[^\p{L}]/gu, "");
  if (!letters || letters !== letters.toLocaleUpperCase() || !name.split(" ").some((w) => w.length > 4)) return name;
  // A name typed in capitals: short words keep them (IBM, BMW, USA), the rest are capitalized.
  return name
    .split(" ")
    .map((w) => (w.replace(/[^\p{L}]/gu, "").length <= 3 ? w : w.charAt(0) + w.slice(1).toLocaleLowerCase()))
    .join(" ");
}

/**
 * Splits an account name into its distinctive part and its legal form ("ACME Logistics, Inc." → "ACME
 * Logistics" + "Inc."), with white space cleaned and a name typed in capitals re-cased. Only a legal form at
 * the end is taken, and never the whole name.
 */
export function splitCompanyName(value: string): { name: string; legalForm: string | null } | null {
  const cleaned = squish(value);
  if (!cleaned) return null;
  for (const { canonical, re } of PATTERNS) {
    const match = re.exec(cleaned);
    const rest = match?.[1]?.replace(/[\s,]+$/, "");
    if (rest && rest.replace(/[^\p{L}\p{N}]/gu, "").length >= 2) return { name: fixCase(rest), legalForm: canonical };
  }
  return { name: fixCase(cleaned), legalForm: null };
}
