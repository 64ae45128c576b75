import { createJob } from "@opsdeck/core";
import { jobs, mailOutbox } from "@opsdeck/core/schema";
import { queryRows } from "@opsdeck/db";
import { createTestHost, type TestHost } from "@opsdeck/plugin-sdk/testing";
import { parse } from "csv-parse/sync";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import reporting from "../server.ts";
import { insertOpportunity, makePeople, type People } from "../reports/test-fixtures.ts";
import { scheduleRuns } from "../schema/reports.ts";
import { nextDue } from "./cron.ts";
import { DELIVERY_ATTEMPTS, deliverRun, enqueueDueSchedules, settleAbandonedRuns } from "./run-due.ts";
import { snapshotJob } from "./jobs.ts";
import { resolvePeriod } from "./periods.ts";
import { saveSchedule } from "./schedules.ts";

let t: TestHost<[typeof reporting]>;
let p: People;
const queued: { type: string; input: unknown }[] = [];

beforeAll(async () => {
  t = await createTestHost({
    plugins: [reporting],
    // Creates the core.jobs row (in the caller's transaction) like the real runner, and runs nothing.
    jobs: {
      enqueue(tenant, type, input) {
        queued.push({ type, input });
        return createJob(tenant, type, input);
      },
      cancel: () => Promise.reject(new Error("not used")),
      register() {},
    },
  });
  p = await makePeople(t, "sc");
  await insertOpportunity(t, p.org.id, { name: "West big", ownerId: p.repA.userId, amount: "500.00", closeDate: "2026-05-01" });
  await insertOpportunity(t, p.org.id, { name: "West small", ownerId: p.repB.userId, amount: "20.00", closeDate: "2026-05-01" });
  await insertOpportunity(t, p.org.id, { name: "Elsewhere", ownerId: p.other.userId, amount: "90.00", closeDate: "2026-05-01" });
});
afterAll(() => t.destroy());

const mailsOf = (orgId: string) => t.db.db.select().from(mailOutbox).where(eq(mailOutbox.organizationId, orgId));
const runIdOf = (q: { input: unknown }) => (q.input as { runId: string }).runId;
const lastDelivery = () => queued.filter((q) => q.type === "reporting.deliver-schedule").at(-1)!;

describe("cron", () => {
  it("works out due times in the schedule's time zone", () => {
    // 08:00 in Berlin (UTC+2 in summer) is 06:00 UTC.
    expect(nextDue("0 8 * * *", "Europe/Berlin", new Date("2026-07-01T07:00:00Z")).toISOString()).toBe("2026-07-02T06:00:00.000Z");
    expect(() => nextDue("0 8 * *", "UTC", new Date())).toThrow(/5 cron fields/);
    expect(() => nextDue("0 8 * * *", "Mars/Olympus", new Date())).toThrow(/time zone/);
  });
});

