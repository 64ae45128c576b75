import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openDatabase } from "./connect.ts";
import type { Backend, OpenedDatabase } from "./types.ts";

export interface TestDatabase extends OpenedDatabase {
  /** The URL of the test database (Postgres only), for a second process or connection. */
  readonly url: string | undefined;
  /** Closes the connection and drops the database. */
  destroy(): Promise<void>;
}

/** The backend tests run on: `OPSDECK_TEST_DB=pglite|postgres` (default pglite). */
export function testBackend(): Backend {
  return process.env.OPSDECK_TEST_DB === "postgres" ? "postgres" : "pglite";
}

/** The admin URL of the machine's PostgreSQL server, where test databases are created. */
export function testAdminUrl(): string {
  return process.env.OPSDECK_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
}

/**
 * A fresh, isolated database for one test file: an in-memory PGlite, or a new database on the
 * machine's PostgreSQL server that `destroy()` drops.
 */
export async function createTestDatabase(backend: Backend = testBackend()): Promise<TestDatabase> {
  if (backend === "pglite") {
    const opened = await openDatabase({ dataDir: "memory://" });
    return { ...opened, url: undefined, destroy: () => opened.close() };
  }
  const name = `opsdeck_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const adminUrl = testAdminUrl();
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const opened = await openDatabase({ url: url.toString(), maxConnections: 5 });
  return {
    ...opened,
    url: url.toString(),
    async destroy() {
      await opened.close();
      const dropper = postgres(adminUrl, { max: 1, onnotice: () => {} });
      try {
        await dropper.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
