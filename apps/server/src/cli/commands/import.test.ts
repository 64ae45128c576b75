import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCliHarness } from "../../../test/cli-harness.ts";

let cli: Awaited<ReturnType<typeof createCliHarness>>;
const file = (name: string, text: string) => {
  const full = path.join(cli.dir, name);
  fs.writeFileSync(full, text);
  return full;
};

beforeAll(async () => {
  cli = await createCliHarness();
  await cli.run("orgs", "create", "--slug", "acme", "--name", "Acme");
  await cli.run("users", "create", "--email", "ann@acme.com", "--name", "Ann", "--role", "owner");
});
afterAll(async () => {
  await cli.destroy();
});

describe("opsdeck import / export", () => {
  it("imports accounts, then reports a re-run as unchanged", async () => {
    const csv = file(
      "accounts.csv",
      "external_id,name,domain,employees,annual_revenue,owner_email\nA-1,Globex,globex.com,120,1500000.50,ann@acme.com\nA-2,Initech,initech.com,40,,\n",
    );
    const first = await cli.run("import", "accounts", csv, "--json");
    expect(first.code).toBe(0);
    expect(first.json()).toMatchObject({ committed: true, created: 2, updated: 0, unchanged: 0 });
    const again = await cli.run("import", "accounts", csv, "--json");
    expect(again.json()).toMatchObject({ committed: true, created: 0, updated: 0, unchanged: 2 });
  });

  it("names the bad row and column, exits 1, and writes nothing in all-or-nothing mode", async () => {
    const csv = file(
      "contacts.csv",
      "external_id,account_external_id,first_name,last_name,email\nC-1,A-1,Hank,Scorpio,hank@globex.com\nC-2,A-404,Lee,Li,lee@initech.com\n",
    );
    const res = await cli.run("import", "contacts", csv);
    expect(res.code).toBe(1);
    expect(res.stdout).toMatch(/Nothing was imported/);
    expect(res.stderr).toMatch(/row 2, column account_external_id/);
    const exported = await cli.run("export", "contacts");
    expect(exported.stdout.trim().split("\n")).toHaveLength(1);

    const skip = await cli.run("import", "contacts", csv, "--mode", "skip-invalid", "--json");
    expect(skip.code).toBe(1);
    expect(skip.json()).toMatchObject({ committed: true, created: 1, invalid: 1 });
  });

  it("imports another CRM's file through a mapping file with value maps", async () => {
    const csv = file("deals.csv", "Deal ID;Deal;Value;Phase;Account\nD-1;Globex expansion;12000;Won;A-1\n");
    const map = file(
      "map.json",
      JSON.stringify({
        columns: { "Deal ID": "external_id", Deal: "name", Value: "amount", Phase: "stage", Account: "account_external_id" },
        values: { stage: { Won: "closed_won" } },
      }),
    );
    const res = await cli.run("import", "opportunities", csv, "--map", map, "--json");
    expect(res.code).toBe(0);
    expect(res.json()).toMatchObject({ committed: true, created: 1 });
    const out = await cli.run("export", "opportunities");
    expect(out.stdout).toMatch(/D-1,A-1,Globex expansion,12000\.00,USD,closed_won/);
  });

  it("refuses files that are not CSV with a clear message", async () => {
    const binary = path.join(cli.dir, "photo.csv");
    fs.writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    const res = await cli.run("import", "contacts", binary);
    expect(res.code).not.toBe(0);
    expect(res.stderr).toMatch(/binary|not a CSV|not text/i);
    const missing = await cli.run("import", "contacts", path.join(cli.dir, "nope.csv"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/No such file/);
    const entity = await cli.run("import", "unicorns", binary);
    expect(entity.code).not.toBe(0);
    expect(entity.stderr).toMatch(/unicorns/);
  });
});
