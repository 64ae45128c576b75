import { EMPTY_VALUE, numberFormat } from "./intl-cache.ts";

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

export interface FormatMoneyOptions {
  /** `$1.2M` instead of `$1,234,567.89`, for tiles and chart axes. */
  compact?: boolean;
  /** `always` shows `+` on gains (deltas). */
  signDisplay?: "auto" | "always" | "exceptZero" | "never";
  minimumFractionDigits?: number;
  maximumFractionDigits?: number;
}

/**
 * Formats an exact decimal string (e.g. `MoneyDecimal.toFixed()`) as money, never going through a float:
 * Intl.NumberFormat formats numeric strings digit for digit (ES2023 Intl.NumberFormat v3).
 * `null`/`undefined` show as an em dash; anything that is not a plain decimal string throws a RangeError.
 */
export function formatMoney(
  value: string | null | undefined,
  currency: string,
  locale?: string,
  options: FormatMoneyOptions = {},
): string {
  if (value === null || value === undefined) return EMPTY_VALUE;
  const trimmed = value.trim();
  if (!DECIMAL.test(trimmed)) throw new RangeError(`formatMoney: "${value}" is not a decimal string`);
  const { compact = false, ...rest } = options;
  const format = numberFormat(locale, {
    style: "currency",
    currency,
    ...(compact ? { notation: "compact", maximumFractionDigits: 1 } : {}),
    ...rest,
  });
  // The Intl typings only list number | bigint, but the spec (and every current engine) takes a string
  // and keeps all of its digits.
  return format.format(trimmed as unknown as number);
}

/** True when a string is a plain decimal that formatMoney accepts. */
export function isDecimalString(value: string): boolean {
  return DECIMAL.test(value.trim());
}
