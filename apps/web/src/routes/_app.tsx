import { createFileRoute, redirect } from "@tanstack/react-router";
import { sessionQuery } from "../lib/auth-api.ts";
import { platformQuery } from "../plugins/installed-plugins.ts";
import { AppFrame } from "../shell/app-frame.tsx";
import { AppFrameError, AppFramePending } from "./-components/app-frame-states.tsx";

export const Route = createFileRoute("/_app")({
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (!session) throw redirect({ to: "/sign-in", search: { redirect: location.href } });
  },
  loader: async ({ context }) => {
    await context.queryClient.ensureQueryData(platformQuery);
  },
  component: AppFrame,
  pendingComponent: AppFramePending,
  errorComponent: AppFrameError,
});
