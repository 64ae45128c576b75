import { PgTransaction } from "drizzle-orm/pg-core";
import type { Database } from "@opsdeck/db";
import type { TenantContext } from "../domain/context.ts";
import { OpsdeckError } from "../domain/errors.ts";
import { reportJobProgress } from "../services/jobs.ts";
import type { PipelineProgress } from "./pipeline.ts";

/** What `onProgress` receives after each batch. */
export interface ImportProgress extends PipelineProgress {
  /** Estimated data rows in the file, when its size is known. */
  estimatedTotal: number | null;
}

function isPglite(db: Database): boolean {
  const client = (db as { $client?: { constructor?: { name?: string }; waitReady?: unknown } }).$client;
  return Boolean(client && (client.waitReady !== undefined || client.constructor?.name === "PGlite"));
}

/**
 * The handle job progress is written with. On PostgreSQL it is the pool, outside the import's
 * transaction, so a user sees progress and can cancel while the import runs. PGlite is one connection
 * whose transaction blocks every other query until it ends (a query from outside would wait forever),
 * so there progress goes through the import's own transaction and only the caller's AbortSignal can stop
 * it midway.
 */
export function progressHandle(ctx: TenantContext, tx: Database): Database {
  if (ctx.db instanceof PgTransaction || isPglite(ctx.db)) return tx;
  return ctx.db;
}

export interface ProgressReporter {
  (progress: PipelineProgress): Promise<void>;
}

/** Reports each batch to the job (which throws CANCELLED when the user cancelled), the callback and the signal. */
export function progressReporter(
  ctx: TenantContext,
  tx: Database,
  options: {
    jobId?: string | undefined;
    onProgress?: ((progress: ImportProgress) => void | Promise<void>) | undefined;
    signal?: AbortSignal | undefined;
    estimate: (rows: number) => number | null;
  },
): ProgressReporter {
  const jobCtx: TenantContext = { ...ctx, db: progressHandle(ctx, tx) };
  return async (progress) => {
    if (options.signal?.aborted) throw new OpsdeckError("CANCELLED", "The import was cancelled.");
    const estimatedTotal = options.estimate(progress.rows);
    await options.onProgress?.({ ...progress, estimatedTotal });
    if (options.jobId) {
      await reportJobProgress(jobCtx, options.jobId, {
        done: progress.rows,
        total: estimatedTotal,
        message: `${progress.rows} rows read: ${progress.created} created, ${progress.updated} updated, ${progress.invalid} invalid`,
      });
    }
    if (options.signal?.aborted) throw new OpsdeckError("CANCELLED", "The import was cancelled.");
  };
}
