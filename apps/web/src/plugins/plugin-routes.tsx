import type { WebPluginDefinition, WebPluginRoute } from "@opsdeck/plugin-sdk/web";
import type { QueryClient } from "@tanstack/react-query";
import { createRoute, Outlet, type AnyRoute, type ErrorComponentProps } from "@tanstack/react-router";
import { FailedPluginPage, PluginPage, PluginRouteError } from "./plugin-pages.tsx";
import { isPluginEnabledNow } from "./plugin-state.ts";
import type { PluginLoad } from "./load-web-plugins.ts";

/** `"/rules/$ruleId"` → `"rules/$ruleId"`, `"/"` → `"/"`: a path below the plugin's base route. */
function childPath(path: string): string {
  const trimmed = path.replace(/^\/+/, "").replace(/\/+$/, "");
  return trimmed === "" ? "/" : trimmed;
}

function pageRoute(base: AnyRoute, pluginId: string, page: WebPluginRoute) {
  const load = page.loader;
  return createRoute({
    getParentRoute: () => base,
    path: childPath(page.path),
    // Plugin authors give a zod schema (Standard Schema) or a function; the router accepts both.
    validateSearch: page.validateSearch as never,
    loaderDeps: ({ search }: { search: Record<string, unknown> }) => ({ search }),
    loader: load
      ? ({ params, deps, context }: { params: Record<string, string>; deps: { search: Record<string, unknown> }; context: unknown }) => {
          const { queryClient } = context as { queryClient: QueryClient };
          // A plugin turned off since the page loaded: its page says so instead of calling its endpoint.
          if (!isPluginEnabledNow(queryClient, pluginId)) return undefined;
          return load({ params, search: deps.search, queryClient, pluginId });
        }
      : undefined,
    component: () => (
      <PluginPage pluginId={pluginId} permission={page.permission} title={page.title}>
        <page.component />
      </PluginPage>
    ),
    errorComponent: ({ error, reset }: ErrorComponentProps) => <PluginRouteError pluginId={pluginId} error={error} reset={reset} />,
  } as never) as unknown as AnyRoute;
}

function loadedPluginRoute(parent: AnyRoute, pluginId: string, definition: WebPluginDefinition): AnyRoute {
  const base = createRoute({ getParentRoute: () => parent, path: pluginId, component: Outlet } as never) as unknown as AnyRoute;
  const pages = (definition.routes ?? []).map((page) => pageRoute(base, pluginId, page));
  // A plugin without a home page still answers `/<id>` (with its first page, or a not-found inside the frame).
  return base.addChildren(pages) as AnyRoute;
}

function failedPluginRoute(parent: AnyRoute, load: Extract<PluginLoad, { status: "failed" }>): AnyRoute {
  const component = () => <FailedPluginPage pluginId={load.id} name={load.name} error={load.error} />;
  const base = createRoute({ getParentRoute: () => parent, path: load.id, component } as never) as unknown as AnyRoute;
  const rest = createRoute({ getParentRoute: () => base, path: "$", component } as never) as unknown as AnyRoute;
  return base.addChildren([rest]) as AnyRoute;
}

/**
 * The routes of the plugins loaded for this page, under `/<plugin id>/…`, to attach to the signed-in
 * layout before the router is created. A plugin whose bundle failed gets routes that show its error card.
 */
export function createPluginRoutes(parent: AnyRoute, loads: readonly PluginLoad[]): AnyRoute[] {
  return loads.map((load) =>
    load.status === "loaded" ? loadedPluginRoute(parent, load.id, load.definition) : failedPluginRoute(parent, load),
  );
}
