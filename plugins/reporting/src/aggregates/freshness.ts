import { queryRows, type Database } from "@opsdeck/db";
import { sql } from "drizzle-orm";
import type { PluginJobs } from "@opsdeck/plugin-sdk";

/** The job that sweeps or rebuilds the aggregates (`reporting.refresh-aggregates`). */
export const REFRESH_JOB = "refresh-aggregates";
/** Answers older than this ask for a sweep in the background (the answer itself is not delayed). */
export const STALE_AFTER_MS = 60_000;
/** A refresh asked for and not done after this long (a dead worker, say) is asked for again. */
const RETRY_AFTER_MS = 10 * 60_000;

export interface Freshness {
  /** Every change committed before this instant is counted; null before the first build. */
  asOf: Date | null;
  builtAt: Date | null;
  refreshing: boolean;
}

const toDate = (v: string | Date | null | undefined) => (v == null ? null : new Date(v));

export async function readFreshness(db: Database, organizationId: string): Promise<Freshness> {
  const [row] = await queryRows<{ as_of: string | null; built_at: string | null; refresh_requested_at: string | null }>(
    db,
    sql`select as_of, built_at, refresh_requested_at from plugin_reporting.metric_state where organization_id = ${organizationId}::uuid`,
  );
  return { asOf: toDate(row?.as_of), builtAt: toDate(row?.built_at), refreshing: row?.refresh_requested_at != null };
}

/**
 * Queues a refresh when the aggregates are missing or older than STALE_AFTER_MS, at most one at a time (the
 * request is recorded in metric_state in the same statement that checks for one).
 */
export async function requestRefreshIfStale(db: Database, organizationId: string, jobs: PluginJobs, now = new Date()): Promise<boolean> {
  const staleBefore = new Date(now.getTime() - STALE_AFTER_MS).toISOString();
  const retryBefore = new Date(now.getTime() - RETRY_AFTER_MS).toISOString();
  const claimed = await queryRows<{ organization_id: string }>(
    db,
    sql`insert into plugin_reporting.metric_state as s (organization_id, time_zone, refresh_requested_at)
      values (${organizationId}::uuid, '', ${now.toISOString()}::timestamptz)
      on conflict (organization_id) do update set refresh_requested_at = excluded.refresh_requested_at
      where (s.as_of is null or s.as_of < ${staleBefore}::timestamptz)
        and (s.refresh_requested_at is null or s.refresh_requested_at < ${retryBefore}::timestamptz)
      returning s.organization_id`,
  );
  if (!claimed.length) return false;
  await jobs.enqueue(REFRESH_JOB, {});
  return true;
}
