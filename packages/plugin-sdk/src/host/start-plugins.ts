import { migrateSchema, type Database } from "@opsdeck/db";
import { childLogger, type Logger } from "../logger.ts";
import { checkPluginMigrations } from "./migration-check.ts";
import { fail, indexById, messageOf, type PluginRecord } from "./plugin-record.ts";

export interface StartPluginsOptions {
  db: Database;
  logger: Logger;
  opsdeckVersion: string;
  /** Run migrations (default true); `false` when another process owns them. */
  migrate?: boolean | undefined;
  /** Run boot hooks (default true); `opsdeck migrate` only migrates. */
  boot?: boolean | undefined;
  /** How long a boot hook may take before the plugin is marked unhealthy. */
  bootTimeoutMs?: number | undefined;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Migrates each healthy plugin's schema (its SQL checked first: own schema only, `core` only in
 * REFERENCES) and runs its boot hook, in `requires` order. A failure marks that plugin and every plugin
 * requiring it unhealthy; the others go on.
 */
export async function startPlugins(records: PluginRecord[], options: StartPluginsOptions): Promise<void> {
  const byId = indexById(records);
  for (const record of records) {
    const def = record.definition;
    if (!def || record.health !== "healthy") continue;
    const broken = Object.keys(def.requires ?? {}).find((dep) => byId.get(dep)?.health !== "healthy");
    if (broken) {
      fail(record, `requires "${broken}", which is unhealthy`);
      continue;
    }
    const log = childLogger(options.logger, { plugin: def.id });
    if (def.db && options.migrate !== false) {
      try {
        const problems = checkPluginMigrations(def.db.schema, def.db.migrationsFolder);
        if (problems.length) {
          fail(record, `migrations refused: ${problems.join("; ")}`);
          continue;
        }
        record.migration = await migrateSchema(options.db, { schema: def.db.schema, migrationsFolder: def.db.migrationsFolder });
        if (record.migration.applied.length) log.info({ applied: record.migration.applied }, "plugin migrated");
      } catch (err) {
        fail(record, `migration failed: ${messageOf(err)}`);
        log.error({ err }, "plugin migration failed");
        continue;
      }
    }
    if (def.boot && options.boot !== false) {
      try {
        const boot = Promise.resolve(def.boot({ db: options.db, logger: log, pluginId: def.id, opsdeckVersion: options.opsdeckVersion }));
        await withTimeout(boot, options.bootTimeoutMs ?? 30_000, "boot");
      } catch (err) {
        fail(record, `boot failed: ${messageOf(err)}`);
        log.error({ err }, "plugin boot failed");
      }
    }
  }
}
