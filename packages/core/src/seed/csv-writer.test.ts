import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { CsvWriter } from "./csv-writer.ts";
import { SeedClock } from "./time.ts";

describe("CsvWriter", () => {
  it("quotes what PostgreSQL's CSV format needs quoted, and keeps NULL apart from an empty string", () => {
    const w = new CsvWriter(8);
    w.text("ACME, Inc.").text('The "Best" Co').text("two\nlines").text(" spaced ").text("").text(null).end();
    w.ascii("plain").int(42).int(null).bool(true).bool(false).end();
    const out = w.take();
    expect(out.split("\n")[0]).toBe('"ACME, Inc.","The ""Best"" Co","two');
    expect(out).toContain(',"",\n');
    expect(out.endsWith("plain,42,,t,f\n")).toBe(true);
    const rows: string[][] = parse(out, { relax_column_count: true });
    expect(rows[0]).toEqual(["ACME, Inc.", 'The "Best" Co', "two\nlines", " spaced ", "", ""]);
  });

  it("writes UTF-8 and grows its buffer as needed", () => {
    const w = new CsvWriter(4);
    for (let i = 0; i < 1000; i++) w.text("München").text("São Paulo").text("東京").end();
    expect(w.rows).toBe(1000);
    const out = w.take();
    expect(out.split("\n")[999]).toBe("München,São Paulo,東京");
    expect(w.take()).toBe("");
  });

  it("writes timestamps to the second in UTC", () => {
    const clock = new SeedClock("2025-06-30");
    const w = new CsvWriter();
    w.timestamp(clock, Date.parse("2025-03-04T09:05:07.999Z")).timestamp(clock, null).end();
    expect(w.take()).toBe("2025-03-04 09:05:07+00,\n");
  });
});
