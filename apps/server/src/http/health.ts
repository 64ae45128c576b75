import { sql } from "drizzle-orm";
import { queryRows, type OpenedDatabase } from "@opsdeck/db";
import { OPSDECK_VERSION } from "../version.ts";

const startedAt = Date.now();

/** `GET /api/health`: is the server up, which database it runs on, and which versions. */
export async function health(opened: OpenedDatabase) {
  try {
    const [row] = await queryRows<{ version: string }>(opened.db, sql`select version() as version`);
    return {
      status: "ok" as const,
      version: OPSDECK_VERSION,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      db: { backend: opened.backend, version: row?.version ?? "unknown", status: "ok" as const },
    };
  } catch (err) {
    return {
      status: "degraded" as const,
      version: OPSDECK_VERSION,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      db: { backend: opened.backend, status: "error" as const, message: (err as Error).message },
    };
  }
}
