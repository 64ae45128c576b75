import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@opsdeck/db";
import type { TenantContext } from "../domain/context.ts";
import { jobs } from "../schema/tables.ts";
import type { JobProgress, JobRow } from "../services/jobs.ts";

/*
 * The writes one attempt of a job makes to its core.jobs row. Each attempt stamps `started_at` with its
 * own time and every later write matches on it: that stamp is the attempt's fence, so an attempt that
 * pg-boss gave up on (shutdown, expiry, lost heartbeat) can never overwrite the row of the attempt
 * that replaced it.
 */

export type AttemptClaim =
  | { kind: "run"; row: JobRow; fence: Date }
  | { kind: "skip"; reason: "gone" | "cancelled" | "finished" };

const MAX_ERROR_LENGTH = 2000;

/** Marks the job running for a new attempt, unless it was cancelled, finished or deleted meanwhile. */
export async function claimJobRow(ctx: TenantContext, jobId: string): Promise<AttemptClaim> {
  const fence = new Date();
  const [row] = await ctx.db
    .update(jobs)
    .set({ status: "running", startedAt: fence, finishedAt: null })
    .where(
      and(
        eq(jobs.organizationId, ctx.organizationId),
        eq(jobs.id, jobId),
        inArray(jobs.status, ["queued", "running"]),
        eq(jobs.cancelRequested, false),
      ),
    )
    .returning();
  if (row) return { kind: "run", row, fence };

  const [current] = await ctx.db
    .select()
    .from(jobs)
    .where(and(eq(jobs.organizationId, ctx.organizationId), eq(jobs.id, jobId)));
  if (!current) return { kind: "skip", reason: "gone" };
  if (current.status === "queued" || current.status === "running") {
    // Cancel was asked while pg-boss was handing the job out: it never starts.
    await ctx.db
      .update(jobs)
      .set({ status: "cancelled", finishedAt: new Date(), message: "Cancelled before it started" })
      .where(and(eq(jobs.organizationId, ctx.organizationId), eq(jobs.id, jobId)));
    return { kind: "skip", reason: "cancelled" };
  }
  return { kind: "skip", reason: current.status === "cancelled" ? "cancelled" : "finished" };
}

/** Saves progress for the attempt holding `fence`; tells whether it should go on. */
export async function writeProgress(
  ctx: TenantContext,
  jobId: string,
  fence: Date,
  progress: JobProgress,
): Promise<"continue" | "cancel" | "lost"> {
  const [row] = await ctx.db
    .update(jobs)
    .set({
      progressDone: progress.done,
      ...(progress.total !== undefined ? { progressTotal: progress.total } : {}),
      ...(progress.message !== undefined ? { message: progress.message } : {}),
    })
    .where(attemptOwns(ctx, jobId, fence, ["running"]))
    .returning({ cancelRequested: jobs.cancelRequested });
  if (!row) return "lost";
  return row.cancelRequested ? "cancel" : "continue";
}

export type AttemptOutcome =
  | { status: "succeeded"; result: unknown; message?: string | undefined }
  | { status: "failed"; error: string; message: string }
  | { status: "cancelled"; message: string }
  | { status: "queued"; error: string | null; message: string };

/**
 * Ends the attempt: a final status, or back to `queued` when pg-boss will run it again. A success also
 * lands on a row a racing cancel marked `cancelled`, because the work did happen.
 */
export async function finishAttempt(ctx: TenantContext, jobId: string, fence: Date, outcome: AttemptOutcome) {
  const from: JobRow["status"][] = outcome.status === "succeeded" ? ["running", "cancelled"] : ["running"];
  const values =
    outcome.status === "succeeded"
      ? {
          status: outcome.status,
          result: outcome.result ?? null,
          error: null,
          finishedAt: new Date(),
          // The handler's last progress message stays unless there is something to add.
          ...(outcome.message !== undefined ? { message: outcome.message } : {}),
        }
      : outcome.status === "queued"
        ? { status: outcome.status, error: outcome.error ? clip(outcome.error) : null, message: outcome.message }
        : {
            status: outcome.status,
            error: outcome.status === "failed" ? clip(outcome.error) : null,
            message: outcome.message,
            finishedAt: new Date(),
          };
  const updated = await ctx.db
    .update(jobs)
    .set(values)
    .where(attemptOwns(ctx, jobId, fence, from))
    .returning({ id: jobs.id });
  return updated.length === 1;
}

/** Ids among `jobIds` whose cancel was requested. Runs across organizations: it polls this process's own jobs. */
export async function cancelRequestedAmong(db: Database, jobIds: string[]): Promise<Set<string>> {
  if (jobIds.length === 0) return new Set();
  const rows = await db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(inArray(jobs.id, jobIds), eq(jobs.cancelRequested, true)));
  return new Set(rows.map((r) => r.id));
}

/** The error text a user may see: the message only, never a stack, and bounded. */
export function safeErrorMessage(err: unknown): string {
  const text = err instanceof Error ? err.message : typeof err === "string" ? err : "The job failed.";
  return clip(text.trim() || "The job failed.");
}

function clip(text: string): string {
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}

function attemptOwns(ctx: TenantContext, jobId: string, fence: Date, statuses: JobRow["status"][]) {
  return and(
    eq(jobs.organizationId, ctx.organizationId),
    eq(jobs.id, jobId),
    eq(jobs.startedAt, fence),
    inArray(jobs.status, statuses),
  );
}
