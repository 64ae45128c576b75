import type { TestDatabase } from "@opsdeck/db/testing";
import { createCoreTestDatabase } from "@opsdeck/core/testing";
import { startApp, type OpsdeckApp } from "../src/app.ts";
import type { SessionPolicy } from "../src/auth/sessions.ts";
import { readEnv } from "../src/env.ts";
import { createLogger } from "../src/logger.ts";

/** A running server on a fresh test database, and a cookie-keeping fetch for each simulated browser. */
export async function startTestApp(options: { sessionPolicy?: SessionPolicy } = {}) {
  const test: TestDatabase = await createCoreTestDatabase();
  const env = readEnv({ LOG_LEVEL: "silent", OPSDECK_DATA_DIR: "/tmp/opsdeck-unused/data" });
  const app: OpsdeckApp = await startApp({
    env,
    opened: test,
    log: createLogger(env),
    port: 0,
    host: "127.0.0.1",
    ...(options.sessionPolicy ? { sessionPolicy: options.sessionPolicy } : {}),
  });
  return {
    test,
    app,
    /** A client that keeps its session cookie, like a browser tab. */
    browser() {
      let cookie = "";
      return async (path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) => {
        const res = await fetch(`${app.url}${path}`, {
          method: init.method ?? (init.body ? "POST" : "GET"),
          headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}), ...init.headers },
          body: init.body ? JSON.stringify(init.body) : null,
        });
        const set = res.headers.get("set-cookie");
        if (set) cookie = set.split(";")[0]!;
        const text = await res.text();
        return { status: res.status, body: (text ? JSON.parse(text) : null) as Record<string, any>, setCookie: set };
      };
    },
    async stop() {
      await app.close();
      await test.destroy();
    },
  };
}
