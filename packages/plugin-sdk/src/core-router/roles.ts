import { clearRoleGrant, OpsdeckError, ROLE_LABELS, ROLES, setRoleGrant, type Role } from "@opsdeck/core";
import { z } from "zod";
import { procedure, router } from "../trpc/procedures.ts";
import type { Platform } from "./platform.ts";

/** One cell of the role matrix. */
export interface GrantCell {
  /** What the manifest gives the role. */
  default: boolean;
  /** The organization's change, if any. */
  override: boolean | null;
  effective: boolean;
  /** The owner's cells cannot change. */
  fixed: boolean;
}

const grantInput = z.object({ role: z.enum(ROLES), permission: z.string().min(3).max(200) });

/** `core.roles.*`: the permission × role matrix, for core and every installed plugin, and its overrides. */
export function rolesRouter(platform: Platform) {
  const known = (permission: string) => {
    if (!platform.registry.findPermission(permission)) {
      throw new OpsdeckError("BAD_REQUEST", `No installed plugin declares the permission "${permission}".`, {
        issues: [{ path: ["permission"], message: "Unknown permission" }],
      });
    }
  };
  return router({
    matrix: procedure.permission("core.roles.manage").query(async ({ ctx }) => {
      const state = await platform.orgState(ctx.organization.id);
      return {
        roles: ROLES.map((role) => ({ id: role, label: ROLE_LABELS[role], fixed: role === "owner" })),
        groups: platform.registry.permissionGroups().map((group) => ({
          pluginId: group.pluginId,
          name: group.name,
          enabled: state.isEnabled(group.pluginId),
          permissions: group.permissions.map((permission) => ({
            id: permission.id,
            description: permission.description,
            grants: Object.fromEntries(
              ROLES.map((role): [Role, GrantCell] => [
                role,
                {
                  default: role === "owner" || permission.defaultRoles.includes(role),
                  override: role === "owner" ? null : (state.override(role, permission.id) ?? null),
                  effective: state.grants(role, permission),
                  fixed: role === "owner",
                },
              ]),
            ) as Record<Role, GrantCell>,
          })),
        })),
      };
    }),
    setGrant: procedure
      .permission("core.roles.manage")
      .input(grantInput.extend({ granted: z.boolean() }))
      .mutation(async ({ ctx, input }) => {
        known(input.permission);
        const grant = await setRoleGrant(ctx.tenant, input.role, input.permission, input.granted);
        platform.invalidateOrganization(ctx.organization.id);
        return { role: grant.role, permission: grant.permission, granted: grant.granted };
      }),
    clearGrant: procedure
      .permission("core.roles.manage")
      .input(grantInput)
      .mutation(async ({ ctx, input }) => {
        await clearRoleGrant(ctx.tenant, input.role, input.permission);
        platform.invalidateOrganization(ctx.organization.id);
        return { role: input.role, permission: input.permission };
      }),
  });
}
