import type { JobRow, Role, TenantContext } from "@opsdeck/core";
import type { Database } from "@opsdeck/db";
import type { SlotLookup } from "../host/slot-contributions.ts";
import type { Logger } from "../logger.ts";

/** The signed-in person. */
export interface SessionUser {
  readonly userId: string;
  readonly email: string;
  readonly name: string;
}

/** The organization a request or a job acts in. */
export interface OrganizationInfo {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly currency: string;
  readonly fiscalYearStartMonth: number;
  readonly timeZone: string;
}

/** Writes a plugin's events to the outbox, in the transaction of the context it came from. */
export interface PluginEvents {
  /** `type` is `<plugin id>.<name>`; core's own events are emitted by core services. */
  emit(type: string, payload: Record<string, unknown>): Promise<void>;
}

/** Queues a plugin's background jobs. */
export interface PluginJobs {
  /** Queues `name` (one of the plugin's `jobs`) for the current organization and returns the job row. */
  enqueue(name: string, input?: unknown): Promise<JobRow>;
}

/** What every procedure of every plugin receives. */
export interface PluginContext {
  readonly requestId: string;
  readonly logger: Logger;
  readonly session: SessionUser | null;
  readonly organization: OrganizationInfo | null;
  readonly role: Role | null;
  /** The permissions the user holds in the organization (empty when signed out). */
  readonly permissions: ReadonlySet<string>;
  /** The database handle every service of this request uses. */
  readonly db: Database;
  /** Set when a signed-in member acts in an organization. */
  readonly tenant: TenantContext | null;
  readonly events: PluginEvents;
  readonly jobs: PluginJobs;
  /** The plugin this endpoint belongs to (`core` for the core router). */
  readonly pluginId: string;
  /** The plugin's settings for the organization, already parsed by its schema (defaults filled in). */
  readonly settings: Readonly<Record<string, unknown>>;
  /** Whether the plugin is enabled for the organization; a disabled plugin answers PLUGIN_DISABLED. */
  readonly enabled: boolean;
  /** What the plugins enabled in the organization contribute to a slot (their manifests' `slots`). */
  readonly slotContributions: SlotLookup;
}

/** The context of a procedure declared with `procedure.authenticated()`. */
export type SignedInContext = PluginContext & { readonly session: SessionUser };

/** The context of a procedure declared with `procedure.permission(...)`: a member acting in an organization. */
export type MemberContext = SignedInContext & {
  readonly organization: OrganizationInfo;
  readonly role: Role;
  readonly tenant: TenantContext;
};

/** The context of work done outside a request: jobs, event handlers, CLI commands, seeds. */
export interface TaskContext {
  readonly requestId: string;
  readonly logger: Logger;
  readonly db: Database;
  readonly organization: OrganizationInfo;
  readonly tenant: TenantContext;
  readonly events: PluginEvents;
  readonly jobs: PluginJobs;
  readonly pluginId: string;
  readonly settings: Readonly<Record<string, unknown>>;
  /** What the plugins enabled in the organization contribute to a slot (their manifests' `slots`). */
  readonly slotContributions: SlotLookup;
}
