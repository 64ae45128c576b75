import type { TestDatabase } from "@opsdeck/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TenantContext } from "./domain/context.ts";
import { RECORD_ENTITIES, type RecordEntity } from "./domain/entities.ts";
import { queryAudit } from "./services/audit.ts";
import { listFiscalPeriods } from "./services/fiscal.ts";
import { createJob, getJob, listJobs, requestJobCancel } from "./services/jobs.ts";
import { getOrganization } from "./services/organizations.ts";
import { listOrganizationPlugins, setPluginEnabled } from "./services/plugins.ts";
import { createRecord, deleteRecord, getRecord, listRecords, restoreRecord, updateRecord } from "./services/records.ts";
import { getTeam, listTeams, ensureTeam } from "./services/teams.ts";
import { changeMemberRole, deactivateMember, getMember, listMembers } from "./services/users.ts";
import { createCoreTestDatabase, createTestOrganization, type TestOrganization } from "./testing.ts";

let test: TestDatabase;
let a: TestOrganization;
let b: TestOrganization;
const bIds = {} as Record<RecordEntity, string>;

beforeAll(async () => {
  test = await createCoreTestDatabase();
  a = await createTestOrganization(test);
  b = await createTestOrganization(test);
  const account = await createRecord(b.ctx, "accounts", { name: "Globex", externalId: "B-ACC" });
  const contact = await createRecord(b.ctx, "contacts", { firstName: "Hank", accountId: account.id });
  const lead = await createRecord(b.ctx, "leads", { firstName: "Lee", company: "Initech" });
  const opp = await createRecord(b.ctx, "opportunities", {
    name: "Globex renewal",
    stage: "proposal",
    amount: "1200.50",
    accountId: account.id,
  });
  const activity = await createRecord(b.ctx, "activities", {
    type: "call",
    occurredAt: new Date(),
    contactId: contact.id,
  });
  Object.assign(bIds, {
    accounts: account.id,
    contacts: contact.id,
    leads: lead.id,
    opportunities: opp.id,
    activities: activity.id,
  });
  await ensureTeam(b.ctx, "B team");
  await setPluginEnabled(b.ctx, "territories", false);
});

afterAll(async () => {
  await test.destroy();
});

describe("a user of organization A reaches nothing of organization B", () => {
  let ctx: TenantContext;
  beforeAll(async () => {
    ctx = (await a.member("admin")).ctx;
  });

  it.each(RECORD_ENTITIES)("%s: by id, by list, by update, by delete", async (entity) => {
    await expect(getRecord(ctx, entity, bIds[entity])).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listRecords(ctx, entity)).total).toBe(0);
    expect((await listRecords(ctx, entity, { deleted: true })).total).toBe(0);
    await expect(updateRecord(ctx, entity, bIds[entity], {})).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteRecord(ctx, entity, bIds[entity])).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(restoreRecord(ctx, entity, bIds[entity])).rejects.toMatchObject({ code: "NOT_FOUND" });
    // B's record is untouched.
    expect((await getRecord(b.ctx, entity, bIds[entity])).id).toBe(bIds[entity]);
  });

  it("cannot point its records at B's records or people", async () => {
    await expect(createRecord(ctx, "contacts", { firstName: "X", accountId: bIds.accounts })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      createRecord(ctx, "opportunities", { name: "X", stage: "proposal", ownerId: b.owner.userId }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("members, teams, jobs, audit, calendar and plugins are A's alone", async () => {
    const members = await listMembers(ctx);
    expect(members.map((m) => m.email)).not.toContain(b.owner.email);
    await expect(getMember(ctx, b.owner.userId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(changeMemberRole(ctx, b.owner.userId, "rep")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deactivateMember(ctx, b.owner.userId)).rejects.toMatchObject({ code: "NOT_FOUND" });

    expect((await listTeams(ctx)).map((t) => t.name)).not.toContain("B team");
    const bTeam = (await listTeams(b.ctx))[0]!;
    await expect(getTeam(ctx, bTeam.id)).rejects.toMatchObject({ code: "NOT_FOUND" });

    const job = await createJob(b.ctx, "import");
    await expect(getJob(ctx, job.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(requestJobCancel(ctx, job.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await listJobs(ctx)).toEqual([]);

    const audit = await queryAudit(ctx, { limit: 1000 });
    expect(audit.every((e) => e.organizationId === a.org.id)).toBe(true);
    expect(audit.some((e) => e.entityId === bIds.accounts)).toBe(false);

    const periods = await listFiscalPeriods(ctx);
    expect(periods.length).toBeGreaterThan(0);
    expect(periods.every((p) => p.organizationId === a.org.id)).toBe(true);

    expect(await listOrganizationPlugins(ctx)).toEqual([]);
    expect((await getOrganization(ctx)).id).toBe(a.org.id);
  });
});
