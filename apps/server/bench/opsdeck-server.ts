// The real server for the API bench: PostgreSQL at DATABASE_URL (already migrated and populated by the bench).
import { openDatabase } from "@opsdeck/db";
import { startApp } from "../src/app.ts";
import { readEnv } from "../src/env.ts";
import { createLogger } from "../src/logger.ts";

const env = readEnv({ ...process.env, LOG_LEVEL: "error" });
const opened = await openDatabase({ url: env.DATABASE_URL, dataDir: env.OPSDECK_DATA_DIR, maxConnections: 10 });
const app = await startApp({ env, opened, log: createLogger(env), port: 0, host: "127.0.0.1" });
process.stdout.write(`READY ${app.url}\n`);
process.on("SIGTERM", () => {
  void app.close().then(() => opened.close()).then(() => process.exit(0));
});
