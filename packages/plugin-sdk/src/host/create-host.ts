import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { getJob, notFound, recordAudit, requestJobCancel, type Role, type TenantContext } from "@opsdeck/core";
import type { Database } from "@opsdeck/db";
import { TRPCError, type AnyRouter } from "@trpc/server";
import { createInnerContext } from "../context/create-context.ts";
import type { JobDispatch } from "../context/facades.ts";
import type { PluginContext, TaskContext } from "../context/types.ts";
import { CORE_PERMISSION_IDS } from "../core-router/core-permissions.ts";
import { createCoreRouter, type CoreRouter } from "../core-router/core-router.ts";
import type { Platform } from "../core-router/platform.ts";
import { childLogger, silentLogger, type Logger } from "../logger.ts";
import type { AnyPluginDefinition, CliArgs, CliIo, SeedScale } from "../manifest/types.ts";
import type { EventBus, JobQueue } from "../runtime/interfaces.ts";
import { inspectRouter } from "../trpc/inspect-router.ts";
import { router as emptyRouter } from "../trpc/procedures.ts";
import { ContextResolver } from "./context-resolver.ts";
import { downloadRoute, serveDownload } from "./downloads.ts";
import { describePlugin, type PluginSummary } from "./describe-plugin.ts";
import { changeEnablement, changeSettings } from "./enablement.ts";
import { jsonResponse, MAX_BODY_BYTES, originAllowed, serveTrpc, toFetchRequest, writeNodeResponse, type HandleOptions } from "./http.ts";
import { NodeHeaders, nodeRequest, type RequestLike } from "./node-request.ts";
import { loadPlugins } from "./load-plugins.ts";
import { tryFastQuery } from "./fast-query.ts";
import { runPluginCommand, registerRuntime, seedPlugins, taskContextFor, type TaskDeps } from "./plugin-tasks.ts";
import type { PluginRecord, PluginSource } from "./plugin-record.ts";
import { buildPluginsPayload, type PluginsPayload } from "./plugins-payload.ts";
import { PluginRegistry } from "./registry.ts";
import type { SessionIdentity, SessionResolver } from "./session.ts";
import { runSchedules } from "./schedules.ts";
import { startPlugins } from "./start-plugins.ts";

export interface PluginHostOptions {
  /** The opened database (`openDatabase` of @opsdeck/db); the host only uses its `db`. */
  opened: { readonly db: Database };
  /** The running Opsdeck version, matched against each plugin's `engines.opsdeck`. */
  opsdeckVersion: string;
  /** Plugins to load: sources (see `discoverPlugins`) or definitions already imported. */
  plugins: Array<PluginSource | AnyPluginDefinition>;
  logger?: Logger | undefined;
  /** The job runner; without one, `ctx.jobs.enqueue` creates the job row and nothing runs it. */
  jobs?: JobQueue | undefined;
  /** The event dispatcher; without one, plugins' event handlers are not subscribed. */
  events?: EventBus | undefined;
  /** The portal's public address, for invitation links (default http://localhost:3000). */
  publicUrl?: string | undefined;
  /** Other origins whose pages may call mutations (besides the request's own). */
  allowedOrigins?: string[] | undefined;
  /** How long cached memberships and organization state live, in ms (default 5000). */
  cacheTtlMs?: number | undefined;
  /** Run plugin migrations at start (default true). */
  migrate?: boolean | undefined;
  /** Run plugins' boot hooks (default true); false for a process that only migrates (`opsdeck migrate`). */
  boot?: boolean | undefined;
  /** Longest a plugin's boot hook may take (default 30 s). */
  bootTimeoutMs?: number | undefined;
}

export const API_PREFIX = "/api/trpc/";

/** The plugin host: loads, checks, migrates and serves plugins and the core router. */
export type PluginHost = Awaited<ReturnType<typeof createPluginHost>>;

/**
 * Starts the host: loads every plugin, validates manifests, `engines` and `requires`, refuses undeclared
 * procedures, migrates each plugin's schema and runs boot hooks. A plugin failing any step is marked
 * unhealthy with the reason and skipped; the rest runs.
 */
