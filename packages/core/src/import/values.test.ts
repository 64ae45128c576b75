import { describe, expect, it } from "vitest";
import { IMPORT_FIELDS } from "./fields/index.ts";
import { InvalidValue, parseBoolean, parseCell, parseDate, parseProbability, parseTimestamp } from "./values.ts";

const field = (entity: keyof typeof IMPORT_FIELDS, name: string) => IMPORT_FIELDS[entity].find((f) => f.name === name)!;

describe("reading cells", () => {
  it("reads the date formats of ISO files and of Salesforce and HubSpot exports", () => {
    expect(parseTimestamp("2024-03-05T10:04:05Z")).toBe("2024-03-05 10:04:05+00:00");
    expect(parseTimestamp("2024-03-05T10:04:05.123+0200")).toBe("2024-03-05 10:04:05.123+02:00");
    expect(parseTimestamp("2024-03-05 10:04:05")).toBe("2024-03-05 10:04:05");
    expect(parseTimestamp("2024-03-05 10:04")).toBe("2024-03-05 10:04:00");
    expect(parseTimestamp("3/5/2024")).toBe("2024-03-05 00:00:00");
    expect(parseTimestamp("3/5/2024 1:07 PM")).toBe("2024-03-05 13:07:00");
    expect(parseTimestamp("12/31/2023 12:30 AM")).toBe("2023-12-31 00:30:00");
    expect(parseTimestamp("3/5/24, 9:15 am")).toBe("2024-03-05 09:15:00");
    expect(parseDate("2024-02-29")).toBe("2024-02-29");
    expect(parseDate("2/29/2024 10:00 AM")).toBe("2024-02-29");
    for (const bad of ["2023-02-29", "13/1/2024", "2024-03-05 25:00", "yesterday", "5.3.2024", "3/5/2024 13:00 PM"]) {
      expect(parseTimestamp(bad), bad).toBeInstanceOf(InvalidValue);
    }
  });

  it("reads booleans and probabilities, and refuses what is out of range", () => {
    expect(["true", "YES", "1", "y"].map(parseBoolean)).toEqual([true, true, true, true]);
    expect(["false", "No", "0", "n"].map(parseBoolean)).toEqual([false, false, false, false]);
    expect(parseBoolean("maybe")).toBeInstanceOf(InvalidValue);
    expect(parseProbability("45")).toBe(45);
    expect(parseProbability("45%")).toBe(45);
    expect(parseProbability("0.45")).toBe(45);
    expect(parseProbability("100")).toBe(100);
    expect(parseProbability("150")).toBeInstanceOf(InvalidValue);
    expect(parseProbability("-5")).toBeInstanceOf(InvalidValue);
  });

  it("keeps dirty-but-plausible text as written and refuses clearly invalid values", () => {
    expect(parseCell(field("contacts", "phone"), "(415) 555-0100 x12")).toBe("(415) 555-0100 x12");
    expect(parseCell(field("contacts", "last_name"), "mcDONALD ")).toBe("mcDONALD ");
    expect(parseCell(field("contacts", "email"), "Jane.DOE@Example.COM")).toBe("Jane.DOE@Example.COM");
    expect(parseCell(field("contacts", "email"), "jane@example")).toBeInstanceOf(InvalidValue);
    expect(parseCell(field("contacts", "email"), "jane.example.com")).toBeInstanceOf(InvalidValue);
    expect(parseCell(field("contacts", "first_name"), "")).toBeNull();
    expect(parseCell(field("accounts", "annual_revenue"), "$1,234.565")).toBe("1234.56");
    expect(parseCell(field("accounts", "annual_revenue"), "lots")).toBeInstanceOf(InvalidValue);
    expect(parseCell(field("accounts", "annual_revenue"), "EUR 1,000,000")).toBe("1000000.00");
    expect(parseCell(field("accounts", "annual_revenue"), "99,5")).toBeInstanceOf(InvalidValue);
    expect(parseCell(field("accounts", "employees"), "1,200")).toBe(1200);
    expect(parseCell(field("accounts", "employees"), "12.5")).toBeInstanceOf(InvalidValue);
    expect(parseCell(field("opportunities", "stage"), "Closed Won")).toBe("closed_won");
    expect(parseCell(field("opportunities", "stage"), "contractsent")).toBe("negotiation");
    expect(parseCell(field("opportunities", "stage"), "Won-ish")).toBeInstanceOf(InvalidValue);
    expect(parseCell(field("opportunities", "currency"), "eur")).toBe("EUR");
    expect(parseCell(field("leads", "status"), "Open - Not Contacted")).toBe("new");
    expect(parseCell(field("leads", "status"), "IN_PROGRESS")).toBe("working");
    expect(parseCell(field("activities", "type"), "Logged call")).toBe("call");
    expect(parseCell(field("users", "role"), "New hire")).toBe("new_hire");
    expect(parseCell(field("users", "role"), "emperor")).toBeInstanceOf(InvalidValue);
  });
});
