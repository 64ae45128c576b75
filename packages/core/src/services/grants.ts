import { and, eq } from "drizzle-orm";
import type { TenantContext } from "../domain/context.ts";
import { OpsdeckError } from "../domain/errors.ts";
import type { Role } from "../domain/roles.ts";
import { roleGrants } from "../schema/tables.ts";
import { recordAudit } from "./audit.ts";

export type RoleGrant = typeof roleGrants.$inferSelect;

/** The organization's overrides of the default role grants. */
export async function listRoleGrants(ctx: TenantContext): Promise<RoleGrant[]> {
  return ctx.db.select().from(roleGrants).where(eq(roleGrants.organizationId, ctx.organizationId));
}

function refuseOwner(role: Role) {
  if (role === "owner") throw new OpsdeckError("BAD_REQUEST", "The owner holds every permission; its grants cannot change.");
}

const where = (ctx: TenantContext, role: Role, permission: string) =>
  and(eq(roleGrants.organizationId, ctx.organizationId), eq(roleGrants.role, role), eq(roleGrants.permission, permission));

/** Grants or withholds a permission from a role, whatever its default. */
export async function setRoleGrant(ctx: TenantContext, role: Role, permission: string, granted: boolean): Promise<RoleGrant> {
  refuseOwner(role);
  return ctx.db.transaction(async (tx) => {
    const scoped = { ...ctx, db: tx };
    const [before] = await tx.select().from(roleGrants).where(where(ctx, role, permission));
    const [after] = await tx
      .insert(roleGrants)
      .values({ organizationId: ctx.organizationId, role, permission, granted })
      .onConflictDoUpdate({
        target: [roleGrants.organizationId, roleGrants.role, roleGrants.permission],
        set: { granted, updatedAt: new Date() },
      })
      .returning();
    await recordAudit(scoped, {
      action: "role_grant.set",
      entityType: "role_grant",
      entityId: `${role}:${permission}`,
      before: before ? { role, permission, granted: before.granted } : null,
      after: { role, permission, granted },
    });
    return after!;
  });
}

/** Removes an override: the role gets the permission's default again. */
export async function clearRoleGrant(ctx: TenantContext, role: Role, permission: string): Promise<void> {
  refuseOwner(role);
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.delete(roleGrants).where(where(ctx, role, permission)).returning();
    if (!before) return;
    await recordAudit(
      { ...ctx, db: tx },
      {
        action: "role_grant.cleared",
        entityType: "role_grant",
        entityId: `${role}:${permission}`,
        before: { role, permission, granted: before.granted },
        after: null,
      },
    );
  });
}
