import { and, eq, sql } from "drizzle-orm";
import { queryRows, type Database } from "@opsdeck/db";
import { eventDeliveries } from "../schema/tables.ts";
import type { EventRetryOptions, OutboxEvent } from "./event-types.ts";

/** A delivery this process reserved: its attempt number is the fence for settling it. */
export interface ClaimedDelivery {
  readonly event: OutboxEvent;
  readonly subscriber: string;
  readonly attempts: number;
}

interface ClaimedRow extends Record<string, unknown> {
  subscriber: string;
  attempts: number;
  id: number | string;
  organization_id: string;
  type: string;
  payload: unknown;
  actor_user_id: string | null;
  created_at: Date | string;
}

/**
 * Reserves due deliveries of these subscribers: SKIP LOCKED lets several processes claim side by side,
 * and the claim moves `next_attempt_at` a lease ahead instead of holding a transaction open while the
 * handler runs (PGlite has one connection; a handler's own queries would wait behind it). A process
 * that dies mid-handler leaves the delivery to be claimed again when the lease ends.
 */
export async function claimDueDeliveries(
  db: Database,
  subscribers: readonly string[],
  limit: number,
  leaseMs: number,
): Promise<ClaimedDelivery[]> {
  if (subscribers.length === 0) return [];
  const names = sql.join(
    subscribers.map((s) => sql`${s}`),
    sql`, `,
  );
  const rows = await queryRows<ClaimedRow>(
    db,
    sql`with due as (
          select event_id, subscriber from core.event_deliveries
          where status = 'pending' and next_attempt_at <= now() and subscriber in (${names})
          order by next_attempt_at, event_id
          limit ${limit}
          for update skip locked
        )
        update core.event_deliveries d
        set attempts = d.attempts + 1, next_attempt_at = now() + ${leaseMs} * interval '1 millisecond'
        from due, core.events e
        where d.event_id = due.event_id and d.subscriber = due.subscriber and e.id = d.event_id
        returning d.subscriber, d.attempts, e.id, e.organization_id, e.type, e.payload, e.actor_user_id, e.created_at`,
  );
  return rows.map((r) => ({
    subscriber: r.subscriber,
    attempts: Number(r.attempts),
    event: {
      id: Number(r.id),
      type: r.type,
      organizationId: r.organization_id,
      // postgres.js through drizzle's raw execute may hand jsonb back as text.
      payload: (typeof r.payload === "string" ? JSON.parse(r.payload) : r.payload) as Record<string, unknown>,
      actorUserId: r.actor_user_id,
      createdAt: new Date(r.created_at),
    },
  }));
}

/** Records a successful delivery, unless another claim of it happened since (the lease ran out). */
export async function markDelivered(db: Database, delivery: ClaimedDelivery): Promise<void> {
  await db
    .update(eventDeliveries)
    .set({ status: "delivered", deliveredAt: new Date(), lastError: null })
    .where(owns(delivery));
}

/** Records a failed attempt: retried after a backoff, or given up as `failed` after the last attempt. */
export async function markAttemptFailed(
  db: Database,
  delivery: ClaimedDelivery,
  error: string,
  retry: Required<EventRetryOptions>,
): Promise<"retry" | "failed"> {
  const giveUp = delivery.attempts >= retry.maxAttempts;
  await db
    .update(eventDeliveries)
    .set(
      giveUp
        ? { status: "failed", lastError: error }
        : {
            lastError: error,
            // The database's clock, like the claim's `now()`: the app's clock may be off.
            nextAttemptAt: sql`now() + ${Math.round(backoffMs(delivery.attempts, retry))} * interval '1 millisecond'`,
          },
    )
    .where(owns(delivery));
  return giveUp ? "failed" : "retry";
}

/** Exponential backoff with a little jitter, so retries of a burst of failures spread out. */
export function backoffMs(attempts: number, retry: Required<EventRetryOptions>): number {
  const exponential = retry.baseDelayMs * 2 ** Math.min(attempts - 1, 30);
  return Math.min(retry.maxDelayMs, exponential) * (1 + Math.random() * 0.1);
}

function owns(delivery: ClaimedDelivery) {
  return and(
    eq(eventDeliveries.eventId, delivery.event.id),
    eq(eventDeliveries.subscriber, delivery.subscriber),
    eq(eventDeliveries.attempts, delivery.attempts),
    eq(eventDeliveries.status, "pending"),
  );
}
