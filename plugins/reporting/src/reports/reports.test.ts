import { createTestHost, type TestHost } from "@opsdeck/plugin-sdk/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fiscalYearOf } from "@opsdeck/core";
import reporting from "../server.ts";
import { quarterOf } from "../forecasts/periods.ts";
import callLog from "./test-fixture-plugin/server.ts";
import { datasetCatalog, datasetFromContribution, REPORT_DATASET_SLOT } from "./datasets.ts";
import { insertOpportunity, makePeople, type People } from "./test-fixtures.ts";

let t: TestHost<[typeof reporting, typeof callLog]>;
let p: People;
let q: People;

beforeAll(async () => {
  t = await createTestHost({ plugins: [reporting, callLog] });
  p = await makePeople(t, "rb");
  q = await makePeople(t, "rb-other");
  const o = p.org.id;
  await t.db.db.execute(sql`insert into core.exchange_rates (organization_id, currency, rate, valid_from) values (${o}::uuid, 'EUR', 1.10000000, '2025-01-01'), (${o}::uuid, 'EUR', 1.20000000, '2026-03-01')`);
  await insertOpportunity(t, o, { name: "A1", ownerId: p.repA.userId, amount: "100.00", stage: "proposal", closeDate: "2026-02-10" });
  await insertOpportunity(t, o, { name: "A2", ownerId: p.repA.userId, amount: "200.00", currency: "EUR", stage: "negotiation", closeDate: "2026-03-15" });
  await insertOpportunity(t, o, { name: "B1", ownerId: p.repB.userId, amount: "50.50", stage: "proposal", closeDate: "2026-02-20" });
  await insertOpportunity(t, o, { name: "O1", ownerId: p.other.userId, amount: "1000.00", stage: "prospecting", closeDate: "2026-04-01" });
  await insertOpportunity(t, q.org.id, { name: "Q1", ownerId: q.repA.userId, amount: "7.00", stage: "proposal", closeDate: "2026-02-10" });
});
afterAll(() => t.destroy());

const byStage = { entity: "opportunities", groupBy: [{ field: "stage" }], measures: [{ fn: "count" as const }, { fn: "sum" as const, field: "amount" }, { fn: "max" as const, field: "amount" }] };

