import type { TestDatabase } from "@opsdeck/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCoreTestDatabase, createTestOrganization, type TestOrganization } from "../testing.ts";
import { importCsv } from "./import-csv.ts";
import { previewCsv } from "./preview-csv.ts";
import { loadImportMapping, saveImportMapping } from "./saved-mappings.ts";
import { snapshotDatabase } from "./test-snapshot.ts";

let test: TestDatabase;
let org: TestOrganization;
let other: TestOrganization;

beforeAll(async () => {
  test = await createCoreTestDatabase();
  org = await createTestOrganization(test);
  other = await createTestOrganization(test);
  await importCsv(org.ctx, { entity: "accounts", input: "external_id,name\nA-1,Acme\nA-2,Globex\n" });
});

afterAll(async () => {
  await test.destroy();
});

describe("previewCsv", () => {
  it("checks the first rows and counts what would be created or updated, writing nothing", async () => {
    const before = await snapshotDatabase(test.db);
    const lines = ["Account ID,Account Name,Website,Employees", "A-1,Acme,acme.com,10", "A-2,Globex,,", "A-3,New Co,,x"];
    for (let i = 4; i <= 300; i++) lines.push(`A-${i},Company ${i},,`);
    const preview = await previewCsv(org.ctx, { entity: "accounts", input: `${lines.join("\n")}\n`, rows: 50, sampleSize: 2 });
    expect(preview).toMatchObject({
      headers: ["Account ID", "Account Name", "Website", "Employees"],
      delimiter: ",",
      mappingError: null,
      rowsChecked: 50,
      wouldCreate: 47,
      wouldUpdate: 1,
      unchanged: 1,
      invalid: 1,
      savedMapping: null,
    });
    expect(preview.suggestedMapping.columns).toEqual({
      "Account ID": "external_id",
      "Account Name": "name",
      Website: "domain",
      Employees: "employees",
    });
    expect(preview.errors).toEqual([{ row: 3, column: "Employees", value: "x", message: "not a whole number" }]);
    expect(preview.sample).toEqual([
      { "Account ID": "A-1", "Account Name": "Acme", Website: "acme.com", Employees: "10" },
      { "Account ID": "A-2", "Account Name": "Globex", Website: "", Employees: "" },
    ]);
    expect(await snapshotDatabase(test.db)).toEqual(before);
  });

  it("shows the headers and what is missing when the columns cannot be mapped yet", async () => {
    const preview = await previewCsv(org.ctx, { entity: "opportunities", input: "Ref,Deal Name,Phase\nX1,Big,Won\n" });
    expect(preview.mappingError).toMatch(/required field\(s\): external_id, stage/);
    expect(preview.missingFields).toEqual(["external_id", "stage"]);
    expect(preview.sample).toEqual([{ Ref: "X1", "Deal Name": "Big", Phase: "Won" }]);
    const blind = await previewCsv(org.ctx, { entity: "opportunities", input: "Ref,Title,Phase\nX1,Big,Won\n" });
    expect(blind.mappingError).toMatch(/No column of the file is recognizable/);
    expect(blind.headers).toEqual(["Ref", "Title", "Phase"]);
  });

  it("remembers a mapping per header signature and organization, and previews with it", async () => {
    const headers = ["Ref", "Title", "Phase"];
    const mapping = { columns: { Ref: "external_id", Title: "name", Phase: "stage" }, values: { stage: { Won: "closed_won" } } };
    await saveImportMapping(org.ctx, "opportunities", headers, mapping);
    expect(await loadImportMapping(org.ctx, "opportunities", ["phase", "TITLE", "ref"])).toEqual(mapping);
    expect(await loadImportMapping(other.ctx, "opportunities", headers)).toBeNull();
    expect(await loadImportMapping(org.ctx, "accounts", headers)).toBeNull();
    const preview = await previewCsv(org.ctx, { entity: "opportunities", input: "Ref,Title,Phase\nX1,Big,Won\n" });
    expect(preview).toMatchObject({ mappingError: null, savedMapping: mapping, mapping, wouldCreate: 1, invalid: 0 });
    const changed = { columns: { Ref: "external_id", Title: "name", Phase: "stage" } };
    await saveImportMapping(org.ctx, "opportunities", headers, changed);
    expect(await loadImportMapping(org.ctx, "opportunities", headers)).toEqual(changed);
  });
});
