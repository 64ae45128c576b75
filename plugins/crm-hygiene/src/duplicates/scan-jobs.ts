// The duplicate jobs of an organization as the page shows them: the latest scan or bulk merge per entity, with
// progress, and cancelling one (it stops at its next progress report; a scan then changes nothing).
import { getJob, notFound, OpsdeckError, requestJobCancel, type JobRow, type TenantContext } from "@opsdeck/core";
import { jobs } from "@opsdeck/core/schema";
import { and, desc, eq, inArray, sql } from "drizzle-orm";

export const DUPLICATE_JOB_TYPES = ["crm-hygiene.duplicates-scan", "crm-hygiene.duplicates-bulk-merge"] as const;

/** The latest duplicate jobs (scan and bulk merge) of an entity, newest first. */
export async function latestDuplicateJobs(ctx: TenantContext, entity: string, limit = 5): Promise<JobRow[]> {
  return ctx.db
    .select()
    .from(jobs)
    .where(and(eq(jobs.organizationId, ctx.organizationId), inArray(jobs.type, [...DUPLICATE_JOB_TYPES]), sql`${jobs.input}->>'entity' = ${entity}`))
    .orderBy(desc(jobs.createdAt))
    .limit(limit);
}

export async function cancelDuplicateJob(ctx: TenantContext, jobId: string): Promise<JobRow> {
  const job = await getJob(ctx, jobId);
  if (!(DUPLICATE_JOB_TYPES as readonly string[]).includes(job.type)) throw notFound("Job");
  return requestJobCancel(ctx, jobId);
}

/** Refuses a second scan or bulk merge of an entity while one is queued or running (CONFLICT). */
export async function assertNoDuplicateJobRunning(ctx: TenantContext, entity: string): Promise<void> {
  const active = (await latestDuplicateJobs(ctx, entity)).find((j) => j.status === "queued" || j.status === "running");
  if (active) throw new OpsdeckError("CONFLICT", "A duplicate scan or bulk merge of these records is already running; wait for it or cancel it.");
}
