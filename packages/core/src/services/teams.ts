import { and, asc, eq } from "drizzle-orm";
import type { TenantContext } from "../domain/context.ts";
import { notFound } from "../domain/errors.ts";
import { teams } from "../schema/tables.ts";
import { recordAudit } from "./audit.ts";

export type Team = typeof teams.$inferSelect;

/** Returns the team of that name, creating it when it does not exist yet. */
export async function ensureTeam(ctx: TenantContext, name: string): Promise<Team> {
  const [existing] = await ctx.db
    .select()
    .from(teams)
    .where(and(eq(teams.organizationId, ctx.organizationId), eq(teams.name, name)));
  if (existing) return existing;
  const [created] = await ctx.db.insert(teams).values({ organizationId: ctx.organizationId, name }).returning();
  await recordAudit(ctx, { action: "team.created", entityType: "team", entityId: created!.id, after: created });
  return created!;
}

export async function listTeams(ctx: TenantContext): Promise<Team[]> {
  return ctx.db.select().from(teams).where(eq(teams.organizationId, ctx.organizationId)).orderBy(asc(teams.name));
}

export async function getTeam(ctx: TenantContext, teamId: string): Promise<Team> {
  const [row] = await ctx.db
    .select()
    .from(teams)
    .where(and(eq(teams.organizationId, ctx.organizationId), eq(teams.id, teamId)));
  if (!row) throw notFound("Team");
  return row;
}

export async function setTeamManager(ctx: TenantContext, teamId: string, managerUserId: string | null): Promise<Team> {
  const before = await getTeam(ctx, teamId);
  const [after] = await ctx.db
    .update(teams)
    .set({ managerUserId })
    .where(and(eq(teams.organizationId, ctx.organizationId), eq(teams.id, teamId)))
    .returning();
  await recordAudit(ctx, { action: "team.manager_changed", entityType: "team", entityId: teamId, before, after });
  return after!;
}
