import { CORE_PERMISSIONS } from "../core-router/core-permissions.ts";
import type { AnyPluginDefinition, PermissionDeclaration } from "../manifest/types.ts";
import { indexById, type PluginRecord } from "./plugin-record.ts";

/** The permissions of core or of one plugin. */
export interface PermissionGroup {
  /** `core` or the plugin id. */
  pluginId: string;
  name: string;
  permissions: readonly PermissionDeclaration[];
}

/** What the host knows of the installed plugins once started; it does not change while running. */
export class PluginRegistry {
  readonly records: readonly PluginRecord[];
  /** Healthy plugins, a plugin after those it requires. */
  readonly healthy: readonly AnyPluginDefinition[];
  readonly #byId: Map<string, PluginRecord>;
  readonly #healthyById: Map<string, AnyPluginDefinition>;
  readonly coreGroup: PermissionGroup = { pluginId: "core", name: "Core", permissions: CORE_PERMISSIONS };

  constructor(records: readonly PluginRecord[]) {
    this.records = records;
    this.#byId = indexById(records);
    this.healthy = records.filter((r) => r.health === "healthy" && r.definition).map((r) => r.definition!);
    this.#healthyById = new Map(this.healthy.map((d) => [d.id, d]));
  }

  record(pluginId: string): PluginRecord | undefined {
    return this.#byId.get(pluginId);
  }

  /** The definition of a healthy plugin. */
  plugin(pluginId: string): AnyPluginDefinition | undefined {
    return this.#healthyById.get(pluginId);
  }

  /** Core's permissions, then each healthy plugin's. */
  permissionGroups(): PermissionGroup[] {
    return [this.coreGroup, ...this.healthy.map((d) => ({ pluginId: d.id, name: d.name, permissions: d.permissions }))];
  }

  /** The group a permission id belongs to, if any installed part declares it. */
  findPermission(permissionId: string): { group: PermissionGroup; permission: PermissionDeclaration } | undefined {
    for (const group of this.permissionGroups()) {
      const permission = group.permissions.find((p) => p.id === permissionId);
      if (permission) return { group, permission };
    }
    return undefined;
  }
}
