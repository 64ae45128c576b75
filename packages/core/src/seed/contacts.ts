import type { SeedAccount } from "./accounts.ts";
import type { CsvWriter } from "./csv-writer.ts";
import { dirtyPerson, type PersonDirt } from "./dirt.ts";
import { externalId } from "./ids.ts";
import { makePerson, type PersonFields } from "./persons.ts";
import type { GenState } from "./state.ts";
import { DAY, MINUTE } from "./time.ts";
import type { Segment } from "./territories.ts";

/** Whether a contact is being worked: active, stale (nothing for a year or more), or never contacted. */
export type Engagement = "active" | "stale" | "never";

export interface SeedContact extends PersonFields {
  id: string;
  externalId: string;
  account: SeedAccount;
  countryCode: string;
  countryText: string;
  stateText: string | null;
  city: string;
  ownerId: string | null;
  createdAt: number;
  updatedAt: number;
  lastActivityAt: number | null;
  engagement: Engagement;
}

// Bigger companies have more people in the CRM; the weights average 1 over the segment mix.
const CONTACT_WEIGHT: Record<Segment, number> = { smb: 0.6 / 1.02, mid: 1.2 / 1.02, ent: 2.2 / 1.02 };

/** The owner of a record at an account: usually the account owner, sometimes a teammate or nobody. */
export function recordOwner(g: GenState, account: SeedAccount): string | null {
  const x = g.rng.float();
  if (x < 0.05) return null;
  if (x < 0.85 && account.ownerId) return account.ownerId;
  return g.rng.pick(g.people.teams[account.teamIndex]!.sellers);
}

function engagement(g: GenState): Engagement {
  const x = g.rng.float();
  return x < 0.08 ? "never" : x < 0.2 ? "stale" : "active";
}

function contact(g: GenState, account: SeedAccount, person: PersonFields, createdAt: number): SeedContact {
  const { rng } = g;
  const place = rng.chance(0.9) ? { state: account.stateText, city: account.city } : g.place(account.country);
  return {
    ...person,
    id: g.ids.next("contact"),
    externalId: externalId("003", g.counters.contact++),
    account,
    countryCode: account.country.code,
    countryText: rng.chance(0.9) ? account.countryText : g.countryText(account.country),
    stateText: place.state,
    city: place.city,
    ownerId: recordOwner(g, account),
    createdAt,
    updatedAt: g.between(createdAt, g.clock.asOf),
    lastActivityAt: null,
    engagement: engagement(g),
  };
}

/** The people at an account, with addresses unique within `taken` (the account's address book). */
export function makeContacts(g: GenState, account: SeedAccount, taken: Set<string>, mean?: number): SeedContact[] {
  const { rng } = g;
  const count = Math.max(1, rng.round((mean ?? g.spec.contactsPerAccount * CONTACT_WEIGHT[account.segment]) * (0.5 + rng.float())));
  const out: SeedContact[] = [];
  for (let i = 0; i < count; i++) {
    const person = makePerson(g, account.country, account.mailDomain, account.emailPattern, taken);
    out.push(contact(g, account, person, g.between(account.createdAt, g.clock.asOf - DAY)));
  }
  return out;
}

/** A planted duplicate of a contact: the same person entered again later, dirtied in recorded ways. */
export function makeDuplicateContact(
  g: GenState,
  original: SeedContact,
  account: SeedAccount,
): { contact: SeedContact; dirt: PersonDirt[] } {
  const { fields, dirt } = dirtyPerson(g.rng, original, original.countryCode);
  const earliest = Math.max(original.createdAt, account.createdAt) + DAY;
  const createdAt = Math.min(g.between(earliest, g.clock.asOf - DAY / 2), g.clock.asOf - MINUTE);
  const dup = contact(g, account, fields, Math.max(original.createdAt + MINUTE, createdAt));
  dup.stateText = original.stateText;
  dup.city = original.city;
  return { contact: dup, dirt };
}

/** Writes the contact as a CSV row for COPY, after its activities set last_activity_at (columns: COLUMNS.contacts). */
export function writeContact(g: GenState, w: CsvWriter, c: SeedContact): void {
  const { clock } = g;
  w.ascii(c.id).ascii(g.organizationId).ascii(c.externalId).ascii(c.account.id).text(c.firstName).text(c.lastName);
  w.text(c.email).text(c.phoneText).text(c.title).text(c.countryText).text(c.stateText).text(c.city).ascii(c.ownerId);
  w.timestamp(clock, c.createdAt).timestamp(clock, Math.max(c.updatedAt, c.lastActivityAt ?? 0));
  w.timestamp(clock, c.lastActivityAt).end();
}
