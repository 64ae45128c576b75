import type { Backend, Database } from "@opsdeck/db";
import type { JobWithMetadata } from "pg-boss";
import type { Logger } from "pino";
import { systemContext, withDb, type TenantContext } from "../domain/context.ts";
import { OpsdeckError, isOpsdeckError } from "../domain/errors.ts";
import type { JobProgress } from "../services/jobs.ts";
import { claimJobRow, finishAttempt, safeErrorMessage, writeProgress } from "./job-rows.ts";
import type { JobHandler } from "./job-types.ts";

/** What pg-boss carries for a job: only the keys; the input lives in core.jobs. */
export interface JobPayload {
  jobId: string;
  organizationId: string;
}

/** One attempt running in this process, so a cancel can abort it at once. */
export interface RunningAttempt {
  readonly jobId: string;
  readonly cancel: AbortController;
}

export interface AttemptEnv {
  readonly db: Database;
  readonly backend: Backend;
  readonly logger: Logger;
  readonly running: Map<string, RunningAttempt>;
  /** Takes a job's pending retry out of pg-boss (its work got done after all). */
  readonly dropRetry: (type: string, jobId: string) => Promise<void>;
}

/** Thrown by `progress()` in an attempt that lost its job to another attempt: it must stop. */
class AttemptLostError extends Error {
  constructor() {
    super("This attempt no longer owns the job.");
    this.name = "AttemptLostError";
  }
}

const cancelledError = () => new OpsdeckError("CANCELLED", "The job was cancelled.");

/**
 * Runs one pg-boss job through its handler and mirrors the outcome on core.jobs. Resolves when pg-boss
 * should complete the job (success, cancel, nothing to do) and rejects when it should fail it, which
 * pg-boss turns into a retry while the type's `retryLimit` allows.
 */
export async function runAttempt(
  env: AttemptEnv,
  handler: JobHandler,
  job: JobWithMetadata<JobPayload>,
): Promise<void> {
  const { jobId, organizationId } = job.data;
  const system = systemContext(env.db, organizationId);
  const log = env.logger.child({ jobId, type: job.name, attempt: job.retryCount + 1 });
  const claim = await claimJobRow(system, jobId);
  if (claim.kind === "skip") {
    log.info({ reason: claim.reason }, "job not run");
    return;
  }
  const { row, fence } = claim;
  const tenant: TenantContext = { db: env.db, organizationId, actorUserId: row.createdByUserId };
  const cancel = new AbortController();
  const signal = AbortSignal.any([job.signal, cancel.signal]);
  env.running.set(jobId, { jobId, cancel });

  const progress = async (p: JobProgress, options: { db?: Database } = {}) => {
    signal.throwIfAborted();
    // Only PGlite needs the caller's transaction; on PostgreSQL it would hide progress until commit.
    const db = env.backend === "pglite" && options.db ? options.db : env.db;
    const state = await writeProgress(withDb(system, db), jobId, fence, p);
    if (state === "cancel") {
      cancel.abort(cancelledError());
      throw cancelledError();
    }
    if (state === "lost") throw new AttemptLostError();
  };

  try {
    const result = await handler({
      tenant,
      jobId,
      type: job.name,
      input: row.input,
      attempt: job.retryCount + 1,
      progress,
      signal,
      logger: log,
    });
    const done = await finishAttempt(system, jobId, fence, { status: "succeeded", result: toJson(result) });
    // Released by pg-boss while finishing: the work is done, so the retry it queued must not run it again.
    if (done && job.signal.aborted) await env.dropRetry(job.name, jobId);
    log.info("job succeeded");
  } catch (err) {
    if (err instanceof AttemptLostError) return log.warn("job taken over by another attempt");
    if (cancel.signal.aborted || (isOpsdeckError(err) && err.code === "CANCELLED")) {
      await finishAttempt(system, jobId, fence, { status: "cancelled", message: "Cancelled" });
      return log.info("job cancelled");
    }
    if (job.signal.aborted) return await released(system, job, fence, log);
    const error = safeErrorMessage(err);
    const final = job.retryCount >= job.retryLimit;
    await finishAttempt(
      system,
      jobId,
      fence,
      final
        ? { status: "failed", error, message: `Failed after ${job.retryCount + 1} attempt(s)` }
        : { status: "queued", error, message: `Attempt ${job.retryCount + 1} failed; it will be retried` },
    );
    log.warn({ err }, final ? "job failed" : "job attempt failed; pg-boss will retry it");
    throw err;
  } finally {
    env.running.delete(jobId);
  }
}

/**
 * pg-boss gave this attempt up (shutdown grace spent, expiry, or its claim went to another worker) and
 * has already failed it on its side: show what happens next, unless another attempt owns the row now.
 */
async function released(system: TenantContext, job: JobWithMetadata<JobPayload>, fence: Date, log: Logger) {
  const reason = job.signal.reason instanceof Error ? job.signal.reason.message : "interrupted";
  const retry = job.retryCount < job.retryLimit;
  await finishAttempt(
    system,
    job.data.jobId,
    fence,
    retry
      ? { status: "queued", error: null, message: "Interrupted; it will run again" }
      : { status: "failed", error: `Interrupted with no retries left (${reason}).`, message: "Interrupted" },
  );
  log.warn({ reason, retry }, "job attempt released");
}

/** Results are stored as JSON: `undefined` becomes null, and what JSON cannot hold is dropped. */
function toJson(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value)) as unknown;
}
