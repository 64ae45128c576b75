// Array parameters for set-based writes (`unnest`): one statement moves tens of thousands of rows on both backends.
import { sql, type SQL } from "drizzle-orm";

const quote = (v: string) => `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

export const textArray = (values: readonly (string | null)[]): SQL =>
  sql`${`{${values.map((v) => (v === null ? "NULL" : quote(v))).join(",")}}`}::text[]`;

export const uuidArray = (values: readonly string[]): SQL => sql`${`{${values.join(",")}}`}::uuid[]`;

export const floatArray = (values: readonly number[]): SQL => sql`${`{${values.join(",")}}`}::float8[]`;

/** Splits `items` into chunks of `size`. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
