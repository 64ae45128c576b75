import { createFileRoute, redirect } from "@tanstack/react-router";
import { z } from "zod";
import { sessionQuery } from "../lib/auth-api.ts";
import { safeRedirect } from "../lib/safe-redirect.ts";
import { SignInPage } from "./-components/sign-in-page.tsx";

export const Route = createFileRoute("/sign-in")({
  validateSearch: z.object({ redirect: z.string().optional().catch(undefined) }),
  beforeLoad: async ({ context, search }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (session) throw redirect({ href: safeRedirect(search.redirect) });
  },
  component: SignInPage,
});
