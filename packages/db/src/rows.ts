import type { SQL } from "drizzle-orm";
import type { Database } from "./types.ts";

/**
 * Runs raw SQL and returns its rows on either backend: PGlite answers `{ rows }`, postgres.js an array.
 * `bigint` counts come back as numbers from PGlite and strings from postgres.js; `toCount` evens that out.
 */
export async function queryRows<T extends Record<string, unknown>>(db: Database, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []);
}

/** Normalizes a `count(*)`-style value (number, string or bigint) to a number. */
export function toCount(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "string") return Number.parseInt(value, 10);
  return 0;
}
