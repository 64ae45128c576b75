import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { TenantContext } from "../domain/context.ts";
import { OpsdeckError, notFound } from "../domain/errors.ts";
import { jobs } from "../schema/tables.ts";

export type JobRow = typeof jobs.$inferSelect;

export interface JobProgress {
  done: number;
  total?: number | null | undefined;
  message?: string | undefined;
}

/** Creates the record a user watches for a piece of long work. */
export async function createJob(ctx: TenantContext, type: string, input: unknown = null): Promise<JobRow> {
  const [row] = await ctx.db
    .insert(jobs)
    .values({ organizationId: ctx.organizationId, type, input, createdByUserId: ctx.actorUserId })
    .returning();
  return row!;
}

export async function getJob(ctx: TenantContext, jobId: string): Promise<JobRow> {
  const [row] = await ctx.db
    .select()
    .from(jobs)
    .where(and(eq(jobs.organizationId, ctx.organizationId), eq(jobs.id, jobId)));
  if (!row) throw notFound("Job");
  return row;
}

export async function listJobs(ctx: TenantContext, options: { limit?: number; status?: JobRow["status"][] } = {}) {
  const where = [eq(jobs.organizationId, ctx.organizationId)];
  if (options.status?.length) where.push(inArray(jobs.status, options.status));
  return ctx.db
    .select()
    .from(jobs)
    .where(and(...where))
    .orderBy(desc(jobs.createdAt))
    .limit(options.limit ?? 50);
}

export async function markJobRunning(ctx: TenantContext, jobId: string): Promise<void> {
  await ctx.db
    .update(jobs)
    .set({ status: "running", startedAt: new Date(), error: null })
    .where(and(eq(jobs.organizationId, ctx.organizationId), eq(jobs.id, jobId)));
}

/**
 * Saves progress and tells the worker whether to go on: throws `CANCELLED` once a user asked to cancel,
 * so long work stops at its next progress report.
 */
export async function reportJobProgress(ctx: TenantContext, jobId: string, progress: JobProgress): Promise<void> {
  const [row] = await ctx.db
    .update(jobs)
    .set({
      progressDone: progress.done,
      ...(progress.total !== undefined ? { progressTotal: progress.total } : {}),
      ...(progress.message !== undefined ? { message: progress.message } : {}),
    })
    .where(and(eq(jobs.organizationId, ctx.organizationId), eq(jobs.id, jobId)))
    .returning({ cancelRequested: jobs.cancelRequested });
  if (row?.cancelRequested) throw new OpsdeckError("CANCELLED", "The job was cancelled.");
}

export async function isJobCancelRequested(ctx: TenantContext, jobId: string): Promise<boolean> {
  const [row] = await ctx.db
    .select({ cancelRequested: jobs.cancelRequested })
    .from(jobs)
    .where(and(eq(jobs.organizationId, ctx.organizationId), eq(jobs.id, jobId)));
  return row?.cancelRequested ?? false;
}

export async function finishJob(
  ctx: TenantContext,
  jobId: string,
  outcome: { status: "succeeded" | "failed" | "cancelled"; result?: unknown; error?: string; message?: string },
): Promise<void> {
  await ctx.db
    .update(jobs)
    .set({
      status: outcome.status,
      result: outcome.result ?? null,
      error: outcome.error ?? null,
      ...(outcome.message !== undefined ? { message: outcome.message } : {}),
      finishedAt: new Date(),
    })
    .where(and(eq(jobs.organizationId, ctx.organizationId), eq(jobs.id, jobId)));
}

/**
 * Asks a job to stop. A queued job is cancelled at once; a running one stops at its next progress report.
 * One conditional update, so a worker starting the job at the same moment cannot be overwritten.
 */
export async function requestJobCancel(ctx: TenantContext, jobId: string): Promise<JobRow> {
  const [row] = await ctx.db
    .update(jobs)
    .set({
      cancelRequested: true,
      status: sql`case when ${jobs.status} = 'queued' then 'cancelled' else ${jobs.status} end`,
      finishedAt: sql`case when ${jobs.status} = 'queued' then now() else ${jobs.finishedAt} end`,
      message: sql`case when ${jobs.status} = 'queued' then 'Cancelled before it started' else ${jobs.message} end`,
    })
    .where(and(eq(jobs.organizationId, ctx.organizationId), eq(jobs.id, jobId), inArray(jobs.status, ["queued", "running"])))
    .returning();
  if (row) return row;
  const job = await getJob(ctx, jobId);
  throw new OpsdeckError("CONFLICT", `The job has already ${job.status === "cancelled" ? "been cancelled" : "finished"}.`);
}
