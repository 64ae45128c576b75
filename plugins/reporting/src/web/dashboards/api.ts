import { usePluginClient, usePluginQueries } from "@opsdeck/plugin-sdk/web";
import type { DashboardView } from "../../dashboards/widgets.ts";
import type { BreakdownAnswer } from "../../kpis/breakdowns.ts";
import type { KpiAnswer } from "../../kpis/catalogue.ts";
import type { DrilldownAnswer } from "../../kpis/drilldown.ts";
import type { KpiFilters } from "../../kpis/filters.ts";
import type { filterOptions } from "../../kpis/options.ts";
import type { ReportingRouter } from "../../router.ts";

/** The plugin's typed query options and client (type-only import of the router: no server code in the bundle). */
export const useDashboardQueries = () => usePluginQueries<ReportingRouter>();
export const useDashboardClient = () => usePluginClient<ReportingRouter>();

export type KpiAnswerView = KpiAnswer;
export type BreakdownView = BreakdownAnswer;
export type DrilldownView = DrilldownAnswer;
export type FilterOptionsView = Awaited<ReturnType<typeof filterOptions>>;
export type DashboardData = DashboardView;
/** The filters the dashboards ask with (the `Filters` contract, with the segment narrowed). */
export type Filters = KpiFilters;

// One message helper for the shell and every plugin.
export { errorMessage as errorText } from "@opsdeck/plugin-sdk/web";
