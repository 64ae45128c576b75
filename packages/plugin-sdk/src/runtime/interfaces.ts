import type { JobProgress, JobRow, TenantContext } from "@opsdeck/core";
import type { Database } from "@opsdeck/db";
import type { Logger } from "../logger.ts";

/*
 * What the host needs from the job runner and the event dispatcher (core's `runtime/`, on pg-boss). Plain
 * structural types, shaped like core's JobRunner, so the server passes the runner as it is, core never
 * imports the SDK, and tests pass fakes.
 */

/** One attempt of a job, as the runner hands it to a handler. */
export interface JobInvocation {
  /** The organization the job belongs to, acting as the user who queued it (or the system). */
  readonly tenant: TenantContext;
  readonly jobId: string;
  readonly type: string;
  readonly input: unknown;
  /**
   * Saves progress; throws an OpsdeckError `CANCELLED` once a user asked the job to stop. Inside your
   * own transaction on the embedded database, pass it as `db`.
   */
  progress(progress: JobProgress, options?: { db?: Database }): Promise<void>;
  readonly signal?: AbortSignal | undefined;
  readonly logger?: Logger | undefined;
}

/** Runs a job; what it returns is stored as the job's result. */
export type JobHandler = (invocation: JobInvocation) => Promise<unknown>;

export interface JobQueue {
  /**
   * Creates the job (its `core.jobs` row) and queues it; with `db` (a transaction) both happen in it
   * and roll back with it.
   */
  enqueue(tenant: TenantContext, type: string, input?: unknown, options?: { db?: Database }): Promise<JobRow>;
  /** Cancels a job: a queued one never runs; a running one stops at its next progress report. */
  cancel(tenant: TenantContext, jobId: string): Promise<JobRow>;
  /** Registers the code that runs jobs of a type (`<plugin id>.<job name>`). */
  register(type: string, handler: JobHandler): void;
}

/** An event of the outbox (`core.events`), as the dispatcher delivers it. */
export interface OutboxEvent {
  id: number;
  organizationId: string;
  type: string;
  payload: unknown;
  actorUserId: string | null;
  createdAt: Date;
}

/** Handles one delivery of an event; it may run more than once for the same event, so it is idempotent. */
export type OutboxEventHandler = (event: OutboxEvent, tenant: TenantContext) => Promise<void>;

/**
 * What the host needs from the event dispatcher: named subscribers, each delivery at least once. The host
 * subscribes each plugin handler as `<plugin id>:<event type>`.
 */
export interface EventBus {
  subscribe(subscriber: string, eventType: string, handler: OutboxEventHandler): void;
}
