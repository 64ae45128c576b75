import type { TestDatabase } from "@opsdeck/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importCsv } from "../import/import-csv.ts";
import { previewCsv } from "../import/preview-csv.ts";
import { createRecord, getRecord, updateRecord } from "../services/records.ts";
import { createCoreTestDatabase, createTestOrganization, type TestOrganization } from "../testing.ts";
import type { TenantContext } from "./context.ts";
import type { RecordCandidate, RecordValidator, RecordViolation } from "./validation.ts";

let test: TestDatabase;
let org: TestOrganization;
let ctx: TenantContext;
const seen: { operation: string; candidates: RecordCandidate[] }[] = [];

// A won deal needs an amount (blocks); a deal without a close date gets a warning.
const validator: RecordValidator = {
  prepare(_ctx, entity, operation) {
    if (entity !== "opportunities") return Promise.resolve(null);
    return Promise.resolve((records: readonly RecordCandidate[]) => {
      seen.push({ operation, candidates: [...records] });
      return records.map((r) => {
        const out: RecordViolation[] = [];
        if (r.values.isWon === true && (r.values.amount == null || r.values.amount === "")) {
          out.push({ severity: "block", field: "amount", message: "A won deal needs an amount." });
        }
        if (!r.values.closeDate) out.push({ severity: "warn", field: "closeDate", message: "Set a close date." });
        return out;
      });
    });
  },
};

beforeAll(async () => {
  test = await createCoreTestDatabase();
  org = await createTestOrganization(test);
  ctx = { ...org.ctx, recordValidator: validator };
});

afterAll(async () => {
  await test.destroy();
});

describe("record validators on create and update", () => {
  it("refuses a blocked create with BAD_REQUEST naming the field, and passes warnings to the caller", async () => {
    await expect(createRecord(ctx, "opportunities", { name: "Big", stage: "closed_won" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      issues: [{ path: ["amount"], message: "A won deal needs an amount." }],
    });
    const warnings: RecordViolation[] = [];
    const row = await createRecord(ctx, "opportunities", { name: "Small", stage: "prospecting" }, { warnings });
    expect(warnings).toEqual([{ severity: "warn", field: "closeDate", message: "Set a close date." }]);
    expect((await getRecord(ctx, "opportunities", row.id)).name).toBe("Small");
  });

  it("checks an edit as the record after the change and leaves a blocked record unchanged", async () => {
    const row = await createRecord(ctx, "opportunities", { name: "Deal", stage: "prospecting", closeDate: "2030-01-31" });
    await expect(updateRecord(ctx, "opportunities", row.id, { stage: "closed_won" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await getRecord(ctx, "opportunities", row.id)).stage).toBe("prospecting");
    const updated = await updateRecord(ctx, "opportunities", row.id, { stage: "closed_won", amount: "10.00" });
    expect(updated.isWon).toBe(true);
    expect(seen.at(-1)!.candidates[0]!.before).toMatchObject({ id: row.id, stage: "prospecting" });
  });

  it("does not touch entities the validator has no rules for", async () => {
    await expect(createRecord(ctx, "accounts", { name: "Acme" })).resolves.toMatchObject({ name: "Acme" });
  });
});

describe("record validators on import", () => {
  const file = [
    "external_id,name,stage,amount,close_date",
    "OPP-1,Won no amount,closed_won,,2030-02-01",
    "OPP-2,Fine,prospecting,100,2030-02-01",
    "OPP-3,No date,prospecting,5,",
  ].join("\n");

  it("refuses a blocked row with its row, column and reason; all-or-nothing writes nothing", async () => {
    const result = await importCsv(ctx, { entity: "opportunities", input: file });
    expect(result.committed).toBe(false);
    expect(result.errors).toEqual([{ row: 1, column: "amount", value: null, message: "A won deal needs an amount." }]);
    expect(result.warnings).toEqual([{ row: 3, column: "close_date", value: null, message: "Set a close date." }]);
  });

  it("skips only the blocked row in skip-invalid mode, imports the warned one, and previews the same", async () => {
    const preview = await previewCsv(ctx, { entity: "opportunities", input: file });
    expect(preview).toMatchObject({ invalid: 1, wouldCreate: 2, errorCount: 1, warningCount: 1 });
    const result = await importCsv(ctx, { entity: "opportunities", input: file, mode: "skip-invalid" });
    expect(result).toMatchObject({ committed: true, created: 2, invalid: 1, warningCount: 1 });
  });

  it("checks an existing record with the file's cells over its stored values", async () => {
    // OPP-2 is stored with an amount; a file that only moves it to won keeps that amount: no error.
    const result = await importCsv(ctx, { entity: "opportunities", input: "external_id,name,stage\nOPP-2,Fine,closed_won\n" });
    expect(result).toMatchObject({ committed: true, updated: 1, errors: [] });
    const last = seen.at(-1)!;
    expect(last.operation).toBe("import");
    expect(last.candidates[0]!.values).toMatchObject({ externalId: "OPP-2", amount: "100.00", isWon: true });
    expect(last.candidates[0]!.before).toMatchObject({ externalId: "OPP-2", stage: "prospecting" });
  });

  it("finds stored records by external ids with commas, quotes and backslashes", async () => {
    const odd = String.raw`X "1", \a`;
    const cell = `"${odd.replaceAll('"', '""')}"`;
    await importCsv(ctx, { entity: "opportunities", input: `external_id,name,stage,amount\n${cell},Odd,prospecting,7\n` });
    const result = await importCsv(ctx, { entity: "opportunities", input: `external_id,name,stage\n${cell},Odd,closed_won\n` });
    expect(result).toMatchObject({ committed: true, updated: 1, errors: [] });
    expect(seen.at(-1)!.candidates[0]!.before).toMatchObject({ externalId: odd, amount: "7.00" });
  });
});
