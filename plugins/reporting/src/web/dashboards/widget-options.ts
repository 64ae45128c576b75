// Literal copies of the server's widget choices (src/dashboards/widgets.ts imports zod, kept out of the bundle).
export const CHART_BREAKDOWNS_WEB = ["won_over_time", "created_over_time", "pipeline_by_stage", "leads_by_source", "activities_over_time", "by_source", "by_segment", "by_owner", "by_team"] as const;
export const TABLE_BREAKDOWNS_WEB = ["by_owner", "by_team", "by_source", "by_segment"] as const;

export const CHART_BREAKDOWN_LABELS: Record<(typeof CHART_BREAKDOWNS_WEB)[number], string> = {
  won_over_time: "Closed won over time",
  created_over_time: "Pipeline created over time",
  pipeline_by_stage: "Open pipeline by stage (now)",
  leads_by_source: "Leads by source",
  activities_over_time: "Activities over time",
  by_source: "By source",
  by_segment: "By segment",
  by_owner: "By rep",
  by_team: "By team",
};
