import { sql } from "drizzle-orm";
import { queryRows, type Database } from "@opsdeck/db";
import { eventDeliveries } from "../schema/tables.ts";

/*
 * Fan-out turns each new core.events row into one core.event_deliveries row per matching subscriber.
 * A marker delivery for the pseudo-subscriber "$fanout" records that an event was fanned out, in the
 * same statement as its deliveries, so two processes doing it at once insert each row once.
 *
 * "New" is found from a frontier: every event id at or below it is fanned out (or will never exist).
 * Ids are handed out before commit, so a transaction can commit id 7 after id 8 was visible: a missing
 * id is a gap the frontier waits at. A gap is given up (the id was rolled back) only once every
 * transaction of this database that was running after the gap was seen has ended (read from pg_locks:
 * each transaction holds a lock on its own id). Gaps never delay delivery: events past a gap are
 * fanned out at once; a gap only keeps the next scans starting below it.
 */

export const FANOUT_MARK = "$fanout";
/** After a restart the frontier is not known; rescan this many ids below the last fanned-out event. */
const RESTART_LOOKBACK = 10_000;
const SCAN_WINDOW = 1_000;
const INSERT_CHUNK = 1_000;

export interface Subscription {
  readonly subscriber: string;
  readonly eventType: string;
}

interface Gap {
  seenAt: number;
  /** The transactions running once the grace passed: the gap's own, if any, is among them. */
  holders: Set<string> | null;
}

export interface FanoutState {
  frontier: number | null;
  readonly gaps: Map<number, Gap>;
  /** A gap is looked at only after this long, so the transaction holding it surely has its xid by then. */
  readonly gapGraceMs: number;
}

export function createFanoutState(gapGraceMs = 5_000): FanoutState {
  return { frontier: null, gaps: new Map(), gapGraceMs };
}

/** Fans out up to `limit` new events; returns how many. */
export async function fanOutNewEvents(
  db: Database,
  subscriptions: readonly Subscription[],
  state: FanoutState,
  limit = 500,
): Promise<number> {
  state.frontier ??= await loadFrontier(db);
  const fresh = await queryRows<{ id: number | string; type: string }>(
    db,
    sql`select e.id, e.type from core.events e
        where e.id > ${state.frontier}
          and not exists (
            select 1 from core.event_deliveries d where d.event_id = e.id and d.subscriber = ${FANOUT_MARK}
          )
        order by e.id
        limit ${limit}`,
  );
  const rows: (typeof eventDeliveries.$inferInsert)[] = [];
  const now = new Date();
  for (const event of fresh) {
    const eventId = Number(event.id);
    for (const s of subscriptions) {
      if (s.eventType === "*" || s.eventType === event.type) rows.push({ eventId, subscriber: s.subscriber });
    }
    rows.push({ eventId, subscriber: FANOUT_MARK, status: "delivered", deliveredAt: now });
  }
  // Chunks stay under PostgreSQL's bind-parameter limit. An event's marker follows its deliveries, so a
  // crash between chunks can leave deliveries without a marker (fanned out again, conflicts ignored),
  // never a marker without its deliveries.
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await db
      .insert(eventDeliveries)
      .values(rows.slice(i, i + INSERT_CHUNK))
      .onConflictDoNothing();
  }
  await advanceFrontier(db, state);
  return fresh.length;
}

async function loadFrontier(db: Database): Promise<number> {
  const [last] = await queryRows<{ event_id: number | string }>(
    db,
    sql`select event_id from core.event_deliveries where subscriber = ${FANOUT_MARK} order by event_id desc limit 1`,
  );
  return last ? Math.max(0, Number(last.event_id) - RESTART_LOOKBACK) : 0;
}

async function advanceFrontier(db: Database, state: FanoutState): Promise<void> {
  let frontier = state.frontier ?? 0;
  const now = Date.now();
  const aged = (gap: Gap) => now - gap.seenAt >= state.gapGraceMs;
  // Read before the scan: a gap the scan still misses after its holders ended was rolled back. (Read
  // after, a holder could commit in between and its event be skipped.)
  const running = [...state.gaps.values()].some(aged) ? await runningTransactions(db) : null;
  const rows = await queryRows<{ id: number | string; fanned: boolean }>(
    db,
    sql`select e.id, exists (
          select 1 from core.event_deliveries d where d.event_id = e.id and d.subscriber = ${FANOUT_MARK}
        ) as fanned
        from core.events e where e.id > ${frontier} order by e.id limit ${SCAN_WINDOW}`,
  );
  let expected = frontier + 1;
  let blocked = false;
  for (const row of rows) {
    const id = Number(row.id);
    if (id > expected) {
      // Every gap in the window is recorded, so they age together instead of one after another.
      const known = state.gaps.get(expected);
      const gap = known ?? { seenAt: now, holders: null };
      state.gaps.set(expected, gap);
      // Never settled by the pass that found it; after that, only once its possible holders are gone.
      if (known && running && aged(gap)) gap.holders ??= running;
      const rolledBack = gap.holders !== null && running !== null && ![...gap.holders].some((x) => running.has(x));
      if (!rolledBack) blocked = true;
    }
    if (!row.fanned) blocked = true;
    if (!blocked) frontier = id;
    expected = id + 1;
  }
  state.frontier = frontier;
  for (const start of state.gaps.keys()) if (start <= frontier) state.gaps.delete(start);
}

/**
 * Ids of the transactions running in this database (each holds an exclusive lock on its own id).
 * Transactions of other databases on the server cannot hold one of our event ids, so a busy neighbour
 * never keeps a gap open. pg_locks, and pg_stat_activity's pid and datname, are readable by any role.
 */
async function runningTransactions(db: Database): Promise<Set<string>> {
  const rows = await queryRows<{ xid: string }>(
    db,
    sql`select l.transactionid::text as xid
        from pg_locks l join pg_stat_activity a on a.pid = l.pid
        where l.locktype = 'transactionid' and l.mode = 'ExclusiveLock' and l.granted
          and a.datname = current_database()`,
  );
  return new Set(rows.map((r) => r.xid));
}
