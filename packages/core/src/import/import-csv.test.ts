import { Readable } from "node:stream";
import { sql } from "drizzle-orm";
import type { TestDatabase } from "@opsdeck/db/testing";
import { queryRows } from "@opsdeck/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryAudit } from "../services/audit.ts";
import { createCoreTestDatabase, createTestOrganization, type TestOrganization } from "../testing.ts";
import { importCsv } from "./import-csv.ts";
import { snapshotDatabase } from "./test-snapshot.ts";

let test: TestDatabase;
let org: TestOrganization;
let repEmail: string;

const csv = (...lines: string[]) => `${lines.join("\n")}\n`;

async function rowsOf(table: string, orgId: string, columns = "*") {
  return queryRows<Record<string, unknown>>(
    test.db,
    sql.raw(`select ${columns} from core.${table} where organization_id = '${orgId}' order by external_id`),
  );
}

beforeAll(async () => {
  test = await createCoreTestDatabase();
  org = await createTestOrganization(test);
  repEmail = (await org.member("rep", `rep@${org.org.slug}.test`)).member.email;
});

afterAll(async () => {
  await test.destroy();
});

describe("importCsv accounts", () => {
  const accounts = () =>
    csv(
      "external_id,name,domain,employees,annual_revenue,owner_email,parent_external_id",
      `ACC-1,Acme Corp,acme.com,120,"1,250,000.50",${repEmail},ACC-9`,
      "ACC-2,globex,GLOBEX.com,,,,",
      `ACC-3,Initech,initech.io,15,99.99,${org.owner.email},ACC-1`,
      "ACC-9,Acme Holding,,,,,",
    );

  it("creates rows, resolves a parent that comes later in the file, and is idempotent on a second run", async () => {
    const first = await importCsv(org.ctx, { entity: "accounts", input: accounts(), batchSize: 2 });
    expect(first).toMatchObject({ committed: true, created: 4, updated: 0, unchanged: 0, invalid: 0, errors: [] });
    const rows = await rowsOf("accounts", org.org.id);
    const byExt = new Map(rows.map((r) => [r.external_id, r]));
    expect(byExt.get("ACC-1")!.parent_account_id).toBe(byExt.get("ACC-9")!.id);
    expect(byExt.get("ACC-3")!.parent_account_id).toBe(byExt.get("ACC-1")!.id);
    expect(String(byExt.get("ACC-1")!.annual_revenue)).toBe("1250000.50");
    expect(byExt.get("ACC-2")!.domain).toBe("GLOBEX.com");

    const again = await importCsv(org.ctx, { entity: "accounts", input: accounts(), batchSize: 2 });
    expect(again).toMatchObject({ committed: true, created: 0, updated: 0, unchanged: 4, invalid: 0 });
    expect(await rowsOf("accounts", org.org.id)).toEqual(rows);
  });

  it("reports a changed row as updated and leaves columns absent from the file alone", async () => {
    const result = await importCsv(org.ctx, {
      entity: "accounts",
      input: csv("Account ID,Account Name", "ACC-2,Globex Corporation", "ACC-9,Acme Holding"),
    });
    expect(result).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const [globex] = (await rowsOf("accounts", org.org.id)).filter((r) => r.external_id === "ACC-2");
    expect(globex).toMatchObject({ name: "Globex Corporation", domain: "GLOBEX.com" });
  });

  it("does not attach a child to a later parent row that turns out bad", async () => {
    const result = await importCsv(org.ctx, {
      entity: "accounts",
      mode: "skip-invalid",
      batchSize: 1,
      input: csv("external_id,name,owner_email,parent_external_id", "ACC-60,Child,,ACC-61", "ACC-61,Bad parent,nobody@nowhere.test,", "ACC-62,Grandchild,,ACC-60"),
    });
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [1, "parent_external_id"],
      [2, "owner_email"],
      [3, "parent_external_id"],
    ]);
    expect(result).toMatchObject({ created: 0, invalid: 3 });
    expect((await rowsOf("accounts", org.org.id)).map((r) => r.external_id)).not.toContain("ACC-60");
  });

  it("refuses a parent that is neither in the organization nor in the file", async () => {
    const result = await importCsv(org.ctx, {
      entity: "accounts",
      input: csv("external_id,name,parent_external_id", "ACC-50,Lonely,NOPE", "ACC-51,Child of lonely,ACC-50", "ACC-52,Fine,"),
      mode: "skip-invalid",
    });
    expect(result.errors).toEqual([
      { row: 1, column: "parent_external_id", value: "NOPE", message: "no account with this external id in the organization or the file" },
      { row: 2, column: "parent_external_id", value: "ACC-50", message: "no account with this external id in the organization or the file" },
    ]);
    expect(result).toMatchObject({ committed: true, created: 1, invalid: 2 });
  });
});

