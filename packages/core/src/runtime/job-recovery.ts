import { and, eq, inArray, sql } from "drizzle-orm";
import { queryRows, type Database } from "@opsdeck/db";
import type { PgBoss } from "pg-boss";
import type { Logger } from "pino";
import { jobs } from "../schema/tables.ts";
import { BOSS_SCHEMA } from "./boss.ts";

const RECONCILE_BATCH = 200;

/**
 * On the embedded database one process holds the folder (the lock in @opsdeck/db), so at start every
 * job pg-boss still has `active` was left by a process that died. Failing them hands them to pg-boss's
 * retry at once, instead of waiting out an expiry. Never called on PostgreSQL, where other live
 * processes may be running those jobs; heartbeats cover crashes there.
 */
export async function releaseOrphanedJobs(db: Database, boss: PgBoss, logger: Logger): Promise<number> {
  const rows = await queryRows<{ id: string; name: string }>(
    db,
    sql`select id::text as id, name from ${sql.raw(BOSS_SCHEMA)}.job where state = 'active' and left(name, 8) <> '__pgboss'`,
  );
  const byQueue = Map.groupBy(rows, (r) => r.name);
  for (const [name, list] of byQueue) {
    await boss.fail(name, list.map((r) => r.id), { message: "The server stopped while this job was running." });
  }
  if (rows.length) logger.warn({ count: rows.length }, "released jobs left running by a stopped process");
  return rows.length;
}

/** Cancels a job pg-boss would still start (created or waiting for a retry). */
export async function cancelPendingBossJob(db: Database, type: string, jobId: string): Promise<void> {
  await db.execute(
    sql`update ${sql.raw(BOSS_SCHEMA)}.job set state = 'cancelled', completed_on = now()
        where name = ${type} and id = ${jobId} and state in ('created', 'retry')`,
  );
}

/**
 * Corrects core.jobs rows still `queued`/`running` whose pg-boss job is settled or gone: a job whose
 * last attempt died with its process (heartbeat lost, expiry) was failed by pg-boss's supervisor, which
 * knows nothing of core.jobs. Reads across organizations because it serves the whole deployment; each
 * write is still scoped to the row's organization. Both sides share the job id (see `enqueue`).
 */
export async function reconcileJobRows(db: Database, types: string[], logger: Logger) {
  if (types.length === 0) return 0;
  const stale = await queryRows<{
    id: string;
    organization_id: string;
    state: string | null;
    output: unknown;
  }>(
    db,
    sql`select j.id, j.organization_id, b.state::text as state, b.output
        from core.jobs j
        left join ${sql.raw(BOSS_SCHEMA)}.job b on b.name = j.type and b.id = j.id
        where j.status in ('queued', 'running')
          and j.type in (${sql.join(types.map((t) => sql`${t}`), sql`, `)})
          and (b.id is null or b.state in ('completed', 'cancelled', 'failed'))
        limit ${RECONCILE_BATCH}`,
  );
  let fixed = 0;
  for (const row of stale) {
    const outcome =
      row.state === "completed"
        ? { status: "succeeded" as const, message: "Finished", error: null }
        : row.state === "cancelled"
          ? { status: "cancelled" as const, message: "Cancelled", error: null }
          : {
              status: "failed" as const,
              message: "Interrupted",
              error: row.state === "failed" ? describeBossFailure(row.output) : "The job's queue entry is gone.",
            };
    const done = await db
      .update(jobs)
      .set({ ...outcome, finishedAt: new Date() })
      .where(
        and(
          eq(jobs.organizationId, row.organization_id),
          eq(jobs.id, row.id),
          inArray(jobs.status, ["queued", "running"]),
        ),
      )
      .returning({ id: jobs.id });
    fixed += done.length;
  }
  if (fixed) logger.warn({ count: fixed }, "corrected jobs that pg-boss had already settled");
  return fixed;
}

/** pg-boss's own failure texts, in words a user can act on. */
function describeBossFailure(raw: unknown): string {
  const output: unknown = typeof raw === "string" ? JSON.parse(raw) : raw;
  const message = typeof output === "object" && output && "message" in output ? String(output.message) : "";
  if (/heartbeat/.test(message)) return "The worker running the job stopped responding, and no retries were left.";
  if (/timed out|exceeded/.test(message)) return "The job ran longer than its time limit, and no retries were left.";
  if (/shut down|stopped/.test(message)) return "The server stopped while the job was running, and no retries were left.";
  return message ? `The job failed: ${message}` : "The job failed.";
}
