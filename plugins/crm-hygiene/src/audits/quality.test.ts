import { createRecord, deactivateMember } from "@opsdeck/core";
import { createTestHost, type TestHost, type TestOrg, type TestUser } from "@opsdeck/plugin-sdk/testing";
import { queryRows } from "@opsdeck/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import hygiene from "../server.ts";
import { qualityScanJob } from "./jobs.ts";
import type { ScanResult } from "./scan.ts";

let t: TestHost<[typeof hygiene]>;
let org: TestOrg;
let other: TestOrg;
let ops: TestUser;
let rep: TestUser;
let leaver: TestUser;
const ids: Record<string, string> = {};
const longAgo = new Date(Date.now() - 200 * 86_400_000);

beforeAll(async () => {
  t = await createTestHost({ plugins: [hygiene] });
  org = await t.createOrg();
  other = await t.createOrg();
  ops = await t.createUser(org, "ops");
  rep = await t.createUser(org, "rep");
  leaver = await t.createUser(org, "rep");
  const c = org.ownerCtx;
  // A clean account, contact and one overdue deal of the rep; a neglected contact of someone who left.
  ids.account = (await createRecord(c, "accounts", { name: "Acme", domain: "acme.com", industry: "Software", country: "US", ownerId: rep.userId })).id;
  ids.clean = (await createRecord(c, "contacts", {
    firstName: "Jane", lastName: "Doe", email: "jane@acme.com", phone: "+14155550100", title: "CFO",
    accountId: ids.account, ownerId: rep.userId, lastActivityAt: new Date(),
  })).id;
  ids.neglected = (await createRecord(c, "contacts", { lastName: "Nobody", ownerId: leaver.userId, lastActivityAt: longAgo })).id;
  ids.overdue = (await createRecord(c, "opportunities", {
    name: "Overdue", stage: "prospecting", amount: "100", closeDate: "2020-01-31", accountId: ids.account, ownerId: rep.userId,
  })).id;
  await deactivateMember(c, leaver.userId);
  // Another organization full of problems: none of it may count here.
  for (let i = 0; i < 3; i++) await createRecord(other.ownerCtx, "contacts", { lastName: `Other ${i}` });
  // A clean account nobody owns: the "No owner" row of the score by owner. Its only failed check: no owner (2 of 8).
  ids.unowned = (await createRecord(c, "accounts", { name: "Orphan", domain: "orphan.io", industry: "Retail", country: "DE" })).id;
});
afterAll(() => t.destroy());

async function scan(which: TestOrg) {
  return (await qualityScanJob.run(await t.taskContext(which, "crm-hygiene"), {}, () => Promise.resolve())) as ScanResult;
}

describe("data-quality scan and scores", () => {
  it("scores each record by its share of failed checks, and the organization and owners by their records", async () => {
    const result = await scan(org);
    // Neglected contact: email 2 + phone 1 + title 1 + account 2 + owner left 2 + stale 1 = 9 of 11.
    // Overdue deal: past close date 2 of 10. Unowned account: 2 of 8. The rest: 0.
    // Org: 100 × (1 − (9/11 + 2/10 + 2/8) / 5) = 74.64.
    expect(result.records).toBe(5);
    expect(result.score).toBe(74.64);
    expect(result.issues).toEqual({
      "contacts.missing_email": 1,
      "contacts.missing_phone": 1,
      "contacts.missing_title": 1,
      "contacts.no_account": 1,
      "contacts.owner_left": 1,
      "contacts.stale": 1,
      "opportunities.past_close_date": 1,
      "accounts.no_owner": 1,
    });
    const overview = await t.as(rep)["crm-hygiene"].quality.overview();
    expect(overview).toMatchObject({ score: 74.64, records: 5, day: result.day });
    expect(overview.owners.map((o) => [o.name, o.score, o.records, o.active])).toEqual([
      [leaver.name, 18.18, 1, false],
      ["No owner", 75, 1, true],
      [rep.name, 93.33, 3, true],
    ]);
    expect(overview.topIssues).toContainEqual(expect.objectContaining({ id: "contacts.missing_email", count: 1, label: "Contacts without an email" }));
    expect(overview.trend).toEqual([{ day: result.day, score: 74.64, records: 5 }]);
  });

  it("keeps one snapshot a day and a trend over days, per owner and per team", async () => {
    // Yesterday's snapshot, as the daily scan would have left it.
    await t.db.db.execute(sql`insert into plugin_crm_hygiene.quality_snapshots (organization_id, day, scope, records, penalty, score, issues)
      values (${org.id}, (current_date - 1), 'org', 4, 2, 50, '{}'), (${org.id}, (current_date - 1), ${rep.userId}, 3, 1.5, 50, '{}')`);
    await scan(org);
    const rows = await queryRows<{ n: number }>(
      t.db.db,
      sql`select count(*)::int as n from plugin_crm_hygiene.quality_snapshots where organization_id = ${org.id} and scope = 'org'`,
    );
    expect(Number(rows[0]!.n)).toBe(2);
    const trend = await t.as(rep)["crm-hygiene"].quality.trend({ days: 30 });
    expect(trend.map((p) => p.score)).toEqual([50, 74.64]);
    const mine = await t.as(rep)["crm-hygiene"].quality.trend({ ownerId: rep.userId, days: 30 });
    expect(mine.map((p) => p.score)).toEqual([50, 93.33]);
  });

  it("lists the records of an audit now, with their owner, in this organization only", async () => {
    const list = await t.as(rep)["crm-hygiene"].quality.auditRecords({ check: "contacts.no_account" });
    expect(list.total).toBe(1);
    expect(list.rows).toEqual([expect.objectContaining({ id: ids.neglected, label: "Nobody", ownerName: leaver.name, entity: "contacts" })]);
    const audits = await t.as(rep)["crm-hygiene"].quality.audits();
    expect(audits.audits.find((a) => a.id === "accounts.missing_domain")).toMatchObject({ count: 0 });
    const record = await t.as(rep)["crm-hygiene"].quality.record({ entity: "opportunities", id: ids.overdue! });
    expect(record).toMatchObject({ score: 80, failing: [{ id: "opportunities.past_close_date", weight: 2 }] });
    await expect(t.as(other.owner)["crm-hygiene"].quality.record({ entity: "contacts", id: ids.neglected! })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const theirs = await scan(other);
    expect(theirs.records).toBe(3);
    expect((await t.as(other.owner)["crm-hygiene"].quality.auditRecords({ check: "contacts.no_account" })).rows.map((r) => r.id)).not.toContain(
      ids.neglected,
    );
  });

  it("counts validation rules as checks", async () => {
    const rule = await t.as(ops)["crm-hygiene"].validation.create({
      entity: "accounts",
      name: "Accounts have a city",
      config: { kind: "required", field: "city" },
      severity: "warn",
      message: "Add the city.",
    });
    const result = await scan(org);
    expect(result.issues[`rule:${rule.id}`]).toBe(2);
    // Accounts now have 9 weight units; neither has a city: 100 × (1 − (1/9 + 9/11 + 2/10 + 3/9) / 5) = 70.75.
    expect(result.score).toBe(70.75);
  });

  it("lets ops, not reps, start a scan", async () => {
    await expect(t.as(rep)["crm-hygiene"].quality.scan()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(t.as(ops)["crm-hygiene"].quality.scan()).resolves.toMatchObject({ type: "crm-hygiene.quality-scan", status: "queued" });
  });
});
