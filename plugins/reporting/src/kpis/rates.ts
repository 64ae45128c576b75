import { MoneyDecimal, type MoneyValue, type TenantContext } from "@opsdeck/core";
import { queryRows } from "@opsdeck/db";
import { sql } from "drizzle-orm";

/**
 * Conversion into the organization's currency with core's `exchange_rates` (1 unit of `currency` = `rate` units
 * of the organization's currency from `valid_from` on). The rate of a day is the one with the latest
 * `valid_from` on or before it — the same rule as the forecasts'. Closed deals convert at their close day,
 * pipeline at the period's last day. A currency with no rate on or before the day cannot be converted: the
 * amount is left out and the answer says so.
 */
export class RateTable {
  private readonly byCurrency = new Map<string, { validFrom: string; rate: MoneyValue }[]>();
  readonly missing = new Set<string>();
  readonly orgCurrency: string;

  constructor(orgCurrency: string, rows: { currency: string; rate: string; valid_from: string }[]) {
    this.orgCurrency = orgCurrency;
    for (const row of rows) {
      const list = this.byCurrency.get(row.currency) ?? [];
      list.push({ validFrom: String(row.valid_from).slice(0, 10), rate: new MoneyDecimal(row.rate) });
      this.byCurrency.set(row.currency, list);
    }
    for (const list of this.byCurrency.values()) list.sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1));
  }

  /** The rate of `currency` on `day`; null (and remembered in `missing`) when there is none. */
  rate(currency: string, day: string): MoneyValue | null {
    if (currency === this.orgCurrency) return new MoneyDecimal(1);
    const hit = this.byCurrency.get(currency)?.find((r) => r.validFrom <= day);
    if (!hit) {
      this.missing.add(`${currency} on ${day}`);
      return null;
    }
    return hit.rate;
  }

  /** `amount` in the organization's currency, unrounded (callers round totals once). */
  convert(amount: string | MoneyValue, currency: string, day: string): MoneyValue | null {
    const rate = this.rate(currency, day);
    return rate ? new MoneyDecimal(amount).times(rate) : null;
  }
}

export async function loadRates(ctx: TenantContext, orgCurrency: string): Promise<RateTable> {
  const rows = await queryRows<{ currency: string; rate: string; valid_from: string }>(
    ctx.db,
    sql`select currency, rate::text as rate, valid_from::text as valid_from from core.exchange_rates where organization_id = ${ctx.organizationId}::uuid`,
  );
  return new RateTable(orgCurrency, rows);
}
