import { migrateCore } from "@opsdeck/core";
import { openDatabase, type MigrateResult, type OpenedDatabase } from "@opsdeck/db";
import type { Env } from "./env.ts";

/** Opens the database the environment names: PostgreSQL with DATABASE_URL, else the embedded folder. */
export function openFromEnv(env: Env): Promise<OpenedDatabase> {
  return openDatabase({ url: env.DATABASE_URL, dataDir: env.OPSDECK_DATA_DIR });
}

/** Runs core's migrations; the plugin host migrates each plugin's own schema after this. */
export async function migrateAll(opened: OpenedDatabase): Promise<MigrateResult[]> {
  return [await migrateCore(opened.db)];
}
