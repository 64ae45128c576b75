import { forecastSubmissions } from "../schema.ts";
import { createTestHost, type TestHost } from "@opsdeck/plugin-sdk/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rebuildAggregates } from "../aggregates/maintain.ts";
import reporting from "../server.ts";
import { KPI_KEYS } from "./catalogue.ts";
import { loadRates } from "./rates.ts";
import { computeKpis } from "./service.ts";
import { buildFixture, Q3, type Fixture } from "./test-fixture.ts";

let t: TestHost<[typeof reporting]>;
let f: Fixture;

beforeAll(async () => {
  t = await createTestHost({ plugins: [reporting] });
  f = await buildFixture(t, await t.createOrg());
});
afterAll(() => t.destroy());

const kpis = (user = f.ops, filters: Record<string, string> = {}) => t.as(user).reporting.kpis.get({ ...Q3, ...filters });

describe("KPIs on a hand-built quarter", () => {
  // Expected values, worked out from test-fixture.ts for 2026-07-01 … 2026-09-30 (UTC, USD):
  // won: O1 1000 USD, O2 500 EUR × 1.20 (rate of 2026-07-01, valid on the close day 08-04) = 600, O3 2000, O12 100
  //   → 4 deals, 3700.00; O11 is deleted, O9 closes after the period, O10 before it.
  // lost: O4, O5 → win rate 4 / 6.
  // cycles: O1 40 d, O2 30 d, O3 150 d, O12 19 d → 239 / 4 = 59.75 days.
  // open at 09-30: O6 1000 USD (60 %), O7 1000 GBP × 1.30 (80 %), O9 400 USD (won later, probability 100 now)
  //   → 3 deals, 2700.00, weighted 600 + 1040 + 400 = 2040.00. O8 is created after the period.
  // previous period (2026-03-31 … 06-30) won: O10 1500 → coverage 2700 / 1500 = 1.80.
  // velocity: 3 × 2/3 × 925 / 59.75 = 30.962… per day.
  // leads created in the period with a response: L1 30 min, L2 90, L3 45 → median 45; L4 unanswered, L5 before.
  // activities: prospect meetings A1 (deal), A5 (lead); A3 has neither, A6 is deleted → 2.
  //   selling minutes 60 + 30 + 45 + 30 = 165; sellers: 3 reps + 2 managers over 66 business days × 480 → 0.0010.
  // cohort created in the period: O2 (won), O4 (lost after proposal), O6 (proposal), O7 (negotiation), O9, O12 (won) = 6;
  //   reached negotiation: O2, O7, O9, O12 = 4; won: 3.
  it("computes each KPI of the catalogue", async () => {
    const answer = await kpis();
    expect(answer).toMatchObject({ from: "2026-07-01", to: "2026-09-30", currency: "USD" });
    expect(answer.kpis).toEqual({
      closed_won_count: 4,
      closed_won_amount: "3700.00",
      avg_deal_size: "925.00",
      win_rate: "0.6667",
      pipeline_value: "2700.00",
      weighted_pipeline_value: "2040.00",
      sales_cycle_length_days: "59.75",
      lead_response_time_minutes: "45.00",
      quota_attainment: null,
      forecast_accuracy: null,
      pipeline_velocity_per_day: "30.96",
      selling_time_share: "0.0010",
      prospect_meetings: 2,
      pipeline_coverage: "1.80",
      stage_conversion: {
        prospecting_to_qualification: "1.0000",
        qualification_to_needs_analysis: "1.0000",
        needs_analysis_to_proposal: "1.0000",
        proposal_to_negotiation: "0.6667",
        negotiation_to_closed_won: "0.7500",
      },
    });
    expect(answer.reasons.quota_attainment).toBe("no quota source");
    expect(answer.unconverted).toEqual([]);
  });

  it("answers the same from the base tables and from the aggregates, and says how fresh it is", async () => {
    const ctx = await t.taskContext(f.org, "reporting");
    const live = await computeKpis(ctx, Q3, { source: "live" });
    expect(live.source).toBe("live");
    const { asOf } = await rebuildAggregates(t.db.db, f.org.id);
    const built = await kpis();
    expect(built.source).toBe("aggregates");
    expect(built.asOf).toBe(asOf.toISOString());
    expect(built.kpis).toEqual(live.kpis);
  });

  it("filters by source, segment, team and rep", async () => {
    const web = await kpis(f.ops, { source: "web" });
    expect(web.kpis).toMatchObject({ closed_won_count: 2, closed_won_amount: "3000.00", pipeline_value: "1000.00", lead_response_time_minutes: "37.50" });
    expect(web.kpis.selling_time_share).toBeNull();
    const ent = await kpis(f.ops, { segment: "ent" });
    expect(ent.kpis).toMatchObject({ closed_won_count: 2, closed_won_amount: "3000.00", win_rate: "1.0000" });
    expect(ent.reasons.lead_response_time_minutes).toBe("leads have no segment");
    const smb = await kpis(f.ops, { segment: "smb" });
    expect(smb.kpis).toMatchObject({ closed_won_count: 1, closed_won_amount: "600.00" });
    // Team A = manager, r1, r2: O1 + O2 + O3; O4 lost; open O6, O7, O9.
    const team = await kpis(f.ops, { teamId: f.teamA });
    expect(team.kpis).toMatchObject({ closed_won_amount: "3600.00", closed_won_count: 3, win_rate: "0.7500", pipeline_value: "2700.00" });
    const rep = await kpis(f.ops, { ownerId: f.r1.userId });
    // r1: calls and meetings 60 + 30 + 30 = 120 minutes of 66 × 480 → 0.0038.
    expect(rep.kpis).toMatchObject({ closed_won_amount: "1600.00", closed_won_count: 2, pipeline_value: "1400.00", prospect_meetings: 2, selling_time_share: "0.0038" });
  });

  it("converts at the rate valid on the day, and reports amounts it cannot convert", async () => {
    const ctx = await t.taskContext(f.org, "reporting");
    // July: won O1 1000 + O12 100. Open at 07-31: O2 (EUR 500 at the 07-01 rate 1.20 = 600), O3 2000, O4 700.
    const july = await computeKpis(ctx, { from: "2026-07-01", to: "2026-07-31" }, { source: "live" });
    expect(july.kpis).toMatchObject({ closed_won_amount: "1100.00", pipeline_value: "3300.00" });
    const rates = await loadRates(ctx.tenant, "USD");
    expect(rates.convert("500.00", "EUR", "2026-06-30")!.toFixed(2)).toBe("550.00");
    expect(rates.convert("500.00", "EUR", "2025-12-31")).toBeNull();
    expect(rates.convert("500.00", "USD", "2025-12-31")!.toFixed(2)).toBe("500.00");
    // A GBP deal won before GBP had a rate is left out of the amount and named in the answer.
    const other = await t.createOrg();
    const { opportunities } = await import("@opsdeck/core/schema");
    await t.db.db.insert(opportunities).values({
      organizationId: other.id, name: "GBP", amount: "100.00", currency: "GBP", stage: "closed_won", isWon: true, isClosed: true,
      createdAt: new Date("2026-07-01T00:00:00Z"), closedAt: new Date("2026-07-02T00:00:00Z"),
    });
    const theirs = await t.as(other.owner).reporting.kpis.get(Q3);
    expect(theirs.kpis).toMatchObject({ closed_won_count: 1, closed_won_amount: "0.00" });
    expect(theirs.unconverted).toEqual(["GBP on 2026-07-02"]);
  });

  it("computes forecast accuracy from the forecast submitted by the cut-off", async () => {
    const db = t.db.db;
    // r1 won 1600.00 in Q3; their commit at the cut-off was 2000.00 → 1 − 400 / 1600 = 0.75. A later call does not count.
    const base = { organizationId: f.org.id, userId: f.r1.userId, scope: "self" as const, periodStart: Q3.from, periodEnd: Q3.to, periodName: "Q3", weekStart: "2026-07-13", bestCase: "0", pipeline: "0", currency: "USD" };
    await db.insert(forecastSubmissions).values([
      { ...base, commit: "2000.00", submittedAt: new Date("2026-07-14T09:00:00Z") },
      { ...base, commit: "1600.00", weekStart: "2026-09-07", submittedAt: new Date("2026-09-08T09:00:00Z") },
    ]);
    const rep = await kpis(f.r1);
    expect(rep.kpis.forecast_accuracy).toBe("0.7500");
    const team = await kpis(f.ops, { ownerId: f.r2.userId });
    expect(team.kpis.forecast_accuracy).toBeNull();
    expect(team.reasons.forecast_accuracy).toMatch(/no forecast/);
  });
});

