import type { SeedAccount } from "./accounts.ts";
import { recordOwner } from "./contacts.ts";
import type { CsvWriter } from "./csv-writer.ts";
import { STAGES, type StageId } from "../domain/stages.ts";
import { externalId } from "./ids.ts";
import { weighted } from "./random.ts";
import type { GenState } from "./state.ts";
import { DAY } from "./time.ts";
import type { Segment } from "./territories.ts";
import { DEAL_SOURCES, PRODUCTS, type DEAL_TYPES } from "./vocabulary/companies.ts";

export interface SeedOpportunity {
  id: string;
  externalId: string;
  account: SeedAccount;
  name: string;
  /** Exact amount as text with two decimals ("24350.75"); never a float on the way to the database. */
  amount: string;
  currency: string;
  stage: StageId;
  probability: number;
  type: string;
  source: string;
  ownerId: string | null;
  createdAt: number;
  updatedAt: number;
  closeDate: number;
  closedAt: number | null;
}

const OPP_WEIGHT: Record<Segment, number> = { smb: 0.7, mid: 1.1, ent: 1.9 };
/** Median deal size in cents and sales cycle in days per segment. */
const DEAL: Record<Segment, { cents: number; cycle: number }> = {
  smb: { cents: 900_000, cycle: 35 },
  mid: { cents: 3_800_000, cycle: 70 },
  ent: { cents: 14_500_000, cycle: 120 },
};
const TYPES = weighted<(typeof DEAL_TYPES)[number]>([
  ["New Business", 55],
  ["Expansion", 25],
  ["Renewal", 20],
]);
const TYPE_SIZE: Record<string, number> = { "New Business": 1, Expansion: 0.5, Renewal: 0.8 };
const OPEN_STAGES = STAGES.filter((s) => !s.closed).map((s) => s.id);
const WIN_RATE = 0.34;
/** Share of deals whose close date passed while they stayed open: a pipeline-hygiene finding. */
const PAST_DUE = 0.07;

function centsToAmount(cents: number): string {
  const whole = Math.floor(cents / 100);
  const rest = cents % 100;
  return `${whole}.${rest < 10 ? "0" : ""}${rest}`;
}

/**
 * The deals of an account over the two-year window: older ones closed won or lost, recent ones open in a
 * stage that matches how far along their cycle they are, and a few left open past their close date.
 */
export function makeOpportunities(g: GenState, account: SeedAccount, mean?: number): SeedOpportunity[] {
  const { rng, clock } = g;
  const count = rng.round((mean ?? g.spec.opportunitiesPerAccount * OPP_WEIGHT[account.segment]) * (0.4 + 1.2 * rng.float()));
  const out: SeedOpportunity[] = [];
  const deal = DEAL[account.segment];
  for (let i = 0; i < count; i++) {
    const createdAt = clock.workingHours(g.between(Math.max(clock.windowStart, account.createdAt + DAY), clock.asOf - DAY), rng.float());
    const cycle = Math.min(365, Math.max(7, rng.logNormal(deal.cycle, 0.5)));
    const plannedClose = clock.workingHours(createdAt + cycle * DAY, rng.float());
    const type = rng.pickWeighted(TYPES);
    let stage: StageId;
    let closedAt: number | null = null;
    if (plannedClose < clock.asOf && !rng.chance(PAST_DUE)) {
      stage = rng.chance(WIN_RATE) ? "closed_won" : "closed_lost";
      closedAt = plannedClose;
    } else if (plannedClose < clock.asOf) {
      stage = OPEN_STAGES[rng.int(2, OPEN_STAGES.length - 1)]!;
    } else {
      const progress = (clock.asOf - createdAt) / (plannedClose - createdAt);
      const index = Math.min(OPEN_STAGES.length - 1, Math.floor(progress * OPEN_STAGES.length + rng.float() - 0.3));
      stage = OPEN_STAGES[Math.max(0, index)]!;
    }
    const info = STAGES.find((s) => s.id === stage)!;
    const cents = Math.round(rng.logNormal(deal.cents * TYPE_SIZE[type]!, 0.6) / 100) * 100 + rng.int(0, 99);
    const foreign = account.country.currency !== "USD" && rng.chance(0.75);
    const product = rng.pick(PRODUCTS);
    const year = clock.day(plannedClose).slice(0, 4);
    const suffix = type === "Renewal" ? ` Renewal ${year}` : type === "Expansion" ? " Expansion" : "";
    out.push({
      id: g.ids.next("opportunity"),
      externalId: externalId("006", g.counters.opportunity++),
      account,
      name: `${account.brand} ${account.noun} - ${product}${suffix}`,
      amount: centsToAmount(Math.max(50_000, cents)),
      currency: foreign ? account.country.currency : "USD",
      stage,
      probability: info.closed ? info.probability : Math.max(5, Math.min(95, info.probability + rng.int(-1, 1) * 5)),
      type,
      source: rng.pick(DEAL_SOURCES),
      ownerId: recordOwner(g, account) ?? (rng.chance(0.6) ? account.ownerId : null),
      createdAt,
      updatedAt: closedAt ?? g.between(createdAt, clock.asOf),
      closeDate: plannedClose,
      closedAt,
    });
  }
  return out;
}

/** Writes the opportunity as a CSV row for COPY (columns: COLUMNS.opportunities). */
export function writeOpportunity(g: GenState, w: CsvWriter, o: SeedOpportunity): void {
  const { clock } = g;
  w.ascii(o.id).ascii(g.organizationId).ascii(o.externalId).ascii(o.account.id).text(o.name).ascii(o.amount);
  w.ascii(o.currency).ascii(o.stage).int(o.probability).text(o.type).text(o.source).ascii(o.ownerId);
  w.timestamp(clock, o.createdAt).timestamp(clock, o.updatedAt).ascii(clock.day(o.closeDate)).timestamp(clock, o.closedAt);
  w.bool(o.stage === "closed_won").bool(o.closedAt !== null).end();
}
