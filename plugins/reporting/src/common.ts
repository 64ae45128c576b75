// Shared by the server and web parts, and by other plugins (which may import only this entry).
import { z } from "zod";

export const PLUGIN_ID = "reporting";

/** Permission ids. What a user sees is further limited by role: a rep their own numbers, a manager their team. */
export const DASHBOARDS_READ = "reporting.dashboards.read";
export const DASHBOARDS_MANAGE = "reporting.dashboards.manage";
export const REPORTS_READ = "reporting.reports.read";
export const REPORTS_MANAGE = "reporting.reports.manage";
export const FORECASTS_SUBMIT = "reporting.forecasts.submit";
export const SCHEDULES_MANAGE = "reporting.schedules.manage";

/** The slot other plugins fill with dashboard widgets (declared in their manifest's `slots`, rendered by their web part). */
export const DASHBOARD_WIDGET_SLOT = "reporting.dashboard.widget";

/** The filters a dashboard shares with every widget on it (they live in the URL). */
export interface DashboardFilters {
  /** ISO dates, inclusive. */
  from: string;
  to: string;
  teamId?: string | undefined;
  ownerId?: string | undefined;
  territoryId?: string | undefined;
  segment?: string | undefined;
  source?: string | undefined;
}

/** Props of a component contributed to `reporting.dashboard.widget`. */
export interface DashboardWidgetProps {
  filters: DashboardFilters;
  size: "small" | "medium" | "large";
}

export const reportingSettings = z.object({
  /** Weekday the weekly pipeline snapshot and forecast cut-off fall on (1 = Monday … 7 = Sunday). */
  snapshotWeekday: z.number().int().min(1).max(7).default(1),
  /** Pipeline coverage target used by the default alert (pipeline / remaining quota). */
  coverageTarget: z.number().min(0).max(20).default(3),
});
export type ReportingSettings = z.output<typeof reportingSettings>;
