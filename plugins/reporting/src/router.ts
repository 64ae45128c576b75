import { router } from "@opsdeck/plugin-sdk";
import { dashboardsRouter } from "./dashboards/router.ts";
import { forecastsRouter } from "./forecasts/router.ts";
import { kpisRouter } from "./kpis/router.ts";
import { reportsRouter } from "./reports/router.ts";
import { schedulesRouter } from "./schedules/router.ts";

/** The plugin's API at /api/trpc/reporting; each area adds its sub-router here. */
export const reportingRouter = router({
  dashboards: dashboardsRouter,
  forecasts: forecastsRouter,
  kpis: kpisRouter,
  reports: reportsRouter,
  schedules: schedulesRouter,
});

export type ReportingRouter = typeof reportingRouter;
