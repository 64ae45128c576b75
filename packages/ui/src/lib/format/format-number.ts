import { EMPTY_VALUE, numberFormat } from "./intl-cache.ts";
import { isDecimalString } from "./format-money.ts";

export interface FormatNumberOptions {
  locale?: string;
  /** `12.3K` instead of `12,345`. */
  compact?: boolean;
  minimumFractionDigits?: number;
  maximumFractionDigits?: number;
  signDisplay?: "auto" | "always" | "exceptZero" | "never";
}

function toFormattable(value: number | string, caller: string): number {
  if (typeof value === "string") {
    if (!isDecimalString(value)) throw new RangeError(`${caller}: "${value}" is not a decimal string`);
    // Strings stay strings all the way into Intl so that big or long decimals keep their digits.
    return value.trim() as unknown as number;
  }
  if (!Number.isFinite(value)) throw new RangeError(`${caller}: ${value} is not a finite number`);
  return value;
}

/** Formats a count or measure with grouping (`12,345`); decimal strings keep every digit. */
export function formatNumber(value: number | string | null | undefined, options: FormatNumberOptions = {}): string {
  if (value === null || value === undefined) return EMPTY_VALUE;
  const { locale, compact = false, ...rest } = options;
  const format = numberFormat(locale, {
    maximumFractionDigits: compact ? 1 : 2,
    ...(compact ? { notation: "compact" } : {}),
    ...rest,
  });
  return format.format(toFormattable(value, "formatNumber"));
}

export interface FormatPercentOptions {
  locale?: string;
  /** Digits after the decimal point (default 1, trailing zeros dropped). */
  fractionDigits?: number;
  /** Show `+` on positive values (deltas). */
  signed?: boolean;
}

/** Formats a ratio as a percentage: `0.253` → `25.3%`. */
export function formatPercent(value: number | string | null | undefined, options: FormatPercentOptions = {}): string {
  if (value === null || value === undefined) return EMPTY_VALUE;
  const { locale, fractionDigits = 1, signed = false } = options;
  const format = numberFormat(locale, {
    style: "percent",
    maximumFractionDigits: fractionDigits,
    ...(signed ? { signDisplay: "exceptZero" } : {}),
  });
  return format.format(toFormattable(value, "formatPercent"));
}
