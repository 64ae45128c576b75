import {
  changeMemberRole,
  createMember,
  createMemberSchema,
  deactivateMember,
  getMember,
  listMembers,
  OpsdeckError,
  reactivateMember,
  ROLES,
  type Role,
} from "@opsdeck/core";
import { z } from "zod";
import { procedure, router } from "../trpc/procedures.ts";
import type { Platform } from "./platform.ts";

const userId = z.object({ userId: z.guid() });

function ownerOnly(ctx: { role: Role }, ...roles: Role[]) {
  if (roles.includes("owner") && ctx.role !== "owner") {
    throw new OpsdeckError("FORBIDDEN", "Only an owner can give or take the owner role.");
  }
}

/** `core.users.*`: the organization's members. */
export function usersRouter(platform: Platform) {
  return router({
    list: procedure
      .permission("core.users.read")
      .input(
        z
          .object({
            search: z.string().max(200).optional(),
            roles: z.array(z.enum(ROLES)).optional(),
            teamId: z.guid().optional(),
            includeDeactivated: z.boolean().optional(),
            limit: z.number().int().min(1).max(500).default(100),
            offset: z.number().int().min(0).default(0),
          })
          .default({ limit: 100, offset: 0 }),
      )
      .query(({ ctx, input }) => listMembers(ctx.tenant, input)),
    get: procedure
      .permission("core.users.read")
      .input(userId)
      .query(({ ctx, input }) => getMember(ctx.tenant, input.userId)),
    create: procedure
      .permission("core.users.manage")
      .input(createMemberSchema)
      .mutation(async ({ ctx, input }) => {
        ownerOnly(ctx, input.role);
        const member = await createMember(ctx.tenant, input);
        platform.invalidateUser(member.userId);
        return member;
      }),
    changeRole: procedure
      .permission("core.users.manage")
      .input(userId.extend({ role: z.enum(ROLES) }))
      .mutation(async ({ ctx, input }) => {
        const current = await getMember(ctx.tenant, input.userId);
        ownerOnly(ctx, current.role, input.role);
        const member = await changeMemberRole(ctx.tenant, input.userId, input.role);
        platform.invalidateUser(input.userId);
        return member;
      }),
    deactivate: procedure
      .permission("core.users.manage")
      .input(userId)
      .mutation(async ({ ctx, input }) => {
        if (input.userId === ctx.session.userId) throw new OpsdeckError("CONFLICT", "You cannot deactivate yourself.");
        const current = await getMember(ctx.tenant, input.userId);
        ownerOnly(ctx, current.role);
        const member = await deactivateMember(ctx.tenant, input.userId);
        platform.invalidateUser(input.userId);
        return member;
      }),
    reactivate: procedure
      .permission("core.users.manage")
      .input(userId)
      .mutation(async ({ ctx, input }) => {
        const current = await getMember(ctx.tenant, input.userId);
        ownerOnly(ctx, current.role);
        const member = await reactivateMember(ctx.tenant, input.userId);
        platform.invalidateUser(input.userId);
        return member;
      }),
  });
}
