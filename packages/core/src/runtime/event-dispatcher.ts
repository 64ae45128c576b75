import { pino } from "pino";
import { systemContext } from "../domain/context.ts";
import { OpsdeckError, badRequest } from "../domain/errors.ts";
import { claimDueDeliveries, markAttemptFailed, markDelivered, type ClaimedDelivery } from "./event-delivery.ts";
import { FANOUT_MARK, createFanoutState, fanOutNewEvents } from "./event-fanout.ts";
import type { DrainResult, EventDispatcher, EventDispatcherOptions, EventHandler, EventRetryOptions } from "./event-types.ts";
import { safeErrorMessage } from "./job-rows.ts";

const SUBSCRIBER = /^[a-z][a-z0-9-]*(?:[.:/][a-z0-9_-]+)*$/;
const CLAIM_BATCH = 50;
/** A safety bound for one drain: a dispatcher busy with a never-ending stream returns and comes back. */
const MAX_PASSES = 1_000;

/**
 * Creates the events dispatcher: it fans each outbox event (core.events) out to its subscribers'
 * deliveries (core.event_deliveries) and runs the handlers, at least once, retrying failures with
 * backoff. Every process may run one; deliveries are claimed with SKIP LOCKED.
 */
export function createEventDispatcher(options: EventDispatcherOptions): EventDispatcher {
  const { opened } = options;
  const logger = (options.logger ?? pino({ name: "opsdeck" })).child({ component: "events" });
  const retry: Required<EventRetryOptions> = {
    maxAttempts: options.retry?.maxAttempts ?? 10,
    baseDelayMs: options.retry?.baseDelayMs ?? 1000,
    maxDelayMs: options.retry?.maxDelayMs ?? 10 * 60_000,
  };
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const concurrency = options.concurrency ?? 4;
  const handlers = new Map<string, { eventType: string; handler: EventHandler }>();
  const fanout = createFanoutState(options.gapGraceMs);
  let timer: NodeJS.Timeout | null = null;
  // One pass at a time in this process: the poll and an explicit drain() never overlap.
  let queue: Promise<unknown> = Promise.resolve();

  function exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = queue.then(work);
    queue = next.catch(() => {});
    return next;
  }

  async function deliver(delivery: ClaimedDelivery, totals: DrainResult) {
    const subscription = handlers.get(delivery.subscriber);
    if (!subscription) return;
    const log = logger.child({ eventId: delivery.event.id, subscriber: delivery.subscriber, attempt: delivery.attempts });
    try {
      await subscription.handler(delivery.event, systemContext(opened.db, delivery.event.organizationId));
      await markDelivered(opened.db, delivery);
      totals.delivered += 1;
    } catch (err) {
      totals.failed += 1;
      const outcome = await markAttemptFailed(opened.db, delivery, safeErrorMessage(err), retry);
      log.warn({ err }, outcome === "failed" ? "event handler failed for the last time" : "event handler failed; will retry");
    }
  }

  async function pass(): Promise<DrainResult> {
    const totals: DrainResult = { fannedOut: 0, delivered: 0, failed: 0 };
    // With no subscriber here, fanning out would mark events done for subscribers that register later.
    if (handlers.size === 0) return totals;
    const subscriptions = [...handlers].map(([subscriber, s]) => ({ subscriber, eventType: s.eventType }));
    totals.fannedOut = await fanOutNewEvents(opened.db, subscriptions, fanout);
    const claimed = await claimDueDeliveries(opened.db, [...handlers.keys()], CLAIM_BATCH, leaseMs);
    // A small pool: a slow or failing handler holds one slot, never the deliveries behind it.
    let next = 0;
    const lane = async () => {
      while (next < claimed.length) await deliver(claimed[next++]!, totals);
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, claimed.length) }, lane));
    return totals;
  }

  async function drainNow(): Promise<DrainResult> {
    const totals: DrainResult = { fannedOut: 0, delivered: 0, failed: 0 };
    for (let i = 0; i < MAX_PASSES; i++) {
      const result = await pass();
      totals.fannedOut += result.fannedOut;
      totals.delivered += result.delivered;
      totals.failed += result.failed;
      if (result.fannedOut + result.delivered + result.failed === 0) break;
    }
    return totals;
  }

  let polling = false;
  const poll = () => {
    if (polling) return;
    polling = true;
    exclusive(drainNow)
      .catch((err: unknown) => logger.error({ err }, "event dispatch pass failed"))
      .finally(() => {
        polling = false;
      });
  };

  return {
    subscribe(subscriber, eventType, handler) {
      if (!SUBSCRIBER.test(subscriber) || subscriber === FANOUT_MARK) {
        throw badRequest(`Invalid subscriber "${subscriber}": use a lowercase id like "plugin-id.handler-name".`);
      }
      if (!eventType) throw badRequest("An event type (or \"*\") is required.");
      if (handlers.has(subscriber)) throw new OpsdeckError("CONFLICT", `Subscriber "${subscriber}" is already subscribed.`);
      handlers.set(subscriber, { eventType, handler });
    },
    start() {
      if (timer) return;
      timer = setInterval(poll, options.pollIntervalMs ?? 1000);
      timer.unref();
      poll();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await queue;
    },
    drain() {
      return exclusive(drainNow);
    },
  };
}
