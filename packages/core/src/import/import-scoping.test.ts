import { sql } from "drizzle-orm";
import { queryRows } from "@opsdeck/db";
import type { TestDatabase } from "@opsdeck/db/testing";
import { testBackend } from "@opsdeck/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemContext } from "../domain/context.ts";
import { createJob, getJob, requestJobCancel } from "../services/jobs.ts";
import { createCoreTestDatabase, createTestOrganization, type TestOrganization } from "../testing.ts";
import { importCsv } from "./import-csv.ts";
import { snapshotDatabase } from "./test-snapshot.ts";

let test: TestDatabase;
let a: TestOrganization;
let b: TestOrganization;

const csv = (...lines: string[]) => `${lines.join("\n")}\n`;

beforeAll(async () => {
  test = await createCoreTestDatabase();
  a = await createTestOrganization(test);
  b = await createTestOrganization(test);
  await importCsv(b.ctx, {
    entity: "accounts",
    input: csv("external_id,name,owner_email", `SHARED-1,B's account,${b.owner.email}`, "B-ONLY,B only,"),
  });
});

afterAll(async () => {
  await test.destroy();
});

describe("an import in organization A", () => {
  it("never resolves B's accounts or B's people", async () => {
    const result = await importCsv(a.ctx, {
      entity: "contacts",
      mode: "skip-invalid",
      input: csv("external_id,account_external_id,owner_email", "C-1,B-ONLY,", `C-2,,${b.owner.email}`, "C-3,,Owner"),
    });
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [1, "account_external_id"],
      [2, "owner_email"],
    ]);
    // "Owner" is the full name of A's owner (and of B's): resolved inside A only, hence to A's owner.
    const [c3] = await queryRows<{ owner_id: string }>(
      test.db,
      sql`select owner_id from core.contacts where organization_id = ${a.org.id} and external_id = 'C-3'`,
    );
    expect(c3?.owner_id).toBe(a.owner.userId);
  });

  it("never touches B's row with the same external id", async () => {
    const bBefore = await queryRows(test.db, sql`select * from core.accounts where organization_id = ${b.org.id} order by external_id`);
    const result = await importCsv(a.ctx, { entity: "accounts", input: csv("external_id,name", "SHARED-1,A's own account") });
    expect(result).toMatchObject({ created: 1, updated: 0 });
    expect(await queryRows(test.db, sql`select * from core.accounts where organization_id = ${b.org.id} order by external_id`)).toEqual(bBefore);
    const again = await importCsv(a.ctx, { entity: "accounts", input: csv("external_id,name", "SHARED-1,A's account renamed") });
    expect(again).toMatchObject({ created: 0, updated: 1 });
    expect(await queryRows(test.db, sql`select * from core.accounts where organization_id = ${b.org.id} order by external_id`)).toEqual(bBefore);
  });
});

describe("cancelling an import", () => {
  const manyLeads = () => csv("external_id,first_name", ...Array.from({ length: 50 }, (_, i) => `CANCEL-${i},Lead ${i}`));

  it("through an AbortSignal mid-import leaves nothing", async () => {
    const before = await snapshotDatabase(test.db);
    const controller = new AbortController();
    let batches = 0;
    const run = importCsv(a.ctx, {
      entity: "leads",
      input: manyLeads(),
      batchSize: 10,
      signal: controller.signal,
      onProgress: () => {
        batches += 1;
        if (batches === 2) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ code: "CANCELLED" });
    expect(batches).toBe(2);
    expect(await snapshotDatabase(test.db)).toEqual(before);
  });

  it.runIf(testBackend() === "postgres")("through the job, by a user on another connection, leaves nothing", async () => {
    const job = await createJob(a.ctx, "import", { entity: "leads" });
    const before = await snapshotDatabase(test.db);
    let batches = 0;
    const run = importCsv(a.ctx, {
      entity: "leads",
      input: manyLeads(),
      batchSize: 10,
      jobId: job.id,
      onProgress: async () => {
        batches += 1;
        // The user watches the job (committed progress, outside the import's transaction) and cancels.
        if (batches === 2) {
          const seen = await getJob(systemContext(test.db, a.org.id), job.id);
          expect(seen.progressDone).toBe(10);
          await requestJobCancel(a.ctx, job.id);
        }
      },
    });
    await expect(run).rejects.toMatchObject({ code: "CANCELLED" });
    const after = await snapshotDatabase(test.db);
    expect(after).toEqual(before);
  });

  it("through a job cancelled before the import started leaves nothing", async () => {
    const job = await createJob(a.ctx, "import", { entity: "leads" });
    await requestJobCancel(a.ctx, job.id);
    const before = await snapshotDatabase(test.db);
    await expect(importCsv(a.ctx, { entity: "leads", input: manyLeads(), batchSize: 10, jobId: job.id })).rejects.toMatchObject({
      code: "CANCELLED",
    });
    expect(await snapshotDatabase(test.db)).toEqual(before);
  });
});
