import { createFileRoute } from "@tanstack/react-router";
import { z } from "zod";
import { AcceptInvitationPage } from "./-components/accept-invitation-page.tsx";

export const Route = createFileRoute("/accept-invitation")({
  validateSearch: z.object({ token: z.string().optional().catch(undefined) }),
  component: AcceptInvitationPage,
});
