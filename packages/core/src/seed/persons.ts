import type { GenState } from "./state.ts";
import { CONTACT_TITLES } from "./vocabulary/companies.ts";
import type { Country } from "./vocabulary/countries.ts";
import { asciiSlug, firstNameFrom } from "./vocabulary/names.ts";
import { formatPhone, phoneFormatCount, type Phone } from "./vocabulary/phones.ts";

/** The fields a contact and a lead share: who the person is and how to reach them. */
export interface PersonFields {
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: Phone | null;
  phoneFormat: number;
  /** The phone as written in the record. */
  phoneText: string | null;
  title: string | null;
}

/** How a company builds addresses: jane.doe@, jdoe@, jane@, jane_doe@, janed@. */
export const EMAIL_PATTERNS = 5;

export function emailLocal(first: string, last: string, pattern: number): string {
  const f = asciiSlug(first);
  const l = asciiSlug(last);
  switch (pattern) {
    case 1:
      return `${f[0] ?? ""}${l}`;
    case 2:
      return f;
    case 3:
      return `${f}_${l}`;
    case 4:
      return `${f}${l[0] ?? ""}`;
    default:
      return `${f}.${l}`;
  }
}

/**
 * A new person from a country's name pool, with an address at `domain` unique among `taken` (two
 * people at one company never share an address), a phone nobody else has, and everyday noise:
 * some addresses typed with capitals or spaces, some fields left blank.
 */
export function makePerson(
  g: GenState,
  country: Country,
  domain: string,
  pattern: number,
  taken: Set<string>,
  personal = false,
): PersonFields {
  const { rng } = g;
  const pool = g.pools[country.names];
  const female = rng.chance(0.5);
  const firstName = firstNameFrom(pool, female, () => rng.float());
  const lastName = rng.pick(pool.last);
  let local = emailLocal(firstName, lastName, pattern);
  if (taken.has(local)) local = emailLocal(firstName, lastName, 0);
  for (let n = 2; taken.has(local); n++) local = `${emailLocal(firstName, lastName, 0)}${n}`;
  taken.add(local);
  // Free-mail addresses are shared by millions: people add digits to get one.
  if (personal) local += String(rng.int(1, 9999));
  let email: string | null = `${local}@${domain}`;
  const noise = rng.float();
  if (noise < 0.05) email = null;
  else if (noise < 0.07) email = capitalizeEmail(email);
  else if (noise < 0.075) email = ` ${email} `;
  const phone = rng.chance(0.9) ? g.nextPhone(country.code) : null;
  const phoneFormat = rng.int(0, phoneFormatCount(country.code) - 1);
  return {
    firstName,
    lastName,
    email,
    phone,
    phoneFormat,
    phoneText: phone ? formatPhone(phone, phoneFormat) : null,
    title: rng.chance(0.95) ? rng.pick(CONTACT_TITLES) : null,
  };
}

/** Only the person's fields of a contact or lead (a copy, without its record fields). */
export function personFields(p: PersonFields): PersonFields {
  return {
    firstName: p.firstName,
    lastName: p.lastName,
    email: p.email,
    phone: p.phone,
    phoneFormat: p.phoneFormat,
    phoneText: p.phoneText,
    title: p.title,
  };
}

/** "jane.doe@acme.com" → "Jane.Doe@Acme.com": the same address, typed with capitals. */
export function capitalizeEmail(email: string): string {
  return email.replace(/(^|[._@])([a-z])/g, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}
