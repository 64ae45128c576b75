// The tombstones migration 0003 writes when records leave the record tables by SQL or a cascade.
import { queryRows } from "@opsdeck/db";
import type { TestDatabase } from "@opsdeck/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCoreTestDatabase, createTestOrganization, type TestOrganization } from "../testing.ts";
import { createRecord, deleteRecord } from "./records.ts";

let test: TestDatabase;
let org: TestOrganization;

beforeAll(async () => {
  test = await createCoreTestDatabase();
  org = await createTestOrganization(test);
});
afterAll(() => test.destroy());

const tombstones = (organizationId: string) =>
  queryRows<{ entity: string; record_id: string }>(
    test.db,
    sql`select entity, record_id from core.record_deletions where organization_id = ${organizationId}::uuid order by entity, record_id`,
  );

describe("core.record_deletions", () => {
  it("records every row a DELETE statement removes, one tombstone each, with its table", async () => {
    const account = await createRecord(org.ctx, "accounts", { name: "Gone Ltd" });
    const calls = await Promise.all(
      [1, 2, 3].map(() => createRecord(org.ctx, "activities", { type: "call", occurredAt: new Date(), accountId: account.id })),
    );
    const lead = await createRecord(org.ctx, "leads", { lastName: "Doe", company: "Doe & Co" });
    await test.db.execute(sql`delete from core.activities where account_id = ${account.id}::uuid`);
    await test.db.execute(sql`delete from core.leads where id = ${lead.id}::uuid`);
    expect(await tombstones(org.org.id)).toEqual(
      [
        ...calls.map((c) => ({ entity: "activities", record_id: c.id })),
        { entity: "leads", record_id: lead.id },
      ].sort((a, b) => (a.entity + a.record_id).localeCompare(b.entity + b.record_id)),
    );
  });

  it("writes none for a soft delete (the app's own: it bumps updated_at instead)", async () => {
    const before = (await tombstones(org.org.id)).length;
    const contact = await createRecord(org.ctx, "contacts", { firstName: "Ann", lastName: "Soft" });
    await deleteRecord(org.ctx, "contacts", contact.id);
    expect(await tombstones(org.org.id)).toHaveLength(before);
  });

  it("writes none for the records of an organization being deleted", async () => {
    const doomed = await createTestOrganization(test);
    await createRecord(doomed.ctx, "accounts", { name: "Doomed Inc." });
    await createRecord(doomed.ctx, "contacts", { firstName: "Dee", lastName: "Doomed" });
    await test.db.execute(sql`delete from core.organizations where id = ${doomed.org.id}::uuid`);
    expect(await tombstones(doomed.org.id)).toEqual([]);
    const [left] = await queryRows<{ n: number }>(test.db, sql`select count(*)::int as n from core.accounts where organization_id = ${doomed.org.id}::uuid`);
    expect(left?.n).toBe(0);
  });
});
