import type { SeedContact } from "./contacts.ts";
import type { CsvWriter } from "./csv-writer.ts";
import type { SeedLead } from "./leads.ts";
import type { SeedOpportunity } from "./opportunities.ts";
import { weighted, type WeightedTable } from "./random.ts";
import type { GenState } from "./state.ts";
import { DAY, HOUR, MINUTE } from "./time.ts";

type ActivityType = "call" | "email" | "meeting";

/**
 * The activities of a block, kept compact (millions at the large scale) in parallel arrays of shared
 * strings. They get ids and are written once sorted by time (see `write`).
 */
export class ActivitySink {
  private readonly at: number[] = [];
  private readonly type: ActivityType[] = [];
  private readonly subject: string[] = [];
  private readonly duration: (number | null)[] = [];
  private readonly refs: Refs[] = [];

  push(at: number, type: ActivityType, subject: string, duration: number | null, refs: Refs): void {
    this.at.push(at);
    this.type.push(type);
    this.subject.push(subject);
    this.duration.push(duration);
    this.refs.push(refs);
  }

  get length(): number {
    return this.at.length;
  }

  /**
   * Writes the activities in time order, ids given in that order: the occurred_at index then fills in
   * sequence instead of at random. Splits the rows over `writers` (parts that load side by side).
   */
  write(g: GenState, writers: readonly CsvWriter[]): number {
    const { at } = this;
    // Sort keys pack the second and the index (ties keep generation order) so a typed array sorts them natively.
    const keys = new Float64Array(at.length);
    for (let i = 0; i < at.length; i++) keys[i] = Math.floor(at[i]! / 1000) * INDEX_SPACE + i;
    keys.sort();
    const perPart = Math.ceil(keys.length / writers.length);
    for (let n = 0; n < keys.length; n++) {
      const i = keys[n]! % INDEX_SPACE;
      const w = writers[Math.floor(n / perPart)]!;
      const r = this.refs[i]!;
      const when = at[i]!;
      w.ascii(g.ids.next("activity")).ascii(g.organizationId).ascii(this.type[i]).text(this.subject[i]);
      w.timestamp(g.clock, when).int(this.duration[i]).ascii(r.owner).ascii(r.contact).ascii(r.account);
      w.ascii(r.opportunity).ascii(r.lead).timestamp(g.clock, when).timestamp(g.clock, when).end();
    }
    return keys.length;
  }
}

/** Activities per block stay below this (about 2 million), so (second, index) keys stay exact doubles. */
const INDEX_SPACE = 2 ** 21;

/** What an activity is about; one object is shared by all activities of a contact, deal or lead. */
interface Refs {
  owner: string | null;
  contact: string | null;
  account: string | null;
  opportunity: string | null;
  lead: string | null;
}

const refs = (owner: string | null, contact: string | null, account: string | null, opportunity: string | null, lead: string | null): Refs => ({
  owner,
  contact,
  account,
  opportunity,
  lead,
});

const CONTACT_MIX = weighted<ActivityType>([["email", 45], ["call", 35], ["meeting", 20]]);
const DEAL_MIX = weighted<ActivityType>([["email", 35], ["call", 35], ["meeting", 30]]);
const SUBJECTS: Record<ActivityType, readonly string[]> = {
  email: ["Follow-up", "Checking in", "Re: pricing question", "Meeting recap", "Case study", "Re: renewal terms", "Intro"],
  call: ["Discovery call", "Check-in call", "Left voicemail", "Pricing call", "Quarterly check-in", "Reference call"],
  meeting: ["Demo", "Business review", "Onsite visit", "Kickoff meeting", "Executive briefing", "Technical deep dive"],
};
const DEAL_SUBJECTS: Record<ActivityType, readonly string[]> = {
  email: ["Sent proposal", "Re: contract redlines", "Order form", "Re: security questionnaire", "Pricing follow-up"],
  call: ["Negotiation call", "Procurement call", "Scoping call", "Champion sync"],
  meeting: ["Product demo", "Proposal review", "Mutual action plan", "Security review", "Executive alignment"],
};
const MEETING_MINUTES = [15, 30, 30, 30, 45, 60, 60, 90];
/** Share of contacts who ever get activities: the rest were never contacted (see Engagement). */
const ENGAGED = 0.92;

