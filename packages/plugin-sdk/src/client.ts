// `@opsdeck/plugin-sdk/client`: runs in browsers and scripts. Only @trpc/client and superjson at run
// time; everything from the server side is imported as types.
import { createTRPCClient, httpBatchLink, type TRPCClient } from "@trpc/client";
import type { AnyTRPCRouter } from "@trpc/server";
import superjson from "superjson";

export interface PluginClientOptions {
  /** Where the portal is (default: the page's own origin, i.e. relative URLs). */
  baseUrl?: string | undefined;
  /** A fetch to use instead of the global one (tests, scripts adding a cookie). */
  fetch?: typeof globalThis.fetch | undefined;
  /** Headers sent with every request (e.g. a session cookie or an API token for scripts). */
  headers?: Record<string, string> | (() => Record<string, string>) | undefined;
}

/**
 * A typed client of one plugin's endpoint, `/api/trpc/<pluginId>` (`core` for the core router), with
 * request batching and the platform's transformer. Type it with the plugin's router type:
 * `createPluginClient<TerritoriesRouter>("territories")`.
 */
export function createPluginClient<TRouter extends AnyTRPCRouter>(
  pluginId: string,
  options: PluginClientOptions = {},
): TRPCClient<TRouter> {
  const base = (options.baseUrl ?? "").replace(/\/+$/, "");
  // Built untyped, then typed: for a generic TRouter tRPC cannot tell that it uses a transformer (every
  // Opsdeck router does), so it would refuse `transformer` here.
  const client = createTRPCClient<AnyTRPCRouter>({
    links: [
      httpBatchLink({
        url: `${base}/api/trpc/${pluginId}`,
        transformer: superjson,
        // Long batched GETs split into several requests instead of hitting URL limits.
        maxURLLength: 4000,
        ...(options.fetch ? { fetch: options.fetch } : {}),
        ...(options.headers ? { headers: options.headers } : {}),
      }),
    ],
  });
  return client as TRPCClient<TRouter>;
}
