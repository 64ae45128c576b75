import { addMonths, format, subDays } from "date-fns";
import { and, asc, eq, gte, lte } from "drizzle-orm";
import type { TenantContext } from "../domain/context.ts";
import { fiscalPeriods } from "../schema/tables.ts";

export interface FiscalPeriodSpec {
  kind: "year" | "quarter" | "month";
  name: string;
  fiscalYear: number;
  startsOn: string;
  endsOn: string;
}

const iso = (d: Date) => format(d, "yyyy-MM-dd");

/**
 * The fiscal year a date falls in. A fiscal year is named after the calendar year it ends in
 * (Salesforce's default): with a February start, FY2027 runs from 2026-02-01 to 2027-01-31.
 */
export function fiscalYearOf(day: string, startMonth: number): number {
  const [y, m] = day.split("-").map(Number) as [number, number];
  if (startMonth === 1) return y;
  return m >= startMonth ? y + 1 : y;
}

/** The year, its four quarters and twelve months for one fiscal year. */
export function fiscalPeriodsOfYear(fiscalYear: number, startMonth: number): FiscalPeriodSpec[] {
  const start = new Date(Date.UTC(startMonth === 1 ? fiscalYear : fiscalYear - 1, startMonth - 1, 1));
  const at = (months: number) => addMonths(start, months);
  const end = (months: number) => subDays(at(months), 1);
  const periods: FiscalPeriodSpec[] = [
    { kind: "year", name: `FY${fiscalYear}`, fiscalYear, startsOn: iso(start), endsOn: iso(end(12)) },
  ];
  for (let q = 0; q < 4; q++) {
    periods.push({
      kind: "quarter",
      name: `FY${fiscalYear} Q${q + 1}`,
      fiscalYear,
      startsOn: iso(at(q * 3)),
      endsOn: iso(end(q * 3 + 3)),
    });
  }
  for (let m = 0; m < 12; m++) {
    periods.push({
      kind: "month",
      name: `FY${fiscalYear} M${String(m + 1).padStart(2, "0")} (${format(at(m), "MMM yyyy")})`,
      fiscalYear,
      startsOn: iso(at(m)),
      endsOn: iso(end(m + 1)),
    });
  }
  return periods;
}

/** (Re)builds the organization's fiscal calendar for a span of fiscal years. */
export async function generateFiscalPeriods(
  ctx: TenantContext,
  startMonth: number,
  fromYear: number,
  toYear: number,
): Promise<number> {
  await ctx.db.delete(fiscalPeriods).where(eq(fiscalPeriods.organizationId, ctx.organizationId));
  const rows = [];
  for (let year = fromYear; year <= toYear; year++) {
    for (const p of fiscalPeriodsOfYear(year, startMonth)) rows.push({ ...p, organizationId: ctx.organizationId });
  }
  if (rows.length) await ctx.db.insert(fiscalPeriods).values(rows);
  return rows.length;
}

export async function listFiscalPeriods(
  ctx: TenantContext,
  options: { kind?: FiscalPeriodSpec["kind"]; from?: string; to?: string } = {},
) {
  const where = [eq(fiscalPeriods.organizationId, ctx.organizationId)];
  if (options.kind) where.push(eq(fiscalPeriods.kind, options.kind));
  if (options.from) where.push(gte(fiscalPeriods.endsOn, options.from));
  if (options.to) where.push(lte(fiscalPeriods.startsOn, options.to));
  return ctx.db
    .select()
    .from(fiscalPeriods)
    .where(and(...where))
    .orderBy(asc(fiscalPeriods.startsOn), asc(fiscalPeriods.kind));
}

/** The period of a kind that contains a day, if the calendar covers it. */
export async function fiscalPeriodContaining(ctx: TenantContext, day: string, kind: FiscalPeriodSpec["kind"]) {
  const [row] = await ctx.db
    .select()
    .from(fiscalPeriods)
    .where(
      and(
        eq(fiscalPeriods.organizationId, ctx.organizationId),
        eq(fiscalPeriods.kind, kind),
        lte(fiscalPeriods.startsOn, day),
        gte(fiscalPeriods.endsOn, day),
      ),
    );
  return row;
}
