import { listUserOrganizations, type RecordValidator, type Role, type UserOrganization } from "@opsdeck/core";
import type { Database } from "@opsdeck/db";
import type { OrganizationInfo, SessionUser } from "../context/types.ts";
import type { Logger } from "../logger.ts";
import { loadOrgState, type OrgState } from "./org-state.ts";
import { recordValidatorFor } from "./record-validators.ts";
import { noSlots, slotLookupFor, type SlotLookup } from "./slot-contributions.ts";
import type { PluginRegistry } from "./registry.ts";
import type { SessionIdentity } from "./session.ts";
import { TtlCache } from "./ttl-cache.ts";

/** The parts of a request context that depend on who asks and where. */
export interface ResolvedAccess {
  session: SessionUser | null;
  organization: OrganizationInfo | null;
  role: Role | null;
  permissions: ReadonlySet<string>;
  settings: Readonly<Record<string, unknown>>;
  enabled: boolean;
  /** Enabled plugins' record validation rules, for the request's tenant context. */
  recordValidator?: RecordValidator | undefined;
  /** Enabled plugins' slot contributions in the organization. */
  slotContributions: SlotLookup;
}

const NONE: ReadonlySet<string> = new Set();

/**
 * Resolves a session to organization, role, permissions, settings and enablement. Everything is cached
 * (memberships per user, state per organization) so a request costs no query once warm; the host drops
 * an entry when it changes it, and entries expire after `ttlMs` so changes made by another process show.
 */
export class ContextResolver {
  readonly #db: Database;
  readonly #registry: PluginRegistry;
  readonly #logger: Logger;
  readonly #defaults = new Map<string, Readonly<Record<string, unknown>>>();
  readonly #orgs: TtlCache<string, OrgState | undefined>;
  readonly #users: TtlCache<string, UserOrganization[]>;

  constructor(input: { db: Database; registry: PluginRegistry; logger: Logger; ttlMs: number }) {
    this.#db = input.db;
    this.#registry = input.registry;
    this.#logger = input.logger;
    this.#orgs = new TtlCache({ ttlMs: input.ttlMs });
    this.#users = new TtlCache({ ttlMs: input.ttlMs });
    for (const def of input.registry.healthy) {
      if (def.settings) this.#defaults.set(def.id, Object.freeze(def.settings.parse({})));
    }
  }

  /** The organization's state, or undefined when it does not exist. */
  orgState(organizationId: string): Promise<OrgState | undefined> {
    return this.#orgs.get(organizationId, () => loadOrgState(this.#db, organizationId, this.#registry, this.#logger));
  }

  userOrganizations(userId: string): Promise<UserOrganization[]> {
    return this.#users.get(userId, () => listUserOrganizations(this.#db, userId));
  }

  invalidateOrganization(organizationId?: string): void {
    if (organizationId) this.#orgs.delete(organizationId);
    else this.#orgs.clear();
  }

  invalidateUser(userId?: string): void {
    if (userId) this.#users.delete(userId);
    else this.#users.clear();
  }

  /** The record validator of an organization's enabled plugins (undefined when none validates). */
  async recordValidator(organizationId: string): Promise<RecordValidator | undefined> {
    const state = await this.orgState(organizationId);
    return state && recordValidatorFor(this.#registry, state);
  }

  defaultSettings(pluginId: string): Readonly<Record<string, unknown>> {
    return this.#defaults.get(pluginId) ?? Object.freeze({});
  }

  async resolve(pluginId: string, identity: SessionIdentity | null): Promise<ResolvedAccess> {
    const signedOut: ResolvedAccess = {
      session: null,
      organization: null,
      role: null,
      permissions: NONE,
      settings: this.defaultSettings(pluginId),
      enabled: true,
      slotContributions: noSlots,
    };
    if (!identity) return signedOut;
    const session: SessionUser = { userId: identity.userId, email: identity.email, name: identity.name };
    const memberships = await this.userOrganizations(identity.userId);
    const membership = identity.organizationId
      ? memberships.find((m) => m.organizationId === identity.organizationId)
      : memberships[0];
    const state = membership ? await this.orgState(membership.organizationId) : undefined;
    if (!membership || !state) return { ...signedOut, session };
    return {
      session,
      organization: state.organization,
      role: membership.role,
      permissions: state.permissionsOf(membership.role),
      settings: pluginId === "core" ? signedOut.settings : state.settingsOf(pluginId),
      enabled: state.isEnabled(pluginId),
      recordValidator: recordValidatorFor(this.#registry, state),
      slotContributions: slotLookupFor(this.#registry, state),
    };
  }
}
