import { OpsdeckError, type TenantContext } from "@opsdeck/core";
import { and, eq, or } from "drizzle-orm";
import { builtInDashboards } from "../dashboards/builtins.ts";
import type { Widget } from "../dashboards/widgets.ts";
import type { KpiKey } from "../kpis/catalogue.ts";
import { dashboards } from "../schema/metrics.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A dashboard's name and the KPIs of its KPI tiles, in order, as a member sees it: a built-in one, or a
 * custom one shared with the organization or their own (the dashboards area's visibility rule). NOT_FOUND
 * otherwise. Charts, tables and plugin widgets are not part of a mail: only the KPI tiles are.
 */
export async function dashboardKpis(ctx: TenantContext, dashboardId: string): Promise<{ name: string; keys: KpiKey[] }> {
  const builtIn = builtInDashboards().find((d) => d.id === dashboardId);
  let name: string;
  let widgets: Widget[];
  if (builtIn) {
    name = builtIn.name;
    widgets = builtIn.widgets;
  } else {
    if (!UUID.test(dashboardId)) throw new OpsdeckError("NOT_FOUND", "Dashboard was not found.");
    const visible = ctx.actorUserId
      ? or(eq(dashboards.sharing, "organization"), eq(dashboards.ownerUserId, ctx.actorUserId))
      : eq(dashboards.sharing, "organization");
    const [row] = await ctx.db
      .select({ name: dashboards.name, widgets: dashboards.widgets })
      .from(dashboards)
      .where(and(eq(dashboards.organizationId, ctx.organizationId), eq(dashboards.id, dashboardId), visible));
    if (!row) throw new OpsdeckError("NOT_FOUND", "Dashboard was not found.");
    name = row.name;
    widgets = row.widgets as Widget[];
  }
  const keys = [...new Set(widgets.flatMap((w) => (w.kind === "kpi" ? [w.kpi] : [])))];
  if (!keys.length) throw new OpsdeckError("PRECONDITION_FAILED", `The dashboard "${name}" has no KPI tiles to send.`);
  return { name, keys };
}
