import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { makeAccount, makeDuplicateAccount, makeSubsidiary, writeAccount, type SeedAccount } from "./accounts.ts";
import { ActivitySink, contactActivities, leadActivities, opportunityActivities } from "./activities.ts";
import { makeContacts, makeDuplicateContact, writeContact, type SeedContact } from "./contacts.ts";
import { CsvWriter } from "./csv-writer.ts";
import { textArray } from "./csv.ts";
import { leadCompany, makeConvertedLead, makeFreshLead, makeMatchingLead, writeLead, type LeadCompany, type SeedLead } from "./leads.ts";
import { makeOpportunities, writeOpportunity, type SeedOpportunity } from "./opportunities.ts";
import type { GenState } from "./state.ts";
import { DAY } from "./time.ts";

/** Planted duplicate rates: per account, per contact, and the share of leads that match a contact. */
const DUPLICATE_ACCOUNT_RATE = 0.02;
const DUPLICATE_CONTACT_RATE = 0.065;
const MATCHING_LEAD_SHARE = 0.04;
const CONVERTED_LEAD_SHARE = 0.1;
const SUBSIDIARY_RATE = 0.3;

/** One block of records as CSV text, table by table, ready for COPY in foreign-key order. */
export interface Block {
  accounts: string;
  contacts: string;
  leads: string;
  opportunities: string;
  /** Activities sorted by time, split in parts that can load side by side. */
  activities: string[];
  duplicates: string;
  /** Accounts that count toward the scale (planted duplicates excluded). */
  baseAccounts: number;
  counts: { accounts: number; contacts: number; leads: number; opportunities: number; activities: number; duplicates: number };
}

/**
 * Generates about `target` accounts with everything that hangs off them (contacts, deals, activities,
 * leads, planted duplicates). Only one block is held in memory while the previous one loads.
 */
export async function generateBlock(g: GenState, target: number, parts: number): Promise<Block> {
  const { rng } = g;
  const accounts: SeedAccount[] = [];
  const contacts: SeedContact[] = [];
  const originals: SeedContact[] = [];
  const opportunities: SeedOpportunity[] = [];
  const activities = new ActivitySink();
  const w = writersOf(g, parts);
  const planted = (entity: string, originalId: string, duplicateId: string, dirt: readonly string[]) =>
    w.duplicates.ascii(g.organizationId).ascii(entity).ascii(originalId).ascii(duplicateId).text(textArray(dirt)).end();

  let base = 0;
  for (let round = 0; base < target; round++) {
    // Let COPY streams of the previous block drain while this one is generated.
    if (round % 100 === 0) await yieldToEventLoop();
    const head = makeAccount(g);
    const group = [head];
    if (head.segment === "ent" && rng.chance(SUBSIDIARY_RATE)) {
      for (let n = rng.int(1, 3); n > 0; n--) group.push(makeSubsidiary(g, head));
    }
    base += group.length;
    for (const account of group) {
      accounts.push(account);
      const taken = new Set<string>();
      const people = makeContacts(g, account, taken);
      originals.push(...people);
      let twin: SeedAccount | null = null;
      let twinPeople: SeedContact[] = [];
      if (rng.chance(DUPLICATE_ACCOUNT_RATE)) {
        const dup = makeDuplicateAccount(g, account);
        twin = dup.account;
        accounts.push(twin);
        planted("account", account.id, twin.id, dup.dirt);
        twinPeople = rng.chance(0.6) ? makeContacts(g, twin, taken, 1.2) : [];
      }
      const originalCount = people.length;
      for (let i = 0; i < originalCount; i++) {
        const original = people[i]!;
        if (!rng.chance(DUPLICATE_CONTACT_RATE)) continue;
        const home = twin && rng.chance(0.5) ? twin : account;
        const dup = makeDuplicateContact(g, original, home);
        (home === twin ? twinPeople : people).push(dup.contact);
        planted("contact", original.id, dup.contact.id, dup.dirt);
      }
      const staffed: [SeedAccount, SeedContact[]][] = [[account, people]];
      if (twin) staffed.push([twin, twinPeople]);
      for (const [acct, staff] of staffed) {
        for (const c of staff) contactActivities(g, c, activities);
        const deals = makeOpportunities(g, acct, acct === twin ? 0.4 : undefined);
        for (const o of deals) opportunityActivities(g, o, staff, activities);
        contacts.push(...staff);
        opportunities.push(...deals);
      }
    }
  }

  await yieldToEventLoop();
  const leads = makeLeads(g, base, originals, planted);
  for (const l of leads) leadActivities(g, l, activities);

  const activityCount = activities.write(g, w.activities);
  await yieldToEventLoop();
  for (const a of accounts) writeAccount(g, w.accounts, a);
  for (const c of contacts) writeContact(g, w.contacts, c);
  for (const l of leads) writeLead(g, w.leads, l);
  for (const o of opportunities) writeOpportunity(g, w.opportunities, o);
  const duplicateCount = w.duplicates.rows;
  return {
    accounts: w.accounts.take(),
    contacts: w.contacts.take(),
    leads: w.leads.take(),
    opportunities: w.opportunities.take(),
    activities: w.activities.map((part) => part.take()).filter((part) => part.length),
    duplicates: w.duplicates.take(),
    baseAccounts: base,
    counts: {
      accounts: accounts.length,
      contacts: contacts.length,
      leads: leads.length,
      opportunities: opportunities.length,
      activities: activityCount,
      duplicates: duplicateCount,
    },
  };
}

type Writers = ReturnType<typeof newWriters>;
const writersByState = new WeakMap<GenState, Writers>();

/** One writer per table (the activities split in `parts`), reused block after block: their buffers only grow once. */
function writersOf(g: GenState, parts: number): Writers {
  let writers = writersByState.get(g);
  if (!writers || writers.activities.length !== parts) writersByState.set(g, (writers = newWriters(parts)));
  return writers;
}

function newWriters(parts: number) {
  return {
    accounts: new CsvWriter(1 << 20),
    contacts: new CsvWriter(4 << 20),
    leads: new CsvWriter(2 << 20),
    opportunities: new CsvWriter(2 << 20),
    activities: Array.from({ length: parts }, () => new CsvWriter(8 << 20)),
    duplicates: new CsvWriter(1 << 16),
  };
}

/** The block's leads: contacts that came in as leads, new leads from existing contacts, and new people. */
function makeLeads(
  g: GenState,
  accounts: number,
  contacts: readonly SeedContact[],
  planted: (entity: string, originalId: string, duplicateId: string, dirt: readonly string[]) => void,
): SeedLead[] {
  const { rng, clock } = g;
  const target = rng.round(g.spec.leadsPerAccount * accounts);
  const leads: SeedLead[] = [];
  const eligible = contacts.filter((c) => c.createdAt >= clock.windowStart + 45 * DAY);
  const convertRate = eligible.length ? Math.min(1, (CONVERTED_LEAD_SHARE * target) / eligible.length) : 0;
  for (const c of eligible) if (rng.chance(convertRate)) leads.push(makeConvertedLead(g, c));
  const matching = contacts.length ? rng.round(MATCHING_LEAD_SHARE * target) : 0;
  for (let i = 0; i < matching; i++) {
    const contact = rng.pick(contacts);
    const { lead, dirt } = makeMatchingLead(g, contact);
    leads.push(lead);
    planted("lead_contact", contact.id, lead.id, dirt);
  }
  let company: LeadCompany = leadCompany(g);
  while (leads.length < target) {
    if (rng.chance(0.6)) company = leadCompany(g);
    leads.push(makeFreshLead(g, company));
  }
  return leads;
}
