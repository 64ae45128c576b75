import type { QueryClient } from "@tanstack/react-query";
import { platformQuery, type InstalledPlugin } from "./installed-plugins.ts";

/** Whether the cached plugin list says the plugin is on and visible (true when nothing is cached yet). */
export function isPluginEnabledNow(queryClient: QueryClient, pluginId: string): boolean {
  const platform = queryClient.getQueryData(platformQuery.queryKey);
  const plugin = platform?.plugins.find((p) => p.id === pluginId);
  return !platform || Boolean(plugin?.visible);
}

/** Why a plugin's pages cannot show: off for the organization, broken, hidden from this user, or unknown. */
export type PluginUnavailableReason = "not-installed" | "unhealthy" | "disabled" | "no-access";

export function unavailableReason(plugin: InstalledPlugin | undefined): PluginUnavailableReason | undefined {
  if (!plugin) return "not-installed";
  if (plugin.health !== "healthy") return "unhealthy";
  if (!plugin.enabled) return "disabled";
  if (!plugin.visible) return "no-access";
  return undefined;
}
