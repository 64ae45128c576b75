import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { queryRows } from "./rows.ts";
import type { Database } from "./types.ts";

export interface MigrateSchemaOptions {
  /** The Postgres schema the migrations belong to (`core`, `plugin_territories`, …). */
  schema: string;
  /** A drizzle-kit migrations folder (with `meta/_journal.json`). */
  migrationsFolder: string;
}

export interface MigrateResult {
  schema: string;
  applied: string[];
  total: number;
}

const SCHEMA_NAME = /^[a-z][a-z0-9_]*$/;

/**
 * Runs one schema's pending migrations, each once, in one transaction holding an advisory lock on
 * that schema, so two processes starting together do not race. Applied migrations are recorded in
 * `opsdeck_migrations."<schema>"`, a table per schema.
 */
export async function migrateSchema(db: Database, options: MigrateSchemaOptions): Promise<MigrateResult> {
  if (!SCHEMA_NAME.test(options.schema)) throw new Error(`Invalid schema name: ${options.schema}`);
  const migrations = readMigrationFiles({ migrationsFolder: options.migrationsFolder });
  const table = sql.raw(`opsdeck_migrations."${options.schema}"`);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('opsdeck.migrate'), hashtext(${options.schema}))`);
    // Both statements are idempotent and now run under the lock, so concurrent starters serialize here.
    await tx.execute(sql`create schema if not exists opsdeck_migrations`);
    await tx.execute(
      sql`create table if not exists ${table} (
        id serial primary key,
        hash text not null unique,
        tag text not null,
        created_at bigint not null,
        applied_at timestamptz not null default now()
      )`,
    );
    const done = new Set(
      (await queryRows<{ hash: string }>(tx, sql`select hash from ${table}`)).map((row) => row.hash),
    );
    const applied: string[] = [];
    for (const migration of migrations) {
      if (done.has(migration.hash)) continue;
      for (const statement of migration.sql) {
        if (statement.trim()) await tx.execute(sql.raw(statement));
      }
      const tag = String(migration.folderMillis);
      await tx.execute(
        sql`insert into ${table} (hash, tag, created_at) values (${migration.hash}, ${tag}, ${migration.folderMillis})`,
      );
      applied.push(tag);
    }
    return { schema: options.schema, applied, total: migrations.length };
  });
}
