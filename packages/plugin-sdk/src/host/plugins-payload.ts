import fs from "node:fs";
import path from "node:path";
import type { Role } from "@opsdeck/core";
import type { PluginRecord } from "./plugin-record.ts";
import type { OrganizationInfo, SessionUser } from "../context/types.ts";
import type { SlotContribution } from "../manifest/types.ts";
import type { ContextResolver } from "./context-resolver.ts";
import { describePlugin } from "./describe-plugin.ts";
import type { PluginRegistry } from "./registry.ts";
import type { SessionIdentity } from "./session.ts";

/** One plugin in `GET /api/plugins`. */
export interface PluginEntry {
  id: string;
  name: string | null;
  version: string | null;
  description: string | null;
  health: "healthy" | "unhealthy";
  /** Why it is unhealthy: only for people who manage plugins. */
  reason: string | null;
  /** For the signed-in user's organization; null when signed out. */
  enabled: boolean | null;
  /** The plugin's permissions the user holds. */
  permissions: string[];
  slots: Record<string, SlotContribution[]>;
  /** The plugin's web bundle (and stylesheet) the shell loads; null for a plugin without a web part. */
  web: { entry: string; style: string | null } | null;
  /** Whether the user should see it: healthy, enabled, and holding one of its permissions (if it has any). */
  visible: boolean;
}

const webParts = new WeakMap<PluginRecord, PluginEntry["web"]>();

/** Where a discovered plugin's built web part is served (`<folder>/dist/web` at `/plugins/<id>/`). */
function webPartOf(record: PluginRecord): PluginEntry["web"] {
  if (webParts.has(record)) return webParts.get(record)!;
  let web: PluginEntry["web"] = null;
  const dir = record.root ? path.join(record.root, "dist", "web") : undefined;
  if (dir && fs.existsSync(path.join(dir, "web.js"))) {
    const style = ["web.css", "style.css"].find((file) => fs.existsSync(path.join(dir, file)));
    web = { entry: `/plugins/${record.id}/web.js`, style: style ? `/plugins/${record.id}/${style}` : null };
  }
  webParts.set(record, web);
  return web;
}

/** The answer of `GET /api/plugins`: what is installed and, for the user's organization, what they may use. */
export interface PluginsPayload {
  opsdeckVersion: string;
  user: SessionUser | null;
  organization: OrganizationInfo | null;
  role: Role | null;
  /** Every permission the user holds (core's and enabled plugins'). */
  permissions: string[];
  plugins: PluginEntry[];
}

/** Builds the `GET /api/plugins` payload for a session (or for a signed-out visitor). */
export async function buildPluginsPayload(
  registry: PluginRegistry,
  resolver: ContextResolver,
  opsdeckVersion: string,
  identity: SessionIdentity | null,
): Promise<PluginsPayload> {
  const access = await resolver.resolve("core", identity);
  const state = access.organization ? await resolver.orgState(access.organization.id) : undefined;
  const seesReasons = access.permissions.has("core.plugins.manage");
  return {
    opsdeckVersion,
    user: access.session,
    organization: access.organization,
    role: access.role,
    permissions: [...access.permissions].sort(),
    plugins: registry.records.map((record) => {
      const summary = describePlugin(record);
      const healthy = record.health === "healthy";
      const enabled = state ? healthy && state.isEnabled(record.id) : null;
      const held = summary.permissions.map((p) => p.id).filter((id) => access.permissions.has(id));
      return {
        id: summary.id,
        name: summary.name,
        version: summary.version,
        description: summary.description,
        health: summary.health,
        reason: seesReasons ? summary.reason : null,
        enabled,
        permissions: held,
        slots: healthy ? summary.slots : {},
        web: healthy ? webPartOf(record) : null,
        visible: enabled === true && (summary.permissions.length === 0 || held.length > 0),
      };
    }),
  };
}
