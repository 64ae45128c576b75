import { createTestHost, type TestHost } from "@opsdeck/plugin-sdk/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import reporting from "../server.ts";
import { insertOpportunity, makePeople, type People } from "../reports/test-fixtures.ts";
import { forecastAtCutoff, forecastCutoff } from "./forecast-at-cutoff.ts";
import { pipelineMovement } from "./movement.ts";
import { createSnapshot } from "./snapshots.ts";
import { forecastSubmissions } from "../schema/reports.ts";

let t: TestHost<[typeof reporting]>;
let p: People;
let q: People;

beforeAll(async () => {
  t = await createTestHost({ plugins: [reporting] });
  p = await makePeople(t, "fc");
  q = await makePeople(t, "fc-other");
});
afterAll(() => t.destroy());

/** Calls for a past quarter go straight to the table (the API refuses quarters that ended). */
async function call(orgId: string, userId: string, scope: "self" | "team", commit: string, at: string, period = ["2026-01-01", "2026-03-31"]) {
  await t.db.db.insert(forecastSubmissions).values({
    organizationId: orgId, userId, scope, periodStart: period[0]!, periodEnd: period[1]!, periodName: "FY2026 Q1",
    weekStart: at.slice(0, 10), commit, bestCase: commit, pipeline: commit, currency: "USD", submittedAt: new Date(at),
  });
}

