import { createFileRoute } from "@tanstack/react-router";
import { trpc } from "../../../lib/trpc.ts";
import { OrganizationSettingsPage } from "./-components/organization-settings-page.tsx";

export const Route = createFileRoute("/_app/admin/settings")({
  loader: ({ context: { queryClient } }) => queryClient.ensureQueryData(trpc.organization.get.queryOptions()),
  component: OrganizationSettingsPage,
});
