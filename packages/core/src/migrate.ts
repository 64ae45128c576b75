import path from "node:path";
import { migrateSchema, type Database, type MigrateResult } from "@opsdeck/db";

/** The folder of core's generated migrations. */
export const coreMigrationsFolder = path.join(import.meta.dirname, "../drizzle");

/** Brings the `core` schema up to date (under the migrator's advisory lock). */
export function migrateCore(db: Database): Promise<MigrateResult> {
  return migrateSchema(db, { schema: "core", migrationsFolder: coreMigrationsFolder });
}
