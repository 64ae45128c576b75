import { describe, expect, it } from "vitest";
import { sampleCsv } from "./csv-sample.ts";

describe("sampleCsv", () => {
  it("keeps the whole file when it is small, and counts its rows", () => {
    const csv = "external_id,name\n1,Acme\n2,Globex\n";
    expect(sampleCsv(csv, 10)).toEqual({ text: csv, sampleRows: 2, totalRows: 2 });
  });

  it("cuts after the asked rows, at a row boundary, and still counts every row", () => {
    const csv = "id,name\n1,a\n2,b\n3,c\n4,d";
    const sample = sampleCsv(csv, 2);
    expect(sample.text).toBe("id,name\n1,a\n2,b\n");
    expect(sample.sampleRows).toBe(2);
    expect(sample.totalRows).toBe(4);
  });

  it("does not end a row at a newline inside quotes", () => {
    const csv = 'id,note\n1,"two\nlines"\n2,plain\n';
    const sample = sampleCsv(csv, 1);
    expect(sample.text).toBe('id,note\n1,"two\nlines"\n');
    expect(sample.totalRows).toBe(2);
  });

  it("skips blank rows in the count, handles CRLF and drops a BOM", () => {
    const csv = "\uFEFFid,name\r\n1,a\r\n\r\n,\r\n2,b\r\n";
    const sample = sampleCsv(csv, 10);
    expect(sample.text.startsWith("id,name")).toBe(true);
    expect(sample.totalRows).toBe(2);
  });
});
