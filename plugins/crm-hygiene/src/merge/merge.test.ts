import { createRecord, getRecord } from "@opsdeck/core";
import { queryRows } from "@opsdeck/db";
import { createTestHost, type TestHost, type TestOrg, type TestUser } from "@opsdeck/plugin-sdk/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { duplicatesScanJob } from "../duplicates/jobs.ts";
import hygiene from "../server.ts";

let t: TestHost<[typeof hygiene]>;
let org: TestOrg;
let other: TestOrg;
let ops: TestUser;
let rep: TestUser;
let manager: TestUser;

beforeAll(async () => {
  t = await createTestHost({ plugins: [hygiene] });
  org = await t.createOrg();
  other = await t.createOrg();
  ops = await t.createUser(org, "ops");
  rep = await t.createUser(org, "rep");
  manager = await t.createUser(org, "manager");
});
afterAll(() => t.destroy());

/** Every record row of an organization, as Postgres renders it (exact timestamps), to compare before and after. */
async function everything(organizationId: string) {
  const out: Record<string, unknown> = {};
  for (const table of ["accounts", "contacts", "leads", "opportunities", "activities"]) {
    out[table] = await queryRows(t.db.db, sql.raw(`select to_jsonb(t)::text as row from core.${table} t where organization_id = '${organizationId}' order by id`));
  }
  return out;
}

async function scan(which: TestOrg, entity: "contacts" | "accounts" | "leads" | "lead_contact") {
  return duplicatesScanJob.run(await t.taskContext(which, "crm-hygiene"), { entity }, () => Promise.resolve());
}

/** An account with its duplicate, each with people, deals and activities. */
async function accountPair(name: string) {
  const c = org.ownerCtx;
  const keep = await createRecord(c, "accounts", { name: `${name} Inc.`, domain: `${name.toLowerCase()}.com`, country: "US", city: "Austin", industry: "Software" });
  const dup = await createRecord(c, "accounts", { name: `${name.toUpperCase()}, INC.`, domain: `https://www.${name.toLowerCase()}.com/`, country: "US", city: "Austin", employees: 120 });
  const person = await createRecord(c, "contacts", { firstName: "Ann", lastName: "Lee", email: `ann@${name.toLowerCase()}.com`, accountId: dup.id });
  const deal = await createRecord(c, "opportunities", { name: "Renewal", stage: "proposal", amount: "1200.50", accountId: dup.id });
  const call = await createRecord(c, "activities", { type: "call", occurredAt: new Date(), accountId: dup.id, contactId: person.id, opportunityId: deal.id });
  const branch = await createRecord(c, "accounts", { name: `${name} Europe GmbH`, country: "DE", parentAccountId: dup.id });
  return { keep, dup, person, deal, call, branch };
}

