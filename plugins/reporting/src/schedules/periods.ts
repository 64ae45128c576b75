import { fiscalPeriodsOfYear, fiscalYearOf } from "@opsdeck/core";
import { addDays } from "../kpis/filters.ts";
import { todayIn } from "../kpis/compute.ts";

/** The periods a KPI alert or a dashboard mail can cover, relative to the run's due time. */
export const PERIOD_PRESETS = ["current_month", "previous_month", "current_quarter", "previous_quarter", "current_year", "last_30_days"] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export const PERIOD_LABELS: Record<PeriodPreset, string> = {
  current_month: "This month",
  previous_month: "Last month",
  current_quarter: "This fiscal quarter",
  previous_quarter: "Last fiscal quarter",
  current_year: "This fiscal year",
  last_30_days: "The last 30 days",
};

export interface ResolvedPeriod {
  from: string;
  to: string;
  /** `FY2027 Q1 (2026-02-01 – 2026-04-30)`. */
  label: string;
}

const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
const monthEnd = (day: string) => {
  const [y, m] = day.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

/**
 * The dates of a preset on the day the run is due, in the organization's time zone; quarters and years are
 * fiscal (core's calendar, `fiscalPeriodsOfYear`), as everywhere in the plugin.
 */
export function resolvePeriod(preset: PeriodPreset, at: Date, org: { timeZone: string; fiscalYearStartMonth: number }): ResolvedPeriod {
  const today = todayIn(org.timeZone, at);
  const span = (from: string, to: string, name?: string) => ({ from, to, label: `${name ? `${name} ` : ""}(${from} – ${to})` });
  const fiscal = (day: string, kind: "quarter" | "year") => {
    const year = fiscalYearOf(day, org.fiscalYearStartMonth);
    return fiscalPeriodsOfYear(year, org.fiscalYearStartMonth).find((p) => p.kind === kind && p.startsOn <= day && p.endsOn >= day)!;
  };
  switch (preset) {
    case "current_month":
      return span(monthStart(today), monthEnd(today));
    case "previous_month": {
      const last = addDays(monthStart(today), -1);
      return span(monthStart(last), last);
    }
    case "current_quarter": {
      const q = fiscal(today, "quarter");
      return span(q.startsOn, q.endsOn, q.name);
    }
    case "previous_quarter": {
      const q = fiscal(addDays(fiscal(today, "quarter").startsOn, -1), "quarter");
      return span(q.startsOn, q.endsOn, q.name);
    }
    case "current_year": {
      const y = fiscal(today, "year");
      return span(y.startsOn, y.endsOn, y.name);
    }
    case "last_30_days":
      return span(addDays(today, -30), addDays(today, -1));
  }
}
