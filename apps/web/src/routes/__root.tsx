import { createRootRouteWithContext } from "@tanstack/react-router";
import type { RouterContext } from "../router-context.ts";
import { RootErrorPage, RootLayout, RootNotFound } from "./-components/root-layout.tsx";

export const Route = createRootRouteWithContext<RouterContext>()({
  component: RootLayout,
  notFoundComponent: RootNotFound,
  errorComponent: RootErrorPage,
});