describe("who sees what", () => {
  it("shows a rep their own numbers only", async () => {
    const mine = await kpis(f.r1);
    expect(mine.kpis).toMatchObject({ closed_won_count: 2, closed_won_amount: "1600.00" });
    await expect(kpis(f.r1, { ownerId: f.r2.userId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(kpis(f.r1, { teamId: f.teamA })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("shows a manager their team, and no other team", async () => {
    const team = await kpis(f.manager);
    expect(team.kpis).toMatchObject({ closed_won_count: 3, closed_won_amount: "3600.00" });
    expect((await kpis(f.manager, { ownerId: f.r2.userId })).kpis.closed_won_amount).toBe("2000.00");
    await expect(kpis(f.manager, { teamId: f.teamB })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(kpis(f.manager, { ownerId: f.r3.userId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const other = await kpis(f.otherManager);
    expect(other.kpis).toMatchObject({ closed_won_count: 0, win_rate: "0.0000" });
  });

  it("keeps organizations apart and checks its input", async () => {
    const b = await t.createOrg();
    const theirs = await kpis(b.owner);
    expect(theirs.kpis).toMatchObject({ closed_won_count: 0, closed_won_amount: "0.00", pipeline_value: "0.00" });
    await expect(kpis(b.owner, { teamId: f.teamA })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(kpis(b.owner, { ownerId: f.r1.userId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(t.as(f.ops).reporting.kpis.get({ from: "2026-09-30", to: "2026-07-01" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(t.as(f.ops).reporting.kpis.get({ from: "yesterday", to: "2026-07-01" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(kpis(f.ops, { territoryId: f.teamA })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    const newHire = await t.createUser(f.org, "new_hire");
    await expect(kpis(newHire)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("drill-down", () => {
  const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
  const drill = (user = f.ops, kpi: string, filters: Record<string, string> = {}) =>
    t.as(user).reporting.kpis.drilldown({ filters: { ...Q3, ...filters }, kpi: kpi as "closed_won_count" });

  it("lists exactly the records behind each number", async () => {
    const won = await drill(f.ops, "closed_won_amount");
    expect(won.total).toBe(4);
    expect(ids(won.rows)).toEqual([f.opp.O1, f.opp.O2, f.opp.O3, f.opp.O12].sort());
    expect(won.rows.find((r) => r.id === f.opp.O2)).toMatchObject({ amount: "500.00", currency: "EUR", convertedAmount: "600.00" });
    expect(ids((await drill(f.ops, "win_rate")).rows)).toEqual([f.opp.O1, f.opp.O2, f.opp.O3, f.opp.O4, f.opp.O5, f.opp.O12].sort());
    expect(ids((await drill(f.ops, "pipeline_value")).rows)).toEqual([f.opp.O6, f.opp.O7, f.opp.O9].sort());
    expect(ids((await drill(f.ops, "lead_response_time_minutes")).rows)).toEqual([f.lead.L1, f.lead.L2, f.lead.L3].sort());
    expect(ids((await drill(f.ops, "prospect_meetings")).rows)).toEqual([f.activity.A1, f.activity.A5].sort());
    expect(ids((await drill(f.ops, "stage_conversion")).rows)).toHaveLength(6);
  });

  it("pages, and stays within the caller's scope", async () => {
    const first = await t.as(f.ops).reporting.kpis.drilldown({ filters: Q3, kpi: "closed_won_count", limit: 3, offset: 0 });
    const second = await t.as(f.ops).reporting.kpis.drilldown({ filters: Q3, kpi: "closed_won_count", limit: 3, offset: 3 });
    expect(first.rows).toHaveLength(3);
    expect(second.rows).toHaveLength(1);
    expect(new Set([...ids(first.rows), ...ids(second.rows)]).size).toBe(4);
    expect(ids((await drill(f.r1, "closed_won_count")).rows)).toEqual([f.opp.O1, f.opp.O2].sort());
    expect(ids((await drill(f.manager, "closed_won_count")).rows)).toEqual([f.opp.O1, f.opp.O2, f.opp.O3].sort());
    await expect(drill(f.r2, "closed_won_count", { ownerId: f.r1.userId })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("opsdeck report kpis", () => {
  const run = async (args: Record<string, string | boolean>) => {
    let out = "";
    let err = "";
    const code = await t.host.runCommand("reporting", "kpis", {
      organizationId: f.org.id,
      args: { json: true, ...args },
      io: { out: (s) => (out += s), err: (s) => (err += s) },
    });
    return { code, out, err };
  };

  it("prints every key of the catalogue as one JSON document, money as strings", async () => {
    const res = await run({ from: Q3.from, to: Q3.to });
    expect(res.code ?? 0).toBe(0);
    const doc = JSON.parse(res.out) as { from: string; to: string; currency: string; kpis: Record<string, unknown> };
    expect(doc).toMatchObject({ from: "2026-07-01", to: "2026-09-30", currency: "USD" });
    expect(Object.keys(doc.kpis).sort()).toEqual([...KPI_KEYS].sort());
    expect(doc.kpis.closed_won_amount).toBe("3700.00");
    expect(doc.kpis.closed_won_count).toBe(4);
  });

  it("takes a team by name and a rep by email", async () => {
    const team = JSON.parse((await run({ from: Q3.from, to: Q3.to, team: "team a" })).out) as { kpis: Record<string, unknown> };
    expect(team.kpis.closed_won_amount).toBe("3600.00");
    const rep = JSON.parse((await run({ from: Q3.from, to: Q3.to, owner: f.r2.email })).out) as { kpis: Record<string, unknown> };
    expect(rep.kpis.closed_won_amount).toBe("2000.00");
    await expect(run({ from: Q3.from, to: Q3.to, team: "Nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("breakdowns for charts and tables", () => {
  it("splits the numbers by team and over time, each row drilling to its records", async () => {
    const teams = await t.as(f.ops).reporting.kpis.breakdown({ kind: "by_team", filters: Q3 });
    const byName = Object.fromEntries(teams.rows.map((r) => [r.label, r]));
    // Team A: O1 + O2 (600) + O3 won, O4 lost; open at 09-30 O6, O7 (1300), O9. Team B: O5 lost. No team: O12 (no owner).
    expect(byName["Team A"]!.values).toEqual({ closed_won_count: 3, closed_won_amount: "3600.00", win_rate: "0.7500", open_count: 3, pipeline_value: "2700.00" });
    expect(byName["Team A"]!.drill).toEqual({ teamId: f.teamA });
    expect(byName["Team B"]!.values).toMatchObject({ closed_won_count: 0, win_rate: "0.0000", open_count: 0 });
    expect(byName["No team"]!.values).toMatchObject({ closed_won_count: 1, closed_won_amount: "100.00" });
    // Over four months (monthly buckets): July O1 1000 + O12 100; August O2 EUR 500 at 1.20; September O3; October O9.
    const months = await t.as(f.ops).reporting.kpis.breakdown({ kind: "won_over_time", filters: { from: "2026-07-01", to: "2026-10-31" } });
    expect(months.rows.map((r) => [r.label, r.values.amount, r.drill.from])).toEqual([
      ["Jul 2026", "1100.00", "2026-07-01"],
      ["Aug 2026", "600.00", "2026-08-01"],
      ["Sep 2026", "2000.00", "2026-09-01"],
      ["Oct 2026", "400.00", "2026-10-01"],
    ]);
    const mine = await t.as(f.r1).reporting.kpis.breakdown({ kind: "by_owner", filters: Q3 });
    expect(mine.rows.map((r) => r.key)).toEqual([f.r1.userId]);
  });
});
