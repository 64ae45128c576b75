import { iso31662 } from "iso-3166";
import { fold } from "./fold.ts";

// Per country: folded name or code → the subdivision code without the country ("California" → "CA").
let index: Map<string, Map<string, string>> | undefined;

function buildIndex() {
  const map = new Map<string, Map<string, string>>();
  for (const entry of iso31662) {
    const country = entry.code.slice(0, 2);
    const code = entry.code.slice(3);
    let byName = map.get(country);
    if (!byName) map.set(country, (byName = new Map<string, string>()));
    // A name shared by two subdivisions of a country (rare) keeps the first: the lists put the main one first.
    const name = fold(entry.name);
    if (!byName.has(name)) byName.set(name, code);
    byName.set(fold(code), code);
    byName.set(fold(entry.code), code);
  }
  for (const [country, aliases] of Object.entries(ALIASES)) {
    for (const [alias, code] of Object.entries(aliases)) map.get(country)?.set(alias, code);
  }
  return map;
}

// Spellings CRMs use that are not (or no longer) ISO codes.
const ALIASES: Record<string, Record<string, string>> = {
  MX: { cdmx: "CMX", df: "CMX", "distrito federal": "CMX" },
  IN: { tg: "TS" },
  GB: { england: "ENG", scotland: "SCT", wales: "WLS", "northern ireland": "NIR" },
};

/** Whether we know the subdivisions of a country. */
export function hasSubdivisions(country: string): boolean {
  index ??= buildIndex();
  return index.has(country);
}

/**
 * The ISO 3166-2 subdivision code, without the country prefix (as CRMs store it), of a state or province
 * written by name or code, in a country given as an alpha-2 code: ("california", "US") → "CA"; else null.
 */
export function stateCode(value: string | null | undefined, country: string | null): string | null {
  if (!value || !country) return null;
  index ??= buildIndex();
  return index.get(country)?.get(fold(value)) ?? null;
}
