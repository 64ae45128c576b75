import type { QueryClient } from "@tanstack/react-query";
import type { PluginLoad } from "./plugins/load-web-plugins.ts";

/** What every route's loader and beforeLoad receive. */
export interface RouterContext {
  queryClient: QueryClient;
  /** The plugins whose web parts this page loaded (or failed to), fixed for the page's life. */
  plugins: readonly PluginLoad[];
}
