import type { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { Sql } from "postgres";

/** A Drizzle database or transaction, on either backend. Services take this. */
export type Database = PgDatabase<PgQueryResultHKT>;

export type Backend = "pglite" | "postgres";

export interface OpenedDatabase {
  readonly backend: Backend;
  /** Where the data lives: the PGlite folder, "memory", or the Postgres URL without its password. */
  readonly location: string;
  readonly db: Database;
  /** The driver underneath, for libraries that need it (pg-boss adapters, COPY). */
  readonly raw: { backend: "pglite"; client: PGlite } | { backend: "postgres"; client: Sql; url: string };
  /** Load CSV text into a table with COPY (the physical speed limit, used by seed and benches). */
  copyCsv(table: string, columns: readonly string[], csv: string): Promise<void>;
  close(): Promise<void>;
}

/** Thrown when the embedded database folder is already open in another process. */
export class DatabaseLockedError extends Error {
  readonly code = "DATABASE_LOCKED";
  readonly dataDir: string;
  constructor(dataDir: string, cause?: unknown) {
    super(
      `The embedded database at ${dataDir} is in use by another Opsdeck process. ` +
        "Stop that process, or run the command while the server is up so it goes through the server.",
      { cause },
    );
    this.name = "DatabaseLockedError";
    this.dataDir = dataDir;
  }
}
