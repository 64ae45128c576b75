import type { TestDatabase } from "@opsdeck/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCoreTestDatabase, createTestOrganization, type TestOrganization } from "../testing.ts";
import { importCsv, type ImportCsvOptions } from "./import-csv.ts";
import { snapshotDatabase } from "./test-snapshot.ts";

let test: TestDatabase;
let org: TestOrganization;

beforeAll(async () => {
  test = await createCoreTestDatabase();
  org = await createTestOrganization(test);
  await importCsv(org.ctx, { entity: "accounts", input: "external_id,name\nA-1,Acme\n" });
});

afterAll(async () => {
  await test.destroy();
});

const zipHeader = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
const latin1 = Buffer.from("external_id,name\nA-2,Caf\xe9 M\xfcller\n", "latin1");

const cases: [string, Partial<ImportCsvOptions>, RegExp][] = [
  ["an empty file", { input: "" }, /The file is empty/],
  ["a file of blank lines", { input: "\n\n  \n" }, /The file is empty/],
  ["a file with only a BOM", { input: Buffer.from([0xef, 0xbb, 0xbf]) }, /The file is empty/],
  ["a binary file", { input: Buffer.from([0x00, 0x01, 0x02, 0x41, 0x0a, 0x00]) }, /binary/],
  ["an Excel workbook", { input: Buffer.concat([zipHeader, Buffer.alloc(200, 1)]) }, /Excel workbook, not CSV/],
  ["a file that is not UTF-8", { input: latin1 }, /not UTF-8/],
  ["JSON", { input: '[{"external_id": "A-9", "name": "Acme"}]\n' }, /looks like JSON, not CSV/],
  ["HTML", { input: "<!doctype html><html><body>Sign in</body></html>\n" }, /looks like HTML or XML/],
  ["plain text", { input: "Dear team,\nplease find attached the accounts.\n" }, /No column of the file is recognizable/],
  ["a CSV without a header row", { input: "A-2,Globex\nA-3,Initech\n" }, /No column of the file is recognizable/],
  ["a CSV with a broken quote", { input: 'external_id,name\nA-2,"Globex\nA-3,Ini"tech\n' }, /not valid CSV/],
  ["a missing required column", { input: "external_id,domain\nA-2,globex.com\n" }, /required field\(s\): name/],
  ["an unknown entity", { entity: "widgets", input: "external_id,name\nA-2,Globex\n" }, /Unknown entity "widgets"/],
  ["an unknown mode", { mode: "sometimes" as never, input: "external_id,name\nA-2,Globex\n" }, /Unknown import mode/],
  ["a malformed mapping", { mapping: { columns: { name: 42 } } as never, input: "external_id,name\nA-2,Globex\n" }, /mapping is not valid/],
  ["a mapping to an unknown field", { mapping: { columns: { name: "title" } }, input: "external_id,name\nA-2,G\n" }, /not a field of accounts/],
];

describe("a file importCsv cannot use", () => {
  it.each(cases)("%s: BAD_REQUEST with a clear message, database unchanged", async (_name, options, message) => {
    const before = await snapshotDatabase(test.db);
    const run = importCsv(org.ctx, { entity: "accounts", ...options } as ImportCsvOptions);
    await expect(run).rejects.toMatchObject({ name: "OpsdeckError", code: "BAD_REQUEST" });
    await expect(importCsv(org.ctx, { entity: "accounts", ...options } as ImportCsvOptions)).rejects.toThrow(message);
    expect(await snapshotDatabase(test.db)).toEqual(before);
  });

  it("a broken quote far into the file rolls back the rows before it, in skip-invalid mode too", async () => {
    const before = await snapshotDatabase(test.db);
    // Larger than one read chunk, so batches are written before the parser reaches the bad quote.
    const good = Array.from({ length: 6000 }, (_, i) => `Q-${i},Company number ${i}`);
    const input = `external_id,name\n${good.join("\n")}\nQ-99,"Bad "quote\n`;
    let batches = 0;
    const run = importCsv(org.ctx, { entity: "accounts", input, batchSize: 500, mode: "skip-invalid", onProgress: () => void batches++ });
    await expect(run).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(run).rejects.toThrow(/not valid CSV.*line 6002/);
    expect(batches).toBeGreaterThan(1);
    expect(await snapshotDatabase(test.db)).toEqual(before);
  });

  it("a row with more cells than the header is a row error, not a file error", async () => {
    const result = await importCsv(org.ctx, {
      entity: "accounts",
      mode: "skip-invalid",
      input: "external_id,name\nR-1,Ok,\nR-2,Too,many\n",
    });
    expect(result.errors).toEqual([{ row: 2, column: null, value: null, message: "has 3 cells but the header has 2 columns" }]);
    expect(result.created).toBe(1);
  });
});
