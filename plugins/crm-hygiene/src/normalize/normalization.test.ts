import { createRecord, getRecord, OpsdeckError, updateRecord, type JobProgress } from "@opsdeck/core";
import type { ProgressReporter } from "@opsdeck/plugin-sdk";
import { createTestHost, type TestHost, type TestOrg, type TestUser } from "@opsdeck/plugin-sdk/testing";
import { queryRows } from "@opsdeck/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import hygiene from "../server.ts";
import { normalizeJob, normalizeUndoJob } from "./jobs.ts";

let t: TestHost<[typeof hygiene]>;
let org: TestOrg;
let other: TestOrg;
let ops: TestUser;
let rep: TestUser;
const ids: Record<string, string> = {};

const noProgress: ProgressReporter = () => Promise.resolve();

// The jobs' results: what the CLI prints and the Jobs page stores.
type JobResult = { changed: number; invalid: number; scanned: number; restored: number; skipped: number; skippedRecords: unknown[] };

async function runJob(job: typeof normalizeJob, runId: string, progress: ProgressReporter = noProgress) {
  return (await job.run(await t.taskContext(org, "crm-hygiene"), { runId }, progress)) as Partial<JobResult>;
}

beforeAll(async () => {
  t = await createTestHost({ plugins: [hygiene] });
  org = await t.createOrg();
  other = await t.createOrg();
  ops = await t.createUser(org, "ops");
  rep = await t.createUser(org, "rep");
  const c = org.ownerCtx;
  ids.us = (await createRecord(c, "contacts", { firstName: "jane", lastName: "DOE", phone: "(415) 555-0100", email: " Jane@Acme.COM ", country: "USA" })).id;
  ids.de = (await createRecord(c, "contacts", { firstName: "Karl", lastName: "Müller", phone: "030 1234567", country: "Deutschland", state: "Bayern" })).id;
  ids.bad = (await createRecord(c, "contacts", { firstName: "Bad", lastName: "Number", phone: "12345", email: "bad@@x", country: "US" })).id;
  ids.clean = (await createRecord(c, "contacts", { firstName: "Clean", lastName: "Already", phone: "+14155550199", country: "US" })).id;
  ids.lead = (await createRecord(c, "leads", { lastName: "Lead", phone: "020 7946 0958", country: "United Kingdom" })).id;
  ids.acme = (await createRecord(c, "accounts", { name: "ACME LOGISTICS, INC.", domain: "https://www.Acme.com/about", country: "U.S." })).id;
  ids.otherContact = (await createRecord(other.ownerCtx, "contacts", { firstName: "other", phone: "(212) 555-0100" })).id;
});
afterAll(() => t.destroy());

