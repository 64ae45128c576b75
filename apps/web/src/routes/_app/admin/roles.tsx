import { createFileRoute } from "@tanstack/react-router";
import { z } from "zod";
import { trpc } from "../../../lib/trpc.ts";
import { RolesPage } from "./-components/roles-page.tsx";

export const Route = createFileRoute("/_app/admin/roles")({
  validateSearch: z.object({ group: z.string().max(64).optional().catch(undefined) }),
  loader: ({ context: { queryClient } }) => queryClient.ensureQueryData(trpc.roles.matrix.queryOptions()),
  component: RolesPage,
});
