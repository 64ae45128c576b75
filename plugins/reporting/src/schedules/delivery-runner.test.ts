import { createJobRunner, getJob, type JobRunner } from "@opsdeck/core";
import { createTestHost, type TestHost } from "@opsdeck/plugin-sdk/testing";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import reporting from "../server.ts";
import { makePeople, type People } from "../reports/test-fixtures.ts";
import { scheduleRuns } from "../schema/reports.ts";
import { DELIVERY_ATTEMPTS } from "./run-due.ts";

// The plugin on core's real job runner (pg-boss, its retries and backoff), as the server runs it.
let t: TestHost<[typeof reporting]>;
let runner: JobRunner;
let p: People;

beforeAll(async () => {
  t = await createTestHost({
    plugins: [reporting],
    runtime: (opened) => {
      // Quiet: the failing attempts are expected here.
      const quiet = { debug() {}, info() {}, warn() {}, error() {}, child: () => quiet };
      runner = createJobRunner({ opened, pollingIntervalSeconds: 0.5, cancelPollMs: 100, logger: quiet as never });
      return { jobs: runner };
    },
  });
  await runner.start();
  p = await makePeople(t, "runner");
});
afterAll(async () => {
  await runner?.stop({ graceful: false });
  await t?.destroy();
});

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("a delivery that keeps failing, on the real job runner", () => {
  it("is retried by the runner and its run ends failed with the error after the last attempt", async () => {
    const report = await t.as(p.ops).reporting.reports.create({ name: "Breaks", definition: { entity: "opportunities", columns: ["name"] } });
    const schedule = await t.as(p.ops).reporting.schedules.create({ name: "Nightly", cron: "0 2 * * *", recipients: ["a@x.test"], config: { kind: "report", reportId: report.id, format: "xlsx" } });
    await t.db.db.execute(sql`update plugin_reporting.saved_reports set definition = '{"entity":"opportunities","columns":["gone"]}'::jsonb where id = ${report.id}::uuid`);
    await t.db.db.execute(sql`update plugin_reporting.schedules set next_due_at = now() - interval '1 minute' where id = ${schedule.id}::uuid`);
    // "Run due now": the scheduler job fires the schedule, whose delivery job then fails on every attempt.
    const tick = await t.as(p.ops).reporting.schedules.runDue();
    await until(() => getJob(p.org.ownerCtx, tick.id), (j) => j.status === "succeeded");
    const [run] = await until(
      () => t.db.db.select().from(scheduleRuns).where(eq(scheduleRuns.scheduleId, schedule.id)),
      (rows) => rows[0]?.status === "failed",
    );
    expect(run).toMatchObject({ status: "failed", attempts: DELIVERY_ATTEMPTS, error: 'Opportunities have no field "gone"', mails: 0 });
    const job = await until(() => getJob(p.org.ownerCtx, run!.jobId!), (j) => j.status === "failed");
    expect(job.error).toContain("gone");
    const [shown] = await t.as(p.ops).reporting.schedules.runs({ scheduleId: schedule.id });
    expect(shown).toMatchObject({ status: "failed", error: 'Opportunities have no field "gone"' });
  });
});
