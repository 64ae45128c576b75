import http from "node:http";
import type { AddressInfo } from "node:net";
import { createTestHost, type TestHost, type TestUser } from "@opsdeck/plugin-sdk/testing";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import reporting from "../server.ts";
import { insertOpportunity, makePeople, type People } from "../reports/test-fixtures.ts";

// The browser's export: GET /api/download/reporting/report over real HTTP, signed in by a test header.
let t: TestHost<[typeof reporting]>;
let p: People;
let other: People;
let newHire: TestUser;
let baseUrl: string;
let server: http.Server;
const users = new Map<string, TestUser>();

beforeAll(async () => {
  t = await createTestHost({ plugins: [reporting] });
  p = await makePeople(t, "dl");
  other = await makePeople(t, "dl-other");
  newHire = await t.createUser(p.org, "new_hire");
  for (const u of [p.ops, p.manager, p.repA, p.repB, p.other, newHire, other.ops]) users.set(u.userId, u);
  await insertOpportunity(t, p.org.id, { name: "Alpha, \"big\"", ownerId: p.repA.userId, amount: "1000.50", stage: "proposal", closeDate: "2026-05-01" });
  await insertOpportunity(t, p.org.id, { name: "Beta", ownerId: p.repA.userId, amount: "200.25", stage: "negotiation", closeDate: "2026-05-02" });
  await insertOpportunity(t, p.org.id, { name: "Gamma", ownerId: p.repB.userId, amount: "30.00", stage: "proposal", closeDate: "2026-05-03" });
  await insertOpportunity(t, p.org.id, { name: "Delta", ownerId: p.other.userId, amount: "4.00", stage: "proposal", closeDate: "2026-05-04" });
  const handler = t.host.nodeHandler(({ headers }) => {
    const user = users.get(headers.get("x-test-user") ?? "");
    return user ? { ...user } : null;
  });
  server = http.createServer((req, res) => void handler(req, res).then((handled) => handled || res.writeHead(404).end()));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.destroy();
});

const get = (query: string, user?: TestUser) =>
  fetch(`${baseUrl}/api/download/reporting/report?${query}`, { headers: user ? { "x-test-user": user.userId } : {} });
const csvOf = async (res: Response): Promise<string[][]> => parse((await res.text()).replace(/^\uFEFF/, ""));
const q = (params: Record<string, unknown>) =>
  new URLSearchParams(Object.entries(params).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)])).toString();

describe("report downloads (GET /api/download/reporting/report)", () => {
  it("streams a saved report as CSV with its name, only the rows each member may see", async () => {
    const report = await t.as(p.manager).reporting.reports.create({
      name: "Deals by owner",
      definition: { entity: "opportunities", columns: ["name", "amount", "stage"], sort: { by: "name", direction: "asc" } },
      sharedRoles: ["rep", "ops"],
    });
    const asOps = await get(q({ id: report.id, format: "csv" }), p.ops);
    expect(asOps.status).toBe(200);
    expect(asOps.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(asOps.headers.get("content-disposition")).toMatch(/^attachment; filename="deals-by-owner-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(await csvOf(asOps)).toEqual([
      ["Name", "Amount", "Stage"],
      ["Alpha, \"big\"", "1000.50", "proposal"],
      ["Beta", "200.25", "negotiation"],
      ["Delta", "4.00", "proposal"],
      ["Gamma", "30.00", "proposal"],
    ]);
    // The same saved report: a rep gets their own rows, the manager their team's.
    expect((await csvOf(await get(q({ id: report.id }), p.repA))).slice(1).map((r) => r[0])).toEqual(["Alpha, \"big\"", "Beta"]);
    expect((await csvOf(await get(q({ id: report.id }), p.manager))).slice(1).map((r) => r[0])).toEqual(["Alpha, \"big\"", "Beta", "Gamma"]);
    // Another organization's member: not found, not their data.
    expect((await get(q({ id: report.id }), other.ops)).status).toBe(404);
  });

  it("streams the builder's unsaved definition as XLSX that opens with the grouped sums", async () => {
    const definition = { entity: "opportunities", groupBy: [{ field: "stage" }], measures: [{ fn: "count" }, { fn: "sum", field: "amount" }] };
    const res = await get(q({ definition, name: "Pipeline by stage", format: "xlsx" }), p.repA);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.headers.get("content-disposition")).toMatch(/filename="pipeline-by-stage-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const values = wb.getWorksheet("Report")!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    // repA's deals only: Alpha (proposal 1000.50) and Beta (negotiation 200.25).
    expect(values).toEqual([["Stage", "Count", "Sum of Amount"], ["negotiation", 1, 200.25], ["proposal", 1, 1000.5]]);
  });

  it("answers JSON errors before the first byte: bad query, bad definition, signed out, no permission, not shared", async () => {
    const bad = await get(q({ definition: { entity: "opportunities" }, format: "pdf" }), p.ops);
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { code: string; issues: { path: unknown[] }[] } };
    expect(body.error.code).toBe("BAD_REQUEST");
    expect(body.error.issues.map((i) => i.path)).toEqual([["format"]]);
    const notJson = (await (await get("definition=%7Bnope&format=csv", p.ops)).json()) as { error: { issues: { path: unknown[] }[] } };
    expect(notJson.error.issues.map((i) => i.path)).toEqual([["definition"]]);
    const neither = await get("format=csv", p.ops);
    expect(neither.status).toBe(400);
    // A field the dataset does not have is refused before anything is streamed.
    const unknown = await get(q({ definition: { entity: "opportunities", columns: ["password"] } }), p.ops);
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { issues: { path: unknown[] }[] } }).error.issues.map((i) => i.path)).toEqual([["columns", 0]]);
    expect((await get(q({ definition: { entity: "opportunities" } }))).status).toBe(401);
    expect((await get(q({ definition: { entity: "opportunities" } }), newHire)).status).toBe(403);
    const privateReport = await t.as(p.manager).reporting.reports.create({ name: "Mine only", definition: { entity: "opportunities" } });
    expect((await get(q({ id: privateReport.id }), p.repB)).status).toBe(404);
    expect((await get(q({ id: crypto.randomUUID() }), p.ops)).status).toBe(404);
  });
});
