import { getOrganization, organizationSettingsSchema, updateOrganizationSettings } from "@opsdeck/core";
import { procedure, router } from "../trpc/procedures.ts";
import type { Platform } from "./platform.ts";

/** `core.organization.*`: the organization's own settings (name, currency, fiscal year, time zone). */
export function organizationRouter(platform: Platform) {
  return router({
    get: procedure.permission("core.settings.manage").query(({ ctx }) => getOrganization(ctx.tenant)),
    update: procedure
      .permission("core.settings.manage")
      .input(organizationSettingsSchema.partial())
      .mutation(async ({ ctx, input }) => {
        const org = await updateOrganizationSettings(ctx.tenant, input);
        platform.invalidateOrganization(ctx.organization.id);
        return org;
      }),
  });
}
