// Deterministic demo data for stories and tests (no faker: the kit depends on nothing heavy).

/** A seeded random generator (mulberry32): the same seed gives the same rows everywhere. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoAccount {
  id: string;
  name: string;
  owner: string;
  industry: string;
  region: string;
  stage: "prospect" | "customer" | "churned";
  /** Annual revenue as an exact decimal string, like the API returns it. */
  arr: string;
  openDeals: number;
  lastActivity: string;
}

const PREFIXES = ["Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Hooli", "Vandelay", "Soylent", "Tyrell", "Cyberdyne", "Wonka", "Aperture", "Oscorp", "Massive", "Pied Piper"];
const SUFFIXES = ["Inc.", "Corp", "Labs", "Group", "Systems", "Holdings", "GmbH", "& Co.", "Partners", "Industries"];
const OWNERS = ["Ava Chen", "Liam Patel", "Maya Rossi", "Noah Kim", "Zoe Martin", "Omar Haddad", "Ines García"];
const INDUSTRIES = ["Software", "Manufacturing", "Healthcare", "Retail", "Finance", "Logistics"];
const REGIONS = ["EMEA", "NA East", "NA West", "APAC", "LATAM"];
const STAGES: DemoAccount["stage"][] = ["prospect", "customer", "customer", "churned"];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** `count` demo accounts; a few names carry commas and quotes to exercise CSV escaping. */
export function demoAccounts(count: number, seed = 42): DemoAccount[] {
  const random = seededRandom(seed);
  const start = Date.UTC(2025, 0, 1);
  return Array.from({ length: count }, (_, index) => {
    const cents = Math.floor(random() * 250_000_000);
    const name =
      index % 37 === 5
        ? `${pick(random, PREFIXES)}, "The" ${pick(random, SUFFIXES)}`
        : `${pick(random, PREFIXES)} ${pick(random, SUFFIXES)} ${index + 1}`;
    return {
      id: `acc_${String(index + 1).padStart(5, "0")}`,
      name,
      owner: pick(random, OWNERS),
      industry: pick(random, INDUSTRIES),
      region: pick(random, REGIONS),
      stage: pick(random, STAGES),
      arr: `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`,
      openDeals: Math.floor(random() * 12),
      lastActivity: new Date(start + Math.floor(random() * 180) * 86_400_000).toISOString(),
    };
  });
}

export interface MonthlyPoint extends Record<string, unknown> {
  month: string;
  newBusiness: string;
  expansion: string;
  churn: string;
  pipeline: number;
}

/** Twelve months of revenue figures as decimal strings (new business, expansion, churn) and a pipeline count. */
export function demoMonthly(seed = 7): MonthlyPoint[] {
  const random = seededRandom(seed);
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  let base = 180_000;
  return months.map((month) => {
    base = base * (1 + (random() - 0.35) * 0.12);
    const cents = (value: number) => (Math.round(value * 100) / 100).toFixed(2);
    return {
      month,
      newBusiness: cents(base),
      expansion: cents(base * (0.25 + random() * 0.2)),
      churn: cents(base * (0.05 + random() * 0.08)),
      pipeline: Math.round(40 + random() * 60),
    };
  });
}
