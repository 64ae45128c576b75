import { sql } from "drizzle-orm";
import { queryRows } from "@opsdeck/db";
import type { TestDatabase } from "@opsdeck/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMember } from "../services/users.ts";
import { createCoreTestDatabase, createTestOrganization, type TestOrganization } from "../testing.ts";
import { importCsv } from "./import-csv.ts";

let test: TestDatabase;
let org: TestOrganization;

beforeAll(async () => {
  test = await createCoreTestDatabase();
  org = await createTestOrganization(test);
  await createMember(org.ctx, { email: "jane.rep@acme.test", name: "Jane Rep", role: "rep" });
});

afterAll(async () => {
  await test.destroy();
});

const select = (query: string) => queryRows<Record<string, unknown>>(test.db, sql.raw(query));

describe("exports of other CRMs", () => {
  it("imports a Salesforce account, contact and opportunity export by their own headers", async () => {
    const accounts = await importCsv(org.ctx, {
      entity: "accounts",
      input: [
        "Account ID,Account Name,Website,Industry,Annual Revenue,Number of Employees,Billing City,Billing State/Province,Billing Country,Account Owner,Parent Account ID",
        '001A,Acme Inc,https://www.acme.com,Manufacturing,"$2,500,000",1200,San Francisco,CA,USA,JANE.REP@acme.test,',
        "001B,Acme Europe,acme.eu,Manufacturing,,40,Paris,,France,Jane Rep,001A",
      ].join("\r\n"),
    });
    expect(accounts).toMatchObject({ committed: true, created: 2, ignoredColumns: [] });
    const contacts = await importCsv(org.ctx, {
      entity: "contacts",
      input: [
        "Contact ID,Account ID,First Name,Last Name,Title,Email,Phone,Mailing City,Mailing Country,Contact Owner,Created Date",
        "003A,001A,mary,O'BRIEN,VP Sales,Mary.OBrien@Acme.com,+1 (415) 555-0101,San Francisco,USA,Jane Rep,3/14/2023 9:05 AM",
      ].join("\n"),
    });
    expect(contacts).toMatchObject({ committed: true, created: 1 });
    const opportunities = await importCsv(org.ctx, {
      entity: "opportunities",
      input: [
        "Opportunity ID,Opportunity Name,Account ID,Amount,Stage,Probability (%),Close Date,Type,Lead Source,Opportunity Owner,Created Date,Fiscal Period",
        '006A,Acme - 500 widgets,001A,"$48,000.00",Id. Decision Makers,40%,6/30/2024,New Business,Web,Jane Rep,1/2/2024,Q2-2024',
        "006B,Acme - renewal,001A,12000,Closed Won,100,3/31/2024,Renewal,,jane.rep@acme.test,1/5/2024,Q1-2024",
      ].join("\n"),
    });
    expect(opportunities).toMatchObject({ committed: true, created: 2, ignoredColumns: ["Fiscal Period"] });

    const [acme] = await select(`select a.*, u.email from core.accounts a join core.users u on u.id = a.owner_id where external_id = '001A'`);
    expect(acme).toMatchObject({ name: "Acme Inc", domain: "https://www.acme.com", annual_revenue: "2500000.00", employees: 1200, email: "jane.rep@acme.test" });
    const [contact] = await select(`select * from core.contacts where external_id = '003A'`);
    expect(contact).toMatchObject({ first_name: "mary", last_name: "O'BRIEN", email: "Mary.OBrien@Acme.com", phone: "+1 (415) 555-0101" });
    expect(new Date(contact!.created_at as string).toISOString()).toBe("2023-03-14T09:05:00.000Z");
    const opps = await select(`select external_id, stage, amount, probability, is_won, is_closed, close_date::text from core.opportunities order by external_id`);
    expect(opps).toEqual([
      { external_id: "006A", stage: "needs_analysis", amount: "48000.00", probability: 40, is_won: false, is_closed: false, close_date: "2024-06-30" },
      { external_id: "006B", stage: "closed_won", amount: "12000.00", probability: 100, is_won: true, is_closed: true, close_date: "2024-03-31" },
    ]);
  });

  it("imports HubSpot company, contact and deal exports by their own headers", async () => {
    const companies = await importCsv(org.ctx, {
      entity: "accounts",
      input: "Record ID,Company name,Company Domain Name,Industry,Number of Employees,Annual Revenue,City,State/Region,Country/Region,Company owner\n"
        + "9001,Globex,globex.com,COMPUTER_SOFTWARE,50,1000000,Austin,Texas,United States,Jane Rep\n",
    });
    expect(companies).toMatchObject({ created: 1, ignoredColumns: [] });
    const contacts = await importCsv(org.ctx, {
      entity: "contacts",
      input: "Record ID,First Name,Last Name,Email,Phone Number,Job Title,Contact owner,Create Date,Associated Company ID,Last Activity Date\n"
        + "5001,Hank,Scorpio,hank@globex.com,512.555.0199,CEO,Jane Rep,2024-02-01 14:30,9001,2024-05-01 08:00\n",
    });
    expect(contacts).toMatchObject({ created: 1, ignoredColumns: [] });
    const deals = await importCsv(org.ctx, {
      entity: "opportunities",
      input: "Record ID,Deal Name,Deal Stage,Amount,Close Date,Deal owner,Create Date,Deal Type,Associated Company ID,Pipeline\n"
        + "7001,Globex platform,contractsent,75000,2024-09-30 00:00,Jane Rep,2024-04-01 10:00,newbusiness,9001,Sales Pipeline\n"
        + "7002,Globex pilot,closedlost,5000,2024-02-28,,2024-01-15,newbusiness,9001,Sales Pipeline\n",
    });
    expect(deals).toMatchObject({ created: 2, ignoredColumns: ["Pipeline"] });
    const rows = await select(`select o.external_id, o.stage, o.is_closed, a.external_id as account from core.opportunities o
      join core.accounts a on a.id = o.account_id where o.external_id like '700%' order by 1`);
    expect(rows).toEqual([
      { external_id: "7001", stage: "negotiation", is_closed: false, account: "9001" },
      { external_id: "7002", stage: "closed_lost", is_closed: true, account: "9001" },
    ]);
  });

  it("imports any other file through a column mapping with value maps, semicolons and all", async () => {
    const mapping = {
      columns: { "Deal #": "external_id", Title: "name", Phase: "stage", "Value (EUR)": "amount", Cur: "currency", Notes: null },
      values: { stage: { Won: "closed_won", Lost: "closed_lost", "In talks": "qualification" } },
    };
    const input = "Deal #;Title;Phase;Value (EUR);Cur;Notes\nX1;Big one;won;1.000;eur;n/a\nX2;Small one;In talks;99,5;EUR;\n";
    const result = await importCsv(org.ctx, { entity: "opportunities", input, mapping, mode: "skip-invalid" });
    // 99,5 is not an amount (a decimal comma is ambiguous): a row error, not a guess.
    expect(result.errors.map((e) => [e.row, e.column, e.value])).toEqual([[2, "Value (EUR)", "99,5"]]);
    const [x1] = await select(`select stage, amount, currency, is_won from core.opportunities where external_id = 'X1'`);
    expect(x1).toEqual({ stage: "closed_won", amount: "1.00", currency: "EUR", is_won: true });
  });

  it("refuses a stage that maps to nothing and an is_won that contradicts the stage", async () => {
    const result = await importCsv(org.ctx, {
      entity: "opportunities",
      mode: "skip-invalid",
      input: "external_id,name,stage,is_won\nZ1,A,Sort of won,\nZ2,B,closed_lost,yes\n",
    });
    expect(result.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [1, "stage", "not a known stage (map it with a value map)"],
      [2, "is_won", 'is true but the stage "closed_lost" is not won'],
    ]);
  });
});
