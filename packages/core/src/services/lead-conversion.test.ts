import { queryRows } from "@opsdeck/db";
import type { TestDatabase } from "@opsdeck/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCoreTestDatabase, createTestOrganization, type TestOrganization } from "../testing.ts";
import { convertLead } from "./lead-conversion.ts";
import { mergeRecords } from "./merge.ts";
import { createRecord, deleteRecord, getRecord } from "./records.ts";

let test: TestDatabase;
let org: TestOrganization;
let other: TestOrganization;

beforeAll(async () => {
  test = await createCoreTestDatabase();
  org = await createTestOrganization(test);
  other = await createTestOrganization(test);
});
afterAll(() => test.destroy());

const count = async (table: string, organizationId: string) =>
  (await queryRows<{ n: number }>(test.db, sql.raw(`select count(*)::int as n from core.${table} where organization_id = '${organizationId}'`)))[0]!.n;

const eventsOf = (organizationId: string, type: string) =>
  queryRows<{ payload: Record<string, unknown> }>(
    test.db,
    sql`select payload from core.events where organization_id = ${organizationId}::uuid and type = ${type} order by id`,
  );

describe("convertLead", () => {
  it("makes a contact, an account and a deal of a lead, moves its activities, and links the lead to them", async () => {
    const ctx = org.ctx;
    const lead = await createRecord(ctx, "leads", {
      firstName: "Ada",
      lastName: "Lovelace",
      email: "ada@engines.example",
      phone: "+44 20 7946 0000",
      title: "Analyst",
      company: "Analytical Engines",
      country: "GB",
      source: "webinar",
      ownerId: org.owner.userId,
    });
    const call = await createRecord(ctx, "activities", { type: "call", occurredAt: new Date(), leadId: lead.id });

    await test.db.execute(sql`update core.organizations set currency = 'GBP' where id = ${org.org.id}::uuid`);

    const result = await convertLead(ctx, { leadId: lead.id, opportunity: { name: "Engines pilot", amount: "12000.50" } });

    const contact = await getRecord(ctx, "contacts", result.contactId);
    expect(contact).toMatchObject({ firstName: "Ada", lastName: "Lovelace", email: "ada@engines.example", title: "Analyst", accountId: result.accountId, ownerId: org.owner.userId });
    expect(await getRecord(ctx, "accounts", result.accountId!)).toMatchObject({ name: "Analytical Engines", country: "GB" });
    expect(await getRecord(ctx, "opportunities", result.opportunityId!)).toMatchObject({
      name: "Engines pilot",
      amount: "12000.50",
      stage: "prospecting", // the pipeline's first stage, in the organization's currency, unless told
      currency: "GBP",
      accountId: result.accountId,
      source: "webinar",
      ownerId: org.owner.userId,
    });
    expect(await getRecord(ctx, "activities", call.id)).toMatchObject({ leadId: lead.id, contactId: result.contactId, accountId: result.accountId });
    expect(result.activitiesMoved).toBe(1);
    const after = await getRecord(ctx, "leads", lead.id);
    expect(after).toMatchObject({
      status: "converted",
      convertedContactId: result.contactId,
      convertedAccountId: result.accountId,
      convertedOpportunityId: result.opportunityId,
    });
    expect(after.convertedAt).toBeInstanceOf(Date);
    expect((await eventsOf(org.org.id, "lead.converted")).map((e) => e.payload)).toContainEqual({
      leadId: lead.id,
      contactId: result.contactId,
      accountId: result.accountId,
      opportunityId: result.opportunityId,
    });
  });

  it("adds the lead to a contact already on file: fills only the contact's blank fields", async () => {
    const ctx = org.ctx;
    const account = await createRecord(ctx, "accounts", { name: "Hopper Navy Labs" });
    const contact = await createRecord(ctx, "contacts", { firstName: "Grace", lastName: "Hopper", email: "grace@navy.example", phone: null, accountId: null });
    const lead = await createRecord(ctx, "leads", { firstName: "G.", lastName: "Hopper", email: "g.hopper@other.example", phone: "+1 202 555 0100", company: "Navy" });

    const result = await convertLead(ctx, {
      leadId: lead.id,
      contact: { mode: "existing", contactId: contact.id },
      account: { mode: "existing", accountId: account.id },
    });

    expect(result).toMatchObject({ contactId: contact.id, accountId: account.id, opportunityId: null });
    expect(await getRecord(ctx, "contacts", contact.id)).toMatchObject({
      firstName: "Grace", // kept
      email: "grace@navy.example", // kept
      phone: "+1 202 555 0100", // was blank: filled from the lead
      accountId: account.id, // had none
    });
  });

  it("refuses a lead converted already, a trashed lead, and a new account without a name, changing nothing", async () => {
    const ctx = org.ctx;
    const lead = await createRecord(ctx, "leads", { lastName: "Twice", company: "Twice Inc." });
    await convertLead(ctx, { leadId: lead.id, account: { mode: "none" } });
    await expect(convertLead(ctx, { leadId: lead.id })).rejects.toMatchObject({ code: "CONFLICT" });

    const trashed = await createRecord(ctx, "leads", { lastName: "Trashed", company: "Trash Co" });
    await deleteRecord(ctx, "leads", trashed.id);
    await expect(convertLead(ctx, { leadId: trashed.id })).rejects.toMatchObject({ code: "CONFLICT" });

    const nameless = await createRecord(ctx, "leads", { lastName: "Nameless" });
    const before = { accounts: await count("accounts", org.org.id), contacts: await count("contacts", org.org.id) };
    await expect(convertLead(ctx, { leadId: nameless.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect({ accounts: await count("accounts", org.org.id), contacts: await count("contacts", org.org.id) }).toEqual(before);
  });

  it("rolls everything back when a later step fails (an invalid deal after the account and contact were made)", async () => {
    const ctx = org.ctx;
    const lead = await createRecord(ctx, "leads", { lastName: "Rollback", company: "Rollback Ltd" });
    const before = { accounts: await count("accounts", org.org.id), contacts: await count("contacts", org.org.id) };
    await expect(convertLead(ctx, { leadId: lead.id, opportunity: { name: "Bad", stage: "no-such-stage" } })).rejects.toThrow();
    expect({ accounts: await count("accounts", org.org.id), contacts: await count("contacts", org.org.id) }).toEqual(before);
    expect(await getRecord(ctx, "leads", lead.id)).toMatchObject({ status: "new", convertedContactId: null });
  });

  it("reaches nothing of another organization", async () => {
    const theirs = await createRecord(other.ctx, "contacts", { lastName: "Theirs" });
    const theirLead = await createRecord(other.ctx, "leads", { lastName: "Their lead", company: "Other" });
    const mine = await createRecord(org.ctx, "leads", { lastName: "Mine", company: "Mine Co" });
    await expect(convertLead(org.ctx, { leadId: theirLead.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(convertLead(org.ctx, { leadId: mine.id, contact: { mode: "existing", contactId: theirs.id } })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await getRecord(other.ctx, "leads", theirLead.id)).toMatchObject({ status: "new" });
  });

  it("keeps the lead's link when the contact it became is merged into another", async () => {
    const ctx = org.ctx;
    const lead = await createRecord(ctx, "leads", { lastName: "Linked", company: "Link Co" });
    const { contactId } = await convertLead(ctx, { leadId: lead.id, account: { mode: "none" } });
    const survivor = await createRecord(ctx, "contacts", { lastName: "Linked" });
    await test.db.transaction((tx) => mergeRecords({ ...ctx, db: tx }, { entity: "contacts", survivorId: survivor.id, mergedIds: [contactId] }));
    expect(await getRecord(ctx, "leads", lead.id)).toMatchObject({ convertedContactId: survivor.id });
  });
});
