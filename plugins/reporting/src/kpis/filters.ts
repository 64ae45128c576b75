import { z } from "zod";
import { SEGMENTS } from "../aggregates/facts.ts";

const isoDate = z.iso.date();

/** The filters every KPI, breakdown and drill-down takes (the shape of `DashboardFilters` in common.ts). */
export const kpiFiltersSchema = z
  .object({
    from: isoDate,
    to: isoDate,
    teamId: z.guid().optional(),
    ownerId: z.guid().optional(),
    territoryId: z.guid().optional(),
    segment: z.enum(SEGMENTS).optional(),
    source: z.string().trim().min(1).max(100).optional(),
  })
  .refine((f) => f.from <= f.to, { path: ["to"], message: "The period ends before it starts" })
  .refine((f) => daysBetween(f.from, f.to) <= 3 * 366, { path: ["to"], message: "A period is at most three years" });
export type KpiFilters = z.output<typeof kpiFiltersSchema>;

const DAY_MS = 86_400_000;
const ms = (day: string) => Date.parse(`${day}T00:00:00Z`);
export const addDays = (day: string, n: number) => new Date(ms(day) + n * DAY_MS).toISOString().slice(0, 10);
export const daysBetween = (from: string, to: string) => Math.round((ms(to) - ms(from)) / DAY_MS);

/** The period of the same length just before [from, to] (pipeline coverage compares with it). */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const length = daysBetween(from, to) + 1;
  return { from: addDays(from, -length), to: addDays(from, -1) };
}

/** Monday-to-Friday days in [from, to]. */
export function businessDays(from: string, to: string): number {
  let n = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const weekday = new Date(ms(d)).getUTCDay();
    if (weekday !== 0 && weekday !== 6) n += 1;
  }
  return n;
}
