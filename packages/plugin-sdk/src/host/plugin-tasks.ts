import { notFound, OpsdeckError } from "@opsdeck/core";
import type { Database } from "@opsdeck/db";
import { createTaskContext } from "../context/create-context.ts";
import { jobType, type JobDispatch } from "../context/facades.ts";
import type { TaskContext } from "../context/types.ts";
import type { Logger } from "../logger.ts";
import type { AnyPluginDefinition, CliArgs, CliIo, SeedScale } from "../manifest/types.ts";
import type { EventBus, JobQueue } from "../runtime/interfaces.ts";
import type { ContextResolver } from "./context-resolver.ts";
import { recordValidatorFor } from "./record-validators.ts";
import { slotLookupFor } from "./slot-contributions.ts";
import type { PluginRegistry } from "./registry.ts";

export interface TaskDeps {
  db: Database;
  registry: PluginRegistry;
  resolver: ContextResolver;
  dispatch(pluginId: string): JobDispatch;
  logger(pluginId: string): Logger;
}

/** A plugin's context for work in one organization, outside any request. */
export async function taskContextFor(
  deps: TaskDeps,
  pluginId: string,
  organizationId: string,
  options: { actorUserId?: string | null; requestId?: string; logger?: Logger | undefined; db?: Database } = {},
): Promise<TaskContext> {
  const plugin = deps.registry.plugin(pluginId);
  if (!plugin) throw notFound(`Plugin "${pluginId}"`);
  const state = await deps.resolver.orgState(organizationId);
  if (!state) throw notFound("Organization");
  if (!state.isEnabled(pluginId)) {
    throw new OpsdeckError("PLUGIN_DISABLED", `The plugin "${pluginId}" is disabled for this organization.`);
  }
  return createTaskContext({
    pluginId,
    db: options.db ?? deps.db,
    organization: state.organization,
    actorUserId: options.actorUserId ?? null,
    settings: state.settingsOf(pluginId),
    requestId: options.requestId,
    logger: options.logger ?? deps.logger(pluginId),
    jobs: deps.dispatch(pluginId),
    recordValidator: recordValidatorFor(deps.registry, state),
    slotContributions: slotLookupFor(deps.registry, state),
  });
}

/**
 * Hands each healthy plugin's jobs to the runner (as `<plugin id>.<name>`) and its event handlers to the
 * dispatcher (subscriber `<plugin id>:<event type>`). A job of a plugin disabled meanwhile fails with PLUGIN_DISABLED;
 * an event for an organization where the plugin is off is acknowledged without running the handler.
 */
export function registerRuntime(deps: TaskDeps, runtime: { jobs?: JobQueue | undefined; events?: EventBus | undefined }): void {
  for (const plugin of deps.registry.healthy) {
    if (runtime.jobs) registerJobs(deps, runtime.jobs, plugin);
    if (runtime.events) subscribeEvents(deps, runtime.events, plugin);
  }
}

function registerJobs(deps: TaskDeps, queue: JobQueue, plugin: AnyPluginDefinition) {
  for (const [name, job] of Object.entries(plugin.jobs ?? {})) {
    queue.register(jobType(plugin.id, name), async (invocation) => {
      const ctx = await taskContextFor(deps, plugin.id, invocation.tenant.organizationId, {
        actorUserId: invocation.tenant.actorUserId,
        requestId: invocation.jobId,
        logger: invocation.logger,
        db: invocation.tenant.db,
      });
      const input: unknown = job.input ? await job.input.parseAsync(invocation.input) : invocation.input;
      return job.run(ctx, input as never, (progress, options) => invocation.progress(progress, options));
    });
  }
}

function subscribeEvents(deps: TaskDeps, bus: EventBus, plugin: AnyPluginDefinition) {
  for (const [type, handler] of Object.entries(plugin.events ?? {})) {
    // One subscriber per handler: the dispatcher keeps one delivery row per (event, subscriber).
    bus.subscribe(`${plugin.id}:${type}`, type, async (event, tenant) => {
      const state = await deps.resolver.orgState(tenant.organizationId);
      if (!state?.isEnabled(plugin.id)) return;
      const ctx = await taskContextFor(deps, plugin.id, tenant.organizationId, {
        actorUserId: event.actorUserId,
        requestId: `event-${event.id}`,
        db: tenant.db,
      });
      await handler(ctx, event);
    });
  }
}

function coerce(type: "string" | "boolean" | "number", value: unknown): string | boolean | number | undefined {
  if (value === undefined) return undefined;
  if (type === "boolean") return value === true || value === "true" || value === "1" || value === "yes";
  if (type === "number") {
    const n = typeof value === "number" ? value : Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** Runs `opsdeck <plugin id> <command>` in an organization; returns the exit code. */
export async function runPluginCommand(
  deps: TaskDeps,
  pluginId: string,
  commandName: string,
  input: { organizationId: string; args: CliArgs; io: CliIo; actorUserId?: string | null },
): Promise<number> {
  const command = deps.registry.plugin(pluginId)?.cli?.find((c) => c.name === commandName);
  if (!command) throw notFound(`Command "${pluginId} ${commandName}"`);
  const args: CliArgs = { ...input.args };
  for (const option of command.options ?? []) {
    const value = coerce(option.type, args[option.name] ?? option.default);
    if (value === undefined && option.required) {
      input.io.err(`Missing --${option.name}: ${option.description}\n`);
      return 2;
    }
    args[option.name] = value;
  }
  const ctx = await taskContextFor(deps, pluginId, input.organizationId, { actorUserId: input.actorUserId ?? null });
  return (await command.run(ctx, args, input.io)) ?? 0;
}

/** Runs the seed of every healthy plugin enabled in the organization, a plugin after those it requires. */
export async function seedPlugins(
  deps: TaskDeps,
  organizationId: string,
  options: { scale: SeedScale; plugins?: string[] | undefined },
): Promise<string[]> {
  const state = await deps.resolver.orgState(organizationId);
  if (!state) throw notFound("Organization");
  const seeded: string[] = [];
  for (const plugin of deps.registry.healthy) {
    if (!plugin.seed || !state.isEnabled(plugin.id)) continue;
    if (options.plugins && !options.plugins.includes(plugin.id)) continue;
    const ctx = await taskContextFor(deps, plugin.id, organizationId);
    await plugin.seed(ctx, { scale: options.scale });
    seeded.push(plugin.id);
  }
  return seeded;
}
