import { EMPTY_VALUE, dateFormat, relativeFormat } from "./intl-cache.ts";

export type DateInput = Date | string | number;

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Turns a Date, timestamp or ISO string into a Date. A date-only string (`2025-03-31`, a Postgres `date`)
 * is a calendar day, so it becomes local midnight rather than UTC midnight (which shows as the 30th in the US).
 */
export function toDate(value: DateInput): Date {
  if (value instanceof Date) return value;
  if (typeof value === "string") {
    const match = DATE_ONLY.exec(value);
    if (match) return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  }
  return new Date(value);
}

export interface FormatDateOptions {
  locale?: string;
  /** `short` 3/31/25, `medium` Mar 31, 2025 (default), `long` March 31, 2025. */
  style?: "short" | "medium" | "long";
  /** Adds the time of day. */
  withTime?: boolean;
  timeZone?: string;
}

/** Formats a date (and optionally time) for display. */
export function formatDate(value: DateInput | null | undefined, options: FormatDateOptions = {}): string {
  if (value === null || value === undefined) return EMPTY_VALUE;
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`formatDate: ${String(value)} is not a valid date`);
  const { locale, style = "medium", withTime = false, timeZone } = options;
  const format = dateFormat(locale, {
    dateStyle: style,
    ...(withTime ? { timeStyle: "short" } : {}),
    ...(timeZone ? { timeZone } : {}),
  });
  return format.format(date);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
  ["second", 1],
];

export interface FormatRelativeTimeOptions {
  locale?: string;
  /** The reference instant (default: now); tests and lists rendered at one moment pass it. */
  now?: DateInput;
}

/** Formats how long ago (or until) a moment is: `3 hours ago`, `yesterday`, `in 2 weeks`, `now`. */
export function formatRelativeTime(
  value: DateInput | null | undefined,
  options: FormatRelativeTimeOptions = {},
): string {
  if (value === null || value === undefined) return EMPTY_VALUE;
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`formatRelativeTime: ${String(value)} is not a valid date`);
  const now = options.now === undefined ? new Date() : toDate(options.now);
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const format = relativeFormat(options.locale);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === "second") {
      if (unit === "second" && Math.abs(seconds) < 45) return format.format(0, "second");
      return format.format(Math.round(seconds / size), unit);
    }
  }
  return format.format(0, "second");
}
