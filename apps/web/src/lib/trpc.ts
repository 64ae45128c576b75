import type { CoreRouter } from "@opsdeck/plugin-sdk/host";
import { createPluginClient } from "@opsdeck/plugin-sdk/client";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { queryClient } from "./query-client.ts";

/** The core router's client (`/api/trpc/core`): admin pages, records, jobs, the signed-in user. */
export const coreClient = createPluginClient<CoreRouter>("core");

/** Query and mutation options of the core router, for loaders (`ensureQueryData`) and components alike. */
export const trpc = createTRPCOptionsProxy<CoreRouter>({ client: coreClient, queryClient });

export type CoreInputs = inferRouterInputs<CoreRouter>;
export type CoreOutputs = inferRouterOutputs<CoreRouter>;
