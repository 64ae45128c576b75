export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Two years: the demo's opportunities, leads and activities span the 8 quarters before as-of. */
export const WINDOW_DAYS = 730;

/**
 * The demo's clock. Every timestamp is `asOf` minus an offset drawn from the PRNG, so moving asOf by N
 * days moves every date by exactly N days and the demo always looks current. Day strings are cached:
 * millions of `toISOString()` calls would dominate generation time otherwise.
 */
export class SeedClock {
  /** Midnight UTC at the start of the as-of day: nothing seeded happens at or after it. */
  readonly asOf: number;
  readonly asOfDay: string;
  /** Start of the two-year window. */
  readonly windowStart: number;
  // Day strings by day number, from six years before as-of on (nothing seeded is older).
  private readonly firstDay: number;
  private readonly days: string[] = [];

  constructor(asOfDay: string) {
    this.asOfDay = asOfDay;
    this.asOf = Date.parse(`${asOfDay}T00:00:00Z`);
    this.windowStart = this.asOf - WINDOW_DAYS * DAY;
    this.firstDay = Math.floor(this.asOf / DAY) - 7 * 366;
  }

  /** The ms timestamp `days` days before as-of (fractions allowed). */
  daysAgo(days: number): number {
    return this.asOf - Math.round(days * DAY);
  }

  /** `YYYY-MM-DD` of a timestamp. */
  day(ms: number): string {
    const key = Math.floor(ms / DAY);
    const index = key - this.firstDay;
    let text = index >= 0 ? this.days[index] : undefined;
    if (text === undefined) {
      text = new Date(key * DAY).toISOString().slice(0, 10);
      if (index >= 0) this.days[index] = text;
    }
    return text;
  }

  /** A moment during working hours (08:00–18:00 UTC) of the day `ms` falls in. */
  workingHours(ms: number, fraction: number): number {
    return Math.floor(ms / DAY) * DAY + 8 * HOUR + Math.floor(fraction * 10 * HOUR / MINUTE) * MINUTE;
  }
}

/** Today's date in UTC: the default as-of. The only place the seed reads the wall clock. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}
