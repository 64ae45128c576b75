import { createRecord, deleteRecord, MoneyDecimal, updateRecord } from "@opsdeck/core";
import { accounts, activities, events, leads, opportunities, organizations } from "@opsdeck/core/schema";
import { queryRows } from "@opsdeck/db";
import type { TaskContext } from "@opsdeck/plugin-sdk";
import { createTestHost, type TestHost } from "@opsdeck/plugin-sdk/testing";
import { and, eq, gt, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inputsFromBaseTables } from "../kpis/direct.ts";
import type { KpiFilters } from "../kpis/filters.ts";
import { inputsFromAggregates } from "../kpis/from-aggregates.ts";
import type { KpiInputs } from "../kpis/inputs.ts";
import { resolveScope } from "../kpis/scope.ts";
import { buildFixture, Q3, type Fixture } from "../kpis/test-fixture.ts";
import reporting from "../server.ts";
import { aggregateEventHandlers } from "./events.ts";
import { readFreshness } from "./freshness.ts";
import { rebuildAggregates, refreshAggregates } from "./maintain.ts";

let t: TestHost<[typeof reporting]>;
let f: Fixture;
let ctx: TaskContext;
let lastEventId = 0;

beforeAll(async () => {
  t = await createTestHost({ plugins: [reporting] });
  f = await buildFixture(t, await t.createOrg());
  ctx = await t.taskContext(f.org, "reporting");
  await rebuildAggregates(t.db.db, f.org.id);
  lastEventId = await maxEventId();
});
afterAll(() => t.destroy());

async function maxEventId() {
  const [row] = await queryRows<{ id: number | null }>(t.db.db, sql`select max(id)::int as id from core.events`);
  return Number(row?.id ?? 0);
}

/** Hands the outbox's new events to the plugin's handlers, as the dispatcher would. */
async function deliverEvents(): Promise<string[]> {
  const rows = await t.db.db.select().from(events).where(and(eq(events.organizationId, f.org.id), gt(events.id, lastEventId)));
  for (const row of rows) {
    lastEventId = Math.max(lastEventId, row.id);
    const handler = aggregateEventHandlers[row.type];
    if (handler) await handler(ctx, row);
  }
  return rows.map((r) => r.type);
}

const norm = (v: string) => new MoneyDecimal(v).toString();
function normalize(i: KpiInputs) {
  const byKey = <T extends { currency: string; day?: string }>(rows: T[]) =>
    [...rows].sort((a, b) => `${a.day ?? ""}${a.currency}`.localeCompare(`${b.day ?? ""}${b.currency}`));
  return {
    closed: byKey(i.closed).map((r) => ({ ...r, wonAmount: norm(r.wonAmount), wonCycleSeconds: norm(r.wonCycleSeconds) })),
    previousWon: byKey(i.previousWon).map((r) => ({ ...r, wonAmount: norm(r.wonAmount) })),
    pipeline: byKey(i.pipeline).map((r) => ({ ...r, amount: norm(r.amount), weighted: norm(r.weighted) })),
    cohort: i.cohort,
    leads: i.leads && { ...i.leads, medianSeconds: i.leads.medianSeconds && norm(i.leads.medianSeconds) },
    activities: i.activities,
  };
}

const QUESTIONS: Partial<KpiFilters>[] = [
  {},
  { from: "2026-01-01", to: "2026-12-31" },
  { from: "2026-04-01", to: "2026-06-30" },
  { from: "2026-08-01", to: "2026-08-31" },
  { source: "web" },
  { segment: "ent" },
  { segment: "smb" },
];

/** The aggregates' inputs equal a direct computation over core's tables, for several questions and scopes. */
async function expectAgreement() {
  const tz = (await queryRows<{ tz: string }>(t.db.db, sql`select time_zone as tz from core.organizations where id = ${f.org.id}::uuid`))[0]!.tz;
  for (const q of QUESTIONS) {
    for (const owner of [undefined, f.r1.userId, f.r2.userId]) {
      const filters = { ...Q3, ...q, ownerId: owner } as KpiFilters;
      const scope = await resolveScope(ctx.tenant, filters);
      const query = { organizationId: f.org.id, filters, scope };
      const fromAggregates = normalize(await inputsFromAggregates(t.db.db, query));
      const direct = normalize(await inputsFromBaseTables(t.db.db, { ...query, timeZone: tz }));
      expect(fromAggregates, JSON.stringify(filters)).toEqual(direct);
    }
  }
}