/** Logs one activity of a random type (with a subject and duration that fit it) with the given references. */
function log(g: GenState, out: ActivitySink, mix: WeightedTable<ActivityType>, subjects: Record<ActivityType, readonly string[]>, at: number, references: Refs) {
  const { rng } = g;
  const type = rng.pickWeighted(mix);
  const duration =
    type === "meeting" ? rng.pick(MEETING_MINUTES) : type === "call" ? Math.max(1, Math.round(rng.logNormal(12, 0.7))) : null;
  out.push(at, type, rng.pick(subjects[type]), duration, references);
}

/** A moment in [from, to) during working hours when possible. */
function momentBetween(g: GenState, from: number, to: number): number {
  const at = g.clock.workingHours(g.between(from, to), g.rng.float());
  return at < from || at >= to ? g.between(from, to) : at;
}

/** Calls, emails and meetings with a contact; sets the contact's last_activity_at. Stale contacts stop a year or more ago. */
export function contactActivities(g: GenState, c: SeedContact, out: ActivitySink): void {
  if (c.engagement === "never") return;
  const { clock, rng } = g;
  const from = Math.max(c.createdAt, clock.windowStart);
  const to = c.engagement === "stale" ? clock.daysAgo(365 + rng.float() * 335) : clock.asOf;
  if (to - from < HOUR) return;
  const count = rng.round((g.spec.activitiesPerContact / ENGAGED) * (0.3 + 1.4 * rng.float()));
  const references = refs(c.ownerId ?? c.account.ownerId, c.id, c.account.id, null, null);
  for (let i = 0; i < count; i++) {
    const at = momentBetween(g, from, to);
    log(g, out, CONTACT_MIX, SUBJECTS, at, references);
    if (c.lastActivityAt === null || at > c.lastActivityAt) c.lastActivityAt = at;
  }
}

/** The work on a deal between its creation and its close, with people at the account who were around then. */
export function opportunityActivities(g: GenState, o: SeedOpportunity, people: readonly SeedContact[], out: ActivitySink): void {
  const { clock, rng } = g;
  const to = o.closedAt ?? clock.asOf;
  if (to - o.createdAt < HOUR) return;
  const count = rng.round(g.spec.activitiesPerOpportunity * (0.3 + 1.4 * rng.float()));
  for (let i = 0; i < count; i++) {
    const at = momentBetween(g, o.createdAt, to);
    const contact = someoneAround(g, people, at);
    log(g, out, DEAL_MIX, DEAL_SUBJECTS, at, refs(o.ownerId, contact?.id ?? null, o.account.id, o.id, null));
    if (contact && (contact.lastActivityAt === null || at > contact.lastActivityAt)) contact.lastActivityAt = at;
  }
}

/** An active contact of the account who existed at `at`, if a few draws find one. */
function someoneAround(g: GenState, people: readonly SeedContact[], at: number): SeedContact | null {
  if (!people.length) return null;
  for (let tries = 0; tries < 4; tries++) {
    const p = people[g.rng.int(0, people.length - 1)]!;
    if (p.engagement === "active" && p.createdAt <= at) return p;
  }
  return null;
}

const inquirySubjects = new Map<string, string>();
const inquirySubject = (source: string) => {
  let subject = inquirySubjects.get(source);
  if (subject === undefined) inquirySubjects.set(source, (subject = `Re: ${source} inquiry`));
  return subject;
};

/** The first response to a lead (at first_response_at exactly) and the follow-ups after it. */
export function leadActivities(g: GenState, l: SeedLead, out: ActivitySink): void {
  if (l.firstResponseAt === null) return;
  const { clock, rng } = g;
  const references = refs(l.ownerId, null, null, null, l.id);
  if (rng.chance(0.6)) out.push(l.firstResponseAt, "email", inquirySubject(l.source), null, references);
  else out.push(l.firstResponseAt, "call", "Intro call", rng.int(3, 25), references);
  const end = Math.min(l.convertedAt ?? clock.asOf, l.firstResponseAt + 60 * DAY, clock.asOf);
  if (end - l.firstResponseAt < MINUTE * 30) return;
  const count = rng.round(g.spec.activitiesPerLead * (0.3 + 1.4 * rng.float()));
  for (let i = 0; i < count; i++) log(g, out, CONTACT_MIX, SUBJECTS, g.between(l.firstResponseAt + MINUTE, end), references);
}
