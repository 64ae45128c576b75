import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import type { CliArgs } from "@opsdeck/plugin-sdk";
import { createTestHost, type TestHost } from "@opsdeck/plugin-sdk/testing";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import reporting from "../server.ts";
import { CORE_DATASETS } from "../reports/datasets.ts";
import { insertOpportunity, makePeople, type People } from "../reports/test-fixtures.ts";
import { exportReport, type ExportFormat } from "./export-report.ts";
import type { ReportDefinitionInput } from "../reports/definition.ts";

let t: TestHost<[typeof reporting]>;
let p: People;

beforeAll(async () => {
  t = await createTestHost({ plugins: [reporting] });
  p = await makePeople(t, "ex");
  for (let i = 0; i < 23; i++) {
    await insertOpportunity(t, p.org.id, { name: `Deal, "${i}"`, ownerId: i % 2 ? p.repA.userId : p.repB.userId, amount: `${i}.5${i % 10}`, stage: i % 3 ? "proposal" : "negotiation", closeDate: "2026-05-01" });
  }
});
afterAll(() => t.destroy());

async function run(ctxUser: People["ops"], def: ReportDefinitionInput, format: ExportFormat, batchSize = 5) {
  const org = (await t.taskContext(p.org, "reporting")).organization;
  const ctx = { tenant: { db: t.db.db, organizationId: p.org.id, actorUserId: ctxUser.userId, role: ctxUser.role }, organization: org };
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  const result = await exportReport(ctx, CORE_DATASETS, def, format, out, { batchSize });
  return { ...result, data: Buffer.concat(chunks) };
}

describe("exports", () => {
  it("streams every row of a list as CSV in small batches, with the builder's headers", async () => {
    const { rows, data } = await run(p.ops, { entity: "opportunities", columns: ["name", "amount", "owner_name"] }, "csv");
    expect(rows).toBe(23);
    const records: string[][] = parse(data.toString("utf8").replace(/^\uFEFF/, ""));
    expect(records[0]).toEqual(["Name", "Amount", "Owner"]);
    expect(records).toHaveLength(24);
    const names = records.slice(1).map((r) => r[0]).sort();
    expect(names).toEqual(Array.from({ length: 23 }, (_, i) => `Deal, "${i}"`).sort());
    expect(records.find((r) => r[0] === 'Deal, "7"')![1]).toBe("7.57");
  });

  it("exports a grouped report through a cursor, as XLSX, only the rows a rep may see", async () => {
    const def: ReportDefinitionInput = { entity: "opportunities", groupBy: [{ field: "stage" }], measures: [{ fn: "count" }, { fn: "sum", field: "amount" }] };
    const { rows, data } = await run(p.repA, def, "xlsx", 1);
    expect(rows).toBe(2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("Report")!;
    const values = sheet.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    // repA owns the odd deals: 1,5,7,11,13,17,19 are proposals (i % 3 ≠ 0), 3,9,15,21 negotiations.
    const sum = (ids: number[]) => ids.reduce((s, i) => s + i + 0.5 + (i % 10) / 100, 0);
    expect(values[0]).toEqual(["Stage", "Count", "Sum of Amount"]);
    expect(values[1]).toEqual(["negotiation", 4, Number(sum([3, 9, 15, 21]).toFixed(2))]);
    expect(values[2]).toEqual(["proposal", 7, Number(sum([1, 5, 7, 11, 13, 17, 19]).toFixed(2))]);
  });

  it("exports a saved report from the CLI", async () => {
    await t.as(p.ops).reporting.reports.create({ name: "All deals", definition: { entity: "opportunities", columns: ["name"] } });
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s) };
    expect(await t.host.runCommand("reporting", "export", { organizationId: p.org.id, args: { _: ["all", "deals"], format: "csv" } as unknown as CliArgs, io })).toBe(0);
    expect(parse(out.join("").replace(/^\uFEFF/, ""))).toHaveLength(24);
    expect(await t.host.runCommand("reporting", "export", { organizationId: p.org.id, args: { _: ["All deals"], format: "xlsx" } as unknown as CliArgs, io })).toBe(2);
    expect(err.join("")).toMatch(/binary file and the CLI prints text only: pass --out <file>\.xlsx/);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "report-export-")), "all.xlsx");
    expect(await t.host.runCommand("reporting", "export", { organizationId: p.org.id, args: { _: ["All deals"], format: "xlsx", out: file } as unknown as CliArgs, io })).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.getWorksheet("Report")!.rowCount).toBe(24);
    expect(err.join("")).toContain(`Exported 23 rows of "All deals" to ${file}`);
    await expect(t.host.runCommand("reporting", "export", { organizationId: p.org.id, args: { _: ["nope"], format: "csv" } as unknown as CliArgs, io })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
