import { organizationPlugins, organizations, roleGrants } from "@opsdeck/core/schema";
import type { Role } from "@opsdeck/core";
import type { Database } from "@opsdeck/db";
import { eq } from "drizzle-orm";
import type { OrganizationInfo } from "../context/types.ts";
import type { Logger } from "../logger.ts";
import type { PermissionDeclaration } from "../manifest/types.ts";
import type { PluginRegistry } from "./registry.ts";

const NO_SETTINGS: Readonly<Record<string, unknown>> = Object.freeze({});

/**
 * One organization's view of the platform, read in three queries and cached by the host: which plugins
 * are on, their settings, and each role's permissions (defaults adjusted by the role matrix).
 */
export class OrgState {
  readonly organization: OrganizationInfo;
  readonly #registry: PluginRegistry;
  readonly #rows: Map<string, { enabled: boolean; settings: unknown }>;
  readonly #overrides: Map<string, boolean>;
  readonly #permissions = new Map<Role, ReadonlySet<string>>();
  readonly #settings = new Map<string, Readonly<Record<string, unknown>>>();
  readonly #logger: Logger;

  constructor(input: {
    organization: OrganizationInfo;
    registry: PluginRegistry;
    rows: Map<string, { enabled: boolean; settings: unknown }>;
    overrides: Map<string, boolean>;
    logger: Logger;
  }) {
    this.organization = input.organization;
    this.#registry = input.registry;
    this.#rows = input.rows;
    this.#overrides = input.overrides;
    this.#logger = input.logger;
  }

  /** Whether a plugin is on: its row in core.organization_plugins, else its `defaultEnabled` (true). */
  isEnabled(pluginId: string): boolean {
    if (pluginId === "core") return true;
    const row = this.#rows.get(pluginId);
    if (row) return row.enabled;
    return this.#registry.plugin(pluginId)?.defaultEnabled ?? true;
  }

  /** Whether the organization ever chose (a row exists), as opposed to running on the default. */
  hasChoice(pluginId: string): boolean {
    return this.#rows.has(pluginId);
  }

  /** The raw stored settings of a plugin. */
  storedSettings(pluginId: string): unknown {
    return this.#rows.get(pluginId)?.settings ?? {};
  }

  /** A plugin's settings parsed by its schema; stored values a newer schema rejects fall back to defaults. */
  settingsOf(pluginId: string): Readonly<Record<string, unknown>> {
    const cached = this.#settings.get(pluginId);
    if (cached) return cached;
    const schema = this.#registry.plugin(pluginId)?.settings;
    let value = NO_SETTINGS;
    if (schema) {
      const parsed = schema.safeParse(this.storedSettings(pluginId));
      if (parsed.success) value = Object.freeze(parsed.data);
      else {
        this.#logger.warn({ plugin: pluginId, organizationId: this.organization.id }, "stored plugin settings are invalid; using defaults");
        value = Object.freeze(schema.parse({}));
      }
    }
    this.#settings.set(pluginId, value);
    return value;
  }

  /** The override of the role matrix for (role, permission), if any. */
  override(role: Role, permissionId: string): boolean | undefined {
    return this.#overrides.get(`${role}\u0000${permissionId}`);
  }

  /** Whether a role holds a permission by default and overrides; the owner holds every permission. */
  grants(role: Role, permission: PermissionDeclaration): boolean {
    if (role === "owner") return true;
    return this.override(role, permission.id) ?? permission.defaultRoles.includes(role);
  }

  /** Core's permissions and every enabled healthy plugin's that the role holds. */
  permissionsOf(role: Role): ReadonlySet<string> {
    const cached = this.#permissions.get(role);
    if (cached) return cached;
    const held = new Set<string>();
    for (const group of this.#registry.permissionGroups()) {
      if (!this.isEnabled(group.pluginId)) continue;
      for (const permission of group.permissions) if (this.grants(role, permission)) held.add(permission.id);
    }
    this.#permissions.set(role, held);
    return held;
  }
}

/** Reads an organization's state; undefined when the organization does not exist. */
export async function loadOrgState(
  db: Database,
  organizationId: string,
  registry: PluginRegistry,
  logger: Logger,
): Promise<OrgState | undefined> {
  const [orgRows, pluginRows, grantRows] = await Promise.all([
    db.select().from(organizations).where(eq(organizations.id, organizationId)),
    db.select().from(organizationPlugins).where(eq(organizationPlugins.organizationId, organizationId)),
    db.select().from(roleGrants).where(eq(roleGrants.organizationId, organizationId)),
  ]);
  const org = orgRows[0];
  if (!org) return undefined;
  return new OrgState({
    organization: Object.freeze({
      id: org.id,
      slug: org.slug,
      name: org.name,
      currency: org.currency,
      fiscalYearStartMonth: org.fiscalYearStartMonth,
      timeZone: org.timeZone,
    }),
    registry,
    rows: new Map(pluginRows.map((r) => [r.pluginId, { enabled: r.enabled, settings: r.settings }])),
    overrides: new Map(grantRows.map((g) => [`${g.role}\u0000${g.permission}`, g.granted])),
    logger,
  });
}
