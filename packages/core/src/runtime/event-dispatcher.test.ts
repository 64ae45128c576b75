import { openDatabase, type OpenedDatabase } from "@opsdeck/db";
import { testBackend, type TestDatabase } from "@opsdeck/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TenantContext } from "../domain/context.ts";
import { eventDeliveries } from "../schema/tables.ts";
import { emitCustomEvent, emitEvent } from "../services/events.ts";
import { createCoreTestDatabase, createTestOrganization, type TestOrganization } from "../testing.ts";
import { createEventDispatcher } from "./event-dispatcher.ts";
import type { EventDispatcherOptions, OutboxEvent } from "./event-types.ts";
import { createGate, quietLogger } from "./test-support.ts";

let test: TestDatabase;
let org: TestOrganization;

beforeAll(async () => {
  test = await createCoreTestDatabase();
  org = await createTestOrganization(test);
});
afterAll(async () => {
  await test.destroy();
});

/** Each test uses its own event types and subscribers, so events of other tests pass it by. */
let run = 0;
function names() {
  run += 1;
  return { type: (name: string) => `t${run}.${name}`, sub: (name: string) => `t${run}-${name}` };
}

function dispatcher(extra: Partial<EventDispatcherOptions> = {}, opened: OpenedDatabase = test) {
  return createEventDispatcher({ opened, logger: quietLogger, retry: { baseDelayMs: 20 }, ...extra });
}

async function deliveryOf(eventId: number, subscriber: string) {
  const [row] = await test.db
    .select()
    .from(eventDeliveries)
    .where(and(eq(eventDeliveries.eventId, eventId), eq(eventDeliveries.subscriber, subscriber)));
  return row;
}

const idsOf = (events: OutboxEvent[]) => events.map((e) => e.payload.n);

