import { describe, expect, it } from "vitest";
import { importHeaderSignature, resolveMapping, suggestImportMapping } from "./mapping.ts";

describe("column mapping", () => {
  it("suggests fields for a Salesforce opportunity export", () => {
    const headers = ["Opportunity ID", "Opportunity Name", "Account ID", "Amount", "Stage", "Close Date", "Probability (%)", "Opportunity Owner", "Fiscal Period"];
    expect(suggestImportMapping("opportunities", headers).columns).toEqual({
      "Opportunity ID": "external_id",
      "Opportunity Name": "name",
      "Account ID": "account_external_id",
      Amount: "amount",
      Stage: "stage",
      "Close Date": "close_date",
      "Probability (%)": "probability",
      "Opportunity Owner": "owner_email",
      "Fiscal Period": null,
    });
  });

  it("suggests fields for a HubSpot contact export, ignoring case, spaces and underscores", () => {
    const headers = ["Record ID", "FIRST_NAME", "last name", "Email", "Phone Number", "Contact owner", "Create Date", "Country/Region"];
    expect(suggestImportMapping("contacts", headers).columns).toEqual({
      "Record ID": "external_id",
      FIRST_NAME: "first_name",
      "last name": "last_name",
      Email: "email",
      "Phone Number": "phone",
      "Contact owner": "owner_email",
      "Create Date": "created_at",
      "Country/Region": "country",
    });
  });

  it("gives the same signature to the same headers in any order or case", () => {
    expect(importHeaderSignature(["Email", "First Name"])).toBe(importHeaderSignature(["first_name", "EMAIL"]));
    expect(importHeaderSignature(["Email"])).not.toBe(importHeaderSignature(["Email", "Phone"]));
  });

  it("lets a mapping override matches, ignore columns and fill required fields", () => {
    const resolved = resolveMapping("accounts", ["Key", "Company", "Website"], {
      columns: { Key: "external_id", Website: null },
    });
    expect(resolved.columns.map((c) => [c.header, c.field.name])).toEqual([
      ["Key", "external_id"],
      ["Company", "name"],
    ]);
    expect(resolved.ignored).toEqual(["Website"]);
  });

  it("refuses a file with no recognizable column, a missing required column, or an unknown field", () => {
    expect(() => resolveMapping("accounts", ["foo", "bar"], undefined)).toThrow(/No column of the file is recognizable/);
    expect(() => resolveMapping("accounts", ["Account Name"], undefined)).toThrow(/required field\(s\): external_id/);
    expect(() => resolveMapping("accounts", ["id", "name"], { columns: { id: "nope" } })).toThrow(/not a field of accounts/);
  });
});
