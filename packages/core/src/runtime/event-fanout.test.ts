import { testBackend, type TestDatabase } from "@opsdeck/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { withDb } from "../domain/context.ts";
import { eventDeliveries, events } from "../schema/tables.ts";
import { emitCustomEvent } from "../services/events.ts";
import { createCoreTestDatabase, createTestOrganization, type TestOrganization } from "../testing.ts";
import { FANOUT_MARK, createFanoutState, fanOutNewEvents, type FanoutState, type Subscription } from "./event-fanout.ts";
import { createGate } from "./test-support.ts";

let test: TestDatabase;
let org: TestOrganization;

beforeAll(async () => {
  test = await createCoreTestDatabase();
  org = await createTestOrganization(test);
});
afterAll(async () => {
  await test.destroy();
});

const emit = (n: string) => emitCustomEvent(org.ctx, "test.fanout", { n });

async function lastEventId() {
  const rows = await test.db.select({ id: events.id }).from(events);
  return Math.max(...rows.map((r) => r.id));
}

/**
 * Passes until the frontier reaches the last event: a gap is given up on the second pass that sees it
 * at the earliest, once the transactions running then have ended.
 */
async function settle(state: FanoutState, subscriptions: Subscription[] = []) {
  const last = await lastEventId();
  await vi.waitFor(
    async () => {
      await fanOutNewEvents(test.db, subscriptions, state);
      expect(state.frontier).toBe(last);
    },
    { timeout: 10_000, interval: 20 },
  );
}

describe("the fan-out frontier", () => {
  it("moves past an event id whose transaction rolled back, but not in the pass that found it", async () => {
    const state = createFanoutState(0);
    await emit("before");
    await settle(state);
    const before = state.frontier!;

    await expect(
      test.db.transaction(async (tx) => {
        await emitCustomEvent(withDb(org.ctx, tx), "test.fanout", { n: "rolled back" });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    await emit("after");
    expect(await lastEventId()).toBe(before + 2);

    await fanOutNewEvents(test.db, [], state);
    expect(state.frontier).toBe(before);
    await settle(state);
  });

  it.runIf(testBackend() === "postgres")("waits at an event id whose transaction is still open", async () => {
    const state = createFanoutState(0);
    const subscriptions = [{ subscriber: "test.late", eventType: "test.fanout" }];
    await settle(state, subscriptions);
    const start = state.frontier!;
    const emitted = createGate();
    const commit = createGate();
    const slow = test.db.transaction(async (tx) => {
      await emitCustomEvent(withDb(org.ctx, tx), "test.fanout", { n: "slow" });
      emitted.open();
      await commit.promise;
    });
    await emitted.promise;
    await emit("fast");
    for (let pass = 0; pass < 3; pass++) await fanOutNewEvents(test.db, subscriptions, state);
    expect(state.frontier).toBe(start);

    commit.open();
    await slow;
    expect(await fanOutNewEvents(test.db, subscriptions, state)).toBe(1);
    await settle(state, subscriptions);
    const late = await test.db
      .select()
      .from(eventDeliveries)
      .where(and(eq(eventDeliveries.eventId, start + 1), eq(eventDeliveries.subscriber, "test.late")));
    expect(late).toHaveLength(1);
    const marks = await test.db
      .select()
      .from(eventDeliveries)
      .where(and(eq(eventDeliveries.eventId, start + 1), eq(eventDeliveries.subscriber, FANOUT_MARK)));
    expect(marks).toHaveLength(1);
  });
});
