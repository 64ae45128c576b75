import { createRecord, getRecord, seedDemo, type TenantContext } from "@opsdeck/core";
import { OpsdeckError, type OutboxEvent } from "@opsdeck/plugin-sdk";
import { createTestHost, type TestHost, type TestOrg, type TestUser } from "@opsdeck/plugin-sdk/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluateClusters } from "../matching/evaluate.ts";
import { DEFAULT_RULES } from "../matching/rules.ts";
import hygiene from "../server.ts";
import type { BulkMergeResult } from "../merge/bulk-merge.ts";
import { duplicateEvents } from "./events.ts";
import { duplicatesBulkMergeJob, duplicatesScanJob } from "./jobs.ts";
import { runDuplicateScan } from "./scan.ts";

let t: TestHost<[typeof hygiene]>;
let a: TestOrg;
let b: TestOrg;
let opsA: TestUser;
let opsB: TestUser;
let rep: TestUser;

beforeAll(async () => {
  t = await createTestHost({ plugins: [hygiene] });
  a = await t.createOrg();
  b = await t.createOrg();
  opsA = await t.createUser(a, "ops");
  opsB = await t.createUser(b, "ops");
  rep = await t.createUser(a, "rep");
});
afterAll(() => t.destroy());

const api = (user: TestUser) => t.as(user)["crm-hygiene"].duplicates;
const scan = async (org: TestOrg, entity: "contacts" | "accounts" | "leads" | "lead_contact") =>
  duplicatesScanJob.run(await t.taskContext(org, "crm-hygiene"), { entity }, () => Promise.resolve());
let eventId = 1_000_000;
const event = (org: TestOrg, type: string, payload: Record<string, unknown>): OutboxEvent => ({
  id: eventId++,
  organizationId: org.id,
  type,
  payload,
  actorUserId: null,
  createdAt: new Date(),
});

/** The same person entered twice in each organization, plus someone else. */
async function people(org: TestOrg) {
  const c = org.ownerCtx;
  const account = await createRecord(c, "accounts", { name: "Northwind Traders", domain: "northwind.com", country: "US" });
  const robert = await createRecord(c, "contacts", { firstName: "Robert", lastName: "Fischer", email: "robert.fischer@northwind.com", phone: "+1 415 555 0100", title: "CFO", accountId: account.id, country: "US", externalId: "C-1" });
  const bob = await createRecord(c, "contacts", { firstName: "Bob", lastName: "Fisher", email: "Robert.Fischer@Northwind.com", phone: "(415) 555-0100", accountId: account.id, country: "US", externalId: "C-2" });
  const other = await createRecord(c, "contacts", { firstName: "Anna", lastName: "Kowalski", email: "anna.k@northwind.com", phone: "+1 415 555 0199", title: "CFO", accountId: account.id, country: "US", externalId: "C-3" });
  return { account, robert, bob, other };
}

