import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateSchema } from "./migrator.ts";
import { openDatabase } from "./connect.ts";
import { queryRows, toCount } from "./rows.ts";
import { createTestDatabase, testBackend, type TestDatabase } from "./testing.ts";

const migrationsFolder = path.join(import.meta.dirname, "../test/fixtures/migrations");

describe("migrateSchema", () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
  });
  afterAll(async () => {
    await test.destroy();
  });

  it("applies pending migrations once and records them in the schema's own table", async () => {
    const first = await migrateSchema(test.db, { schema: "fixture", migrationsFolder });
    expect(first.applied).toHaveLength(2);
    const second = await migrateSchema(test.db, { schema: "fixture", migrationsFolder });
    expect(second.applied).toEqual([]);
    const [runs] = await queryRows(test.db, sql`select count(*) as n from fixture.runs`);
    expect(toCount(runs?.n)).toBe(2);
    const recorded = await queryRows(test.db, sql`select tag from opsdeck_migrations."fixture" order by id`);
    expect(recorded.map((r) => r.tag)).toEqual(["1764400000000", "1764400001000"]);
  });

  it("refuses a schema name that is not a plain identifier", async () => {
    await expect(migrateSchema(test.db, { schema: 'x"; drop', migrationsFolder })).rejects.toThrow(
      /Invalid schema name/,
    );
  });
});

describe.runIf(testBackend() === "postgres")("two processes migrating together", () => {
  it("runs each migration exactly once", async () => {
    const test = await createTestDatabase("postgres");
    // Separate pools stand in for separate server processes: each has its own connections.
    const others = await Promise.all([1, 2, 3].map(() => openDatabase({ url: test.url, maxConnections: 2 })));
    try {
      const results = await Promise.all(others.map((o) => migrateSchema(o.db, { schema: "fixture", migrationsFolder })));
      expect(results.map((r) => r.applied.length).sort()).toEqual([0, 0, 2]);
      const [runs] = await queryRows(test.db, sql`select count(*) as n from fixture.runs`);
      expect(toCount(runs?.n)).toBe(2);
    } finally {
      await Promise.all(others.map((o) => o.close()));
      await test.destroy();
    }
  });
});