describe("importCsv modes and errors", () => {
  it("all-or-nothing keeps checking after a bad row and reports only real problems", async () => {
    const result = await importCsv(org.ctx, {
      entity: "accounts",
      batchSize: 1,
      input: csv("external_id,name,parent_external_id", "P-0,,", "P-1,Parent,", "P-2,Child,P-1", "P-3,Orphan,NOPE", "P-4,Late child,P-5", "P-5,Late parent,"),
    });
    expect(result.committed).toBe(false);
    expect(result.errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [1, "name", ""],
      [4, "parent_external_id", "NOPE"],
    ]);
  });

  it("all-or-nothing: one bad row and the database is unchanged, in counts and content", async () => {
    const before = await snapshotDatabase(test.db);
    const result = await importCsv(org.ctx, {
      entity: "contacts",
      input: csv(
        "external_id,account_external_id,first_name,email,owner_email,created_at",
        `CON-1,ACC-1,Ann,ann@acme.com,${repEmail},2024-01-02 09:00:00`,
        "CON-2,ACC-1,Bob,bob@acme,,",
        "CON-3,ACC-1,Cy,cy@acme.com,,",
      ),
    });
    expect(result).toMatchObject({ committed: false, created: 0, updated: 0, invalid: 1, errorCount: 1 });
    expect(result.errors).toEqual([{ row: 2, column: "email", value: "bob@acme", message: "not a valid email address" }]);
    expect(await snapshotDatabase(test.db)).toEqual(before);
  });

  it("skip-invalid: writes the good rows and names every bad cell by row, column and value", async () => {
    const result = await importCsv(org.ctx, {
      entity: "opportunities",
      mode: "skip-invalid",
      input: csv(
        "external_id,account_external_id,name,amount,stage,probability,owner_email,close_date",
        `OPP-1,ACC-1,Acme renewal,"$12,500.10",Negotiation/Review,,${repEmail},2024-06-30`,
        "OPP-2,ACC-404,Ghost deal,100,proposal,150,nobody@nowhere.com,2024-06-31",
        "OPP-3,ACC-2,Globex,abc,Closed Won,,,",
        "OPP-4,,Closed thing,10,Closed Lost,,,3/1/2024",
        ",ACC-1,No key,1,proposal,,,",
      ),
    });
    expect(result).toMatchObject({ committed: true, created: 2, invalid: 3, rows: 5 });
    expect(result.errors).toEqual([
      { row: 2, column: "probability", value: "150", message: "must be between 0 and 100" },
      { row: 2, column: "close_date", value: "2024-06-31", message: "not a date (use YYYY-MM-DD or M/D/YYYY)" },
      { row: 2, column: "owner_email", value: "nobody@nowhere.com", message: "no member of the organization with this email (or name)" },
      { row: 2, column: "account_external_id", value: "ACC-404", message: "no account with this external id in the organization" },
      { row: 3, column: "amount", value: "abc", message: "not an amount" },
      { row: 5, column: "external_id", value: "", message: "is required" },
    ]);
    const opps = await rowsOf("opportunities", org.org.id);
    expect(opps.map((o) => o.external_id)).toEqual(["OPP-1", "OPP-4"]);
    expect(opps[0]).toMatchObject({ amount: "12500.10", stage: "negotiation", probability: 80, is_closed: false, closed_at: null });
    expect(opps[1]).toMatchObject({ stage: "closed_lost", is_closed: true, is_won: false, probability: 0, currency: "USD" });
    expect(opps[1]!.closed_at).not.toBeNull();
  });

  it("reports a repeated external id as a duplicate of its first row, across batches too", async () => {
    const result = await importCsv(org.ctx, {
      entity: "leads",
      mode: "skip-invalid",
      batchSize: 2,
      input: csv("external_id,first_name,status", "L-1,Ann,new", "L-2,Bob,working", "L-1,Ann again,new", "L-2,Bob again,"),
    });
    expect(result.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [3, "external_id", "the same external_id is already on row 1"],
      [4, "external_id", "the same external_id is already on row 2"],
    ]);
    expect(result.created).toBe(2);
  });

  it("caps the errors it keeps but counts them all", async () => {
    const lines = Array.from({ length: 30 }, (_, i) => `X-${i},Name ${i},not-an-email`);
    const result = await importCsv(org.ctx, {
      entity: "leads",
      mode: "skip-invalid",
      maxErrors: 5,
      input: csv("external_id,first_name,email", ...lines),
    });
    expect(result).toMatchObject({ errorCount: 30, invalid: 30, errorsTruncated: true, created: 0 });
    expect(result.errors.map((e) => e.row)).toEqual([1, 2, 3, 4, 5]);
  });

  it("reads a streamed file with quoted cells, CRLF line ends, blank rows and a BOM", async () => {
    const text = '\uFEFFexternal_id,first_name,last_name,title\r\nS-1,"Smith, Jr.","O\'Neil","Head of ""Sales""\nEMEA"\r\n\r\nS-2,ann,LEE,\r\n';
    const bytes = Buffer.from(text);
    const chunks = [bytes.subarray(0, 7), bytes.subarray(7, 50), bytes.subarray(50)];
    const result = await importCsv(org.ctx, { entity: "leads", input: Readable.from(chunks) });
    expect(result).toMatchObject({ committed: true, created: 2, blank: 1, rows: 3 });
    const leads = (await rowsOf("leads", org.org.id)).filter((l) => String(l.external_id).startsWith("S-"));
    expect(leads.map((l) => [l.first_name, l.last_name, l.title])).toEqual([
      ["Smith, Jr.", "O'Neil", 'Head of "Sales"\nEMEA'],
      ["ann", "LEE", null],
    ]);
  });

  it("emits one import.completed event and one audit entry per committed import", async () => {
    const input = csv("external_id,type,occurred_at,contact_external_id", "ACT-1,Call,3/5/2024 10:00 AM,", "ACT-2,email,2024-03-06T08:00:00Z,");
    const result = await importCsv(org.ctx, { entity: "activities", input, fileName: "acts.csv" });
    expect(result.created).toBe(2);
    const events = await queryRows<{ payload: unknown }>(
      test.db,
      sql`select payload from core.events where organization_id = ${org.org.id} and type = 'import.completed' and payload->>'entity' = 'activities'`,
    );
    expect(events).toHaveLength(1);
    const audit = (await queryAudit(org.ctx, { entityType: "activities" })).filter((a) => a.action === "import.completed");
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ created: 2, fileName: "acts.csv", mode: "all-or-nothing" });
  });
});
