import type { TenantContext } from "@opsdeck/core";
import type { OrganizationInfo } from "@opsdeck/plugin-sdk";

/** What the reports area's services need: a request's or a task's tenant and organization (currency, fiscal year). */
export interface ReportsContext {
  readonly tenant: TenantContext;
  readonly organization: OrganizationInfo;
  readonly settings?: Readonly<Record<string, unknown>>;
}

/** The weekday weekly snapshots and forecast weeks start on (setting `snapshotWeekday`, default Monday). */
export function snapshotWeekday(ctx: ReportsContext): number {
  const value = ctx.settings?.snapshotWeekday;
  return typeof value === "number" ? value : 1;
}
