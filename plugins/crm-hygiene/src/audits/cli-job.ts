import { createJob, finishJob, isOpsdeckError, markJobRunning, reportJobProgress, type JobProgress } from "@opsdeck/core";
import type { CliIo, ProgressReporter, TaskContext } from "@opsdeck/plugin-sdk";

/**
 * Runs long work of a CLI command in this process as a job users see in the Jobs page (progress, cancel),
 * printing progress on stderr. Returns what `work` returns; the job ends succeeded, failed or cancelled.
 */
export async function runAsCliJob<T>(
  ctx: TaskContext,
  io: CliIo,
  type: string,
  input: unknown,
  work: (progress: ProgressReporter, jobId: string) => Promise<T>,
): Promise<T> {
  const job = await createJob(ctx.tenant, `${ctx.pluginId}.${type}`, input);
  await markJobRunning(ctx.tenant, job.id);
  let last = "";
  const progress: ProgressReporter = async (p: JobProgress, options) => {
    await reportJobProgress(options?.db ? { ...ctx.tenant, db: options.db } : ctx.tenant, job.id, p);
    const line = `${p.message ?? type}: ${p.done}${p.total ? `/${p.total}` : ""}`;
    if (line !== last) io.err(`${line}\n`);
    last = line;
  };
  try {
    const result = await work(progress, job.id);
    await finishJob(ctx.tenant, job.id, { status: "succeeded", result });
    return result;
  } catch (err) {
    const cancelled = isOpsdeckError(err) && err.code === "CANCELLED";
    await finishJob(ctx.tenant, job.id, { status: cancelled ? "cancelled" : "failed", error: err instanceof Error ? err.message : String(err) });
    throw err;
  }
}
