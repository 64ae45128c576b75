import { sql } from "drizzle-orm";
import { queryRows, type Database } from "@opsdeck/db";
import { COLUMNS, type SeededTable } from "./csv.ts";

/** An md5 over a seeded table's rows in id order, without organization_id (random per database). */
export async function tableChecksum(db: Database, organizationId: string, table: SeededTable): Promise<string> {
  const columns = COLUMNS[table].filter((c) => c !== "organization_id");
  const order = table === "seed_duplicates" ? "entity, duplicate_id" : "id";
  const [row] = await queryRows<{ sum: string }>(
    db,
    sql`select md5(string_agg(row(${sql.raw(columns.join(", "))})::text, '|' order by ${sql.raw(order)})) as sum
      from core.${sql.raw(table)} where organization_id = ${organizationId}`,
  );
  return row!.sum;
}

/** Checksums of every seeded table of an organization. */
export async function seedChecksums(db: Database, organizationId: string): Promise<Record<SeededTable, string>> {
  const out = {} as Record<SeededTable, string>;
  for (const table of Object.keys(COLUMNS) as SeededTable[]) out[table] = await tableChecksum(db, organizationId, table);
  return out;
}

/** Row count of a table for one organization. */
export async function countOf(db: Database, organizationId: string, table: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from core.${sql.raw(table)} where organization_id = ${organizationId}`,
  );
  return Number(row!.n);
}
