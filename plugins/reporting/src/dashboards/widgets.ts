import { z } from "zod";
import { KPI_KEYS } from "../kpis/catalogue.ts";

/** Widths on the dashboard's 4-column grid: small = 1, medium = 2, large = 4 (the slot contract's sizes). */
export const WIDGET_SIZES = ["small", "medium", "large"] as const;
export const CHART_BREAKDOWNS = ["won_over_time", "created_over_time", "pipeline_by_stage", "leads_by_source", "activities_over_time", "by_source", "by_segment", "by_owner", "by_team"] as const;
export const TABLE_BREAKDOWNS = ["by_owner", "by_team", "by_source", "by_segment"] as const;
export const CHART_TYPES = ["bar", "line", "area"] as const;

const base = { id: z.string().trim().min(1).max(64), size: z.enum(WIDGET_SIZES), title: z.string().trim().max(120).optional() };

/** One widget of a dashboard. Plugin widgets name a contribution to the `reporting.dashboard.widget` slot. */
export const widgetSchema = z.discriminatedUnion("kind", [
  z.object({ ...base, kind: z.literal("kpi"), kpi: z.enum(KPI_KEYS) }),
  z.object({ ...base, kind: z.literal("chart"), breakdown: z.enum(CHART_BREAKDOWNS), chart: z.enum(CHART_TYPES) }),
  z.object({ ...base, kind: z.literal("table"), breakdown: z.enum(TABLE_BREAKDOWNS) }),
  z.object({ ...base, kind: z.literal("plugin"), pluginId: z.string().min(1).max(100), contributionId: z.string().min(1).max(100) }),
]);
export type Widget = z.output<typeof widgetSchema>;

export const widgetListSchema = z
  .array(widgetSchema)
  .max(40)
  .refine((list) => new Set(list.map((w) => w.id)).size === list.length, "Widget ids must be unique");

export interface DashboardView {
  id: string;
  name: string;
  description: string;
  builtIn: boolean;
  widgets: Widget[];
  sharing: "private" | "organization";
  ownerUserId: string | null;
  /** The caller may edit it (their own, or they hold dashboards.manage and it is shared with everyone). */
  editable: boolean;
  updatedAt: string | null;
}
