// The KPI catalogue, shared by the server (CLI, API) and the web part. Definitions: docs/plugins/reporting.md.

export const KPI_KEYS = [
  "closed_won_count",
  "closed_won_amount",
  "avg_deal_size",
  "win_rate",
  "pipeline_value",
  "weighted_pipeline_value",
  "sales_cycle_length_days",
  "lead_response_time_minutes",
  "quota_attainment",
  "forecast_accuracy",
  "pipeline_velocity_per_day",
  "selling_time_share",
  "prospect_meetings",
  "pipeline_coverage",
  "stage_conversion",
] as const;
export type KpiKey = (typeof KPI_KEYS)[number];

/** How a value is written: counts are numbers; everything else is an exact decimal string. */
export type KpiFormat = "count" | "money" | "ratio" | "days" | "minutes" | "multiple" | "stages";

/** Which records a number is made of (the drill-down lists them). */
export type DrillSet = "won" | "closed" | "open_at_end" | "cohort" | "responded_leads" | "prospect_meetings" | "selling_activities" | "none";

export interface KpiDefinition {
  key: KpiKey;
  label: string;
  format: KpiFormat;
  drill: DrillSet;
  /** One line for a tooltip; the full definition is in the documentation. */
  help: string;
}

export const KPIS: Record<KpiKey, KpiDefinition> = {
  closed_won_count: { key: "closed_won_count", label: "Deals won", format: "count", drill: "won", help: "Opportunities won with closed_at in the period." },
  closed_won_amount: { key: "closed_won_amount", label: "Closed won", format: "money", drill: "won", help: "Amount of the deals won in the period, in the organization's currency at the close day's rate." },
  avg_deal_size: { key: "avg_deal_size", label: "Average deal size", format: "money", drill: "won", help: "Closed won amount ÷ deals won." },
  win_rate: { key: "win_rate", label: "Win rate", format: "ratio", drill: "closed", help: "Won ÷ (won + lost), both closed in the period." },
  pipeline_value: { key: "pipeline_value", label: "Pipeline", format: "money", drill: "open_at_end", help: "Deals open at the end of the period (created on or before it, not closed by then)." },
  weighted_pipeline_value: { key: "weighted_pipeline_value", label: "Weighted pipeline", format: "money", drill: "open_at_end", help: "Each open deal's amount × its probability." },
  sales_cycle_length_days: { key: "sales_cycle_length_days", label: "Sales cycle", format: "days", drill: "won", help: "Mean of closed_at − created_at in days over the deals won in the period." },
  lead_response_time_minutes: { key: "lead_response_time_minutes", label: "Lead response time", format: "minutes", drill: "responded_leads", help: "Median of first_response_at − created_at over leads created in the period that got a response." },
  quota_attainment: { key: "quota_attainment", label: "Quota attainment", format: "ratio", drill: "won", help: "Closed won ÷ quota of the period (quotas come from the compensation plugin)." },
  forecast_accuracy: { key: "forecast_accuracy", label: "Forecast accuracy", format: "ratio", drill: "won", help: "1 − |forecast − actual| ÷ actual, with the commit submitted by the forecast cut-off." },
  pipeline_velocity_per_day: { key: "pipeline_velocity_per_day", label: "Pipeline velocity", format: "money", drill: "open_at_end", help: "Open deals × win rate × average deal size ÷ sales cycle (per day)." },
  selling_time_share: { key: "selling_time_share", label: "Selling time", format: "ratio", drill: "selling_activities", help: "Call and meeting minutes ÷ 8 h per business day of each rep and manager in scope." },
  prospect_meetings: { key: "prospect_meetings", label: "Prospect meetings", format: "count", drill: "prospect_meetings", help: "Meetings held in the period about a lead or a deal." },
  pipeline_coverage: { key: "pipeline_coverage", label: "Pipeline coverage", format: "multiple", drill: "open_at_end", help: "Pipeline at the period's end ÷ closed won of the previous period of the same length." },
  stage_conversion: { key: "stage_conversion", label: "Stage conversion", format: "stages", drill: "cohort", help: "Of the deals created in the period, the share reaching each next stage." },
};

/** Stage pairs of `stage_conversion`, in pipeline order. */
export const STAGE_PAIRS = [
  "prospecting_to_qualification",
  "qualification_to_needs_analysis",
  "needs_analysis_to_proposal",
  "proposal_to_negotiation",
  "negotiation_to_closed_won",
] as const;
export type StagePair = (typeof STAGE_PAIRS)[number];

export type KpiValue = number | string | Record<StagePair, string | null> | null;
export type KpiValues = Record<KpiKey, KpiValue>;

/** An answer of the KPI service. */
export interface KpiAnswer {
  from: string;
  to: string;
  currency: string;
  kpis: KpiValues;
  /** Why a KPI is null ("no quota source", "no deals won in the period"…). */
  reasons: Partial<Record<KpiKey, string>>;
  /** Every change committed before this instant is counted (ISO); `source: "live"` answers are current. */
  asOf: string;
  source: "aggregates" | "live";
  /** Amounts left out because their currency had no exchange rate on the day ("EUR on 2026-01-03"). */
  unconverted: string[];
}
