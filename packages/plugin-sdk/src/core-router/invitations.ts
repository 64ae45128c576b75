import {
  acceptInvitation,
  acceptInvitationSchema,
  createInvitation,
  createInvitationSchema,
  listInvitations,
  revokeInvitation,
} from "@opsdeck/core";
import { z } from "zod";
import { procedure, router } from "../trpc/procedures.ts";
import type { Platform } from "./platform.ts";

/** `core.invitations.*`: invite by email; the invitee accepts with the link's token, signed out. */
export function invitationsRouter(platform: Platform) {
  return router({
    create: procedure
      .permission("core.users.manage")
      .input(createInvitationSchema)
      .mutation(({ ctx, input }) => createInvitation(ctx.tenant, input, { acceptUrl: (token) => platform.acceptUrl(token) })),
    list: procedure
      .permission("core.users.manage")
      .input(z.object({ status: z.enum(["pending", "accepted", "revoked", "expired"]).optional() }).default({}))
      .query(({ ctx, input }) => listInvitations(ctx.tenant, input)),
    revoke: procedure
      .permission("core.users.manage")
      .input(z.object({ invitationId: z.guid() }))
      .mutation(({ ctx, input }) => revokeInvitation(ctx.tenant, input.invitationId)),
    accept: procedure
      .public()
      .input(acceptInvitationSchema)
      .mutation(async ({ ctx, input }) => {
        const accepted = await acceptInvitation(ctx.db, input);
        platform.invalidateUser(accepted.userId);
        return accepted;
      }),
  });
}
