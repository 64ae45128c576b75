// `@opsdeck/plugin-sdk/testing`: start a real host on a fresh test database and call plugins as users.
import type { Role, TenantContext } from "@opsdeck/core";
import { createMember } from "@opsdeck/core";
import { createCoreTestDatabase, createTestOrganization } from "@opsdeck/core/testing";
import type { TestDatabase } from "@opsdeck/db/testing";
import type { AnyRouter } from "@trpc/server";
import { createPluginClient } from "./client.ts";
import type { TaskContext } from "./context/types.ts";
import type { CoreRouter } from "./core-router/core-router.ts";
import { createPluginHost, type PluginHost } from "./host/create-host.ts";
import type { PluginSource } from "./host/plugin-record.ts";
import type { SessionIdentity } from "./host/session.ts";
import { silentLogger, type Logger } from "./logger.ts";
import type { AnyPluginDefinition } from "./manifest/types.ts";
import type { EventBus, JobQueue } from "./runtime/interfaces.ts";
import { SDK_VERSION } from "./version.ts";

export interface TestHostOptions<P extends ReadonlyArray<AnyPluginDefinition | PluginSource>> {
  plugins: P;
  /** The Opsdeck version the host runs as (default: the SDK's). */
  opsdeckVersion?: string;
  jobs?: JobQueue;
  events?: EventBus;
  /** Builds the job runner and event dispatcher on the test database (e.g. core's real ones). */
  runtime?: (opened: TestDatabase) => { jobs?: JobQueue; events?: EventBus };
  logger?: Logger;
}

/** A member of a test organization. */
export interface TestUser {
  userId: string;
  email: string;
  name: string;
  organizationId: string;
  role: Role;
}

export interface TestOrg {
  id: string;
  slug: string;
  name: string;
  owner: TestUser;
  /** A context acting as the owner, for calling core services directly. */
  ownerCtx: TenantContext;
}

type CallerOf<R> = R extends AnyRouter ? ReturnType<R["createCaller"]> : never;

/** Server-side callers of core and of every plugin passed as a definition, keyed by plugin id. */
export type TestCallers<P extends ReadonlyArray<unknown>> = { core: CallerOf<CoreRouter> } & {
  [D in Extract<P[number], AnyPluginDefinition> as D["id"]]: CallerOf<D["router"]>;
};

let users = 0;

/**
 * Starts a plugin host on a fresh, migrated test database (PGlite or PostgreSQL per OPSDECK_TEST_DB) with
 * the given plugins, and helpers to make organizations and users and call procedures as them.
 */
export async function createTestHost<const P extends ReadonlyArray<AnyPluginDefinition | PluginSource>>(options: TestHostOptions<P>) {
  const db: TestDatabase = await createCoreTestDatabase();
  let host: PluginHost;
  try {
    const runtime = options.runtime?.(db) ?? {};
    host = await createPluginHost({
      opened: db,
      opsdeckVersion: options.opsdeckVersion ?? SDK_VERSION,
      plugins: [...options.plugins],
      logger: options.logger ?? silentLogger,
      jobs: runtime.jobs ?? options.jobs,
      events: runtime.events ?? options.events,
      publicUrl: "http://opsdeck.test",
      // Tests change state through the host, which drops what it cached; a long TTL keeps them fast.
      cacheTtlMs: 60_000,
    });
  } catch (err) {
    await db.destroy();
    throw err;
  }
  const identity = (user: TestUser | null): SessionIdentity | null =>
    user && { userId: user.userId, email: user.email, name: user.name, organizationId: user.organizationId };
  const ownerCtx = new Map<string, TenantContext>();
  const tenantOf = (org: TestOrg) => ownerCtx.get(org.id) ?? org.ownerCtx;

  /** A server-side caller of one endpoint (`core` or a plugin id) acting as `user` (null: signed out). */
  function caller<R extends AnyRouter>(user: TestUser | null, pluginId: string): CallerOf<R> {
    const router = host.router(pluginId);
    if (!router) throw new Error(`No endpoint "${pluginId}" in this test host`);
    return router.createCaller(() => host.createContext(pluginId, identity(user))) as CallerOf<R>;
  }

  return {
    host,
    db,
    /** Creates an organization with an owner. */
    async createOrg(slug?: string): Promise<TestOrg> {
      const made = await createTestOrganization(db, slug);
      const org: TestOrg = {
        id: made.org.id,
        slug: made.org.slug,
        name: made.org.name,
        owner: { userId: made.owner.userId, email: made.owner.email, name: made.owner.name, organizationId: made.org.id, role: "owner" },
        ownerCtx: made.ctx,
      };
      ownerCtx.set(org.id, made.ctx);
      return org;
    },
    /** Adds a member with a role to an organization. */
    async createUser(org: TestOrg, role: Role, email?: string): Promise<TestUser> {
      users += 1;
      const member = await createMember(tenantOf(org), {
        email: email ?? `${role}-${users}@${org.slug}.test`,
        name: `${role} ${users}`,
        role,
      });
      host.invalidateUser(member.userId);
      return { userId: member.userId, email: member.email, name: member.name, organizationId: org.id, role };
    },
    /** Callers of core and each plugin acting as `user`: `as(user).notes.create({...})`. */
    as(user: TestUser | null): TestCallers<P> {
      const cache = new Map<string, unknown>();
      return new Proxy({} as TestCallers<P>, {
        get(_target, key) {
          if (typeof key !== "string") return undefined;
          if (!cache.has(key)) cache.set(key, caller(user, key));
          return cache.get(key);
        },
      });
    },
    caller,
    /** A client that goes through the whole HTTP path (routing, transformer, error formatter), in process. */
    client<R extends AnyRouter>(user: TestUser | null, pluginId: string) {
      return createPluginClient<R>(pluginId, {
        baseUrl: "http://opsdeck.test",
        fetch: async (input, init) => {
          const response = await host.fetch(new Request(input, init), () => identity(user));
          return response ?? new Response("not found", { status: 404 });
        },
      });
    },
    /** Enables or disables a plugin for an organization, as its owner would. */
    setEnabled: (org: TestOrg, pluginId: string, enabled: boolean) => host.setEnabled(tenantOf(org), pluginId, enabled),
    /** Saves a plugin's settings for an organization, as its owner would. */
    configure: (org: TestOrg, pluginId: string, settings: Record<string, unknown>) => host.configure(tenantOf(org), pluginId, settings),
    /** A plugin's context in an organization, outside a request (to test jobs, event handlers, seeds). */
    taskContext: (org: TestOrg, pluginId: string): Promise<TaskContext> => host.taskContext(pluginId, org.id),
    /** Drops the test database. */
    destroy: () => db.destroy(),
  };
}

export type TestHost<P extends ReadonlyArray<AnyPluginDefinition | PluginSource> = AnyPluginDefinition[]> = Awaited<
  ReturnType<typeof createTestHost<P>>
>;
