import type { IdFactory } from "./ids.ts";
import type { PeoplePlan } from "./people.ts";
import { Rng, weighted, type WeightedTable } from "./random.ts";
import type { ScaleSpec } from "./scales.ts";
import { SEGMENT_SHARES, teamIndexFor, type Segment } from "./territories.ts";
import type { SeedClock } from "./time.ts";
import { COUNTRIES, type Country, type Region } from "./vocabulary/countries.ts";
import { BRANDS, INDUSTRY_NOUNS } from "./vocabulary/companies.ts";
import type { NamePool } from "./vocabulary/names.ts";
import { phoneNumber, type Phone } from "./vocabulary/phones.ts";

/** Everything the record generators share: the PRNG, ids, clock, people and running counters. */
export class GenState {
  readonly rng: Rng;
  readonly ids: IdFactory;
  readonly clock: SeedClock;
  readonly organizationId: string;
  readonly spec: ScaleSpec;
  readonly pools: Record<Country["names"], NamePool>;
  readonly people: PeoplePlan;
  readonly countries: WeightedTable<Country>;
  readonly segments: WeightedTable<Segment>;
  /** How many distinct company names exist: brands × industry nouns. */
  private readonly brandSpace: number;
  private readonly brandStride: number;
  private brandCursor = 0;
  private readonly phoneSeq = new Map<string, number>();
  private readonly teamCache = new Map<string, number>();
  readonly counters = { account: 0, contact: 0, lead: 0, opportunity: 0 };

  constructor(options: {
    seed: string;
    ids: IdFactory;
    clock: SeedClock;
    organizationId: string;
    spec: ScaleSpec;
    pools: Record<Country["names"], NamePool>;
    people: PeoplePlan;
  }) {
    this.rng = new Rng(`records|${options.seed}`);
    this.ids = options.ids;
    this.clock = options.clock;
    this.organizationId = options.organizationId;
    this.spec = options.spec;
    this.pools = options.pools;
    this.people = options.people;
    this.countries = weighted(COUNTRIES.map((c) => [c, c.weight] as const));
    this.segments = weighted(SEGMENT_SHARES);
    this.brandSpace = BRANDS.length * INDUSTRY_NOUNS.length;
    this.brandStride = coprimeStride(this.brandSpace);
  }

  /**
   * The next company name that no other company in the demo has: a bijection from a counter to
   * (brand, industry noun), so two unrelated accounts never look like duplicates by accident.
   */
  nextCompany(): { brand: string; noun: string; industry: string } {
    const n = (this.brandCursor++ * this.brandStride + 7919) % this.brandSpace;
    const brand = BRANDS[n % BRANDS.length]!;
    const pair = INDUSTRY_NOUNS[Math.floor(n / BRANDS.length)]!;
    return { brand, noun: pair.noun, industry: pair.industry };
  }

  /** A phone number no other seeded person has (see phones.ts). */
  nextPhone(country: string): Phone {
    const seq = this.phoneSeq.get(country) ?? 0;
    this.phoneSeq.set(country, seq + 1);
    return phoneNumber(country, seq);
  }

  teamFor(country: string, segment: Segment): number {
    const key = `${country}|${segment}`;
    let index = this.teamCache.get(key);
    if (index === undefined) {
      index = teamIndexFor(this.people.teams, country, segment);
      this.teamCache.set(key, index);
    }
    return index;
  }

  /** A region and city of a country; the state as stored: mostly the code, sometimes written out. */
  place(country: Country): { region: Region | null; state: string | null; city: string } {
    if (!country.regions.length) return { region: null, state: null, city: this.rng.pick(country.cities) };
    const region = this.rng.pick(country.regions);
    return { region, state: this.stateText(region), city: this.rng.pick(region.cities) };
  }

  /** "CA" most of the time, "California" sometimes: users type both. */
  stateText(region: Region | null): string | null {
    if (!region) return null;
    return this.rng.chance(0.1) ? region.name : region.code;
  }

  /** "US" most of the time, "United States" sometimes. */
  countryText(country: Country): string {
    return this.rng.chance(0.02) ? this.rng.pick(country.aliases) : country.code;
  }

  /** A uniform moment in [from, to). */
  between(from: number, to: number): number {
    return from + Math.floor(this.rng.float() * Math.max(0, to - from));
  }
}

function coprimeStride(space: number): number {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  let stride = Math.floor(space * 0.6180339887);
  while (gcd(stride, space) !== 1) stride += 1;
  return stride;
}
