import { OpsdeckError, type TenantContext } from "@opsdeck/core";
import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { EXPORT_FORMATS } from "../exports/export-report.ts";
import { KPI_KEYS, KPIS, type KpiKey } from "../kpis/catalogue.ts";
import { resolveScope } from "../kpis/scope.ts";
import { getSavedReport } from "../reports/saved-reports.ts";
import { scheduleRuns, schedules } from "../schema/reports.ts";
import { nextDue } from "./cron.ts";
import { dashboardKpis } from "./dashboard-kpis.ts";
import { PERIOD_PRESETS } from "./periods.ts";

export const ALERT_OPS = ["lt", "lte", "gt", "gte"] as const;

/** KPIs an alert can watch: every one with a single value (stage conversion is a set of rates). */
export const ALERTABLE_KPIS = KPI_KEYS.filter((k) => KPIS[k].format !== "stages") as [KpiKey, ...KpiKey[]];

const threshold = z.string().trim().regex(/^-?\d+(\.\d+)?$/, "Enter a number");
/** Whose numbers a KPI alert or a dashboard mail covers (within what the schedule's author may see). */
const kpiScope = { period: z.enum(PERIOD_PRESETS).default("current_quarter"), teamId: z.guid().optional(), ownerId: z.guid().optional() };

const reportConfig = z.object({ reportId: z.guid(), format: z.enum(EXPORT_FORMATS).default("csv") });
/** An alert on a saved report: it holds when any row's `measure` compares to `threshold` as `op` says. */
const alertConfig = z.object({
  reportId: z.guid(),
  measure: z.string().regex(/^[a-z_][a-z0-9_]*$/),
  op: z.enum(ALERT_OPS),
  threshold,
});
/** An alert on a KPI of the catalogue: "pipeline_coverage under 3 for team West this quarter". */
const kpiAlertConfig = z.object({ kpi: z.enum(ALERTABLE_KPIS), op: z.enum(ALERT_OPS), threshold, ...kpiScope });
/** A dashboard's KPI tiles, mailed as a table with a CSV of the values. */
const dashboardConfig = z.object({ dashboardId: z.string().trim().min(1).max(64), ...kpiScope });

export const scheduleInput = z.object({
  name: z.string().trim().min(1).max(120),
  cron: z.string().trim().min(9).max(120),
  timeZone: z.string().trim().min(1).max(64).default("UTC"),
  recipients: z.array(z.email()).min(1).max(50),
  enabled: z.boolean().default(true),
  config: z.discriminatedUnion("kind", [
    reportConfig.extend({ kind: z.literal("report") }),
    alertConfig.extend({ kind: z.literal("alert") }),
    kpiAlertConfig.extend({ kind: z.literal("kpi_alert") }),
    dashboardConfig.extend({ kind: z.literal("dashboard") }),
  ]),
});
export type ScheduleInput = z.input<typeof scheduleInput>;
export type Schedule = typeof schedules.$inferSelect;
export type ReportScheduleConfig = z.output<typeof reportConfig>;
export type AlertConfig = z.output<typeof alertConfig>;
export type KpiAlertConfig = z.output<typeof kpiAlertConfig>;
export type DashboardScheduleConfig = z.output<typeof dashboardConfig>;

/** What a schedule needs must exist and be visible to its author now (it is checked again at each run). */
async function assertSources(ctx: TenantContext, config: z.output<typeof scheduleInput>["config"]): Promise<void> {
  if (config.kind === "report" || config.kind === "alert") {
    await getSavedReport(ctx, config.reportId);
    return;
  }
  // The team or person must be one the author may see (a manager: their own teams).
  await resolveScope(ctx, { teamId: config.teamId, ownerId: config.ownerId });
  if (config.kind === "dashboard") await dashboardKpis(ctx, config.dashboardId);
}

export async function listSchedules(ctx: TenantContext): Promise<Schedule[]> {
  return ctx.db.select().from(schedules).where(eq(schedules.organizationId, ctx.organizationId)).orderBy(schedules.name);
}

export async function getSchedule(ctx: TenantContext, id: string): Promise<Schedule> {
  const [row] = await ctx.db.select().from(schedules).where(and(eq(schedules.organizationId, ctx.organizationId), eq(schedules.id, id)));
  if (!row) throw new OpsdeckError("NOT_FOUND", "Schedule was not found.");
  return row;
}

/** Saves a schedule; its report, dashboard, team or person must be one the member can see, and the first due time is worked out now. */
export async function saveSchedule(ctx: TenantContext, raw: ScheduleInput, id?: string, now = new Date()): Promise<Schedule> {
  const input = scheduleInput.parse(raw);
  await assertSources(ctx, input.config);
  const due = nextDue(input.cron, input.timeZone, now);
  const { kind, ...config } = input.config;
  const values = { name: input.name, cron: input.cron, timeZone: input.timeZone, recipients: input.recipients, enabled: input.enabled, kind, config, nextDueAt: input.enabled ? due : null };
  if (id) {
    await getSchedule(ctx, id);
    const [row] = await ctx.db.update(schedules).set(values).where(and(eq(schedules.organizationId, ctx.organizationId), eq(schedules.id, id))).returning();
    return row!;
  }
  const [row] = await ctx.db.insert(schedules).values({ ...values, organizationId: ctx.organizationId, createdByUserId: ctx.actorUserId }).returning();
  return row!;
}

export async function deleteSchedule(ctx: TenantContext, id: string): Promise<void> {
  await getSchedule(ctx, id);
  await ctx.db.delete(schedules).where(and(eq(schedules.organizationId, ctx.organizationId), eq(schedules.id, id)));
}

export async function listRuns(ctx: TenantContext, scheduleId?: string, limit = 50) {
  const where = [eq(scheduleRuns.organizationId, ctx.organizationId)];
  if (scheduleId) where.push(eq(scheduleRuns.scheduleId, scheduleId));
  return ctx.db.select().from(scheduleRuns).where(and(...where)).orderBy(desc(scheduleRuns.createdAt)).limit(limit);
}