describe("schedules and alerts", () => {
  it("fires a report schedule once per due time and mails the export to each recipient", async () => {
    const manager = { db: t.db.db, organizationId: p.org.id, actorUserId: p.manager.userId, role: "manager" as const };
    const report = await t.as(p.manager).reporting.reports.create({ name: "Team deals", definition: { entity: "opportunities", columns: ["name", "amount"] } });
    const schedule = await saveSchedule(manager, { name: "Monday deals", cron: "0 8 * * 1", timeZone: "UTC", recipients: ["a@x.test", "b@x.test"], config: { kind: "report", reportId: report.id, format: "csv" } }, undefined, new Date("2026-07-01T00:00:00Z"));
    expect(schedule.nextDueAt?.toISOString()).toBe("2026-07-06T08:00:00.000Z");
    const ctx = await t.taskContext(p.org, "reporting");
    expect(await enqueueDueSchedules(ctx, new Date("2026-07-06T07:59:00Z"))).toBe(0);
    queued.length = 0;
    expect(await enqueueDueSchedules(ctx, new Date("2026-07-06T08:03:00Z"))).toBe(1);
    expect(await enqueueDueSchedules(ctx, new Date("2026-07-06T08:08:00Z"))).toBe(0); // moved on to next Monday
    expect(queued.map((q) => q.type)).toEqual(["reporting.deliver-schedule"]);
    const runId = (queued[0]!.input as { runId: string }).runId;
    expect(await deliverRun(ctx, runId)).toEqual({ status: "sent", mails: 2 });
    expect(await deliverRun(ctx, runId)).toEqual({ status: "sent", mails: 2 }); // a retried job mails nothing more
    const mails = await mailsOf(p.org.id);
    expect(mails.map((m) => m.to).sort()).toEqual(["a@x.test", "b@x.test"]);
    const attachment = (mails[0]!.attachments as { filename: string; content: string }[])[0]!;
    expect(attachment.filename).toBe("team-deals-2026-07-06.csv");
    const csv: string[][] = parse(Buffer.from(attachment.content, "base64").toString("utf8").replace(/^\uFEFF/, ""));
    // The author is the manager: their team's deals only.
    expect(csv.slice(1).map((r) => r.join("|")).sort()).toEqual(["West big|500.00", "West small|20.00"]);
    // The same due time again (another server, a restart) makes no second run.
    await t.db.db.insert(scheduleRuns).values({ organizationId: p.org.id, scheduleId: schedule.id, dueAt: new Date("2026-07-06T08:00:00Z") }).onConflictDoNothing();
    expect(await t.db.db.select().from(scheduleRuns).where(eq(scheduleRuns.scheduleId, schedule.id))).toHaveLength(1);
  });

  it("mails an alert only when its condition holds", async () => {
    const ops = { db: t.db.db, organizationId: p.org.id, actorUserId: p.ops.userId, role: "ops" as const };
    const report = await t.as(p.ops).reporting.reports.create({ name: "Pipeline by team", definition: { entity: "opportunities", groupBy: [{ field: "team" }], measures: [{ fn: "sum", field: "amount" }] } });
    const alert = await saveSchedule(ops, { name: "Thin pipeline", cron: "0 * * * *", recipients: ["ops@x.test"], config: { kind: "alert", reportId: report.id, measure: "sum_amount", op: "lt", threshold: "100" } }, undefined, new Date("2026-07-01T00:00:00Z"));
    const ctx = await t.taskContext(p.org, "reporting");
    const before = (await mailsOf(p.org.id)).length;
    queued.length = 0;
    await enqueueDueSchedules(ctx, new Date("2026-07-01T01:00:00Z"));
    // Teams: West 520.00, no team (the other rep) 90.00 < 100 → fires.
    expect(await deliverRun(ctx, (queued[0]!.input as { runId: string }).runId)).toEqual({ status: "sent", mails: 1 });
    const mails = await mailsOf(p.org.id);
    expect(mails).toHaveLength(before + 1);
    expect(mails.find((m) => m.subject === "Alert: Thin pipeline")!.text).toMatch(/90\.00/);
    // Raise the pipeline: the condition no longer holds, no mail.
    await insertOpportunity(t, p.org.id, { name: "Elsewhere 2", ownerId: p.other.userId, amount: "50.00", closeDate: "2026-05-01" });
    queued.length = 0;
    await enqueueDueSchedules(ctx, new Date("2026-07-01T02:00:00Z"));
    expect(await deliverRun(ctx, (queued[0]!.input as { runId: string }).runId)).toEqual({ status: "quiet", mails: 0 });
    expect(await mailsOf(p.org.id)).toHaveLength(before + 1);
    const runs = await t.as(p.ops).reporting.schedules.runs({ scheduleId: alert.id });
    expect(runs.map((r) => [r.status, r.fired])).toEqual([["quiet", false], ["sent", true]]);
  });

  it("keeps schedules to their organization and to managers", async () => {
    const other = await makePeople(t, "sc-other");
    expect(await t.as(other.ops).reporting.schedules.list()).toEqual([]);
    await expect(t.as(p.repA).reporting.schedules.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      t.as(p.ops).reporting.schedules.create({ name: "x", cron: "0 8 * * *", recipients: ["a@x.test"], config: { kind: "report", reportId: crypto.randomUUID(), format: "csv" } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the host's clock (manifest schedules)", () => {
  it("queues the scheduler every 5 minutes and the snapshot job daily in each organization with the plugin on", async () => {
    const on = await t.createOrg("sc-clock-on");
    const off = await t.createOrg("sc-clock-off");
    await t.setEnabled(off, "reporting", false);
    const now = new Date();
    queued.length = 0;
    await t.host.runSchedules(now);
    // This area's two scheduled jobs (the plugin schedules others, e.g. the aggregates' sweep).
    const mine = new Set(["reporting.scheduler", "reporting.snapshot-pipeline"]);
    const ofOrg = async (id: string) =>
      (await t.db.db.select({ type: jobs.type }).from(jobs).where(eq(jobs.organizationId, id))).map((j) => j.type).filter((type) => mine.has(type)).sort();
    expect(await ofOrg(on.id)).toEqual(["reporting.scheduler", "reporting.snapshot-pipeline"]);
    expect(await ofOrg(off.id)).toEqual([]);
    await t.host.runSchedules(new Date(now.getTime() + 3 * 60_000));
    expect(await ofOrg(on.id)).toHaveLength(2);
    await t.host.runSchedules(new Date(now.getTime() + 6 * 60_000));
    expect(await ofOrg(on.id)).toEqual(["reporting.scheduler", "reporting.scheduler", "reporting.snapshot-pipeline"]);
  });

  it("the daily snapshot job snapshots once a week, on the configured weekday", async () => {
    const org = await t.createOrg("sc-snap");
    await t.configure(org, "reporting", { snapshotWeekday: 3 });
    const ctx = await t.taskContext(org, "reporting");
    const run = (now: string) => snapshotJob.run(ctx, { now }, () => Promise.resolve()) as Promise<{ takenOn: string; created: boolean }>;
    // 2026-07-06 is a Monday: the week's Wednesday is the 1st; nothing happened yet that week for a new org,
    // so its first run takes the snapshot of Wednesday 2026-07-01.
    expect(await run("2026-07-06T09:00:00.000Z")).toMatchObject({ takenOn: "2026-07-01", created: true });
    expect(await run("2026-07-07T09:00:00.000Z")).toMatchObject({ takenOn: "2026-07-01", created: false });
    expect(await run("2026-07-08T09:00:00.000Z")).toMatchObject({ takenOn: "2026-07-08", created: true });
    expect(await run("2026-07-08T23:00:00.000Z")).toMatchObject({ takenOn: "2026-07-08", created: false });
    expect(await run("2026-07-14T09:00:00.000Z")).toMatchObject({ takenOn: "2026-07-08", created: false });
  });
});

describe("KPI alerts and dashboard mails", () => {
  let k: People;
  let eastId: string;
  beforeAll(async () => {
    k = await makePeople(t, "sc-kpi");
    const [east] = await queryRows<{ id: string }>(t.db.db, sql`insert into core.teams (organization_id, name) values (${k.org.id}::uuid, 'East') returning id::text as id`);
    eastId = east!.id;
    // Won in the previous quarter by the West team; open in West for the current one.
    await insertOpportunity(t, k.org.id, { name: "Won", ownerId: k.repA.userId, amount: "1000.00", stage: "closed_won", closeDate: "2026-05-10", closedAt: "2026-05-10T12:00:00Z", isWon: true, isClosed: true });
    await insertOpportunity(t, k.org.id, { name: "Open A", ownerId: k.repA.userId, amount: "2500.00", closeDate: "2026-08-15" });
    await insertOpportunity(t, k.org.id, { name: "Not West", ownerId: k.other.userId, amount: "9999.00", closeDate: "2026-08-15" });
  });

  it("works out fiscal periods from the due time in the organization's time zone", () => {
    const org = { timeZone: "UTC", fiscalYearStartMonth: 2 };
    expect(resolvePeriod("current_quarter", new Date("2026-07-06T08:00:00Z"), org)).toEqual({ from: "2026-05-01", to: "2026-07-31", label: "FY2027 Q2 (2026-05-01 – 2026-07-31)" });
    expect(resolvePeriod("previous_quarter", new Date("2026-07-06T08:00:00Z"), org).label).toBe("FY2027 Q1 (2026-02-01 – 2026-04-30)");
    expect(resolvePeriod("current_year", new Date("2026-01-15T08:00:00Z"), org)).toMatchObject({ from: "2025-02-01", to: "2026-01-31" });
    expect(resolvePeriod("previous_month", new Date("2026-03-01T03:00:00Z"), { timeZone: "America/Los_Angeles", fiscalYearStartMonth: 1 })).toMatchObject({ from: "2026-01-01", to: "2026-01-31" });
  });

  it("alerts when a team's pipeline coverage is under 3, and stays quiet once it is not", async () => {
    const manager = { db: t.db.db, organizationId: k.org.id, actorUserId: k.manager.userId, role: "manager" as const };
    const alert = await saveSchedule(
      manager,
      { name: "West coverage", cron: "0 8 * * 1", recipients: ["cro@x.test"], config: { kind: "kpi_alert", kpi: "pipeline_coverage", op: "lt", threshold: "3", period: "current_quarter", teamId: k.teamId } },
      undefined,
      new Date("2026-07-01T00:00:00Z"),
    );
    const ctx = await t.taskContext(k.org, "reporting");
    await enqueueDueSchedules(ctx, new Date("2026-07-06T08:01:00Z"));
    // Q3 2026: West's pipeline at the end is 2500.00; won in the 92 days before (from 2026-03-31): 1000.00 → 2.50.
    expect(await deliverRun(ctx, runIdOf(lastDelivery()))).toEqual({ status: "sent", mails: 1 });
    const mail = (await mailsOf(k.org.id)).find((m) => m.subject === "Alert: West coverage")!;
    expect(mail.to).toBe("cro@x.test");
    expect(mail.text).toContain("Pipeline coverage is 2.50×, under 3.00×, for team West, FY2026 Q3 (2026-07-01 – 2026-09-30).");
    await insertOpportunity(t, k.org.id, { name: "Open B", ownerId: k.repB.userId, amount: "1000.00", closeDate: "2026-09-01" });
    await enqueueDueSchedules(ctx, new Date("2026-07-13T08:01:00Z"));
    expect(await deliverRun(ctx, runIdOf(lastDelivery()))).toEqual({ status: "quiet", mails: 0 });
    const runs = await t.as(k.manager).reporting.schedules.runs({ scheduleId: alert.id });
    expect(runs.map((r) => [r.status, r.value, r.fired])).toEqual([["quiet", "3.50", false], ["sent", "2.50", true]]);
  });

  it("refuses a KPI alert on a team the author does not manage, and unknown KPIs", async () => {
    const manager = { db: t.db.db, organizationId: k.org.id, actorUserId: k.manager.userId, role: "manager" as const };
    const config = { kind: "kpi_alert" as const, kpi: "win_rate" as const, op: "lt" as const, threshold: "0.2", teamId: eastId };
    await expect(saveSchedule(manager, { name: "East", cron: "0 8 * * 1", recipients: ["a@x.test"], config })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      t.as(k.ops).reporting.schedules.create({ name: "x", cron: "0 8 * * 1", recipients: ["a@x.test"], config: { ...config, kpi: "stage_conversion" as never } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      t.as(k.ops).reporting.schedules.create({ name: "x", cron: "0 8 * * 1", recipients: ["a@x.test"], config: { kind: "dashboard", dashboardId: "nope" } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("mails a dashboard's KPI tiles as a table with the values attached as CSV, as the author sees them", async () => {
    const schedule = await t.as(k.manager).reporting.schedules.create({
      name: "Weekly exec",
      cron: "0 7 * * 1",
      recipients: ["vp@x.test"],
      config: { kind: "dashboard", dashboardId: "executive", period: "previous_quarter" },
    });
    await t.db.db.execute(sql`update plugin_reporting.schedules set next_due_at = '2026-07-06T07:00:00Z' where id = ${schedule.id}::uuid`);
    const ctx = await t.taskContext(k.org, "reporting");
    await enqueueDueSchedules(ctx, new Date("2026-07-06T07:02:00Z"));
    expect(await deliverRun(ctx, runIdOf(lastDelivery()))).toEqual({ status: "sent", mails: 1 });
    const mail = (await mailsOf(k.org.id)).find((m) => m.subject === "Weekly exec: Executive")!;
    const attachment = (mail.attachments as { filename: string; content: string }[])[0]!;
    expect(attachment.filename).toBe("executive-kpis-2026-07-06.csv");
    const rows: string[][] = parse(Buffer.from(attachment.content, "base64").toString("utf8").replace(/^\uFEFF/, ""));
    expect(rows[0]).toEqual(["kpi", "label", "value", "unit", "from", "to", "note"]);
    const byKey = new Map(rows.slice(1).map((r) => [r[0], r]));
    expect([...byKey.keys()]).toEqual(["closed_won_amount", "closed_won_count", "win_rate", "avg_deal_size", "pipeline_value", "weighted_pipeline_value", "pipeline_coverage", "forecast_accuracy"]);
    // The manager's team won one deal of 1000.00 in FY2026 Q2 and lost none.
    expect(byKey.get("closed_won_amount")!.slice(2, 6)).toEqual(["1000.00", "USD", "2026-04-01", "2026-06-30"]);
    expect(byKey.get("closed_won_count")![2]).toBe("1");
    expect(byKey.get("avg_deal_size")![2]).toBe("1000.00");
    expect(byKey.get("forecast_accuracy")!.slice(2, 3)).toEqual([""]);
    expect(byKey.get("forecast_accuracy")![6]).not.toBe("");
    // The same numbers the manager's dashboard shows.
    const onScreen = await t.as(k.manager).reporting.kpis.get({ from: "2026-04-01", to: "2026-06-30" });
    for (const [key, row] of byKey) {
      const value = onScreen.kpis[key as "win_rate"];
      expect(row[2]).toBe(value === null || typeof value === "object" ? "" : String(value));
    }
    expect(mail.text).toMatch(/Executive — everyone you see, FY2026 Q2 \(2026-04-01 – 2026-06-30\)/);
    expect(mail.text).toMatch(/Closed won\s+USD 1,000\.00/);
    expect(mail.html).toContain("<table");
  });
});

describe("deliveries that keep failing", () => {
  it("record each attempt's error and mark the run failed on the last attempt", async () => {
    const f = await makePeople(t, "sc-fail");
    const report = await t.as(f.ops).reporting.reports.create({ name: "Soon broken", definition: { entity: "opportunities", columns: ["name"] } });
    const schedule = await t.as(f.ops).reporting.schedules.create({ name: "Daily", cron: "0 8 * * *", recipients: ["a@x.test"], config: { kind: "report", reportId: report.id, format: "csv" } });
    await t.db.db.execute(sql`update plugin_reporting.saved_reports set definition = '{"entity":"opportunities","columns":["gone"]}'::jsonb where id = ${report.id}::uuid`);
    await t.db.db.execute(sql`update plugin_reporting.schedules set next_due_at = now() - interval '1 minute' where id = ${schedule.id}::uuid`);
    const ctx = await t.taskContext(f.org, "reporting");
    expect(await enqueueDueSchedules(ctx)).toBe(1);
    const runId = runIdOf(lastDelivery());
    for (let attempt = 1; attempt < DELIVERY_ATTEMPTS; attempt++) {
      await expect(deliverRun(ctx, runId)).rejects.toMatchObject({ code: "BAD_REQUEST" });
      const [run] = await t.as(f.ops).reporting.schedules.runs({ scheduleId: schedule.id });
      expect(run).toMatchObject({ status: "pending", attempts: attempt, error: 'Opportunities have no field "gone"' });
    }
    await expect(deliverRun(ctx, runId)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const [failed] = await t.as(f.ops).reporting.schedules.runs({ scheduleId: schedule.id });
    expect(failed).toMatchObject({ status: "failed", attempts: DELIVERY_ATTEMPTS, error: 'Opportunities have no field "gone"', mails: 0 });
    expect(failed!.finishedAt).not.toBeNull();
    // A later retry of the job changes nothing.
    expect(await deliverRun(ctx, runId)).toEqual({ status: "failed", mails: 0 });
  });

  it("the scheduler marks failed a run whose delivery job gave up without recording it", async () => {
    const f = await makePeople(t, "sc-abandon");
    const report = await t.as(f.ops).reporting.reports.create({ name: "R", definition: { entity: "opportunities", columns: ["name"] } });
    const schedule = await t.as(f.ops).reporting.schedules.create({ name: "Hourly", cron: "0 * * * *", recipients: ["a@x.test"], config: { kind: "report", reportId: report.id, format: "csv" } });
    await t.db.db.execute(sql`update plugin_reporting.schedules set next_due_at = now() - interval '1 minute' where id = ${schedule.id}::uuid`);
    const ctx = await t.taskContext(f.org, "reporting");
    await enqueueDueSchedules(ctx);
    const [run] = await t.db.db.select().from(scheduleRuns).where(eq(scheduleRuns.scheduleId, schedule.id));
    expect(run!.jobId).not.toBeNull();
    expect(await settleAbandonedRuns(ctx)).toBe(0);
    // The worker died on the last attempt: the runner failed the job, the run never heard of it.
    await t.db.db.update(jobs).set({ status: "failed", error: "worker lost" }).where(and(eq(jobs.id, run!.jobId!), eq(jobs.organizationId, f.org.id)));
    expect(await settleAbandonedRuns(ctx)).toBe(1);
    const [after] = await t.as(f.ops).reporting.schedules.runs({ scheduleId: schedule.id });
    expect(after).toMatchObject({ status: "failed", error: "worker lost" });
  });
});
