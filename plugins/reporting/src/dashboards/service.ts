import { OpsdeckError } from "@opsdeck/core";
import type { MemberContext } from "@opsdeck/plugin-sdk";
import { and, asc, eq, or } from "drizzle-orm";
import { DASHBOARDS_MANAGE } from "../common.ts";
import { dashboards } from "../schema/metrics.ts";
import { builtInDashboards } from "./builtins.ts";
import type { DashboardView, Widget } from "./widgets.ts";

type Row = typeof dashboards.$inferSelect;

/** A custom dashboard is edited by its owner, or by anyone with dashboards.manage when shared with everyone. */
function canEdit(ctx: MemberContext, row: Row): boolean {
  if (!ctx.permissions.has(DASHBOARDS_MANAGE)) return false;
  return row.ownerUserId === ctx.session.userId || row.sharing === "organization";
}

function view(ctx: MemberContext, row: Row): DashboardView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    builtIn: false,
    widgets: row.widgets as Widget[],
    sharing: row.sharing,
    ownerUserId: row.ownerUserId,
    editable: canEdit(ctx, row),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const visible = (ctx: MemberContext) =>
  and(
    eq(dashboards.organizationId, ctx.tenant.organizationId),
    or(eq(dashboards.sharing, "organization"), eq(dashboards.ownerUserId, ctx.session.userId)),
  );

export async function listDashboards(ctx: MemberContext): Promise<DashboardView[]> {
  const rows = await ctx.db.select().from(dashboards).where(visible(ctx)).orderBy(asc(dashboards.name));
  return [...builtInDashboards(), ...rows.map((r) => view(ctx, r))];
}

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

export async function getDashboard(ctx: MemberContext, id: string): Promise<DashboardView> {
  const builtIn = builtInDashboards().find((d) => d.id === id);
  if (builtIn) return builtIn;
  if (!isUuid(id)) throw new OpsdeckError("NOT_FOUND", "Dashboard was not found.");
  const [row] = await ctx.db.select().from(dashboards).where(and(visible(ctx), eq(dashboards.id, id)));
  if (!row) throw new OpsdeckError("NOT_FOUND", "Dashboard was not found.");
  return view(ctx, row);
}

export interface DashboardInput {
  name: string;
  description: string;
  widgets: Widget[];
  sharing: "private" | "organization";
}

export async function createDashboard(ctx: MemberContext, input: DashboardInput): Promise<DashboardView> {
  const [row] = await ctx.db
    .insert(dashboards)
    .values({ ...input, organizationId: ctx.tenant.organizationId, ownerUserId: ctx.session.userId })
    .returning();
  return view(ctx, row!);
}

async function editable(ctx: MemberContext, id: string): Promise<Row> {
  const [row] = await ctx.db.select().from(dashboards).where(and(visible(ctx), eq(dashboards.id, id)));
  if (!row) throw new OpsdeckError("NOT_FOUND", "Dashboard was not found.");
  if (!canEdit(ctx, row)) throw new OpsdeckError("FORBIDDEN", "Only its owner can change a private dashboard.");
  return row;
}

export async function updateDashboard(ctx: MemberContext, id: string, patch: Partial<DashboardInput>): Promise<DashboardView> {
  await editable(ctx, id);
  const [row] = await ctx.db
    .update(dashboards)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(dashboards.organizationId, ctx.tenant.organizationId), eq(dashboards.id, id)))
    .returning();
  return view(ctx, row!);
}

export async function deleteDashboard(ctx: MemberContext, id: string): Promise<void> {
  await editable(ctx, id);
  await ctx.db.delete(dashboards).where(and(eq(dashboards.organizationId, ctx.tenant.organizationId), eq(dashboards.id, id)));
}
