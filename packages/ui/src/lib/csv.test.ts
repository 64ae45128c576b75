import { describe, expect, it } from "vitest";
import { escapeCsvField, toCsv } from "./csv.ts";

describe("escapeCsvField", () => {
  it("quotes commas, quotes, line breaks and padded text", () => {
    expect(escapeCsvField("Acme, Inc.")).toBe('"Acme, Inc."');
    expect(escapeCsvField('The "big" deal')).toBe('"The ""big"" deal"');
    expect(escapeCsvField("line 1\nline 2")).toBe('"line 1\nline 2"');
    expect(escapeCsvField(" padded ")).toBe('" padded "');
    expect(escapeCsvField("plain")).toBe("plain");
  });

  it("defuses formulas but leaves negative numbers alone", () => {
    expect(escapeCsvField("=HYPERLINK(\"x\")")).toBe("\"'=HYPERLINK(\"\"x\"\")\"");
    expect(escapeCsvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(escapeCsvField("-12.50")).toBe("-12.50");
    expect(escapeCsvField("-cmd")).toBe("'-cmd");
  });

  it("writes empty cells for missing values and ISO for dates", () => {
    expect(escapeCsvField(null)).toBe("");
    expect(escapeCsvField(undefined)).toBe("");
    expect(escapeCsvField(new Date("2025-01-02T03:04:05Z"))).toBe("2025-01-02T03:04:05.000Z");
    expect(escapeCsvField(12.5)).toBe("12.5");
  });
});

describe("toCsv", () => {
  it("joins a header and rows with CRLF", () => {
    expect(toCsv(["Name", "Amount"], [["Acme, Inc.", "1200.50"], ["Globex", null]])).toBe(
      'Name,Amount\r\n"Acme, Inc.",1200.50\r\nGlobex,\r\n',
    );
  });
});
