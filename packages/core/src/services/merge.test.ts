import { queryRows } from "@opsdeck/db";
import type { TestDatabase } from "@opsdeck/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCoreTestDatabase, createTestOrganization, type TestOrganization } from "../testing.ts";
import { mergeRecords, unmergeRecords } from "./merge.ts";
import { createRecord, getRecord } from "./records.ts";

let test: TestDatabase;
let org: TestOrganization;
let other: TestOrganization;

beforeAll(async () => {
  test = await createCoreTestDatabase();
  org = await createTestOrganization(test);
  other = await createTestOrganization(test);
});
afterAll(() => test.destroy());

/** Every row of the organization's record tables, as JSON, to compare before and after. */
async function everything(organizationId: string) {
  const out: Record<string, unknown[]> = {};
  for (const table of ["accounts", "contacts", "leads", "opportunities", "activities"]) {
    out[table] = await queryRows(test.db, sql.raw(`select * from core.${table} where organization_id = '${organizationId}' order by id`));
  }
  return JSON.parse(JSON.stringify(out)) as Record<string, unknown[]>;
}

describe("mergeRecords / unmergeRecords", () => {
  it("re-points every relation of merged accounts and undoes it exactly", async () => {
    const ctx = org.ctx;
    const keep = await createRecord(ctx, "accounts", { name: "Acme Inc.", domain: "acme.com" });
    const dup = await createRecord(ctx, "accounts", { name: "ACME", domain: null, industry: "Retail" });
    const child = await createRecord(ctx, "accounts", { name: "Acme GmbH", parentAccountId: dup.id });
    const person = await createRecord(ctx, "contacts", { firstName: "Ann", accountId: dup.id });
    const deal = await createRecord(ctx, "opportunities", { name: "Deal", stage: "proposal", accountId: dup.id });
    const call = await createRecord(ctx, "activities", { type: "call", occurredAt: new Date(), accountId: dup.id, contactId: person.id });
    const before = await everything(org.org.id);

    const snapshot = await mergeRecords(ctx, { entity: "accounts", survivorId: keep.id, mergedIds: [dup.id], values: { industry: "Retail" } });
    expect((await getRecord(ctx, "contacts", person.id)).accountId).toBe(keep.id);
    expect((await getRecord(ctx, "opportunities", deal.id)).accountId).toBe(keep.id);
    expect((await getRecord(ctx, "activities", call.id)).accountId).toBe(keep.id);
    expect((await getRecord(ctx, "accounts", child.id)).parentAccountId).toBe(keep.id);
    expect((await getRecord(ctx, "accounts", keep.id)).industry).toBe("Retail");
    await expect(getRecord(ctx, "accounts", dup.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const events = await queryRows<{ type: string; payload: { survivorId: string; mergedIds: string[] } }>(
      test.db,
      sql`select type, payload from core.events where organization_id = ${org.org.id} and type = 'account.merged'`,
    );
    expect(events).toEqual([{ type: "account.merged", payload: { survivorId: keep.id, mergedIds: [dup.id] } }]);

    await unmergeRecords(ctx, JSON.parse(JSON.stringify(snapshot)));
    expect(await everything(org.org.id)).toEqual(before);
  });

  it("changes nothing when a record is not in the organization", async () => {
    const keep = await createRecord(org.ctx, "contacts", { firstName: "Bo" });
    const dup = await createRecord(org.ctx, "contacts", { firstName: "Bob" });
    await createRecord(org.ctx, "activities", { type: "email", occurredAt: new Date(), contactId: dup.id });
    const foreign = await createRecord(other.ctx, "contacts", { firstName: "Bob" });
    const before = await everything(org.org.id);
    await expect(
      mergeRecords(org.ctx, { entity: "contacts", survivorId: keep.id, mergedIds: [dup.id, foreign.id], values: { firstName: "Bob" } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await everything(org.org.id)).toEqual(before);
  });

  it("refuses to undo once the survivor was merged away", async () => {
    const a = await createRecord(org.ctx, "leads", { firstName: "Cy", company: "X" });
    const b = await createRecord(org.ctx, "leads", { firstName: "Cy", company: "X" });
    const c = await createRecord(org.ctx, "leads", { firstName: "Cy", company: "X" });
    const first = await mergeRecords(org.ctx, { entity: "leads", survivorId: a.id, mergedIds: [b.id] });
    await mergeRecords(org.ctx, { entity: "leads", survivorId: c.id, mergedIds: [a.id] });
    await expect(unmergeRecords(org.ctx, first)).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
  });
});
