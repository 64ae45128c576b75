import { createFileRoute } from "@tanstack/react-router";
import { platformQuery } from "../../plugins/installed-plugins.ts";
import { homeCountsQueries } from "./-components/home-queries.ts";
import { HomePage } from "./-components/home-page.tsx";

export const Route = createFileRoute("/_app/")({
  loader: async ({ context: { queryClient } }) => {
    const platform = await queryClient.ensureQueryData(platformQuery);
    if (platform.permissions.includes("core.records.read")) await Promise.all(homeCountsQueries().map((q) => queryClient.ensureQueryData(q)));
  },
  component: HomePage,
});