export async function createPluginHost(options: PluginHostOptions) {
  const db = options.opened.db;
  const logger = options.logger ?? silentLogger;
  const publicUrl = (options.publicUrl ?? "http://localhost:3000").replace(/\/+$/, "");
  const allowedOrigins = new Set(options.allowedOrigins ?? []);
  const records = await loadPlugins(options.plugins, { opsdeckVersion: options.opsdeckVersion, corePermissions: CORE_PERMISSION_IDS });
  await startPlugins(records, { db, logger, opsdeckVersion: options.opsdeckVersion, migrate: options.migrate, boot: options.boot, bootTimeoutMs: options.bootTimeoutMs });
  for (const r of records) if (r.health === "unhealthy") logger.warn({ plugin: r.id, reason: r.reason }, "plugin unhealthy");

  const registry = new PluginRegistry(records);
  const resolver = new ContextResolver({ db, registry, logger, ttlMs: options.cacheTtlMs ?? 5000 });
  const loggers = new Map<string, Logger>();
  const pluginLogger = (id: string) => {
    let l = loggers.get(id);
    if (!l) loggers.set(id, (l = childLogger(logger, { plugin: id })));
    return l;
  };
  const dispatches = new Map<string, JobDispatch>();
  const dispatch = (id: string): JobDispatch => {
    let d = dispatches.get(id);
    if (!d) dispatches.set(id, (d = { pluginId: id, declared: registry.plugin(id)?.jobs ?? {}, queue: options.jobs }));
    return d;
  };
  const orgState = async (organizationId: string) => {
    const state = await resolver.orgState(organizationId);
    if (!state) throw notFound("Organization");
    return state;
  };
  const tasks: TaskDeps = { db, registry, resolver, dispatch, logger: pluginLogger };

  const platform: Platform = {
    registry,
    orgState,
    userOrganizations: (userId) => resolver.userOrganizations(userId),
    async setEnabled(tenant, pluginId, enabled) {
      await changeEnablement({ registry, orgState }, tenant, pluginId, enabled);
      resolver.invalidateOrganization(tenant.organizationId);
    },
    async configure(tenant, pluginId, patch) {
      const settings = await changeSettings({ registry, orgState }, tenant, pluginId, patch);
      resolver.invalidateOrganization(tenant.organizationId);
      return settings;
    },
    async cancelJob(tenant, jobId) {
      await getJob(tenant, jobId);
      const row = options.jobs ? await options.jobs.cancel(tenant, jobId) : await requestJobCancel(tenant, jobId);
      await recordAudit(tenant, { action: "job.cancel_requested", entityType: "job", entityId: jobId, after: { status: row.status } });
      return row;
    },
    invalidateOrganization: (id) => resolver.invalidateOrganization(id),
    invalidateUser: (id) => resolver.invalidateUser(id),
    acceptUrl: (token) => `${publicUrl}/accept-invitation?token=${encodeURIComponent(token)}`,
  };
  const coreRouter: CoreRouter = createCoreRouter(platform);
  const coreProblems = inspectRouter(coreRouter).filter((p) => p.problem);
  if (coreProblems.length) throw new Error(`core router: ${coreProblems.map((p) => p.problem).join("; ")}`);

  registerRuntime(tasks, { jobs: options.jobs, events: options.events });

  const mounts = new Map<string, { router: AnyRouter; record: PluginRecord | undefined }>([["core", { router: coreRouter, record: undefined }]]);
  for (const record of records) {
    if (!mounts.has(record.id)) mounts.set(record.id, { router: record.definition?.router ?? emptyRouter({}), record });
  }

  /** The context of a call to a plugin (or `core`) for a session; what the HTTP handler and test callers use. */
  async function createContext(pluginId: string, identity: SessionIdentity | null, extra: HandleOptions = {}): Promise<PluginContext> {
    const record = pluginId === "core" ? undefined : registry.record(pluginId);
    if (pluginId !== "core" && record?.health !== "healthy") {
      throw new TRPCError({
        code: "NOT_FOUND",
        message: record ? `The plugin "${pluginId}" is unavailable (unhealthy).` : `No plugin "${pluginId}" is installed.`,
      });
    }
    const access = await resolver.resolve(pluginId, identity);
    return createInnerContext({
      pluginId,
      db,
      ...access,
      requestId: extra.requestId,
      logger: extra.logger ?? pluginLogger(pluginId),
      jobs: dispatch(pluginId),
    });
  }

  function requestIdOf(request: RequestLike, extra: HandleOptions): string {
    return extra.requestId ?? request.headers.get("x-request-id")?.slice(0, 64) ?? randomUUID();
  }

  // `path` is what follows `/api/trpc/<pluginId>/`, undecoded (tRPC decodes it).
  async function serve(pluginId: string, path: string, request: RequestLike, resolveSession: SessionResolver, extra: HandleOptions) {
    if (!originAllowed(request, allowedOrigins)) return jsonResponse(403, { error: { message: "Cross-origin request refused." } });
    const mount = mounts.get(pluginId) ?? { router: emptyRouter({}), record: undefined };
    const requestId = requestIdOf(request, extra);
    return serveTrpc({
      router: mount.router,
      request,
      path,
      logger: extra.logger ?? logger,
      createContext: async () => createContext(pluginId, await resolveSession(request), { ...extra, requestId }),
    });
  }

  /** Splits `/api/trpc/<id>/<path>` into the plugin id and the procedure path; undefined for other paths. */
  function route(pathname: string): { pluginId: string; path: string } | undefined {
    if (!pathname.startsWith(API_PREFIX)) return undefined;
    const rest = pathname.slice(API_PREFIX.length);
    const slash = rest.indexOf("/");
    return slash < 0 ? { pluginId: rest, path: "" } : { pluginId: rest.slice(0, slash), path: rest.slice(slash + 1).replace(/\/+$/, "") };
  }

  /** Answers a tRPC request for `/api/trpc/<pluginId>/…`. */
  async function handle(pluginId: string, request: Request, resolveSession: SessionResolver, extra: HandleOptions = {}): Promise<Response> {
    const found = route(new URL(request.url).pathname);
    return serve(pluginId, found?.pluginId === pluginId ? found.path : "", request, resolveSession, extra);
  }

  async function pluginsResponse(request: RequestLike, resolveSession: SessionResolver): Promise<Response> {
    if (request.method !== "GET") return jsonResponse(405, { error: { message: "Use GET." } });
    return jsonResponse(200, await buildPluginsPayload(registry, resolver, options.opsdeckVersion, await resolveSession(request)));
  }

  /** Routes `/api/trpc/<id>/…` and `GET /api/plugins`; null for any other path. */
  async function fetch(request: Request, resolveSession: SessionResolver, extra: HandleOptions = {}): Promise<Response | null> {
    const { pathname } = new URL(request.url);
    if (pathname === "/api/plugins") return pluginsResponse(request, resolveSession);
    const found = route(pathname);
    return found ? serve(found.pluginId, found.path, request, resolveSession, extra) : null;
  }

  return {
    opsdeckVersion: options.opsdeckVersion,
    coreRouter,
    /** Every plugin with its manifest summary, health and reason. */
    list: (): PluginSummary[] => records.map(describePlugin),
    /** The definition of a healthy plugin. */
    plugin: (pluginId: string): AnyPluginDefinition | undefined => registry.plugin(pluginId),
    /** The router mounted at `/api/trpc/<pluginId>` (`core` included; unhealthy plugins answer NOT_FOUND). */
    router: (pluginId: string): AnyRouter | undefined => mounts.get(pluginId)?.router,
    /** The folder a discovered plugin was loaded from (its web bundle lives there). */
    root: (pluginId: string): string | undefined => registry.record(pluginId)?.root,
    /** The permissions a role holds in an organization: core's and enabled plugins', with overrides; the owner holds all. */
    permissionsFor: async (organizationId: string, role: Role): Promise<ReadonlySet<string>> =>
      (await orgState(organizationId)).permissionsOf(role),
    /** The payload of `GET /api/plugins` for a session. */
    pluginsFor: (identity: SessionIdentity | null): Promise<PluginsPayload> =>
      buildPluginsPayload(registry, resolver, options.opsdeckVersion, identity),
    createContext,
    handle,
    fetch,
    /** A node:http handler: answers the API paths and returns true, or returns false for the next route. */
    nodeHandler(resolveSession: SessionResolver) {
      return async (req: IncomingMessage, res: ServerResponse, extra: HandleOptions = {}): Promise<boolean> => {
        const url = req.url ?? "/";
        const query = url.indexOf("?");
        const pathname = query < 0 ? url : url.slice(0, query);
        const download = downloadRoute(pathname);
        if (download) {
          const headers = { headers: new NodeHeaders(req.headers) };
          const requestId = extra.requestId ?? headers.headers.get("x-request-id")?.slice(0, 64) ?? randomUUID();
          await serveDownload({
            req,
            res,
            query: query < 0 ? "" : url.slice(query + 1),
            download: registry.plugin(download.pluginId)?.downloads?.[download.name],
            createContext: async () => createContext(download.pluginId, await resolveSession(headers), { ...extra, requestId }),
            logger: extra.logger ?? logger,
            requestId,
          });
          return true;
        }
        const found = route(pathname);
        if (!found && pathname !== "/api/plugins") return false;
        const mount = found && mounts.get(found.pluginId);
        if (found && mount && req.method === "GET") {
          // A query by GET needs only the headers: no body, no abort wiring.
          const request = { headers: new NodeHeaders(req.headers) };
          const requestId = extra.requestId ?? request.headers.get("x-request-id")?.slice(0, 64) ?? randomUUID();
          const answered = await tryFastQuery({
            router: mount.router,
            path: found.path,
            req,
            res,
            query: query < 0 ? "" : url.slice(query + 1),
            createContext: async () =>
              createContext(found.pluginId, await resolveSession(request), { ...extra, requestId }),
          });
          if (answered) return true;
        }
        const request = nodeRequest(req, res, MAX_BODY_BYTES) ?? toFetchRequest(req, res);
        const response = found
          ? await serve(found.pluginId, found.path, request, resolveSession, extra)
          : await pluginsResponse(request, resolveSession);
        await writeNodeResponse(res, response);
        return true;
      };
    },
    /** Enables or disables a plugin for an organization (as `core.plugins.enable/disable` does). */
    setEnabled: (tenant: TenantContext, pluginId: string, enabled: boolean) => platform.setEnabled(tenant, pluginId, enabled),
    /** Validates and saves a plugin's settings for an organization. */
    configure: (tenant: TenantContext, pluginId: string, patch: Record<string, unknown>) => platform.configure(tenant, pluginId, patch),
    /** A plugin's context for work in an organization outside a request (scripts, CLI). */
    taskContext: (pluginId: string, organizationId: string, extra: { actorUserId?: string | null } = {}): Promise<TaskContext> =>
      taskContextFor(tasks, pluginId, organizationId, extra),
    /**
     * The record validation rules of the plugins enabled in an organization, for a tenant context the host
     * did not make (the import job, the CLI): `{ ...tenant, recordValidator }`.
     */
    recordValidator: (organizationId: string) => resolver.recordValidator(organizationId),
    /**
     * Queues the plugins' scheduled jobs that are due in every organization (see `schedules` in the manifest);
     * a server calls it every minute. Returns how many it queued; without a job runner, none.
     */
    runSchedules: (now?: Date): Promise<number> =>
      options.jobs ? runSchedules({ db, registry, resolver, queue: options.jobs, logger }, now) : Promise.resolve(0),
    /** Runs a plugin's CLI sub-command; returns the exit code. */
    runCommand: (pluginId: string, command: string, input: { organizationId: string; args: CliArgs; io: CliIo; actorUserId?: string | null }) =>
      runPluginCommand(tasks, pluginId, command, input),
    /** Runs the seeds of the plugins enabled in an organization; returns the ids seeded. */
    seed: (organizationId: string, seedOptions: { scale: SeedScale; plugins?: string[] }) => seedPlugins(tasks, organizationId, seedOptions),
    /** Drops cached state (of one organization, or all), e.g. after a change made by another process. */
    invalidate(organizationId?: string) {
      resolver.invalidateOrganization(organizationId);
      if (!organizationId) resolver.invalidateUser();
    },
    /** Drops a user's cached memberships. */
    invalidateUser: (userId: string) => resolver.invalidateUser(userId),
  };
}
