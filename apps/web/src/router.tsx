import { LoadingState } from "@opsdeck/ui";
import type { QueryClient } from "@tanstack/react-query";
import { createRouter, type AnyRoute } from "@tanstack/react-router";
import { createPluginRoutes } from "./plugins/plugin-routes.tsx";
import type { PluginLoad } from "./plugins/load-web-plugins.ts";
import { RouteError } from "./components/route-error.tsx";
import { PageNotFound } from "./plugins/plugin-pages.tsx";
import { routeTree } from "./routeTree.gen.ts";
import { Route as appRoute } from "./routes/_app.tsx";

/**
 * The router: the file routes plus, under the signed-in layout, the routes of the plugins loaded for this
 * page. Plugins are attached before the router exists, so their pages are ordinary routes (preloading,
 * search validation, loaders) and need no second router.
 */
export function createAppRouter(queryClient: QueryClient, plugins: readonly PluginLoad[]) {
  const layout = appRoute as unknown as AnyRoute;
  const fileChildren = (layout.children as AnyRoute[] | undefined) ?? [];
  layout.addChildren([...fileChildren, ...createPluginRoutes(layout, plugins)]);
  return createRouter({
    routeTree,
    context: { queryClient, plugins },
    // Loaders fill the query cache; TanStack Query decides what is fresh, so the router does not cache on its own.
    defaultPreload: "intent",
    defaultPreloadStaleTime: 0,
    defaultPendingMs: 300,
    defaultPendingComponent: () => <LoadingState />,
    defaultNotFoundComponent: PageNotFound,
    defaultErrorComponent: RouteError,
    scrollRestoration: true,
  });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
