import { randomUUID } from "node:crypto";
import { withDb, type RecordValidator, type Role, type TenantContext } from "@opsdeck/core";
import type { Database } from "@opsdeck/db";
import { RequestLogger, silentLogger, type Logger } from "../logger.ts";
import { noSlots, type SlotLookup } from "../host/slot-contributions.ts";
import { OutboxEvents, QueuedJobs, type JobDispatch } from "./facades.ts";
import type { OrganizationInfo, PluginContext, SessionUser, TaskContext } from "./types.ts";

const NO_PERMISSIONS: ReadonlySet<string> = new Set();
const NO_SETTINGS: Readonly<Record<string, unknown>> = Object.freeze({});

/** The plain values a request context is made of; tests pass them directly. */
export interface InnerContextInput {
  pluginId: string;
  db: Database;
  session: SessionUser | null;
  organization: OrganizationInfo | null;
  role: Role | null;
  permissions?: ReadonlySet<string> | undefined;
  settings?: Readonly<Record<string, unknown>> | undefined;
  /** Whether the plugin is on for the organization (default true). */
  enabled?: boolean | undefined;
  requestId?: string | undefined;
  logger?: Logger | undefined;
  jobs?: JobDispatch | undefined;
  /** Enabled plugins' rules for record writes (the host resolves them per organization). */
  recordValidator?: RecordValidator | undefined;
  /** Enabled plugins' slot contributions (the host resolves them per organization). */
  slotContributions?: SlotLookup | undefined;
}

type AnyContext = PluginContext | TaskContext;

/**
 * Runs `fn` in one transaction with a copy of the context bound to it: `db`, `tenant`, `events` and
 * `jobs` all write in that transaction and roll back with it.
 */
export function withTransaction<C extends AnyContext, T>(ctx: C, fn: (ctx: C) => Promise<T>): Promise<T> {
  return ctx.db.transaction((tx) => fn(rebind(ctx, tx)));
}

function rebind<C extends AnyContext>(ctx: C, db: Database): C {
  const tenant = ctx.tenant ? withDb(ctx.tenant, db) : null;
  return {
    ...ctx,
    db,
    tenant,
    events: new OutboxEvents(ctx.pluginId, tenant),
    jobs: ctx.jobs instanceof QueuedJobs ? ctx.jobs.rebind(tenant) : ctx.jobs,
  };
}

const noJobs = (pluginId: string): JobDispatch => ({ pluginId, declared: {} });

/**
 * The context of one request, from plain values (STYLE.md: the inner half; the host's HTTP wrapper
 * resolves the session, organization and permissions and calls this).
 */
export function createInnerContext(input: InnerContextInput): PluginContext {
  const requestId = input.requestId ?? randomUUID();
  const tenant: TenantContext | null =
    input.session && input.organization && input.role
      ? {
          db: input.db,
          organizationId: input.organization.id,
          actorUserId: input.session.userId,
          role: input.role,
          recordValidator: input.recordValidator,
        }
      : null;
  return {
    requestId,
    logger: new RequestLogger(input.logger ?? silentLogger, requestId),
    session: input.session,
    organization: input.organization,
    role: input.role,
    permissions: input.permissions ?? NO_PERMISSIONS,
    db: input.db,
    tenant,
    events: new OutboxEvents(input.pluginId, tenant),
    jobs: new QueuedJobs(input.jobs ?? noJobs(input.pluginId), tenant),
    pluginId: input.pluginId,
    settings: input.settings ?? NO_SETTINGS,
    enabled: input.enabled ?? true,
    slotContributions: input.slotContributions ?? noSlots,
  };
}

export interface TaskContextInput {
  pluginId: string;
  db: Database;
  organization: OrganizationInfo;
  /** Who the work acts for (null: the system). */
  actorUserId?: string | null | undefined;
  role?: Role | undefined;
  settings?: Readonly<Record<string, unknown>> | undefined;
  requestId?: string | undefined;
  logger?: Logger | undefined;
  jobs?: JobDispatch | undefined;
  recordValidator?: RecordValidator | undefined;
  slotContributions?: SlotLookup | undefined;
}

/** The context of work outside a request (a job, an event handler, a CLI command, a seed). */
export function createTaskContext(input: TaskContextInput): TaskContext {
  const requestId = input.requestId ?? randomUUID();
  const tenant: TenantContext = {
    db: input.db,
    organizationId: input.organization.id,
    actorUserId: input.actorUserId ?? null,
    role: input.role,
    recordValidator: input.recordValidator,
  };
  return {
    requestId,
    logger: new RequestLogger(input.logger ?? silentLogger, requestId),
    db: input.db,
    organization: input.organization,
    tenant,
    events: new OutboxEvents(input.pluginId, tenant),
    jobs: new QueuedJobs(input.jobs ?? noJobs(input.pluginId), tenant),
    pluginId: input.pluginId,
    settings: input.settings ?? NO_SETTINGS,
    slotContributions: input.slotContributions ?? noSlots,
  };
}
