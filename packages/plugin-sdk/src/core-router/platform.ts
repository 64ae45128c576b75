import type { JobRow, TenantContext, UserOrganization } from "@opsdeck/core";
import type { OrgState } from "../host/org-state.ts";
import type { PluginRegistry } from "../host/registry.ts";

/** What the core router asks of the host it is mounted in: the installed plugins and the caches. */
export interface Platform {
  readonly registry: PluginRegistry;
  /** The organization's cached state (enablement, settings, role grants). */
  orgState(organizationId: string): Promise<OrgState>;
  /** The organizations a user is an active member of (cached). */
  userOrganizations(userId: string): Promise<UserOrganization[]>;
  /** Turns a plugin on or off for the caller's organization, checking `requires` both ways. */
  setEnabled(tenant: TenantContext, pluginId: string, enabled: boolean): Promise<void>;
  /** Validates (by the plugin's schema) and saves a plugin's settings; returns them parsed. */
  configure(tenant: TenantContext, pluginId: string, patch: Record<string, unknown>): Promise<Readonly<Record<string, unknown>>>;
  /** Cancels a job through the runner when there is one. */
  cancelJob(tenant: TenantContext, jobId: string): Promise<JobRow>;
  /** Forget what is cached of an organization (after a change to its settings, plugins or grants). */
  invalidateOrganization(organizationId: string): void;
  /** Forget what is cached of a user's memberships (after a role change, a deactivation, a new membership). */
  invalidateUser(userId: string): void;
  /** The link an invitee opens. */
  acceptUrl(token: string): string;
}
