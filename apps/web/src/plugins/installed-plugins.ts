import type { PluginEntry, PluginsPayload } from "@opsdeck/plugin-sdk/host";
import { queryOptions } from "@tanstack/react-query";
import { requestJson } from "../lib/http.ts";

/**
 * Where a plugin's web part is served. The host adds it to each entry of `GET /api/plugins` when the
 * plugin's folder has a built `dist/web/web.js`; absent means the plugin has no pages.
 */
export interface PluginWebAssets {
  entry: string;
  style?: string | null | undefined;
}

/** An installed plugin, for the signed-in user's organization. */
export interface InstalledPlugin extends Omit<PluginEntry, "name" | "web" | "visible"> {
  name: string;
  enabled: boolean;
  /** Enabled, healthy, and the user holds one of its permissions (a plugin without permissions is for everyone). */
  visible: boolean;
  web: PluginWebAssets | null;
}

/** The platform as the signed-in user sees it: who, where, what they may do, and the installed plugins. */
export interface Platform extends Omit<PluginsPayload, "plugins"> {
  plugins: InstalledPlugin[];
}

type RawEntry = PluginEntry & { web?: PluginWebAssets | null; visible?: boolean; declaresPermissions?: boolean };

/** Reads one entry of the host's payload into what the shell uses. */
export function toInstalledPlugin(raw: RawEntry): InstalledPlugin {
  const enabled = raw.enabled === true;
  const healthy = raw.health === "healthy";
  const visible = raw.visible ?? (enabled && healthy && (raw.permissions.length > 0 || raw.declaresPermissions === false));
  // A host that does not describe web parts yet (no `web` key at all): the bundle is at its usual address.
  const web = raw.web === undefined ? { entry: `/plugins/${raw.id}/web.js`, style: null } : raw.web;
  return { ...raw, name: raw.name ?? raw.id, enabled, visible, web };
}

/** `GET /api/plugins`, read once at start and after a plugin is turned on or off. */
export const platformQuery = queryOptions({
  queryKey: ["platform"],
  queryFn: async (): Promise<Platform> => {
    const payload = await requestJson<PluginsPayload>("/api/plugins");
    return { ...payload, plugins: payload.plugins.map((p) => toInstalledPlugin(p as RawEntry)) };
  },
  staleTime: 60_000,
});
