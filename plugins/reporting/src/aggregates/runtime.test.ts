import { createEventDispatcher, createJobRunner, createRecord, getJob, type EventDispatcher, type JobRunner } from "@opsdeck/core";
import { jobs } from "@opsdeck/core/schema";
import { createTestHost, type TestHost } from "@opsdeck/plugin-sdk/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixture, Q3, type Fixture } from "../kpis/test-fixture.ts";
import reporting from "../server.ts";

// The plugin on core's real job runner (pg-boss) and event dispatcher, as the server runs it.
let t: TestHost<[typeof reporting]>;
let f: Fixture;
let runner: JobRunner;
let dispatcher: EventDispatcher;

beforeAll(async () => {
  t = await createTestHost({
    plugins: [reporting],
    runtime: (opened) => {
      runner = createJobRunner({ opened, pollingIntervalSeconds: 0.5, cancelPollMs: 100 });
      dispatcher = createEventDispatcher({ opened });
      return { jobs: runner, events: dispatcher };
    },
  });
  await runner.start();
  f = await buildFixture(t, await t.createOrg());
});

afterAll(async () => {
  await runner?.stop({ graceful: false });
  await t?.destroy();
});

async function refreshJobDone() {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const [row] = await t.db.db.select().from(jobs).where(and(eq(jobs.organizationId, f.org.id), eq(jobs.type, "reporting.refresh-aggregates")));
    if (row) {
      const job = await getJob(f.org.ownerCtx, row.id);
      if (job.status === "succeeded" || job.status === "failed") return job;
    }
    if (Date.now() > deadline) throw new Error("the refresh job did not finish");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("aggregates in the running system", () => {
  it("answers live first, builds the aggregates in a background job, then answers from them", async () => {
    const first = await t.as(f.ops).reporting.kpis.get(Q3);
    expect(first.source).toBe("live");
    const job = await refreshJobDone();
    expect(job).toMatchObject({ status: "succeeded", result: { mode: "rebuild" } });
    const second = await t.as(f.ops).reporting.kpis.get(Q3);
    expect(second.source).toBe("aggregates");
    expect(second.kpis).toEqual(first.kpis);
  });

  it("counts a deal won through core as soon as its event is delivered", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const before = await t.as(f.ops).reporting.kpis.get({ from: today, to: today });
    await createRecord(f.org.ownerCtx, "opportunities", { name: "Won today", amount: "42.00", stage: "closed_won", ownerId: f.r1.userId });
    await dispatcher.drain();
    const after = await t.as(f.ops).reporting.kpis.get({ from: today, to: today });
    expect(after.source).toBe("aggregates");
    expect(after.kpis.closed_won_count).toBe(Number(before.kpis.closed_won_count) + 1);
  });
});
