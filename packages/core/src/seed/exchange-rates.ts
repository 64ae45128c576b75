import type { Database } from "@opsdeck/db";
import { exchangeRates } from "../schema/tables.ts";
import { Rng } from "./random.ts";
import { DAY, WINDOW_DAYS, type SeedClock } from "./time.ts";

/** Roughly what one unit was worth in US dollars; quarterly rates wander around these. */
const USD_VALUE: Record<string, number> = { USD: 1, EUR: 1.08, GBP: 1.27 };

/** First day of the calendar quarter a timestamp falls in. */
function quarterStart(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${String(Math.floor(d.getUTCMonth() / 3) * 3 + 1).padStart(2, "0")}-01`;
}

/**
 * Quarterly exchange rates into the organization's currency for the currencies deals are in, from the
 * quarter the window starts in up to the current one. Skipped for a currency the demo does not know.
 */
export async function insertExchangeRates(
  db: Database,
  organizationId: string,
  orgCurrency: string,
  clock: SeedClock,
  seed: string,
): Promise<number> {
  const home = USD_VALUE[orgCurrency];
  if (home === undefined) return 0;
  const rng = new Rng(`rates|${seed}`);
  const quarters: string[] = [];
  for (let ms = clock.asOf - WINDOW_DAYS * DAY; ; ms += 30 * DAY) {
    const q = quarterStart(Math.min(ms, clock.asOf));
    if (!quarters.includes(q)) quarters.push(q);
    if (ms >= clock.asOf) break;
  }
  const rows = [];
  for (const [currency, usd] of Object.entries(USD_VALUE)) {
    if (currency === orgCurrency) continue;
    let drift = 0;
    for (const validFrom of quarters) {
      drift += (rng.float() - 0.5) * 0.04;
      const rate = ((usd * (1 + drift)) / home).toFixed(6);
      rows.push({ organizationId, currency, rate, validFrom });
    }
  }
  await db.insert(exchangeRates).values(rows).onConflictDoNothing();
  return rows.length;
}
