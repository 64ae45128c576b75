import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";

/**
 * A phone number in E.164 ("+14155550100"), read in `country` (the record's, else the organization's
 * default) unless it starts with "+" or an international prefix; or why it cannot be converted. Numbers
 * with an extension are left alone: E.164 has no place for it.
 */
export function normalizePhone(value: string, country: string | null): { value: string } | { invalid: string } {
  const text = value.trim();
  if (!/\d/.test(text)) return { invalid: "has no digits" };
  let parsed;
  try {
    parsed = parsePhoneNumberFromString(text, { defaultCountry: (country ?? undefined) as CountryCode | undefined, extract: false });
  } catch {
    parsed = undefined;
  }
  if (!parsed) return { invalid: country ? `not a phone number (read as ${country})` : "not a phone number" };
  // A number that is not valid in the country it was read in may belong to another one: guessing would write
  // a wrong number. One written with its country code ("+44 …", "0044 …") is only re-formatted when its length fits.
  const international = /^(\+|00)/.test(text);
  if (!parsed.isValid() && !(international && parsed.isPossible())) {
    return { invalid: `not a valid number in ${parsed.country ?? country ?? "any country"}` };
  }
  if (parsed.ext) return { invalid: "has an extension (E.164 has none): left as written" };
  return { value: parsed.number };
}
