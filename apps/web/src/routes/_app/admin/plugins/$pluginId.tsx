import { createFileRoute } from "@tanstack/react-router";
import { trpc } from "../../../../lib/trpc.ts";
import { PluginDetailPage } from "../-components/plugin-detail-page.tsx";

export const Route = createFileRoute("/_app/admin/plugins/$pluginId")({
  loader: ({ context: { queryClient } }) => queryClient.ensureQueryData(trpc.plugins.list.queryOptions()),
  component: PluginDetailPage,
});