describe("merge and unmerge", () => {
  it("re-points every relation in one merge, emits account.merged, and unmerge restores everything exactly", async () => {
    const { keep, dup, person, deal, call, branch } = await accountPair("Veltora");
    const before = await everything(org.id);
    await scan(org, "accounts");
    const queue = await t.as(ops)["crm-hygiene"].duplicates.clusters({ entity: "accounts" });
    const cluster = queue.rows.find((c) => c.records.some((r) => r.id === dup.id));
    expect(cluster?.records.map((r) => r.id).sort()).toEqual([keep.id, dup.id].sort());

    const detail = await t.as(ops)["crm-hygiene"].duplicates.cluster({ id: cluster!.id });
    expect(detail.records.find((r) => r.id === dup.id)?.related).toEqual({ contacts: 1, opportunities: 1, activities: 1 });
    const merged = await t.as(ops)["crm-hygiene"].duplicates.merge({
      entity: "accounts",
      recordIds: [keep.id, dup.id],
      clusterId: cluster!.id,
      rule: "manual",
      survivorId: keep.id,
      picks: { employees: dup.id },
    });
    expect(merged.mergedIds).toEqual([dup.id]);
    const ctx = org.ownerCtx;
    expect((await getRecord(ctx, "contacts", person.id)).accountId).toBe(keep.id);
    expect((await getRecord(ctx, "opportunities", deal.id)).accountId).toBe(keep.id);
    expect((await getRecord(ctx, "activities", call.id)).accountId).toBe(keep.id);
    expect((await getRecord(ctx, "accounts", branch.id)).parentAccountId).toBe(keep.id);
    const survivor = await getRecord(ctx, "accounts", keep.id);
    expect([survivor.employees, survivor.name, survivor.industry]).toEqual([120, "Veltora Inc.", "Software"]);
    await expect(getRecord(ctx, "accounts", dup.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const events = await queryRows<{ payload: unknown }>(
      t.db.db,
      sql`select payload from core.events where organization_id = ${org.id} and type = 'account.merged'`,
    );
    expect(events.map((e) => e.payload)).toContainEqual({ survivorId: keep.id, mergedIds: [dup.id] });
    expect((await t.as(ops)["crm-hygiene"].duplicates.cluster({ id: cluster!.id })).cluster.status).toBe("merged");

    await t.as(ops)["crm-hygiene"].duplicates.unmerge({ mergeId: merged.mergeId });
    expect(await everything(org.id)).toEqual(before);
    expect((await t.as(ops)["crm-hygiene"].duplicates.cluster({ id: cluster!.id })).cluster.status).toBe("open");
    await expect(t.as(ops)["crm-hygiene"].duplicates.unmerge({ mergeId: merged.mergeId })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("leaves nothing changed when the merge fails half-way", async () => {
    const { keep, dup } = await accountPair("Halfway");
    const before = await everything(org.id);
    // Core has re-pointed everything by the time the plugin writes its undo record; make that write fail.
    await t.db.db.execute(sql.raw("create function plugin_crm_hygiene.fail_merge() returns trigger language plpgsql as $$ begin raise exception 'disk full'; end $$"));
    await t.db.db.execute(sql.raw("create trigger fail_merge before insert on plugin_crm_hygiene.merges for each row execute function plugin_crm_hygiene.fail_merge()"));
    try {
      await expect(t.as(ops)["crm-hygiene"].duplicates.merge({ entity: "accounts", recordIds: [keep.id, dup.id] })).rejects.toThrow();
    } finally {
      await t.db.db.execute(sql.raw("drop trigger fail_merge on plugin_crm_hygiene.merges"));
      await t.db.db.execute(sql.raw("drop function plugin_crm_hygiene.fail_merge()"));
    }
    expect(await everything(org.id)).toEqual(before);
    const events = await queryRows(t.db.db, sql`select 1 from core.events where organization_id = ${org.id} and type = 'account.merged' and payload->>'survivorId' in (${keep.id}, ${dup.id})`);
    expect(events).toEqual([]);
  });

  it("refuses to undo a merge whose survivor was merged again since, until the later one is undone", async () => {
    const c = org.ownerCtx;
    const [a, b, d] = await Promise.all(["a", "b", "d"].map((x) => createRecord(c, "contacts", { firstName: "Zed", lastName: `Ng${x}`, email: `zed.${x}@x.com` })));
    const first = await t.as(ops)["crm-hygiene"].duplicates.merge({ entity: "contacts", recordIds: [a!.id, b!.id], rule: "manual", survivorId: a!.id });
    const second = await t.as(ops)["crm-hygiene"].duplicates.merge({ entity: "contacts", recordIds: [d!.id, a!.id], rule: "manual", survivorId: d!.id });
    await expect(t.as(ops)["crm-hygiene"].duplicates.unmerge({ mergeId: first.mergeId })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await t.as(ops)["crm-hygiene"].duplicates.unmerge({ mergeId: second.mergeId });
    await t.as(ops)["crm-hygiene"].duplicates.unmerge({ mergeId: first.mergeId });
    expect((await getRecord(c, "contacts", b!.id)).deletedAt).toBeNull();
  });

  it("lets ops merge but not a rep or a manager; another organization's records answer NOT_FOUND", async () => {
    const c = org.ownerCtx;
    const x = await createRecord(c, "contacts", { firstName: "Rae", lastName: "Stone" });
    const y = await createRecord(c, "contacts", { firstName: "Rae", lastName: "Stone" });
    await expect(t.as(rep)["crm-hygiene"].duplicates.merge({ entity: "contacts", recordIds: [x.id, y.id] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(t.as(manager)["crm-hygiene"].duplicates.merge({ entity: "contacts", recordIds: [x.id, y.id] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(t.as(rep)["crm-hygiene"].duplicates.clusters({ entity: "contacts" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const foreign = await createRecord(other.ownerCtx, "contacts", { firstName: "Rae", lastName: "Stone" });
    await expect(t.as(ops)["crm-hygiene"].duplicates.merge({ entity: "contacts", recordIds: [x.id, foreign.id] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getRecord(other.ownerCtx, "contacts", foreign.id)).deletedAt).toBeNull();
    const out = await t.as(ops)["crm-hygiene"].duplicates.merge({ entity: "contacts", recordIds: [x.id, y.id], rule: "oldest" });
    expect(out).toMatchObject({ survivorId: x.id, mergedIds: [y.id] });
    await expect(t.as(ops)["crm-hygiene"].duplicates.merge({ entity: "contacts", recordIds: [x.id] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
