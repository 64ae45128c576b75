import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase } from "./connect.ts";
import { queryRows, toCount } from "./rows.ts";
import { createTestDatabase, testBackend } from "./testing.ts";
import { DatabaseLockedError } from "./types.ts";

describe("openDatabase", () => {
  it("answers queries and normalizes counts on the configured backend", async () => {
    const test = await createTestDatabase();
    try {
      expect(test.backend).toBe(testBackend());
      await test.db.execute(sql`create table t (id int)`);
      await test.copyCsv("t", ["id"], "1\n2\n3\n");
      const [row] = await queryRows(test.db, sql`select count(*) as n from t`);
      expect(toCount(row?.n)).toBe(3);
    } finally {
      await test.destroy();
    }
  });
});

describe.runIf(testBackend() === "pglite")("the embedded database folder lock", () => {
  it("refuses a second process with a clear error and keeps the data", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "opsdeck-lock-"));
    const first = await openDatabase({ dataDir });
    await first.db.execute(sql`create table kept (v int)`);
    await first.db.execute(sql`insert into kept values (42)`);

    const child = spawn(process.execPath, [path.join(import.meta.dirname, "../test/fixtures/hold-lock.ts"), dataDir], {
      stdio: ["pipe", "pipe", "pipe"],
    });
    const stderr: string[] = [];
    child.stderr.on("data", (d: Buffer) => stderr.push(d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).not.toBe(0);
    expect(stderr.join("")).toMatch(/in use by another Opsdeck process/);

    await first.close();
    const again = await openDatabase({ dataDir });
    const [row] = await queryRows(again.db, sql`select v from kept`);
    expect(row?.v).toBe(42);
    await again.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("refuses a second opener in the same process too", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "opsdeck-lock-"));
    const first = await openDatabase({ dataDir });
    await expect(openDatabase({ dataDir })).rejects.toBeInstanceOf(DatabaseLockedError);
    await first.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
