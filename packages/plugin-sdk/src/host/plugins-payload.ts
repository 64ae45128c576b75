import type { Role } from "@opsdeck/core";
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
      return {
        id: summary.id,
        name: summary.name,
        version: summary.version,
        description: summary.description,
        health: summary.health,
        reason: seesReasons ? summary.reason : null,
        enabled: state ? healthy && state.isEnabled(record.id) : null,
        permissions: summary.permissions.map((p) => p.id).filter((id) => access.permissions.has(id)),
        slots: healthy ? summary.slots : {},
      };
    }),
  };
}
