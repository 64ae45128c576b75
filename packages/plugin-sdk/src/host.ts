// `@opsdeck/plugin-sdk/host`: what the server uses to load, check, migrate and serve plugins.
export { createPluginHost, API_PREFIX, type PluginHost, type PluginHostOptions } from "./host/create-host.ts";
export { discoverPlugins } from "./host/discover.ts";
export type { PluginHealth, PluginSource } from "./host/plugin-record.ts";
export type { SessionIdentity, SessionResolver } from "./host/session.ts";
export type { HandleOptions } from "./host/http.ts";
export type { PluginSummary } from "./host/describe-plugin.ts";
export type { PluginEntry, PluginsPayload } from "./host/plugins-payload.ts";
export { checkMigrationSql, checkPluginMigrations } from "./host/migration-check.ts";
export { CORE_PERMISSIONS, CORE_PERMISSION_IDS } from "./core-router/core-permissions.ts";
export type { CoreRouter } from "./core-router/core-router.ts";
export type { GrantCell } from "./core-router/roles.ts";
export type { EventBus, JobHandler, JobInvocation, JobQueue, OutboxEvent, OutboxEventHandler } from "./runtime/interfaces.ts";
// Core's membership, invitation and grant services, re-exported for the server (they moved to core).
export {
  acceptInvitation,
  clearRoleGrant,
  createInvitation,
  hashInvitationToken,
  listInvitations,
  listRoleGrants,
  listUserOrganizations,
  revokeInvitation,
  setRoleGrant,
  type AcceptedInvitation,
  type Invitation,
  type UserOrganization,
} from "@opsdeck/core";
