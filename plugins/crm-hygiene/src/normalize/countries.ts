import countries from "i18n-iso-countries";
import { fold } from "./fold.ts";

// Names as people write them, in the languages CRM users here write in; codes themselves are matched too.
const LANGUAGES = ["en", "de", "fr", "es", "nl", "it", "pt", "sv", "da", "no", "pl", "fi", "ja"];
const EXTRA: Record<string, string> = {
  america: "US",
  "united states america": "US",
  england: "GB",
  scotland: "GB",
  wales: "GB",
  "northern ireland": "GB",
  britain: "GB",
  holland: "NL",
  "south korea": "KR",
  korea: "KR",
  russia: "RU",
  "czech republic": "CZ",
};

let index: Map<string, string> | undefined;

function buildIndex(): Map<string, string> {
  const map = new Map<string, string>();
  for (const lang of LANGUAGES) {
    for (const [code, names] of Object.entries(countries.getNames(lang, { select: "all" }))) {
      for (const name of names) {
        const key = fold(name);
        if (key && !map.has(key)) map.set(key, code);
      }
    }
  }
  for (const [name, code] of Object.entries(EXTRA)) map.set(name, code);
  return map;
}

/** The ISO 3166-1 alpha-2 code of a country as written ("Deutschland", "U.S.", "usa", "DEU", "de"), else null. */
export function countryCode(value: string | null | undefined): string | null {
  if (!value) return null;
  const key = fold(value);
  if (!key) return null;
  if (/^[a-z]{2}$/.test(key) && countries.isValid(key.toUpperCase())) return key.toUpperCase();
  if (/^[a-z]{3}$/.test(key)) {
    const alpha2 = countries.alpha3ToAlpha2(key.toUpperCase());
    if (alpha2) return alpha2;
  }
  index ??= buildIndex();
  return index.get(key) ?? null;
}