describe("duplicate detection", () => {
  it("finds the demo seed's planted duplicates (precision, recall and F1 per entity)", async () => {
    const seeded = await seedDemo(t.db, { scale: "small", slug: "quality-demo", asOf: "2025-06-30" });
    const ctx: TenantContext = { db: t.db.db, organizationId: seeded.organizationId, actorUserId: null };
    const floors = { contacts: 0.95, accounts: 0.8, lead_contact: 0.9 } as const;
    for (const entity of ["contacts", "accounts", "lead_contact"] as const) {
      const result = await runDuplicateScan(ctx, entity, { returnRun: true });
      const quality = (await evaluateClusters(ctx, entity, result.run!.features, result.run!.clusters))!;
      console.log(
        `${entity}: precision ${quality.precision.toFixed(3)} recall ${quality.recall.toFixed(3)} F1 ${quality.f1.toFixed(3)}` +
          ` (${quality.correct}/${quality.predictedPairs} predicted pairs right, ${quality.truePairs} planted; ${result.stats.comparedPairs} of ${result.stats.allPairs} pairs compared)`,
      );
      expect(quality.truePairs).toBeGreaterThan(entity === "accounts" ? 10 : 50);
      expect(quality.f1).toBeGreaterThanOrEqual(floors[entity]);
      // Blocking compares a tiny share of all pairs.
      expect(result.stats.comparedPairs).toBeLessThan(result.stats.allPairs / 100);
    }
  });

  it("clusters nicknames, typos and re-formatted phones, and keeps organizations apart", async () => {
    const inA = await people(a);
    const inB = await people(b);
    await scan(a, "contacts");
    const queueA = await api(opsA).clusters({ entity: "contacts" });
    expect(queueA.rows.map((c) => c.records.map((r) => r.id).sort())).toEqual([[inA.robert.id, inA.bob.id].sort()]);
    expect(queueA.rows[0]!.score).toBeGreaterThanOrEqual(DEFAULT_RULES.contacts.autoMergeThreshold);
    // B was not scanned: nothing of A shows there, and A's cluster is NOT_FOUND from B.
    expect((await api(opsB).clusters({ entity: "contacts" })).rows).toEqual([]);
    await expect(api(opsB).cluster({ id: queueA.rows[0]!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await scan(b, "contacts");
    const queueB = await api(opsB).clusters({ entity: "contacts" });
    expect(queueB.rows.flatMap((c) => c.records.map((r) => r.id)).sort()).toEqual([inB.robert.id, inB.bob.id].sort());

    const detail = await api(opsA).cluster({ id: queueA.rows[0]!.id });
    const name = detail.pairs[0]!.outcomes.find((o) => o.field === "name");
    expect(name?.level).toBe("first same, last sounds alike / very similar");
    expect(detail.suggestions?.most_complete?.survivorId).toBe(inA.robert.id);
  });

  it("checks a new record against the index as it arrives, only within its organization, once per event", async () => {
    const c = a.ownerCtx;
    const before = (await api(opsA).clusters({ entity: "contacts" })).total;
    const anna = (await api(opsA).clusters({ entity: "contacts" })).rows;
    const copy = await createRecord(c, "contacts", { firstName: "Ana", lastName: "Kowalski", email: "ANNA.K@northwind.com", country: "US" });
    const foreignTwin = await createRecord(b.ownerCtx, "contacts", { firstName: "Anna", lastName: "Kowalski", email: "anna.k@northwind.com", country: "US" });
    const ctx = await t.taskContext(a, "crm-hygiene");
    const created = event(a, "contact.created", { contactId: copy.id });
    await duplicateEvents["contact.created"]!(ctx, created);
    await duplicateEvents["contact.created"]!(ctx, created); // redelivered
    const after = await api(opsA).clusters({ entity: "contacts" });
    expect(after.total).toBe(before + 1);
    const fresh = after.rows.find((r) => !anna.some((x) => x.id === r.id))!;
    expect(fresh.records).toHaveLength(2);
    expect(fresh.records.map((r) => r.id)).toContain(copy.id);
    expect(fresh.records.map((r) => r.id)).not.toContain(foreignTwin.id);

    // An import emits one event for many rows: what it brought in (records without match keys) is checked.
    const c3 = await t.createOrg();
    const ops3 = await t.createUser(c3, "ops");
    await people(c3);
    await scan(c3, "contacts");
    const imported = await createRecord(c3.ownerCtx, "contacts", { firstName: "Robert", lastName: "Fischer", phone: "415-555-0100", country: "US" });
    await duplicateEvents["import.completed"]!(await t.taskContext(c3, "crm-hygiene"), event(c3, "import.completed", { entity: "contacts", created: 1, updated: 0, jobId: null }));
    const joined = (await api(ops3).clusters({ entity: "contacts" })).rows.find((r) => r.records.some((x) => x.id === imported.id));
    expect(joined?.records.map((r) => r.label).sort()).toEqual(["Bob Fisher", "Robert Fischer", "Robert Fischer"]);
  });

  it("remembers 'not a duplicate' across rescans; a rep may not review", async () => {
    const cluster = (await api(opsB).clusters({ entity: "contacts" })).rows.find((c) => c.records.some((r) => r.label === "Bob Fisher"));
    await expect(api(rep).notDuplicate({ clusterId: cluster!.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(api(opsA).notDuplicate({ clusterId: cluster!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await api(opsB).notDuplicate({ clusterId: cluster!.id });
    await scan(b, "contacts");
    const open = (await api(opsB).clusters({ entity: "contacts" })).rows;
    expect(open.some((c) => c.records.some((r) => r.label === "Bob Fisher"))).toBe(false);
    expect(open).toHaveLength(1); // Anna and her twin from the arrival test are still proposed
    expect((await api(opsB).clusters({ entity: "contacts", status: "dismissed" })).rows.map((r) => r.id)).toEqual([cluster!.id]);
  });

  it("a cancelled scan leaves the queue as it was", async () => {
    const before = await api(opsA).clusters({ entity: "contacts" });
    const cancelled = new OpsdeckError("CANCELLED", "Cancelled by a user.");
    await expect(
      duplicatesScanJob.run(await t.taskContext(a, "crm-hygiene"), { entity: "contacts" }, () => Promise.reject(cancelled)),
    ).rejects.toMatchObject({ code: "CANCELLED" });
    expect(await api(opsA).clusters({ entity: "contacts" })).toEqual(before);
    const [latest] = await api(opsA).scans({ entity: "contacts" });
    expect(latest?.status).toBe("cancelled");
  });

  it("validates and previews matching rules", async () => {
    const rules = { ...DEFAULT_RULES.contacts, comparisons: [{ field: "domain", comparator: "domain" as const, weight: 1 }] };
    await expect(api(opsA).saveRules({ entity: "contacts", rules })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api(rep).saveRules({ entity: "contacts", rules: DEFAULT_RULES.contacts })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const strict = { ...DEFAULT_RULES.contacts, reviewThreshold: 0.999, autoMergeThreshold: 1 };
    await api(opsA).saveRules({ entity: "contacts", rules: strict });
    expect((await api(opsA).rules({ entity: "contacts" })).custom).toBe(true);
    const preview = await api(opsA).preview({ entity: "contacts", rules: DEFAULT_RULES.contacts });
    expect(preview.records).toBe(4); // Robert, Bob, Anna and the copy that arrived
    expect(preview.counts.find((x) => x.threshold === 0.8)?.pairs).toBe(2);
    await api(opsA).resetRules({ entity: "contacts" });
    expect((await api(opsA).rules({ entity: "contacts" })).custom).toBe(false);
  });

  it("prints the queue as JSON from the CLI and bulk-merges clusters above the auto-merge threshold", async () => {
    await scan(a, "contacts");
    let out = "";
    const code = await t.host.runCommand("crm-hygiene", "duplicates", {
      organizationId: a.id,
      args: { entity: "contacts", json: true },
      io: { out: (s) => (out += s), err: () => {} },
    });
    expect(code).toBe(0);
    const doc = JSON.parse(out) as { clusters: Array<{ score: number; records: Array<{ id: string; external_id: string | null }> }>; stats: { clusters: number } };
    expect(doc.stats.clusters).toBe(2);
    expect(doc.clusters[0]!.records.map((r) => r.external_id).sort()).toEqual(["C-1", "C-2"]);
    expect(doc.clusters[0]!.score).toBeGreaterThan(0.99);

    const result = (await duplicatesBulkMergeJob.run(await t.taskContext(a, "crm-hygiene"), { entity: "contacts", rule: "most_complete" }, () => Promise.resolve())) as BulkMergeResult;
    expect(result.merged).toBeGreaterThanOrEqual(1);
    const merged = (await api(opsA).clusters({ entity: "contacts", status: "merged" })).rows;
    const robertCluster = merged.find((c) => c.records.some((r) => r.label === "Robert Fischer"));
    expect(robertCluster).toBeDefined();
    const [survivor, gone] = await Promise.all(robertCluster!.records.map((r) => getRecord(a.ownerCtx, "contacts", r.id, { includeDeleted: true })));
    expect([survivor!.deletedAt === null, gone!.deletedAt === null].sort()).toEqual([false, true]);
  });

  it("queues a scan as a job once at a time, for ops only", async () => {
    await expect(api(rep).scan({ entity: "accounts" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const job = await api(opsA).scan({ entity: "accounts" });
    expect(job).toMatchObject({ type: "crm-hygiene.duplicates-scan", status: "queued", input: { entity: "accounts" } });
    await expect(api(opsA).scan({ entity: "accounts" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await api(opsA).jobs({ entity: "accounts" })).map((j) => j.id)).toEqual([job.id]);
    await api(opsA).cancelJob({ jobId: job.id });
    await expect(api(opsB).cancelJob({ jobId: job.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("a lead converted into the contact it matches", () => {
  it("settles the open lead-vs-contact cluster when core says the lead was converted (once, however often delivered)", async () => {
    const org = await t.createOrg();
    const c = org.ownerCtx;
    const contact = await createRecord(c, "contacts", { firstName: "Katherine", lastName: "Johnson", email: "katherine.johnson@nasa.example", phone: "+1 757 555 0142", country: "US" });
    const lead = await createRecord(c, "leads", { firstName: "Katherine", lastName: "Johnson", email: "Katherine.Johnson@nasa.example", company: "NASA", country: "US" });
    await scan(org, "lead_contact");
    const ops = await t.createUser(org, "ops");
    const open = await api(ops).clusters({ entity: "lead_contact" });
    const cluster = open.rows.find((r) => r.records.some((x) => x.id === lead.id));
    expect(cluster?.status).toBe("open");

    const converted = await t.as(org.owner).core.records.convertLead({ leadId: lead.id, contact: { mode: "existing", contactId: contact.id }, account: { mode: "none" } });
    const ctx = await t.taskContext(org, "crm-hygiene");
    const delivered = event(org, "lead.converted", { leadId: lead.id, contactId: converted.contactId, accountId: null, opportunityId: null });
    await duplicateEvents["lead.converted"]!(ctx, delivered);
    await duplicateEvents["lead.converted"]!(ctx, delivered); // redelivered
    const after = await api(ops).cluster({ id: cluster!.id });
    expect(after.cluster.status).toBe("merged");
    expect((await api(ops).clusters({ entity: "lead_contact" })).rows.filter((r) => r.status === "open" && r.records.some((x) => x.id === lead.id))).toEqual([]);
  });
});
