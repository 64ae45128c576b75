import { procedure, router } from "@opsdeck/plugin-sdk";
import { z } from "zod";
import { DASHBOARDS_MANAGE, DASHBOARDS_READ } from "../common.ts";
import { readFreshness } from "../aggregates/freshness.ts";
import { REFRESH_JOB } from "../aggregates/freshness.ts";
import { breakdown, breakdownInputSchema } from "./breakdowns.ts";
import { drilldown, drilldownInputSchema } from "./drilldown.ts";
import { kpiFiltersSchema } from "./filters.ts";
import { filterOptions } from "./options.ts";
import { computeKpis } from "./service.ts";

/** KPIs, breakdowns for charts, drill-downs and the aggregates' freshness. Role scoping happens in the services. */
export const kpisRouter = router({
  get: procedure
    .permission(DASHBOARDS_READ)
    .input(kpiFiltersSchema)
    .query(({ ctx, input }) => computeKpis(ctx, input)),
  breakdown: procedure
    .permission(DASHBOARDS_READ)
    .input(breakdownInputSchema)
    .query(({ ctx, input }) => breakdown(ctx, input)),
  drilldown: procedure
    .permission(DASHBOARDS_READ)
    .input(drilldownInputSchema)
    .query(({ ctx, input }) => drilldown(ctx, input)),
  filterOptions: procedure.permission(DASHBOARDS_READ).query(({ ctx }) => filterOptions(ctx.tenant)),
  freshness: procedure.permission(DASHBOARDS_READ).query(({ ctx }) => readFreshness(ctx.db, ctx.tenant.organizationId)),
  /** Sweeps (or rebuilds) the aggregates now, in the background. */
  refresh: procedure
    .permission(DASHBOARDS_MANAGE)
    .input(z.object({ rebuild: z.boolean().default(false) }))
    .mutation(({ ctx, input }) => ctx.jobs.enqueue(REFRESH_JOB, input)),
});