describe("forecast submission and roll-up", () => {
  it("a rep submits for the current quarter; a manager sees the team summed and their own call", async () => {
    await t.as(p.repA).reporting.forecasts.submit({ commit: "100.10", bestCase: "200", pipeline: "500" });
    await t.as(p.repA).reporting.forecasts.submit({ commit: "120.10", bestCase: "210", pipeline: "520" }); // the later call counts
    await t.as(p.repB).reporting.forecasts.submit({ commit: "50.05", bestCase: "80.00", pipeline: "90" });
    await t.as(p.other).reporting.forecasts.submit({ commit: "999", bestCase: "999", pipeline: "999" });
    await t.as(p.manager).reporting.forecasts.submit({ scope: "team", commit: "160", bestCase: "300", pipeline: "610" });

    const mine = await t.as(p.repA).reporting.forecasts.rollup();
    expect(mine.rows.map((r) => r.userId)).toEqual([p.repA.userId]);
    expect(mine.total.commit).toBe("120.10");

    const team = await t.as(p.manager).reporting.forecasts.rollup();
    expect(team.rows.map((r) => r.userId).sort()).toEqual([p.manager.userId, p.repA.userId, p.repB.userId].sort());
    // 120.10 + 50.05 (the outsider's 999 is not in the team; the manager made no own call)
    expect(team.total.commit).toBe("170.15");
    expect(team.total.bestCase).toBe("290.00");
    expect(team.managerCall?.commit).toBe("160.00");
  });

  it("refuses bad calls and rep team calls, and a rep cannot look at a manager's team", async () => {
    await expect(t.as(p.repA).reporting.forecasts.submit({ commit: "10", bestCase: "5", pipeline: "1" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(t.as(p.repA).reporting.forecasts.submit({ commit: "-1", bestCase: "5", pipeline: "1" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(t.as(p.repA).reporting.forecasts.submit({ scope: "team", commit: "1", bestCase: "5", pipeline: "1" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(t.as(p.repA).reporting.forecasts.submit({ periodStart: "2020-01-15", commit: "1", bestCase: "5", pipeline: "1" })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await expect(t.as(p.repA).reporting.forecasts.rollup({ managerId: p.manager.userId })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("keeps organizations apart", async () => {
    const other = await t.as(q.manager).reporting.forecasts.rollup();
    expect(other.total.commit).toBe("0.00");
    expect(other.managerCall).toBeNull();
  });
});

describe("forecastAtCutoff", () => {
  it("takes the latest call before day 29 of the period, per person, team or organization", async () => {
    const org = q.org.id;
    expect(forecastCutoff("2026-01-01").toISOString()).toBe("2026-01-29T00:00:00.000Z");
    await call(org, q.repA.userId, "self", "100.00", "2026-01-10T12:00:00Z");
    await call(org, q.repA.userId, "self", "150.00", "2026-01-28T23:59:00Z"); // last before the cut-off
    await call(org, q.repA.userId, "self", "900.00", "2026-01-29T00:00:00Z"); // at the cut-off: too late
    await call(org, q.repB.userId, "self", "40.50", "2026-01-20T09:00:00Z");
    await call(org, q.other.userId, "self", "7.25", "2026-01-21T09:00:00Z"); // in no team
    const ctx = { db: t.db.db, organizationId: org, actorUserId: null };
    const period = { periodStart: "2026-01-01", periodEnd: "2026-03-31" };

    expect(await forecastAtCutoff(ctx, { ...period, ownerIds: [q.repA.userId, q.repB.userId] })).toMatchObject({ amount: "190.50", submissions: 2, source: "rollup" });
    expect(await forecastAtCutoff(ctx, { ...period, teamId: q.teamId })).toMatchObject({ amount: "190.50", source: "rollup" });
    await call(org, q.manager.userId, "team", "175.00", "2026-01-27T10:00:00Z");
    expect(await forecastAtCutoff(ctx, { ...period, teamId: q.teamId })).toMatchObject({ amount: "175.00", source: "manager_call" });
    // Organization: the team's manager call + the call of the person in no team.
    expect(await forecastAtCutoff(ctx, { ...period, org: true })).toMatchObject({ amount: "182.25", submissions: 2, source: "mixed" });
    expect(await forecastAtCutoff(ctx, { periodStart: "2026-04-01", periodEnd: "2026-06-30", org: true })).toMatchObject({ amount: null, source: "none" });
    // Another organization's calls never count.
    expect(await forecastAtCutoff({ ...ctx, organizationId: p.org.id }, { ...period, org: true })).toMatchObject({ amount: null });
  });
});

describe("pipeline snapshots and movement", () => {
  it("classifies what came in, slipped, was won, lost, removed or changed between two weeks, and it adds up", async () => {
    const org = p.org.id;
    const taskCtx = await t.taskContext(p.org, "reporting");
    const stays = await insertOpportunity(t, org, { name: "Stays", ownerId: p.repA.userId, amount: "1000.00", closeDate: "2026-08-10" });
    const slips = await insertOpportunity(t, org, { name: "Slips", ownerId: p.repA.userId, amount: "300.00", closeDate: "2026-09-20" });
    const wins = await insertOpportunity(t, org, { name: "Wins", ownerId: p.repB.userId, amount: "250.00", closeDate: "2026-08-01" });
    const loses = await insertOpportunity(t, org, { name: "Loses", ownerId: p.repB.userId, amount: "80.00", closeDate: "2026-07-30" });
    const outside = await insertOpportunity(t, org, { name: "Other team", ownerId: p.other.userId, amount: "5000.00", closeDate: "2026-08-15" });
    await createSnapshot(taskCtx, "2026-07-06");
    // The week after: one deal grows, one slips to next quarter, one is won, one lost, one new comes in.
    await t.db.db.execute(sql`update core.opportunities set amount = 1200.00 where id = ${stays}::uuid`);
    await t.db.db.execute(sql`update core.opportunities set close_date = '2026-10-15' where id = ${slips}::uuid`);
    await t.db.db.execute(sql`update core.opportunities set stage = 'closed_won', is_won = true, is_closed = true, closed_at = '2026-07-08T10:00:00Z' where id = ${wins}::uuid`);
    await t.db.db.execute(sql`update core.opportunities set stage = 'closed_lost', is_closed = true, closed_at = '2026-07-09T10:00:00Z' where id = ${loses}::uuid`);
    await insertOpportunity(t, org, { name: "New", ownerId: p.repA.userId, amount: "400.00", closeDate: "2026-09-01", createdAt: "2026-07-10T10:00:00Z" });
    await t.db.db.execute(sql`update core.opportunities set amount = 6000 where id = ${outside}::uuid`);
    const { snapshot } = await createSnapshot(taskCtx, "2026-07-13");
    expect(snapshot.rowCount).toBe(4); // stays, slips, new, other team

    const manager = { tenant: { db: t.db.db, organizationId: org, actorUserId: p.manager.userId, role: "manager" as const }, organization: taskCtx.organization };
    const m = await pipelineMovement(manager, { from: "2026-07-06", to: "2026-07-13", periodStart: "2026-07-01", periodEnd: "2026-09-30" });
    // Start: 1000 + 300 + 250 + 80 (the other team's deal is not the manager's). End: 1200 + 400.
    expect(m.start).toBe("1630.00");
    expect(m.end).toBe("1600.00");
    expect(m.totals.came_in).toEqual({ count: 1, amount: "400.00" });
    expect(m.totals.slipped).toEqual({ count: 1, amount: "300.00" });
    expect(m.totals.won).toEqual({ count: 1, amount: "250.00" });
    expect(m.totals.lost).toEqual({ count: 1, amount: "80.00" });
    expect(m.totals.changed).toEqual({ count: 1, amount: "200.00" });
    expect(m.lines.map((l) => l.name)).not.toContain("Other team");
    // 1630 + 400 − 300 − 250 − 80 + 200 = 1600
    const ops = await pipelineMovement({ ...manager, tenant: { ...manager.tenant, actorUserId: p.ops.userId, role: "ops" } }, { from: "2026-07-06", to: "2026-07-13", periodStart: "2026-07-01", periodEnd: "2026-09-30" });
    expect(ops.totals.changed).toEqual({ count: 2, amount: "1200.00" });
    // A second snapshot of the same day is the first one (idempotent).
    expect((await createSnapshot(taskCtx, "2026-07-13")).created).toBe(false);
    await expect(t.as(p.repA).reporting.forecasts.movement({ from: "2026-07-06", to: "2026-07-20" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
