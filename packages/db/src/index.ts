export { openDatabase, DEFAULT_DATA_DIR, type OpenDatabaseOptions } from "./connect.ts";
export { lockDataDir, isDataDirLocked } from "./lock.ts";
export { migrateSchema, type MigrateResult, type MigrateSchemaOptions } from "./migrator.ts";
export { queryRows, toCount } from "./rows.ts";
export { DatabaseLockedError, type Backend, type Database, type OpenedDatabase } from "./types.ts";