describe("normalization preview", () => {
  it("counts and shows what the phones rule would change and what it cannot read, in this organization only", async () => {
    const preview = await t.as(ops)["crm-hygiene"].normalization.preview({ rule: "phones" });
    expect(preview.targets).toEqual([
      { entity: "contacts", total: 4, scanned: 4, changed: 2, invalid: 1 },
      { entity: "leads", total: 1, scanned: 1, changed: 1, invalid: 0 },
    ]);
    expect(preview.complete).toBe(true);
    const examples = Object.fromEntries(preview.examples.map((e) => [e.recordId, [e.before, e.after]]));
    expect(examples).toEqual({
      [ids.us!]: ["(415) 555-0100", "+14155550100"],
      [ids.de!]: ["030 1234567", "+49301234567"],
      [ids.lead!]: ["020 7946 0958", "+442079460958"],
    });
    expect(preview.invalidExamples).toEqual([
      expect.objectContaining({ recordId: ids.bad, field: "phone", value: "12345", reason: expect.stringMatching(/not a valid number/) }),
    ]);
    expect(JSON.stringify(preview)).not.toContain(ids.otherContact);
    // Nothing was written.
    expect((await getRecord(org.ownerCtx, "contacts", ids.us!)).phone).toBe("(415) 555-0100");
  });

  it("is for ops: a rep may neither preview, apply nor undo", async () => {
    await expect(t.as(rep)["crm-hygiene"].normalization.preview({ rule: "emails" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(t.as(rep)["crm-hygiene"].normalization.start({ rule: "emails" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(t.as(rep)["crm-hygiene"].normalization.undo({ id: ids.us! })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("normalization runs", () => {
  it("apply as a job changes the records, keeps before-values, and undo restores them except records edited since", async () => {
    const run = await t.as(ops)["crm-hygiene"].normalization.start({ rule: "phones" });
    expect(run.status).toBe("queued");
    const progress: JobProgress[] = [];
    const result = await runJob(normalizeJob, run.id, (p) => Promise.resolve(void progress.push(p)));
    expect(result).toMatchObject({ changed: 3, invalid: 1, scanned: 5 });
    expect(progress.at(-1)).toMatchObject({ done: 5, total: 5 });
    expect((await getRecord(org.ownerCtx, "contacts", ids.us!)).phone).toBe("+14155550100");
    expect((await getRecord(org.ownerCtx, "contacts", ids.bad!)).phone).toBe("12345");
    expect((await getRecord(other.ownerCtx, "contacts", ids.otherContact!)).phone).toBe("(212) 555-0100");

    // Someone edits one normalized phone afterwards: undo must leave it.
    await updateRecord(org.ownerCtx, "contacts", ids.de!, { phone: "+49 30 7654321" });
    const undoing = await t.as(ops)["crm-hygiene"].normalization.undo({ id: run.id });
    expect(undoing.status).toBe("undoing");
    const undone = await runJob(normalizeUndoJob, run.id);
    expect(undone).toMatchObject({ restored: 2, skipped: 1 });
    expect(undone.skippedRecords).toEqual([
      { entity: "contacts", field: "phone", recordId: ids.de, current: "+49 30 7654321", reason: "changed since" },
    ]);
    expect((await getRecord(org.ownerCtx, "contacts", ids.us!)).phone).toBe("(415) 555-0100");
    expect((await getRecord(org.ownerCtx, "leads", ids.lead!)).phone).toBe("020 7946 0958");
    const after = await t.as(ops)["crm-hygiene"].normalization.run({ id: run.id });
    expect(after.status).toBe("partly_undone");
    await expect(t.as(ops)["crm-hygiene"].normalization.undo({ id: run.id })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("a cancelled run changes nothing", async () => {
    const run = await t.as(ops)["crm-hygiene"].normalization.start({ rule: "emails" });
    const cancel: ProgressReporter = () => Promise.reject(new OpsdeckError("CANCELLED", "The job was cancelled."));
    await expect(runJob(normalizeJob, run.id, cancel)).rejects.toMatchObject({ code: "CANCELLED" });
    expect((await getRecord(org.ownerCtx, "contacts", ids.us!)).email).toBe("Jane@Acme.COM");
    expect((await t.as(ops)["crm-hygiene"].normalization.run({ id: run.id })).status).toBe("cancelled");
    const [changes] = await queryRows<{ n: number }>(t.db.db, sql`select count(*)::int as n from plugin_crm_hygiene.normalization_changes where run_id = ${run.id}`);
    expect(Number(changes!.n)).toBe(0);
  });

  it("splits the legal form off account names into its own field and undoes it", async () => {
    const run = await t.as(ops)["crm-hygiene"].normalization.start({ rule: "companies" });
    await runJob(normalizeJob, run.id);
    expect((await getRecord(org.ownerCtx, "accounts", ids.acme!)).name).toBe("Acme Logistics");
    const legal = () =>
      queryRows<{ legal_form: string }>(t.db.db, sql`select legal_form from plugin_crm_hygiene.account_legal_forms where account_id = ${ids.acme!}`);
    expect(await legal()).toEqual([{ legal_form: "Inc." }]);
    await t.as(ops)["crm-hygiene"].normalization.undo({ id: run.id });
    expect(await runJob(normalizeUndoJob, run.id)).toMatchObject({ restored: 2, skipped: 0 });
    expect((await getRecord(org.ownerCtx, "accounts", ids.acme!)).name).toBe("ACME LOGISTICS, INC.");
    expect(await legal()).toEqual([]);
  });

  it("normalizes countries, states, domains, names and emails", async () => {
    for (const rule of ["countries", "states", "domains", "names", "emails"] as const) {
      const run = await t.as(ops)["crm-hygiene"].normalization.start({ rule });
      await runJob(normalizeJob, run.id);
    }
    expect(await getRecord(org.ownerCtx, "contacts", ids.us!)).toMatchObject({ country: "US", firstName: "Jane", lastName: "Doe", email: "jane@acme.com" });
    expect(await getRecord(org.ownerCtx, "contacts", ids.de!)).toMatchObject({ country: "DE", state: "BY", lastName: "Müller" });
    expect(await getRecord(org.ownerCtx, "contacts", ids.bad!)).toMatchObject({ email: "bad@@x" });
    expect(await getRecord(org.ownerCtx, "accounts", ids.acme!)).toMatchObject({ domain: "acme.com", country: "US" });
    const runs = await t.as(rep)["crm-hygiene"].normalization.runs();
    expect(runs.map((r) => r.rule)).toEqual(["emails", "names", "domains", "states", "countries", "companies", "emails", "phones"]);
    expect((await t.as(other.owner)["crm-hygiene"].normalization.runs()).length).toBe(0);
    await expect(t.as(other.owner)["crm-hygiene"].normalization.run({ id: runs[0]!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
