import { randomBytes } from "node:crypto";
import type { OpenedDatabase } from "@opsdeck/db";
import type { CommandFactory } from "./cli/program.ts";
import type { Env } from "./env.ts";
import { cliRoute } from "./http/cli-endpoint.ts";
import { health } from "./http/health.ts";
import { sendJson } from "./http/respond.ts";
import { removeRunFile, writeRunFile } from "./http/runfile.ts";
import { createHttpServer, type Route } from "./http/server.ts";
import type { Logger } from "./logger.ts";
import { createAuth, type Auth } from "./auth/routes.ts";
import type { SessionPolicy } from "./auth/sessions.ts";

export interface OpsdeckApp {
  url: string;
  auth: Auth;
  close(): Promise<void>;
}

export interface StartAppOptions {
  env: Env;
  opened: OpenedDatabase;
  log: Logger;
  port: number;
  host: string;
  /** CLI commands the server can run for a local `opsdeck` process. */
  cliCommands?: () => CommandFactory[];
  /** Overrides the session lifetimes of the environment (tests). */
  sessionPolicy?: SessionPolicy;
}

/** Starts the HTTP server on an opened, migrated database. */
export async function startApp(options: StartAppOptions): Promise<OpsdeckApp> {
  const { env, opened, log } = options;
  const token = randomBytes(32).toString("hex");
  const policy = options.sessionPolicy ?? {
    idleMs: env.SESSION_IDLE_MINUTES * 60_000,
    maxAgeMs: env.SESSION_MAX_DAYS * 86_400_000,
  };
  let publicUrl = env.PUBLIC_URL ?? "";
  const auth = createAuth({
    db: opened.db,
    policy,
    cookies: { secure: publicUrl.startsWith("https:"), maxAgeSeconds: Math.round(policy.maxAgeMs / 1000) },
    publicUrl: () => publicUrl,
    onResetLink: (email, link) => log.info({ email, link }, "password reset link (also queued in core.mail_outbox)"),
  });
  const routes: Route[] = [
    auth.routes,
    async ({ url, res }) => {
      if (url.pathname !== "/api/health") return false;
      const body = await health(opened);
      sendJson(res, body.status === "ok" ? 200 : 503, body);
      return true;
    },
  ];
  if (opened.backend === "pglite") routes.push(cliRoute(env, opened, token, options.cliCommands ?? (() => [])));
  const http = createHttpServer(routes, log);
  const url = await http.listen(options.port, options.host);
  publicUrl ||= url;
  if (opened.backend === "pglite") {
    writeRunFile(env.stateDir, { pid: process.pid, url, token, dataDir: env.OPSDECK_DATA_DIR });
  }
  return {
    url,
    auth,
    async close() {
      removeRunFile(env.stateDir);
      await http.close();
    },
  };
}
