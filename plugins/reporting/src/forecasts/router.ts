import { procedure, router } from "@opsdeck/plugin-sdk";
import { z } from "zod";
import { FORECASTS_SUBMIT } from "../common.ts";
import { forecastHistory } from "./history.ts";
import { pipelineMovement } from "./movement.ts";
import { quarterOf, todayUtc } from "./periods.ts";
import { forecastRollup } from "./rollup.ts";
import { listSnapshots } from "./snapshots.ts";
import { submitForecast, submitForecastInput } from "./submit.ts";

const day = z.iso.date();

/** `reporting.forecasts.*`: weekly calls, roll-up, history and pipeline movement. */
export const forecastsRouter = router({
  submit: procedure
    .permission(FORECASTS_SUBMIT)
    .input(submitForecastInput)
    .mutation(({ ctx, input }) => submitForecast(ctx, input)),
  rollup: procedure
    .permission(FORECASTS_SUBMIT)
    .input(z.object({ day: day.optional(), managerId: z.guid().optional() }).default({}))
    .query(({ ctx, input }) => forecastRollup(ctx, input)),
  history: procedure
    .permission(FORECASTS_SUBMIT)
    .input(z.object({ day: day.optional() }).default({}))
    .query(({ ctx, input }) => forecastHistory(ctx, input)),
  snapshots: procedure.permission(FORECASTS_SUBMIT).query(({ ctx }) => listSnapshots(ctx)),
  movement: procedure
    .permission(FORECASTS_SUBMIT)
    .input(z.object({ from: day, to: day, day: day.optional(), ownerIds: z.array(z.guid()).max(200).optional() }))
    .query(({ ctx, input }) => {
      const quarter = quarterOf(input.day ?? input.to ?? todayUtc(), ctx.organization.fiscalYearStartMonth);
      return pipelineMovement(ctx, { from: input.from, to: input.to, periodStart: quarter.startsOn, periodEnd: quarter.endsOn, ownerIds: input.ownerIds });
    }),
});
