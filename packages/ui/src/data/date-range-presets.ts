import { addMonths, addYears, endOfDay, endOfMonth, startOfDay, startOfMonth, subDays } from "date-fns";

/** A span of whole days, both ends included. */
export interface DateRange {
  from: Date;
  to: Date;
}

export interface DateRangePreset {
  id: string;
  label: string;
  range: DateRange;
}

export interface DateRangePresetOptions {
  /** The first month of the fiscal year, 1–12 (default 1, January): quarters and years follow it. */
  fiscalYearStartMonth?: number;
}

function span(from: Date, to: Date): DateRange {
  return { from: startOfDay(from), to: endOfDay(to) };
}

/** The fiscal quarter or year containing a day, as whole months. */
function fiscalPeriod(day: Date, months: 3 | 12, fiscalYearStartMonth: number): DateRange {
  const monthsIntoYear = (day.getMonth() - (fiscalYearStartMonth - 1) + 12) % 12;
  const monthsIntoPeriod = months === 12 ? monthsIntoYear : monthsIntoYear % 3;
  const from = startOfMonth(addMonths(day, -monthsIntoPeriod));
  return span(from, endOfMonth(addMonths(from, months - 1)));
}

/**
 * The date range presets of reporting pages, relative to `today`: last 7/30/90 days, this and last month,
 * this and last quarter, this and last year, year to date. Quarters and years follow the fiscal calendar.
 */
export function getDateRangePresets(today: Date, options: DateRangePresetOptions = {}): DateRangePreset[] {
  const fyStart = options.fiscalYearStartMonth ?? 1;
  if (!Number.isInteger(fyStart) || fyStart < 1 || fyStart > 12) {
    throw new RangeError(`fiscalYearStartMonth must be 1–12, got ${fyStart}`);
  }
  const thisQuarter = fiscalPeriod(today, 3, fyStart);
  const thisYear = fiscalPeriod(today, 12, fyStart);
  return [
    { id: "last-7-days", label: "Last 7 days", range: span(subDays(today, 6), today) },
    { id: "last-30-days", label: "Last 30 days", range: span(subDays(today, 29), today) },
    { id: "last-90-days", label: "Last 90 days", range: span(subDays(today, 89), today) },
    { id: "this-month", label: "This month", range: span(startOfMonth(today), endOfMonth(today)) },
    {
      id: "last-month",
      label: "Last month",
      range: span(startOfMonth(addMonths(today, -1)), endOfMonth(addMonths(today, -1))),
    },
    { id: "this-quarter", label: "This quarter", range: thisQuarter },
    { id: "last-quarter", label: "Last quarter", range: fiscalPeriod(addMonths(thisQuarter.from, -3), 3, fyStart) },
    { id: "this-year", label: "This year", range: thisYear },
    { id: "last-year", label: "Last year", range: fiscalPeriod(addYears(thisYear.from, -1), 12, fyStart) },
    { id: "year-to-date", label: "Year to date", range: span(thisYear.from, today) },
  ];
}

/** The preset whose range is exactly `range` (same days), if any: the picker highlights it. */
export function matchDateRangePreset(
  presets: readonly DateRangePreset[],
  range: DateRange | undefined,
): DateRangePreset | undefined {
  if (!range) return undefined;
  const from = startOfDay(range.from).getTime();
  const to = startOfDay(range.to).getTime();
  return presets.find(
    (preset) => startOfDay(preset.range.from).getTime() === from && startOfDay(preset.range.to).getTime() === to,
  );
}
