import type { PermissionDeclaration } from "../manifest/types.ts";

/** Core's own permissions; roles not listed get them only through an override in the role matrix. */
export const CORE_PERMISSIONS: readonly PermissionDeclaration[] = [
  { id: "core.users.read", description: "See the members of the organization", defaultRoles: ["admin", "ops", "manager"] },
  { id: "core.users.manage", description: "Invite, add and deactivate members and change their roles", defaultRoles: ["admin"] },
  { id: "core.roles.manage", description: "Change which permissions each role holds", defaultRoles: ["admin"] },
  { id: "core.plugins.manage", description: "Enable, disable and configure plugins", defaultRoles: ["admin"] },
  { id: "core.settings.manage", description: "Change the organization's settings", defaultRoles: ["admin"] },
  { id: "core.audit.read", description: "Read the audit log", defaultRoles: ["admin", "ops"] },
  { id: "core.jobs.read", description: "See background jobs and their progress", defaultRoles: ["admin", "ops"] },
  { id: "core.jobs.manage", description: "Cancel background jobs", defaultRoles: ["admin", "ops"] },
  { id: "core.records.read", description: "Read accounts, contacts, leads, opportunities and activities", defaultRoles: ["admin", "ops", "manager", "rep"] },
  { id: "core.records.write", description: "Create, change and delete CRM records", defaultRoles: ["admin", "ops", "manager", "rep"] },
  { id: "core.import.run", description: "Import and export CRM data", defaultRoles: ["admin", "ops"] },
];

export const CORE_PERMISSION_IDS: ReadonlySet<string> = new Set(CORE_PERMISSIONS.map((p) => p.id));
