import { Decimal } from "decimal.js";

/**
 * Money is exact: `numeric(18,2)` in Postgres and Decimal in TypeScript, never a float.
 * Amounts are stored with 2 decimals, rounded half-to-even (banker's rounding) when an input has more,
 * so sums of many rounded values do not drift upward (docs/decisions/003-money.md).
 */
export const MoneyDecimal = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN });
export type MoneyValue = InstanceType<typeof MoneyDecimal>;

export const MONEY_SCALE = 2;
const MAX_MONEY = new MoneyDecimal("9999999999999999.99");

/** Parses a user-supplied amount ("1,234.50", "$1200", "1200.005"); undefined when it is not a number. */
export function parseMoney(input: string): MoneyValue | undefined {
  const cleaned = input.trim().replace(/^[A-Z]{3}\s*/i, "").replace(/[$€£¥\s,]/g, "");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(cleaned)) return undefined;
  const value = new MoneyDecimal(cleaned);
  if (!value.isFinite() || value.abs().greaterThan(MAX_MONEY)) return undefined;
  return value.toDecimalPlaces(MONEY_SCALE, MoneyDecimal.ROUND_HALF_EVEN);
}

/** The database form of an amount: a plain string with exactly 2 decimals. */
export function moneyToDb(value: MoneyValue): string {
  return value.toFixed(MONEY_SCALE, MoneyDecimal.ROUND_HALF_EVEN);
}

/** Adds amounts read from the database (strings) exactly. */
export function sumMoney(values: Iterable<string | null | undefined>): MoneyValue {
  let total = new MoneyDecimal(0);
  for (const v of values) if (v != null) total = total.plus(v);
  return total;
}

export const CURRENCY = /^[A-Z]{3}$/;
