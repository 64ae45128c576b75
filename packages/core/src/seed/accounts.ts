import { accountName, dirtyAccount, type AccountDirt } from "./account-dirt.ts";
import type { CsvWriter } from "./csv-writer.ts";
import { externalId } from "./ids.ts";
import { EMAIL_PATTERNS } from "./persons.ts";
import type { GenState } from "./state.ts";
import { DAY, WINDOW_DAYS } from "./time.ts";
import type { Segment } from "./territories.ts";
import { COUNTRY_BY_CODE, type Country, type Region } from "./vocabulary/countries.ts";
import { companySlug } from "./vocabulary/names.ts";

export interface SeedAccount {
  id: string;
  externalId: string;
  brand: string;
  noun: string;
  legal: string | null;
  name: string;
  /** The domain people's addresses use, even when the record's domain is blank. */
  mailDomain: string;
  domain: string | null;
  industry: string | null;
  employees: number | null;
  annualRevenue: string | null;
  country: Country;
  region: Region | null;
  countryText: string;
  stateText: string | null;
  city: string;
  postalCode: string;
  segment: Segment;
  teamIndex: number;
  ownerId: string | null;
  parentId: string | null;
  createdAt: number;
  updatedAt: number;
  emailPattern: number;
  /** Set on a planted duplicate: the account it copies. */
  duplicateOf: SeedAccount | null;
}

const EMPLOYEES: Record<Segment, [number, number]> = { smb: [5, 199], mid: [200, 999], ent: [1000, 60000] };

function logUniform(g: GenState, [min, max]: [number, number]): number {
  return Math.round(Math.exp(Math.log(min) + g.rng.float() * (Math.log(max) - Math.log(min))));
}

function revenue(g: GenState, employees: number): string {
  const thousands = Math.round((employees * (80 + g.rng.float() * 270)) / 10) * 10;
  return `${thousands}000.00`;
}

/** Owner of an account: a seller of the team covering its country and segment; sometimes nobody. */
export function accountOwner(g: GenState, teamIndex: number): string | null {
  if (g.rng.chance(0.02)) return null;
  return g.rng.pickWeighted(g.people.teams[teamIndex]!.accountOwners);
}

/** A new, independent account: a company name no other account has, in a weighted country. */
export function makeAccount(g: GenState): SeedAccount {
  const { rng, clock } = g;
  const company = g.nextCompany();
  const country = rng.pickWeighted(g.countries);
  const segment = rng.pickWeighted(g.segments);
  // Most accounts predate the two-year window; a third were created inside it.
  const age = rng.chance(0.65) ? WINDOW_DAYS + rng.float() * 4 * 365 : 20 + rng.float() * (WINDOW_DAYS - 20);
  const legal = rng.chance(0.6) ? rng.pick(country.legalSuffixes) : null;
  return build(g, { brand: company.brand, noun: company.noun, legal, industry: company.industry }, country, segment, clock.daysAgo(age), null);
}

/** A subsidiary in another country: same brand and noun, its own legal form and domain. */
export function makeSubsidiary(g: GenState, parent: SeedAccount): SeedAccount {
  const { rng } = g;
  let country = rng.pickWeighted(g.countries);
  if (country === parent.country) country = COUNTRY_BY_CODE.get(parent.country.code === "GB" ? "DE" : "GB")!;
  const segment: Segment = rng.chance(0.5) ? "mid" : "ent";
  const created = g.between(parent.createdAt + 30 * DAY, g.clock.asOf - 20 * DAY);
  const parts = { brand: parent.brand, noun: parent.noun, legal: rng.pick(country.legalSuffixes), industry: parent.industry };
  return build(g, parts, country, segment, Math.max(parent.createdAt, created), parent.id);
}

function build(
  g: GenState,
  parts: { brand: string; noun: string; legal: string | null; industry: string | null },
  country: Country,
  segment: Segment,
  createdAt: number,
  parentId: string | null,
): SeedAccount {
  const { rng, clock } = g;
  const employees = logUniform(g, EMPLOYEES[segment]);
  const place = g.place(country);
  const teamIndex = g.teamFor(country.code, segment);
  const mailDomain = `${companySlug(parts.brand, parts.noun)}.${country.tld}`;
  const created = clock.workingHours(createdAt, rng.float());
  return {
    id: g.ids.next("account"),
    externalId: externalId("001", g.counters.account++),
    brand: parts.brand,
    noun: parts.noun,
    legal: parts.legal,
    name: accountName(parts),
    mailDomain,
    domain: rng.chance(0.96) ? mailDomain : null,
    industry: rng.chance(0.97) ? parts.industry : null,
    employees: rng.chance(0.95) ? employees : null,
    annualRevenue: rng.chance(0.85) ? revenue(g, employees) : null,
    country,
    region: place.region,
    countryText: g.countryText(country),
    stateText: place.state,
    city: place.city,
    postalCode: country.postal(String(rng.int(10_000_000, 99_999_999))),
    segment,
    teamIndex,
    ownerId: accountOwner(g, teamIndex),
    parentId,
    createdAt: created,
    updatedAt: g.between(created, clock.asOf),
    emailPattern: rng.int(0, EMAIL_PATTERNS - 1),
    duplicateOf: null,
  };
}

/** A planted duplicate of an account, created later, by someone who did not search first. */
export function makeDuplicateAccount(g: GenState, original: SeedAccount): { account: SeedAccount; dirt: AccountDirt[] } {
  const { dirt, ...dirty } = dirtyAccount(g.rng, original);
  const created = g.between(original.createdAt + DAY, g.clock.asOf - DAY);
  const account: SeedAccount = {
    ...original,
    ...dirty,
    id: g.ids.next("account"),
    externalId: externalId("001", g.counters.account++),
    annualRevenue: g.rng.chance(0.5) ? null : original.annualRevenue,
    ownerId: g.rng.chance(0.5) ? original.ownerId : accountOwner(g, original.teamIndex),
    parentId: null,
    createdAt: Math.max(original.createdAt, created),
    updatedAt: g.between(Math.max(original.createdAt, created), g.clock.asOf),
    duplicateOf: original,
  };
  return { account, dirt };
}

/** Writes the account as a CSV row for COPY (columns: COLUMNS.accounts). */
export function writeAccount(g: GenState, w: CsvWriter, a: SeedAccount): void {
  w.ascii(a.id).ascii(g.organizationId).ascii(a.externalId).text(a.name).text(a.domain).text(a.industry);
  w.int(a.employees).ascii(a.annualRevenue).text(a.countryText).text(a.stateText).text(a.city).text(a.postalCode);
  w.ascii(a.ownerId).ascii(a.parentId).timestamp(g.clock, a.createdAt).timestamp(g.clock, a.updatedAt).end();
}
