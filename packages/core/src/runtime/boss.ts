import type { OpenedDatabase } from "@opsdeck/db";
import { PgBoss, fromPglite, type ConstructorOptions } from "pg-boss";
import type { Logger } from "pino";

/** pg-boss settings a deployment or a test may tune; the connection itself always comes from Opsdeck. */
export type BossTuning = Omit<ConstructorOptions, "db" | "connectionString" | "backend" | "schema">;

/** pg-boss keeps its tables in a schema of its own, next to `core` and the plugins' schemas. */
export const BOSS_SCHEMA = "pgboss";

/**
 * Builds pg-boss on Opsdeck's database: the shipped PGlite adapter on the embedded database (hand-written
 * adapters fail on multi-statement SQL, TOOLCHAIN.md), and a small pool of its own on PostgreSQL, because
 * pg-boss pins a LISTEN connection and runs its own transactions.
 */
export function createBoss(opened: OpenedDatabase, tuning: BossTuning, logger: Logger): PgBoss {
  const shared: ConstructorOptions = {
    schema: BOSS_SCHEMA,
    // Wake workers the moment a job is sent; polling stays on as the floor.
    useListenNotify: true,
    // Cron schedules are not used yet; their monitor would only add queries.
    schedule: false,
    instanceName: "opsdeck",
    ...tuning,
  };
  const boss =
    opened.raw.backend === "pglite"
      ? new PgBoss({ ...shared, db: fromPglite(opened.raw.client), backend: "pglite" })
      : new PgBoss({ max: 4, application_name: "opsdeck-jobs", ...shared, connectionString: opened.raw.url });
  // An `error` event without a listener would crash the process.
  boss.on("error", (err) => logger.error({ err }, "pg-boss reported an error"));
  boss.on("warning", (warning) => logger.warn({ warning }, "pg-boss warning"));
  return boss;
}
