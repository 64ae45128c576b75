import { initTRPC } from "@trpc/server";
import superjson from "superjson";
import type { PluginContext } from "../context/types.ts";
import { isDevelopment } from "../env.ts";
import { createErrorFormatter } from "./errors.ts";
import type { ProcedureMeta } from "./meta.ts";

/**
 * The one tRPC instance of Opsdeck: core and every plugin build their routers with it, so they share
 * the context, the superjson transformer (dates, decimals as strings, maps) and the error format.
 */
export const t = initTRPC
  .context<PluginContext>()
  .meta<ProcedureMeta>()
  .create({
    transformer: superjson,
    isDev: isDevelopment,
    errorFormatter: createErrorFormatter({ exposeStack: isDevelopment }),
  });
