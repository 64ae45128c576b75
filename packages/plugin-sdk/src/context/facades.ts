import { createJob, emitCustomEvent, OpsdeckError, type JobRow, type TenantContext } from "@opsdeck/core";
import type { AnyPluginJob } from "../manifest/types.ts";
import type { JobQueue } from "../runtime/interfaces.ts";
import type { PluginEvents, PluginJobs } from "./types.ts";

/** What queuing a plugin's job needs: its declared jobs and, when the server runs one, the queue. */
export interface JobDispatch {
  readonly pluginId: string;
  readonly declared: Readonly<Record<string, AnyPluginJob>>;
  readonly queue?: JobQueue | undefined;
}

/**
 * The job type of a plugin's job: `<plugin id>.<name>`, dotted like core's own types (the runner takes
 * letters, digits, ".", "-", "_" and "/").
 */
export function jobType(pluginId: string, name: string): string {
  return `${pluginId}.${name}`;
}

function needTenant(tenant: TenantContext | null, what: string): TenantContext {
  if (!tenant) throw new OpsdeckError("UNAUTHORIZED", `Sign in to an organization to ${what}.`);
  return tenant;
}

/** `ctx.events`: writes `<plugin id>.<name>` events to the outbox through the context's handle. */
export class OutboxEvents implements PluginEvents {
  readonly #pluginId: string;
  readonly #tenant: TenantContext | null;

  constructor(pluginId: string, tenant: TenantContext | null) {
    this.#pluginId = pluginId;
    this.#tenant = tenant;
  }

  async emit(type: string, payload: Record<string, unknown>): Promise<void> {
    if (!type.startsWith(`${this.#pluginId}.`) || type.length <= this.#pluginId.length + 1) {
      throw new Error(`Plugin "${this.#pluginId}" may only emit events named "${this.#pluginId}.<name>", not "${type}".`);
    }
    await emitCustomEvent(needTenant(this.#tenant, "emit events"), type, payload);
  }
}

/**
 * `ctx.jobs`: validates the input, then hands the job to the queue; with no queue (tests, tools) the
 * job row is created and stays queued.
 */
export class QueuedJobs implements PluginJobs {
  readonly #dispatch: JobDispatch;
  readonly #tenant: TenantContext | null;
  readonly #inTransaction: boolean;

  constructor(dispatch: JobDispatch, tenant: TenantContext | null, inTransaction = false) {
    this.#dispatch = dispatch;
    this.#tenant = tenant;
    this.#inTransaction = inTransaction;
  }

  /** The same jobs inside a transaction: queued with it, rolled back with it. */
  rebind(tenant: TenantContext | null): QueuedJobs {
    return new QueuedJobs(this.#dispatch, tenant, true);
  }

  async enqueue(name: string, input?: unknown): Promise<JobRow> {
    const job = Object.hasOwn(this.#dispatch.declared, name) ? this.#dispatch.declared[name] : undefined;
    if (!job) throw new Error(`Plugin "${this.#dispatch.pluginId}" declares no job "${name}".`);
    const tenant = needTenant(this.#tenant, "start jobs");
    const parsed = job.input ? await job.input.parseAsync(input) : (input ?? null);
    const type = jobType(this.#dispatch.pluginId, name);
    const queue = this.#dispatch.queue;
    if (!queue) return createJob(tenant, type, parsed);
    return this.#inTransaction ? queue.enqueue(tenant, type, parsed, { db: tenant.db }) : queue.enqueue(tenant, type, parsed);
  }
}
