import { Writable } from "node:stream";
import type { TestDatabase } from "@opsdeck/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IMPORT_ENTITIES, canonicalHeaders, type ImportEntity } from "../import/fields/index.ts";
import { importCsv } from "../import/import-csv.ts";
import { snapshotDatabase } from "../import/test-snapshot.ts";
import { deleteRecord, listRecords } from "../services/records.ts";
import { createMember, deactivateMember } from "../services/users.ts";
import { createCoreTestDatabase, createTestOrganization, type TestOrganization } from "../testing.ts";
import { exportCsv } from "./export-csv.ts";

let test: TestDatabase;
let org: TestOrganization;
let other: TestOrganization;

/** A Writable that keeps what it is given. */
function collector() {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, text: () => chunks.join("") };
}

async function exportText(entity: ImportEntity, options: Parameters<typeof exportCsv>[3] = {}) {
  const out = collector();
  const result = await exportCsv(org.ctx, entity, out.stream, { batchSize: 3, ...options });
  return { ...result, text: out.text() };
}

const files: Record<ImportEntity, string> = {
  users: `email,name,role,team,manager_email,title,start_date
boss@acme.test,Big Boss,admin,,,VP Sales,2020-01-01
rep1@acme.test,"Rep, One",rep,West,boss@acme.test,AE,2024-02-29
rep2@acme.test,Rep Two,new_hire,West,rep1@acme.test,,
`,
  accounts: `external_id,name,domain,industry,employees,annual_revenue,country,state,city,postal_code,owner_email,parent_external_id
A-1,Acme,ACME.com,Manufacturing,1200,2500000.10,US,CA,"San Francisco, Bay",94105,rep1@acme.test,A-4
A-2,"Globex ""Intl""",,,,,,,,,,
A-3,initech,initech.io,,0,0.00,,,,,boss@acme.test,A-1
A-4,Acme Holding,,,,,,,,,,
A-5,Umbrella,umbrella.example,Pharma,50,"1,000",,,,,,
`,
  contacts: `external_id,account_external_id,first_name,last_name,email,phone,title,country,state,city,owner_email,created_at,last_activity_at
C-1,A-1,mary,O'BRIEN,Mary@Acme.COM,+1 (415) 555-0100,"Head of ""Ops""
EMEA",US,CA,SF,rep1@acme.test,2023-03-14T09:05:00.123456Z,2024-01-01 10:00
C-2,,Al,,,,,,,,,3/5/2024 1:07 PM,
C-3,A-2, spaced ,Name ,,555,,,,,rep2@acme.test,,
`,
  leads: `external_id,first_name,last_name,email,phone,company,title,country,state,source,status,owner_email,created_at,first_response_at,converted_at
L-1,Lee,Lo,lee@lo.example,,Lo Inc,CTO,US,NY,Web,working,rep1@acme.test,2024-01-01,2024-01-02 08:00,
L-2,,,,,,,,,,Closed - Converted,,2024-02-01,,2024-03-01T00:00:00+02:00
`,
  opportunities: `external_id,account_external_id,name,amount,currency,stage,probability,type,source,owner_email,created_at,close_date,closed_at,is_won
O-1,A-1,Acme renewal,48000.5,USD,negotiation,75,Renewal,Web,rep1@acme.test,2024-01-02,2024-06-30,,
O-2,A-1,Acme won,1200,EUR,Closed Won,,New,,,2024-01-05,2024-03-31,2024-03-30T17:00:00Z,true
O-3,,Lost one,,,closed_lost,,,,,,2024-02-01,,false
O-4,A-3,Big one,9999999999999999.99,USD,prospecting,,,,,,,,
`,
  activities: `external_id,type,subject,occurred_at,duration_minutes,owner_email,contact_external_id,account_external_id,opportunity_external_id,lead_external_id
ACT-1,call,Intro call,2024-03-05T10:00:00Z,30,rep1@acme.test,C-1,A-1,O-1,
ACT-2,meeting,,2024-03-06 09:30,,,,,,L-1
`,
};

