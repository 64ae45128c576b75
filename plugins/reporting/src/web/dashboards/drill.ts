import type { Filters } from "./api.ts";
import type { KpiKey } from "../../kpis/catalogue.ts";

/** What a click on a number opens: the records behind it. */
export interface DrillRequest {
  title: string;
  kpi: KpiKey;
  filters: Filters;
  set?: "created_leads" | "activities";
  stage?: string;
  activityType?: "call" | "email" | "meeting" | "task" | "note";
}

export type OpenDrill = (drill: DrillRequest) => void;
