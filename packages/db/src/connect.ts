import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { lockDataDir } from "./lock.ts";
import type { Database, OpenedDatabase } from "./types.ts";

export interface OpenDatabaseOptions {
  /** A PostgreSQL URL. When absent, the embedded PGlite database is used. */
  url?: string | undefined;
  /** The PGlite folder (default `./.opsdeck/data`); `"memory://"` keeps it in memory (tests). */
  dataDir?: string | undefined;
  /** Pool size on PostgreSQL. */
  maxConnections?: number;
}

export const DEFAULT_DATA_DIR = "./.opsdeck/data";

/** Opens Opsdeck's database: PostgreSQL through postgres.js when a URL is given, else embedded PGlite. */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<OpenedDatabase> {
  if (options.url) return openPostgres(options.url, options.maxConnections ?? 10);
  return openPglite(options.dataDir ?? DEFAULT_DATA_DIR);
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "postgres";
  }
}

function quoteIdent(name: string): string {
  return name
    .split(".")
    .map((part) => `"${part.replaceAll('"', '""')}"`)
    .join(".");
}

function copyStatement(table: string, columns: readonly string[], source: string): string {
  return `COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(", ")}) FROM ${source} WITH (FORMAT csv)`;
}

function openPostgres(url: string, max: number): Promise<OpenedDatabase> {
  const client = postgres(url, { max, onnotice: () => {}, connection: { application_name: "opsdeck" } });
  const db = drizzlePostgres({ client }) as unknown as Database;
  return Promise.resolve({
    backend: "postgres",
    location: redact(url),
    db,
    raw: { backend: "postgres", client, url },
    async copyCsv(table, columns, csv) {
      const stream = await client.unsafe(copyStatement(table, columns, "STDIN")).writable();
      await new Promise<void>((resolve, reject) => {
        stream.on("error", reject);
        stream.on("finish", resolve);
        stream.end(csv);
      });
    },
    async close() {
      await client.end({ timeout: 5 });
    },
  });
}

async function openPglite(dataDir: string): Promise<OpenedDatabase> {
  const memory = dataDir.startsWith("memory://");
  const folder = memory ? dataDir : path.resolve(dataDir);
  const unlock = memory ? async () => {} : await lockDataDir(folder);
  let client: PGlite;
  try {
    client = await PGlite.create(memory ? undefined : folder);
  } catch (err) {
    await unlock();
    throw err;
  }
  const db = drizzlePglite({ client }) as unknown as Database;
  return {
    backend: "pglite",
    location: memory ? "memory" : folder,
    db,
    raw: { backend: "pglite", client },
    async copyCsv(table, columns, csv) {
      await client.query(copyStatement(table, columns, "'/dev/blob'"), [], { blob: new Blob([csv]) });
    },
    async close() {
      try {
        await client.close();
      } finally {
        await unlock();
      }
    },
  };
}