beforeAll(async () => {
  test = await createCoreTestDatabase();
  org = await createTestOrganization(test, "acme");
  other = await createTestOrganization(test);
  for (const entity of IMPORT_ENTITIES) {
    const result = await importCsv(org.ctx, { entity, input: files[entity] });
    expect(result, entity).toMatchObject({ committed: true, errors: [] });
  }
  // Another organization with the same external ids must not leak into the export.
  await importCsv(other.ctx, { entity: "accounts", input: "external_id,name\nA-1,Not Acme\nZ-9,Zeta\n" });
});

afterAll(async () => {
  await test.destroy();
});

describe("exportCsv", () => {
  it.each(IMPORT_ENTITIES)("%s: export then import reports every row unchanged and changes nothing", async (entity) => {
    const exported = await exportText(entity);
    expect(exported.text.split("\n")[0]).toBe(canonicalHeaders(entity).join(","));
    const before = await snapshotDatabase(test.db);
    const result = await importCsv(org.ctx, { entity, input: exported.text, batchSize: 2 });
    expect(result).toMatchObject({ committed: true, created: 0, updated: 0, unchanged: exported.rows, errors: [] });
    const after = await snapshotDatabase(test.db);
    // Only the import's own event and audit entry are new.
    expect({ ...after, events: [], audit_log: [] }).toEqual({ ...before, events: [], audit_log: [] });
    expect(after.events!.length).toBe(before.events!.length + 1);
  });

  it("writes references as external ids and emails, money exactly, and instants in UTC", async () => {
    const { text, rows } = await exportText("accounts");
    expect(rows).toBe(5);
    expect(text).toContain('A-1,Acme,ACME.com,Manufacturing,1200,2500000.10,US,CA,"San Francisco, Bay",94105,rep1@acme.test,A-4\n');
    expect(text).toContain('A-2,"Globex ""Intl""",,,,,,,,,,\n');
    expect(text).toContain("A-5,Umbrella,umbrella.example,Pharma,50,1000.00,,,,,,\n");
    expect(text).not.toContain("Not Acme");
    const opportunities = (await exportText("opportunities")).text;
    expect(opportunities).toContain("O-4,A-3,Big one,9999999999999999.99,USD,prospecting,10,");
    expect(opportunities).toContain("O-2,A-1,Acme won,1200.00,EUR,closed_won,100,New,,,2024-01-05T00:00:00Z,2024-03-31,2024-03-30T17:00:00Z,true\n");
    const contacts = (await exportText("contacts")).text;
    expect(contacts).toContain("2023-03-14T09:05:00.123456Z");
    expect(contacts).toContain('"Head of ""Ops""\nEMEA"');
  });

  it("filters like the list: search, owners, and the trash only when asked", async () => {
    const acme = (await listRecords(org.ctx, "accounts", { search: "A-1" })).rows.find((r) => r.externalId === "A-1")!;
    const rep1 = acme.ownerId!;
    expect((await exportText("accounts", { search: "acme" })).rows).toBe(2);
    expect((await exportText("accounts", { ownerIds: [rep1] })).rows).toBe(1);
    const umbrella = (await listRecords(org.ctx, "accounts", { search: "Umbrella" })).rows[0]!;
    await deleteRecord(org.ctx, "accounts", umbrella.id);
    expect((await exportText("accounts")).text).not.toContain("Umbrella");
    expect((await exportText("accounts", { includeDeleted: true })).text).toContain("Umbrella");
  });

  it("pages through many rows with flat memory (keyset batches) and exports deactivated members on request", async () => {
    const lines = Array.from({ length: 250 }, (_, i) => `BULK-${i},Bulk ${i}`);
    await importCsv(org.ctx, { entity: "leads", input: `external_id,first_name\n${lines.join("\n")}\n` });
    const out = collector();
    const { rows } = await exportCsv(org.ctx, "leads", out.stream, { batchSize: 7 });
    expect(rows).toBe(252);
    expect(new Set(out.text().split("\n").filter(Boolean)).size).toBe(253);
    const gone = await createMember(org.ctx, { email: "gone@acme.test", name: "Gone", role: "rep" });
    await deactivateMember(org.ctx, gone.userId);
    expect((await exportText("users")).text).not.toContain("gone@acme.test");
    expect((await exportText("users", { includeDeleted: true })).text).toContain("gone@acme.test");
  });
});