describe("the events dispatcher", () => {
  it("delivers an event once to each subscriber that wants it, in the event's organization", async () => {
    const { sub } = names();
    const d = dispatcher();
    const got: Record<string, { event: OutboxEvent; ctx: TenantContext }[]> = { all: [], mine: [], other: [] };
    const accountId = "00000000-0000-4000-8000-000000000001";
    // "*" also sees what creating the organization emitted: keep the account events.
    d.subscribe(sub("all"), "*", (event, ctx) => {
      if (event.type === "account.created") got.all!.push({ event, ctx });
    });
    d.subscribe(sub("mine"), "account.created", (event, ctx) => void got.mine!.push({ event, ctx }));
    d.subscribe(sub("other"), "contact.created", (event, ctx) => void got.other!.push({ event, ctx }));
    await emitEvent(org.ctx, "account.created", { accountId });

    expect(await d.drain()).toMatchObject({ failed: 0 });
    expect(await d.drain()).toEqual({ fannedOut: 0, delivered: 0, failed: 0 });
    expect(got.other).toEqual([]);
    expect(got.all).toHaveLength(1);
    expect(got.mine).toHaveLength(1);
    for (const { event, ctx } of [got.all![0]!, got.mine![0]!]) {
      expect(event).toMatchObject({ type: "account.created", payload: { accountId }, organizationId: org.org.id });
      expect(event.actorUserId).toBe(org.owner.userId);
      expect(event.createdAt).toBeInstanceOf(Date);
      expect(ctx.organizationId).toBe(org.org.id);
    }
    expect(await deliveryOf(got.mine![0]!.event.id, sub("mine"))).toMatchObject({ status: "delivered", attempts: 1 });
  });

  it("retries a throwing handler later, without holding back the other subscriber or later events", async () => {
    const { type, sub } = names();
    // Long enough that the first drain surely ends before the retry is due.
    const d = dispatcher({ retry: { baseDelayMs: 400 } });
    const steady: OutboxEvent[] = [];
    const flaky: OutboxEvent[] = [];
    let failuresLeft = 2;
    d.subscribe(sub("steady"), type("changed"), (event) => void steady.push(event));
    d.subscribe(sub("flaky"), type("changed"), (event) => {
      if (event.payload.n === 1 && failuresLeft-- > 0) throw new Error("CRM API answered 503");
      flaky.push(event);
    });
    await emitCustomEvent(org.ctx, type("changed"), { n: 1 });
    await d.drain();
    const first = steady[0]!;
    expect(await deliveryOf(first.id, sub("flaky"))).toMatchObject({
      status: "pending",
      attempts: 1,
      lastError: "CRM API answered 503",
    });

    await emitCustomEvent(org.ctx, type("changed"), { n: 2 });
    await d.drain();
    expect(idsOf(flaky)).toContain(2);

    await vi.waitFor(
      async () => {
        await d.drain();
        expect(await deliveryOf(first.id, sub("flaky"))).toMatchObject({ status: "delivered", attempts: 3, lastError: null });
      },
      { timeout: 10_000, interval: 30 },
    );
    expect(idsOf(steady)).toEqual([1, 2]);
    expect(idsOf(flaky).sort()).toEqual([1, 2]);
  });

  it("gives a delivery up as failed after its last attempt", async () => {
    const { type, sub } = names();
    const d = dispatcher({ retry: { maxAttempts: 2, baseDelayMs: 1 } });
    d.subscribe(sub("broken"), type("x"), () => {
      throw new Error("always broken");
    });
    await emitCustomEvent(org.ctx, type("x"), { n: 1 });
    let eventId = 0;
    await vi.waitFor(
      async () => {
        await d.drain();
        const [row] = await test.db
          .select()
          .from(eventDeliveries)
          .where(and(eq(eventDeliveries.subscriber, sub("broken")), eq(eventDeliveries.status, "failed")));
        expect(row).toMatchObject({ attempts: 2, lastError: "always broken" });
        eventId = row!.eventId;
      },
      { timeout: 10_000, interval: 20 },
    );
    await d.drain();
    expect(await deliveryOf(eventId, sub("broken"))).toMatchObject({ status: "failed", attempts: 2 });
  });

  it("picks up where it stopped: events emitted while no dispatcher ran arrive once after a restart", async () => {
    const { type, sub } = names();
    const got: unknown[] = [];
    const before = dispatcher();
    before.subscribe(sub("audit"), type("seen"), (e) => void got.push(e.payload.n));
    await emitCustomEvent(org.ctx, type("seen"), { n: 1 });
    before.start();
    await vi.waitFor(() => expect(got).toEqual([1]), { timeout: 10_000, interval: 20 });
    await before.stop();

    await emitCustomEvent(org.ctx, type("seen"), { n: 2 });
    const after = dispatcher();
    after.subscribe(sub("audit"), type("seen"), (e) => void got.push(e.payload.n));
    await after.drain();
    expect(got).toEqual([1, 2]);
  });

  it("lets several dispatchers drain together, each delivery handled once", async () => {
    const { type, sub } = names();
    const pools =
      testBackend() === "postgres"
        ? await Promise.all([1, 2, 3].map(() => openDatabase({ url: test.url!, maxConnections: 3 })))
        : [test, test, test];
    try {
      const seen: string[] = [];
      const dispatchers = pools.map((opened, i) => {
        const d = dispatcher({ concurrency: 2 }, opened);
        for (const name of ["a", "b"]) {
          d.subscribe(sub(name), type("bulk"), async (event) => {
            seen.push(`${name}:${String(event.payload.n)}`);
            await new Promise((resolve) => setTimeout(resolve, i));
          });
        }
        return d;
      });
      for (let n = 0; n < 30; n++) await emitCustomEvent(org.ctx, type("bulk"), { n });
      await Promise.all(dispatchers.map((d) => d.drain()));
      expect(seen).toHaveLength(60);
      expect(new Set(seen).size).toBe(60);
    } finally {
      if (testBackend() === "postgres") await Promise.all(pools.map((p) => p.close()));
    }
  });

  it.runIf(testBackend() === "postgres")(
    "delivers an event whose transaction commits after later events were delivered",
    async () => {
      const { type, sub } = names();
      const d = dispatcher({ gapGraceMs: 0 });
      const got: unknown[] = [];
      d.subscribe(sub("late"), type("t"), (e) => void got.push(e.payload.n));
      const commit = createGate();
      const emitted = createGate();
      const slow = test.db.transaction(async (tx) => {
        await emitCustomEvent({ ...org.ctx, db: tx }, type("t"), { n: "slow" });
        emitted.open();
        await commit.promise;
      });
      await emitted.promise;
      await emitCustomEvent(org.ctx, type("t"), { n: "fast" });
      await d.drain();
      await d.drain();
      expect(got).toEqual(["fast"]);
      commit.open();
      await slow;
      await d.drain();
      expect(got).toEqual(["fast", "slow"]);
    },
  );

  it("refuses invalid and duplicate subscribers", () => {
    const d = dispatcher();
    expect(() => d.subscribe("$fanout", "*", () => {})).toThrow(/Invalid subscriber/);
    expect(() => d.subscribe("Has Spaces", "*", () => {})).toThrow(/Invalid subscriber/);
    d.subscribe("reporting.refresh", "*", () => {});
    expect(() => d.subscribe("reporting.refresh", "*", () => {})).toThrow(/already subscribed/);
  });
});
