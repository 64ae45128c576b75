import { OpsdeckError, ROLES, type TenantContext } from "@opsdeck/core";
import { queryRows } from "@opsdeck/db";
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { savedReports } from "../schema/reports.ts";
import { reportDefinitionSchema } from "./definition.ts";

export type SavedReport = typeof savedReports.$inferSelect;

export const saveReportInput = z.object({
  name: z.string().trim().min(1).max(120),
  description: z.string().trim().max(1000).optional(),
  definition: reportDefinitionSchema,
  sharedRoles: z.array(z.enum(ROLES)).max(ROLES.length).default([]),
  sharedUserIds: z.array(z.guid()).max(200).default([]),
});
export type SaveReportInput = z.input<typeof saveReportInput>;

const seesAll = (ctx: TenantContext) => ctx.actorUserId === null || ctx.role === "owner" || ctx.role === "admin";

/** A member may see a report they own, one shared with their role or with them; owners and admins see all. */
function visibleWhere(ctx: TenantContext) {
  const base = eq(savedReports.organizationId, ctx.organizationId);
  if (seesAll(ctx)) return base;
  return and(
    base,
    sql`(${savedReports.ownerUserId} = ${ctx.actorUserId}::uuid or ${ctx.role ?? ""} = any(${savedReports.sharedRoles}) or ${ctx.actorUserId}::uuid = any(${savedReports.sharedUserIds}))`,
  );
}

export async function listSavedReports(ctx: TenantContext): Promise<SavedReport[]> {
  return ctx.db.select().from(savedReports).where(visibleWhere(ctx)).orderBy(asc(savedReports.name));
}

/** A saved report by id or (case-insensitive) name; NOT_FOUND when it does not exist or is not shared with the member. */
export async function getSavedReport(ctx: TenantContext, idOrName: string): Promise<SavedReport> {
  const byId = z.guid().safeParse(idOrName).success;
  const [row] = await ctx.db
    .select()
    .from(savedReports)
    .where(and(visibleWhere(ctx), byId ? eq(savedReports.id, idOrName) : sql`lower(${savedReports.name}) = lower(${idOrName})`));
  if (!row) throw new OpsdeckError("NOT_FOUND", "Report was not found.");
  return row;
}

async function assertPeopleInOrg(ctx: TenantContext, userIds: string[]) {
  if (!userIds.length) return;
  const [row] = await queryRows<{ n: number }>(
    ctx.db,
    sql`select count(*)::int as n from core.memberships where organization_id = ${ctx.organizationId}::uuid
        and user_id in (select value::uuid from json_array_elements_text(${JSON.stringify([...new Set(userIds)])}::json))`,
  );
  if (Number(row?.n) !== new Set(userIds).size) throw new OpsdeckError("BAD_REQUEST", "Share only with members of this organization.", { issues: [{ path: ["sharedUserIds"], message: "Not a member" }] });
}

const conflict = (err: unknown) => {
  const text = String((err as { message?: string; cause?: { message?: string } })?.cause?.message ?? (err as Error)?.message ?? "");
  if (text.includes("saved_reports_org_name_uq") || text.includes("duplicate key")) throw new OpsdeckError("CONFLICT", "A report with that name exists.");
  throw err;
};

export async function createSavedReport(ctx: TenantContext, raw: SaveReportInput): Promise<SavedReport> {
  const input = saveReportInput.parse(raw);
  await assertPeopleInOrg(ctx, input.sharedUserIds);
  const [row] = await ctx.db
    .insert(savedReports)
    .values({ organizationId: ctx.organizationId, ownerUserId: ctx.actorUserId, ...input, description: input.description ?? null })
    .returning()
    .catch(conflict);
  return row!;
}

/** Changes a report; only its owner (or an owner/admin of the organization) may. */
export async function updateSavedReport(ctx: TenantContext, id: string, raw: SaveReportInput): Promise<SavedReport> {
  const input = saveReportInput.parse(raw);
  const current = await getSavedReport(ctx, id);
  if (!seesAll(ctx) && current.ownerUserId !== ctx.actorUserId) throw new OpsdeckError("FORBIDDEN", "Only the report's owner can change it.");
  await assertPeopleInOrg(ctx, input.sharedUserIds);
  const [row] = await ctx.db
    .update(savedReports)
    .set({ ...input, description: input.description ?? null, updatedAt: new Date() })
    .where(and(eq(savedReports.organizationId, ctx.organizationId), eq(savedReports.id, current.id)))
    .returning()
    .catch(conflict);
  return row!;
}

export async function deleteSavedReport(ctx: TenantContext, id: string): Promise<void> {
  const current = await getSavedReport(ctx, id);
  if (!seesAll(ctx) && current.ownerUserId !== ctx.actorUserId) throw new OpsdeckError("FORBIDDEN", "Only the report's owner can delete it.");
  await ctx.db.delete(savedReports).where(and(eq(savedReports.organizationId, ctx.organizationId), eq(savedReports.id, current.id)));
}