describe("report builder", () => {
  it("groups and measures with money in the organization's currency", async () => {
    const r = await t.as(p.ops).reporting.reports.run({ definition: byStage });
    // EUR 200 closing 2026-03-15 converts at the rate valid then (1.2): 240.00.
    expect(r.rows).toEqual([
      { stage: "negotiation", count: 1, sum_amount: "240.00", max_amount: "240.00" },
      { stage: "proposal", count: 2, sum_amount: "150.50", max_amount: "100.00" },
      { stage: "prospecting", count: 1, sum_amount: "1000.00", max_amount: "1000.00" },
    ]);
    expect(r.total).toBe(3);
  });

  it("buckets dates, filters, and pages a plain list", async () => {
    const monthly = await t.as(p.ops).reporting.reports.run({
      definition: { entity: "opportunities", groupBy: [{ field: "close_date", bucket: "month" }], measures: [{ fn: "avg", field: "amount" }], filters: [{ field: "amount", op: "lt", value: 500 }] },
    });
    expect(monthly.rows).toEqual([
      { close_date_month: "2026-02-01", avg_amount: "75.25" },
      { close_date_month: "2026-03-01", avg_amount: "240.00" },
    ]);
    const list = await t.as(p.ops).reporting.reports.run({
      definition: { entity: "opportunities", columns: ["name", "amount"], filters: [{ field: "stage", op: "in", value: ["proposal", "negotiation"] }], sort: { by: "name", direction: "asc" } },
      limit: 2,
    });
    expect(list.total).toBe(3);
    expect(list.rows).toEqual([{ name: "A1", amount: "100.00" }, { name: "A2", amount: "240.00" }]);
  });

  it("buckets quarters and years by the organization's fiscal year, named like core's calendar", async () => {
    const f = await makePeople(t, "rb-fiscal");
    const days = ["2026-01-31", "2026-02-01", "2026-04-30", "2026-05-01", "2026-12-15"];
    for (const [i, day] of days.entries()) await insertOpportunity(t, f.org.id, { name: `F${i}`, ownerId: f.repA.userId, amount: "10.00", closeDate: day });
    const byQuarter = { entity: "opportunities", groupBy: [{ field: "close_date", bucket: "quarter" as const }], measures: [{ fn: "count" as const }] };
    const byYear = { entity: "opportunities", groupBy: [{ field: "close_date", bucket: "year" as const }], measures: [{ fn: "count" as const }] };
    const setStart = async (month: number) => {
      await t.db.db.execute(sql`update core.organizations set fiscal_year_start_month = ${month} where id = ${f.org.id}::uuid`);
      t.host.invalidate(f.org.id);
    };
    const expected = (month: number, kind: "quarter" | "year") => {
      const counts = new Map<string, number>();
      for (const day of days) {
        const name = kind === "quarter" ? quarterOf(day, month).name : `FY${fiscalYearOf(day, month)}`;
        counts.set(name, (counts.get(name) ?? 0) + 1);
      }
      return [...counts].map(([name, count]) => ({ [`close_date_${kind}`]: name, count }));
    };
    await setStart(2);
    const q2 = await t.as(f.ops).reporting.reports.run({ definition: byQuarter });
    // February start: Nov–Jan is Q4 of the year ending in January; FY2027 runs Feb 2026 – Jan 2027.
    expect(q2.rows).toEqual([
      { close_date_quarter: "FY2026 Q4", count: 1 },
      { close_date_quarter: "FY2027 Q1", count: 2 },
      { close_date_quarter: "FY2027 Q2", count: 1 },
      { close_date_quarter: "FY2027 Q4", count: 1 },
    ]);
    expect(q2.rows).toEqual(expected(2, "quarter"));
    expect(q2.columns[0]).toEqual({ key: "close_date_quarter", label: "Close date (fiscal quarter)", type: "text" });
    expect((await t.as(f.ops).reporting.reports.run({ definition: byYear })).rows).toEqual([{ close_date_year: "FY2026", count: 1 }, { close_date_year: "FY2027", count: 4 }]);
    for (const month of [1, 4, 7, 11]) {
      await setStart(month);
      expect((await t.as(f.ops).reporting.reports.run({ definition: byQuarter })).rows).toEqual(expected(month, "quarter"));
      expect((await t.as(f.ops).reporting.reports.run({ definition: byYear })).rows).toEqual(expected(month, "year"));
    }
  });

  it("shows a rep their own rows, a manager their team's, never another organization's", async () => {
    const rep = await t.as(p.repA).reporting.reports.run({ definition: { entity: "opportunities", columns: ["name"] } });
    expect(rep.rows.map((r) => r.name).sort()).toEqual(["A1", "A2"]);
    const manager = await t.as(p.manager).reporting.reports.run({ definition: { entity: "opportunities", columns: ["name"] } });
    expect(manager.rows.map((r) => r.name).sort()).toEqual(["A1", "A2", "B1"]);
    const other = await t.as(q.ops).reporting.reports.run({ definition: { entity: "opportunities", columns: ["name"] } });
    expect(other.rows.map((r) => r.name)).toEqual(["Q1"]);
  });

  it("answers BAD_REQUEST for unknown fields and wrong measures", async () => {
    await expect(t.as(p.ops).reporting.reports.run({ definition: { entity: "opportunities", columns: ["nope"] } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(t.as(p.ops).reporting.reports.run({ definition: { entity: "opportunities", measures: [{ fn: "sum", field: "stage" }] } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(t.as(p.ops).reporting.reports.run({ definition: { entity: "nothing" } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(t.as(p.ops).reporting.reports.run({ definition: { entity: "opportunities", columns: ["name; drop table x"] } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("saves, shares with roles or people, and hides reports from others", async () => {
    const saved = await t.as(p.manager).reporting.reports.create({ name: "Pipeline by stage", definition: byStage, sharedUserIds: [p.repA.userId] });
    await expect(t.as(p.manager).reporting.reports.create({ name: "pipeline BY stage", definition: byStage })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await t.as(p.repA).reporting.reports.list()).map((r) => r.id)).toEqual([saved.id]);
    expect(await t.as(p.repB).reporting.reports.list()).toEqual([]);
    await expect(t.as(p.repB).reporting.reports.get({ id: saved.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await t.as(p.manager).reporting.reports.update({ id: saved.id, name: "Pipeline by stage", definition: byStage, sharedRoles: ["rep"] });
    expect((await t.as(p.repB).reporting.reports.list()).map((r) => r.id)).toEqual([saved.id]);
    // Shared, the report still shows each person only their rows.
    const run = await t.as(p.repB).reporting.reports.runSaved({ id: saved.id });
    expect(run.result.rows).toEqual([{ stage: "proposal", count: 1, sum_amount: "50.50", max_amount: "50.50" }]);
    await expect(t.as(q.ops).reporting.reports.get({ id: saved.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(t.as(p.ops).reporting.reports.create({ name: "x", definition: byStage, sharedUserIds: [q.repA.userId] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(t.as(p.repA).reporting.reports.create({ name: "mine", definition: byStage })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("datasets registered by plugins", () => {
  it("reads an enabled plugin's view through its slot declaration, scoped by owner and organization", async () => {
    await t.db.db.execute(sql`insert into plugin_call_log.calls (organization_id, owner_id, kind, score, secret) values
      (${p.org.id}::uuid, ${p.repA.userId}::uuid, 'call', 3, 's1'), (${p.org.id}::uuid, ${p.repA.userId}::uuid, 'call', 5, 's2'),
      (${p.org.id}::uuid, ${p.repB.userId}::uuid, 'mail', 1, 's3'), (${q.org.id}::uuid, ${q.repA.userId}::uuid, 'call', 100, 's4')`);
    const datasets = await t.as(p.ops).reporting.reports.datasets();
    const calls = datasets.find((d) => d.id === "call-log.calls");
    expect(calls).toMatchObject({ label: "Calls", pluginId: "call-log", fields: [{ name: "kind", label: "Kind", type: "text" }, { name: "score", label: "Score", type: "number" }] });
    // A declaration outside the plugin's own schema is ignored.
    expect(datasets.map((d) => d.id)).not.toContain("call-log.users");
    const definition = { entity: "call-log.calls", groupBy: [{ field: "kind" }], measures: [{ fn: "sum" as const, field: "score" }] };
    expect((await t.as(p.ops).reporting.reports.run({ definition })).rows).toEqual([{ kind: "call", sum_score: "8.00" }, { kind: "mail", sum_score: "1.00" }]);
    expect((await t.as(p.repB).reporting.reports.run({ definition })).rows).toEqual([{ kind: "mail", sum_score: "1.00" }]);
    expect((await t.as(q.ops).reporting.reports.run({ definition })).rows).toEqual([{ kind: "call", sum_score: "100.00" }]);
    // Only declared columns can be asked for.
    await expect(t.as(p.ops).reporting.reports.run({ definition: { entity: "call-log.calls", columns: ["secret"] } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // Turned off in the organization, its dataset is gone there (and only there).
    await t.setEnabled(q.org, "call-log", false);
    expect((await t.as(q.ops).reporting.reports.datasets()).map((d) => d.id)).not.toContain("call-log.calls");
    await expect(t.as(q.ops).reporting.reports.run({ definition })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await t.as(p.ops).reporting.reports.datasets()).map((d) => d.id)).toContain("call-log.calls");
  });

  it("refuses declarations outside the plugin's schema", () => {
    const fixture = { id: "x", label: "X", relation: "plugin_other.view", fields: [{ name: "kind", label: "Kind", type: "text" }] };
    expect(() => datasetFromContribution("evil", fixture)).toThrow(/own schema/);
    expect(datasetCatalog([{ pluginId: "evil", contribution: fixture }]).map((d) => d.id)).not.toContain("evil.x");
    expect(REPORT_DATASET_SLOT).toBe("reporting.report.dataset");
  });
});
