import type { KpiKey } from "../kpis/catalogue.ts";
import type { DashboardView, Widget } from "./widgets.ts";

const kpi = (k: KpiKey, size: Widget["size"] = "small"): Widget => ({ id: k, kind: "kpi", kpi: k, size });

/**
 * The built-in dashboards. Contributed plugin widgets (data quality, attainment…) are appended to the Executive
 * dashboard by the web part, each placed like any other widget.
 */
const BUILT_INS: Omit<DashboardView, "editable" | "updatedAt" | "ownerUserId" | "sharing" | "builtIn">[] = [
  {
    id: "executive",
    name: "Executive",
    description: "Bookings, win rate, pipeline and forecast for the period.",
    widgets: [
      kpi("closed_won_amount"), kpi("closed_won_count"), kpi("win_rate"), kpi("avg_deal_size"),
      kpi("pipeline_value"), kpi("weighted_pipeline_value"), kpi("pipeline_coverage"), kpi("forecast_accuracy"),
      { id: "won", kind: "chart", breakdown: "won_over_time", chart: "bar", size: "medium", title: "Closed won" },
      { id: "stages", kind: "chart", breakdown: "pipeline_by_stage", chart: "bar", size: "medium", title: "Open pipeline by stage (now)" },
      { id: "teams", kind: "table", breakdown: "by_team", size: "large", title: "Teams" },
    ],
  },
  {
    id: "pipeline",
    name: "Pipeline",
    description: "What is open, how it converts and how fast it moves.",
    widgets: [
      kpi("pipeline_value"), kpi("weighted_pipeline_value"), kpi("pipeline_coverage"), kpi("pipeline_velocity_per_day"),
      kpi("stage_conversion", "large"),
      { id: "created", kind: "chart", breakdown: "created_over_time", chart: "area", size: "medium", title: "Pipeline created" },
      { id: "stages", kind: "chart", breakdown: "pipeline_by_stage", chart: "bar", size: "medium", title: "Open pipeline by stage (now)" },
      { id: "sources", kind: "table", breakdown: "by_source", size: "medium", title: "By source" },
      { id: "segments", kind: "table", breakdown: "by_segment", size: "medium", title: "By segment" },
    ],
  },
  {
    id: "team",
    name: "Team performance",
    description: "Teams and reps side by side.",
    widgets: [
      kpi("win_rate"), kpi("avg_deal_size"), kpi("sales_cycle_length_days"), kpi("quota_attainment"),
      { id: "teams", kind: "table", breakdown: "by_team", size: "large", title: "Teams" },
      { id: "reps", kind: "table", breakdown: "by_owner", size: "large", title: "Reps" },
    ],
  },
  {
    id: "leads",
    name: "Lead management",
    description: "How fast leads are answered and how much time goes to selling.",
    widgets: [
      kpi("lead_response_time_minutes"), kpi("prospect_meetings"), kpi("selling_time_share"), kpi("stage_conversion"),
      { id: "sources", kind: "chart", breakdown: "leads_by_source", chart: "bar", size: "medium", title: "Leads by source" },
      { id: "activity", kind: "chart", breakdown: "activities_over_time", chart: "line", size: "medium", title: "Activities" },
    ],
  },
  {
    id: "rep",
    name: "Rep scorecard",
    description: "One person's numbers: pick a rep in the filters (reps see their own).",
    widgets: [
      kpi("closed_won_amount"), kpi("closed_won_count"), kpi("win_rate"), kpi("avg_deal_size"),
      kpi("pipeline_value"), kpi("sales_cycle_length_days"), kpi("quota_attainment"), kpi("forecast_accuracy"),
      kpi("lead_response_time_minutes"), kpi("prospect_meetings"), kpi("selling_time_share"), kpi("pipeline_velocity_per_day"),
      { id: "won", kind: "chart", breakdown: "won_over_time", chart: "bar", size: "medium", title: "Closed won" },
      { id: "activity", kind: "chart", breakdown: "activities_over_time", chart: "line", size: "medium", title: "Activities" },
    ],
  },
];

export const BUILT_IN_IDS = BUILT_INS.map((d) => d.id);

export function builtInDashboards(): DashboardView[] {
  return BUILT_INS.map((d) => ({ ...d, builtIn: true, sharing: "organization", ownerUserId: null, editable: false, updatedAt: null }));
}
