// Test helper (not exported from the package): a full picture of what an import could touch.
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "@opsdeck/db";

const tables = [
  "users",
  "memberships",
  "teams",
  "accounts",
  "contacts",
  "leads",
  "opportunities",
  "activities",
  "events",
  "audit_log",
  "import_mappings",
];

/** Every row of the tables an import writes, as JSON text, to compare before and after (counts and content). */
export async function snapshotDatabase(db: Database): Promise<Record<string, string[]>> {
  const snapshot: Record<string, string[]> = {};
  for (const table of tables) {
    const rows = await queryRows<{ j: string }>(
      db,
      sql.raw(`select to_jsonb(t)::text as j from core.${table} t order by 1`),
    );
    snapshot[table] = rows.map((r) => r.j);
  }
  return snapshot;
}
