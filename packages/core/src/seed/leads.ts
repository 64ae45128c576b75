import type { SeedContact } from "./contacts.ts";
import type { CsvWriter } from "./csv-writer.ts";
import { dirtyPerson, type PersonDirt } from "./dirt.ts";
import { externalId } from "./ids.ts";
import { makePerson, personFields, type PersonFields } from "./persons.ts";
import { weighted } from "./random.ts";
import type { GenState } from "./state.ts";
import { DAY, MINUTE } from "./time.ts";
import { LEAD_SOURCES, personalDomain } from "./vocabulary/companies.ts";
import { companySlug } from "./vocabulary/names.ts";

export interface SeedLead extends PersonFields {
  id: string;
  externalId: string;
  company: string;
  countryText: string;
  stateText: string | null;
  source: string;
  status: string;
  ownerId: string | null;
  createdAt: number;
  updatedAt: number;
  firstResponseAt: number | null;
  convertedAt: number | null;
}

const SOURCES = weighted(LEAD_SOURCES);
type Status = "new" | "working" | "nurturing" | "qualified" | "unqualified";
const FRESH = weighted<Status>([["new", 60], ["working", 35], ["unqualified", 5]]);
const RECENT = weighted<Status>([["new", 10], ["working", 35], ["nurturing", 20], ["qualified", 18], ["unqualified", 17]]);
const OLD = weighted<Status>([["new", 3], ["working", 8], ["nurturing", 30], ["qualified", 12], ["unqualified", 47]]);
const OPEN = weighted<Status>([["new", 40], ["working", 35], ["nurturing", 25]]);

/** Minutes to days: the lag before a rep first answers a lead (log-uniform from 5 minutes to 6 days). */
function responseLag(g: GenState): number {
  return Math.round(Math.exp(Math.log(5) + g.rng.float() * (Math.log(6 * 24 * 60) - Math.log(5)))) * MINUTE;
}

function leadOwner(g: GenState, countryCode: string, status: string): string | null {
  if (g.rng.chance(status === "new" ? 0.15 : 0.04)) return null;
  const team = g.people.teams[g.teamFor(countryCode, g.rng.pickWeighted(g.segments))]!;
  return g.rng.pickWeighted(team.leadOwners);
}

function lead(g: GenState, person: PersonFields, fields: Omit<SeedLead, keyof PersonFields | "id" | "externalId" | "updatedAt">): SeedLead {
  const last = Math.max(fields.createdAt, fields.firstResponseAt ?? 0, fields.convertedAt ?? 0);
  return {
    ...person,
    ...fields,
    id: g.ids.next("lead"),
    externalId: externalId("00Q", g.counters.lead++),
    updatedAt: g.between(last, Math.min(g.clock.asOf, last + 30 * DAY)),
  };
}

/** A lead from someone new, at a company that is not an account, with a status that fits its age. */
export function makeFreshLead(g: GenState, company: LeadCompany): SeedLead {
  const { rng, clock } = g;
  const country = rng.pickWeighted(g.countries);
  const personal = rng.chance(0.25);
  const domain = personal ? personalDomain(rng.float()) : company.domain;
  const person = makePerson(g, country, domain, 0, personal ? new Set() : company.taken, personal);
  const createdAt = clock.workingHours(g.between(clock.windowStart, clock.asOf - DAY / 2), rng.float());
  const age = (clock.asOf - createdAt) / DAY;
  const status = rng.pickWeighted(age < 14 ? FRESH : age < 60 ? RECENT : OLD);
  const answered = status === "new" ? rng.chance(0.4) : rng.chance(0.94);
  const response = answered ? createdAt + responseLag(g) : null;
  return lead(g, person, {
    company: company.name,
    countryText: g.countryText(country),
    stateText: g.place(country).state,
    source: rng.pickWeighted(SOURCES),
    status,
    ownerId: leadOwner(g, country.code, status),
    createdAt,
    firstResponseAt: response !== null && response < clock.asOf ? response : null,
    convertedAt: null,
  });
}

/** The lead a contact came in as: created before the contact, converted when the contact was created. */
export function makeConvertedLead(g: GenState, contact: SeedContact): SeedLead {
  const { rng } = g;
  const createdAt = contact.createdAt - rng.int(1, 45) * DAY - rng.int(0, 8 * 60) * MINUTE;
  const response = Math.min(createdAt + responseLag(g), contact.createdAt - MINUTE);
  return lead(g, personFields(contact), {
    company: contact.account.name,
    countryText: contact.countryText,
    stateText: contact.stateText,
    source: rng.pickWeighted(SOURCES),
    status: "converted",
    ownerId: leadOwner(g, contact.countryCode, "converted"),
    createdAt,
    firstResponseAt: response,
    convertedAt: contact.createdAt,
  });
}

/** A new lead from someone who already is a contact (a hygiene finding), sometimes dirtied. */
export function makeMatchingLead(g: GenState, contact: SeedContact): { lead: SeedLead; dirt: PersonDirt[] } {
  const { rng, clock } = g;
  const { fields, dirt } = rng.chance(0.35)
    ? { fields: personFields(contact), dirt: [] as PersonDirt[] }
    : dirtyPerson(rng, contact, contact.countryCode);
  const createdAt = clock.workingHours(g.between(Math.max(contact.createdAt, clock.windowStart) + DAY, clock.asOf - DAY / 2), rng.float());
  const status = rng.pickWeighted(OPEN);
  const answered = status === "new" ? rng.chance(0.3) : true;
  const response = answered ? createdAt + responseLag(g) : null;
  return {
    lead: lead(g, fields, {
      company: rng.chance(0.7) ? contact.account.name : `${contact.account.brand} ${contact.account.noun}`,
      countryText: contact.countryText,
      stateText: contact.stateText,
      source: rng.pickWeighted(SOURCES),
      status,
      ownerId: leadOwner(g, contact.countryCode, status),
      createdAt: Math.max(createdAt, contact.createdAt + MINUTE),
      firstResponseAt: response !== null && response < clock.asOf ? response : null,
      convertedAt: null,
    }),
    dirt,
  };
}

export interface LeadCompany {
  name: string;
  domain: string;
  /** Addresses already given out at this company. */
  taken: Set<string>;
}

/** A company for fresh leads: a name no account has. */
export function leadCompany(g: GenState): LeadCompany {
  const c = g.nextCompany();
  return { name: `${c.brand} ${c.noun}`, domain: `${companySlug(c.brand, c.noun)}.com`, taken: new Set() };
}

/** Writes the lead as a CSV row for COPY (columns: COLUMNS.leads). */
export function writeLead(g: GenState, w: CsvWriter, l: SeedLead): void {
  const { clock } = g;
  w.ascii(l.id).ascii(g.organizationId).ascii(l.externalId).text(l.firstName).text(l.lastName).text(l.email);
  w.text(l.phoneText).text(l.company).text(l.title).text(l.countryText).text(l.stateText).text(l.source);
  w.ascii(l.status).ascii(l.ownerId).timestamp(clock, l.createdAt).timestamp(clock, l.updatedAt);
  w.timestamp(clock, l.firstResponseAt).timestamp(clock, l.convertedAt).end();
}
