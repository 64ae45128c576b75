import type { OpenedDatabase } from "@opsdeck/db";
import type { Logger } from "pino";
import type { TenantContext } from "../domain/context.ts";

/** An event from the outbox (core.events), as a subscriber receives it. */
export interface OutboxEvent {
  readonly id: number;
  readonly type: string;
  readonly organizationId: string;
  readonly payload: Record<string, unknown>;
  readonly actorUserId: string | null;
  readonly createdAt: Date;
}

/**
 * Handles one event for one subscriber, in the event's organization (as the system). Delivery is at
 * least once, so a handler MUST be idempotent: the same event can arrive again after a crash, a lost
 * acknowledgement or a handler that outlived its lease. Key the effect on `event.id` (a unique row,
 * an upsert) and throw to have the event retried later with backoff.
 */
export type EventHandler = (event: OutboxEvent, ctx: TenantContext) => Promise<void> | void;

export interface EventRetryOptions {
  /** Attempts before a delivery is given up as `failed` (default 10). */
  maxAttempts?: number;
  /** Delay before the first retry (default 1000 ms), doubled per attempt up to `maxDelayMs` (default 10 min). */
  baseDelayMs?: number;
  maxDelayMs?: number;
}

export interface EventDispatcherOptions {
  opened: OpenedDatabase;
  logger?: Logger;
  /** How often the running dispatcher looks for new events and due retries (default 1000). */
  pollIntervalMs?: number;
  retry?: EventRetryOptions;
  /** How long a claimed delivery is reserved for its handler before another process may retry it (default 5 min). */
  leaseMs?: number;
  /** Deliveries handled at once by one process (default 4). */
  concurrency?: number;
  /** How long a missing event id (a transaction not yet committed, or rolled back) is waited for before its transaction is checked (default 5000). */
  gapGraceMs?: number;
}

export interface DrainResult {
  /** Events fanned out to their subscribers' deliveries. */
  fannedOut: number;
  /** Deliveries whose handler succeeded. */
  delivered: number;
  /** Deliveries whose handler threw (retried later, or given up). */
  failed: number;
}

/** Delivers outbox events to subscribers, at least once, with retries. */
export interface EventDispatcher {
  /**
   * Adds a subscriber: a stable id (e.g. `crm-hygiene.rescore-on-merge`, it names its deliveries) and
   * the event type it wants, or "*" for all. Handlers must be idempotent (see `EventHandler`).
   */
  subscribe(subscriber: string, eventType: string, handler: EventHandler): void;
  /** Polls for work every `pollIntervalMs` until `stop()`. */
  start(): void;
  /** Stops polling and waits for the pass in progress. */
  stop(): Promise<void>;
  /** Processes everything pending now: new events, and retries already due (tests, CLI). */
  drain(): Promise<DrainResult>;
}
