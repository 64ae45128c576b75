import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import type { TRPCClient } from "@trpc/client";
import type { AnyTRPCRouter } from "@trpc/server";
import { createTRPCOptionsProxy, type TRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { createPluginClient } from "../client.ts";
import { usePluginId } from "./shell-context.ts";

// One client per plugin per page: hooks in many components share it (and its request batching).
const clients = new Map<string, TRPCClient<AnyTRPCRouter>>();
const proxies = new WeakMap<QueryClient, Map<string, unknown>>();

/** The tRPC client of a plugin's own endpoint, `/api/trpc/<id>` (cached per page). */
export function pluginClient<TRouter extends AnyTRPCRouter>(pluginId: string): TRPCClient<TRouter> {
  let client = clients.get(pluginId);
  if (!client) {
    client = createPluginClient<AnyTRPCRouter>(pluginId);
    clients.set(pluginId, client);
  }
  return client;
}

/** TanStack Query options for a plugin's procedures; query keys carry the plugin id, so plugins never collide. */
export function pluginQueries<TRouter extends AnyTRPCRouter>(
  pluginId: string,
  queryClient: QueryClient,
): TRPCOptionsProxy<TRouter, { keyPrefix: true }> {
  let byPlugin = proxies.get(queryClient);
  if (!byPlugin) proxies.set(queryClient, (byPlugin = new Map<string, unknown>()));
  let proxy = byPlugin.get(pluginId);
  if (!proxy) {
    proxy = createTRPCOptionsProxy<TRouter, { keyPrefix: true }>({
      client: pluginClient<TRouter>(pluginId),
      queryClient,
      keyPrefix: pluginId,
    });
    byPlugin.set(pluginId, proxy);
  }
  return proxy as TRPCOptionsProxy<TRouter, { keyPrefix: true }>;
}

/** The typed tRPC client of the current plugin's endpoint: `usePluginClient<typeof router>()`. */
export function usePluginClient<TRouter extends AnyTRPCRouter>(): TRPCClient<TRouter> {
  return pluginClient<TRouter>(usePluginId());
}

/**
 * Query and mutation options for the current plugin's procedures:
 * `useSuspenseQuery(usePluginQueries<typeof router>().rules.list.queryOptions())`.
 */
export function usePluginQueries<TRouter extends AnyTRPCRouter>(): TRPCOptionsProxy<TRouter, { keyPrefix: true }> {
  return pluginQueries<TRouter>(usePluginId(), useQueryClient());
}
