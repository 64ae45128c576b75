import { MoneyDecimal, OpsdeckError, moneyToDb, parseMoney } from "@opsdeck/core";
import { z } from "zod";
import { forecastSubmissions } from "../schema/reports.ts";
import { snapshotWeekday, type ReportsContext } from "../reports/context.ts";
import { teamMemberIds } from "../reports/visibility.ts";
import { quarterOf, todayUtc, weekStartOf } from "./periods.ts";

const amount = z
  .string()
  .trim()
  .refine((v) => parseMoney(v) !== undefined && !parseMoney(v)!.isNegative(), "Enter an amount of 0 or more");

export const submitForecastInput = z.object({
  /** Any day of the fiscal quarter the call is for (default: today's quarter). */
  periodStart: z.iso.date().optional(),
  scope: z.enum(["self", "team"]).default("self"),
  commit: amount,
  bestCase: amount,
  pipeline: amount,
  note: z.string().trim().max(1000).optional(),
});
export type SubmitForecastInput = z.input<typeof submitForecastInput>;

/**
 * Records a weekly forecast call for a fiscal quarter (every call is kept; the latest of a week counts for
 * that week). A `team` call is a manager's own number for their team. Calls for a quarter that has ended
 * are refused; commit may not exceed best case.
 */
export async function submitForecast(ctx: ReportsContext, raw: SubmitForecastInput, now = new Date()) {
  const input = submitForecastInput.parse(raw);
  const userId = ctx.tenant.actorUserId;
  if (!userId) throw new OpsdeckError("FORBIDDEN", "Only a member can submit a forecast.");
  const today = todayUtc(now);
  const quarter = quarterOf(input.periodStart ?? today, ctx.organization.fiscalYearStartMonth);
  if (quarter.endsOn < today) throw new OpsdeckError("PRECONDITION_FAILED", `${quarter.name} has ended; forecasts are closed.`);
  const commit = parseMoney(input.commit)!;
  const bestCase = parseMoney(input.bestCase)!;
  if (commit.greaterThan(bestCase)) {
    throw new OpsdeckError("BAD_REQUEST", "Commit cannot be more than best case.", { issues: [{ path: ["commit"], message: "More than best case" }] });
  }
  if (input.scope === "team" && (await teamMemberIds(ctx.tenant, userId)).length === 0) {
    throw new OpsdeckError("FORBIDDEN", "Only a manager with a team can submit a team call.");
  }
  const [row] = await ctx.tenant.db
    .insert(forecastSubmissions)
    .values({
      organizationId: ctx.tenant.organizationId,
      userId,
      scope: input.scope,
      periodStart: quarter.startsOn,
      periodEnd: quarter.endsOn,
      periodName: quarter.name,
      weekStart: weekStartOf(today, snapshotWeekday(ctx)),
      commit: moneyToDb(commit),
      bestCase: moneyToDb(bestCase),
      pipeline: moneyToDb(parseMoney(input.pipeline)!),
      currency: ctx.organization.currency,
      note: input.note ?? null,
      submittedAt: now,
    })
    .returning();
  return row!;
}

export const ZERO = new MoneyDecimal(0);
