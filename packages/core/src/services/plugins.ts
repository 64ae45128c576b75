import { and, eq } from "drizzle-orm";
import type { TenantContext } from "../domain/context.ts";
import { organizationPlugins } from "../schema/tables.ts";
import { recordAudit } from "./audit.ts";

export type OrganizationPlugin = typeof organizationPlugins.$inferSelect;

/** Enablement and settings of every plugin the organization has touched (absent means "default"). */
export async function listOrganizationPlugins(ctx: TenantContext): Promise<OrganizationPlugin[]> {
  return ctx.db.select().from(organizationPlugins).where(eq(organizationPlugins.organizationId, ctx.organizationId));
}

export async function getOrganizationPlugin(ctx: TenantContext, pluginId: string) {
  const [row] = await ctx.db
    .select()
    .from(organizationPlugins)
    .where(and(eq(organizationPlugins.organizationId, ctx.organizationId), eq(organizationPlugins.pluginId, pluginId)));
  return row;
}

/** Turns a plugin on or off for the organization. Its data stays either way. */
export async function setPluginEnabled(ctx: TenantContext, pluginId: string, enabled: boolean) {
  return ctx.db.transaction(async (tx) => {
    const scoped = { ...ctx, db: tx };
    const before = await getOrganizationPlugin(scoped, pluginId);
    const [after] = await tx
      .insert(organizationPlugins)
      .values({ organizationId: ctx.organizationId, pluginId, enabled })
      .onConflictDoUpdate({
        target: [organizationPlugins.organizationId, organizationPlugins.pluginId],
        set: { enabled, updatedAt: new Date() },
      })
      .returning();
    if (before?.enabled !== enabled) {
      await recordAudit(scoped, {
        action: enabled ? "plugin.enabled" : "plugin.disabled",
        entityType: "plugin",
        entityId: pluginId,
        before: before ?? null,
        after,
      });
    }
    return after!;
  });
}

/** Saves a plugin's settings (validated by the caller against the plugin's zod schema). */
export async function setPluginSettings(ctx: TenantContext, pluginId: string, settings: Record<string, unknown>) {
  return ctx.db.transaction(async (tx) => {
    const scoped = { ...ctx, db: tx };
    const before = await getOrganizationPlugin(scoped, pluginId);
    const [after] = await tx
      .insert(organizationPlugins)
      .values({ organizationId: ctx.organizationId, pluginId, enabled: before?.enabled ?? true, settings })
      .onConflictDoUpdate({
        target: [organizationPlugins.organizationId, organizationPlugins.pluginId],
        set: { settings, updatedAt: new Date() },
      })
      .returning();
    await recordAudit(scoped, {
      action: "plugin.settings_updated",
      entityType: "plugin",
      entityId: pluginId,
      before: before?.settings ?? null,
      after: after?.settings,
    });
    return after!;
  });
}
