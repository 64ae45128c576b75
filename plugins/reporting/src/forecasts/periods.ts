import { fiscalPeriodsOfYear, fiscalYearOf } from "@opsdeck/core";
import { addDays, format, parseISO } from "date-fns";

export interface Quarter {
  name: string;
  startsOn: string;
  endsOn: string;
}

const iso = (d: Date) => format(d, "yyyy-MM-dd");

/** The fiscal quarter containing a day, for a fiscal year starting in `startMonth` (core's calendar rules). */
export function quarterOf(day: string, startMonth: number): Quarter {
  const year = fiscalYearOf(day, startMonth);
  const quarter = fiscalPeriodsOfYear(year, startMonth).find((p) => p.kind === "quarter" && p.startsOn <= day && p.endsOn >= day)!;
  return { name: quarter.name, startsOn: quarter.startsOn, endsOn: quarter.endsOn };
}

/** The quarter just before `quarter`. */
export function previousQuarter(quarter: Quarter, startMonth: number): Quarter {
  return quarterOf(iso(addDays(parseISO(quarter.startsOn), -1)), startMonth);
}

/** The first day of the week containing `day`, weeks starting on ISO weekday `weekday` (1 = Monday). */
export function weekStartOf(day: string, weekday: number): string {
  const d = parseISO(day);
  const isoDay = ((d.getDay() + 6) % 7) + 1;
  return iso(addDays(d, -((isoDay - weekday + 7) % 7)));
}

/** Every week start from the week containing `from` to the one containing `to`. */
export function weekStarts(from: string, to: string, weekday: number): string[] {
  const out: string[] = [];
  for (let d = weekStartOf(from, weekday); d <= to; d = iso(addDays(parseISO(d), 7))) out.push(d);
  return out;
}

export const addDaysIso = (day: string, days: number) => iso(addDays(parseISO(day), days));
export const todayUtc = (now = new Date()) => now.toISOString().slice(0, 10);
