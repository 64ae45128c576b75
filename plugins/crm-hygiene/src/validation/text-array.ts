import { sql, type SQL } from "drizzle-orm";

const quote = (v: string) => `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

/** A text[] parameter (a JavaScript array in `sql` becomes a list of parameters, not an array). */
export const textArray = (values: readonly string[]): SQL => sql`${`{${values.map(quote).join(",")}}`}::text[]`;
