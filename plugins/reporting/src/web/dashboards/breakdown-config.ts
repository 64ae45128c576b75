import type { Filters } from "./api.ts";
import type { BreakdownKind } from "../../kpis/breakdowns.ts";
import type { BreakdownView } from "./api.ts";
import type { DrillRequest } from "./drill.ts";

type Row = BreakdownView["rows"][number];

export interface BreakdownColumn {
  key: string;
  label: string;
  format: "money" | "count" | "ratio";
  /** The records behind this column's number in a row. */
  drill: (row: Row, filters: Filters) => DrillRequest;
}

const narrowed = (row: Row, filters: Filters): Filters => ({ ...filters, ...row.drill });
const today = () => new Date().toISOString().slice(0, 10);

const groupColumns: BreakdownColumn[] = [
  { key: "closed_won_count", label: "Won", format: "count", drill: (r, f) => ({ title: `Deals won · ${r.label}`, kpi: "closed_won_count", filters: narrowed(r, f) }) },
  { key: "closed_won_amount", label: "Closed won", format: "money", drill: (r, f) => ({ title: `Deals won · ${r.label}`, kpi: "closed_won_amount", filters: narrowed(r, f) }) },
  { key: "win_rate", label: "Win rate", format: "ratio", drill: (r, f) => ({ title: `Deals closed · ${r.label}`, kpi: "win_rate", filters: narrowed(r, f) }) },
  { key: "open_count", label: "Open deals", format: "count", drill: (r, f) => ({ title: `Open at the period's end · ${r.label}`, kpi: "pipeline_value", filters: narrowed(r, f) }) },
  { key: "pipeline_value", label: "Pipeline", format: "money", drill: (r, f) => ({ title: `Open at the period's end · ${r.label}`, kpi: "pipeline_value", filters: narrowed(r, f) }) },
];

/** Per breakdown: its row label, its columns (the first ones are charted) and what each number drills to. */
export const BREAKDOWN_CONFIG: Record<BreakdownKind, { rowLabel: string; chartKeys: string[]; columns: BreakdownColumn[] }> = {
  won_over_time: {
    rowLabel: "Period",
    chartKeys: ["amount"],
    columns: [
      { key: "amount", label: "Closed won", format: "money", drill: (r, f) => ({ title: `Deals won · ${r.label}`, kpi: "closed_won_amount", filters: narrowed(r, f) }) },
      { key: "count", label: "Deals won", format: "count", drill: (r, f) => ({ title: `Deals won · ${r.label}`, kpi: "closed_won_count", filters: narrowed(r, f) }) },
    ],
  },
  created_over_time: {
    rowLabel: "Period",
    chartKeys: ["amount"],
    columns: [
      { key: "amount", label: "Pipeline created", format: "money", drill: (r, f) => ({ title: `Deals created · ${r.label}`, kpi: "stage_conversion", filters: narrowed(r, f) }) },
      { key: "count", label: "Deals created", format: "count", drill: (r, f) => ({ title: `Deals created · ${r.label}`, kpi: "stage_conversion", filters: narrowed(r, f) }) },
    ],
  },
  pipeline_by_stage: {
    rowLabel: "Stage",
    chartKeys: ["amount", "weighted"],
    columns: [
      { key: "amount", label: "Open pipeline", format: "money", drill: (r, f) => ({ title: `Open now · ${r.label}`, kpi: "pipeline_value", filters: { ...f, from: today(), to: today() }, stage: r.key }) },
      { key: "weighted", label: "Weighted", format: "money", drill: (r, f) => ({ title: `Open now · ${r.label}`, kpi: "pipeline_value", filters: { ...f, from: today(), to: today() }, stage: r.key }) },
      { key: "count", label: "Deals", format: "count", drill: (r, f) => ({ title: `Open now · ${r.label}`, kpi: "pipeline_value", filters: { ...f, from: today(), to: today() }, stage: r.key }) },
    ],
  },
  leads_by_source: {
    rowLabel: "Source",
    chartKeys: ["created", "responded"],
    columns: [
      { key: "created", label: "Leads", format: "count", drill: (r, f) => ({ title: `Leads created · ${r.label}`, kpi: "lead_response_time_minutes", set: "created_leads", filters: narrowed(r, f) }) },
      { key: "responded", label: "Answered", format: "count", drill: (r, f) => ({ title: `Leads answered · ${r.label}`, kpi: "lead_response_time_minutes", filters: narrowed(r, f) }) },
    ],
  },
  activities_over_time: {
    rowLabel: "Period",
    chartKeys: ["call", "email", "meeting"],
    columns: (["call", "email", "meeting"] as const).map((type) => ({
      key: type,
      label: `${type[0]!.toUpperCase()}${type.slice(1)}s`,
      format: "count" as const,
      drill: (r: Row, f: Filters): DrillRequest => ({ title: `${type}s · ${r.label}`, kpi: "prospect_meetings", set: "activities", activityType: type, filters: narrowed(r, f) }),
    })),
  },
  by_owner: { rowLabel: "Rep", chartKeys: ["closed_won_amount"], columns: groupColumns },
  by_team: { rowLabel: "Team", chartKeys: ["closed_won_amount"], columns: groupColumns },
  by_source: { rowLabel: "Source", chartKeys: ["closed_won_amount"], columns: groupColumns },
  by_segment: { rowLabel: "Segment", chartKeys: ["closed_won_amount"], columns: groupColumns },
};
