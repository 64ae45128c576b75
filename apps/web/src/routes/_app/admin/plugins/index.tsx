import { createFileRoute } from "@tanstack/react-router";
import { trpc } from "../../../../lib/trpc.ts";
import { PluginsPage } from "../-components/plugins-page.tsx";

export const Route = createFileRoute("/_app/admin/plugins/")({
  loader: ({ context: { queryClient } }) => queryClient.ensureQueryData(trpc.plugins.list.queryOptions()),
  component: PluginsPage,
});
