import type { LoadedWebPlugin, ShellState } from "@opsdeck/plugin-sdk/web";
import { useSuspenseQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { platformQuery } from "../plugins/installed-plugins.ts";
import type { PluginLoad } from "../plugins/load-web-plugins.ts";

/**
 * What the shell tells plugins, kept live from `GET /api/plugins`: the signed-in user and organization,
 * their permissions, and the loaded plugins that are still enabled and visible (a plugin turned off in
 * this tab disappears at once).
 */
export function useShellState(loads: readonly PluginLoad[]): ShellState & { visibleIds: ReadonlySet<string> } {
  const { data: platform } = useSuspenseQuery(platformQuery);
  return useMemo(() => {
    const { user, organization, role } = platform;
    if (!user) throw new Error("Your session has ended. Sign in again.");
    if (!organization || !role) throw new Error("Your account is not an active member of any organization.");
    const visibleIds = new Set(platform.plugins.filter((p) => p.visible).map((p) => p.id));
    const plugins: LoadedWebPlugin[] = [];
    for (const load of loads) {
      if (load.status === "loaded" && visibleIds.has(load.id)) plugins.push({ id: load.id, name: load.name, definition: load.definition });
    }
    return {
      user: { id: user.userId, email: user.email, name: user.name },
      organization,
      role,
      permissions: new Set(platform.permissions),
      plugins,
      visibleIds,
    };
  }, [platform, loads]);
}
