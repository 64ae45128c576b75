import type { Database, OpenedDatabase } from "@opsdeck/db";
import type { Logger } from "pino";
import type { TenantContext } from "../domain/context.ts";
import type { JobProgress, JobRow } from "../services/jobs.ts";
import type { BossTuning } from "./boss.ts";

/** What a job handler gets for one attempt. */
export interface JobContext<Input = unknown> {
  /** The organization the job belongs to, acting as the user who enqueued it. */
  readonly tenant: TenantContext;
  readonly jobId: string;
  readonly type: string;
  readonly input: Input;
  /** 1 for the first run, 2 for the first retry, … */
  readonly attempt: number;
  /**
   * Saves progress where users see it, and throws `OpsdeckError("CANCELLED")` once a user cancelled the
   * job: call it between units of work. Inside your own transaction on the embedded database, pass it
   * as `db` (PGlite has one connection, so a write from outside an open transaction waits for it
   * forever); on PostgreSQL progress is always written on its own connection, so users see it live.
   */
  progress(progress: JobProgress, options?: { db?: Database }): Promise<void>;
  /** Aborted when the job is cancelled or this process gives the job up (shutdown): stop, and throw. */
  readonly signal: AbortSignal;
  readonly logger: Logger;
}

/** Does the work of one job type; the value it returns is stored as the job's result (JSON). */
export type JobHandler<Input = unknown, Result = unknown> = (job: JobContext<Input>) => Promise<Result> | Result;

/** How a job type runs. Every attempt that did not finish counts against `retryLimit`: errors, crashes, shutdowns. */
export interface JobTypeOptions {
  /** Runs after the first that may follow a failure or an interruption (default 2; 0 for work that must never re-run). */
  retryLimit?: number;
  /** Seconds before a retry (default 2), doubled each time when `retryBackoff` (default true). */
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  /** The longest an attempt may run before it is failed (default 2 hours, at most 24). */
  expireInSeconds?: number;
  /**
   * On PostgreSQL, a worker proves every `heartbeatSeconds / 2` that it is alive; a job whose worker died
   * is retried after `heartbeatSeconds` (default 30, at least 10). Not used on the embedded database,
   * where a restarted process takes back every job left running.
   */
  heartbeatSeconds?: number;
  /** Attempts of this type one process runs at once (default: the runner's `concurrency`). */
  concurrency?: number;
}

export interface JobRunnerOptions {
  opened: OpenedDatabase;
  logger?: Logger;
  /** Attempts of each job type one process runs at once (default 2). */
  concurrency?: number;
  /** How often idle workers look for jobs besides being woken by NOTIFY (default 2 s, at least 0.5). */
  pollingIntervalSeconds?: number;
  /** How often running jobs of this process check for a cancel request between progress calls (default 2000). */
  cancelPollMs?: number;
  /** How often rows left `queued`/`running` by a job pg-boss already settled are corrected (default 60000). */
  reconcileIntervalMs?: number;
  /** Passed to pg-boss (maintenance intervals, pool size…). */
  pgBoss?: BossTuning;
}

export interface JobRunnerStopOptions {
  /** Let running handlers finish (up to `timeoutMs`) before releasing them (default true). */
  graceful?: boolean;
  /** Default 30000, at least 1000. */
  timeoutMs?: number;
}

/** The background job runner: `core.jobs` for users, pg-boss underneath for queueing and retries. */
export interface JobRunner {
  /** Declares a job type. Call it before `start()` (a type added later starts its workers at once). */
  register<Input = unknown, Result = unknown>(
    type: string,
    handler: JobHandler<Input, Result>,
    options?: JobTypeOptions,
  ): void;
  /**
   * Creates the job a user watches and queues it. With `db` (your transaction), both happen in it and
   * roll back with it; without, in a transaction of their own.
   */
  enqueue(tenant: TenantContext, type: string, input?: unknown, options?: { db?: Database }): Promise<JobRow>;
  /** Cancels a job: a queued one never runs; a running one stops at its next `progress()` and ends `cancelled`. */
  cancel(tenant: TenantContext, jobId: string): Promise<JobRow>;
  /** Starts the workers of every registered type and takes back what a crash left behind. */
  start(): Promise<void>;
  /** Stops taking work; running handlers get `timeoutMs` to finish, then are released for another worker. */
  stop(options?: JobRunnerStopOptions): Promise<void>;
}
