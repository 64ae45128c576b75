import { eq, sql } from "drizzle-orm";
import { queryRows } from "@opsdeck/db";
import type { TestDatabase } from "@opsdeck/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { organizations } from "../schema/tables.ts";
import { createCoreTestDatabase } from "../testing.ts";
import { seedDemo, type SeedDemoResult } from "./seed-demo.ts";
import { seedChecksums } from "./seed-test-queries.ts";

const DAY_SECONDS = 86_400;
let one: TestDatabase;
let two: TestDatabase;
let first: SeedDemoResult;
let second: SeedDemoResult;

beforeAll(async () => {
  [one, two] = await Promise.all([createCoreTestDatabase(), createCoreTestDatabase()]);
  first = await seedDemo(one, { scale: "tiny", slug: "acme", asOf: "2025-06-30" });
  second = await seedDemo(two, { scale: "tiny", slug: "acme", asOf: "2025-06-30" });
});

afterAll(async () => {
  await Promise.all([one?.destroy(), two?.destroy()]);
});

/** id → epoch seconds of a timestamp (or date) column, for one organization. */
async function times(db: TestDatabase, table: string, column: string, organizationId: string) {
  const rows = await queryRows<{ id: string; t: number | string | null }>(
    db.db,
    sql`select id::text, extract(epoch from ${sql.raw(column)})::bigint as t from core.${sql.raw(table)}
      where organization_id = ${organizationId} order by id`,
  );
  return new Map(rows.map((r) => [r.id, r.t === null ? null : Number(r.t)]));
}

describe("seedDemo is deterministic", () => {
  it("gives the same rows, byte for byte, for the same scale, slug and as-of in two fresh databases", async () => {
    expect(second.counts).toEqual(first.counts);
    const a = await seedChecksums(one.db, first.organizationId);
    const b = await seedChecksums(two.db, second.organizationId);
    expect(b).toEqual(a);
    // The checksums cover real content, not empty tables.
    expect(new Set(Object.values(a)).size).toBe(Object.keys(a).length);
  });

  it("shifts every date by exactly the change of as-of, and keeps the same records", async () => {
    // Same slug again in the second database: remove the first seed (its users stay, as after any delete).
    await two.db.delete(organizations).where(eq(organizations.id, second.organizationId));
    const shifted = await seedDemo(two, { scale: "tiny", slug: "acme", asOf: "2025-07-10" });
    expect(shifted.counts).toEqual(first.counts);
    const checks: [string, string][] = [
      ["contacts", "created_at"],
      ["contacts", "last_activity_at"],
      ["accounts", "created_at"],
      ["leads", "first_response_at"],
      ["opportunities", "close_date"],
      ["opportunities", "closed_at"],
      ["activities", "occurred_at"],
    ];
    for (const [table, column] of checks) {
      const before = await times(one, table, column, first.organizationId);
      const after = await times(two, table, column, shifted.organizationId);
      expect([...after.keys()]).toEqual([...before.keys()]);
      const deltas = new Set([...before].map(([id, t]) => (t === null ? null : after.get(id)! - t)));
      deltas.delete(null);
      expect([...deltas], `${table}.${column}`).toEqual([10 * DAY_SECONDS]);
    }
  });
});
