import { createFileRoute } from "@tanstack/react-router";
import { z } from "zod";
import { ROLE_OPTIONS } from "../../../components/role-labels.ts";
import { trpc } from "../../../lib/trpc.ts";
import { platformQuery } from "../../../plugins/installed-plugins.ts";
import { UsersPage } from "./-components/users-page.tsx";

const roles = ROLE_OPTIONS.map((r) => r.value) as [string, ...string[]];

export const Route = createFileRoute("/_app/admin/users")({
  validateSearch: z.object({
    tab: z.enum(["members", "invitations"]).catch("members").default("members"),
    q: z.string().optional().catch(undefined),
    role: z.enum(roles).optional().catch(undefined),
    status: z.enum(["active", "deactivated", "all"]).catch("active").default("active"),
  }),
  loader: async ({ context: { queryClient } }) => {
    const platform = await queryClient.ensureQueryData(platformQuery);
    await Promise.all([
      queryClient.ensureQueryData(trpc.users.list.queryOptions({ includeDeactivated: true, limit: 500 })),
      platform.permissions.includes("core.users.manage") ? queryClient.ensureQueryData(trpc.invitations.list.queryOptions({})) : null,
    ]);
  },
  component: UsersPage,
});
