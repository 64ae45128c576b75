import path from "node:path";
import { definePlugin } from "@opsdeck/plugin-sdk";
import {
  DASHBOARDS_MANAGE,
  DASHBOARDS_READ,
  FORECASTS_SUBMIT,
  PLUGIN_ID,
  REPORTS_MANAGE,
  REPORTS_READ,
  reportingSettings,
  SCHEDULES_MANAGE,
} from "./common.ts";
import { reportingRouter } from "./router.ts";
import { aggregateEventHandlers } from "./aggregates/events.ts";
import { REFRESH_JOB } from "./aggregates/freshness.ts";
import { refreshAggregatesJob } from "./aggregates/refresh-job.ts";
import { kpisCommand } from "./kpis/cli.ts";
import { exportCommand } from "./exports/cli.ts";
import { reportDownload } from "./exports/download.ts";
import { tickCommand } from "./schedules/cli.ts";
import { seedForecasts } from "./forecasts/seed.ts";
import { deliverScheduleJob, SCHEDULER_EVERY_MINUTES, schedulerJob, SNAPSHOT_EVERY_MINUTES, snapshotJob } from "./schedules/jobs.ts";

export default definePlugin({
  id: PLUGIN_ID,
  name: "Reporting",
  version: "0.1.0",
  description: "Sales KPIs, forecasts, dashboards with plugin widgets, report builder, exports and schedules.",
  engines: { opsdeck: ">=0.1.0" },
  permissions: [
    { id: DASHBOARDS_READ, description: "See dashboards and KPIs (reps their own numbers, managers their team)", defaultRoles: ["admin", "ops", "manager", "rep"] },
    { id: DASHBOARDS_MANAGE, description: "Create and edit custom dashboards", defaultRoles: ["admin", "ops", "manager"] },
    { id: REPORTS_READ, description: "Run saved reports shared with you and export them", defaultRoles: ["admin", "ops", "manager", "rep"] },
    { id: REPORTS_MANAGE, description: "Build, save and share reports", defaultRoles: ["admin", "ops", "manager"] },
    { id: FORECASTS_SUBMIT, description: "Submit your weekly forecast", defaultRoles: ["admin", "ops", "manager", "rep"] },
    { id: SCHEDULES_MANAGE, description: "Schedule emailed reports and alerts", defaultRoles: ["admin", "ops", "manager"] },
  ],
  db: { schema: "plugin_reporting", migrationsFolder: path.join(import.meta.dirname, "../drizzle") },
  router: reportingRouter,
  settings: reportingSettings,
  jobs: { scheduler: schedulerJob, "deliver-schedule": deliverScheduleJob, "snapshot-pipeline": snapshotJob, [REFRESH_JOB]: refreshAggregatesJob },
  // Queued by the host in every organization with the plugin on: due schedules every 5 minutes, the weekly
  // pipeline snapshot checked daily (it snapshots on the `snapshotWeekday` setting's day).
  schedules: [
    { job: "scheduler", everyMinutes: SCHEDULER_EVERY_MINUTES },
    { job: "snapshot-pipeline", everyMinutes: SNAPSHOT_EVERY_MINUTES },
    // The aggregates' sweep (src/aggregates/maintain.ts): what changed without a core event, every 5 minutes.
    { job: REFRESH_JOB, everyMinutes: 5 },
  ],
  events: { ...aggregateEventHandlers },
  // Browser exports: GET /api/download/reporting/report?id=…&format=csv|xlsx (see src/exports/download.ts).
  downloads: { report: reportDownload },
  cli: [exportCommand, tickCommand, kpisCommand],
  // `opsdeck report kpis`, `opsdeck report export` (the plugin id works too).
  cliAliases: ["report"],
  async seed(ctx, { scale }) {
    await seedForecasts(ctx, scale);
  },
});