describe("aggregates agree with a direct computation", () => {
  it("after the first build", async () => {
    await expectAgreement();
    const direct = await inputsFromBaseTables(t.db.db, { organizationId: f.org.id, filters: Q3, scope: { ownerIds: null, forecast: { org: true } }, timeZone: "UTC" });
    expect(direct.closed.reduce((n, r) => n + r.wonCount, 0)).toBe(4);
  });

  it("after inserts, through core's events for deals and leads and the sweep for activities", async () => {
    const owner = f.org.ownerCtx;
    await createRecord(owner, "opportunities", { name: "New won", amount: "250.00", currency: "EUR", stage: "closed_won", ownerId: f.r1.userId, source: "web", accountId: f.big });
    await createRecord(owner, "opportunities", { name: "New open", amount: "800.00", stage: "proposal", ownerId: f.r2.userId });
    await createRecord(owner, "leads", { lastName: "New lead", ownerId: f.r1.userId, source: "web" });
    const delivered = await deliverEvents();
    expect(delivered).toEqual(expect.arrayContaining(["opportunity.created", "lead.created"]));
    // The deals are counted from their events alone: today is after Q3, so they are in the current quarter.
    const today = new Date().toISOString().slice(0, 10);
    const now = { from: today, to: today } as KpiFilters;
    const all = { ownerIds: null, forecast: { org: true as const } };
    const agg = await inputsFromAggregates(t.db.db, { organizationId: f.org.id, filters: now, scope: all });
    expect(agg.closed.reduce((n, r) => n + r.wonCount, 0)).toBe(1);
    expect(agg.cohort[0]).toBe(2);
    await createRecord(owner, "activities", { type: "meeting", subject: "New meeting", occurredAt: new Date("2026-08-20T10:00:00Z"), durationMinutes: 50, ownerId: f.r1.userId, leadId: f.lead.L1 });
    await refreshAggregates(t.db.db, f.org.id);
    await expectAgreement();
  });

  it("after updates that core reports with no event (amount, probability, owner) and with one (stage)", async () => {
    const owner = f.org.ownerCtx;
    await updateRecord(owner, "opportunities", f.opp.O6, { amount: "1234.56", probability: 70 });
    await updateRecord(owner, "opportunities", f.opp.O1, { ownerId: f.r2.userId });
    await updateRecord(owner, "leads", f.lead.L4, { firstResponseAt: new Date("2026-08-02T12:10:00Z") });
    await refreshAggregates(t.db.db, f.org.id);
    await expectAgreement();
    await updateRecord(owner, "opportunities", f.opp.O7, { stage: "closed_lost" });
    expect(await deliverEvents()).toContain("opportunity.closed_lost");
    await expectAgreement();
  });

  it("after deletes, soft and hard", async () => {
    await deleteRecord(f.org.ownerCtx, "opportunities", f.opp.O3);
    await deleteRecord(f.org.ownerCtx, "activities", f.activity.A1);
    await t.db.db.delete(leads).where(eq(leads.id, f.lead.L2));
    await refreshAggregates(t.db.db, f.org.id);
    await expectAgreement();
  });

  it("after an account merge (deals re-pointed to the survivor), from the account.merged event", async () => {
    // What the hygiene plugin's merge does: deals move to the survivor, the merged account goes. The survivor is
    // enterprise-sized, the merged one small: O2 changes segment.
    const old = new Date("2026-01-01T00:00:00Z");
    await t.db.db.update(opportunities).set({ accountId: f.big, updatedAt: old }).where(eq(opportunities.accountId, f.small));
    await t.db.db.update(accounts).set({ deletedAt: new Date(), updatedAt: old }).where(eq(accounts.id, f.small));
    await t.db.db.insert(events).values({ organizationId: f.org.id, type: "account.merged", payload: { survivorId: f.big, mergedIds: [f.small] } });
    await deliverEvents();
    await expectAgreement();
  });

  it("after a lead merge (the merged lead goes, its activities move), from the lead.merged event", async () => {
    const old = new Date("2026-01-01T00:00:00Z");
    await t.db.db.update(leads).set({ deletedAt: new Date(), updatedAt: old }).where(eq(leads.id, f.lead.L3));
    await t.db.db.update(activities).set({ leadId: f.lead.L1, updatedAt: old }).where(eq(activities.leadId, f.lead.L3));
    await t.db.db.insert(events).values({ organizationId: f.org.id, type: "lead.merged", payload: { survivorId: f.lead.L1, mergedIds: [f.lead.L3] } });
    await deliverEvents();
    await expectAgreement();
  });

  it("after an account's size changes (segment), and after the time zone changes (rebuild)", async () => {
    await updateRecord(f.org.ownerCtx, "accounts", f.big, { employees: 300 });
    const swept = await refreshAggregates(t.db.db, f.org.id);
    expect(swept.mode).toBe("sweep");
    await expectAgreement();
    await t.db.db.update(organizations).set({ timeZone: "Pacific/Auckland" }).where(eq(organizations.id, f.org.id));
    const rebuilt = await refreshAggregates(t.db.db, f.org.id);
    expect(rebuilt.mode).toBe("rebuild");
    expect((await readFreshness(t.db.db, f.org.id)).asOf).toEqual(rebuilt.asOf);
    await expectAgreement();
  });
});
