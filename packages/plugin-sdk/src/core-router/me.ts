import { procedure } from "../trpc/procedures.ts";
import type { Platform } from "./platform.ts";

/** `core.me`: who is signed in, where, with which role and permissions, and which organizations they can switch to. */
export function meProcedure(platform: Platform) {
  return procedure.authenticated().query(async ({ ctx }) => ({
    user: ctx.session,
    organization: ctx.organization,
    role: ctx.role,
    permissions: [...ctx.permissions].sort(),
    organizations: await platform.userOrganizations(ctx.session.userId),
  }));
}
